"""The walk down a text page from its lead: every line below the lead gets a role, one state at a time (in the
article, in a box of related links, past the closing byline), until a block heading ends the article.

A prose line is recognised from its text alone; the other lines go through one decision list (`Walker.step`):
links printed twice or after their URL slug, furniture, time stamps, captions and credits, bylines that close the
article, teasers cut short with "...", subheadings, list items, and a list of other stories under a heading that
the furniture lists do not know.
"""

from __future__ import annotations

import re
from itertools import pairwise

from vnnews.extract import cohesion, meta, site, stamps
from vnnews.extract import lines as page_lines
from vnnews.extract.article import TextArticle
from vnnews.extract.headline import skippable_before_lead
from vnnews.extract.lines import INLINE_LINK_STARTS, SLUG_STARTS, Line, PageLines, doubled_title, plain_prose
from vnnews.model import Caption

_BULLETS = frozenset("-–—•+*·")
_LIST_PARAGRAPHS = 3  # paragraphs of a list read to tell whether they are other stories
_BODY_BEFORE_LIST = 2  # body paragraphs read before a list of other stories can end the article (not a digest's intro)
_HEADING_WORDS = 8  # "Bài viết hay? Hãy đánh giá bài viết"
_QUOTE_WORDS = 8  # a quotation set apart in the body is a sentence or more
_CELL_WORDS = 3  # a table's cells printed one a line: a name, a figure, a score
_TAG_WORDS = 5  # tags and menu items are a few words; a headline among links is most often longer
_CLOCK = re.compile(r"\d{1,2}[:h]\d{2}")  # the time of day a live blog's update was posted, on its own line
_NEARBY_PARAGRAPHS = 3  # body paragraphs above a box that the prose under it is compared with
_BOX_LOOK = 8  # lines looked at under a heading for the links of a box and the prose under them
_BODY_LOOK = 8  # lines looked at under a byline right below the lead for the start of the body


def _heading(line: Line) -> bool:
    """Shaped like the heading of a block of the page: a few words, headline-shaped, a capital first."""
    return line.titleish and line.words <= _HEADING_WORDS and line.text[0].isupper()


def _opens_list(line: Line) -> bool:
    """A sentence that opens the list or the quote under it ("... gồm các nội dung sau:")."""
    return line.text[-1] == ":" and line.words >= 6


def _quotation(line: Line) -> bool:
    """A quotation set apart in the body, a pull quote: a sentence or more between quotation marks."""
    return line.words >= _QUOTE_WORDS and line.text[0] in "\"“" and line.text[-1] in "\"”"


class Walker:
    """Walks the lines after the lead, one state at a time: in the article, in a related box, or past the end."""

    def __init__(self, page: PageLines, art: TextArticle):
        self.lines, self.art = page, art
        self.in_related = False
        self.closed = False  # past the closing byline: no more body, but related boxes are still read
        self.closed_at = -1  # the closing byline's line
        self.prev_kind = "body"
        self.title_run, self.title_run_end = 0, -1  # link titles printed one after another, with no summary
        self.box_summaries = 0  # link summaries seen since the related box began
        self.shortest_title = _HEADING_WORDS * 4  # the words of the shortest link title seen since the box began
        self.list_at = -1  # the last line that opened a list or was one of its items

    def role(self, at: int, role: str, reason: str) -> None:
        self.art.roles.append((at, role, reason))

    def next_line(self, i: int) -> Line | None:
        return self.lines[i + 1] if i + 1 < self.lines.size else None

    def open_box(self) -> None:
        self.in_related, self.prev_kind, self.box_summaries, self.shortest_title = True, "marker", 0, _HEADING_WORDS * 4

    def add_related(self, title: str) -> None:
        if title and title not in self.art.related and title != self.art.title:
            self.art.related.append(title)
            self.shortest_title = min(self.shortest_title, title.count(" ") + 1)

    def walk(self, start: int) -> None:
        body, roles, title = self.art.body, self.art.roles, self.art.title
        texts, counts = self.lines.texts, self.lines.counts
        for i in range(start, len(texts)):
            text = texts[i]
            # The common case, kept cheap and read from the text alone: a prose line cannot be furniture, a link,
            # a credit or a byline.
            if text[-1] == "." and counts[text] == 1 and plain_prose(text, 1) and text != title:
                if self.in_related or self.closed:
                    self.step_outside(i, self.lines[i])
                else:
                    body.append(text)
                    roles.append((i, "body", "prose inside the article"))
                    self.prev_kind = "body"
            elif self.step(i) == "end":
                self.art.end_at = i
                return

    def step(self, i: int) -> str | None:  # noqa: C901 - one decision list, read top to bottom
        texts, art = self.lines.texts, self.art
        text = texts[i]
        if (title := doubled_title(text)) is not None:
            self.add_related(title)
            return self.role(i, "related", "link title printed twice on one line")
        if self.lines.counts[text] > 1 and text.count(" ") >= 2:  # a title of three words or more, printed again
            if i + 1 < len(texts) and texts[i + 1] == text:
                self.in_related, self.prev_kind = True, "title"
                self.add_related(text)
                self.count_title(i, again=i > 0 and texts[i - 1] == text)
                return self.role(i, "related", "link title printed twice in a row")
            if i > 0 and texts[i - 1] == text:
                self.count_title(i, again=True)
                return self.role(i, "related", "second print of a link title")
        line = self.lines[i]
        kind = line.furniture
        if kind == "end":
            if self.box_inside_article(i, line):
                self.open_box()
                return self.role(i, "related-marker", "heading of a box inside the article: its story goes on below")
            self.role(i, "end-marker", "block heading after which the page holds no more of the article")
            return "end"
        if kind == "related":
            self.open_box()
            return self.role(i, "related-marker", "heading of a related-articles box")
        if kind == "widget":
            self.note_site(line)
            return self.role(i, "widget", "page widget or player control")
        if text == art.title:
            return self.role(i, "title-repeat", "repeats the headline (image alt text)")
        if text[0] == "#" and (" #" in text or any(0 <= k < len(texts) and texts[k][0] == "#" for k in (i - 1, i + 1))):
            return self.role(i, "widget", "the article's tags")  # "#NATO #Ukraine", or one hashtag a line
        # Each parse below is asked only of lines that have what its kind needs (a year, a first character, a
        # short length): most lines pass through without one.
        n, first = len(text), text[0]
        if "|" in text and (signed := line.signed_stamp) is not None:
            return self.signed_stamp(i, signed)
        if stamps.may_be_stamp(text) and (stamp := line.stamp) is not None:
            if art.published is None:
                art.published, art.published_precision = stamp.value, stamp.precision
            return self.role(i, "timestamp", f"time stamp {stamp.value}")
        if first in SLUG_STARTS and (slug := line.slug) is not None and (not slug[1] or slug[1][0].isupper()):
            self.in_related, self.prev_kind = True, "link" if slug[1] else "slug"
            self.add_related(slug[1])
            if slug[1]:
                self.count_title(i)
            elif self.title_run_end == i - 1:
                self.title_run_end = i  # the slug of the next link: the run of titles goes on through it
            return self.role(i, "slug", "URL slug of a link" + (" before its title" if slug[1] else ""))
        if first in INLINE_LINK_STARTS and (title := line.inline_link) is not None:
            self.add_related(title)
            return self.role(i, "related", "inline link to another article")
        if meta.credit_hint(text) and (caption := line.caption) is not None:
            art.captions.append(Caption(*caption))
            self.in_related, self.prev_kind = False, "caption"
            return self.role(i, "caption", "ends with a photo credit")
        short = n <= 90  # short enough to be a byline or a credit
        if short and first in meta.CREDIT_STARTS and (credit := meta.parse_credit(text)) is not None:
            return self.credit_line(i, credit[0])
        words = line.words
        if not (short and meta.could_be_byline(text, words)):
            byline = None
        else:
            two_writers = words <= 7 and (" - " in text or ", " in text)  # "Võ Văn Thành - Xuân Hoa"
            byline = line.byline if words <= 5 or two_writers else meta.parse_byline(text, bare_ok=False)
        if byline is not None and first == "N" and self.below_media(i):
            return self.role(i, "credit", "the source of the video or photo above")
        if byline is not None and self.closed and self.closed_at != i - 1:
            byline = None  # a name well below the closing byline: a tag ("Hàn Quốc") or a link, not the writer
        elif byline is not None and byline.agency is None and "(" not in text and self.among_cells(i):
            byline = None  # a name among a table's cells ("Bảng C", "Đội", "Thụy Điển", "42-"): a team, a country
        if byline is not None and self.closes_article(i, line, byline):
            art.author = art.author or byline.author
            art.source_agency = art.source_agency or byline.agency
            self.closed, self.closed_at, self.in_related, self.prev_kind = True, i, False, "byline"
            return self.role(i, "byline", "author/agency line closing the article")
        if byline is not None and not art.body and not (art.author and byline.author or art.source_agency):
            # Between the lead and the body: the author's line, or the agency credited under it ("Theo Reuters").
            art.author, art.source_agency = art.author or byline.author, byline.agency
            return self.role(i, "byline", "author or agency line between the lead and the body")
        if byline is not None and byline.author is None:
            return self.role(i, "credit", "a photo or video credit standing on its own line")
        if self.in_related or self.closed:
            return self.step_outside(i, line)
        return self.step_article(i, line)

    def credit_line(self, i: int, credit: str | None) -> None:
        """A credit on its own line makes the short line printed just above it a caption."""
        body, roles = self.art.body, self.art.roles
        above = roles[-1] if roles else None
        if above and above[1] == "body" and above[0] == i - 1 and self.lines[i - 1].words <= 40 and body:
            body.pop()
            roles[-1] = (i - 1, "caption", "photo caption: its credit stands on the next line")
            self.art.captions.append(Caption(self.lines[i - 1].text, credit))
            return self.role(i, "credit", "photo credit of the caption above")
        return self.role(i, "credit", "a photo credit standing on its own line")

    def prose_within(self, i: int, n: int, past_links: bool = False) -> bool:
        """Whether article prose goes on within the next n lines, before any block heading or link (or, with
        `past_links`, past the links printed twice or after their URL slug): a headline shape with prose under it is
        a link title and its summary."""
        lines, counts = self.lines, self.lines.counts
        for k in range(i + 1, min(i + 1 + n, lines.size)):
            line = lines[k]
            if line.end_marker or line.related_marker:
                return False
            if counts[line.text] > 1 or line.doubled or (past_links and line.slug is not None):
                if past_links:
                    continue
                return False
            if line.titleish and k + 1 < lines.size and lines[k + 1].paragraph and not skippable_before_lead(line):
                return False
            if line.paragraph and not line.truncated:
                return True
        return False

    def closes_article(self, i: int, line: Line, byline: meta.Byline) -> bool:
        """A byline closes the article when prose does not go on after it, or when it credits someone explicitly
        below the body. Right under the lead it is the body's own byline when the body follows, maybe below a box of
        links and a photo."""
        if byline.author is None and self.art.source_agency:
            return False
        explicit = byline.author is not None and (byline.agency is not None or "(" in line.text)
        if explicit and self.art.body:
            return True
        if self.in_related:
            return True
        if not self.art.body:  # the body may start below a box of links and a photo
            return not self.prose_within(i, _BODY_LOOK, past_links=True)
        return not self.prose_within(i, 3)

    def step_article(self, i: int, line: Line) -> str | None:
        if line.truncated:
            self.in_related, self.prev_kind = True, "teaser"
            return self.role(i, "teaser", "summary cut short with '...': a link teaser")
        nxt = self.next_line(i)
        above_caption = nxt is not None and nxt.caption is not None
        if above_caption and line.titleish and not line.ends_sentence:
            return self.role(i, "image-title", "headline-shaped line just above a photo caption")
        if nxt is not None and line.titleish and nxt.truncated:
            self.in_related, self.prev_kind = True, "title"
            self.add_related(line.text)
            return self.role(i, "related", "link title above a cut-short teaser")
        text = line.text
        # A line that opens a list: a sentence closing with ":", or a short label with ":" over a bulleted item.
        introduces = _opens_list(line) or (text[-1] == ":" and nxt is not None and nxt.text[0] in _BULLETS)
        # An item of a list, right under the line that opens the list or under another item: set off by a bullet or
        # closed by ";". An item that closes with a full stop was kept as prose: the bulleted line under it goes on.
        under_item = self.list_at == i - 1 or (text[0] in _BULLETS and self.body_line_above(i, bulleted=True))
        list_item = under_item and line.words >= 3 and (text[-1] == ";" or text[0] in _BULLETS)
        quoted = _quotation(line)
        keep = (line.ends_sentence and line.words >= 3) or line.words >= 20 or introduces or list_item or quoted or (
            line.titleish and line.words >= 3 and nxt is not None and (nxt.paragraph or _opens_list(nxt))
        )
        if keep:
            self.art.body.append(text)
            self.prev_kind = "body"
            if introduces or list_item:
                self.list_at = i
            reason = (
                "prose inside the article" if line.ends_sentence
                else "list item" if list_item else "opens a list or a quote" if introduces
                else "a quotation set apart" if quoted else "subheading"
            )
            return self.role(i, "body", reason)
        enough_body = len(self.art.body) >= _BODY_BEFORE_LIST
        if _heading(line) and enough_body and not self.sectioned() and self.other_stories_below(i):
            self.role(i, "end-marker", "heading of a list of other stories: its paragraphs tell other stories")
            return "end"
        return self.role(i, "short", "too short and unpunctuated to be prose")

    def sectioned(self) -> bool:
        """Whether the article already set some of its prose under a short heading: the next such heading opens
        another section (a digest's "Châu Âu" after its "Trung Đông"), not a list of other stories."""
        roles, lines = self.art.roles, self.lines
        return any(
            role == "short" and after[1] == "body" and after[0] == k + 1 and _heading(lines[k])
            for (k, role, _), after in pairwise(roles)
        )

    def other_stories_below(self, i: int) -> bool:
        """Whether the paragraphs printed one after another right under line i all tell other stories than the
        article: a list of links under a heading that the furniture lists do not know. Paragraphs with titles between
        them are not judged so: an article's sections under their subheadings are printed that way too."""
        lines, count = self.lines, _LIST_PARAGRAPHS
        if i + count >= lines.size or not all(lines[k].paragraph for k in range(i + 1, i + 1 + count)):
            return False
        paragraphs = [lines[k].text for k in range(i + 1, i + 1 + count)]
        return cohesion.other_stories(paragraphs, [self.art.title, self.art.lead or "", *self.art.body])

    def step_outside(self, i: int, line: Line) -> str | None:
        where = "after the closing byline" if self.closed else "inside a related-articles box"
        if line.paragraph or line.truncated:
            titles_only = self.title_run_end == i - 1 and self.under_bare_titles(i) and self.prose_goes_on(i)
            if (self.prev_kind == "title" and not titles_only) or line.truncated or self.closed:
                self.prev_kind = "teaser"
                self.box_summaries += 1
                return self.role(i, "teaser", f"link summary {where}")
            self.in_related, self.box_summaries = False, 0
            return self.step_article(i, line)
        if line.titleish and line.words <= _HEADING_WORDS and self.title_run_end == i - 1:
            # Under a box of bare titles, a line shorter than the title above it and over prose: the article's
            # subheading, and the article resumes.
            nxt = self.next_line(i)
            if self.under_bare_titles(i) and nxt is not None and nxt.paragraph and line.words < self.lines[i - 1].words:
                self.in_related = False
                return self.step_article(i, line)
        if line.titleish and line.words < _TAG_WORDS and self.closed and self.among_tags(i):
            return self.role(i, "dropped", f"one of a run of tags {where}")
        if line.titleish and self.box_summaries and not self.closed and self.subheading_under_box(i, line):
            self.in_related, self.box_summaries = False, 0
            return self.step_article(i, line)
        if line.titleish:
            self.add_related(line.text)
            self.prev_kind = "title"
            self.title_run = self.title_run + 1 if self.title_run_end == i - 1 else 1  # count_title(i), spelled out
            self.title_run_end = i
            return self.role(i, "related", f"link title {where}")
        return self.role(i, "dropped", where)

    def subheading_under_box(self, i: int, line: Line) -> bool:
        """Whether line i, under a box of link titles with their summaries, is the article's subheading: half as
        long as the box's shortest title at most, over two paragraphs (a link has one summary)."""
        if line.words > _HEADING_WORDS or 2 * line.words > self.shortest_title or i + 2 >= self.lines.size:
            return False
        first, second = self.lines[i + 1], self.lines[i + 2]
        return first.paragraph and second.paragraph and not (first.truncated or second.truncated)

    def among_tags(self, i: int) -> bool:
        """Whether line i is one of a run of a few words each printed one under another: the article's tags or a
        menu, where a list of links has headlines, long lines with a short one now and then."""
        lines = self.lines
        return any(0 <= k < lines.size and lines[k].titleish and lines[k].words < _TAG_WORDS for k in (i - 1, i + 1))

    def box_inside_article(self, i: int, line: Line) -> bool:
        """Whether an end heading heads a box inside the article: "Đọc thêm" over links, or a live blog's "Mới nhất",
        with the article's story going on below."""
        key = line.text.casefold().rstrip(":").strip()
        return key in page_lines.FURNITURE.end_or_related and self.article_below_links(i)

    def article_below_links(self, i: int) -> bool:
        """Whether the first paragraph under the links or controls printed below line i tells the article's story:
        under two links or more (a box; under one, the paragraph is its summary), or under the time a live blog's
        update was posted, past its sorting toggle."""
        lines, texts, counts, art = self.lines, self.lines.texts, self.lines.counts, self.art
        links: set[str] = set()
        for k in range(i + 1, min(i + 1 + _BOX_LOOK, lines.size)):
            if counts[texts[k]] > 1:
                links.add(texts[k])  # a link printed twice
                continue
            line = lines[k]
            if line.paragraph and not line.truncated:
                if _CLOCK.fullmatch(texts[k - 1]):
                    return True
                nearby = [art.title, art.lead or "", *art.body[-_NEARBY_PARAGRAPHS:]]  # what the story is, and where
                return len(links) >= 2 and cohesion.tells_the_article(line.text, nearby)
            if line.furniture not in (None, "widget") or not (line.titleish or line.widget or line.doubled):
                return False
            if not line.widget:
                links.add(line.doubled or line.text)
        return False

    def body_line_above(self, i: int, bulleted: bool = False) -> bool:
        """Whether line i - 1 was kept as body (and, if `bulleted`, starts with a bullet)."""
        roles = self.art.roles
        above = roles[-1] if roles else None
        if above is None or above[0] != i - 1 or above[1] != "body":
            return False
        return not bulleted or self.lines.texts[i - 1][0] in _BULLETS

    def among_cells(self, i: int) -> bool:
        """Whether line i is a short line between a line too short to be prose in the article and a figure: a cell
        of a table printed one cell a line ("Đ1-", "Thụy Điển", "42-"), where a closing byline comes under the
        article's last paragraph."""
        roles, nxt = self.art.roles, self.next_line(i)
        if self.lines[i].words > _CELL_WORDS or not (roles and roles[-1][0] == i - 1 and roles[-1][1] == "short"):
            return False
        return nxt is not None and nxt.words <= _CELL_WORDS and any(map(str.isdigit, nxt.text))

    def under_bare_titles(self, i: int) -> bool:
        """Whether line i comes right under a box of bare link titles (two or more, none with a summary) set inside
        the article: what follows such a box is the article's again, unless the page's lists go on below it."""
        return self.title_run >= 2 and self.title_run_end == i - 1 and not self.box_summaries and not self.closed

    def below_media(self, i: int) -> bool:
        """Whether line i is printed right under a player's controls or a media credit."""
        roles = self.art.roles
        return bool(roles) and roles[-1][0] == i - 1 and roles[-1][1] in ("widget", "credit")

    def prose_goes_on(self, i: int) -> bool:
        """Whether the article's prose goes on right under line i: a paragraph, or a subheading over one. A block
        heading, a title printed again or a line of a form means the page's lists go on instead."""
        lines, counts = self.lines, self.lines.counts
        nxt = self.next_line(i)
        if nxt is not None and nxt.text[0] in SLUG_STARTS and nxt.slug is not None and not nxt.slug[1]:
            i, nxt = i + 1, self.next_line(i + 1)  # a URL slug left by the scraper over a photo or a link
        if nxt is None or nxt.furniture in ("end", "related") or counts[nxt.text] > 1 or nxt.doubled is not None:
            return False
        if nxt.paragraph or _quotation(nxt) or (nxt.caption is not None and meta.credit_hint(nxt.text)):
            return not nxt.truncated
        after = lines[i + 2] if i + 2 < lines.size else None
        return nxt.titleish and after is not None and after.paragraph and not after.truncated

    def count_title(self, i: int, again: bool = False) -> None:
        """One more link title in a run of them printed one after another; a title printed `again` right under
        itself is the same link, and the run goes on through it."""
        if not (again and self.title_run_end == i - 1):
            self.title_run = self.title_run + 1 if self.title_run_end == i - 1 else 1
        self.title_run_end = i

    def signed_stamp(self, i: int, signed: tuple[meta.Byline, stamps.Stamp]) -> None:
        """A byline and the publication time on one line: each fills its field unless the page stated it already."""
        art, (byline, stamp) = self.art, signed
        if art.published is None:
            art.published, art.published_precision = stamp.value, stamp.precision
        if art.author is None and art.source_agency is None:
            art.author, art.source_agency = byline.author, byline.agency
        return self.role(i, "byline", f"author line with the publication time {stamp.value}")

    def note_site(self, line: Line) -> None:
        if self.art.site is None and (domain := site.find_domain(line.text)):
            self.art.site = domain
