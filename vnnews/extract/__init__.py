"""Extraction: a raw page in, the clean article out.

`page(raw)` is the door. Text pages go straight to the line-role rules; HTML pages first have their main
content taken out by trafilatura (and their date by htmldate), then meet the same Vietnamese rules.
"""

from __future__ import annotations

from urllib.parse import urlparse

from vnnews.extract.native import MODE  # first: it decides whether the modules below run compiled

# isort: split
from vnnews.extract.text import LineRole, NoArticle, TextArticle, extract_text
from vnnews.model import Article, InputError, PageMeta, RawPage, article_id

__all__ = ["MODE", "LineRole", "explain", "page"]


def _text_article(raw: RawPage) -> tuple[TextArticle, PageMeta]:
    """Run the line rules; for HTML, over the main-content blocks, with what the HTML metadata says as a fallback."""
    if raw.html is None:
        return extract_text(raw.text or "", title_hint=raw.meta.title), PageMeta()
    from vnnews.extract.html import html_content

    content = html_content(raw.html, raw.meta.url)
    text = "\n".join([content.title or "", *content.lines])
    art = extract_text(text, title_hint=content.title or None)
    art.captions.extend(c for c in content.captions if c not in art.captions)
    found = PageMeta(url=content.url, site=content.site, section=content.section, published=content.published)
    if art.author is None:
        art.author = content.author
    if art.published is None and content.published:
        art.published, art.published_precision = content.published, content.published_precision
    return art, found


def page(raw: RawPage) -> Article:
    """The clean article of one page; raises InputError naming the reason when the page holds none."""
    try:
        art, html_meta = _text_article(raw)
    except NoArticle as exc:
        raise InputError(str(exc)) from exc
    given = raw.meta
    published, precision = merge_published(art.published, art.published_precision, given.published)
    url = given.url or html_meta.url
    return Article(
        source=raw.source,
        title=art.title,
        lead=art.lead,
        body=art.body,
        author=art.author,
        source_agency=art.source_agency,
        site=given.site or _host(url) or html_meta.site or art.site,
        section=given.section or art.section or html_meta.section,
        url=url,
        published=published,
        published_precision=precision,
        captions=art.captions,
        related=art.related,
        fetched_at=given.fetched_at,
        # Text pages come out of the line rules NFC and with white space folded: the id need not normalise again.
        id=article_id(art.title, art.lead, art.body, normalised=True) if raw.html is None else "",
    )


def explain(raw: RawPage) -> list[LineRole]:
    """Every line of the page with the role it was given and why."""
    try:
        return _text_article(raw)[0].line_roles()
    except NoArticle as exc:
        raise InputError(str(exc)) from exc


_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


def precision_of(value: str) -> str:
    """The precision an ISO 8601 value states by its form: 2024 → year, 2024-10 → month, ... ."""
    if len(value) in _PRECISION_BY_LENGTH:
        return _PRECISION_BY_LENGTH[len(value)]
    seconds = value[17:19] if value[16:17] == ":" else "00"
    return "minute" if seconds == "00" else "second"


def merge_published(
    page_value: str | None, page_precision: str | None, given: str | None
) -> tuple[str | None, str | None]:
    """What the page states wins over a coarser manifest value; a finer manifest value that agrees with it wins."""
    if page_value is None:
        return (given, precision_of(given)) if given else (None, None)
    if given and len(given) > len(page_value) and given.startswith(page_value):
        return given, precision_of(given)
    return page_value, page_precision


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None
