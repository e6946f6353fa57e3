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

from vnnews.events.triggers import markers, phrase_pattern
from vnnews.model import Entity

_JOIN_GAP = re.compile(r"^\s*(?:\(\s*|\)\s*|của\s+)*$")
_APPOSITION_START = re.compile(r"^,\s*(?:hai|ba|bốn|các|những|một|nhiều)\s")
_STOP_WORDS = {"khi", "rằng", "là", "ngày", "tuần", "tháng", "năm", "đã", "sẽ", "đang"}
_WORD = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_QUOTED = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
_MIN_QUOTE_WORDS = 5
_POSTED_AT = re.compile(r"^\s+(?:tại|ở)\s+$")
_LIST_GAP = re.compile(r"^,\s*(?:[^\W\d_]+\s+){0,3}$")


def quoted_spans(text: str, min_words: int = _MIN_QUOTE_WORDS) -> list[tuple[int, int]]:
    """Where the quoted words of ``text`` lie (inside the marks); by default a quoted name or term of fewer than
    five words is left out, as it is part of the narrative rather than someone's words."""
    spans = []
    for match in _QUOTED.finditer(text):
        group = 1 if match.group(1) is not None else 2
        if len(match.group(group).split()) >= min_words:
            spans.append((match.start(group), match.end(group)))
    return spans


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
    return re.compile(rf"^\s*(?:,\s*(?:{words})?|(?:{words}))\s+(?:[^\W\d_]+\s+){{0,3}}$")


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
        if group.preposition is None and groups and _LIST_GAP.match(text[groups[-1].end : group.start]):
            group.preposition = groups[-1].preposition  # "tại thành phố Naples, miền Nam Italy"
        elif head.type == "PER" and groups and _POSTED_AT.match(text[groups[-1].end : group.start]):
            group.preposition = None  # "Đại sứ Mỹ tại Liên Hợp Quốc Nikki Haley": the place is part of the title
        groups.append(group)
    return groups


def _governing_preposition(text: str, start: int) -> str | None:
    """The preposition that governs a name, looking back over at most seven words of its noun phrase."""
    prepositions = set(markers()["prepositions"])
    words = _WORD.findall(text[max(0, start - 80) : start])
    for word in reversed(words[-7:]):
        lowered = word.lower()
        if lowered in prepositions:
            return lowered
        if lowered in _STOP_WORDS or not word.isalpha():
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
        if topic.search(text, position, group.start):
            return None
        if group.preposition not in _NOT_PARTICIPANT:
            return group
    return None


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
