"""Which figure answers a topic, and which result figure answers a target figure.

A topic in `content/topics.yaml` says what it counts: `keywords` (words a target about it uses,
"kết nạp Đảng") and `units` (what it is counted in, "đoàn viên", "%"). A target's figures are
`Measure`s (see `numbers`); the one that *answers* the topic is the figure the topic page, the
comparison matrix, the term table and the computed assessment use:

1. the figures counted in one of the topic's units (any unit when the topic lists none);
2. of those, the ones whose words (the words before the figure in its clause, and what it counts)
   hold one of the topic's keywords, leaving out a part of an earlier one ("…, trong đó có 03 …");
   if exactly one does, it answers;
3. if none holds a keyword but exactly one figure is in the topic's units, it answers;
4. otherwise no figure answers ("none") or several do ("two"): the tables say "not comparable"
   and `check` warns, and the editor names the figure with `measure: N` on the target.

Result figures are paired with a target figure by meaning: same unit (union members count
alike), then the most content words shared, then the first; each result figure reports one
target figure at most. Never by position alone: of several comparable figures, one sharing no
word with the target's is not taken.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from vankien import numbers
from vankien.assessment import comparable
from vankien.figure_words import unsplit
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


@functools.lru_cache(maxsize=1 << 16)  # the same units, keywords and figure words come back for every topic
def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


@functools.lru_cache(maxsize=1024)
def _norms(words: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(set, tuple) of the normalized `words`, made once per topic's units or keywords."""
    normalized = tuple(_norm(word) for word in words)
    return frozenset(normalized), normalized


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
    unit, listed = _norm(measure.unit), _norms(units)[0]
    return unit in listed or unit.split("/")[0] in listed


def _has_keyword(measure: Measure, keywords: tuple[str, ...], own_words: bool = False) -> bool:
    """Whether a keyword is in the figure's words (lead, unit, phrase, subject), or with `own_words`
    in what it counts (unit, phrase, subject: "215 đoàn viên ưu tú được kết nạp Đảng")."""
    words = " ".join(filter(None, (measure.unit, measure.phrase, measure.subject))) if own_words else measure.context
    context = _norm(words)
    return any(word in context for word in _norms(keywords)[1])


def answering(topic, measures, worded_only: bool = False) -> list[int]:
    """The 0-based indices of the measures that answer `topic` (a Topic or a topics.yaml dict),
    by the rules in the module docstring; [] when none does, two or more when several do.
    `worded_only`: only figures holding a keyword (rule 2), never the lone figure in the units."""
    keywords, units = _topic_words(topic)
    candidates = [i for i, m in enumerate(measures) if _in_units(m, units)]
    worded = [i for i in candidates if _has_keyword(measures[i], keywords)] if keywords else []
    worded = [i for i in worded if not _part_of_earlier(measures, i, worded)]
    if worded or worded_only:
        return worded
    if len(candidates) == 1:
        return candidates
    return [] if keywords else candidates


def worded_answers(topics: Mapping, measure_lists) -> list[dict[str, list[int]]]:
    """For each list of measures in `measure_lists`: {topic key: answering(topic, measures,
    worded_only=True)} over the `topics` ({key: Topic or topics.yaml dict}) that a figure of it answers
    by its keywords, in the order of `topics`. The topics are indexed by unit once for all the lists,
    and each figure is looked for only in the topics of its unit (every target of a term is checked
    against every topic of the site)."""
    catalogue: list[tuple[str, tuple[str, ...]]] = []  # (key, normalized keywords) of topics with keywords
    by_unit: dict[str, list[int]] = {}  # {normalized unit: places in catalogue}
    any_unit: list[int] = []  # places of topics listing no unit
    for key, topic in topics.items():
        keywords, units = _topic_words(topic)
        if not keywords:  # worded_only: a topic without keywords is answered by no figure
            continue
        at = len(catalogue)
        catalogue.append((key, _norms(keywords)[1]))
        for unit in _norms(units)[0]:
            by_unit.setdefault(unit, []).append(at)
        if not units:
            any_unit.append(at)  # any figure with a unit
    return [_worded(catalogue, by_unit, any_unit, list(measures)) for measures in measure_lists]


def _worded(catalogue: list, by_unit: dict, any_unit: list[int], measures: list[Measure]) -> dict[str, list[int]]:
    hits: dict[int, list[int]] = {}  # {topic's place in the catalogue: measures holding its keyword}
    for i, measure in enumerate(measures):
        if measure.unit is None:
            continue
        unit = _norm(measure.unit)
        places = set(by_unit.get(unit, ())) | set(by_unit.get(unit.split("/")[0], ())) | set(any_unit)
        if not places:
            continue
        context = _norm(measure.context)
        for at in places:
            if any(word in context for word in catalogue[at][1]):
                hits.setdefault(at, []).append(i)
    found = {}
    for at in sorted(hits):
        kept = [i for i in hits[at] if not _part_of_earlier(measures, i, hits[at])]
        if kept:
            found[catalogue[at][0]] = kept
    return found


def _part_of_earlier(measures, index: int, among: list[int]) -> bool:
    """ "ít nhất 07 sáng kiến …, trong đó có ít nhất 03 sáng kiến …": a figure opened by "trong đó"
    (of which) counts part of an earlier figure of the same unit among `among`, not the topic's total."""
    lead = _norm(measures[index].lead or "")
    if not lead.startswith("trong đó"):
        return False
    return any(j < index and comparable(measures[j], measures[index]) for j in among)


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
    words with the target figure's words (lead and phrase), the earliest on a tie. The only
    comparable result figure is taken even when it shares no word; of several, one sharing no
    word is never taken (that would be pairing by position).
    """
    if target is None:
        return None
    scores = {i: score for i, result in enumerate(results) if (score := _score(target, result)) is not None}
    if len(scores) == 1:
        return next(iter(scores))
    best = max(scores, key=lambda i: (scores[i], -i), default=None)
    return best if best is not None and scores[best] > 0 else None


def pair_results(targets, results, fixed: dict[int, int | None] | None = None) -> list[int | None]:
    """For each target measure, the 0-based index of the result measure that reports it, or None;
    no result figure reports two target figures.

    `fixed`: {target index: result index} pairs already decided (the answering measure's, from
    `pair_result`), kept as given. The other pairs are taken best first: most content words shared,
    then reading order. A pair sharing no word is taken only when the two are each other's only
    comparable figure left ("Hàng năm, 100% … 80% … 15% …" against "100% … 20% …" pairs by words,
    never by position).
    """
    targets, results = list(targets), list(results)
    paired: list[int | None] = [None] * len(targets)
    used: set[int] = set()
    for index, result in (fixed or {}).items():
        paired[index] = result
        used.update([result] if result is not None else [])
    free = [i for i in range(len(targets)) if i not in (fixed or {})]
    scores = {
        (t, r): score
        for t in free
        for r in range(len(results))
        if (score := _score(targets[t], results[r])) is not None
    }
    for (t, r), score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if paired[t] is not None or r in used:
            continue
        if score == 0:
            rivals = [k for k in scores if (k[0] == t) != (k[1] == r) and paired[k[0]] is None and k[1] not in used]
            if rivals:
                continue
        paired[t] = r
        used.add(r)
    return paired


def _score(target: Measure, result: Measure) -> int | None:
    """How many content words two comparable figures share; None when they count different things."""
    if not comparable(target, result):
        return None
    return len(content_words(target.context) & content_words(result.context))


def suggest_topic(text: str, topics) -> str | None:
    """The id of the topic an analyst would give `text` (a target's words), or None.

    `topics`: {id: Topic} (site.topics) or {id: {"keywords": [...], "units": [...], ...}} as in
    topics.yaml. Evidence, strongest first:

    1. figures answering the topic with a keyword (rule 2 of the module docstring): the topic with
       most figures wins, counting also figures in a unit no other topic lists ("Phát triển mới 3.600
       đoàn viên, giới thiệu 560 đoàn viên ưu tú sang Đảng …, 215 đoàn viên ưu tú được kết nạp Đảng":
       two figures of outstanding members, which only party admission counts, against one);
       on a tie, the topic with most figures holding its keyword in what they count rather than in
       the words before them ("Kết nạp mới 150 đoàn viên; … 10 đoàn viên ưu tú kết nạp vào Đảng"),
       then the topic answered first in the text (its headline: "Xây dựng 02-04 công trình …; tặng
       30-40 suất quà …" is about youth projects), then the longest keyword, then `topics` order;
    2. else a keyword anywhere in the text with a figure in the topic's units ("Quỹ học bổng … hỗ
       trợ 01 - 02 thiếu nhi");
    3. else a figure in a unit only one topic lists ("giới thiệu 70 đoàn viên ưu tú cho Đảng").

    None when the text has no figure or nothing fits. Used by the importer to propose `topic:`.
    """
    measures = numbers.parse(text)
    catalogue = {key: _topic_words(topic) for key, topic in topics.items()}
    listed: dict[str, int] = {}
    for _, units in catalogue.values():
        for unit in {_norm(u) for u in units}:
            listed[unit] = listed.get(unit, 0) + 1

    def own_unit(measure: Measure, units) -> bool:
        unit = _norm(measure.unit or "").split("/")[0]
        return listed.get(unit) == 1 and unit in {_norm(u) for u in units}

    worded = {}
    for key, (keywords, units) in catalogue.items():
        found = [i for i, m in enumerate(measures) if _in_units(m, units) and _has_keyword(m, keywords)]
        if found:
            worded[key] = found
    best, best_score = None, None
    for key, found in worded.items():
        keywords, units = catalogue[key]
        contexts = " ".join(_norm(measures[i].context) for i in found)
        length = max(len(_norm(word)) for word in keywords if _norm(word) in contexts)
        evidence = set(found) | {i for i, m in enumerate(measures) if own_unit(m, units)}
        counted = sum(_has_keyword(measures[i], keywords, own_words=True) for i in found)
        score = (len(evidence), counted, -found[0], length)
        if best_score is None or score > best_score:
            best, best_score = key, score
    if best is not None or not measures:
        return best
    whole, longest = _norm(unsplit(text)), 0
    for key, (keywords, units) in catalogue.items():
        lengths = [len(_norm(w)) for w in keywords if _norm(w) in whole]
        if lengths and any(_in_units(m, units) for m in measures) and max(lengths) > longest:
            best, longest = key, max(lengths)
    if best is not None:
        return best
    owners = {key for key, (_, units) in catalogue.items() for m in measures if own_unit(m, units)}
    return owners.pop() if len(owners) == 1 else None
