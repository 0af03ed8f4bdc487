"""The site's data model: what validation produces and rendering consumes.

Frozen dataclasses, no behaviour beyond small derived properties. Vietnamese is the
source language; `Text.en` is None where nothing is translated.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field

from vankien.content import Body, HasBody
from vankien.numbers import Measure


@dataclass(frozen=True)
class Text:
    """A label in both languages; English may be missing."""

    vi: str
    en: str | None = None

    def get(self, lang: str) -> str:
        return (self.en if lang == "en" else None) or self.vi


@dataclass(frozen=True)
class Topic:
    """A kind of target that lines up across terms and organizations (content/topics.yaml):
    what it counts is given by `keywords` and `units` (see vankien.topics)."""

    key: str
    label: Text
    keywords: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class Members:
    count: int
    year: int


@dataclass(frozen=True)
class Organization:
    id: str
    name: Text
    short_name: Text
    level: str
    parent: str | None
    province: Text | None
    members: Members | None
    fanpage: str | None
    predecessors: tuple[str, ...]
    source: str


@dataclass(frozen=True, order=True)
class Period:
    """A term (nhiệm kỳ) or a single year: what targets apply to."""

    start: int
    end: int
    term: str | None = None

    @property
    def is_year(self) -> bool:
        return self.term is None and self.start == self.end

    @property
    def key(self) -> str:
        """A stable, URL-safe name: `2023` or `term-vi-2022-2027`."""
        if self.is_year:
            return str(self.start)
        term = f"term-{self.term.lower()}-" if self.term else ""
        return f"{term}{self.start}-{self.end}"


# What the reported assessment says the figures must show; a computed assessment outside the
# set contradicts the report (exceeded ⊂ achieved: exceeding a target is achieving it).
CONSISTENT = {
    "exceeded": {"exceeded"},
    "achieved": {"achieved", "exceeded"},
    "partly": {"not-achieved"},
    "not-achieved": {"not-achieved"},
}


@dataclass(frozen=True)
class Target:
    """A target (chỉ tiêu) set for the document's period, in the document's own words,
    with the figures read from them (or given by the editor, `measures_given`).

    `answer`: the 0-based index of the measure that answers the target's topic, or None
    (see vankien.topics); `answer_status`: "topic", "given" (the editor's `measure: N`),
    "none", "two" or "no-topic"."""

    id: str
    topic: str | None
    text: str
    line: int = 0
    measures: tuple[Measure, ...] = ()
    measures_given: bool = False
    answer: int | None = None
    answer_status: str = "no-topic"

    @property
    def answering(self) -> Measure | None:
        """The measure that answers the topic, or None (tables then say "not comparable")."""
        return self.measures[self.answer] if self.answer is not None else None


@dataclass(frozen=True)
class Result:
    """A target of the reviewed period and what came of it, as the report tells it."""

    id: str
    topic: str | None
    target: str
    result: str | None
    assessment: str
    assessment_text: str | None
    line: int = 0
    target_measures: tuple[Measure, ...] = ()
    result_measures: tuple[Measure, ...] = ()
    computed: str | None = None  # the assessment the figures give, where they can
    answer: int | None = None  # index in target_measures of the measure answering the topic
    answer_status: str = "no-topic"
    paired: int | None = None  # index in result_measures of the figure reporting that measure

    @property
    def answering(self) -> Measure | None:
        """The target measure that answers the topic, or None."""
        return self.target_measures[self.answer] if self.answer is not None else None

    @property
    def reported(self) -> Measure | None:
        """The result figure paired with the answering measure (by phrase and unit), or None."""
        return self.result_measures[self.paired] if self.paired is not None else None

    @property
    def disagrees(self) -> bool:
        """The report's own assessment contradicts what its figures say (CONSISTENT); reporting
        "achieved" for an exceeded target, or no assessment, is no contradiction."""
        allowed = CONSISTENT.get(self.assessment)
        return self.computed is not None and allowed is not None and self.computed not in allowed


@dataclass(frozen=True)
class Document(HasBody):
    org: str
    id: str
    kind: str
    title: str
    number: str | None
    issued: datetime.date | None
    place: str | None
    theme: str | None
    draft: bool
    signature: str | None
    period: Period
    reviews: Period | None
    targets: tuple[Target, ...]
    results: tuple[Result, ...]
    body_at: Body  # where the Markdown body is (read when rendered, never held)
    source: str
    issuer: tuple[str, ...] = ()  # the header's issuing-body lines, as written ("TỈNH ĐOÀN HÀ TĨNH", …)
    distribution: tuple[str, ...] = ()  # the closing's "Nơi nhận" list, one recipient a line

    @property
    def key(self) -> tuple[str, str]:
        return (self.org, self.id)

    @property
    def union_motto(self) -> bool:
        """The header carries the Union's name "ĐOÀN TNCS HỒ CHÍ MINH" on the right: a Đoàn
        document (no issuer lines given, or lines naming a Đoàn); a Đội or Hội document has none."""
        return not self.issuer or any(re.search(r"\bĐOÀN\b", line.upper()) for line in self.issuer)


@dataclass(frozen=True)
class Site:
    """Everything loaded and valid: the input of rendering."""

    organizations: dict[str, Organization]
    topics: dict[str, Topic]
    documents: tuple[Document, ...]
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @functools.cached_property
    def _by_org(self) -> dict[str, list[Document]]:
        index: dict[str, list[Document]] = {}
        for doc in self.documents:
            index.setdefault(doc.org, []).append(doc)
        return index

    def documents_of(self, org_id: str) -> list[Document]:
        """The organization's documents, in the site's order (templates ask this often)."""
        return list(self._by_org.get(org_id, ()))

    def ancestors(self, org_id: str) -> list[Organization]:
        """Parents from the nearest up to the top of the tree."""
        chain, current = [], self.organizations[org_id].parent
        while current and current in self.organizations:
            chain.append(self.organizations[current])
            current = self.organizations[current].parent
        return chain
