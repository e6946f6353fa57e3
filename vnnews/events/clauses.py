"""Arguments from Vietnamese clause structure: who acts before the verb, who is acted on after it.

Vietnamese is SVO with no case marking, so the roles come from word order and the small words around a name:
a name after a preposition ("với", "cho", "tại") is never the subject of the next verb; names joined by "và"
or a comma are coordinated actors; names written back to back ("Tổng thư ký NATO Mark Rutte", "Quốc vương
Abdullah II của Jordan") are one actor, the person, with the organisation kept as an attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vnnews.events.triggers import find_triggers, markers, phrase_pattern
from vnnews.model import Entity

_JOIN_GAP = re.compile(r"^\s*(?:\(\s*|\)\s*|của\s+)*$")
_APPOSITION_START = re.compile(r"^,\s*(?:hai|ba|bốn|các|những|một|nhiều)\s")
_STOP_WORDS = {"khi", "rằng", "là", "ngày", "tuần", "tháng", "năm", "đã", "sẽ", "đang"}
_WORD = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_CURLY_QUOTED = re.compile(r"“([^”]{1,1500})”")
_STRAIGHT_MARK = re.compile(r'"')
_MAX_QUOTE_PARAGRAPHS = 4
_MIN_QUOTE_WORDS = 5
_POSTED_AT = re.compile(r"^\s+(?:tại|ở)\s+$")
_POSTED_AT_UNNAMED = re.compile(r"(?<!\w)(?:tại|ở)\s+(?:[A-ZĐ][\w.-]*\s+){1,3}$")
_LIST_GAP = re.compile(r"^,\s*(?:[^\W\d_]+\s+){0,3}$")


def _straight_quotes(text: str) -> list[tuple[int, int]]:
    """Straight-quote pairs, paragraph by paragraph: a paragraph with an odd number of marks leaves its last one
    open, and the first mark of a later paragraph closes it, as news sites write a quote of several sentences
    (one paragraph each) with a single pair of marks."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    paragraphs_open = 0
    position = 0
    for paragraph in text.split("\n"):
        marks = [position + m.start() for m in _STRAIGHT_MARK.finditer(paragraph)]
        if opened is not None and marks:
            pairs.append((opened, marks.pop(0)))
            opened = None
        elif opened is not None:
            paragraphs_open += 1
            opened = None if paragraphs_open >= _MAX_QUOTE_PARAGRAPHS else opened
        pairs.extend(zip(marks[::2], marks[1::2], strict=False))
        if len(marks) % 2:
            opened, paragraphs_open = marks[-1], 0
        position += len(paragraph) + 1
    return pairs


def quoted_spans(text: str, min_words: int = _MIN_QUOTE_WORDS) -> list[tuple[int, int]]:
    """Where the quoted words of ``text`` lie (inside the marks), in reading order; by default a quoted name or
    term of fewer than five words is left out, as it is part of the narrative rather than someone's words."""
    marks = [(m.start(), m.end() - 1) for m in _CURLY_QUOTED.finditer(text)] + _straight_quotes(text)
    spans = []
    for opening, closing in sorted(marks):
        if len(text[opening + 1 : closing].split()) >= min_words:
            spans.append((opening + 1, closing))
    return spans


def closes_clause(text: str, quote: tuple[int, int]) -> bool:
    """A quote is a direct quote when nothing but punctuation or an attribution follows it; a quoted phrase
    inside running text ("cảnh báo rằng " các hành động " như ...") is part of the sentence, not a quote."""
    rest = text[quote[1] + 1 : quote[1] + 4].lstrip(" ")
    return not rest or rest[0] in ".!?…,;:-–—\n" or not rest[0].isalnum()


@dataclass
class ActorGroup:
    """One actor as the sentence writes it: its head entity, an organisation it acts for, and its span."""

    head: Entity
    org: Entity | None
    start: int
    end: int
    preposition: str | None = None

    @property
    def name(self) -> str:
        return self.head.canonical or self.head.text

    @property
    def actor_id(self) -> str:
        return self.head.actor_id or self.name


def _coordinator_gap() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in markers()["coordinators"] if w != ",")
    # "Mỹ và đồng minh NATO", "Mỹ và các nước NATO": up to two lowercase nouns may stand before the second name.
    # "Ngoại trưởng Mỹ và Tổng Thư ký NATO": up to three title words too.
    # "Mỹ - NATO thảo luận": headlines join the two parties of a meeting with a dash.
    return re.compile(rf"^\)?\s*(?:,\s*(?:{words})?|(?:{words})|[-–])\s+(?:[^\W\d_]+\s+){{0,3}}$")


def build_groups(text: str, entities: list[Entity]) -> list[ActorGroup]:
    """Entities of one text merged into actor groups, in reading order."""
    ordered = sorted(entities, key=lambda e: (e.start, -e.end))
    merged: list[list[Entity]] = []
    inner: dict[int, Entity] = {}  # "Tổng thư ký NATO" resolved to Mark Rutte keeps NATO as his organisation
    for entity in ordered:
        if merged and entity.start < merged[-1][-1].end:
            if entity.type != "PER" and merged[-1][-1].type == "PER":
                inner.setdefault(id(merged[-1][-1]), entity)
            continue
        if merged and _JOIN_GAP.match(text[merged[-1][-1].end : entity.start]):
            merged[-1].append(entity)
        else:
            merged.append([entity])
    groups = []
    for members in merged:
        people = [m for m in members if m.type == "PER"]
        head = people[0] if people else members[0]
        before = [m for m in members if m.start < head.start and m.type != "PER"]
        after = [m for m in members if m.start > head.start and m.type != "PER"]
        org = before[0] if before else (after[0] if people and after else inner.get(id(head)))
        group = ActorGroup(head, org, members[0].start, members[-1].end)
        group.preposition = _governing_preposition(text, group.start)
        listed = head.type == "LOC" and groups and _LIST_GAP.match(text[groups[-1].end : group.start])
        if group.preposition is None and listed:
            group.preposition = groups[-1].preposition  # "tại thành phố Naples, miền Nam Italy"
        elif head.type == "PER" and groups and _POSTED_AT.match(text[groups[-1].end : group.start]):
            group.preposition = None  # "Đại sứ Mỹ tại Liên Hợp Quốc Nikki Haley": the place is part of the title
        elif (
            head.type == "PER"
            and group.preposition in {"tại", "ở"}
            and _POSTED_AT_UNNAMED.search(text, max(0, group.start - 40), group.start)
        ):
            group.preposition = None  # "đại diện của Nga tại LHQ Dmitry Polyanskiy": a post the tagger left unnamed
        groups.append(group)
    return groups


def _governing_preposition(text: str, start: int) -> str | None:
    """The preposition that governs a name, looking back over at most seven words of its noun phrase; a verb in
    between ends the phrase ("tại LQH Dmitry Polyanskiy cáo buộc Ukraine": Ukraine is the verb's object)."""
    prepositions = set(markers()["prepositions"])
    window = max(0, start - 80)
    words = list(_WORD.finditer(text, window, start))
    for word in reversed(words[-7:]):
        lowered = word.group(0).lower()
        if lowered in prepositions:
            return None if find_triggers(text, word.end(), start) else lowered
        if lowered in _STOP_WORDS or not word.group(0).isalpha():
            return None
    return None


def coordinated(text: str, groups: list[ActorGroup], index: int) -> list[ActorGroup]:
    """The group at ``index`` with the groups coordinated before it ("Mỹ và Anh", "Đan Mạch, Na Uy")."""
    gap = _coordinator_gap()
    chain = [groups[index]]
    while (
        index > 0
        and groups[index - 1].preposition is None
        and gap.match(text[groups[index - 1].end : groups[index].start])
        and not _RENAMING_GAP.match(text[groups[index - 1].end : groups[index].start])
    ):
        index -= 1
        chain.insert(0, groups[index])
    return chain


def _is_apposition(text: str, group: ActorGroup, sentence_start: int, position: int) -> bool:
    """ ", hai thành viên NATO khác," explains the actors before it and is not itself an actor."""
    comma = text.rfind(",", sentence_start, group.start)
    closed = "," in text[group.end : position]
    return closed and comma >= 0 and bool(_APPOSITION_START.match(text[comma : group.start]))


def subject_index(text: str, groups: list[ActorGroup], sentence_start: int, position: int) -> int | None:
    """The group acting as subject of the verb at ``position``: the nearest name before it not under a preposition."""
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group.end > position:
            continue
        if group.start < sentence_start:
            return None
        if group.preposition is None and not _is_apposition(text, group, sentence_start, position):
            return index
    return None


_RENAMING_GAP = re.compile(r"^\s*,\s*(?:ông|bà|ngài)\s+$")  # "Tổng thư ký NATO, ông Mark Rutte": one person
_SIDE_OF = re.compile(r"(?<!\w)phía\s+$")  # "đứng về phía Nga": the side taken is the target
_NOT_PARTICIPANT = {"tại", "ở", "trong", "về", "theo", "sau", "trước", "qua", "nhằm", "giữa"}


def object_group(text: str, groups: list[ActorGroup], position: int, clause_end: int, root: str) -> ActorGroup | None:
    """The actor acted on after the verb, up to the clause end; consult and cooperation prefer the "với" partner."""
    after = [g for g in groups if position <= g.start < clause_end]
    if root in {"04", "05", "06"}:
        partner = next((g for g in after if g.preposition == "với"), None)
        if partner is not None:
            return partner
    topic = phrase_pattern(markers()["topic_markers"] + markers()["clause_openers"])
    for group in after:
        if _SIDE_OF.search(text, max(0, group.start - 12), group.start):
            return group
        if topic.search(text, position, group.start):
            return None
        if group.preposition not in _NOT_PARTICIPANT:
            return group
    return None


def coordinated_after(text: str, groups: list[ActorGroup], first: ActorGroup, clause_end: int) -> list[ActorGroup]:
    """``first`` with the names coordinated after it ("cáo buộc CIA, Israel và Arab Saudi"): one target each."""
    gap = _coordinator_gap()
    chain = [first]
    for group in groups:
        if group.start <= chain[-1].start or group.start >= clause_end:
            continue
        if group.preposition not in {None, first.preposition} or not gap.match(text[chain[-1].end : group.start]):
            break
        chain.append(group)
    return chain


def location_group(groups: list[ActorGroup], start: int, end: int) -> ActorGroup | None:
    """The place the sentence sets the act in: a LOC after "tại" or "ở"."""
    for group in groups:
        if start <= group.start < end and group.head.type == "LOC" and group.preposition in {"tại", "ở"}:
            return group
    return None


@cache
def capitals() -> dict[str, str]:
    """City -> state for capitals that stand for their government (data/capitals.tsv)."""
    rows = resources.files("vnnews.events").joinpath("data/capitals.tsv").read_text("utf-8").splitlines()
    pairs = [line.split("\t") for line in rows if line and not line.startswith("#")][1:]
    return {city: state for city, state in pairs}


def acting(group: ActorGroup, ids: dict[str, str]) -> tuple[str, str]:
    """Display name and id of an acting group; a capital acting ("Washington trừng phạt") is its state."""
    state = capitals().get(group.name) if group.head.type == "LOC" else None
    if state is None:
        return group.name, group.actor_id
    return state, ids.get(state, state)
