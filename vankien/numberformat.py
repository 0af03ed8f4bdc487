"""Writing a measure for a table cell, in Vietnamese or English."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from babel.numbers import format_decimal

from vankien.measure import Measure
from vankien.units import UNITS, UNITS_EN

DISPLAY_SCALES = {"vi": (("tỷ", 10**9), ("triệu", 10**6)), "en": (("billion", 10**9), ("million", 10**6))}
OP_PREFIX = {"=": "", "range": "", "≥": "≥ ", ">": "> ", "<": "< ", "~": "~ ", "≤": "≤ "}


@functools.lru_cache(maxsize=1 << 14)  # measures are frozen; pages show the same ones many times
def format_value(measure: Measure, lang: str = "vi") -> str:
    """The measure for a table cell: "≥ 7 đoàn viên", "30–40 suất quà", "100%", "5 tỷ đồng".

    Numbers are grouped for `lang` ("10.000" in vi, "10,000" in en); a value in whole or
    two-decimal millions or billions keeps its scale word ("2,5 triệu đồng"). Units are in
    `lang` (English names in UNITS_EN), Vietnamese where no translation exists.
    """
    number, unit, _ = format_parts(measure, lang)
    return " ".join(filter(None, (number, unit)))


@functools.lru_cache(maxsize=1 << 14)
def format_parts(measure: Measure, lang: str = "vi") -> tuple[str, str, bool]:
    """(number, unit, unit_in_vietnamese) of `format_value`: "≥ 7", "đoàn viên", False on a
    Vietnamese page; on an English page the unit is English ("members"), or the Vietnamese noun
    with True when the site knows no English for it (pages mark it `lang="vi"`). A percentage's
    unit is "" or its English subject ("of young people")."""
    locale = "en" if lang == "en" else "vi"
    scale_word, divisor = _display_scale(measure, locale)
    number = _format_number(measure.value / divisor, locale)
    if measure.of is not None:
        number += "/" + _format_number(measure.of / divisor, locale)
    if measure.value_max is not None:
        number += "–" + _format_number(measure.value_max / divisor, locale)
    number = " ".join(filter(None, [OP_PREFIX.get(measure.op, "") + number, scale_word]))
    if measure.unit == "%":
        who = subject_en(measure.subject) if lang == "en" else None
        return number + "%", f"of {who}" if who else "", False
    if lang != "en" or not measure.unit:
        return number, measure.unit or "", False
    english = unit_en(measure.unit)
    if english is None:
        return number, measure.unit, True
    if measure.value == 1 and measure.value_max is None:
        english = _singular(english)
    return number, english, False


PER_EN = {"năm": "year", "tháng": "month", "quý": "quarter", "tuần": "week", "học kỳ": "semester"}


def unit_en(unit: str) -> str | None:
    """A canonical unit in English: UNITS_EN, or a rate of two known words ("đoàn viên ưu tú/năm" →
    "outstanding members/year", "đồng/suất" → "dong/portion"); None when the site knows no English."""
    if unit in UNITS_EN:
        return UNITS_EN[unit]
    base, _, per = unit.partition("/")
    if not per or base not in UNITS_EN:
        return None
    per_en = PER_EN.get(per) or (_singular(UNITS_EN[per]) if per in UNITS_EN else None)
    return f"{UNITS_EN[base]}/{per_en}" if per_en else None


def subject_en(subject: str | None) -> str | None:
    """A percentage's subject in English when every part of it is a known unit ("cán bộ Đoàn, đoàn
    viên" → "cadres and members", "thanh niên" → "young people"), else None (shown in Vietnamese)."""
    if not subject:
        return None
    parts = [p.strip().lower() for p in re.split(r",|\bvà\b", subject) if p.strip()]
    names = []
    for part in parts:
        canonical = next((unit for words, unit in UNITS if part == words), None)
        if canonical is None or canonical not in UNITS_EN:
            return None
        if UNITS_EN[canonical] not in names:
            names.append(UNITS_EN[canonical])
    return " and ".join(names) if names else None


def _singular(unit: str) -> str:
    """`1 activities` reads `1 activity`: the English unit for a count of one. The noun that
    takes the plural is the first word before "of" ("units of blood"), else the last."""
    if unit == "times/year":
        return "time/year"
    words = unit.split(" ")
    at = 0 if "of" in words else len(words) - 1
    for plural, single in (("ies", "y"), ("ches", "ch"), ("sses", "ss"), ("s", "")):
        if words[at].endswith(plural) and words[at] not in ("đồng", "series"):
            words[at] = words[at][: -len(plural)] + single
            break
    return " ".join(words)


def _display_scale(measure: Measure, locale: str) -> tuple[str, int]:
    """The largest scale word (tỷ, triệu) in which every bound has at most two decimals."""
    if measure.unit == "%":
        return "", 1
    bounds = [measure.value] + ([measure.value_max] if measure.value_max is not None else [])
    for word, divisor in DISPLAY_SCALES[locale]:
        if measure.high >= divisor and all((bound * 100 / divisor) % 1 == 0 for bound in bounds):
            return word, divisor
    return "", 1


def _format_number(value: Decimal, locale: str) -> str:
    """A number with the locale's grouping and decimal mark, all its decimals kept."""
    return format_decimal(_whole(Decimal(value)), locale=locale, decimal_quantization=False)


def _whole(value: Decimal) -> Decimal:
    """2500000.0 → 2500000: no spurious decimals."""
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()
