"""Comparison tables built from the model: pure data, no HTML.

- `term_table(site, org)`: per topic, for each period in order: target → result →
  assessment, and each period's target against the previous one (↑ / = / ↓ / new / dropped).
- `topic_rows(site, topic)`: one topic across organizations and periods.
- `matrix(site)`: organizations × topics, the latest target of each.
- `tally(results)`: how many results carry each assessment.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from vankien import numbers
from vankien.model import Document, Period, Result, Site, Target
from vankien.numbers import Measure
from vankien.vocabulary import ASSESSMENTS


@dataclass(frozen=True)
class TargetEntry:
    """A target as one period's plan states it (or, failing that, as a later report quotes it)."""

    id: str
    text: str
    measure: Measure | None
    document: Document


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


def _periods(documents: list[Document]) -> list[Period]:
    found = {d.period for d in documents} | {d.reviews for d in documents if d.reviews}
    return sorted(found)


def _targets_for(documents: list[Document], period: Period) -> dict[str | None, list[TargetEntry]]:
    """Targets of `period` by topic: from the plan of that period, else as reports quote them."""
    by_topic: dict[str | None, list[TargetEntry]] = {}
    planned = [d for d in documents if d.period == period and d.targets]
    for doc in planned:
        for target in doc.targets:
            by_topic.setdefault(target.topic, []).append(_entry(target, doc))
    if not planned:
        for doc in documents:
            if doc.reviews == period:
                for result in doc.results:
                    measure = numbers.primary(list(result.target_measures))
                    by_topic.setdefault(result.topic, []).append(TargetEntry(result.id, result.target, measure, doc))
    return by_topic


def _entry(target: Target, doc: Document) -> TargetEntry:
    return TargetEntry(target.id, target.text, numbers.primary(list(target.measures)), doc)


def _results_for(documents: list[Document], period: Period) -> dict[str | None, list[Result]]:
    by_topic: dict[str | None, list[Result]] = {}
    for doc in documents:
        if doc.reviews == period:
            for result in doc.results:
                by_topic.setdefault(result.topic, []).append(result)
    return by_topic


def term_table(site: Site, org_id: str) -> TermTable:
    """The term-over-term table of one organization (empty when it has no targets)."""
    documents = site.documents_of(org_id)
    periods = _periods(documents)
    targets = [_targets_for(documents, p) for p in periods]
    results = [_results_for(documents, p) for p in periods]
    topics = sorted({t for per in targets + results for t in per}, key=lambda t: _topic_order(site, t))
    rows = []
    for topic in topics:
        cells, previous = [], None
        for index in range(len(periods)):
            entries = tuple(targets[index].get(topic, ()))
            current = entries[0].measure if entries else None
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
        documents = site.documents_of(org_id)
        for period in _periods(documents):
            entries = _targets_for(documents, period).get(topic, [])
            found = _results_for(documents, period).get(topic, [])
            for index in range(max(len(entries), len(found))):
                rows.append(
                    TopicRow(
                        org_id,
                        period,
                        entries[index] if index < len(entries) else None,
                        found[index] if index < len(found) else None,
                    )
                )
    return rows


def rows_by_topic(site: Site) -> dict[str, list[TopicRow]]:
    """topic_rows for every topic at once, in one pass over the organizations: {topic: rows}."""
    found: dict[str, list[TopicRow]] = {}
    for org_id in sorted(site.organizations):
        documents = site.documents_of(org_id)
        for period in _periods(documents):
            targets, results = _targets_for(documents, period), _results_for(documents, period)
            for topic in (set(targets) | set(results)) - {None}:
                entries, found_results = targets.get(topic, []), results.get(topic, [])
                for index in range(max(len(entries), len(found_results))):
                    found.setdefault(topic, []).append(
                        TopicRow(
                            org_id,
                            period,
                            entries[index] if index < len(entries) else None,
                            found_results[index] if index < len(found_results) else None,
                        )
                    )
    return found


def matrix(site: Site) -> dict[tuple[str, str], TargetEntry]:
    """{(org, topic): the target of the organization's latest period for that topic}."""
    cells = {}
    for org_id in sorted(site.organizations):
        documents = site.documents_of(org_id)
        for period in _periods(documents):  # later periods overwrite earlier ones
            for topic, entries in _targets_for(documents, period).items():
                if topic:
                    cells[(org_id, topic)] = entries[0]
    return cells


def tally(results) -> list[tuple[str, int]]:
    """(assessment, count) in vocabulary order, only those present."""
    counts = Counter(r.assessment for r in results)
    return [(key, counts[key]) for key in ASSESSMENTS if counts[key]]
