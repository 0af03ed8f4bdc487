"""Open data: every target and result as rows (CSV and JSON), and one JSON per organization.

Rows carry keys (stable, for programs) and labels (for people) side by side; order is
stable: organization, document, targets before results, the document's own order.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from vankien import anchors, compare, csvcells, numbers, urls
from vankien.filters import do_period
from vankien.model import Document, Result, Site, Target
from vankien.numbers import Measure
from vankien.vocabulary import ASSESSMENTS, KINDS

COLUMNS = (
    "org",
    "org_name",
    "document",
    "document_title",
    "document_kind",
    "period",
    "period_label",
    "kind",
    "id",
    "topic",
    "topic_vi",
    "topic_en",
    "text_vi",
    "text_en",
    "op",
    "value",
    "value_max",
    "unit",
    "raw",
    "parse",
    "result_vi",
    "result_value",
    "result_unit",
    "assessment_reported",
    "assessment_reported_vi",
    "assessment_text",
    "assessment_computed",
    "assessment_computed_vi",
    "disagreement",
    "url",
)


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


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
    return {
        "org": org.id,
        "org_name": org.name.vi,
        "document": doc.id,
        "document_title": doc.title,
        "document_kind": KINDS[doc.kind].vi,
        "period": period.key,
        "period_label": do_period(period),
        "kind": kind,
        "id": entry_id,
        "topic": topic or "",
        "topic_vi": label.vi if label else "",
        "topic_en": (label.en or "") if label else "",
        "url": urls.document(doc.org, doc.id)
        + "#"
        + (anchors.target if kind == "target" else anchors.result)(entry_id),
    }


def _measure_columns(measure: Measure | None) -> dict:
    if measure is None:
        return {"op": "", "value": "", "value_max": "", "unit": "", "raw": ""}
    return {
        "op": measure.op,
        "value": _number(measure.value),
        "value_max": _number(measure.value_max),
        "unit": measure.unit or "",
        "raw": measure.raw,
    }


def target_row(site: Site, doc: Document, target: Target, english: dict) -> dict:
    row = _base(site, doc, "target", target.id, target.topic)
    row.update(
        text_vi=target.text,
        text_en=english.get(("targets", doc.key, target.id), ""),
        **_measure_columns(numbers.primary(list(target.measures))),
        parse=_parse_status(target.measures, target.measures_given),
    )
    row.update(
        result_vi="",
        result_value="",
        result_unit="",
        assessment_reported="",
        assessment_reported_vi="",
        assessment_text="",
        assessment_computed="",
        assessment_computed_vi="",
        disagreement="",
    )
    return row


def result_row(site: Site, doc: Document, result: Result, english: dict) -> dict:
    row = _base(site, doc, "result", result.id, result.topic)
    pair = numbers.match_result(list(result.target_measures), list(result.result_measures))
    target_measure = pair[0] if pair else numbers.primary(list(result.target_measures))
    got = pair[1] if pair else numbers.primary(list(result.result_measures))
    row.update(
        text_vi=result.target,
        text_en=english.get(("results", doc.key, result.id), ""),
        **_measure_columns(target_measure),
        parse=_parse_status(result.target_measures),
    )
    row.update(
        result_vi=result.result or "",
        result_value=_number(got.value) if got else "",
        result_unit=(got.unit or "") if got else "",
        assessment_reported=result.assessment,
        assessment_reported_vi=ASSESSMENTS[result.assessment].vi,
        assessment_text=result.assessment_text or "",
        assessment_computed=result.computed or "",
        assessment_computed_vi=ASSESSMENTS[result.computed].vi if result.computed else "",
        disagreement="yes" if result.disagrees else "",
    )
    return row


def _english(translations: dict) -> dict:
    """{(list, doc key, id): English text} from the translations."""
    texts = {}
    for key, translation in translations.items():
        texts.update({("targets", key, i): text for i, text in translation.targets.items()})
        texts.update({("results", key, i): t["target"] for i, t in translation.results.items() if "target" in t})
    return texts


def rows(site: Site, translations: dict | None = None) -> list[dict]:
    """Every target and result of the site, in a stable order."""
    english = _english(translations or {})
    found = []
    for doc in sorted(site.documents, key=lambda d: (d.org, d.period, d.id)):
        found += [target_row(site, doc, t, english) for t in doc.targets]
        found += [result_row(site, doc, r, english) for r in doc.results]
    return found


def to_csv(table: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csvcells.row(values) for values in table)  # no cell opens as a formula
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets Excel read UTF-8


def to_json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def organization_data(site: Site, org_id: str, table: list[dict]) -> dict:
    org = site.organizations[org_id]
    term = compare.term_table(site, org_id)
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
        "periods": [{"key": p.key, "label": do_period(p)} for p in term.periods],
        "rows": [r for r in table if r["org"] == org_id],
    }


def files(site: Site, translations: dict | None = None, base_url: str = "") -> dict[str, bytes]:
    """{path under site/: bytes} for every open-data file; row URLs absolute under `base_url`
    (a downloaded CSV has no page to be relative to)."""
    table = [{**row, "url": urls.absolute(base_url, row["url"])} for row in rows(site, translations)]
    output = {urls.data_file("targets.csv"): to_csv(table), urls.data_file("targets.json"): to_json(table)}
    for org_id in sorted(site.organizations):
        if site.documents_of(org_id):
            output[urls.data_file(f"orgs/{org_id}.json")] = to_json(organization_data(site, org_id, table))
    return output
