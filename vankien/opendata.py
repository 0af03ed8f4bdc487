"""Open data: every figure of every target and result as a row (CSV and JSON), a
`datapackage.json` describing the columns (see opendata_schema), and one JSON per organization.

Rows carry keys (stable, for programs) and labels (for people) side by side; order is
stable: organization, document, targets before results, the document's own order, the
figures in reading order.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import tempfile
from decimal import Decimal
from pathlib import Path

from vankien import anchors, compare, csvcells, numbers, topics, urls
from vankien.filters import do_period
from vankien.model import Document, Result, Site, Target
from vankien.numbers import Measure
from vankien.opendata_schema import COLUMNS, FIELDS, datapackage
from vankien.vocabulary import ASSESSMENTS, KINDS


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


_TYPED = tuple(c.name for c in FIELDS if c.type in ("integer", "number"))


def typed(row: dict) -> dict:
    """A row as JSON gives it: the integer and number columns of datapackage.json as JSON numbers
    (the CSV's text "3600" → 3600, "12.5" → 12.5), an empty cell as null; text columns as they are.
    A JSON reader then gets numbers to compare and sum, as the Table Schema promises."""
    found = dict(row)
    for name in _TYPED:
        value = found.get(name)
        if isinstance(value, str):
            found[name] = _json_number(value) if value else None
    return found


def _json_number(text: str) -> int | float:
    value = Decimal(text)
    if value == value.to_integral_value():
        return int(value)
    return float(value)  # the documents' figures have few digits: the float prints as written


def _parse_status(measures: tuple[Measure, ...], given: bool = False) -> str:
    """full: every figure read with a unit; partly: some unit missing; none: no figure; given: by the editor."""
    if given:
        return "given"
    if not measures:
        return "none"
    return "full" if all(m.unit for m in measures) else "partly"


def _base(site: Site, doc: Document, kind: str, entry_id: str, topic: str | None) -> dict:
    org = site.organizations[doc.org]
    label = site.topics[topic].label if topic else None
    period = doc.period if kind == "target" else doc.reviews or doc.period
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        org=org.id,
        org_name=org.name.vi,
        document=doc.id,
        document_title=doc.title,
        document_kind=KINDS[doc.kind].vi,
        period=period.key,
        period_label=do_period(period),
        kind=kind,
        id=entry_id,
        topic=topic or "",
        topic_vi=label.vi if label else "",
        topic_en=(label.en or "") if label else "",
        url=urls.document(doc.org, doc.id) + "#" + (anchors.target if kind == "target" else anchors.result)(entry_id),
    )
    return row


def _measure_columns(measure: Measure, number: int, answers: bool) -> dict:
    return {
        "measure": str(number),
        "phrase": measure.phrase or "",
        "op": measure.op,
        "value": _number(measure.value),
        "value_max": _number(measure.value_max),
        "of": _number(measure.of),
        "unit": measure.unit or "",
        "subject": measure.subject or "",
        "raw": measure.raw,
        "answers_topic": "yes" if answers else "no",
    }


def _result_columns(got: Measure | None) -> dict:
    if got is None:
        return {}
    return {"result_value": _number(got.value), "result_unit": got.unit or "", "result_raw": got.raw}


def target_rows(site: Site, doc: Document, target: Target, english: dict) -> list[dict]:
    """One row per measure of `target` (one row without figures when it has none)."""
    base = _base(site, doc, "target", target.id, target.topic)
    base.update(
        text_vi=target.text,
        text_en=english.get(("targets", doc.key, target.id), ""),
        parse=_parse_status(target.measures, target.measures_given),
    )
    if not target.measures:
        return [base]
    return [{**base, **_measure_columns(m, n, n - 1 == target.answer)} for n, m in enumerate(target.measures, start=1)]


def result_rows(site: Site, doc: Document, result: Result, english: dict) -> list[dict]:
    """One row per measure of the result's target, each with the result figure paired with it by
    meaning; then one row per result figure paired with none (so no figure is lost)."""
    base = _base(site, doc, "result", result.id, result.topic)
    base.update(
        text_vi=result.target,
        text_en=english.get(("results", doc.key, result.id), ""),
        parse=_parse_status(result.target_measures),
        result_vi=result.result or "",
        assessment_reported=result.assessment,
        assessment_reported_vi=ASSESSMENTS[result.assessment].vi,
        assessment_text=result.assessment_text or "",
        disagreement="no",
    )
    found, used = [], set()
    fixed = {result.answer: result.paired} if result.answer is not None else {}
    pairs = topics.pair_results(result.target_measures, result.result_measures, fixed)
    for n, measure in enumerate(result.target_measures, start=1):
        answers = n - 1 == result.answer
        paired = pairs[n - 1]
        got = result.result_measures[paired] if paired is not None else None
        used.add(paired)
        computed = result.computed if answers else (numbers.assess(measure, got) if got else None)
        row = {**base, **_measure_columns(measure, n, answers), **_result_columns(got)}
        row.update(
            assessment_computed=computed or "",
            assessment_computed_vi=ASSESSMENTS[computed].vi if computed else "",
            disagreement="yes" if answers and result.disagrees else "no",
        )
        found.append(row)
    for index, got in enumerate(result.result_measures):
        if index not in used:
            found.append({**base, **_result_columns(got)})
    return found or [base]


def _english(translations: dict) -> dict:
    """{(list, doc key, id): English text} from the translations."""
    texts = {}
    for key, translation in translations.items():
        texts.update({("targets", key, i): text for i, text in translation.targets.items()})
        texts.update({("results", key, i): t["target"] for i, t in translation.results.items() if "target" in t})
    return texts


def rows(site: Site, translations: dict | None = None) -> list[dict]:
    """Every figure of every target and result of the site (one row per measure), in a stable order."""
    english = _english(translations or {})
    found = []
    for doc in sorted(site.documents, key=lambda d: (d.org, d.period, d.id)):
        for target in doc.targets:
            found += target_rows(site, doc, target, english)
        for result in doc.results:
            found += result_rows(site, doc, result, english)
    return found


def to_csv(table: list[dict]) -> bytes:
    out = io.StringIO()
    _write_csv(out, table)
    return out.getvalue().encode("utf-8")


def _write_csv(out, table, header: bool = True) -> None:
    """The rows as CSV into the text stream `out`; with `header`, the BOM (it lets Excel read
    UTF-8) and the column names first."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    if header:
        out.write("\ufeff")
        writer.writeheader()
    writer.writerows(csvcells.row(values) for values in table)  # no cell opens as a formula


def to_json(value) -> bytes:
    """Compact JSON (no indentation: 9 % fewer bytes, and json's C encoder instead of its Python one)."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def organization_data(site: Site, org_id: str, rows_of_org: list[dict]) -> dict:
    """The organization's file: its facts, documents, the periods of its term table, its rows."""
    org = site.organizations[org_id]
    return {
        "id": org.id,
        "name": {"vi": org.name.vi, "en": org.name.en},
        "level": org.level,
        "parent": org.parent,
        "province": {"vi": org.province.vi, "en": org.province.en} if org.province else None,
        "members": {"count": org.members.count, "year": org.members.year} if org.members else None,
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "kind": d.kind,
                "period": d.period.key,
                "reviews": d.reviews.key if d.reviews else None,
                "url": urls.document(d.org, d.id),
            }
            for d in site.documents_of(org_id)
        ],
        "periods": [{"key": p.key, "label": do_period(p)} for p in compare.term_periods(site, org_id)],
        "rows": [typed(row) for row in rows_of_org],
    }


def _org_tables(site: Site, translations: dict | None, base_url: str):
    """(organization id, its rows, URLs absolute under `base_url`) for each organization with
    documents, in the table's order (rows() sorts by organization first)."""
    english = _english(translations or {})
    documents = sorted(site.documents, key=lambda d: (d.org, d.period, d.id))
    for org_id, group in itertools.groupby(documents, key=lambda d: d.org):
        found = []
        for doc in group:
            for target in doc.targets:
                found += target_rows(site, doc, target, english)
            for result in doc.results:
                found += result_rows(site, doc, result, english)
        yield org_id, [{**row, "url": urls.absolute(base_url, row["url"])} for row in found]


class _File:
    """A text file written as UTF-8 whose SHA-256 is taken as it is written."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.handle, self.digest = path, path.open("wb"), hashlib.sha256()

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.digest.update(data)
        self.handle.write(data)

    def close(self) -> tuple[Path, str]:
        self.handle.close()
        return self.path, self.digest.hexdigest()


def write_files(site: Site, translations: dict | None, base_url: str, folder: Path) -> dict[str, tuple[Path, str]]:
    """Write every open-data file into `folder`: {path under site/: (file, SHA-256 hex of its
    bytes)}. Row URLs are absolute under `base_url` (a downloaded CSV has no page to be relative
    to). One organization's rows are in memory at a time, never the whole table (at 4,000
    documents the table and its files would take gigabytes)."""
    names = [urls.data_file(name) for name in ("targets.csv", "targets.json", "datapackage.json")]
    written: dict[str, tuple[Path, str]] = {}
    table_csv, table_json = _File(folder / names[0]), _File(folder / names[1])
    try:
        _write_csv(table_csv, [])
        table_json.write("[")
        first = True
        orgs = {}
        for org_id, table in _org_tables(site, translations, base_url):
            _write_csv(table_csv, table, header=False)
            for row in table:  # as to_json([typed(row) for row in table]) writes each item of the list
                table_json.write(("" if first else ",") + _json_text(typed(row)))
                first = False
            path = urls.data_file(f"orgs/{org_id}.json")
            org_file = _File(folder / path)
            org_file.write(to_json(organization_data(site, org_id, table)).decode("utf-8"))
            orgs[path] = org_file.close()
        table_json.write("]\n")
    finally:
        written[names[0]], written[names[1]] = table_csv.close(), table_json.close()
    package = _File(folder / names[2])
    package.write(_json_text(datapackage("vankien")) + "\n")
    written[names[2]] = package.close()
    return written | dict(sorted(orgs.items()))


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # as to_json


def files(site: Site, translations: dict | None = None, base_url: str = "") -> dict[str, bytes]:
    """{path under site/: bytes} of every open-data file (write_files, read back): for callers
    that want them in memory (the preview's in-place update, tests)."""
    with tempfile.TemporaryDirectory(prefix="vankien-data-") as folder:
        return {
            path: file.read_bytes()
            for path, (file, _) in write_files(site, translations, base_url, Path(folder)).items()
        }
