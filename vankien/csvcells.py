"""Cells of a CSV file that spreadsheets open as text, never as formulas.

Excel, LibreOffice and Google Sheets read a cell that starts with `=`, `+`, `-` or `@` (and, in
some versions, a tab or carriage return) as a formula: a target's text like
`=HYPERLINK("http://evil.example/", …)` or `+1+cmd|' /C calc'!A0` would run when a reader opens
`targets.csv`. Such cells get a `'` in front, as OWASP's "CSV Injection" advice says
(https://owasp.org/www-community/attacks/CSV_Injection). Plain numbers (`-5`, `-0.25`) and a
lone operator (`=` in the `op` column) hold no formula and are left as they are. JSON files
keep the exact text: this is only for CSV.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")


def cell(value: object) -> object:
    """`value` as a CSV cell a spreadsheet shows as text: `'` before a formula-starting string."""
    if not isinstance(value, str) or len(value) < 2 or not value.startswith(FORMULA_STARTS):
        return value
    return value if _NUMBER.fullmatch(value) else "'" + value


def row(values: dict) -> dict:
    """A CSV row ({column: value}) with every cell made safe by `cell`."""
    return {column: cell(value) for column, value in values.items()}
