"""Where the article starts: its headline (the last headline-shaped line before the first paragraph) and its lead.

The lines between a headline and its lead (time stamps, bylines, widgets, photo captions) are stepped over, and the
shapes that mislead a first look are told apart: a lead that ends without a full stop, a headline that ends with
one, a site's menu item, a title stated beside the page (HTML metadata, a corpus row).
"""

from __future__ import annotations

from vnnews.extract import meta, site, stamps
from vnnews.extract.lines import INLINE_LINK_STARTS, Line, PageLines, could_be_statement


class NoArticle(ValueError):
    """The page holds no article: no headline followed by prose."""


def skippable_before_lead(line: Line) -> bool:
    """Lines that sit between a headline and its lead: widgets, time stamps, bylines (alone or with the time stamp),
    photo captions, links to related articles (">> <title>")."""
    return (
        line.widget
        or (line.text[0] in INLINE_LINK_STARTS and line.inline_link is not None)
        or (stamps.may_be_stamp(line.text) and line.stamp is not None)
        or ("|" in line.text and line.signed_stamp is not None)
        or (line.words <= 6 and line.byline is not None)
        or (meta.credit_hint(line.text) and line.caption is not None)
        or line.widget_bar
    )


def find_title_and_lead(
    lines: PageLines, title_hint: str | None, start: int = 0, stop: int | None = None
) -> tuple[int | None, int]:
    """Indices of the headline (None when the page starts with prose) and of the first paragraph, looking for
    the paragraph among lines `start` to `stop`."""

    def back(j: int) -> int:
        while j >= 0 and (
            lines[j].words == 1 or skippable_before_lead(lines[j]) or (lines[j].words <= 3 and _among_widgets(lines, j))
            or (lines[j].end_marker and lines[j].words <= _BUTTON_WORDS)  # "Gửi bình luận" in the sharing bar
        ) and lines[j].text != title_hint:
            j -= 1
        return j

    texts = lines.texts
    prose_found = False
    for i in range(start, lines.size if stop is None else stop):
        if not could_be_statement(texts[i]):
            continue
        line = lines[i]
        if not line.statement or line.end_marker or line.widget:
            continue
        prose_found = True
        lead, j = i, back(i - 1)
        if j >= 0 and lines[j].text != title_hint and _lead_without_full_stop(lines[j]):
            lead, j = j, back(j - 1)
        if title_hint is not None and j >= 0 and lines[j].text != title_hint:
            k = back(j - 1)  # the title stated beside the page (HTML metadata, a corpus row) printed above it:
            if k >= 0 and lines[k].text == title_hint and lines[j].words >= 12 and lines[j].words > lines[k].words:
                return k, j  # then the longer line under it is a lead that ends without a full stop
        if j > 0 and title_hint is None and lines[j].words > _BYLINE_WORDS and _byline_above(lines, j):
            j = back(j - 2)  # the writer's title or office under the byline: the headline is above them
        elif j > 0 and title_hint is None and lines[j].words <= _WIDGET_LABEL_WORDS:
            j = _headline_over_label(lines, j)
        headline = j >= 0 and (lines[j].titleish or lines[j].text == title_hint or _trailing_off(lines[j]))
        if headline and title_hint is None and lead == i and _menu_item(lines, j) and line.words <= 20:
            nxt = _next_statement(lines, i)
            if nxt is not None and lines[nxt].words > line.words:
                return i, nxt  # a headline that ends with a full stop, under a menu: the longer lead follows it
        if headline and site.parse_breadcrumb(lines[j].text) is None:
            # A long "headline" may be a lead without a full stop, the real headline above it: looked for only then.
            long_line, question = lines[j].words >= 25, lines[j].ends_sentence and lines[j].words >= 12
            k = back(j - 1) if long_line or question else -1
            above = lines[k] if 0 <= k < j else None
            if long_line and above and above.titleish and 4 <= above.words < 25:
                if site.parse_breadcrumb(above.text) is None:
                    return k, j  # too long for a headline: a lead without a full stop under the headline (and byline)
            if question and above and above.titleish and above.words >= 5:
                if site.parse_breadcrumb(above.text) is None:
                    return k, j  # a lead closing with "?" under a headline (and a time stamp or byline)
            return j, lead
        if j < 0 and line.words <= 40 and title_hint is None and (nxt := _next_statement(lines, i)) is not None:
            return i, nxt  # a headline that happens to end with a full stop ("... Cao Mỹ D.")
        if title_hint is not None:
            return None, lead
    if prose_found and start == 0 and title_hint is None and lines.size > 1 and lines[0].titleish:
        return 0, 1  # a clean page: its title line, then its text, whose first lines are no lead-shaped paragraph
    raise NoArticle("no article found: no headline followed by prose")


_WIDGET_LABEL_WORDS = 3
_BUTTON_WORDS = 4  # "Gửi bình luận", "Bình luận (12)": an end heading this short between headline and lead is a button
_BYLINE_WORDS = 6
_LABEL_LOOK = 4  # lines looked at above a short label for the headline
_HEADLINE_WORDS = 8  # a line this long is headline-length


def _byline_above(lines: PageLines, j: int) -> bool:
    """Whether line j is printed right under a writer's name that is itself under a headline-shaped line: then j
    says who the writer is ("Nhà nghiên cứu kinh tế quốc tế, Viện ..."), as opinion columns print it."""
    if j < 2:
        return False
    name_text, above_text = lines.texts[j - 1], lines.texts[j - 2]
    name_words, above_words = name_text.count(" ") + 1, above_text.count(" ") + 1
    # A name is a few capitalised words and no digits; above it, a headline, not a menu item, as long as line j or
    # nearly. Most lines above a headline are neither, and are told so from their text.
    if not name_text[:1].isupper() or name_words > _BYLINE_WORDS or any(map(str.isdigit, name_text)):
        return False
    if above_words < _HEADLINE_WORDS or 2 * above_words < lines[j].words or not lines[j - 2].titleish:
        return False
    if site.parse_breadcrumb(above_text) is not None:
        return False
    name = lines[j - 1]
    if name.byline is None or name.byline.author is None:
        return False
    return not name.text.isupper() or meta.person_in_capitals(name.text)


def _among_widgets(lines: PageLines, j: int) -> bool:
    """A label of a few words printed over a widget line, under another widget or under the byline, is a control
    of the same bar ("Cỡ chữ" between "In bài" and "A", "Tặng sao" between the byline and "Chia sẻ"), whether or not
    the lists know it."""
    if not (0 < j < lines.size - 1 and lines[j].words <= _WIDGET_LABEL_WORDS and lines[j + 1].widget):
        return False
    above = lines[j - 1]
    return above.widget or (above.words <= _BYLINE_WORDS and above.byline is not None)


def _headline_over_label(lines: PageLines, j: int) -> int:
    """A label of a few words right above the lead, printed a few short lines under a headline-length line, is a
    control the lists do not know ("Gửi bài" under "In bài", "A+"): the headline is that line. Else j."""
    for k in range(j - 1, max(j - 1 - _LABEL_LOOK, -1), -1):
        line = lines[k]
        if line.words > _WIDGET_LABEL_WORDS and not skippable_before_lead(line):
            if line.titleish and line.words >= _HEADLINE_WORDS and site.parse_breadcrumb(line.text) is None:
                return k
            return j
    return j


def _lead_without_full_stop(line: Line) -> bool:
    """A long line that is no headline: not headline-shaped, or opening with a dateline ("(Dân trí) - ", "TGVN. "),
    or a sentence that opens the list or quote under it ("... những gương mặt sau:")."""
    long_prose = line.words >= 20 and not line.titleish
    opens_list = line.text[-1] == ":" and line.words >= 6
    return long_prose or opens_list or (line.words >= 15 and site.split_dateline(line.text)[0] is not None)


def _trailing_off(line: Line) -> bool:
    """A headline that trails off ("Chuyện chưa kể..."): short, a capital first, and the dots set right
    after the last word, where a teaser cut short by the site has a space before them."""
    text = line.text
    return 2 <= line.words <= 20 and text.endswith(("...", "…")) and not line.truncated and text[0].isupper()


def _menu_item(lines: PageLines, j: int) -> bool:
    """A word or three printed under another such line: an item of the site's menu, not a headline."""
    return lines[j].words <= 3 and j > 0 and lines[j - 1].words <= 3 and lines[j - 1].titleish


def _next_statement(lines: PageLines, i: int) -> int | None:
    j = i + 1
    while j < lines.size and skippable_before_lead(lines[j]):
        j += 1
    return j if j < lines.size and lines[j].statement else None
