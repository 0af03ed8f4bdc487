"""English translations speak English numbers: their figures are checked against the source.

`check(raw_documents, site, translations)` returns a warning (ContentError at the translated
field's line) for each English text that
- writes a number the Vietnamese way: grouped with dots ("10.000", "3.600") or with a decimal
  comma ("2,5"), in any field or in the body;
- in a target or result text, leaves out a figure the Vietnamese source states (a translation
  saying 2,000 where the source says 3.600), or states a number the source does not have;
- in a target or result text, keeps the Vietnamese leading zero of a figure ("at least 05
  members", "01-02 times/year"); a document's number keeps its form ("Resolution 01").

English writes numbers with comma grouping and a decimal point (10,000; 2.5); "billion",
"million" and "thousand" multiply as "tỷ", "triệu", "nghìn" do; "one" … "twenty" count as their
numbers. Source figures are what `numbers.parse` reads; leading zeros do not matter (05 = 5).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from vankien import figure_messages, numbers
from vankien.errors import ContentError
from vankien.measure import to_decimal

# Numbers written the Vietnamese way: grouped with dots ("10.000") or with a decimal comma ("2,5").
# Both open a run of digits not preceded by a digit, ".", "," or "/", and never overlap ("." or ","
# ends the run): one pass finds both. The pattern starts with the digit and looks behind it (not
# before it), so the regex engine skips ahead to the next digit instead of trying every character.
VIETNAMESE_FORM = re.compile(
    r"\d(?<![\d.,/]\d)(?:(?P<grouped>\d{0,2}(?:\.\d{3})+(?![\d/]|\.\d))|(?P<comma>\d*,(?:\d{1,2}|\d{4,})(?![\d/])))"
)
ENGLISH_NUMBER = re.compile(r"(?<![\d.,/\w])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(billion|million|thousand))?")
LEADING_ZERO = re.compile(r"(?<![\d.,/:\w])0\d+(?![\d/:]|[.,]\d|-[^\W\d_])")
DOCUMENT_BEFORE = re.compile(
    r"\b(?:Resolution|Directive|Conclusion|Decision|Plan|Programme|Program|Circular|Decree|Instruction|No\.|"
    r"Number|Article|Clause|Document)\s+$"
)
VIETNAMESE_NUMBER = re.compile(r"(?<![\d.,/\w])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?")
SCALES = {"billion": 10**9, "million": 10**6, "thousand": 10**3}
WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
WORDS += "seventeen eighteen nineteen twenty"
NUMBER_WORDS = {word: n for n, word in enumerate(WORDS.split(), start=1)}


def english_numbers(text: str) -> set[Decimal]:
    """Every number an English text states (scaled ones both as written and multiplied)."""
    found = set()
    for match in ENGLISH_NUMBER.finditer(text):
        try:
            value = Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))
        except InvalidOperation:
            continue
        found.add(value)
        if match.group(3):
            found.add(value * SCALES[match.group(3)])
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in NUMBER_WORDS:
            found.add(Decimal(NUMBER_WORDS[word]))
    return {value.normalize() for value in found}


def source_numbers(text: str) -> set[Decimal]:
    """Every number a Vietnamese text writes in digits, and every figure `numbers.parse` reads."""
    found = set()
    for match in VIETNAMESE_NUMBER.finditer(text):
        found.add(to_decimal(match.group(0)))
    for measure in numbers.parse(text):
        found.update(v for v in (measure.value, measure.value_max, measure.of) if v is not None)
    return {value.normalize() for value in found}


def figures_differ(source: str, english: str) -> tuple[list[Decimal], list[Decimal]]:
    """(figures of the source missing from the English text, English numbers not in the source)."""
    stated = english_numbers(english)
    figures = {v.normalize() for m in numbers.parse(source) for v in (m.value, m.value_max, m.of) if v is not None}
    missing = sorted(v for v in figures if v not in stated)
    known = source_numbers(source)
    extra = sorted(v for v in stated if v not in known and not _scaled_part(v, stated))
    return missing, extra


def _scaled_part(value: Decimal, stated: set[Decimal]) -> bool:
    """ "5 billion" also yields 5: that 5 is not an extra number when 5·10⁹ is there."""
    return any(value * scale in stated for scale in SCALES.values())


def vietnamese_numbers(text: str) -> list[tuple[int, str, str]]:
    """(offset, as written, English form) of each number written the Vietnamese way in `text`."""
    found = []
    for match in VIETNAMESE_FORM.finditer(text):
        written = match.group()
        found.append(
            (match.start(), written, written.replace(".", ",") if match.group("grouped") else written.replace(",", "."))
        )
    return sorted(found)


def leading_zeros(source: str, english: str) -> list[tuple[int, str, str]]:
    """(offset, as written, English form) of each number of `english` written with a leading zero
    ("05") whose value is a figure `numbers.parse` reads in `source` (so "Resolution 01", a
    reference in the source, is left alone)."""
    figures = {v for m in numbers.parse(source) for v in (m.value, m.value_max, m.of) if v is not None}
    found = []
    for match in LEADING_ZERO.finditer(english):
        if Decimal(match.group()) in figures and not DOCUMENT_BEFORE.search(english, 0, match.start()):
            found.append((match.start(), match.group(), match.group().lstrip("0") or "0"))
    return found


def _format(values: list[Decimal]) -> str:
    return ", ".join(f"{v:,f}" for v in values) or "—"


def check(raw_documents, site, translations: dict) -> list[ContentError]:
    """Warnings for the English translations' numbers (see the module docstring)."""
    records = {r.path: r for r in raw_documents}
    documents = {d.key: d for d in site.documents}
    warnings: list[ContentError] = []
    for key, translation in translations.items():
        doc, record = documents.get(key), records.get(translation.path)
        if doc is None or record is None or record.data is None:
            continue
        for field, source, english, (line, col), compare in _fields(doc, translation, record):
            if compare:
                missing, extra = figures_differ(source, english)
                if missing or extra:
                    params = {"field": field, "source": _format(missing), "translation": _format(extra)}
                    warnings.append(
                        ContentError(record.path, line, col, figure_messages.TRANSLATION_FIGURES_DIFFER, params)
                    )
                for _, written, fixed in leading_zeros(source, english):
                    params = {"field": field, "number": written, "english": fixed}
                    warnings.append(
                        ContentError(record.path, line, col, figure_messages.TRANSLATION_LEADING_ZERO, params)
                    )
            for offset, written, fixed in vietnamese_numbers(english):
                at_line = line + english.count("\n", 0, offset)
                params = {"field": field, "number": written, "english": fixed}
                warnings.append(
                    ContentError(record.path, at_line, col, figure_messages.TRANSLATION_VIETNAMESE_NUMBER, params)
                )
    return warnings


def _fields(doc, translation, record):
    """(field name, Vietnamese, English, (line, col), compare figures?) of every translated text."""
    data = record.data
    at = getattr(data, "key_pos", {})
    for name in ("title", "theme", "signature"):
        english = getattr(translation, name)
        if english:
            yield name, getattr(doc, name) or "", english, at.get(name, (1, 1)), False
    targets = {t.id: t.text for t in doc.targets}
    positions = getattr(data.get("targets"), "key_pos", {})
    for target_id, english in translation.targets.items():
        yield f"targets.{target_id}", targets.get(target_id, ""), english, positions.get(target_id, (1, 1)), True
    results = {r.id: r for r in doc.results}
    entries = data.get("results") or {}
    for result_id, texts in translation.results.items():
        positions = getattr(entries.get(result_id), "key_pos", {})
        result = results.get(result_id)
        if result is None:
            continue  # an id the document does not have: i18n reports it
        for name, english in texts.items():
            source = {"target": result.target, "result": result.result, "assessment_text": result.assessment_text}
            where = positions.get(name, (1, 1))
            yield f"results.{result_id}.{name}", source.get(name) or "", english, where, name != "assessment_text"
    if translation.has_body:
        yield "body", "", translation.body, (record.body_line, 1), False  # not compared: no need to read the source
