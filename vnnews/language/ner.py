"""Rule-based named entities (PER, ORG, LOC) with character offsets, the way Vietnamese news writes names.

Vietnamese capitalises only names, so a name is a capitalised run the gazetteer knows, or one a cue word
announces: titles and honorifics announce people ("Tổng thống Donald Trump"), classifiers places ("thành phố
Naples") or organisations ("hãng Reuters"); cues stay outside the span. Institution names keep their head noun
("Bộ Quốc phòng"), and a country after them is its own LOC. A lone capitalised word no cue announces is kept
only when it is a known surname, or when it is coordinated with a name of known type ("Kabul, Kandahar và Herat").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnnews.language.cues import is_vietnamese, key_of, lexicon
from vnnews.language.gazetteer import TOKEN, Actor, Gazetteer, case_class, load, slug
from vnnews.language.normalise import nfc_with_offsets

_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")
_NAME_PARTICLES = {"bin", "al", "von", "der", "de", "van", "da", "di", "el", "la", "le", "du", "ibn", "dos"}
_CHAIN_JOINERS = {",", "(", ")", "-", "–", "và", "của"}
_COMPASS = {"Đông": "Eastern", "Tây": "Western", "Nam": "Southern", "Bắc": "Northern"}
_DIRECTION_NOUNS = {"miền", "phía", "vùng", "khu", "hướng", "mạn", "phần"}
_PLACE_PREPOSITIONS = {"tại", "ở", "tới", "đến"}
_COORDINATORS = {",", "và", "hoặc", "cùng", "-", "–"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str | None  # None: a lone capitalised word whose type is settled later, or dropped
    actor: Actor | None = None
    title: str | None = None  # English title of the cue before a person ("Secretary-General")
    title_org: str | None = None  # actor id of the org or country named in that cue chain


@dataclass
class RolePhrase:
    """A title with its org or country and no name after it ("Tổng Thư ký NATO nhất trí ...")."""

    start: int
    end: int
    text: str
    title: str
    org: str


def _is_name_token(token: str) -> bool:
    return token[:1].isupper()


def _ends_sentence(token: str) -> bool:
    return token in {".", "!", "?", ":", ";", '"', "“", "”", "\n"}


class _Tagger:
    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.spans = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.tokens = [text[s:e] for s, e in self.spans]
        self.keys = [key_of(t) for t in self.tokens]
        self.gaz = gazetteer
        self.lex = lexicon()
        self.mentions: list[Mention] = []
        self.roles: list[RolePhrase] = []
        self.products: set[str] = set()  # names seen after a product word ("tàu Stena Impero")

    def _newline_between(self, a: int, b: int) -> bool:
        return "\n" in self.text[self.spans[a][1] : self.spans[b][0]]

    def _mention(self, first: int, last: int, type_: str | None, actor: Actor | None = None) -> Mention:
        start, end = self.spans[first][0], self.spans[last][1]
        mention = Mention(start, end, self.text[start:end], type_, actor)
        self.mentions.append(mention)
        return mention

    def _gazetteer_at(self, i: int, after_title: bool = False):
        entry = self.gaz.match(self.tokens, self.keys, i)
        if entry is None or (i and self._glued_to_name(i, len(entry.keys))):
            return None
        if not after_title and self._glued_to_next(i, len(entry.keys)):
            return None
        return entry

    def _glued_to_next(self, i: int, length: int) -> bool:
        """A one-word alias opening a Vietnamese place or personal name ("Đức Phổ", "Anh Tuấn") is part of it."""
        j = i + length
        if length > 1 or j >= len(self.tokens) or case_class(self.tokens[i]) == 2:
            return False
        after = self.tokens[j]
        return (
            case_class(after) == 1
            and is_vietnamese(after)
            and not self._newline_between(i, j)
            and key_of(after) not in self.lex.cue_words
            and self.gaz.match(self.tokens, self.keys, j) is None
        )

    def _glued_to_name(self, i: int, length: int) -> bool:
        """A one-word alias inside a Vietnamese personal name ("Tuấn Anh") is part of that name."""
        if length > 1 or case_class(self.tokens[i]) == 2:
            return False
        before = self.tokens[i - 1]
        if case_class(before) != 1 or before in self.lex.not_names or key_of(before) in self.lex.cue_words:
            return False
        if self.mentions and self.mentions[-1].end == self.spans[i - 1][1]:
            return False  # "Munich Đức": the word before is a name of its own
        return not self._newline_between(i - 1, i)

    def _run(self, i: int) -> int:
        """End (exclusive) of the capitalised run starting at i; stops at multi-token or acronym aliases."""
        j = i + 1
        n = len(self.tokens)
        if case_class(self.tokens[i]) == 2:
            return j  # an acronym stands alone: "UBND TP HCM", "LHQ Dmitry Polyanskiy"
        while j < n and not self._newline_between(j - 1, j):
            token = self.tokens[j]
            if _is_name_token(token) or _ROMAN.match(token):
                entry = self.gaz.match(self.tokens, self.keys, j)
                if entry and (len(entry.keys) > 1 or case_class(token) == 2) and not _ROMAN.match(token):
                    break
                j += 1
            elif token.lower() in _NAME_PARTICLES and j + 1 < n and _is_name_token(self.tokens[j + 1]):
                j += 1
            elif token in {"-", "."} and j + 1 < n and case_class(self.tokens[j + 1]) and len(self.tokens[j - 1]) == 1:
                j += 1  # initials: "D. Trump", "J.D. Vance"
            elif token == "-" and j + 1 < n and case_class(self.tokens[j + 1]) == 1 and self.tokens[j + 1].isascii():
                j += 1  # "Jean - Yves Le Drian"
            else:
                break
        return j

    def _unknown_word(self, j: int) -> bool:
        return self.gaz.match(self.tokens, self.keys, j) is None and self.tokens[j] not in self.lex.not_names

    def _at_line_start(self, i: int) -> bool:
        return not self.text[self.text.rfind("\n", 0, self.spans[i][0]) + 1 : self.spans[i][0]].strip()

    def _line_is_run(self, i: int, end: int) -> bool:
        """A line that is only a short capitalised run: a byline or a caption credit, so a name."""
        line_start = self.text.rfind("\n", 0, self.spans[i][0]) + 1
        line_end = self.text.find("\n", self.spans[end - 1][1])
        line_end = len(self.text) if line_end < 0 else line_end
        return (
            2 <= end - i <= 4
            and not self.text[line_start : self.spans[i][0]].strip()
            and not self.text[self.spans[end - 1][1] : line_end].strip(" .")
        )

    def _inside_title_case(self, first: int, end: int) -> bool:
        """A run in the middle of a title-cased name ("Kế hoạch Hành động Chung Toàn diện") is not a person."""
        before = self.tokens[first - 2 : first]
        after = self.tokens[end] if end < len(self.tokens) else ""
        if self.mentions and self.mentions[-1].end == self.spans[first - 1][1]:
            return False  # right after a name: "Bộ Ngoại giao Zamir Kabulov cho hay"
        return (
            len(before) == 2
            and case_class(before[0]) == 1
            and case_class(before[1]) == 0
            and before[1].isalpha()
            and case_class(after) == 0
            and after.isalpha()
            and not self._newline_between(end - 1, end)
        )

    def _ministry(self, i: int, end: int) -> Actor | None:
        """ "Bộ Ngoại giao Đức" is the German Foreign Ministry, "Đại sứ quán Nga" the Russian Embassy."""
        portfolio = self.lex.portfolios.match(self.keys, i + 1) if key_of(self.tokens[i]) == "bộ" else None
        if portfolio and portfolio[1]:
            institution = f"{portfolio[1]} Ministry"
        elif self.keys[i : i + 3] == ["đại", "sứ", "quán"]:
            institution = "Embassy"
        else:
            return None
        country = self.gaz.match(self.tokens, self.keys, end) if end < len(self.tokens) else None
        demonym = self.gaz.demonyms.get(country.actor.country or "") if country else None
        if not demonym or country.actor.kind != "country":
            return None
        return Actor(f"ORG:{country.actor.country}-{slug(institution)}", f"{demonym} {institution}", "org")

    def _institution(self, i: int) -> int | None:
        """End of an institution name whose head noun starts at i ("Bộ Ngoại giao", "Ủy ban Bầu cử Trung ương")."""
        head = self.lex.heads.match(self.keys, i)
        if head is None or case_class(self.tokens[i]) == 0:
            return None
        length, need = head
        j = i + length
        portfolio = self.lex.portfolios.match(self.keys, j) if j < len(self.tokens) and length == 1 else None
        if portfolio and case_class(self.tokens[j]):
            return j + portfolio[0]
        components = 0
        while j < len(self.tokens) and case_class(self.tokens[j]) == 1 and not self._newline_between(j - 1, j):
            if self.gaz.match(self.tokens, self.keys, j):
                break
            if j + 1 < len(self.tokens) and case_class(self.tokens[j + 1]) == 1 and self.tokens[j].isascii():
                break  # "Hạ viện Jerrold Nadler": a foreign name follows the head, not a component
            j += 1
            components += 1
            if j < len(self.tokens) and case_class(self.tokens[j]) == 0 and self.tokens[j].isalpha():
                j += 1  # the lowercase second syllable of a component ("Ngoại giao")
                if j < len(self.tokens) and case_class(self.tokens[j]) == 0:
                    break
        if components:
            return j
        embassy = key_of(self.tokens[i]) == "đại" and j < len(self.tokens) and self.gaz.match(self.tokens, self.keys, j)
        return j if embassy and not need else None

    def tag(self) -> None:
        i, n = 0, len(self.tokens)
        cue: str | None = None  # PER, LOC, ORG announced by the last cue word
        title: str | None = None
        title_org: str | None = None
        title_span: tuple[int, int] | None = None
        blocked: str | None = None  # after "người", "tiếng": a people or language; after "tên lửa": a product
        while i < n:
            token = self.tokens[i]
            if i and self._newline_between(i - 1, i) or _ends_sentence(token):
                self._close_role(title, title_org, title_span)
                cue = title = title_org = title_span = None
                blocked = None
                if _ends_sentence(token):
                    i += 1
                    continue
            found = self.lex.titles.match(self.keys, i)
            head = self.lex.heads.match(self.keys, i)
            if found and head and head[0] > found[0]:
                found = None  # "Đại sứ quán" is an institution, not the title "Đại sứ"
            if found:
                if title and title_org:
                    self._close_role(title, title_org, title_span)
                cue, title, title_org = "PER", found[1], None
                title_span = (i, i + found[0] - 1)
                i += found[0]
                continue
            entry = self._gazetteer_at(i, after_title=title is not None)
            if entry is not None and blocked != "all":
                end = i + len(entry.keys) - 1
                type_ = {"person": "PER", "org": "ORG"}.get(entry.actor.kind, "LOC")
                mention = self._mention(i, end, type_, entry.actor)
                if type_ == "PER":
                    mention.title, mention.title_org = (title, title_org) if title else (None, None)
                    cue = title = title_org = title_span = None
                elif title:
                    title_org = title_org or entry.actor.id
                    title_span = (title_span[0], end) if title_span else None
                i = end + 1
                continue
            if entry is not None:
                i += len(entry.keys)
                blocked = None
                continue
            honorific = self.lex.honorifics.match(self.keys, i)
            if honorific and (token[:1].islower() or not (i + 1 < n and case_class(self.tokens[i + 1]) == 0)):
                cue = "PER"
                i += honorific[0]
                continue
            for phrases, kind in ((self.lex.places, "LOC"), (self.lex.orgs, "ORG")):
                found = phrases.match(self.keys, i)
                if found and i + found[0] < n and _is_name_token(self.tokens[i + found[0]]):
                    cue = kind
                    i += found[0]
                    break
            else:
                found = None
            if found:
                continue
            found = self.lex.non_entity_before.match(self.keys, i)
            if found and not _is_name_token(token):
                blocked = found[1]
                i += found[0]
                continue
            end = self._institution(i)
            if end is not None and not blocked:
                self._mention(i, end - 1, "ORG", self._ministry(i, end))
                i = end
                cue = None
                continue
            if cue and case_class(token) == 2 and key_of(token) in self.lex.not_entities:
                i += 1  # "Chủ tịch HĐQT Nguyễn Văn A", "công ty TNHH Minh Long": the cue reaches past the acronym
                continue
            if _is_name_token(token):
                i = self._name(i, cue, blocked, title, title_org)
                cue = title = title_org = title_span = None
                blocked = None
                continue
            if token not in _CHAIN_JOINERS and token not in {"đắc", "cử", "đương", "nhiệm", "tân", "cựu"}:
                self._close_role(title, title_org, title_span)
                cue = title = title_org = title_span = None
            blocked = None
            i += 1
        self._close_role(title, title_org, title_span)

    def _close_role(self, title: str | None, org: str | None, span: tuple[int, int] | None) -> None:
        if title and org and span:
            start, end = self.spans[span[0]][0], self.spans[span[1]][1]
            self.roles.append(RolePhrase(start, end, self.text[start:end], title, org))

    def _acronym(self, first: int, end: int) -> None:
        """An acronym no list holds is kept only in brackets after an org: it is that org's short name."""
        before = self.tokens[first - 1] if first else ""
        last = self.mentions[-1] if self.mentions else None
        if before == "(" and last is not None and last.type == "ORG":
            actor = last.actor or Actor(f"ORG:{slug(last.text)}", last.text, "org")
            self._mention(first, end - 1, "ORG", actor)

    def _name(self, i: int, cue: str | None, blocked: str | None, title: str | None, title_org: str | None) -> int:
        end = self._run(i)
        first = i
        byline = cue is None and self._line_is_run(i, end)
        compass = (
            self.tokens[i] in _COMPASS
            and end - i >= 2
            and cue is None
            and (i == 0 or self.keys[i - 1] not in _DIRECTION_NOUNS)
            and case_class(self.tokens[i + 1]) == 1
            and self._unknown_word(i + 1)
            and not is_vietnamese(self.tokens[i + 1])
        )
        while first < end and self.tokens[first] in self.lex.not_names and cue is None and not (byline or compass):
            first += 1
        while first < end and not self.tokens[first][:1].isalpha():
            first += 1
        if first == end:
            return end
        if first > i:  # the run began with a common capitalised word: look again from the name itself
            entry = self._gazetteer_at(first)
            if entry is not None:
                return first
        words = [t for t in self.tokens[first:end] if t.isalnum() or "-" in t]
        if len(words) == 1 and (key_of(words[0]) in self.lex.cue_words or words[0] in _COMPASS or len(words[0]) < 2):
            return end
        if blocked or all(key_of(t) in self.lex.not_entities for t in words):
            if blocked == "unknown":
                self.products.add(key_of(self.text[self.spans[first][0] : self.spans[end - 1][1]]))
            return end
        if cue is None and len(words) == 1 and case_class(words[0]) == 2:
            self._acronym(first, end)
            return end
        if compass:
            place = self.text[self.spans[first + 1][0] : self.spans[end - 1][1]]
            name = f"{_COMPASS[self.tokens[first]]} {place}"
            self._mention(first, end - 1, "LOC", Actor(f"LOC:{slug(name)}", name, "place"))  # "Đông Ghouta"
            return end
        if cue is None and self._inside_title_case(first, end):
            return end
        before = self.keys[first - 1] if first else ""
        if cue is None and before in _PLACE_PREPOSITIONS:
            cue = "LOC"
        vietnamese = any(is_vietnamese(t) for t in words) or words[0] in self.lex.surnames
        if cue is None and not byline and vietnamese and words[0] not in self.lex.surnames:
            return end  # Vietnamese words no cue announces and no family name opens: a place or a term
        last = key_of(words[-1])
        if last in self.lex.english_not_names:
            return end  # "Intermediate-Range Nuclear Forces Treaty", "World Cup"
        if cue is None and len(words) > 1:
            cue = "ORG" if last in self.lex.english_org_heads else "LOC" if last in self.lex.english_places else None
        type_ = cue or ("PER" if len(words) > 1 else None)
        mention = self._mention(first, end - 1, type_)
        if type_ == "PER":
            mention.title, mention.title_org = title, title_org
        return end


def _settle_lone_words(tagger: _Tagger) -> None:
    """Give an untyped lone word the type of a name it is coordinated with, or drop it."""
    mentions = tagger.mentions
    for index, mention in enumerate(mentions):
        if mention.type is not None:
            continue
        for other in (
            mentions[index - 1] if index else None,
            mentions[index + 1] if index + 1 < len(mentions) else None,
        ):
            if other is None or other.type is None:
                continue
            lo, hi = sorted([(mention.start, mention.end), (other.start, other.end)])
            between = tagger.text[lo[1] : hi[0]].strip()
            if between in _COORDINATORS:
                mention.type = other.type
                break


@dataclass
class Tagged:
    mentions: list[Mention]
    roles: list[RolePhrase]
    products: set[str]  # keys of names seen after a product word: not entities anywhere in the article


def tag(text: str, gazetteer: Gazetteer | None = None) -> Tagged:
    """Named mentions and nameless role phrases in one field's text; untyped lone words are left typed None."""
    composed, origins = nfc_with_offsets(text)
    tagger = _Tagger(composed, gazetteer or load())
    tagger.tag()
    _settle_lone_words(tagger)
    if origins:  # decomposed input: offsets and surfaces go back to the text as given
        for item in [*tagger.mentions, *tagger.roles]:
            item.start, item.end = origins[item.start], origins[item.end]
            item.text = text[item.start : item.end]
    return Tagged(tagger.mentions, tagger.roles, tagger.products)
