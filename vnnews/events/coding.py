"""Events of an article: each trigger with its actors, place, date and factuality, sentence by sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnnews.events import Event
from vnnews.events.clauses import (
    ActorGroup,
    acting,
    build_groups,
    coordinated,
    coordinated_after,
    location_group,
    object_group,
    quoted_spans,
    subject_index,
)
from vnnews.events.factuality import announces_intent, factuality
from vnnews.events.triggers import CameoCode, Trigger, cameo_codes, find_triggers, markers, phrase_pattern
from vnnews.language.segment import sentences
from vnnews.model import Article, DateMention, Entity

EVENT_FIELDS = ("title", "lead", "body")
_CLAUSE_STOP = re.compile(r"[,;:]")
_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


def field_texts(article: Article) -> list[tuple[str, str]]:
    """(field, text) as the language layer indexes them: body paragraphs joined with newlines."""
    texts = [("title", article.title), ("lead", article.lead or ""), ("body", "\n".join(article.body))]
    return [(name, text) for name, text in texts if text]


def published_date(article: Article) -> tuple[str | None, str | None]:
    """The publication date cut to the precision it is known at."""
    if not article.published:
        return None, None
    value = article.published[:10]
    precision = article.published_precision or _PRECISION_BY_LENGTH.get(len(value))
    cut = {"year": 4, "month": 7}.get(precision or "", 10)
    return value[:cut], precision


def sentence_date(
    text: str,
    dates: list[DateMention],
    start: int,
    end: int,
    trigger_start: int,
    fallback: tuple[str | None, str | None],
) -> tuple[str | None, str | None]:
    """The date the sentence gives, else the last one earlier in its paragraph, else the publication date."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    known = [d for d in dates if d.value and paragraph_start <= d.start < end]
    in_sentence = [d for d in known if d.start >= start]
    chosen = [d for d in in_sentence if d.start < trigger_start] or in_sentence or known
    if not chosen:
        return fallback
    best = chosen[-1] if chosen is not in_sentence else chosen[0]
    return best.value, best.precision


@dataclass
class _Context:
    """What one article's sentences share: its people and pairs for pronouns, dates, ids."""

    article: Article
    fallback_date: tuple[str | None, str | None]
    last_person: ActorGroup | None = None
    last_body: ActorGroup | None = None
    last_pair: tuple[ActorGroup, ActorGroup] | None = None
    ids: dict[str, str] = field(default_factory=dict)


def _previous_word(text: str, start: int, position: int) -> str:
    match = _LAST_WORD.search(text, start, position)
    return match.group(1).lower() if match else ""


def _ends_with(text: str, start: int, position: int, phrases: list[str]) -> bool:
    """Whether the words just before ``position`` (not before ``start``) are one of ``phrases``."""
    preceding = text[max(start, position - 20) : position].rstrip().lower()
    return any(m.end() == len(preceding) for m in phrase_pattern(phrases).finditer(preceding))


def _is_nominal(text: str, sentence_start: int, trigger: Trigger) -> bool:
    """ "về việc hỗ trợ", "các cuộc thảo luận", "để thảo luận": a topic or a purpose, not an act."""
    words = markers()
    if _ends_with(
        text, sentence_start, trigger.start, [*words["topic_markers"], *words["nominalisers"], *words["prepositions"]]
    ):
        return True  # "với cáo buộc", "đợt tấn công", "phong trào biểu tình"
    if re.match(r"\s+của(?!\w)", text[trigger.end : trigger.end + 6]):
        return True
    before = text[max(sentence_start, trigger.start - 25) : trigger.start].lower()
    return bool(re.search(r"(?<!\w)việc(?!\w)[^,;:]*$", before))


def _is_complement(text: str, groups: list[ActorGroup], previous: Trigger | None, trigger: Trigger) -> bool:
    """A verb that only completes the verb before it ("bàn cách tăng cường hỗ trợ", "kêu gọi Iran ngừng hỗ trợ")."""
    if previous is None or _CLAUSE_STOP.search(text, previous.end, trigger.start):
        return False
    if previous.cameo.root in markers()["appeal_codes"]:
        return True
    return not any(previous.end <= g.start and g.end <= trigger.start for g in groups)


_PRONOUN_PASSIVE = re.compile(r"^\s*(?:ông|bà)\s+(?:bị|được)\s+(?:[^\W\d_]+\s+){0,3}$", re.IGNORECASE)
_JOINED_VERB = re.compile(r"^\s+(?:và|rồi|đồng thời)\s+(?:(?:đã|cũng|còn|sẽ|lại)\s+)*$")
_PASSIVE_GAP = re.compile(r"^\s+(?:bị|được)\s+(?:[^\W\d_]+\s+){0,8}$")


def _passive_patient(
    text: str, groups: list[ActorGroup], agents: list[ActorGroup], start: int, context: _Context
) -> ActorGroup | None:
    """ "X bị Y tấn công", "Maduro được nhiều nước như Nga công nhận": the name before the passive marker is the
    one acted on, and the names after it are the agents; "Ông được Mỹ ủng hộ" is the last person named."""
    if not agents:
        return None
    if context.last_person is not None and _PRONOUN_PASSIVE.match(text[start : agents[0].start]):
        return context.last_person
    first = next((i for i, g in enumerate(groups) if g is agents[0]), 0)
    if first == 0 or groups[first - 1].start < start:
        return None
    patient = groups[first - 1]
    return patient if _PASSIVE_GAP.match(text[patient.end : agents[0].start]) else None


def _subjects(
    text: str, groups: list[ActorGroup], start: int, trigger: Trigger, context: _Context
) -> tuple[list[ActorGroup], int, bool]:
    """Actor1 candidates, where the verb's modifiers begin, and whether a pronoun stood for them."""
    index = subject_index(text, groups, start, trigger.start)
    window = text[groups[index].end if index is not None else start : trigger.start].lower()
    if context.last_pair and phrase_pattern(markers()["pair_pronouns"]).search(window):
        return list(context.last_pair), trigger.start - len(window), True
    if index is None:
        pronoun = phrase_pattern(markers()["person_pronouns"]).search(text, start, trigger.start)
        if pronoun and context.last_person is not None:
            return [context.last_person], pronoun.end(), True
        pronoun = phrase_pattern(markers()["body_pronouns"]).search(text, start, trigger.start)
        if pronoun and context.last_body is not None:
            return [context.last_body], pronoun.end(), True
        return [], start, False
    # The verb's modifiers follow the last comma after the subject: "Nhật Bản, quốc gia ... phải hứng chịu ...,
    # cũng phản đối" is not made hypothetical by the apposition's "phải".
    comma = text.rfind(",", groups[index].end, trigger.start)
    return coordinated(text, groups, index), max(groups[index].end, comma + 1), False


def _clause_end(text: str, groups: list[ActorGroup], triggers: list[Trigger], trigger: Trigger, end: int) -> int:
    """Where the verb's objects can no longer be: a comma, or the next verb that has a subject of its own."""
    stop = _CLAUSE_STOP.search(text, trigger.end, end)
    limit = stop.start() if stop else end
    for later in triggers:
        if trigger.end <= later.start < limit and any(trigger.end <= g.start and g.end <= later.start for g in groups):
            return later.start
    return limit


def _shares_subject(text: str, candidate: ActorGroup, previous: Trigger, trigger: Trigger) -> bool:
    """ "NATO sẽ hỗ trợ chính phủ Afghanistan, kêu gọi ...", "chỉ trích NATO và thảo luận ...": a name after the
    last verb, then a comma or "và", is that verb's object; the next verb shares the last verb's subject."""
    gap = text[candidate.end : trigger.start]
    return candidate.start >= previous.end and ("," in gap or bool(_JOINED_VERB.match(gap)))


def _code(trigger: Trigger, intent: bool) -> CameoCode:
    """The trigger's code, or "express intent to cooperate" (030) when a wish stands before the verb."""
    return cameo_codes()["030"] if intent else trigger.cameo


def _sentence_events(
    text: str,
    field: str,
    span: tuple[int, int],
    groups: list[ActorGroup],
    dates: list[DateMention],
    context: _Context,
    quoted: list[tuple[int, int]],
) -> list[Event]:
    start, end = span
    events: list[Event] = []
    triggers = [t for t in find_triggers(text, start, end) if not any(a <= t.start < b for a, b in quoted)]
    groups = [g for g in groups if not any(a <= g.start < b for a, b in quoted)]
    shared: tuple[Trigger, list[ActorGroup]] | None = None
    for number, trigger in enumerate(triggers):
        previous = triggers[number - 1] if number else None
        if _is_nominal(text, start, trigger) or _is_complement(text, groups, previous, trigger):
            continue
        actors, window_start, by_pronoun = _subjects(text, groups, start, trigger, context)
        index = subject_index(text, groups, start, trigger.start)
        if shared and index is not None and _shares_subject(text, groups[index], shared[0], trigger):
            actors = shared[1]
        patient = _passive_patient(text, groups, actors, start, context) if not by_pronoun else None
        if not actors or _previous_word(text, start, trigger.start) in markers()["passives"]:
            continue  # no actor, or "X bị cáo buộc" with the agent unsaid
        shared = (trigger, actors)
        intent = announces_intent(text, window_start, trigger.start)
        state = "asserted" if intent else factuality(text, start, end, window_start, trigger.start)
        if not by_pronoun and _ends_with(text, start, actors[0].start, markers()["unreal_before_subject"]):
            state = "hypothetical"  # "muốn EU trừng phạt Tehran", "để đảm bảo Iran vẫn cam kết": wished, not done
        cameo = _code(trigger, intent)
        root = cameo.root
        clause_end = _clause_end(text, groups, triggers, trigger, end)
        target = patient or object_group(text, groups, trigger.end, clause_end, root)
        targets = coordinated_after(text, groups, target, clause_end) if target and not patient else [target]
        pairs = [(actor, other) for actor in actors for other in targets]
        if root == "04" and target is None and len(actors) >= 2 and not by_pronoun:
            pairs = [(actors[0], actors[1])]
        elif root in {"05", "06"} and target is None and len(actors) == 2 and not by_pronoun:
            pairs = [(actors[0], actors[1]), (actors[1], actors[0])]  # "Nga và Thổ Nhĩ Kỳ khôi phục quan hệ"
        if by_pronoun and len(actors) == 2:
            pairs = [(actors[0], actors[1])]
        place = location_group(groups, start, end)
        if root == "16" and target is None and place is not None and trigger.end <= place.start:
            pairs = [
                (actor, place) for actor, _ in pairs
            ]  # "đóng cửa đại sứ quán tại Kabul": relations with Kabul's state
        date, precision = sentence_date(text, dates, start, end, trigger.start, context.fallback_date)
        for actor, other in pairs:
            actor1, actor1_id = acting(actor, context.ids)
            actor2, actor2_id = acting(other, context.ids) if other is not None else (None, None)
            if actor2_id == actor1_id:
                other, actor2, actor2_id = None, None, None
            # Surer when the subject is named rather than a pronoun, the target found, the trigger a multi-word phrase.
            confidence = (
                0.4 + (0.0 if by_pronoun else 0.2) + (0.2 if other else 0.0) + (0.1 if " " in trigger.text else 0.0)
            )
            events.append(
                Event(
                    actor1=actor1,
                    actor1_id=actor1_id,
                    root=root,
                    code=cameo.code,
                    label=cameo.label,
                    goldstein=cameo.goldstein,
                    actor2=actor2,
                    actor2_id=actor2_id,
                    location=place.name if place else None,
                    location_id=place.actor_id if place else None,
                    date=date,
                    date_precision=precision if date else None,
                    factuality=state,
                    trigger=trigger.text,
                    field=field,
                    trigger_start=trigger.start,
                    trigger_end=trigger.end,
                    sentence=text[start:end],
                    confidence=round(min(confidence, 0.95), 2),
                    article_id=context.article.id,
                    actor1_org=actor.org.canonical or actor.org.text if actor.org else None,
                    actor1_org_id=(actor.org.actor_id or actor.org.canonical or actor.org.text) if actor.org else None,
                )
            )
            if other is not None and actor.head.type == "PER" and other.head.type == "PER":
                context.last_pair = (actor, other)
        if len(actors) == 2 and all(a.head.type == "PER" for a in actors):
            context.last_pair = (actors[0], actors[1])
        bodies = [a for a in actors if a.head.type != "PER"]
        if bodies and not by_pronoun:
            context.last_body = bodies[-1]
    people = [g for g in groups if start <= g.start < end and g.head.type == "PER"]
    if people:
        context.last_person = people[0]
    return events


def article_events(article: Article, entities: list[Entity], dates: list[DateMention]) -> list[Event]:
    """Every event of the article's title, lead and body, in reading order."""
    ids = {e.canonical: e.actor_id for e in entities if e.canonical and e.actor_id}
    context = _Context(article, published_date(article), ids=ids)
    events: list[Event] = []
    for name, text in field_texts(article):
        if name not in EVENT_FIELDS:
            continue
        groups = build_groups(text, [e for e in entities if e.field == name])
        field_dates = [d for d in dates if d.field == name]
        quoted = quoted_spans(text)
        for span in sentences(text):
            events.extend(_sentence_events(text, name, span, groups, field_dates, context, quoted))
    return events
