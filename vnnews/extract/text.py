"""Text-page extraction: give every line of a scraped page a role, then keep the article's lines.

The roles come from how news pages are built, not from any one site: the headline is the last headline-shaped
line before the first paragraph; the article runs until a block heading that ends it (comments, most-read,
other news), or its closing byline; related-article boxes (titles printed twice, URL slugs, teasers cut short
with "...") may sit inside it and are stepped over; photo captions end with their credit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vnnews.extract import meta
from vnnews.extract.lines import Line, split_lines
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
    section: str | None = None
    site: str | None = None
    captions: list[Caption] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    roles: list[tuple[Line, str, str]] = field(default_factory=list)  # (line, role, reason), in page order

    def line_roles(self) -> list[LineRole]:
        return [LineRole(line.no, line.text, role, reason) for line, role, reason in self.roles]


class NoArticle(ValueError):
    """The page holds no article: no headline followed by prose."""


def _skippable_before_lead(line: Line) -> bool:
    """Lines that sit between a headline and its lead: widgets, time stamps, bylines, photo captions."""
    return (
        line.widget
        or line.stamp is not None
        or (line.words <= 6 and line.byline is not None)
        or line.caption is not None
    )


def _find_title_and_lead(lines: list[Line], title_hint: str | None) -> tuple[int | None, int]:
    """Indices of the headline (None when the page starts with prose) and of the first paragraph."""

    def back(j: int) -> int:
        while j >= 0 and (lines[j].words == 1 or _skippable_before_lead(lines[j])) and lines[j].text != title_hint:
            j -= 1
        return j

    for i, line in enumerate(lines):
        if not line.statement or line.end_marker or line.widget:
            continue
        lead, j = i, back(i - 1)
        if j >= 0 and lines[j].words >= 20 and not lines[j].titleish and lines[j].text != title_hint:
            lead, j = j, back(j - 1)  # a lead that ends without a full stop
        headline = j >= 0 and (lines[j].titleish or lines[j].text == title_hint)
        if headline and meta.parse_breadcrumb(lines[j].text) is None:
            k = back(j - 1)
            above = lines[k] if 0 <= k < j - 1 else None
            if lines[j].ends_sentence and lines[j].words >= 12 and above and above.titleish and above.words >= 4:
                if meta.parse_breadcrumb(above.text) is None:
                    return k, j  # a lead closing with "?" under a headline, a time stamp or byline between them
            return j, lead
        if j < 0 and line.words <= 40 and title_hint is None and (nxt := _next_statement(lines, i)) is not None:
            return i, nxt  # a headline that happens to end with a full stop ("... Cao Mỹ D.")
        if title_hint is not None:
            return None, lead
    raise NoArticle("no article found: no headline followed by prose")


def _next_statement(lines: list[Line], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and _skippable_before_lead(lines[j]):
        j += 1
    return j if j < len(lines) and lines[j].statement else None


class _Walker:
    """Walks the lines after the lead, one state at a time: in the article, in a related box, or past the end."""

    def __init__(self, lines: list[Line], art: TextArticle):
        self.lines, self.art = lines, art
        self.in_related = False
        self.closed = False  # past the closing byline: no more body, but related boxes are still read
        self.prev_kind = "body"

    def role(self, line: Line, role: str, reason: str) -> None:
        self.art.roles.append((line, role, reason))

    def next_line(self, i: int) -> Line | None:
        return self.lines[i + 1] if i + 1 < len(self.lines) else None

    def add_related(self, title: str) -> None:
        if title and title not in self.art.related and title != self.art.title:
            self.art.related.append(title)

    def walk(self, start: int) -> None:
        lines, body, roles, title = self.lines, self.art.body, self.art.roles, self.art.title
        for i in range(start, len(lines)):
            line = lines[i]
            if line.plain_prose and line.text != title:
                # The common case, kept cheap: a prose line cannot be furniture, a link, a credit or a byline.
                if self.in_related or self.closed:
                    self.step_outside(line, lines[i + 1] if i + 1 < len(lines) else None)
                else:
                    body.append(line.text)
                    roles.append((line, "body", "prose inside the article"))
                    self.prev_kind = "body"
            elif self.step(i) == "end":
                reason = "below a block heading that ends the article"
                roles.extend((rest, "after-end", reason) for rest in lines[i + 1:])
                return

    def step(self, i: int) -> str | None:  # noqa: C901 - one decision list, read top to bottom
        line, nxt = self.lines[i], self.next_line(i)
        art = self.art
        if (title := line.doubled) is not None:
            self.add_related(title)
            return self.role(line, "related", "link title printed twice on one line")
        if line.count > 1 and line.words > 2:
            if nxt is not None and nxt.text == line.text:
                self.in_related, self.prev_kind = True, "title"
                self.add_related(line.text)
                return self.role(line, "related", "link title printed twice in a row")
            if i > 0 and self.lines[i - 1].text == line.text:
                return self.role(line, "related", "second print of a link title")
        kind = line.furniture
        if kind == "end":
            self.role(line, "end-marker", "block heading after which the page holds no more of the article")
            return "end"
        if kind == "related":
            self.in_related, self.prev_kind = True, "marker"
            return self.role(line, "related-marker", "heading of a related-articles box")
        if kind == "widget":
            self.note_site(line)
            return self.role(line, "widget", "page widget or player control")
        if line.text == art.title:
            return self.role(line, "title-repeat", "repeats the headline (image alt text)")
        if (stamp := line.stamp) is not None:  # a stamp is at most 80 characters: always a short line
            if art.published is None:
                art.published, art.published_precision = stamp.value, stamp.precision
            return self.role(line, "timestamp", f"time stamp {stamp.value}")
        if (slug := line.slug) is not None and (not slug[1] or slug[1][0].isupper()):
            self.in_related, self.prev_kind = True, "link" if slug[1] else "slug"
            self.add_related(slug[1])
            return self.role(line, "slug", "URL slug of a link" + (" before its title" if slug[1] else ""))
        if (title := line.inline_link) is not None:
            self.add_related(title)
            return self.role(line, "related", "inline link to another article")
        if (caption := line.caption) is not None:
            art.captions.append(Caption(*caption))
            self.in_related, self.prev_kind = False, "caption"
            return self.role(line, "caption", "ends with a photo credit")
        if line.short and line.text[0] in meta.CREDIT_STARTS and (credit := meta.parse_credit(line.text)) is not None:
            return self.credit_line(i, line, credit[0])
        maybe_byline = line.short and meta.could_be_byline(line.text, line.words)
        if not maybe_byline:
            byline = None
        else:
            byline = line.byline if line.words <= 5 else meta.parse_byline(line.text, bare_ok=False)
        if byline is not None and self.closes_article(i, line, byline):
            art.author = art.author or byline.author
            art.source_agency = art.source_agency or byline.agency
            self.closed, self.in_related, self.prev_kind = True, False, "byline"
            return self.role(line, "byline", "author/agency line closing the article")
        if byline is not None and byline.author is None:
            return self.role(line, "credit", "a photo or video credit standing on its own line")
        if self.in_related or self.closed:
            return self.step_outside(line, nxt)
        return self.step_article(line, nxt)

    def credit_line(self, i: int, line: Line, credit: str | None) -> None:
        """A credit on its own line makes the short line printed just above it a caption."""
        body, roles = self.art.body, self.art.roles
        above = roles[-1] if roles else None
        if above and above[1] == "body" and above[0] is self.lines[i - 1] and above[0].words <= 40 and body:
            body.pop()
            roles[-1] = (above[0], "caption", "photo caption: its credit stands on the next line")
            self.art.captions.append(Caption(above[0].text, credit))
            return self.role(line, "credit", "photo credit of the caption above")
        return self.role(line, "credit", "a photo credit standing on its own line")

    def prose_within(self, i: int, n: int) -> bool:
        """Whether article prose goes on within the next n lines, before any block heading."""
        for line in self.lines[i + 1: i + 1 + n]:
            if line.end_marker or line.related_marker or line.count > 1 or line.doubled:
                return False
            if line.paragraph and not line.truncated:
                return True
        return False

    def closes_article(self, i: int, line: Line, byline: meta.Byline) -> bool:
        """A byline closes the article when prose does not go on after it, or when it credits someone explicitly."""
        if byline.author is None and self.art.source_agency:
            return False
        if byline.author is not None and (byline.agency is not None or "(" in line.text):
            return True
        return self.in_related or not self.prose_within(i, 3)

    def step_article(self, line: Line, nxt: Line | None) -> None:
        if line.truncated:
            self.in_related, self.prev_kind = True, "teaser"
            return self.role(line, "teaser", "summary cut short with '...': a link teaser")
        above_caption = nxt is not None and nxt.caption is not None
        if above_caption and line.titleish and not line.ends_sentence:
            return self.role(line, "image-title", "headline-shaped line just above a photo caption")
        if nxt is not None and line.titleish and nxt.truncated:
            self.in_related, self.prev_kind = True, "title"
            self.add_related(line.text)
            return self.role(line, "related", "link title above a cut-short teaser")
        introduces = line.text[-1] == ":" and line.words >= 6  # a line that opens a list or a quote
        keep = (line.ends_sentence and line.words >= 3) or line.words >= 20 or introduces or (
            line.titleish and line.words >= 3 and nxt is not None and nxt.paragraph
        )
        if keep:
            self.art.body.append(line.text)
            self.prev_kind = "body"
            return self.role(line, "body", "prose inside the article" if line.ends_sentence else "subheading")
        return self.role(line, "short", "too short and unpunctuated to be prose")

    def step_outside(self, line: Line, nxt: Line | None) -> None:
        where = "after the closing byline" if self.closed else "inside a related-articles box"
        if line.paragraph or line.truncated:
            if self.prev_kind == "title" or line.truncated or self.closed:
                self.prev_kind = "teaser"
                return self.role(line, "teaser", f"link summary {where}")
            self.in_related = False
            return self.step_article(line, nxt)
        if line.titleish:
            self.add_related(line.text)
            self.prev_kind = "title"
            return self.role(line, "related", f"link title {where}")
        return self.role(line, "dropped", where)

    def note_site(self, line: Line) -> None:
        if self.art.site is None and (domain := meta.find_domain(line.text)):
            self.art.site = domain


def extract_text(text: str, title_hint: str | None = None) -> TextArticle:
    """Roles for every line of a text page and the article they yield; raises NoArticle when there is none."""
    lines = split_lines(text)
    if not lines:
        raise NoArticle("no article found: the page is empty")
    title_at, lead_at = _find_title_and_lead(lines, title_hint)
    title = lines[title_at].text if title_at is not None else (title_hint or "")
    art = TextArticle(title=title)
    walker = _Walker(lines, art)
    for line in lines[: title_at if title_at is not None else lead_at]:
        _read_header_line(line, art, walker, under_title=False)
    if title_at is not None:
        walker.role(lines[title_at], "title", "last headline-shaped line before the first paragraph")
        for line in lines[title_at + 1: lead_at]:
            _read_header_line(line, art, walker, under_title=True)
    dateline, lead = meta.split_dateline(lines[lead_at].text)
    art.lead, art.dateline = lead, dateline
    removed = f" (dateline {dateline!r} removed)" if dateline else ""
    walker.role(lines[lead_at], "lead", "first paragraph after the headline" + removed)
    if dateline and art.site is None:
        art.site = meta.find_domain(dateline)
    if not art.title:
        raise NoArticle("no article found: no headline above the text")
    walker.walk(lead_at + 1)
    if art.source_agency is None and (art.body or art.lead):
        art.source_agency = meta.trailing_agency((art.body or [art.lead])[-1])
    return art


def _read_header_line(line: Line, art: TextArticle, walker: _Walker, *, under_title: bool) -> None:
    if art.section is None and (crumbs := meta.parse_breadcrumb(line.text)) is not None:
        art.section = crumbs[0]
        return walker.role(line, "breadcrumb", f"site path; section {crumbs[0]!r}")
    if (stamp := line.stamp) is not None:
        if art.published is None:
            art.published, art.published_precision = stamp.value, stamp.precision
        return walker.role(line, "timestamp", f"publication time {stamp.value}")
    if not under_title and "." not in line.text:
        return walker.role(line, "header", "above the article: menu or widget")
    if line.widget:
        walker.note_site(line)
        return walker.role(line, "widget", "page widget")
    if (caption := line.caption) is not None:
        art.captions.append(Caption(*caption))
        return walker.role(line, "caption", "photo caption above the lead")
    if under_title and (byline := line.byline):
        art.author, art.source_agency = byline.author, byline.agency
        return walker.role(line, "byline", "author line under the headline")
    return walker.role(line, "header", "above the article")
