"""Targets across periods and organizations, from tiny inline sites and from the example site."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from tests.test_example_site import PageText, element_text, parse
from vankien import compare, pipeline

ROOT = Path(__file__).resolve().parent.parent


def parse_fragment(html: str) -> str:
    page = PageText()
    page.feed(html)
    return page.text


TOPICS = (
    "party-admission:\n  vi: Kết nạp Đảng\n  en: Party admission\n"
    "initiatives:\n  vi: Sáng kiến\n  en: Initiatives\n"
    "trees:\n  vi: Cây xanh\n  en: Trees\n"
)


def report(term: str, start: int, end: int, prev: str, pstart: int, pend: int, results: str, targets: str) -> str:
    return (
        f"---\nkind: congress-report\ntitle: Báo cáo {term}\nperiod: {{term: {term}, from: {start}, to: {end}}}\n"
        f"reviews: {{term: {prev}, from: {pstart}, to: {pend}}}\nresults:\n{results}targets:\n{targets}---\nNội dung.\n"
    )


TWO_TERMS = {
    "content/topics.yaml": TOPICS,
    "content/documents/doan-a/dai-hoi.vi.md": None,
    "content/documents/doan-a/dai-hoi-2017.vi.md": report(
        "V",
        2017,
        2022,
        "IV",
        2012,
        2017,
        "  - id: ket-nap-dang\n    topic: party-admission\n    target: Kết nạp 04 đoàn viên vào Đảng\n"
        "    result: Kết nạp 04 đoàn viên\n    assessment: đạt\n",
        "  - id: ket-nap-dang\n    topic: party-admission\n    text: Phấn đấu có 07 đoàn viên được kết nạp Đảng\n"
        "  - id: cay-xanh\n    topic: trees\n    text: Trồng 500 cây xanh\n",
    ),
    "content/documents/doan-a/dai-hoi-2022.vi.md": report(
        "VI",
        2022,
        2027,
        "V",
        2017,
        2022,
        "  - id: ket-nap-dang\n    topic: party-admission\n    target: Phấn đấu có 07 đoàn viên được kết nạp Đảng.\n"
        "    result: 10 đoàn viên ưu tú đã được kết nạp Đảng\n    assessment: Hoàn thành\n"
        "  - id: cay-xanh\n    topic: trees\n    target: Trồng 500 cây xanh\n    result: Trồng được 300 cây xanh\n"
        "    assessment: vượt\n",
        "  - id: ket-nap-dang\n    topic: party-admission\n"
        "    text: Bồi dưỡng, giới thiệu ít nhất 05 đoàn viên ưu tú được kết nạp vào Đảng\n"
        "  - id: sang-kien\n    topic: initiatives\n    text: Đề xuất ít nhất 05 sáng kiến\n",
    ),
}


@pytest.fixture
def two_terms(site_factory):
    root = site_factory(TWO_TERMS)
    return pipeline.run(root, stages=pipeline.CHECK_STAGES).site


def cell_summary(cell):
    target = cell.targets[0].measure if cell.targets else None
    result = cell.results[0] if cell.results else None
    return (
        f"{target.op}{target.value}" if target else None,
        (result.computed or result.assessment) if result else None,
        cell.trend,
    )


def test_term_table_lines_up_targets_results_and_trends(two_terms):
    table = compare.term_table(two_terms, "doan-a")
    assert [p.term for p in table.periods] == ["IV", "V", "VI"]
    rows = {row.topic: [cell_summary(c) for c in row.cells] for row in table.rows}
    # Term IV's target is known only as the term-V report quotes it; V's from its own plan.
    assert rows["party-admission"] == [("=4", "achieved", None), ("≥7", "exceeded", "↑"), ("≥5", None, "↓")]
    assert rows["trees"] == [(None, None, None), ("=500", "not-achieved", "new"), (None, None, "dropped")]
    assert rows["initiatives"] == [(None, None, None), (None, None, None), ("≥5", None, "new")]


def test_only_a_contradiction_between_report_and_figures_is_flagged(two_terms):
    results = {r.id: r for d in two_terms.documents for r in d.results if d.period.term == "VI"}
    # "Hoàn thành" for 10 admitted against 07: exceeding a target is achieving it.
    assert (results["ket-nap-dang"].assessment, results["ket-nap-dang"].computed) == ("achieved", "exceeded")
    assert not results["ket-nap-dang"].disagrees
    # "vượt" for 300 trees of 500 contradicts the figures.
    assert (results["cay-xanh"].assessment, results["cay-xanh"].computed) == ("exceeded", "not-achieved")
    assert results["cay-xanh"].disagrees


def test_topic_rows_and_matrix_across_organizations(site_factory):
    files = dict(TWO_TERMS)
    files["content/organizations/doan-b.yaml"] = "name: {vi: Đoàn B}\nlevel: chi-doan\n"
    files["content/documents/doan-b/chuong-trinh-2024.vi.md"] = (
        "---\nkind: annual-program\ntitle: Chương trình 2024\nperiod: {year: 2024}\ntargets:\n"
        "  - id: dang\n    topic: party-admission\n    text: Giới thiệu 03 đoàn viên ưu tú cho Đảng\n---\nX\n"
    )
    site = pipeline.run(site_factory(files), stages=pipeline.CHECK_STAGES).site
    rows = compare.topic_rows(site, "party-admission")
    assert [(r.org, r.period.key) for r in rows] == [
        ("doan-a", "term-iv-2012-2017"),
        ("doan-a", "term-v-2017-2022"),
        ("doan-a", "term-vi-2022-2027"),
        ("doan-b", "2024"),
    ]
    matrix = compare.matrix(site)
    assert matrix.topics == ("trees", "party-admission", "initiatives")  # Cây xanh, Kết nạp Đảng, Sáng kiến
    assert compare.matrix(site, "en").topics == ("initiatives", "party-admission", "trees")
    assert matrix.orgs == ("doan-a", "doan-b")
    assert matrix.cells[("party-admission", "doan-a")].measure.value == 5
    assert matrix.cells[("party-admission", "doan-a")].period.key == "term-vi-2022-2027"
    assert matrix.cells[("party-admission", "doan-b")].measure.value == 3
    # A topic dropped in the latest term keeps the term that set it, never the latest document's.
    assert matrix.cells[("trees", "doan-a")].period.key == "term-v-2017-2022"


def test_editor_can_override_a_parse(site_factory, tmp_path):
    doc = (
        "---\nkind: plan\ntitle: K\nperiod: {year: 2024}\ntargets:\n  - id: a\n    topic: party-admission\n"
        "    text: Kết nạp từ năm đến bảy đoàn viên\n    measures:\n"
        "      - {op: range, value: '5', value_max: '7', unit: đoàn viên}\n"
        "  - id: b\n    topic: party-admission\n    text: Hỗ trợ 12 đoàn viên\n    measures: []\n---\nX\n"
    )
    root = site_factory({"content/documents/doan-a/k.vi.md": doc, "content/documents/doan-a/dai-hoi.vi.md": None})
    site = pipeline.run(root, tmp_path / "out").site
    a, b = site.documents[0].targets
    assert (a.measures[0].op, a.measures[0].value, a.measures[0].value_max, a.measures_given) == ("range", 5, 7, True)
    assert b.measures == () and b.measures_given
    row = element_text(tmp_path / "out/doan-a/k/index.html", "chi-tieu-a")
    assert "5–7 đoàn viên" in row and "✎" in row


def test_a_bad_override_is_an_editor_error(site_factory):
    doc = (
        "---\nkind: plan\ntitle: K\nperiod: {year: 2024}\ntargets:\n  - id: a\n    text: X\n"
        "    measures:\n      - {op: about, value: '1.000'}\n---\nX\n"
    )
    root = site_factory({"content/documents/doan-a/k.vi.md": doc})
    with pytest.raises(pipeline.BuildFailed) as failed:
        pipeline.run(root, stages=pipeline.CHECK_STAGES)
    found = {(p.line, p.col): p.text("en") for p in failed.value.problems}
    assert "“about” is not a valid value for “op”" in found[(9, 14)]
    assert "number “1.000” is not valid" in found[(9, 28)]


# -- the example site ------------------------------------------------------------------


def test_tphcm_party_admission_reads_across_terms(example_site):
    row = element_text(example_site / "so-tttt-tphcm/index.html", "chu-de-party-admission")
    for words in ("≥ 7 đoàn viên", "10 đoàn viên ưu tú", "Vượt", "≥ 5 đoàn viên ưu tú", "↓ giảm"):
        assert words in row, (words, row)
    assert row.index("≥ 7 đoàn viên") < row.index("10 đoàn viên ưu tú") < row.index("≥ 5 đoàn viên ưu tú")


def _csv_rows(example_site) -> list[dict]:
    return list(csv.DictReader(io.StringIO((example_site / "data/targets.csv").read_text(encoding="utf-8-sig"))))


def test_ha_tinh_results_all_carry_reported_assessments(example_site):
    data = json.loads((example_site / "data/orgs/chi-doan-so-tttt-ha-tinh.json").read_text(encoding="utf-8"))
    results = [r for r in data["rows"] if r["kind"] == "result"]
    assert len({r["id"] for r in results}) == 9
    assert all(r["assessment_reported"] in ("achieved", "exceeded") for r in results)
    answering = {r["id"]: r for r in results if r["answers_topic"] == "yes"}
    assert len(answering) == 9  # one figure of each result answers its topic
    assert [r["assessment_reported"] for r in answering.values()].count("exceeded") == 3
    assert (
        answering["xep-loai-doan-vien"]["result_value"],
        answering["xep-loai-doan-vien"]["assessment_computed"],
    ) == (
        95,  # a JSON number, as datapackage.json types the column
        "exceeded",
    )
    assert answering["cong-trinh-thanh-nien"]["result_value"] == 6


def test_ha_tinh_party_admission_answers_with_4_and_its_result_6(example_site):
    rows = [r for r in _csv_rows(example_site) if r["org"] == "chi-doan-so-tttt-ha-tinh" and r["id"] == "ket-nap-dang"]
    assert {r["period"] for r in rows} == {"term-i-2019-2022"}
    by_measure = {r["measure"]: r for r in rows if r["measure"]}
    # "tối thiểu 06 Đoàn viên ưu tú đi học đối tượng Đảng và 04 Đoàn viên được kết nạp vào Đảng"
    assert (by_measure["1"]["value"], by_measure["1"]["answers_topic"]) == ("6", "no")
    assert (by_measure["2"]["value"], by_measure["2"]["answers_topic"]) == ("4", "yes")
    # "giới thiệu kết nạp 06 đồng chí; cử 05 đồng chí đi học lớp cảm tình": 06 pairs with the admission.
    assert (by_measure["2"]["result_value"], by_measure["2"]["assessment_computed"]) == ("6", "exceeded")
    assert by_measure["2"]["disagreement"] == "no"
    assert by_measure["1"]["result_value"] == "5"  # the class for Party candidates, paired by its words


def test_hcm_party_admission_7_to_10_is_exceeded_without_disagreement(example_site):
    rows = [r for r in _csv_rows(example_site) if r["org"] == "so-tttt-tphcm" and r["id"] == "ket-nap-dang"]
    result = next(r for r in rows if r["kind"] == "result")
    assert (result["period"], result["value"], result["result_value"]) == ("term-v-2017-2022", "7", "10")
    assert (result["assessment_reported"], result["assessment_computed"], result["disagreement"]) == (
        "achieved",
        "exceeded",
        "no",
    )
    row = element_text(example_site / "so-tttt-tphcm/dai-hoi-2022/index.html", "ket-qua-ket-nap-dang")
    assert "⚠" not in row and "khớp số liệu" in row


BINH_TAN = [  # (id, op, value, value_max, unit) of the figure answering the topic of each of the thirteen targets
    ("hoc-tap-nghi-quyet", "=", "100", "", "%"),  # both figures are "được học tập": the editor chose 1 (measure: 1)
    ("khong-gian-van-hoa-hcm", "=", "100", "", "%"),
    ("nang-luc-so", "≥", "60", "", "%"),
    ("luot-tinh-nguyen", "=", "10000", "", "lượt"),
    ("y-tuong-sang-kien", "≥", "7500", "", "ý tưởng"),  # chosen by the editor: measure: 2
    ("tu-van-huong-nghiep", "=", "3700", "", "lượt"),
    ("vay-von", "=", "5000000000", "", "đồng"),
    ("ngoai-ngu", "=", "10000", "", "lượt"),
    ("cong-trinh-thanh-nien", "=", "58", "", "công trình"),
    ("be-tong-hoa-hem-nha-tinh-ban", "=", "4", "", "căn nhà"),  # measure: 2
    ("chi-doan-ngoai-nha-nuoc", "≥", "27", "", "chi đoàn"),
    ("ket-nap-dang", "≥", "215", "", "đoàn viên ưu tú"),
    ("dao-tao-can-bo", "=", "7", "", "cán bộ"),
]


def test_binh_tan_thirteen_targets_parse_and_the_csv_agrees_with_the_page(example_site):
    table = _csv_rows(example_site)
    answering = {r["id"]: r for r in table if r["org"] == "quan-doan-binh-tan" and r["answers_topic"] == "yes"}
    for target_id, op, value, value_max, unit in BINH_TAN:
        row = answering[target_id]
        assert (row["op"], row["value"], row["value_max"], row["unit"]) == (op, value, value_max, unit), target_id
        assert row["parse"] == "full"
        cell = element_text(example_site / "quan-doan-binh-tan/chuong-trinh-2023/index.html", f"chi-tieu-{target_id}")
        assert row["text_vi"] in cell
    party = element_text(example_site / "quan-doan-binh-tan/chuong-trinh-2023/index.html", "chi-tieu-ket-nap-dang")
    assert "3.600 đoàn viên" in party and "560 đoàn viên ưu tú" in party and "≥ 215 đoàn viên ưu tú" in party
    assert "5 tỷ đồng" in element_text(
        example_site / "quan-doan-binh-tan/chuong-trinh-2023/index.html", "chi-tieu-vay-von"
    )


def test_binh_tan_party_admission_keeps_3600_560_and_215_and_215_answers(example_site):
    rows = [r for r in _csv_rows(example_site) if r["org"] == "quan-doan-binh-tan" and r["id"] == "ket-nap-dang"]
    assert [(r["measure"], r["value"], r["unit"], r["answers_topic"]) for r in rows] == [
        ("1", "3600", "đoàn viên", "no"),
        ("2", "560", "đoàn viên ưu tú", "no"),
        ("3", "215", "đoàn viên ưu tú", "yes"),
    ]
    assert rows[2]["phrase"] == "đoàn viên ưu tú được kết nạp Đảng" and rows[2]["period"] == "2023"


def test_every_figure_of_every_binh_tan_target_is_in_the_csv(example_site):
    from vankien.numbers import parse as read_figures

    doc = (ROOT / "content/documents/quan-doan-binh-tan/chuong-trinh-2023.vi.md").read_text(encoding="utf-8")
    texts = re.findall(r"^  - id: (\S+)\n(?:    \w+: .*\n)*?    text: \"(.*)\"$", doc, re.MULTILINE)
    assert len(texts) == 17
    rows = [r for r in _csv_rows(example_site) if r["org"] == "quan-doan-binh-tan" and r["kind"] == "target"]
    for target_id, text in texts:
        figures = [(format(m.value, "f"), m.unit or "") for m in read_figures(text)]
        kept = [(r["value"], r["unit"]) for r in rows if r["id"] == target_id and r["measure"]]
        assert kept == figures, target_id


def test_open_data_columns_labels_and_order(example_site):
    raw = (example_site / "data/targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    contract = "org document period kind id measure topic phrase op value value_max unit raw answers_topic "
    contract += "result_value result_unit assessment_reported assessment_computed disagreement"
    for column in contract.split() + ["text_vi", "text_en"]:
        assert column in table[0]
    assert {r["kind"] for r in table} == {"target", "result"}
    assert {r["answers_topic"] for r in table} <= {"yes", "no", ""}
    assert {r["disagreement"] for r in table if r["kind"] == "result"} <= {"yes", "no"}
    assert all(r["org_name"] and r["topic_vi"] and r["period_label"] for r in table)
    data = json.loads((example_site / "data/targets.json").read_text(encoding="utf-8"))
    assert [(r["id"], r["measure"]) for r in data] == [
        (r["id"], int(r["measure"]) if r["measure"] else None) for r in table
    ]
    types = {
        f["name"]: f["type"]
        for f in json.loads((example_site / "data/datapackage.json").read_bytes())["resources"][0]["schema"]["fields"]
    }
    for row in data:  # each JSON value has its column's type: numbers are numbers, an empty figure is null
        for name, value in row.items():
            expected = {"integer": (int, type(None)), "number": (int, float, type(None))}.get(types[name], (str,))
            assert isinstance(value, expected), (name, value)
    by_key = {(r["org"], r["document"], r["kind"], r["id"], r["measure"]): r for r in table}
    for row in data:  # the same figure as the CSV's text
        cell = by_key[(row["org"], row["document"], row["kind"], row["id"], str(row["measure"] or ""))]["value"]
        assert (row["value"] is None and cell == "") or Decimal(cell) == Decimal(str(row["value"]))
    # Every target and result is there, each with one row per figure.
    assert len({(r["org"], r["document"], r["kind"], r["id"]) for r in table}) == 48  # 34 targets, 14 results
    package = json.loads((example_site / "data/datapackage.json").read_text(encoding="utf-8"))
    fields = package["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == list(table[0])
    assert all(f["title"] and f["title_vi"] and f["type"] in ("string", "number", "integer") for f in fields)


def test_topic_page_and_matrix_reach_every_organization_with_targets(example_site):
    party = parse(example_site / "topics/party-admission/index.html").text
    for org in ("Đoàn Sở TT&TT TP.HCM", "Chi đoàn Sở TT&TT Hà Tĩnh", "Quận Đoàn Bình Tân"):
        assert org in party
    row = element_text(example_site / "compare/index.html", "chu-de-party-admission")
    # The figure answering the topic, each with its own period written in full (Hà Tĩnh's term II plan
    # states its admission target at the end of its thematic-meetings target: 04 đoàn viên ưu tú).
    for words in ("4 đoàn viên", "Nhiệm kỳ II (2022–2024)", "≥ 215 đoàn viên ưu tú", "Năm 2023", "≥ 5 đoàn viên ưu tú"):
        assert words in row, (words, row)
    assert "Nhiệm kỳ VI (2022–2027)" in row and "3.600" not in row and "≥ 6" not in row
    html = (example_site / "topics/party-admission/index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<strong class="figure"[^>]*>([^<]*)</strong>', html)
    assert {"≥ 215 đoàn viên ưu tú", "4 đoàn viên", "6 đồng chí", "≥ 7 đoàn viên", "10 đoàn viên ưu tú"} <= set(shown)
    assert not {"3.600 đoàn viên", "≥ 6 đoàn viên ưu tú"} & set(shown), shown


def test_document_status_bar_has_its_table(example_site):
    html = (example_site / "chi-doan-so-tttt-ha-tinh/dai-hoi-2022/index.html").read_text(encoding="utf-8")
    assert '<svg class="bar"' in html and 'aria-label="Vượt: 3, Đạt: 6"' in html
    figure = html[html.index('<figure class="tally"') : html.index("</figure>")]
    assert "<table" in figure  # the figures behind the bar, readable without the picture
    assert "Vượt Đạt 3 6" in " ".join(parse_fragment(figure).split())


def test_vietnamese_alphabetical_order_of_topic_labels():
    labels = [
        "Đoàn viên",
        "Dân vận",
        "Ăn uống",
        "Ấp",
        "An sinh",
        "Ơn",
        "Ô tô",
        "Ong",
        "Ưu tú",
        "Uống",
        "Hà",
        "Há",
        "Hạ",
        "Hả",
    ]
    assert sorted(labels, key=compare.label_key) == [
        "An sinh",
        "Ăn uống",
        "Ấp",
        "Dân vận",
        "Đoàn viên",
        "Hà",
        "Hả",
        "Há",
        "Hạ",
        "Ong",
        "Ô tô",
        "Ơn",
        "Uống",
        "Ưu tú",
    ]
