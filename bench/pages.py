"""VietNews articles rendered as scraped Vietnamese news text pages, with their gold: a dev set at any size.

Each page wraps one article in the furniture real sites print around it, varied page by page: menus or a
breadcrumb, a time stamp line, the title, a byline in its several forms (under the title or closing the
article), a sapo with or without a dateline prefix ("(Dân trí) - ", "TTO - ", "VOV.VN - "), the body with a
photo caption and its credit, inline related links, related titles printed twice with teasers, "Tin liên
quan" boxes, a comment header with teasers, "Đọc nhiều" lists and footer lines. Boilerplate titles and teasers
come from other articles of the corpus, so they read like real prose. Rendering is deterministic for a seed.

VietNews (../shared/data/vietnews/articles.jsonl.gz) stores each article as title, lead and a list of body
sentences that may end with photo captions and a byline; `article_parts` separates those before rendering.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

# (domain, dateline prefix): prefixes as these sites print them before the sapo.
SITES = [
    ("dantri.com.vn", "(Dân trí) - "), ("tuoitre.vn", "TTO - "), ("vov.vn", "VOV.VN - "),
    ("baoquocte.vn", "TGVN. "), ("plo.vn", "(PLO)- "), ("nld.com.vn", "(NLĐO) - "), ("baotintuc.vn", "(TTXVN) - "),
]
AGENCIES = ["AP", "Reuters", "AFP", "TTXVN", "CNN", "BBC", "Sputnik", "Bloomberg", "Xinhua", "Guardian"]
NAME_SYLLABLES = ["Minh", "Thu", "Hà", "Quang", "Thế", "Nhất", "Bảo", "Thanh", "Hoàng", "Ngọc", "Lan", "Anh",
                  "Phương", "Tuấn", "Hải", "Đức", "Việt", "Mai", "Linh", "Trung", "Khánh", "Hương", "Nam", "Sơn",
                  "Phong", "Huyền", "Dũng", "Vân", "Thảo", "Long"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MENU = ["Trang chủ", "Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật", "Giáo dục",
        "Sức khỏe", "Đời sống", "Du lịch", "Số hóa", "Xe", "Ý kiến", "Tâm sự"]
SECTIONS = ["Thời sự", "Quốc tế", "Xã hội", "Pháp luật", "Kinh tế", "Nhịp sống", "Giao thông", "Thế giới"]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
FOOTER = ["Chia sẻ", "Bình luận (12)", "Liên hệ quảng cáo", "Phiên bản di động", "Điều khoản sử dụng",
          "Địa chỉ: 71 Hàng Trống, Hoàn Kiếm, Hà Nội", "Điện thoại: 024 3825 1234",
          "Giấy phép số 115/GP-BTTTT cấp ngày 15/3/2019", "Về đầu trang", "Xin chờ trong giây lát..."]
LIST_HEADINGS = ["Đọc nhiều", "Xem nhiều", "Đọc thêm", "Các tin bài khác", "Tin mới nhất", "Tin khác"]
RELATED_HEADINGS = ["Tin liên quan", "TIN LIÊN QUAN", "Tin bài liên quan", "Bài liên quan"]

_CREDIT = re.compile(r"^(?P<text>.*?)[\s.,]*(?:[-–(]\s*)?\b(?:Ảnh|Đồ hoạ|Đồ họa|Nguồn)\s*:?\s*(?P<credit>[^()]{2,40}?)"
                     r"\s*\)?\s*\.?$")
_BYLINE = re.compile(r"^(?P<name>[\w. -]+?)(?: \((?P<inner>[^()]{1,30})\))?$")
_MORE = re.compile(r"^(?:Xem thêm|Mời xem|Xem tiếp|Đọc thêm|Clip|Video)\s*[:>]", re.IGNORECASE)
# A sentence splitter's false stop: a name initial ("ông Th.", "Nguyễn Văn H."), "TP.", a number, a comma.
_FRAGMENT_END = re.compile(r"(?:\b(?:[A-ZĐ]|Th|Kh|Ch|Nh|Ph|Tr|Gi|Ng|TP)\.|\d\.|[,;:–-])$")


@dataclass
class ArticleParts:
    """A VietNews record taken apart: the article's paragraphs, its credited captions, its closing byline."""

    title: str
    lead: str
    sentences: list[str]
    captions: list[tuple[str, str]] = field(default_factory=list)
    author: str | None = None
    agency: str | None = None


def _clean(text: str) -> str:
    """NFC (the corpus has decomposed letters) with white space runs as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _byline(line: str) -> tuple[str | None, str | None] | None:
    """(author, agency) when a closing line is a byline: "Quốc Tiệp (tổng hợp)", "Đoàn Loan", "Theo AFP"."""
    if m := re.fullmatch(r"[Tt]heo ([A-ZĐ][\w .+-]{1,30})", line):
        return None, m.group(1)
    m = _BYLINE.match(line)
    words = m.group("name").replace(" - ", " ").split() if m else []
    if not words or len(words) > 6 or line.endswith(".") or not all(w[0].isupper() for w in words):
        return None  # one or two names, every word capitalised: "Đoàn Loan", "Xuân Mai - Hoàng Trường"
    inner = (m.group("inner") or "").strip()
    if inner.lower() in ("", "tổng hợp", "th", "t.h"):  # compiled by the author: no agency
        return m.group("name"), None
    if agency := re.fullmatch(r"[Tt]heo ([\w .+-]{2,30})", inner):
        return m.group("name"), agency.group(1)
    return None


def article_parts(article: dict) -> ArticleParts:
    """Split a record's body sentences into the article's own, its credited captions and its closing byline."""
    parts = ArticleParts(_clean(article["title"]), _clean(article["lead"]), [])
    body = [_clean(s) for s in article["body"] if s.strip()]
    closing = [i for i in range(max(0, len(body) - 6), len(body)) if _byline(body[i])]
    if closing:  # what follows a closing byline is the photo captions, collected at the end
        parts.author, parts.agency = _byline(body[closing[-1]])
        body, trailing = body[: closing[-1]], body[closing[-1] + 1 :]
        parts.captions += [c for c in map(_credited, trailing) if c]
    while body and (_credited(body[-1]) or _CREDIT.match(body[-1]) or _MORE.match(body[-1])):
        if found := _credited(body.pop()):
            parts.captions.insert(0, found)
    for s in body:
        if found := _credited(s):
            parts.captions.append(found)
        elif not (_CREDIT.match(s) or _MORE.match(s)):
            parts.sentences.append(s)
    return parts


def _credited(line: str) -> tuple[str, str] | None:
    """(caption, credit) for a photo caption that names its credit: "... - Ảnh: QUANG HUY"."""
    m = _CREDIT.match(line)
    if m and len(m.group("text").split()) >= 3:
        return m.group("text").rstrip(" .-–"), m.group("credit").strip()
    return None


def paragraphs(sentences: Sequence[str], rng: random.Random) -> list[str]:
    """Sentences grouped into paragraphs of one to four, never broken after an abbreviation ("ông Th.")."""
    out: list[str] = []
    current: list[str] = []
    size = rng.randint(1, 4)
    for s in sentences:
        if current and len(current) >= size and not _FRAGMENT_END.search(current[-1]) and not s[:1].islower():
            out.append(" ".join(current))
            current, size = [], rng.randint(1, 4)
        current.append(s)
    if current:
        out.append(" ".join(current))
    return out


def _name(rng: random.Random) -> str:
    given = f"{rng.choice(NAME_SYLLABLES)} {rng.choice(NAME_SYLLABLES)}"
    return f"{rng.choice(SURNAMES)} {given}" if rng.random() < 0.3 else given


def _stamp(rng: random.Random) -> tuple[str, str]:
    """A time stamp line in one of the forms Vietnamese sites print, and its ISO value (Vietnam time)."""
    when = datetime(2017, 1, 1) + timedelta(minutes=rng.randrange(4 * 365 * 24 * 60))
    day = WEEKDAYS[when.weekday()]
    d, m, y, hm = when.day, when.month, when.year, when.strftime("%H:%M")
    line = rng.choice([
        f"{hm} | {d:02d}/{m:02d}/{y} GMT+7",
        f"{day}, {d}/{m}/{y}, {hm} (GMT+7)",
        f"{day}, {d:02d}/{m:02d}/{y} - {hm}",
        f"{d:02d}/{m:02d}/{y} {hm} GMT+7",
        f"Cập nhật: {hm} {d:02d}/{m:02d}/{y}",
        f"{day}, {hm}, {d:02d}/{m:02d}/{y}",
    ])
    return line, when.strftime("%Y-%m-%dT%H:%M:00+07:00")


def _teaser(lead: str, rng: random.Random) -> str:
    words = lead.split()
    return lead if len(words) < 18 or rng.random() < 0.4 else " ".join(words[: rng.randint(12, 22)]) + " ..."


def _slug(title: str) -> str:
    folded = unicodedata.normalize("NFD", title.replace("Đ", "D").replace("đ", "d"))
    return " ".join(re.findall(r"[a-z0-9]+", "".join(c for c in folded if not unicodedata.combining(c)).lower()))


def _teaser_block(items: Sequence[dict], rng: random.Random, twice: bool) -> list[str]:
    lines: list[str] = []
    for other in items:
        title = _clean(other["title"])
        lines += [title, title] if twice else [title]
        if rng.random() < 0.8:
            lines.append(_teaser(_clean(other["lead"]), rng))
    return lines


def render(article: dict, rng: random.Random, pool: Sequence[dict] = ()) -> tuple[str, dict]:
    """One article as a text page (lines of boilerplate around it) and the gold extraction of that page."""
    parts = article_parts(article)
    paras = paragraphs(parts.sentences, rng)

    def others(k: int) -> list[dict]:  # boilerplate is drawn from other articles of the corpus
        return rng.sample(pool, min(k, len(pool)))

    gold: dict = {"title": parts.title, "author": None, "source_agency": None, "site": None, "published": None,
                  "lead": parts.lead, "body": list(paras), "captions": [], "related": []}
    domain, dateline = rng.choice(SITES)
    lines: list[str] = []

    if rng.random() < 0.4:
        lines += rng.sample(MENU, rng.randint(4, 9))
    if rng.random() < 0.5:
        sep = rng.choice([" ", " > ", " » ", " / "])
        lines.append(sep.join(["Trang chủ", *rng.sample(SECTIONS, 2)]))
    stamp_at = rng.choice(["before", "before", "after", "none"])
    stamp, iso = _stamp(rng)
    if stamp_at != "none":
        gold["published"] = iso
    if stamp_at == "before":
        lines.append(stamp)
    lines.append(parts.title)
    if stamp_at == "after":
        lines.append(stamp)
    if rng.random() < 0.2:
        lines.append("aa")

    author, agency = parts.author, parts.agency
    if author is None and agency is None and rng.random() < 0.8:
        author = _name(rng)
        agency = rng.choice(AGENCIES) if rng.random() < 0.3 else None
    byline_top = author is not None and agency is None and rng.random() < 0.35
    if byline_top:
        lines.append(author)
    gold["author"], gold["source_agency"] = author, agency

    lead = parts.lead
    if rng.random() < 0.5:
        lines.append(dateline + lead)
        if re.fullmatch(r"\w+(?:\.\w+)+", dateline.split()[0]):  # the site's own name: "VOV.VN - "
            gold["site"] = domain
    else:
        lines.append(lead)
    if rng.random() < 0.3:
        lines.append(f"Theo dõi {domain[:1].upper()}{domain[1:]} trên")
        gold["site"] = domain

    caption_at = rng.randrange(len(paras) + 1) if parts.captions and rng.random() < 0.8 else None
    link_at = rng.randrange(1, len(paras) + 1) if pool and rng.random() < 0.35 else None
    for i, para in enumerate([None, *paras]):
        if para is not None:
            lines.append(para)
        if i == link_at:
            lines += _inline_links(others(rng.randint(1, 3)), rng, gold)
        if i == caption_at:
            lines += _caption(parts.captions[0], parts.title, rng, gold)

    if author is not None or agency is not None:
        if not byline_top:
            lines.append(_byline_line(author, agency, rng))
    if pool and rng.random() < 0.6:
        items = others(rng.randint(2, 5))
        if rng.random() < 0.7:
            lines.append(rng.choice(RELATED_HEADINGS))
        lines += _teaser_block(items, rng, twice=rng.random() < 0.6)
        gold["related"] += [_clean(o["title"]) for o in items]
    if pool and rng.random() < 0.35:
        lines += ["Bài viết hay? Hãy đánh giá bài viết", "User", rng.choice(["Ý KIẾN", "Bình luận", "Ý kiến bạn đọc"])]
        lines += [_clean(o["lead"]) for o in others(rng.randint(2, 6))]
    for _ in range(rng.randint(0, 2) if pool else 0):
        lines.append(rng.choice(LIST_HEADINGS))
        lines += _teaser_block(others(rng.randint(3, 8)), rng, twice=rng.random() < 0.5)
    lines += rng.sample(FOOTER, rng.randint(0, 4))

    joiner = "\n\n" if rng.random() < 0.5 else "\n"
    return joiner.join(lines) + "\n", gold


def _inline_links(items: Sequence[dict], rng: random.Random, gold: dict) -> list[str]:
    """Related links set inside the body: a titled box with URL slugs, or a title printed twice on a line."""
    titles = [_clean(o["title"]) for o in items]
    gold["related"] += titles
    if rng.random() < 0.5:
        slug = _slug(gold["title"])
        return [rng.choice(RELATED_HEADINGS), *(f"{slug} {t}" for t in titles)]
    return [f"{t} {t}" for t in titles]


def _caption(caption: tuple[str, str], title: str, rng: random.Random, gold: dict) -> list[str]:
    """A photo caption with its credit in one of the printed forms, maybe under an alt-text line."""
    text, credit = caption
    lines = [title] if rng.random() < 0.3 else []
    form = rng.randrange(4)
    if form == 0:
        line, shown = f"{text} (Ảnh: {credit})", text
    elif form == 1:
        line, shown = f"{text} - Ảnh: {credit}", text
    elif form == 2:
        line, shown = f"{text}. Ảnh: {credit}", f"{text}."
    else:
        line, shown = f"{text}. (Nguồn: {credit})", f"{text}."
    gold["captions"].append({"text": shown, "credit": credit})
    return [*lines, line]


def _byline_line(author: str | None, agency: str | None, rng: random.Random) -> str:
    if author is None:
        return f"Theo {agency}"
    if agency is not None:
        return f"{author} ({rng.choice(['theo', 'Theo'])} {agency})"
    return rng.choice([author, author, f"{author} (TH)", f"{author} (tổng hợp)"])


def load_articles(data: Path) -> list[dict]:
    with gzip.open(data / "vietnews" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def dev_pages(data: Path, n: int, seed: int = 13) -> Iterator[tuple[str, str, dict]]:
    """(name, page text, gold) for n articles drawn with the seed; the same seed gives the same pages."""
    articles = load_articles(data)
    rng = random.Random(seed)
    for article in rng.sample(articles, min(n, len(articles))):
        text, gold = render(article, rng, articles)
        yield f"vietnews/{article['id']}", text, gold
