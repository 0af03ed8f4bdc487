"""`make import-score` counts a hand entry as found only when an imported entry of its own holds it:
several hand entries merged into one imported entry count once, and imported entries holding no
hand entry are counted as extra."""

from __future__ import annotations

from vankien.importscore import score_entries

HAND = [
    {"text": "dạy nghề cho 40 ngàn thanh niên", "figures": [[40000, "thanh niên"]]},
    {"text": "giới thiệu việc làm cho 150 ngàn thanh niên", "figures": [[150000, "thanh niên"]]},
]


def test_each_hand_entry_needs_an_imported_entry_of_its_own():
    apart = score_entries(HAND, ["dạy nghề cho 40 ngàn thanh niên", "giới thiệu việc làm cho 150 ngàn thanh niên"])
    assert (apart.found, apart.entries, apart.figures_found, apart.merged, apart.extra) == (2, 2, 2, 0, 0)
    merged = score_entries(HAND, ["dạy nghề cho 40 ngàn thanh niên và giới thiệu việc làm cho 150 ngàn thanh niên"])
    assert (merged.found, merged.figures_found, merged.merged, merged.extra) == (1, 1, 1, 0)
    assert any(line.startswith("merged: 2 hand entries") for line in merged.missed)


def test_imported_entries_that_are_no_hand_entry_are_extra():
    score = score_entries(
        HAND[:1], ["dạy nghề cho 40 ngàn thanh niên", "tổ chức thành công 3 đợt hoạt động cao điểm", "dạy nghề cho 40"]
    )
    assert (score.found, score.merged, score.extra) == (1, 0, 2)
