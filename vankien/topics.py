"""Which figure answers a topic, and which result figure answers a target figure.

A topic in `content/topics.yaml` says what it counts: `keywords` (words a target about it uses,
"kết nạp Đảng") and `units` (what it is counted in, "đoàn viên", "%"). A target's figures are
`Measure`s (see `numbers`); the one that *answers* the topic is the figure the topic page, the
comparison matrix, the term table and the computed assessment use:

1. the figures counted in one of the topic's units (any unit when the topic lists none);
2. of those, the ones whose words (the words before the figure in its clause, and what it counts)
   hold one of the topic's keywords; if exactly one does, it answers;
3. if none holds a keyword but exactly one figure is in the topic's units, it answers;
4. otherwise no figure answers ("none") or several do ("two"): the tables say "not comparable"
   and `check` warns, and the editor names the figure with `measure: N` on the target.

Result figures are paired with a target figure by meaning: same unit (union members count
alike), then the most content words shared, then the first. Never by position alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from vankien import numbers
from vankien.assessment import comparable
from vankien.measure import Measure

# Words that carry no meaning when pairing figures by their words.
FUNCTION_WORDS = frozenset(
    "và hoặc các những của cho có được đã sẽ đang là với trong tại từ đến trên về theo này đó mỗi một "
    "hơn ít nhất tối thiểu phấn đấu phần đầu khoảng gần trở lên số".split()
)


@dataclass(frozen=True)
class Answer:
    """Which measure of a target answers its topic.

    `index`: 0-based position in the target's measures, or None; `status`: "topic" (read from the
    topic's keywords and units), "given" (the editor's `measure: N`), "none", "two" (several
    answer; `candidates` lists them, 0-based), or "no-topic".
    """

    index: int | None
    status: str
    candidates: tuple[int, ...] = ()


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def _topic_words(topic) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(keywords, units) of a Topic, or of a topics.yaml entry given as a dict."""
    if isinstance(topic, Mapping):
        return tuple(topic.get("keywords") or ()), tuple(topic.get("units") or ())
    return tuple(getattr(topic, "keywords", ())), tuple(getattr(topic, "units", ()))


def _in_units(measure: Measure, units: tuple[str, ...]) -> bool:
    if not units:
        return measure.unit is not None
    if measure.unit is None:
        return False
    unit = _norm(measure.unit)
    return unit in {_norm(u) for u in units} or unit.split("/")[0] in {_norm(u) for u in units}


def _has_keyword(measure: Measure, keywords: tuple[str, ...]) -> bool:
    context = _norm(measure.context)
    return any(_norm(word) in context for word in keywords)


def answering(topic, measures) -> list[int]:
    """The 0-based indices of the measures that answer `topic` (a Topic or a topics.yaml dict),
    by the rules in the module docstring; [] when none does, two or more when several do."""
    keywords, units = _topic_words(topic)
    candidates = [i for i, m in enumerate(measures) if _in_units(m, units)]
    worded = [i for i in candidates if _has_keyword(measures[i], keywords)] if keywords else []
    if worded:
        return worded
    if len(candidates) == 1:
        return candidates
    return [] if keywords else candidates


def answer(topic, measures, given: int | None = None) -> Answer:
    """The measure of `measures` that answers `topic`; `given` (1-based, the editor's `measure: N`)
    wins when it names one of them. `topic` None → status "no-topic" (the single measure, if only one)."""
    measures = list(measures)
    if given is not None and 1 <= given <= len(measures):
        return Answer(given - 1, "given")
    if topic is None:
        return Answer(0, "no-topic") if len(measures) == 1 else Answer(None, "no-topic")
    found = answering(topic, measures)
    if len(found) == 1:
        return Answer(found[0], "topic")
    return Answer(None, "two" if found else "none", tuple(found))


def content_words(text: str | None) -> set[str]:
    """The lower-case syllables of `text` that carry meaning (no function words, no figures)."""
    words = re.findall(r"[^\W\d_]+", _norm(text or ""))
    return {w for w in words if w not in FUNCTION_WORDS}


def pair_result(target: Measure | None, results) -> int | None:
    """The 0-based index of the result measure that reports `target`, or None.

    Comparable units only (see `assessment.comparable`); among them the one sharing most content
    words with the target figure's words (lead and phrase), the earliest on a tie. One comparable
    result figure is taken even when it shares no word.
    """
    if target is None:
        return None
    wanted = content_words(target.context)
    best, best_score = None, -1
    for index, result in enumerate(results):
        if not comparable(target, result):
            continue
        score = len(wanted & content_words(result.context))
        if score > best_score:
            best, best_score = index, score
    return best


def suggest_topic(text: str, topics) -> str | None:
    """The id of the topic whose keywords and units `text` (a target's words) answers, or None.

    `topics`: {id: Topic} (site.topics) or {id: {"keywords": [...], "units": [...], ...}} as in
    topics.yaml. A topic is suggested when exactly one figure of the text answers it with a keyword
    (rule 2 of the module docstring); among several such topics, the one whose matched keyword is
    longest, then the first in `topics` order; None when the text has no figure or no topic fits.
    Used by the importer to propose `topic:` for imported targets.
    """
    measures = numbers.parse(text)
    best, best_length = None, 0
    for key, topic in topics.items():
        keywords, units = _topic_words(topic)
        worded = [m for m in measures if _in_units(m, units) and _has_keyword(m, keywords)]
        if len(worded) != 1:
            continue
        context = _norm(worded[0].context)
        length = max(len(_norm(word)) for word in keywords if _norm(word) in context)
        if length > best_length:
            best, best_length = key, length
    return best
