"""Text-page extraction: give every line of a scraped page a role, then keep the article's lines.

The roles come from how news pages are built, not from any one site: the headline is the last headline-shaped
line before the first paragraph; the article runs until a block heading that ends it (comments, most-read,
other news), or its closing byline; related-article boxes (titles printed twice, URL slugs, teasers cut short
with "...") may sit inside it and are stepped over; photo captions end with their credit. The lines above the lead
are read here; those below it by `vnnews.extract.walk`.
"""

from __future__ import annotations

from vnnews.extract import meta, site, stamps
from vnnews.extract.article import LineRole, TextArticle
from vnnews.extract.headline import NoArticle, find_title_and_lead
from vnnews.extract.lines import INLINE_LINK_STARTS, PageLines, clean_line, split_lines
from vnnews.extract.walk import Walker
from vnnews.model import Caption

__all__ = ["LineRole", "NoArticle", "TextArticle", "extract_text"]


def extract_text(text: str, title_hint: str | None = None) -> TextArticle:
    """Roles for every line of a text page and the article they yield; raises NoArticle when there is none.

    When the first headline and paragraph found give next to no article (a blurb in the page's header has the shape
    of a lead), the later headlines are read too, and one that gives several times more prose wins; never below a
    block heading that ended the first reading, where only other articles' teasers are."""
    page = split_lines(text)
    if not page.size:
        raise NoArticle("no article found: the page is empty")
    if title_hint is not None:  # a title stated beside the page (HTML metadata, a corpus row) counts where printed
        title_hint = clean_line(title_hint)
        if title_hint not in page.counts:
            title_hint = None
    art = _read_article(page, title_hint, 0)
    best, tries, stop = art, 0, art.end_at
    while _size(art) < _THIN_ARTICLE and tries < _LATER_TRIES:
        try:
            art, tries = _read_article(page, title_hint, art.lead_at + 1, stop), tries + 1
        except NoArticle:
            break
        if _size(art) >= 3 * max(_size(best), 1):
            best = art
    return best


_THIN_ARTICLE = 250  # characters of lead and body: fewer, and later headlines are read too
_LATER_TRIES = 3


def _size(art: TextArticle) -> int:
    return len(art.lead or "") + sum(map(len, art.body))


def _read_article(page: PageLines, title_hint: str | None, start: int, stop: int | None = None) -> TextArticle:
    """The article under the first headline and paragraph found among lines `start` to `stop`."""
    title_at, lead_at = find_title_and_lead(page, title_hint, start, stop)
    title = page[title_at].text if title_at is not None else (title_hint or "")
    art = TextArticle(title=title, lines=page, lead_at=lead_at)
    walker = Walker(page, art)
    for k in range(title_at if title_at is not None else lead_at):
        _read_header_line(page, k, art, walker, under_title=False)
    if title_at is not None:
        if art.section is None:
            _read_bare_breadcrumb(page, art)
        walker.role(title_at, "title", "last headline-shaped line before the first paragraph")
        for k in range(title_at + 1, lead_at):
            _read_header_line(page, k, art, walker, under_title=True)
    dateline, lead = site.split_dateline(page[lead_at].text)
    art.lead, art.dateline = lead, dateline
    removed = f" (dateline {dateline!r} removed)" if dateline else ""
    walker.role(lead_at, "lead", "first paragraph after the headline" + removed)
    if dateline and art.site is None:
        art.site = site.find_domain(dateline)
    if not art.title:
        raise NoArticle("no article found: no headline above the text")
    walker.walk(lead_at + 1)
    if art.site is None:
        art.site = site.copyright_domain(page.texts)
    if art.source_agency is None and (art.body or art.lead):
        art.source_agency = meta.trailing_agency((art.body or [art.lead])[-1])
    return art


def _read_header_line(page: PageLines, k: int, art: TextArticle, walker: Walker, *, under_title: bool) -> None:
    text = page.texts[k]
    if art.section is None and (crumbs := site.parse_breadcrumb(text)) is not None:
        art.section = crumbs[0]
        return walker.role(k, "breadcrumb", f"site path; section {crumbs[0]!r}")
    # A Line is not made just to read its stamp: above the headline, most lines are read here only.
    if "|" in text and (signed := page[k].signed_stamp) is not None:
        _header_stamp(art, signed[1], under_title, text)
        return walker.signed_stamp(k, signed)
    if stamps.may_be_stamp(text) and (stamp := page[k].stamp if k in page else stamps.parse_stamp(text)) is not None:
        _header_stamp(art, stamp, under_title, text)
        return walker.role(k, "timestamp", f"publication time {stamp.value}")
    if not under_title and "." not in text:
        return walker.role(k, "header", "above the article: menu or widget")
    if not under_title and (domain := site.lone_domain(text)) is not None:
        art.site = art.site or domain
        return walker.role(k, "header", "the site's name by its logo")
    line = page[k]
    if line.widget:
        walker.note_site(line)
        return walker.role(k, "widget", "page widget")
    if (caption := line.caption) is not None:
        art.captions.append(Caption(*caption))
        return walker.role(k, "caption", "photo caption above the lead")
    if under_title and (byline := line.byline):
        art.author, art.source_agency = byline.author, byline.agency
        return walker.role(k, "byline", "author line under the headline")
    if under_title and text[0] in INLINE_LINK_STARTS and (title := line.inline_link) is not None:
        walker.add_related(title)
        return walker.role(k, "related", "link to another article under the headline")
    return walker.role(k, "header", "above the article")


_UPDATED = ("cập nhật", "updated")


def _header_stamp(art: TextArticle, stamp: stamps.Stamp, under_title: bool, text: str) -> None:
    """Above the headline, the stamp nearest to it is the article's: one further up is the date of the day that a
    site prints in its header. Under the headline, the first stamp is the article's and stands. The time of an
    update ("Cập nhật: ...") replaces no other stamp but the bare date of the day a site's header prints."""
    header_date = art.published_above_title and art.published_precision == "day"
    if art.published is not None and not header_date and text[:8].casefold().startswith(_UPDATED):
        return
    if art.published is None or art.published_above_title:
        art.published, art.published_precision = stamp.value, stamp.precision
        art.published_above_title = not under_title


_SECTION_ITEMS = 3  # a breadcrumb is a few items; a longer run of such lines is the site's menu
_SECTION_WORDS = 4


def _read_bare_breadcrumb(page: PageLines, art: TextArticle) -> None:
    """A breadcrumb printed one item a line ("Thế giới" / "Quân sự") at the top of the page names the section: one
    to three short capitalised lines of words open the page, and only a time stamp, a byline or a widget sits between
    them and the headline. Read once the lines above the headline have their roles."""
    items, texts = 0, page.texts
    for k, role, _ in art.roles:
        if role == "header":
            if k != items or items == _SECTION_ITEMS or not _category_item(texts[k]):
                return
            items += 1
        elif role not in ("timestamp", "byline", "widget"):
            return
    if items:
        art.section = texts[0]
        reason = f"site path printed one item a line; section {art.section!r}"
        art.roles[:] = [(k, "breadcrumb", reason) if role == "header" else (k, role, why) for k, role, why in art.roles]


def _category_item(text: str) -> bool:
    return text[0].isupper() and text.count(" ") < _SECTION_WORDS and text.replace(" ", "").isalpha()
