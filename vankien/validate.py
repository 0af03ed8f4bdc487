"""Raw records → the model, collecting every problem (never stopping at the first).

The shape of each file is checked against its schema (schema.py, through
schema_check.check); what no single file can know is checked here: documents in a
folder with no organization file, the parent chain, ids used twice in a list, the body
(Word debris, control characters, unused `[[targets]]`), figures read from the text.
Each file gives `Accepted(model object)` or `Rejected(problems)`: a file is built or
its problems are reported, never dropped in silence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import PurePosixPath

from vankien import figure_messages, markdown, messages, numbers, prework, schema, urls
from vankien import topics as matching
from vankien.content import RawContent, RawFile
from vankien.errors import Accepted, ContentError, Diagnostics, Outcome, Rejected
from vankien.fieldtypes import FIGURE_DIGITS, ID_PATTERN, find_control, find_debris, suggestion
from vankien.model import Document, Members, Organization, Period, Result, Site, Target, Text, Topic
from vankien.numbers import Measure
from vankien.schema_check import check
from vankien.yamlsafe import YList, YMap, YStr

PLACEMENT = re.compile(r"^\[\[(targets|results)\]\]\s*$", re.MULTILINE)


def build_site(raw: RawContent, diagnostics: Diagnostics, check_document=None) -> Site:
    """The validated Site; problems found along the way are recorded in `diagnostics`, with
    notices that do not stop the build (a target whose figures do not answer its topic).

    `check_document`: how each document is checked, `document_outcome` unless given (the
    preview passes one that remembers the outcomes of files that did not change, and reads
    ahead only the documents it will check again: incremental.Memo.content)."""
    if check_document is None:
        prework.read_ahead(raw)  # figures and footnotes of every document, on both cores
    check_document = check_document or document_outcome
    topics_outcome = _topics(raw.topics)
    topics = diagnostics.take(topics_outcome) or {}
    # A broken topics.yaml is reported once, at its own lines: references to topics are then not
    # checked, or each of them would be one more "unknown topic" hiding the real problem.
    referable = None if isinstance(topics_outcome, Rejected) else set(topics)
    declared = {PurePosixPath(r.path).stem for r in raw.organizations}  # valid or not: no cascades
    if not raw.organizations:  # an empty site: the build could only fail later (search finds no page)
        diagnostics.report("content/organizations", 1, 1, messages.NO_ORGANIZATION)
    organizations = {}
    for record in raw.organizations:
        org = diagnostics.take(_organization(record, declared))
        if org:
            organizations[org.id] = org
    _check_parents(organizations, raw, diagnostics)
    documents = []
    for record in raw.documents:
        if record.path.endswith(".en.md"):
            continue  # translations are read by the i18n stage
        outcome, notices = check_document(record, declared, topics, referable)
        doc = diagnostics.take(outcome)
        if doc:
            diagnostics.extend(notices)
            documents.append(doc)
    documents.sort(key=lambda d: (d.org, -d.period.end, -d.period.start, d.id))
    children: dict[str, list[str]] = {}
    for org in organizations.values():
        if org.parent in organizations:
            children.setdefault(org.parent, []).append(org.id)
    return Site(organizations, topics, tuple(documents), {k: tuple(sorted(v)) for k, v in children.items()})


def text(pair: schema.Pair) -> Text:
    return Text(pair.vi, pair.en)


def text_or_none(pair: schema.Pair | None) -> Text | None:
    return text(pair) if pair else None


def checked(record: RawFile, model, context: dict | None = None, more: Sequence[ContentError] = ()) -> Outcome:
    """The record checked against `model`, its reading problems and `more` added to any rejection."""
    problems = list(record.problems) + list(more)
    if record.unreadable:
        return Rejected(tuple(problems))
    outcome = check(model, record.data, record.path, context)
    if isinstance(outcome, Rejected):
        problems.extend(outcome.problems)
    return Rejected(tuple(problems)) if problems else outcome


# -- topics ---------------------------------------------------------------------


def _topics(record: RawFile | None) -> Outcome:
    if record is None:
        return Accepted({})
    outcome = checked(record, schema.Topics)
    if isinstance(outcome, Rejected):
        return outcome
    return Accepted(
        {
            key: Topic(key, text(label), tuple(label.keywords or ()), tuple(label.units or ()))
            for key, label in outcome.value.root.items()
        }
    )


# -- organizations --------------------------------------------------------------


def _organization(record: RawFile, declared: set[str]) -> Outcome:
    org_id = PurePosixPath(record.path).stem
    more = []
    if not ID_PATTERN.match(org_id):
        more.append(ContentError(record.path, 1, 1, messages.BAD_ID, {"value": org_id}))
    elif org_id in urls.RESERVED:
        reserved = ", ".join(sorted(urls.RESERVED))
        more.append(ContentError(record.path, 1, 1, messages.RESERVED_ID, {"value": org_id, "reserved": reserved}))
    outcome = checked(record, schema.Organization, {"organizations": declared}, more)
    if isinstance(outcome, Rejected):
        return outcome
    org = outcome.value
    return Accepted(
        Organization(
            id=org_id,
            name=text(org.name),
            short_name=text_or_none(org.short_name) or text(org.name),
            level=org.level,
            parent=org.parent,
            province=text_or_none(org.province),
            members=Members(org.members.count, org.members.year) if org.members else None,
            fanpage=org.fanpage,
            predecessors=tuple(org.predecessors or ()),
            source=record.path,
        )
    )


def _check_parents(organizations: dict[str, Organization], raw: RawContent, diagnostics: Diagnostics) -> None:
    by_path = {r.path: r for r in raw.organizations}
    for org in organizations.values():
        chain, current = [org.id], org.parent
        while current in organizations:
            if current in chain:
                line, col = by_path[org.source].data.key_pos["parent"]
                diagnostics.report(org.source, line, col, messages.PARENT_CYCLE, chain=" → ".join(chain + [current]))
                break
            chain.append(current)
            current = organizations[current].parent


# -- documents --------------------------------------------------------------------


def document_outcome(
    record: RawFile, declared: set[str], topics: dict, referable: set[str] | None
) -> tuple[Outcome, list[ContentError]]:
    """One document (`.vi.md`) checked on its own: its outcome, and the notices it adds when
    accepted. What it depends on besides `record`: the organizations `declared` (ids), the
    `topics` ({key: Topic}) and the topics it may refer to (`referable`, None: any)."""
    notices = Diagnostics()
    outcome = _document(record, declared, topics, referable, notices)
    return outcome, notices.errors + notices.warnings


def _document(
    record: RawFile, declared: set[str], topics: dict, referable: set[str] | None, diagnostics: Diagnostics
) -> Outcome:
    path = PurePosixPath(record.path)
    folder, name = path.parent.name, path.name
    doc_id = name.removesuffix(".vi.md")
    if not name.endswith(".vi.md") or not ID_PATTERN.match(doc_id):
        return Rejected((ContentError(record.path, 1, 1, messages.DOC_NAME),))
    more = _duplicate_ids(record) + _body_problems(record) + footnote_errors(record) + repeated_placements(record)
    more += _guesses(record)
    if folder not in declared:
        data = record.data if isinstance(record.data, YMap) else None
        line, col = data.key_pos["org"] if data and "org" in data.key_pos else (1, 1)
        more.append(
            ContentError(
                record.path, line, col, messages.UNKNOWN_ORG, {"value": folder, **suggestion(folder, declared)}
            )
        )
    context = {"topics": referable, "folder": folder}
    outcome = checked(record, schema.Document, context, more)
    if isinstance(outcome, Rejected):
        return outcome
    doc = outcome.value
    answers = _Answers(record, topics)
    targets = tuple(
        _target(t, entry, answers) for t, entry in zip(doc.targets or (), _entries(record, "targets"), strict=False)
    )
    results = tuple(
        _result(r, entry, answers) for r, entry in zip(doc.results or (), _entries(record, "results"), strict=False)
    )
    figures = _figure_problems(record, targets, results)
    unused = _placement_problems(record, bool(targets), bool(results))
    if figures or unused or answers.errors:
        return Rejected(tuple(answers.errors + figures + unused))
    diagnostics.extend(answers.notices)
    return Accepted(
        Document(
            org=folder,
            id=doc_id,
            kind=doc.kind,
            title=doc.title,
            number=doc.number,
            issued=doc.issued,
            place=doc.place,
            theme=doc.theme,
            draft=bool(doc.draft),
            signature=doc.signature,
            period=_period(doc.period),
            reviews=_period(doc.reviews) if doc.reviews else None,
            targets=targets,
            results=results,
            body_at=record.body_at,
            source=record.path,
            issuer=tuple(doc.issuer or ()),
            distribution=tuple(doc.distribution or ()),
        )
    )


def _period(period: schema.Period) -> Period:
    if period.year is not None:
        return Period(period.year, period.year, period.term)
    assert period.start is not None and period.end is not None  # Period's own check says so
    return Period(period.start, period.end, period.term)


def _entries(record: RawFile, key: str) -> list[YMap]:
    """The located entries of the `key` list (validated, so every entry is a mapping)."""
    return list(record.data[key]) if record.data and key in record.data else []


class _Answers:
    """Which measure answers each entry's topic (vankien.topics), the editor's `measure: N`
    first: an N out of range is an error, no or several answering measures a notice."""

    def __init__(self, record: RawFile, topics: dict):
        self.path, self.topics = record.path, topics
        self.errors: list[ContentError] = []
        self.notices: list[ContentError] = []

    def find(self, entry: YMap, entry_id: str, topic_key: str | None, measures, chosen: int | None):
        figures = "; ".join(f"{n}. {m.raw}" for n, m in enumerate(measures, start=1)) or "—"
        if chosen is not None and not 1 <= chosen <= len(measures):
            value = entry["measure"]
            params = {"value": chosen, "count": len(measures), "figures": figures}
            self.errors.append(
                ContentError(self.path, value.line, value.col, figure_messages.BAD_MEASURE_CHOICE, params)
            )
            chosen = None
        topic = self.topics.get(topic_key) if topic_key else None
        found = matching.answer(topic, measures, chosen)
        if topic is not None and measures and found.status in ("none", "two"):
            line, col = entry.key_pos.get("topic", (entry.line, 1))
            two = found.status == "two"
            names = "; ".join(f"{n + 1}. {measures[n].raw}" for n in found.candidates)
            message = figure_messages.TWO_ANSWERING_MEASURES if two else figure_messages.NO_ANSWERING_MEASURE
            params = {"id": entry_id, "topic": topic.key, "count": len(found.candidates)}
            params.update(units=", ".join(topic.units) or "—", figures=names if two else figures)
            self.notices.append(ContentError(self.path, line, col, message, params))
        return found


def _target(target: schema.Target, entry: YMap, answers: _Answers) -> Target:
    measures, given = _measures(target.measures, target.text)
    found = answers.find(entry, target.id, target.topic, measures, target.measure)
    return Target(target.id, target.topic, target.text, entry.line, measures, given, found.index, found.status)


def _result(result: schema.Result, entry: YMap, answers: _Answers) -> Result:
    target_measures, _ = _measures(result.target_measures, result.target)
    result_measures, _ = _measures(result.result_measures, result.result)
    found = answers.find(entry, result.id, result.topic, target_measures, result.measure)
    answering = target_measures[found.index] if found.index is not None else None
    paired = matching.pair_result(answering, result_measures)
    return Result(
        result.id,
        result.topic,
        result.target,
        result.result,
        result.assessment or "not-assessed",
        result.assessment_text,
        entry.line,
        target_measures,
        result_measures,
        numbers.assess(answering, result_measures[paired]) if paired is not None else None,
        found.index,
        found.status,
        paired,
    )


def _measures(given: list[schema.Measure] | None, words: str | None) -> tuple[tuple[Measure, ...], bool]:
    """The editor's list when given (it overrides the parse), else what the words say."""
    if given is None:
        return (tuple(numbers.parse(words)) if words else ()), False
    measures = []
    for m in given:
        value = Decimal(m.value.replace(",", "."))
        value_max = Decimal(m.value_max.replace(",", ".")) if m.value_max is not None else None
        op = "range" if value_max is not None else schema.OPERATORS[m.op or "="]
        measures.append(Measure(op, value, value_max, m.unit, m.value, m.subject, m.phrase))
    return tuple(measures), True


# -- what no schema can say -------------------------------------------------------------


def _duplicate_ids(record: RawFile) -> list[ContentError]:
    problems = []
    data = record.data if isinstance(record.data, YMap) else {}
    for key in ("targets", "results"):
        entries = data.get(key)
        seen: dict[str, int] = {}
        for entry in entries if isinstance(entries, YList) else ():
            entry_id = entry.get("id") if isinstance(entry, YMap) else None
            if not isinstance(entry_id, YStr):
                continue
            if entry_id in seen:
                where = {"where_vi": f"danh sách {key}", "where_en": f"the {key} list"}
                params = {"value": str(entry_id), "first": seen[entry_id], **where}
                problems.append(ContentError(record.path, entry_id.line, entry_id.col, messages.DUPLICATE_ID, params))
            else:
                seen[entry_id] = entry_id.line
    return problems


def _guesses(record: RawFile) -> list[ContentError]:
    """What `build.py import` guessed: each entry of `guesses` is an error at its own line until
    the editor confirms the guess and deletes the entry."""
    data = record.data if isinstance(record.data, YMap) else {}
    guesses = data.get("guesses")
    return [
        ContentError(record.path, item.line, item.col, messages.GUESS_UNCONFIRMED, {"value": str(item)})
        for item in (guesses if isinstance(guesses, YList) else ())
        if getattr(item, "line", 0)
    ]


def _body_problems(record: RawFile) -> list[ContentError]:
    if not find_debris(record.body) and not find_control(record.body):
        return []  # what no line of it holds (neither pattern is anchored): the common case, in one pass
    problems = []
    for number, line in enumerate(record.body.split("\n"), start=record.body_line):
        for debris in find_debris(line):
            problems.append(
                ContentError(record.path, number, line.index(debris) + 1, messages.DEBRIS, {"debris": debris})
            )
        if control := find_control(line):
            char = f"U+{ord(control.group()):04X}"
            problems.append(
                ContentError(record.path, number, control.start() + 1, messages.CONTROL_CHAR, {"char": char})
            )
    return problems


def footnote_errors(record: RawFile) -> list[ContentError]:
    """A footnote nothing refers to (its text would vanish) or a reference to none (printed raw),
    at the line and column of the body (a document or its translation)."""
    message = {"unused": messages.FOOTNOTE_UNUSED, "undefined": messages.FOOTNOTE_UNDEFINED}
    return [
        ContentError(record.path, record.body_line + index, column, message[kind], {"label": label})
        for index, column, label, kind in markdown.footnote_problems(record.body)
    ]


def repeated_placements(record: RawFile) -> list[ContentError]:
    """A second [[targets]] or [[results]] line: each table is placed once (render.py), the
    second mark would be left out of the page without a word."""
    first: dict[str, int] = {}
    problems: list[ContentError] = []
    for index, line in markdown.lines_holding(record.body, "[["):  # a placement line holds "[["
        number = record.body_line + index
        if match := markdown.PLACEMENT_LINE.fullmatch(line.strip()):
            what = match.group(1)
            if what in first:
                params = {"what": what, "first": first[what]}
                problems.append(ContentError(record.path, number, 1, messages.PLACEMENT_TWICE, params))
            first.setdefault(what, number)
    return problems


def _placement_problems(record: RawFile, has_targets: bool, has_results: bool) -> list[ContentError]:
    problems: list[ContentError] = []
    for index, line in markdown.lines_holding(record.body, "[["):  # every mark, alone or not, holds "[["
        number = record.body_line + index
        for column, what in markdown.stray_placements(line):  # a mark inside a sentence: never printed
            problems.append(ContentError(record.path, number, column, messages.PLACEMENT_NOT_ALONE, {"what": what}))
        for column, name in markdown.unknown_marks(line):
            problems.append(ContentError(record.path, number, column, messages.PLACEMENT_UNKNOWN, {"name": name}))
        match = PLACEMENT.match(line)
        if match and not {"targets": has_targets, "results": has_results}[match.group(1)]:
            problems.append(ContentError(record.path, number, 1, messages.PLACEMENT_UNUSED, {"what": match.group(1)}))
    return problems


def _figure_problems(record: RawFile, targets, results) -> list[ContentError]:
    """Figures read from the words must fit what pages can print exactly (FIGURE_DIGITS)."""
    problems = []
    limit = Decimal(10) ** FIGURE_DIGITS
    for line, measures in [(t.line, t.measures) for t in targets] + [
        (r.line, r.target_measures + r.result_measures) for r in results
    ]:
        for m in measures:
            if max(m.value, m.value_max or 0) >= limit:
                params = {"value": m.raw, "limit": FIGURE_DIGITS}
                problems.append(ContentError(record.path, line or 1, 1, messages.FIGURE_TOO_LARGE, params))
    return problems
