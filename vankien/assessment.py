"""Judging results by their figures, and how a target moved from one term to the next.

Pure functions on `Measure`s. Sources of the rules: the module docstrings of `numbers` (what a
figure is) and DESIGN.md (assessment vocabulary: exceeded ⊂ achieved; a report and its figures
disagree only when they contradict each other).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from vankien.measure import Measure
from vankien.units import SAME_PEOPLE


def comparable(a: Measure | None, b: Measure | None) -> bool:
    """Whether two measures count the same thing (same canonical unit, or both union members)."""
    if a is None or b is None or not a.unit or not b.unit:
        return False
    unit_a, unit_b = _unit_key(a.unit), _unit_key(b.unit)
    return unit_a == unit_b or (unit_a in SAME_PEOPLE and unit_b in SAME_PEOPLE)


def _unit_key(unit: str) -> str:
    """A unit compared without case or extra spaces, so an editor's "Đoàn viên" is "đoàn viên"."""
    return " ".join(unicodedata.normalize("NFC", unit).lower().split())


def assess(target: Measure | None, result: Measure | None) -> str | None:
    """The assessment key from the numbers ("exceeded", "achieved", "not-achieved"), or None.

    None when either measure is missing or the two don't count the same thing.

    The result's stated figure (its lower bound) is compared with the target's bounds:
    ≥, = and ranges are achieved from the low bound and exceeded above the high one; a
    "more than" target is met only by beating its number, which counts as exceeded; "about"
    allows ±10 %; "at most" is achieved at or below its number, "less than" ("dưới 5 %") below it.
    100 % met with 100 % is achieved.
    """
    if target is None or result is None or not comparable(target, result):
        return None
    got = result.value
    if target.unit == "%" and target.high == 100 and got == 100:
        return "achieved"
    if target.op == ">":
        return "exceeded" if got > target.value else "not-achieved"
    if target.op == "≤":
        return "achieved" if got <= target.value else "not-achieved"
    if target.op == "<":
        return "achieved" if got < target.value else "not-achieved"
    if target.op == "~":
        return _assess_about(target.value, got)
    if got > target.high:
        return "exceeded"
    return "achieved" if got >= target.low else "not-achieved"


def _assess_about(value: Decimal, got: Decimal) -> str:
    """An "about" target: achieved within ±10 % of its value, else exceeded or not achieved."""
    margin = abs(value) / 10
    if got > value + margin:
        return "exceeded"
    return "achieved" if got >= value - margin else "not-achieved"


def trend(previous: Measure | None, new: Measure | None) -> str:
    """How a target moved from one period to the next: "new", "dropped", "↑", "=", "↓" or "≠".

    "new" when there was no previous target (even if there is no new one either), "dropped"
    when there is no new one, "≠" when the two count different things; otherwise the upper
    bounds are compared.
    """
    if previous is None:
        return "new"
    if new is None:
        return "dropped"
    if not comparable(previous, new):
        return "≠"
    if new.high > previous.high:
        return "↑"
    return "=" if new.high == previous.high else "↓"
