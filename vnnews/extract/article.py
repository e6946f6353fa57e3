"""What the line rules yield for a text page: the article's fields, and the role of every line read, for
`--explain`."""

from __future__ import annotations

from dataclasses import dataclass, field

from vnnews.extract.lines import PageLines
from vnnews.model import Caption


@dataclass
class LineRole:
    line_no: int
    text: str
    role: str
    reason: str


@dataclass
class TextArticle:
    """What the line roles yield, before page metadata from elsewhere (manifest, HTML) is merged in."""

    title: str
    lead: str | None = None
    body: list[str] = field(default_factory=list)
    author: str | None = None
    source_agency: str | None = None
    dateline: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_above_title: bool = False  # a date a site prints in its header, above the headline, gives way
    section: str | None = None
    site: str | None = None
    captions: list[Caption] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    roles: list[tuple[int, str, str]] = field(default_factory=list)  # (line index, role, reason), in page order
    lines: PageLines | None = None
    end_at: int | None = None  # the block heading that ends the article: no line below it is read
    lead_at: int = 0

    def line_roles(self) -> list[LineRole]:
        if self.lines is None:
            return []
        numbers, texts = self.lines.numbers, self.lines.texts
        roles = [LineRole(numbers[k], texts[k], role, reason) for k, role, reason in self.roles]
        if self.end_at is not None:
            reason = "below a block heading that ends the article"
            rest = range(self.end_at + 1, len(texts))
            roles.extend(LineRole(numbers[k], texts[k], "after-end", reason) for k in rest)
        return roles
