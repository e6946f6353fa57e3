"""The main content of an HTML page as text blocks, with what the page's own metadata says about it.

trafilatura finds the article among menus, teasers and footers; its XML output keeps the block structure, so
every paragraph, heading, list item and caption becomes one line, in page order, ready for the same line rules
as text pages. Figures and their captions are turned into plain blocks first, because trafilatura drops captions.
Dates come from the page's markup: a time-stamped Open Graph / schema.org value when there is one, else htmldate.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlparse

import htmldate
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from vnnews.extract.meta import parse_caption
from vnnews.extract.site import home_item
from vnnews.model import Caption

_BLOCKS = {"head", "p", "item", "quote", "row", "code"}
_TIMED_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate']/@content",
    "//*[@itemprop='datePublished']/@datetime",
)
_BREADCRUMB = "//*[contains(@class, 'breadcrumb') or contains(@class, 'Breadcrumb')]//a"
_SECTION_WORDS = 6  # a section's name is a few words; a longer link in the breadcrumb is the article's own title
_SPACES = re.compile(r"\s+")


@dataclass
class HtmlContent:
    title: str | None
    lines: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    published: str | None = None
    published_precision: str | None = None
    author: str | None = None
    site: str | None = None
    section: str | None = None
    url: str | None = None


def html_content(html: str, url: str | None = None) -> HtmlContent:
    """The article blocks and page metadata of one HTML page; empty lines when no main content is found."""
    tree = load_html(html)
    if tree is None:
        return HtmlContent(title=None, url=url)
    metadata = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url)
    published, precision = _published(tree)
    caption_texts = _captions_as_paragraphs(tree)
    lines = _content_lines(tree, url)
    if (sapo := _printed_description(tree, metadata)) is not None and sapo not in lines:
        lines.insert(0, sapo)  # the sapo printed above the article's body, which main-content extraction leaves out
    captions = [Caption(*(parse_caption(line) or (line, None))) for line in lines if line in caption_texts]
    page_url = url or (metadata.url if metadata else None)
    return HtmlContent(
        title=_clean(metadata.title) if metadata and metadata.title else (lines[0] if lines else None),
        lines=lines,
        captions=captions,
        published=published,
        published_precision=precision,
        author=_clean(metadata.author) if metadata and metadata.author else None,
        site=(metadata.sitename if metadata and metadata.sitename else None) or _host(page_url),
        section=_section(tree, metadata),
        url=page_url,
    )


_SAPO_BLOCKS = "//*[self::p or self::h2 or self::div or self::span][contains(normalize-space(.), $description)]"


# The class names Vietnamese news sites give the block that prints the sapo ("detail-sapo", "singular-sapo",
# "article__sapo", "sapo-detail" on tuoitre.vn, thanhnien.vn, dantri.com.vn, vov.vn, vietnamplus.vn, nld.com.vn;
# "chappeau" on laodong.vn; "the-article-summary" on znews.vn). A plain "description" or "summary" names too many
# other things on other pages to be trusted without the page's own description.
_SAPO_CLASSES = ("sapo", "chappeau", "chapeau", "article-summary")
_SAPO_CLASS_BLOCKS = " | ".join(f"//*[contains(@class, '{name}')]" for name in _SAPO_CLASSES)
_SAPO_WORDS = (8, 120)


def _printed_description(tree: etree._Element, metadata: trafilatura.metadata.Document | None) -> str | None:
    """The page's description as the page prints it in a block of its own: on news sites, the sapo. Without a
    description in the page's metadata, the block whose class names it a sapo."""
    description = _clean(metadata.description) if metadata and metadata.description else ""
    if len(description.split()) >= _SAPO_WORDS[0]:
        texts = [_clean(" ".join(node.itertext())) for node in tree.xpath(_SAPO_BLOCKS, description=description)]
        fitting = [text for text in texts if len(text) <= len(description) + 40]  # the description and a dateline
        if fitting:
            return min(fitting, key=len)
    for node in tree.xpath(_SAPO_CLASS_BLOCKS):
        if node.tag not in ("meta", "body", "html", "article") and (text := _clean(" ".join(node.itertext()))):
            if _SAPO_WORDS[0] <= len(text.split()) <= _SAPO_WORDS[1]:
                return text
    return None


def _content_lines(tree: etree._Element, url: str | None) -> list[str]:
    options = {"output_format": "xml", "include_formatting": True, "include_tables": True, "url": url}
    xml = trafilatura.extract(copy.deepcopy(tree), **options) or trafilatura.extract(tree, favor_recall=True, **options)
    if not xml:
        return []
    main = etree.fromstring(xml.encode("utf-8")).find("main")
    return [] if main is None else _block_lines(main)


def _block_lines(main: etree._Element) -> list[str]:
    """One line per block; a <br> (trafilatura's <lb/>) inside a block starts a new line too."""
    lines: list[str] = []
    for block in main.iter(*_BLOCKS):
        if any(parent.tag in _BLOCKS for parent in block.iterancestors()):
            continue
        parts = [""]
        for node in block.iter():
            if node.tag == "lb":
                parts.append("")
            elif node is not block and node.tag == "cell" and parts[-1]:
                parts[-1] += " "
            if node.text and node.tag != "lb":
                parts[-1] += node.text
            if node is not block and node.tail:
                parts[-1] += node.tail
        lines.extend(text for part in parts if (text := _clean(part)))
    return lines


def _captions_as_paragraphs(tree: etree._Element) -> set[str]:
    texts = set()
    for node in list(tree.iter("figcaption")):
        node.tag = "p"
        for figure in node.iterancestors("figure"):
            figure.tag = "div"
        if text := _clean(" ".join(node.itertext())):
            texts.add(text)
    return texts


def _published(tree: etree._Element) -> tuple[str | None, str | None]:
    """A publication time from the page markup (minute precision), else htmldate's original date (day)."""
    for value in [*_jsonld_values(tree, "datePublished"), *(v for path in _TIMED_META for v in tree.xpath(path))]:
        try:
            stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        if "T" in value or " " in value.strip():
            return stamp.isoformat(timespec="seconds"), "minute"
    day = htmldate.find_date(tree, original_date=True, extensive_search=True)
    return (day, "day") if day else (None, None)


def _jsonld_values(tree: etree._Element, key: str) -> list[str]:
    found: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get(key), str):
                    found.append(item[key])
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return found


def _section(tree: etree._Element, metadata: trafilatura.metadata.Document | None) -> str | None:
    """The page's own category, else the top section of its breadcrumb links, read as a text page's breadcrumb is
    (the home page's link left out)."""
    if metadata and metadata.categories:
        return _clean(metadata.categories[0])
    crumbs = [text for a in tree.xpath(_BREADCRUMB) if (text := _clean(" ".join(a.itertext()))) and not home_item(text)]
    return crumbs[0] if crumbs and len(crumbs[0].split()) <= _SECTION_WORDS else None


def _host(url: str | None) -> str | None:
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
