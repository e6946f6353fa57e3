"""Quotes: words in quotation marks with the speaker before or after them, and reported speech.

Vietnamese news introduces a direct quote with "X viết:" / "X nhấn mạnh:" or closes it with "- ông X tuyên bố";
reported speech is "X cho biết (rằng) <clause>" or "<clause>, X cho biết". The speaker is found the same way as an
event's subject (vnnews.events.clauses), so titles and organisations resolve to the canonical actor.
"""

from __future__ import annotations

import re

from vnnews.events import Quote
from vnnews.events.clauses import (
    ActorGroup,
    acting,
    build_groups,
    closes_clause,
    coordinated,
    quoted_spans,
    subject_index,
)
from vnnews.events.coding import field_texts, published_date, sentence_date
from vnnews.events.triggers import markers, phrase_pattern
from vnnews.language.segment import sentences
from vnnews.model import Article, DateMention, Entity

_CLOSING_ATTRIBUTION = re.compile(r"\s*[-–—,]\s*")
_PLATFORM = re.compile(r"(?<!\w)trên\s+(?:mạng xã hội\s+|trang\s+|tài khoản\s+)?([A-Z][\w.]*)")
# Verbs that are events in their own right ("chỉ trích NATO") and introduce speech only with "rằng" or a colon.
# A short quote counts when it closes its clause and a speaker is named for it ("không thể chấp nhận được").
_MIN_ATTRIBUTED_WORDS = 2
_QUESTION_WORDS = {"gì", "sao", "như", "thế"}
_NOUN_MARKERS = {"một", "bản", "theo", "lời", "các", "những", "của", "bài", "cuộc", "với"}
# Words that open a content clause right after an object-taking speech verb ("cảnh báo sẵn sàng dùng vũ lực").
_CLAUSE_STARTS = {
    "nó",
    "họ",
    "đây",
    "điều",
    "sẵn",
    "sẽ",
    "đã",
    "đang",
    "không",
    "chưa",
    "có",
    "cần",
    "phải",
    "nên",
    "vẫn",
}
_LEAD_IN_END = re.compile(r"\s*(?:(?:rằng|là|với\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,3})\s*)?[:,]?\s*")
# Words after a sentence-final speech verb that only set its scene ("..., ông X nói tại Warsaw ngày 6/7").
_ADJUNCT_STARTS = {"tại", "ở", "hôm", "ngày", "trong", "trên", "khi", "sau", "trước", "bên", "hồi", "vào"}
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_THEO = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}?theo\s+", re.IGNORECASE)


def _channel(text: str, start: int, end: int) -> str | None:
    platform = _PLATFORM.search(text, start, end)
    if platform:
        return platform.group(1)
    named = phrase_pattern(markers()["channels"]).search(text, start, end)
    return named.group(0) if named else None


def _via(text: str, groups: list[ActorGroup], start: int, speaker_start: int) -> str | None:
    """The outlet relaying the words: the name before "dẫn lời" ahead of the speaker."""
    relay = phrase_pattern(markers()["relay_verbs"]).search(text, start, speaker_start)
    if relay is None:
        return None
    index = subject_index(text, groups, start, relay.start())
    return groups[index].name if index is not None else None


def _speakers(text: str, groups: list[ActorGroup], start: int, position: int) -> list[ActorGroup]:
    """Who says the words of the verb at ``position``: its subject, or the source an outlet relays
    ("AFP dẫn thông báo từ Điện Kremlin cho biết" is the Kremlin speaking)."""
    relay = phrase_pattern(markers()["relay_verbs"]).search(text, start, position)
    if relay is not None:
        relayed = [g for g in groups if relay.end() <= g.start and g.end <= position]
        subjects = [g for g in relayed if g.preposition is None]
        if relayed:
            chosen = (subjects or relayed)[-1]
            chain = coordinated(text, groups, groups.index(chosen))  # "TASS dẫn lời Mỹ và Anh cho biết"
            return [g for g in chain if g.start >= relay.end()]
    index = subject_index(text, groups, start, position)
    return coordinated(text, groups, index) if index is not None else []


def _lead_in_verb(lead_in: str) -> re.Match[str] | None:
    """The speech verb that ends a lead-in ("X nói rằng", "X tuyên bố:"); one further back introduces
    something else ("nói rằng Mỹ " can thiệp "" quotes a phrase inside the reported clause)."""
    verbs = list(phrase_pattern(markers()["speech_verbs"]).finditer(lead_in, max(0, len(lead_in) - 30)))
    if verbs and _LEAD_IN_END.fullmatch(lead_in[verbs[-1].end() :]):
        return verbs[-1]
    return None


def _direct(text: str, groups: list[ActorGroup], span: tuple[int, int], quote: tuple[int, int]) -> list[ActorGroup]:
    """The speaker of a quote: named in a lead-in ending with a colon or speech verb, else right after the quote."""
    start, end = span
    lead_in = text[start : quote[0] - 1].rstrip()
    verb = _lead_in_verb(lead_in)
    if lead_in.endswith(":") or verb is not None:
        speakers = _speakers(text, groups, start, start + verb.start() if verb else quote[0] - 1)
        if speakers:
            return speakers
    tail_start = quote[1] + 1
    tail = _CLOSING_ATTRIBUTION.match(text, tail_start)
    if tail is None:
        return []
    return _closing_speaker(text, groups, tail.end())


def _closing_speaker(text: str, groups: list[ActorGroup], position: int) -> list[ActorGroup]:
    """The speaker named after a quote: "..., ông X nói", "..., AFP dẫn lời X", "..., theo ông X"."""
    window_end = min(len(text), position + 80)
    sentence_end = re.compile(r"[.!?\n]").search(text, position, window_end)
    window_end = sentence_end.start() if sentence_end else window_end
    relay = phrase_pattern(markers()["relay_verbs"]).search(text, position, window_end)
    theo = _THEO.match(text, position, window_end)
    after = relay.end() if relay else (theo.end() if theo else None)
    verb = phrase_pattern(markers()["speech_verbs"]).search(text, relay.end() if relay else position, window_end)
    if after is not None and (verb is None or after <= verb.start()):
        named = [g for g in groups if after <= g.start < window_end]
        if named and not _is_agency(named[0]):
            return named[:1]
    if verb is None:
        return []
    # Nearest the verb, past any outlet; "phái đoàn Anh tại Liên Hợp Quốc viết" is the mission, not the place.
    named = [g for g in groups if position <= g.start < verb.start()]
    return ([g for g in named if g.preposition is None] or named)[-1:]


def _is_agency(group: ActorGroup) -> bool:
    """A news agency or outlet ("theo Reuters"): where the report comes from, not who spoke."""
    agencies = {name.lower() for name in markers()["news_agencies"]}
    return group.name.lower() in agencies or group.head.text.lower() in agencies


def _reported_content(text: str, span: tuple[int, int], verb: re.Match[str], speaker: ActorGroup) -> tuple[int, int]:
    """The reported clause: after the verb (and "rằng"), or before ", X cho biết" at a sentence's end."""
    start, end = span
    while end > start and text[end - 1] in ".!?…;: \n":
        end -= 1
    following = _NEXT_WORD.match(text, verb.end(), end)
    # '" ... ", ông X nói tại Warsaw': after a closing quote the verb's words are the quote, what follows is scene.
    after_quote = bool(re.search(r"[\"”]\s*,[^,]*$", text[start : speaker.start]))
    scene_only = after_quote and bool(following) and following.group(1).lower() in _ADJUNCT_STARTS
    if verb.end() >= end or scene_only:
        comma = text.rfind(",", start, speaker.start)
        return (start, comma) if comma > start else (start, start)
    opener = phrase_pattern(markers()["complementisers"]).search(text, verb.end(), min(end, verb.end() + 40))
    content = opener.end() if opener and opener.group(0).lower() == "rằng" else verb.end()
    while content < end and text[content] in " ,:":
        content += 1
    return content, end


def _make(
    speaker: ActorGroup, text: str, bounds: tuple[int, int], span: tuple[int, int], direct: bool, extra: dict
) -> Quote:
    name, actor_id = acting(speaker, extra["ids"])
    start, end = bounds
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(
        speaker=name,
        speaker_id=actor_id,
        text=text[start:end],
        direct=direct,
        start=start,
        end=end,
        sentence=text[span[0] : span[1]],
        **{key: value for key, value in extra.items() if key != "ids"},
    )


def _is_noun(text: str, verb: re.Match[str]) -> bool:
    """ "trong một tuyên bố", "theo thông báo": the speech verb is a noun here."""
    before = text[max(0, verb.start() - 12) : verb.start()].split()
    return bool(before) and before[-1].lower() in _NOUN_MARKERS


def _pronoun_speaker(text: str, groups: list[ActorGroup], start: int, verb: re.Match[str]) -> list[ActorGroup]:
    """ "Ông nói thêm rằng ...": a sentence opened by a personal pronoun speaks for the last person named."""
    pronouns = "|".join(re.escape(p) for p in markers()["person_pronouns"])
    if not re.fullmatch(rf"\s*(?:{pronouns})(?:\s+[^\W\d_]+){{0,2}}\s*", text[start : verb.start()], re.IGNORECASE):
        return []
    people = [g for g in groups if g.end <= start and g.head.type == "PER"]
    return people[-1:]


def _introduces_clause(text: str, groups: list[ActorGroup], verb: re.Match[str]) -> bool:
    """Whether the speech verb opens a content clause rather than taking a plain object ("bác bỏ đề xuất")."""
    word = verb.group(0).lower()
    if phrase_pattern(markers()["mental_states"]).match(text, verb.end() + 1):
        return False  # "bày tỏ lo ngại rằng": a state of mind, not words
    if "rằng" in text[verb.end() : verb.end() + 40].lower():
        return True
    if word in markers()["complementiser_speech_verbs"]:
        return False
    if word not in markers()["object_taking_speech_verbs"]:
        return True
    following = _NEXT_WORD.match(text, verb.end())
    if following and following.group(1).lower() in _CLAUSE_STARTS:
        return True  # "cảnh báo sẵn sàng dùng vũ lực", "cáo buộc nó đã tắt thiết bị"
    named = next((g for g in groups if g.start >= verb.end()), None)
    if named is None or text[verb.end() : named.start].strip():
        return False
    # "cáo buộc Ukraine đã kích động": a name, then a verb; "cảnh báo Nga về hậu quả" names only the addressee.
    after = _NEXT_WORD.match(text, named.end)
    return bool(after) and after.group(1).lower() not in set(markers()["prepositions"]) | {"và", "là"}


def _according_to(text: str, groups: list[ActorGroup], span: tuple[int, int]) -> tuple[ActorGroup, int] | None:
    """ "Theo ông X, <clause>": the speaker and where the reported clause begins; "theo Reuters" is a source."""
    start, end = span
    opener = re.match(r"\s*Theo\s+", text[start:end])
    if opener is None:
        return None
    comma = text.find(",", start + opener.end(), end)
    named = [g for g in groups if start + opener.end() <= g.start and g.end <= comma]
    if comma < 0 or not named or _is_agency(named[0]) or named[0].head.type == "LOC":
        return None
    if re.search(r"(?<!\w)(?:của|từ)(?!\w)", text[start + opener.end() : named[0].start]):
        return None  # "Theo thông báo từ Nhà Trắng": the outlet of a statement, not someone's view
    return named[0], comma + 1


def _field_quotes(
    article: Article, field: str, text: str, entities: list[Entity], dates: list[DateMention]
) -> list[Quote]:
    groups = build_groups(text, entities)
    quoted = quoted_spans(text, min_words=_MIN_ATTRIBUTED_WORDS)
    speech = phrase_pattern(markers()["speech_verbs"])
    fallback = published_date(article)
    found: list[Quote] = []
    for span in sentences(text):
        start, end = span
        date = sentence_date(text, dates, start, end, start, fallback)[0]
        extra = {"field": field, "date": date, "article_id": article.id, "channel": _channel(text, start, end)}
        extra["ids"] = {e.canonical: e.actor_id for e in entities if e.canonical and e.actor_id}
        inside = [q for q in quoted if start <= q[0] < end and closes_clause(text, q)]
        for quote in inside:
            for speaker in _direct(text, groups, (start, max(end, quote[1] + 1)), quote):
                extra["via"] = _via(text, groups, start, speaker.start)
                found.append(_make(speaker, text, quote, span, True, extra))
        reported: list[tuple[int, int]] = []
        source = _according_to(text, groups, span)
        if source is not None and not any(start <= q[0] < end for q in inside):
            speaker, content_start = source
            bounds = (content_start, end - 1 if text[end - 1 : end] in ".!?" else end)
            if len(text[bounds[0] : bounds[1]].split()) >= 3:
                extra["via"] = None
                found.append(_make(speaker, text, bounds, span, False, extra))
                reported.append(bounds)
        relays = [m.span() for m in phrase_pattern(markers()["relay_verbs"]).finditer(text, start, end)]
        for verb in speech.finditer(text, start, end):
            if any(q[0] - 1 <= verb.start() < q[1] + 1 for q in [*quoted, *reported, *relays]) or _is_noun(text, verb):
                continue  # inside a quote, a clause taken, "dẫn thông báo từ X", or a noun
            after = text[verb.end() : verb.end() + 3].lstrip(" ,")
            if after[:1] in '“"' or text[verb.end() : verb.end() + 2].strip().startswith(":"):
                continue
            if not _introduces_clause(text, groups, verb):
                continue
            speakers = _speakers(text, groups, start, verb.start()) or _pronoun_speaker(text, groups, start, verb)
            for speaker in speakers:
                bounds = _reported_content(text, span, verb, speaker)
                content = text[bounds[0] : bounds[1]]
                if len(content.split()) < 3 or content.split()[0].lower() in _QUESTION_WORDS:
                    continue
                if any(q[0] - 2 <= bounds[0] < q[1] for q in quoted):
                    continue  # the clause is a direct quote, taken with its speaker
                extra["via"] = _via(text, groups, start, speaker.start)
                found.append(_make(speaker, text, bounds, span, False, extra))
                reported.append(bounds)
    return found


def article_quotes(article: Article, entities: list[Entity], dates: list[DateMention]) -> list[Quote]:
    """Every quote of the article's title, lead and body, in reading order."""
    quotes: list[Quote] = []
    for field, text in field_texts(article):
        if field in {"title", "lead", "body"}:
            field_entities = [e for e in entities if e.field == field]
            field_dates = [d for d in dates if d.field == field]
            quotes.extend(_field_quotes(article, field, text, field_entities, field_dates))
    unique = {(q.field, q.speaker_id, q.start, q.end): q for q in quotes}  # several verbs, one clause
    return list(unique.values())
