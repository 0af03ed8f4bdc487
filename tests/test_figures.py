"""The figure parser on real documents and on every phrase of issue 8, the measure that answers a
topic, results paired by meaning, and the parser's work growing linearly with the text.

Readings come from tests/data/figures.yaml (hand readings copied from realdocs/INDEX.yaml).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from vankien import numbers, pipeline, topics
from vankien.model import Text, Topic

FIXTURE = yaml.safe_load((Path(__file__).parent / "data" / "figures.yaml").read_text(encoding="utf-8"))


def head_noun(unit: str | None) -> str | None:
    """The hand readings' unit: the counted head noun ("đoàn viên ưu tú" → "đoàn viên", "thanh, thiếu
    niên" → "thanh thiếu niên"); a rate keeps its "/năm"."""
    if unit is None:
        return None
    return unit.replace(" ưu tú", "").replace(",", "")


def reading(measure) -> list:
    """A measure as a hand reading: [value, unit] or [low, high, unit]."""
    values = [measure.value] + ([measure.value_max] if measure.value_max is not None else [])
    return [*values, head_noun(measure.unit)]


def expected(figure: list) -> list:
    return [Decimal(str(v)) for v in figure[:-1]] + [head_noun(figure[-1])]


CASES = [pytest.param(case, id=f"{case['doc']}:{case['text'][:40]}") for case in FIXTURE["real"]]


def test_the_table_holds_at_least_forty_real_figures():
    assert sum(len(case["figures"]) for case in FIXTURE["real"]) >= 40


@pytest.mark.parametrize("case", CASES)
def test_real_documents_read_as_by_hand(case):
    measures = numbers.parse(case["text"])
    assert [reading(m) for m in measures] == [expected(f) for f in case["figures"]]
    if "ops" in case:
        assert [m.op for m in measures] == case["ops"]


@pytest.mark.parametrize("case", FIXTURE["issue"], ids=[c["text"] for c in FIXTURE["issue"]])
def test_issue_phrases(case):
    measures = numbers.parse(case["text"])
    assert [reading(m) for m in measures] == [expected(f) for f in case["figures"]]
    for measure, figure in zip(measures, case["figures"], strict=True):
        assert measure.op == ("range" if len(figure) == 3 else measure.op)
    if "ops" in case:
        assert [m.op for m in measures] == case["ops"]
    if "of" in case:
        assert [m.of for m in measures] == [Decimal(v) for v in case["of"]]


@pytest.mark.parametrize("text", FIXTURE["not_figures"])
def test_not_target_figures(text):
    assert numbers.parse(text) == []


def test_words_and_ratios_are_written_back_as_figures():
    ratio = numbers.parse("hoàn thành 17/20 chỉ tiêu")[0]
    assert numbers.format_value(ratio) == "17/20 chỉ tiêu"
    assert numbers.format_value(numbers.parse("từ hai đến ba công trình")[0], "en") == "2–3 projects"
    assert numbers.parse("từ 05 đến 07 đoàn viên ưu tú")[0].raw == "từ 05 đến 07 đoàn viên ưu tú"


def test_a_measure_keeps_the_phrase_it_counts():
    first, second, third = numbers.parse(
        "Phát triển mới 3.600 đoàn viên, giới thiệu 560 đoàn viên ưu tú sang Đảng xem xét kết nạp, "
        "phần đầu có 215 đoàn viên ưu tú được kết nạp Đảng."
    )
    assert (first.phrase, first.lead) == ("đoàn viên", "Phát triển mới")
    assert second.phrase == "đoàn viên ưu tú sang Đảng xem xét kết nạp" and second.lead == "giới thiệu"
    assert third.phrase == "đoàn viên ưu tú được kết nạp Đảng" and third.op == "≥"


# -- the measure that answers a topic -----------------------------------------------------------

PARTY = Topic(
    "party-admission",
    Text("Kết nạp Đảng", "Party admission"),
    ("kết nạp Đảng", "kết nạp vào Đảng", "vào Đảng"),
    ("đoàn viên", "đoàn viên ưu tú", "đồng chí", "%"),
)
NEW_MEMBERS = Topic("new-members", Text("Kết nạp đoàn viên mới"), ("phát triển mới",), ("đoàn viên",))


def test_the_answering_measure_is_found_by_keywords_and_units():
    binh_tan = numbers.parse(
        "Phát triển mới 3.600 đoàn viên, giới thiệu 560 đoàn viên ưu tú sang Đảng xem xét kết nạp, "
        "phần đầu có 215 đoàn viên ưu tú được kết nạp Đảng."
    )
    assert topics.answer(PARTY, binh_tan) == topics.Answer(2, "topic")
    ha_tinh = numbers.parse(
        "Giới thiệu được tối thiểu 06 Đoàn viên ưu tú đi học đối tượng Đảng và 04 Đoàn viên được kết nạp vào Đảng."
    )
    assert topics.answer(PARTY, ha_tinh).index == 1
    assert topics.answer(PARTY, ha_tinh, given=1) == topics.Answer(0, "given")
    # One figure in the topic's units answers even without a keyword; none or two do not.
    assert topics.answer(PARTY, numbers.parse("Giới thiệu 03 đoàn viên ưu tú")).index == 0
    assert topics.answer(PARTY, numbers.parse("Trồng 500 cây xanh")).status == "none"
    two = numbers.parse("Kết nạp Đảng 03 đoàn viên; kết nạp vào Đảng 04 đồng chí")
    assert topics.answer(PARTY, two) == topics.Answer(None, "two", (0, 1))


def test_suggest_topic_for_the_importer():
    catalogue = {"new-members": NEW_MEMBERS, "party-admission": PARTY}
    assert topics.suggest_topic("Phấn đấu có 07 đoàn viên được kết nạp Đảng.", catalogue) == "party-admission"
    assert topics.suggest_topic("Phát triển mới 120 đoàn viên", catalogue) == "new-members"
    assert topics.suggest_topic("Trồng 500 cây xanh", catalogue) is None
    assert topics.suggest_topic("Tổ chức các hoạt động", catalogue) is None
    as_yaml = {"party-admission": {"vi": "Kết nạp Đảng", "keywords": ["kết nạp Đảng"], "units": ["đoàn viên"]}}
    assert topics.suggest_topic("Kết nạp Đảng cho 05 đoàn viên", as_yaml) == "party-admission"


def test_results_are_paired_by_meaning_not_position():
    target = numbers.parse("tối thiểu 06 Đoàn viên ưu tú đi học đối tượng Đảng và 04 Đoàn viên được kết nạp vào Đảng")
    result = numbers.parse(
        "bồi dưỡng và giới thiệu kết nạp 06 đồng chí; cử 05 đồng chí đi học lớp cảm tình ưu tú có đủ tư cách"
    )
    assert topics.pair_result(target[1], result) == 0  # the admission: "kết nạp"
    assert topics.pair_result(target[0], result) == 1  # the class: "đi học", "ưu tú"
    assert topics.pair_result(target[1], numbers.parse("Trồng 300 cây xanh")) is None


# -- the shared case figures/range-tu-den --------------------------------------

RANGE_TU_DEN = (
    "---\nkind: congress-report\ntitle: Báo cáo kết quả nhiệm kỳ 2022 - 2024\n"
    "period: {term: II, from: 2024, to: 2027}\nreviews: {term: I, from: 2022, to: 2024}\nresults:\n"
    "  - id: ket-nap-dang\n    topic: party-admission\n    target: Kết nạp từ 05 đến 07 đoàn viên ưu tú vào Đảng\n"
    "    result: Đã kết nạp 04 đoàn viên ưu tú vào Đảng\n    assessment: achieved\n    assessment_text: Đạt\n"
    "---\nNội dung.\n"
)


def test_range_from_to_in_words_is_a_range_and_the_disagreement_is_flagged(site_factory, tmp_path):
    root = site_factory({"content/documents/doan-a/dai-hoi-2024.vi.md": RANGE_TU_DEN})
    pipeline.run(root, tmp_path / "out")
    rows = json.loads((tmp_path / "out/data/targets.json").read_text(encoding="utf-8"))
    row = next(r for r in rows if r["document"] == "dai-hoi-2024" and r["answers_topic"] == "yes")
    assert (row["op"], row["value"], row["value_max"], row["unit"], row["parse"]) == (
        "range",
        5,
        7,
        "đoàn viên ưu tú",
        "full",
    )
    assert (row["result_value"], row["assessment_computed"], row["disagreement"]) == (4, "not-achieved", "yes")
    page = (tmp_path / "out/doan-a/dai-hoi-2024/index.html").read_text(encoding="utf-8")
    assert "5–7 đoàn viên ưu tú" in page and "⚠" in page


# -- linear work -----------------------------------------------------------------------------


def test_reading_one_long_target_is_linear(monkeypatch):
    """Count the characters the parser's rules look at: doubling the text must about double them
    (the quadratic parser looked at the whole line before and after every figure)."""
    looked_at = []
    window = numbers._Window

    class Counting(window):
        def __init__(self, *args):
            super().__init__(*args)
            looked_at.append(len(self.before) + len(self.after) + len(self.lead_text))

    monkeypatch.setattr(numbers, "_Window", Counting)
    chunk = "tặng 30 suất quà, kết nạp 05 đoàn viên, trồng 1.000 cây xanh; "

    def work(repeat: int) -> int:
        looked_at.clear()
        measures = numbers.parse(chunk * repeat)
        assert len(measures) == 3 * repeat
        return sum(looked_at)

    small, large = work(500), work(2000)
    assert large <= 4.2 * small


@pytest.mark.parametrize(
    "text, op, value",
    [
        ("Tỷ lệ thanh niên vi phạm pháp luật dưới 5%", "<", 5),
        ("ít hơn 3 vụ vi phạm", "<", 3),  # not "> 3": "ít hơn" ends with "hơn", it is the opposite
        ("thấp hơn 2% số đoàn viên", "<", 2),
        ("không dưới 90% đoàn viên", "≥", 90),
        ("tối đa 3 vụ", "≤", 3),
        ("không quá 5% đoàn viên", "≤", 5),
        ("trên 95% đoàn viên", ">", 95),
        ("hơn 60 lượt", ">", 60),
    ],
)
def test_below_and_fewer_than_are_less_than_not_at_most_or_more_than(text, op, value):
    (measure,) = numbers.parse(text)
    assert (measure.op, measure.value) == (op, value)


def test_a_less_than_target_is_achieved_only_below_its_figure():
    (target,) = numbers.parse("dưới 5% đoàn viên")
    assert numbers.format_value(target, "vi").startswith("< 5")
    assert numbers.assess(target, numbers.parse("4% đoàn viên")[0]) == "achieved"
    assert numbers.assess(target, numbers.parse("5% đoàn viên")[0]) == "not-achieved"


@pytest.mark.parametrize(
    "text, value",
    [
        ("Vận động 1.5 triệu đồng", 1_500_000),  # a decimal typed with a dot, as many do
        ("1.25 tỷ đồng", 1_250_000_000),
        ("1,5 triệu đồng", 1_500_000),
        ("1.500 đoàn viên", 1_500),  # three digits after the dot: thousands grouped
    ],
)
def test_a_decimal_typed_with_a_dot_before_a_scale_word_is_read(text, value):
    (measure,) = numbers.parse(text)
    assert measure.value == value


@pytest.mark.parametrize("text", ["theo mục 6.2 của kế hoạch", "Cách mạng công nghiệp 4.0"])
def test_a_dotted_number_without_a_scale_word_is_no_figure(text):
    assert numbers.parse(text) == []
