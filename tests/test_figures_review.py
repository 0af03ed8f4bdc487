"""Faults a review of the figures found: result figures paired one to one by meaning, figures read
from PDF text with split syllables, trailing operators ("95% trở lên"), shared predicates of
percentage lists, and the topic an analyst would choose for a target.
"""

from __future__ import annotations


from vankien import numbers, topics

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
