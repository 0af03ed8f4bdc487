"""Raw records → the model, collecting every problem (never stopping at the first)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import PurePosixPath

from vankien import figure_messages, messages, numbers, urls
from vankien import topics as matching
from vankien.content import RawContent, RawFile
from vankien.errors import ContentError
from vankien.model import Document, Members, Organization, Period, Result, Site, Target, Text, Topic
from vankien.numbers import Measure
from vankien.schema import ID_PATTERN, Fields, find_debris, suggestion
from vankien.vocabulary import ASSESSMENTS, KINDS, LEVELS, normalize_assessment

ORG_KEYS = ("name", "short_name", "level", "parent", "province", "members", "fanpage", "predecessors")
DOC_KEYS = (
    "org",
    "kind",
    "title",
    "number",
    "issued",
    "place",
    "theme",
    "draft",
    "signature",
    "period",
    "reviews",
    "results",
    "targets",
)
TARGET_KEYS = ("id", "topic", "text", "measures", "measure")
RESULT_KEYS = (
    "id",
    "topic",
    "target",
    "result",
    "assessment",
    "assessment_text",
    "target_measures",
    "result_measures",
    "measure",
)
MEASURE_KEYS = ("op", "value", "value_max", "unit", "subject", "phrase")
OPERATORS = {"=": "=", "≥": "≥", ">=": "≥", ">": ">", "~": "~", "≤": "≤", "<=": "≤", "range": "range"}
PLACEMENT = re.compile(r"^\[\[(targets|results)\]\]\s*$", re.MULTILINE)


def build_site(raw: RawContent, problems: list[ContentError], warnings: list[ContentError] | None = None) -> Site:
    """The validated Site; problems found along the way are appended to `problems`, and notices
    that do not stop the build (a target whose figures do not answer its topic) to `warnings`."""
    warnings = [] if warnings is None else warnings
    topics = _topics(raw.topics, problems)
    organizations = {}
    for record in raw.organizations:
        org = _organization(record, problems)
        if org:
            organizations[org.id] = org
    _check_org_links(organizations, raw, problems)
    declared = {PurePosixPath(r.path).stem for r in raw.organizations}  # valid or not: no cascades
    documents = []
    for record in raw.documents:
        doc = _document(record, organizations, declared, topics, problems, warnings)
        if doc:
            documents.append(doc)
    documents.sort(key=lambda d: (d.org, -d.period.end, -d.period.start, d.id))
    children: dict[str, list[str]] = {}
    for org in organizations.values():
        if org.parent in organizations:
            children.setdefault(org.parent, []).append(org.id)
    return Site(organizations, topics, tuple(documents), {k: tuple(sorted(v)) for k, v in children.items()})


# -- topics ---------------------------------------------------------------------


def _topics(record: RawFile | None, problems) -> dict[str, Topic]:
    if record is None or record.data is None:
        return {}
    fields = Fields(record.data, record.path, problems, "topics")
    topics = {}
    for key in fields.data:
        if not ID_PATTERN.match(key):
            fields.error(key, messages.BAD_ID, value=key)
            continue
        topic = _topic(fields, key)
        if topic:
            topics[key] = topic
    return topics


def _topic(fields: Fields, key: str) -> Topic | None:
    """One topic: {vi, en, keywords, units} (or a plain Vietnamese label)."""
    if isinstance(fields.data.get(key), dict) and ({"keywords", "units"} & set(fields.data[key])):
        sub = fields.mapping(key)
        if sub is None:
            return None
        sub.allow("vi", "en", "keywords", "units")
        vi = sub.text("vi", required=True)
        words = {
            name: tuple(w.strip() for w in sub.items(name) if isinstance(w, str) and w.strip())
            for name in ("keywords", "units")
        }
        return Topic(key, Text(vi, sub.text("en")), words["keywords"], words["units"]) if vi else None
    label = fields.text_pair(key, required=True)
    return Topic(key, label) if label else None


# -- organizations --------------------------------------------------------------


def _organization(record: RawFile, problems) -> Organization | None:
    org_id = PurePosixPath(record.path).stem
    if record.data is None and not problems:
        return None
    fields = Fields(record.data, record.path, problems, "organization")
    if not ID_PATTERN.match(org_id):
        problems.append(ContentError(record.path, 1, 1, messages.BAD_ID, {"value": org_id}))
        return None
    if org_id in urls.RESERVED:
        problems.append(
            ContentError(
                record.path, 1, 1, messages.RESERVED_ID, {"value": org_id, "reserved": ", ".join(sorted(urls.RESERVED))}
            )
        )
        return None
    if record.data is None:
        return None
    fields.allow(*ORG_KEYS)
    name = fields.text_pair("name", required=True)
    level = fields.choice("level", LEVELS, required=True)
    members = None
    member_fields = fields.mapping("members")
    if member_fields:
        member_fields.allow("count", "year")
        count, year = member_fields.count("count", required=True), member_fields.year("year", required=True)
        members = Members(count, year) if count is not None and year else None
    predecessors = tuple(fields.items("predecessors"))
    if name is None or level is None:
        return None
    return Organization(
        id=org_id,
        name=name,
        short_name=fields.text_pair("short_name") or name,
        level=level,
        parent=fields.identifier("parent"),
        province=fields.text_pair("province"),
        members=members,
        fanpage=fields.url("fanpage"),
        predecessors=tuple(str(p) for p in predecessors),
        source=record.path,
    )


def _check_org_links(organizations: dict[str, Organization], raw: RawContent, problems) -> None:
    by_path = {r.path: r for r in raw.organizations}
    for org in organizations.values():
        fields = Fields(by_path[org.source].data, org.source, problems, "organization")
        for key, ids in (("parent", [org.parent] if org.parent else []), ("predecessors", org.predecessors)):
            for other in ids:
                if other not in organizations:
                    vi, en = suggestion(other, organizations)
                    fields.error(key, messages.UNKNOWN_ORG, value=other, suggestion=vi, suggestion_en=en)
        chain, current = [org.id], org.parent
        while current in organizations:
            if current in chain:
                fields.error("parent", messages.PARENT_CYCLE, chain=" → ".join(chain + [current]))
                break
            chain.append(current)
            current = organizations[current].parent


# -- documents --------------------------------------------------------------------


def _document(record: RawFile, organizations, declared, topics, problems, warnings) -> Document | None:
    path = PurePosixPath(record.path)
    folder, name = path.parent.name, path.name
    doc_id = name.removesuffix(".vi.md")
    if not name.endswith(".vi.md") or not ID_PATTERN.match(doc_id):
        if name.endswith(".en.md"):
            return None  # translations are read by the i18n stage
        problems.append(ContentError(record.path, 1, 1, messages.DOC_NAME))
        return None
    if record.data is None:
        return None
    fields = Fields(record.data, record.path, problems, "document")
    fields.allow(*DOC_KEYS)
    org = fields.identifier("org")
    if org is not None and org != folder:
        fields.error("org", messages.ORG_MISMATCH, value=org, folder=folder)
    if folder not in declared:
        vi, en = suggestion(folder, declared)
        line, col = fields.pos("org") if "org" in fields.data else (1, 1)
        problems.append(
            ContentError(
                record.path, line, col, messages.UNKNOWN_ORG, {"value": folder, "suggestion": vi, "suggestion_en": en}
            )
        )
    kind = fields.choice("kind", KINDS, required=True)
    title = fields.text("title", required=True)
    period = _period(fields, "period", required=True)
    reviews = _period(fields, "reviews")
    targets = _targets(fields, topics, warnings)
    results = _results(fields, topics, warnings)
    _check_body(record, bool(targets), bool(results), problems)
    optional = dict(
        number=fields.text("number"),
        issued=fields.date("issued"),
        place=fields.text("place"),
        theme=fields.text("theme"),
        draft=fields.flag("draft"),
        signature=fields.text("signature"),
    )
    if None in (kind, title, period) or folder not in organizations:
        return None
    return Document(
        org=folder,
        id=doc_id,
        kind=kind,
        title=title,
        **optional,
        period=period,
        reviews=reviews,
        targets=targets,
        results=results,
        body=record.body,
        body_line=record.body_line,
        source=record.path,
    )


def _period(fields: Fields, key: str, required: bool = False) -> Period | None:
    sub = fields.mapping(key, required)
    if sub is None:
        return None

    def bad(vi, en):
        fields.error(key, messages.BAD_PERIOD, field=key, problem_vi=vi, problem_en=en)

    sub.allow("term", "from", "to", "year")
    if "year" in sub.data:
        if {"from", "to"} & set(sub.data):
            bad("dùng year hoặc from/to, không dùng cả hai", "use year or from/to, not both")
            return None
        year = sub.year("year", required=True)
        return Period(year, year, sub.text("term")) if year else None
    start, end = sub.year("from", required=True), sub.year("to", required=True)
    term = sub.text("term")
    if term is not None and not re.fullmatch(r"[IVXLC]+|\d+", term):
        bad(
            f"nhiệm kỳ “{term}” nên viết bằng số La Mã (I, II, … VI)",
            f"term “{term}” should be a roman numeral (I, II, … VI)",
        )
        return None
    if start and end and end < start:
        bad(f"năm kết thúc {end} trước năm bắt đầu {start}", f"end year {end} is before start year {start}")
        return None
    return Period(start, end, term) if start and end else None


def _entries(fields: Fields, key: str, allowed_keys, topics):
    """Each entry of a targets/results list as Fields, with id and topic checked."""
    seen: dict[str, int] = {}
    for item in fields.items(key):
        entry = Fields(item, fields.path, fields.problems, key)
        if not entry.ok:
            continue
        entry.allow(*allowed_keys)
        entry_id = entry.identifier("id", required=True)
        if entry_id and entry_id in seen:
            entry.error(
                "id",
                messages.DUPLICATE_ID,
                value=entry_id,
                first=seen[entry_id],
                where_vi=f"danh sách {key}",
                where_en=f"the {key} list",
            )
            entry_id = None
        elif entry_id:
            seen[entry_id] = entry.pos("id")[0]
        topic = entry.text("topic")
        if topic is not None and topic not in topics:
            vi, en = suggestion(topic, topics)
            entry.error("topic", messages.UNKNOWN_TOPIC, value=topic, suggestion=vi, suggestion_en=en)
        yield entry, entry_id, topic


def _targets(fields: Fields, topics, warnings) -> tuple[Target, ...]:
    targets = []
    for entry, entry_id, topic in _entries(fields, "targets", TARGET_KEYS, topics):
        text = entry.text("text", required=True)
        measures, given = _measures(entry, "measures", text)
        found = _answer(entry, entry_id, topics.get(topic) if topic else None, measures, warnings)
        if entry_id and text:
            targets.append(Target(entry_id, topic, text, entry.line, measures, given, found.index, found.status))
    return tuple(targets)


def _answer(entry: Fields, entry_id, topic: Topic | None, measures, warnings) -> matching.Answer:
    """Which measure answers the topic (the editor's `measure: N` first); warns when none or several do."""
    figures = "; ".join(f"{n}. {m.raw}" for n, m in enumerate(measures, start=1)) or "—"
    chosen = entry.count("measure") if "measure" in entry.data else None
    if chosen is not None and not 1 <= chosen <= len(measures):
        entry.error("measure", figure_messages.BAD_MEASURE_CHOICE, value=chosen, count=len(measures), figures=figures)
        chosen = None
    found = matching.answer(topic, measures, chosen)
    if topic is not None and measures and found.status in ("none", "two"):
        line, col = entry.pos("topic") if "topic" in entry.data else (entry.line, 1)
        names = "; ".join(f"{n + 1}. {measures[n].raw}" for n in found.candidates)
        message = (
            figure_messages.TWO_ANSWERING_MEASURES if found.status == "two" else figure_messages.NO_ANSWERING_MEASURE
        )
        params = {"id": entry_id, "topic": topic.key, "count": len(found.candidates)}
        params.update(units=", ".join(topic.units) or "—", figures=names if found.status == "two" else figures)
        warnings.append(ContentError(entry.path, line, col, message, params))
    return found


def _measures(entry: Fields, key: str, text: str | None) -> tuple[tuple[Measure, ...], bool]:
    """The editor's `key` list when given (it overrides the parse), else what `text` says."""
    if key not in entry.data:
        return tuple(numbers.parse(text)) if text else (), False
    given = []
    for item in entry.items(key):
        fields = Fields(item, entry.path, entry.problems, key)
        if not fields.ok:
            continue
        fields.allow(*MEASURE_KEYS)
        op = fields.choice("op", OPERATORS) or "="
        value, value_max = _decimal(fields, "value", required=True), _decimal(fields, "value_max")
        if value is not None:
            op = "range" if value_max is not None else OPERATORS[op]
            unit, phrase = fields.text("unit"), fields.text("phrase")
            given.append(Measure(op, value, value_max, unit, str(item.get("value")), fields.text("subject"), phrase))
    return tuple(given), True


def _decimal(fields: Fields, key: str, required: bool = False) -> Decimal | None:
    value = fields.text(key, required)
    if value is None:
        return None
    if not re.fullmatch(r"\d+(?:,\d+)?", value):  # "1.000" would be ambiguous: refuse it
        fields.error(key, messages.BAD_NUMBER, value=value)
        return None
    return Decimal(value.replace(",", "."))


def _results(fields: Fields, topics, warnings) -> tuple[Result, ...]:
    results = []
    for entry, entry_id, topic in _entries(fields, "results", RESULT_KEYS, topics):
        target = entry.text("target", required=True)
        word = entry.text("assessment")
        assessment = normalize_assessment(word) if word else "not-assessed"
        if assessment is None:
            vi, en = suggestion(word, ASSESSMENTS)
            entry.error(
                "assessment",
                messages.UNKNOWN_CHOICE,
                value=word,
                field="assessment",
                allowed=", ".join(ASSESSMENTS) + ", vượt, đạt, hoàn thành, không đạt…",
                suggestion=vi,
                suggestion_en=en,
            )
        result = entry.text("result")
        target_measures, _ = _measures(entry, "target_measures", target)
        result_measures, _ = _measures(entry, "result_measures", result)
        found = _answer(entry, entry_id, topics.get(topic) if topic else None, target_measures, warnings)
        answering = target_measures[found.index] if found.index is not None else None
        paired = matching.pair_result(answering, result_measures)
        computed = numbers.assess(answering, result_measures[paired]) if paired is not None else None
        if entry_id and target and assessment:
            results.append(
                Result(
                    entry_id,
                    topic,
                    target,
                    result,
                    assessment,
                    entry.text("assessment_text"),
                    entry.line,
                    target_measures,
                    result_measures,
                    computed,
                    found.index,
                    found.status,
                    paired,
                )
            )
    return tuple(results)


def _check_body(record: RawFile, has_targets: bool, has_results: bool, problems) -> None:
    for number, line in enumerate(record.body.split("\n"), start=record.body_line):
        for debris in find_debris(line):
            problems.append(
                ContentError(record.path, number, line.index(debris) + 1, messages.DEBRIS, {"debris": debris})
            )
        match = PLACEMENT.match(line)
        if match and not {"targets": has_targets, "results": has_results}[match.group(1)]:
            problems.append(ContentError(record.path, number, 1, messages.PLACEMENT_UNUSED, {"what": match.group(1)}))
