"""The period a document's targets apply to, and the one it reviews, guessed from its wording.

An annual program or a plan with "năm học 2015 - 2016" in its title → {from: 2015, to: 2016}, with
"năm 2024" → {year: 2024}; otherwise the latest
"(lần thứ V,) nhiệm kỳ (VI) (2022 – 2027)" mention is the period and the latest earlier one the
term it reviews. Always a guess: the editor confirms it.
"""

from __future__ import annotations

import re

TERM = re.compile(r"(?:LẦN THỨ\s+([IVX]+)[,\s]+)?NHIỆM KỲ\s+(?:([IVX]+)\s*)?\(?\s*(\d{4})\s*[-–]\s*(\d{4})")
ROMANS = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
SCHOOL_YEAR = re.compile(r"năm học (\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
YEAR = re.compile(r"năm (\d{4})\b(?!\s*[-–]\s*\d{4})", re.IGNORECASE)


def guess(result, lines: list) -> None:
    """Set result.front["period"] (and ["reviews"]) as YAML flow text; add them to the guesses."""
    front = result.front
    title = front.get("title") or ""
    year = YEAR.search(title)
    candidates = [title] + [line for line in lines if isinstance(line, str) and (line.isupper() or _heading(line))]
    terms = [_term(m) for text in candidates for m in TERM.finditer(text.upper())]
    school_year = SCHOOL_YEAR.search(title)
    if front.get("kind") in ("annual-program", "plan") and school_year:
        front["period"] = f"{{from: {school_year.group(1)}, to: {school_year.group(2)}}}"
    elif front.get("kind") in ("annual-program", "plan") and year:
        front["period"] = f"{{year: {year.group(1)}}}"
    elif terms:
        latest = max(terms, key=lambda t: (t[1], t[2]))
        front["period"] = latest[3]
        earlier = [t for t in terms if t[2] <= latest[1] and t[3] != latest[3]]
        if earlier:
            reviewed = max(earlier, key=lambda t: (t[1], t[2]))
            front["reviews"] = reviewed[3]
            result.guesses.append("reviews")
            if latest[0] is None and reviewed[0] and reviewed[2] == latest[1] and ROMANS.index(reviewed[0]) < 19:
                # the term after the reviewed one: "lần thứ I, 2019 - 2022" → 2022 - 2024 is term II
                front["period"] = (
                    f"{{term: {ROMANS[ROMANS.index(reviewed[0]) + 1]}, from: {latest[1]}, to: {latest[2]}}}"
                )
    elif year:
        front["period"] = f"{{year: {year.group(1)}}}"
    if "period" in front:
        result.guesses.append("period")


def _heading(line: str) -> bool:
    from vankien.importer.sections import is_heading, style_of

    text = line.strip()
    return is_heading(text, style_of(text))


def _term(match: re.Match) -> tuple[str | None, int, int, str]:
    """(roman term, from, to, YAML) of one "NHIỆM KỲ VI (2022 – 2027)" mention."""
    roman = match.group(2) or match.group(1)
    start, end = int(match.group(3)), int(match.group(4))
    term = f"term: {roman}, " if roman else ""
    return roman, start, end, f"{{{term}from: {start}, to: {end}}}"
