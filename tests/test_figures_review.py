"""Faults a review of the figures found: result figures paired one to one by meaning, figures read
from PDF text with split syllables, trailing operators ("95% trở lên"), shared predicates of
percentage lists, and the topic an analyst would choose for a target.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from vankien import filters, numbers, topics, translated_figures

EMULATION_TARGET = (
    "Hàng năm, 100% Đoàn viên hoàn thành tốt nhiệm vụ được giao, trong đó 80% đạt danh hiệu Lao động tiên tiến, "
    "15% đạt danh hiệu Chiến sĩ thi đua cơ sở, 30% được Giám đốc Sở tặng Giấy khen và 7% Đoàn viên được Bộ TT&TT, "
    "UBND tỉnh tặng Bằng khen."
)
EMULATION_RESULT = (
    "100% Đoàn viên được tặng danh hiệu Lao động tiên tiến, 20% được tặng Danh hiệu Chiến sỹ thi đua cơ sở, 30% được "
    "UBND tỉnh, Bộ TTTT tặng Bằng khen.."
)


def test_each_result_figure_reports_one_target_figure_by_its_words():
    target, result = numbers.parse(EMULATION_TARGET), numbers.parse(EMULATION_RESULT)
    # 100% Lao động tiên tiến reports the 80% one, not "hoàn thành tốt nhiệm vụ"; nobody reported the
    # Giấy khen figure (the 20% is the Chiến sĩ thi đua one, the 30% the Bằng khen one).
    assert topics.pair_results(target, result) == [None, 0, 1, None, 2]
    # The answering measure's pair, decided first, is kept.
    assert topics.pair_results(target, result, {1: 0}) == [None, 0, 1, None, 2]


def test_one_of_several_comparable_result_figures_sharing_no_word_is_not_taken():
    target = numbers.parse("30% được Giám đốc Sở tặng Giấy khen")[0]
    assert topics.pair_result(target, numbers.parse("20% chi đoàn vững mạnh, 15% chi đoàn khá")) is None
    # The only comparable figure is the target's report even without a shared word.
    assert topics.pair_result(target, numbers.parse("Đã có 20%; tổ chức 7 buổi")) == 0
    two = numbers.parse("Xây dựng 03 công trình; trồng 10 cây xanh")
    assert topics.pair_results(two, numbers.parse("Đã trồng 12 cây; xây 04 công trình")) == [1, None]
    assert topics.pair_results(two, numbers.parse("xây 04 công trình, 12 cây xanh")) == [0, 1]


FIXTURE = yaml.safe_load((Path(__file__).parent / "data" / "figures.yaml").read_text(encoding="utf-8"))


def _reading(measure) -> list:
    values = [measure.value] + ([measure.value_max] if measure.value_max is not None else [])
    return [*values, measure.unit.replace(" ưu tú", "") if measure.unit else None]


@pytest.mark.parametrize("case", FIXTURE["review"], ids=[c["text"][:50] for c in FIXTURE["review"]])
def test_phrases_a_review_found_read_wrong(case):
    measures = numbers.parse(case["text"])
    want = [[Decimal(str(v)) for v in f[:-1]] + [f[-1].replace(" ưu tú", "")] for f in case["figures"]]
    assert [_reading(m) for m in measures] == want
    if "ops" in case:
        assert [m.op for m in measures] == case["ops"]
    if "subject" in case:
        assert measures[0].subject == case["subject"]
    for measure, words in zip(measures, case.get("phrase_has", []), strict=False):
        assert words in (measure.phrase or "").lower(), measure
    if "not_in_first_phrase" in case:
        assert case["not_in_first_phrase"] not in measures[0].phrase


def test_the_raw_words_keep_a_trailing_operator_and_a_rate():
    assert [m.raw for m in numbers.parse("đạt 95% trở lên; tặng 500.000 đồng/suất")] == [
        "95% trở lên",
        "500.000 đồng/suất",
    ]


CATALOGUE = yaml.safe_load((Path(__file__).parent.parent / "content" / "topics.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # "kết nạp Đảng" beside "phát triển mới": two figures of outstanding members (a unit only party
        # admission counts) against one of members.
        (
            "Phát triển mới 3.600 đoàn viên, giới thiệu 560 đoàn viên ưu tú sang Đảng xem xét kết nạp, phần đầu có "
            "215 đoàn viên ưu tú được kết nạp Đảng.",
            "party-admission",
        ),
        ("Kết nạp mới 150 đoàn viên; giới thiệu 10 đoàn viên ưu tú kết nạp vào Đảng", "party-admission"),
        ("Phát triển mới 120 đoàn viên", "new-members"),
        # No keyword near the figure, but only party admission counts outstanding members.
        ("giới thiệu ít nhất 70 đoàn viên ưu tú/năm cho Đảng xem xét kết nạp", "party-admission"),
        # Most figures: four about titles against one about tasks.
        (EMULATION_TARGET, "emulation-titles"),
        # A tie goes to the figure the text opens with.
        (
            "Xây dựng 02-04 công trình, phần việc thanh niên hỗ trợ các xã; tặng 30-40 suất quà cho đối tượng chính "
            "sách; tổ chức 05-10 buổi giao lưu văn nghệ",
            "youth-projects",
        ),
        (
            "10.000 lượt thanh thiếu nhi tham gia các hoạt động nâng cao năng lực sử dụng ngoại ngữ, phần đầu 20 "
            "cán bộ Đoàn được bồi dưỡng Anh văn",
            "foreign-language",
        ),
        # Several figures answering one topic still suggest it.
        ("100% cán bộ Đoàn, đoàn viên, 80% thanh niên được học tập, quán triệt nghị quyết", "political-study"),
        ("bê tông hóa 01 tuyến hẻm và xây dựng, sửa chữa 04 căn Nhà tình bạn", "gifts-and-charity"),
        # The keyword is outside the figure's clause.
        (
            "Duy trì Quỹ học bổng “Tuổi trẻ Sở” trong đó hỗ trợ 01 - 02 thiếu nhi có hoàn cảnh khó khăn/năm.",
            "scholarships",
        ),
        # PDF text with split syllables.
        ("Giới thiệu 03 đoà n viên ưu tú được kết nạ p và o Đả ng", "party-admission"),
        ("Trồng 500 cây xanh", None),
        ("Tổ chức các hoạt động", None),
    ],
)
def test_suggest_topic_is_the_topic_an_analyst_would_choose(text, topic):
    assert topics.suggest_topic(text, CATALOGUE) == topic


# -- figures on the pages -----------------------------------------------------------------------


def _shown(text: str, lang: str) -> str:
    return str(filters.do_measure(numbers.parse(text)[0], lang))


def test_a_percentage_says_whom_it_counts_on_every_page():
    assert _shown("100% cơ sở Đoàn trực thuộc tham gia", "vi") == (
        '100% <span class="figure-subject">cơ sở Đoàn trực thuộc</span>'
    )
    assert _shown("80% thanh niên được học tập", "en") == "80% of young people"
    # No English for the subject: it is shown in Vietnamese, marked as such.
    assert _shown("100% cơ sở Đoàn trực thuộc tham gia", "en") == (
        '100% <span class="figure-subject" lang="vi">cơ sở Đoàn trực thuộc</span>'
    )


def test_english_pages_give_units_in_english_or_marked_vietnamese():
    assert _shown("Giới thiệu ít nhất 70 đoàn viên ưu tú/năm cho Đảng", "en") == "≥ 70 outstanding members/year"
    assert _shown("trị giá 500.000 đồng/suất", "en") == "500,000 dong/portion"
    assert _shown("Tổ chức 02 - 03 buổi sinh hoạt chuyên đề/năm", "en") == "2–3 sessions/year"
    # A counted noun the site has no English for keeps its words, marked lang="vi" for readers and tools.
    assert _shown("Tiếp nhận 30 hồ sơ", "en") == '30 <span lang="vi">hồ sơ</span>'
    assert _shown("Tiếp nhận 30 hồ sơ", "vi") == "30 hồ sơ"
    assert filters.do_unit("đoàn viên ưu tú/năm", "en") == "outstanding members/year"


def test_english_example_pages_show_no_unmarked_vietnamese_figure(example_site):
    """Every figure on an English page is in English, or inside an element marked lang="vi"."""
    vietnamese = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
    for page in (example_site / "en").rglob("*.html"):
        html = re.sub(r'<span[^>]*lang="vi"[^>]*>[^<]*</span>', "", page.read_text(encoding="utf-8"))
        for figure in re.findall(r'<(?:span|strong) class="figure[^"]*"[^>]*>(.*?)</(?:span|strong)>', html):
            assert not vietnamese.search(figure), (page, figure)


def test_a_matrix_cell_says_when_the_period_set_more_targets_on_the_topic(example_site):
    """Bình Tân 2023 set four youth-project targets: the cell shows one and links to the other three."""
    html = (example_site / "compare" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="chu-de-youth-projects">(.*?)</tr>', html, re.DOTALL).group(1)
    cell = next(c for c in re.findall(r"<td>(.*?)</td>", row, re.DOTALL) if "58 công trình" in c)
    assert 'href="../topics/youth-projects/"' in cell and "và 3 chỉ tiêu khác" in cell
    english = (example_site / "en" / "compare" / "index.html").read_text(encoding="utf-8")
    assert "and 3 more targets" in english and "and 1 more target<" in english
    # A cell with one target has no such link.
    political = re.search(r'<tr id="chu-de-political-study">(.*?)</tr>', html, re.DOTALL).group(1)
    assert "chỉ tiêu khác" not in political


def test_an_english_translation_keeping_a_vietnamese_leading_zero_is_flagged():
    source = "Tổ chức ít nhất 05 hoạt động, 01-02 lần/năm, theo Nghị quyết 01 và Kế hoạch 03-KH/ĐTN"
    english = "Organize at least 05 activities, 01-02 times/year, under Resolution 01 and Plan 03-KH/ĐTN"
    assert [(w, e) for _, w, e in translated_figures.leading_zeros(source, english)] == [
        ("05", "5"),
        ("01", "1"),
        ("02", "2"),
    ]
    assert translated_figures.leading_zeros(source, "Organize at least 5 activities, 1-2 times/year") == []


def test_a_figure_of_which_is_part_of_an_earlier_one_does_not_answer_too():
    text = (
        "Mỗi năm có ít nhất 07 sáng kiến kinh nghiệm được ứng dụng có hiệu quả vào thực tiễn, trong đó có ít nhất 03 "
        "sáng kiến liên quan đến chuyển đổi số."
    )
    assert topics.answer(CATALOGUE["initiatives"], numbers.parse(text)) == topics.Answer(0, "topic")
    # Two figures side by side, neither a part of the other, still both answer.
    both = numbers.parse("Có 07 sáng kiến cấp Sở; có 03 sáng kiến cấp Bộ")
    assert topics.answer(CATALOGUE["initiatives"], both).status == "two"


def test_a_target_filed_under_another_topic_still_answers_a_topic_the_plan_sets_no_target_for(example_site):
    """Hà Tĩnh's term II plan states its Party admission target (04 đoàn viên ưu tú) inside its
    thematic-meetings target, and Bình Tân's 2023 plan its new members (3.600) inside its Party admission
    target: the tables show them, and never call the admission target dropped."""
    matrix = (example_site / "compare" / "index.html").read_text(encoding="utf-8")
    party = re.search(r'<tr id="chu-de-party-admission">(.*?)</tr>', matrix, re.DOTALL).group(1)
    assert "4 đoàn viên ưu tú" in party and "Nhiệm kỳ II (2022–2024)" in party
    new_members = re.search(r'<tr id="chu-de-new-members">(.*?)</tr>', matrix, re.DOTALL).group(1)
    assert "3.600 đoàn viên" in new_members and "Năm 2023" in new_members
    assert (example_site / "topics" / "new-members" / "index.html").exists()
    # Each says which target it was read from.
    assert "từ chỉ tiêu về “Sinh hoạt chuyên đề”" in party
    topic_page = (example_site / "en" / "topics" / "party-admission" / "index.html").read_text(encoding="utf-8")
    assert "from the target on “Thematic meetings”" in topic_page
    org = (example_site / "chi-doan-so-tttt-ha-tinh" / "index.html").read_text(encoding="utf-8")
    row = re.search(r"<tr[^>]*>\s*<th[^>]*>\s*<a[^>]*>Kết nạp Đảng</a>(.*?)</tr>", org, re.DOTALL).group(1)
    assert "không còn" not in row and "giữ nguyên" in row
