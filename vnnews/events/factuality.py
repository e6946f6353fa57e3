"""Whether an act happened: asserted, negated, planned or hypothetical.

Vietnamese marks this with words before the verb ("không", "sẽ", "có thể") and with conditionals anywhere in
the sentence ("nếu"): "Nga khẳng định sẽ hỗ trợ quân sự nếu Triều Tiên bị tấn công" holds no aid and no attack.
An announced wish or intention ("muốn gặp") is itself an act, CAMEO 03, and is reported as that.
"""

from __future__ import annotations

from functools import cache

from vnnews.events.triggers import markers, phrase_pattern

_CONDITIONALS = ("nếu", "giả sử", "trong trường hợp")
_INTENT = ("muốn", "mong muốn", "dự định", "có ý định")


@cache
def _patterns() -> dict[str, object]:
    words = markers()
    return {
        "conditional": phrase_pattern(list(_CONDITIONALS)),
        "intent": phrase_pattern(list(_INTENT)),
        "negated": phrase_pattern(words["negators"]),
        "planned": phrase_pattern(words["planned"]),
        "hypothetical": phrase_pattern([w for w in words["hypothetical"] if w not in _INTENT]),
    }


def factuality(text: str, sentence_start: int, sentence_end: int, window_start: int, trigger_start: int) -> str:
    """The factuality of the act whose trigger starts at ``trigger_start``.

    ``window_start`` is where the words that modify the verb begin (the end of its subject, or the sentence start).
    Conditionals count anywhere in the sentence; negation and modality only between the subject and the verb.
    """
    found = _patterns()
    if found["conditional"].search(text, sentence_start, sentence_end):
        return "hypothetical"
    if found["hypothetical"].search(text, window_start, trigger_start):
        return "hypothetical"
    if found["negated"].search(text, window_start, trigger_start):
        return "negated"
    if found["planned"].search(text, window_start, trigger_start):
        return "planned"
    return "asserted"


def announces_intent(text: str, window_start: int, trigger_start: int) -> bool:
    """Whether a wish or intention ("muốn", "dự định") stands before the verb: the act becomes CAMEO 03."""
    return bool(_patterns()["intent"].search(text, window_start, trigger_start))
