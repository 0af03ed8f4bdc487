"""Template filters: one do_* function each, one docstring each, one registry (FILTERS)."""

from __future__ import annotations

import datetime
import functools

from babel.dates import format_date
from markupsafe import Markup, escape

from vankien import folding, numberformat, numbers
from vankien.model import Period, Text
from vankien.vocabulary import ASSESSMENTS, KINDS, LEVELS, TRENDS


def do_label(value: Text | None, lang: str = "vi") -> str:
    """The label in `lang`, Vietnamese when no translation exists."""
    return value.get(lang) if value else ""


def do_date(value: datetime.date | None, lang: str = "vi") -> str:
    """A full date: `ngày 26 tháng 4 năm 2017` / `26 April 2017`."""
    if value is None:
        return ""
    if lang == "vi":
        return format_date(value, "'ngày' d 'tháng' M 'năm' y", locale="vi")
    return format_date(value, "d MMMM y", locale="en")


@functools.lru_cache(maxsize=1024)  # a site has few periods, shown on every row of its tables
def do_period(value: Period | None, lang: str = "vi", inline: bool = False) -> str:
    """`Nhiệm kỳ VI (2022–2027)`, `Năm 2023` / `Term VI (2022–2027)`, `Year 2023`;
    `inline` starts with a small letter, for use inside a sentence (`nhiệm kỳ VI …`)."""
    if value is None:
        return ""
    if value.is_year:
        word, rest = ("Năm" if lang == "vi" else "Year"), str(value.start)
    else:
        span = f"{value.start}–{value.end}"
        word = "Nhiệm kỳ" if lang == "vi" else "Term"
        rest = f"{value.term} ({span})" if value.term else span
    if inline:
        word = word[0].lower() + word[1:]
    return f"{word} {rest}"


def do_level(key: str, lang: str = "vi") -> str:
    return LEVELS[key].get(lang)


def do_kind(key: str, lang: str = "vi") -> str:
    return KINDS[key].get(lang)


def do_assessment(key: str, lang: str = "vi") -> str:
    return ASSESSMENTS[key].get(lang)


def do_measure(value, lang: str = "vi") -> Markup:
    """A parsed figure for a table cell, with whom a percentage counts: `≥ 7 đoàn viên`, `10.000 lượt`,
    `100% cán bộ Đoàn, đoàn viên`; on English pages `80% of young people`, and a unit or subject the
    site has no English for marked `lang="vi"` (`4 <span lang="vi">ấp</span>`)."""
    if value is None:
        return Markup("")
    # what the HTML shows, not the whole figure (its words, `raw`, differ from text to text):
    # a figure is shown on its document, embed, organization and topic pages, "100%" in thousands
    key = (value.op, value.value, value.value_max, value.unit, value.subject, value.of, lang)
    html = _MEASURES.get(key)
    if html is None:
        if len(_MEASURES) >= 1 << 14:
            _MEASURES.clear()
        html = _MEASURES[key] = _measure_html(value, lang)
    return html


_MEASURES: dict[tuple, Markup] = {}  # {what a figure's HTML shows: its HTML}


def _measure_html(value, lang: str) -> Markup:
    number, unit, unit_vi = numberformat.format_parts(value, lang)
    parts = [escape(number)]
    if unit:
        parts.append(Markup('<span lang="vi">{}</span>').format(unit) if unit_vi else escape(unit))
    subject = do_subject(value, lang)
    if subject:
        tag = (
            '<span class="figure-subject" lang="vi">{}</span>'
            if lang == "en"
            else '<span class="figure-subject">{}</span>'
        )
        parts.append(Markup(tag).format(subject))
    return Markup(" ").join(parts)


def do_subject(value, lang: str = "vi") -> str:
    """A percentage's subject to show beside it in Vietnamese ("thanh niên"), or "" when the figure
    already says it in the page's language ("80% of young people")."""
    if value is None or not value.subject or (lang == "en" and numbers.subject_en(value.subject)):
        return ""
    return value.subject


def do_unit(value: str, lang: str = "vi") -> str:
    """A canonical unit in `lang`: `đoàn viên` / `members` (Vietnamese where no English name exists)."""
    return (numberformat.unit_en(value) or value) if lang == "en" else value


def do_trend(symbol: str | None, lang: str = "vi") -> str:
    """The word for a change between periods: `↓ giảm`, `mới`, `bỏ`…"""
    return TRENDS[symbol].get(lang) if symbol in TRENDS else ""


def do_upper(value: str) -> str:
    """Upper case that keeps `&` and Vietnamese letters right (ĐOÀN KHỐI …)."""
    return value.upper()


def do_text_id(value: str) -> str:
    """An id made from Vietnamese text that no other text shares (folding.text_id)."""
    return folding.text_id(value)


FILTERS = {
    "label": do_label,
    "date": do_date,
    "period": do_period,
    "level": do_level,
    "kind": do_kind,
    "assessment": do_assessment,
    "upper_vi": do_upper,
    "measure": do_measure,
    "subject": do_subject,
    "unit": do_unit,
    "trend": do_trend,
    "text_id": do_text_id,
}
