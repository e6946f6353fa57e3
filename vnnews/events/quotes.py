"""Quotes: words in quotation marks with the speaker before or after them, and reported speech.

Vietnamese news introduces a direct quote with "X viết:" / "X nhấn mạnh:" or closes it with "- ông X tuyên bố";
reported speech is "X cho biết (rằng) <clause>" or "<clause>, X cho biết". The speaker is found the same way as an
event's subject (vnnews.events.clauses), so titles and organisations resolve to the canonical actor.
"""

from __future__ import annotations

import re

from vnnews.events import Quote
from vnnews.events.clauses import ActorGroup, acting, build_groups, coordinated, quoted_spans, subject_index
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
_NOUN_MARKERS = {"một", "bản", "theo", "lời", "các", "những", "của", "bài", "cuộc"}
_NEEDS_COMPLEMENTISER = {"cáo buộc", "cảnh báo", "bác bỏ", "chỉ trích", "viết", "phát biểu", "bày tỏ"}


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
    index = subject_index(text, groups, start, position)
    return coordinated(text, groups, index) if index is not None else []


def _direct(text: str, groups: list[ActorGroup], span: tuple[int, int], quote: tuple[int, int]) -> list[ActorGroup]:
    """The speaker of a quote: named in a lead-in ending with a colon or speech verb, else right after the quote."""
    start, end = span
    lead_in = text[start : quote[0] - 1].rstrip()
    speech = phrase_pattern(markers()["speech_verbs"])
    if lead_in.endswith(":") or speech.search(lead_in[-20:] if lead_in else ""):
        speakers = _speakers(text, groups, start, quote[0] - 1)
        if speakers:
            return speakers
    tail_start = quote[1] + 1
    tail = _CLOSING_ATTRIBUTION.match(text, tail_start)
    if tail is None:
        return []
    verb = speech.search(text, tail.end(), min(len(text), tail.end() + 60))
    if verb is None:
        return []
    return [g for g in groups if tail.end() <= g.start < verb.start()][-1:]  # nearest the verb, past any outlet


def _reported_content(text: str, span: tuple[int, int], verb: re.Match[str], speaker: ActorGroup) -> tuple[int, int]:
    """The reported clause: after the verb (and "rằng"), or before ", X cho biết" at a sentence's end."""
    start, end = span
    while end > start and text[end - 1] in ".!?…;: \n":
        end -= 1
    if verb.end() >= end:
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


def _closes_clause(text: str, quote: tuple[int, int]) -> bool:
    """A quote is a direct quote when nothing but punctuation or an attribution follows it; a quoted phrase
    inside running text ("cảnh báo rằng " các hành động " như ...") is part of the sentence, not a quote."""
    rest = text[quote[1] + 1 : quote[1] + 4].lstrip(" ")
    return not rest or rest[0] in ".!?…,;:-–—\n" or not rest[0].isalnum()


def _is_noun(text: str, verb: re.Match[str]) -> bool:
    """ "trong một tuyên bố", "theo thông báo": the speech verb is a noun here."""
    before = text[max(0, verb.start() - 12) : verb.start()].split()
    return bool(before) and before[-1].lower() in _NOUN_MARKERS


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
        inside = [q for q in quoted if start <= q[0] < end and _closes_clause(text, q)]
        for quote in inside:
            for speaker in _direct(text, groups, (start, max(end, quote[1] + 1)), quote):
                extra["via"] = _via(text, groups, start, speaker.start)
                found.append(_make(speaker, text, quote, span, True, extra))
        reported: list[tuple[int, int]] = []
        for verb in speech.finditer(text, start, end):
            if any(q[0] - 1 <= verb.start() < q[1] + 1 for q in [*quoted, *reported]) or _is_noun(text, verb):
                continue
            after = text[verb.end() : verb.end() + 3].lstrip(" ,")
            if after[:1] in '“"' or text[verb.end() : verb.end() + 2].strip().startswith(":"):
                continue
            following = text[verb.end() : verb.end() + 40].lower()
            if verb.group(0).lower() in _NEEDS_COMPLEMENTISER and "rằng" not in following:
                continue
            for speaker in _speakers(text, groups, start, verb.start()):
                bounds = _reported_content(text, span, verb, speaker)
                content = text[bounds[0] : bounds[1]]
                if len(content.split()) < 3 or content.split()[0].lower() in _QUESTION_WORDS:
                    continue
                if any(abs(q[0] - bounds[0]) <= 2 for q in inside):
                    continue  # the clause is the direct quote already taken
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
