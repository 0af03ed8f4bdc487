"""Comparison tables built from the model: pure data, no HTML.

- `term_table(site, org)`: per topic, for each period in order: target → result →
  assessment, and each period's target against the previous one (↑ / = / ↓ / new / dropped).
- `topic_rows(site, topic)`: one topic across organizations and periods.
- `matrix(site, lang)`: topics (rows, in the language's alphabetical order) × organizations
  (columns), each cell the latest target of that topic with its own period.
- `tally(results)`: how many results carry each assessment.

Every figure shown is the measure that answers the topic (vankien.topics), never simply the
first one; an entry's period is the period its target was set for, never the document's.

Each organization's periods, with their targets and results by topic, are made once per site
(`_terms`) and shared by the topic pages, the matrix and the term tables: the work is linear in
targets × topics, whatever the number of pages asking.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from vankien import numbers
from vankien import topics as matching
from vankien.model import Document, Period, Result, Site, Target
from vankien.numbers import Measure
from vankien.vocabulary import ASSESSMENTS


@dataclass(frozen=True)
class TargetEntry:
    """A target as one period's plan states it (or, failing that, as a later report quotes it).

    `measure`: the measure answering the topic (None: "not comparable" when `measures` is not
    empty); `period`: the period the target was set for (a report quotes the reviewed period's).
    """

    id: str
    text: str
    measure: Measure | None
    document: Document
    period: Period
    measures: tuple[Measure, ...] = ()
    status: str = "topic"
    source: str = "targets"  # the document's list it comes from: "targets", or "results" when quoted
    answer: int | None = None  # index of `measure` in `measures`
    filed_under: str | None = None  # the target's own topic, when a figure of it answers this one

    @property
    def field(self) -> str:
        """The translatable field of its words ("targets.<id>" or "results.<id>")."""
        return f"{self.source}.{self.id}"


@dataclass(frozen=True)
class Cell:
    """One topic in one period."""

    targets: tuple[TargetEntry, ...]
    results: tuple[Result, ...]
    trend: str | None  # against the previous period's target; None when neither has one

    @property
    def empty(self) -> bool:
        return not self.targets and not self.results


@dataclass(frozen=True)
class Row:
    topic: str | None
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class TermTable:
    periods: tuple[Period, ...]
    rows: tuple[Row, ...]


def term_periods(site: Site, org_id: str) -> list[Period]:
    """The periods (columns) of the organization's term table, without building the table."""
    return _periods(site.documents_of(org_id))


def _periods(documents: list[Document]) -> list[Period]:
    found = {d.period for d in documents} | {d.reviews for d in documents if d.reviews}
    return sorted(found)


def _targets_for(documents: list[Document], period: Period, catalogue=None) -> dict[str | None, list[TargetEntry]]:
    """Targets of `period` by topic: from the plan of that period, else as reports quote them.

    With `catalogue` (site.topics), a topic the plan files no target under still gets the targets
    of another topic holding a figure that answers it by its keywords (Hà Tĩnh's term II "sinh hoạt
    chuyên đề" target ends "giới thiệu 04 đoàn viên ưu tú … được xem xét kết nạp vào Đảng"): the
    plan did set that target, and tables must not call it dropped."""
    by_topic: dict[str | None, list[TargetEntry]] = {}
    planned = [d for d in documents if d.period == period and d.targets]
    for doc in planned:
        for target in doc.targets:
            by_topic.setdefault(target.topic, []).append(_entry(target, doc))
    missing = {key: topic for key, topic in (catalogue or {}).items() if key not in by_topic}
    pairs = [(doc, target) for doc in planned for target in doc.targets]
    worded = matching.worded_answers(missing, [target.measures for _, target in pairs])
    answering: dict[str, list[TargetEntry]] = {}  # {topic: entries}, each list in the plan's order
    for (doc, target), answered in zip(pairs, worded, strict=True):
        for key, found in answered.items():
            if target.topic != key:
                entry = _entry(target, doc)
                one = found[0] if len(found) == 1 else None
                measure = target.measures[one] if one is not None else None
                status = "topic" if one is not None else "two"
                entry = replace(entry, measure=measure, status=status, answer=one, filed_under=target.topic)
                answering.setdefault(key, []).append(entry)
    for key in missing:  # in the catalogue's order, as the tables list them
        if key in answering:
            by_topic[key] = answering[key]
    if not planned:
        for doc in documents:
            if doc.reviews == period:
                for result in doc.results:
                    entry = TargetEntry(
                        result.id,
                        result.target,
                        result.answering,
                        doc,
                        period,
                        result.target_measures,
                        result.answer_status,
                        "results",
                        result.answer,
                    )
                    by_topic.setdefault(result.topic, []).append(entry)
    return by_topic


def _entry(target: Target, doc: Document) -> TargetEntry:
    return TargetEntry(
        target.id,
        target.text,
        target.answering,
        doc,
        doc.period,
        target.measures,
        target.answer_status,
        "targets",
        target.answer,
    )


def _results_for(documents: list[Document], period: Period) -> dict[str | None, list[Result]]:
    by_topic: dict[str | None, list[Result]] = {}
    for doc in documents:
        if doc.reviews == period:
            for result in doc.results:
                by_topic.setdefault(result.topic, []).append(result)
    return by_topic


@dataclass(frozen=True)
class _Term:
    """One period of one organization: its targets and results by topic (read-only, shared)."""

    period: Period
    targets: dict[str | None, list[TargetEntry]]
    results: dict[str | None, list[Result]]


_TERMS: dict[int, tuple[weakref.ref, dict[str, list[_Term]]]] = {}  # {id(site): (the site, {org id: terms})}


def _terms(site: Site, org_id: str) -> list[_Term]:
    """The organization's periods in order, each with its targets and results by topic: made once
    per site and organization (the topic pages, the matrix and the term tables all ask for them)."""
    key = id(site)
    held = _TERMS.get(key)
    if held is None or held[0]() is not site:
        held = (weakref.ref(site, functools.partial(_forget, key)), {})
        _TERMS[key] = held
    made = held[1]
    if org_id not in made:
        documents = site.documents_of(org_id)
        made[org_id] = [
            _Term(p, _targets_for(documents, p, site.topics), _results_for(documents, p)) for p in _periods(documents)
        ]
    return made[org_id]


def _forget(key: int, _site: weakref.ref) -> None:
    _TERMS.pop(key, None)  # the site is gone: so are its tables


def term_table(site: Site, org_id: str) -> TermTable:
    """The term-over-term table of one organization (empty when it has no targets)."""
    terms = _terms(site, org_id)
    periods = [term.period for term in terms]
    targets = [term.targets for term in terms]
    results = [term.results for term in terms]
    topics = sorted({t for per in targets + results for t in per}, key=lambda t: _topic_order(site, t))
    rows = []
    for topic in topics:
        cells, previous = [], None
        for index in range(len(periods)):
            entries = tuple(targets[index].get(topic, ()))
            current = _best(list(entries)).measure if entries else None
            had_previous = index > 0 and bool(targets[index - 1].get(topic))
            trend = _trend(previous, current, had_previous, bool(entries)) if index > 0 else None
            cells.append(Cell(entries, tuple(results[index].get(topic, ())), trend))
            previous = current
        rows.append(Row(topic, tuple(cells)))
    return TermTable(tuple(periods), tuple(rows))


def _trend(previous: Measure | None, current: Measure | None, had_previous: bool, has_current: bool) -> str | None:
    if not had_previous and not has_current:
        return None
    if not had_previous:
        return "new"
    if not has_current:
        return "dropped"
    if previous is None or current is None:
        return "≠"
    return numbers.trend(previous, current)


def _topic_order(site: Site, topic: str | None) -> tuple:
    keys = list(site.topics)
    return (topic is None, keys.index(topic) if topic in keys else len(keys), topic or "")


@dataclass(frozen=True)
class TopicRow:
    org: str
    period: Period
    target: TargetEntry | None
    result: Result | None


def topic_rows(site: Site, topic: str) -> list[TopicRow]:
    """Every target and result of `topic`, by organization then period."""
    rows = []
    for org_id in sorted(site.organizations):
        for term in _terms(site, org_id):
            rows += _paired(org_id, term.period, term.targets.get(topic, []), term.results.get(topic, []))
    return rows


def rows_by_topic(site: Site) -> dict[str, list[TopicRow]]:
    """topic_rows for every topic at once, in one pass over the organizations: {topic: rows}."""
    found: dict[str, list[TopicRow]] = {}
    for org_id in sorted(site.organizations):
        for term in _terms(site, org_id):
            targets, results = term.targets, term.results
            for topic in [t for t in set(targets) | set(results) if t is not None]:
                rows = _paired(org_id, term.period, targets.get(topic, []), results.get(topic, []))
                if rows:  # no empty list for a topic with neither
                    found.setdefault(topic, []).extend(rows)
    return found


def _paired(org_id, period, entries: list, results: list) -> list[TopicRow]:
    """The rows of one term's targets and results of a topic, side by side (None where one runs out)."""
    return [TopicRow(org_id, period, entry, result) for entry, result in itertools.zip_longest(entries, results)]


def topics_used(site: Site) -> list[str]:
    """The topics some target or result is filed under, or some planned figure answers (see
    `_targets_for`), in topics.yaml order: each gets a topic page."""
    used = {t for d in site.documents for t in [x.topic for x in d.targets + d.results] if t}
    for org_id in site.organizations:
        for term in _terms(site, org_id):
            used.update(t for t in term.targets if t)
    return sorted(used & set(site.topics), key=list(site.topics).index)


@dataclass(frozen=True)
class Matrix:
    """Topics (rows) × organizations (columns); `cells[(topic, org)]` is the latest target, and
    `others[(topic, org)]` how many more targets the same period set on the topic (the cell links
    to the topic page, which lists them all)."""

    topics: tuple[str, ...]
    orgs: tuple[str, ...]
    cells: dict[tuple[str, str], TargetEntry]
    others: dict[tuple[str, str], int] = field(default_factory=dict)  # more targets on it that period


def matrix_orgs(site: Site) -> list[str]:
    """The organizations the comparison matrix has a column for (at least one target filed under
    a topic), by id: its columns, which pages.py splits into parts."""
    return [o for o in sorted(site.organizations) if any(topic for term in _terms(site, o) for topic in term.targets)]


def matrix(site: Site, lang: str = "vi", orgs: Iterable[str] | None = None) -> Matrix:
    """The comparison matrix: for each organization and topic, the target of the latest period
    that set one for the topic (an entry for an earlier period keeps that period). Rows in the
    alphabetical order of the topic labels in `lang` (Vietnamese letters: a ă â … đ … ư …),
    columns the organizations with at least one cell, by id; only those of `orgs` if given (one
    part of the matrix), and then only the topics they have a cell for."""
    cells: dict[tuple[str, str], TargetEntry] = {}
    others: dict[tuple[str, str], int] = {}
    for org_id in sorted(site.organizations if orgs is None else orgs):
        for term in _terms(site, org_id):  # later periods overwrite earlier ones
            for topic, entries in term.targets.items():
                if topic:
                    cells[(topic, org_id)] = _best(entries)
                    others[(topic, org_id)] = len(entries) - 1
    topics = sorted({t for t, _ in cells}, key=lambda t: label_key(site.topics[t].label.get(lang), lang))
    orgs = sorted({o for _, o in cells})
    return Matrix(tuple(topics), tuple(orgs), cells, {key: n for key, n in others.items() if n})


def _best(entries: list[TargetEntry]) -> TargetEntry:
    """Of one period's targets on a topic, the first with an answering figure (else the first)."""
    return next((e for e in entries if e.measure is not None), entries[0])


VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
VI_TONES = {"\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0301": 5, "\u0323": 6}  # huyền hỏi ngã sắc nặng
VI_SHAPES = frozenset("\u0306\u0302\u031b")  # breve ă, circumflex â ê ô, horn ơ ư


def label_key(text: str, lang: str = "vi") -> tuple:
    """A sort key for `text` in `lang`: Vietnamese alphabetical order (letters first, tones
    second: a < à < ả < ã < á < ạ < ă …) for "vi", case-folded order otherwise."""
    if lang != "vi":
        return (text.casefold(),)
    letters, tones = [], []
    for char in unicodedata.normalize("NFC", text.lower()):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", parts[0] + "".join(c for c in parts[1:] if c in VI_SHAPES))
        at = VI_LETTERS.find(base)
        letters.append(at if at >= 0 else 100 + ord(base))
        tones.append(max([VI_TONES.get(c, 1) for c in parts[1:]] or [1]))
    return (tuple(letters), tuple(tones))


def tally(results) -> list[tuple[str, int]]:
    """(assessment, count) in vocabulary order, only those present."""
    counts = Counter(r.assessment for r in results)
    return [(key, counts[key]) for key in ASSESSMENTS if counts[key]]
