"""Charts as inline SVG made at build time: no library, no script, a table behind each."""

from __future__ import annotations

from markupsafe import Markup, escape

from vankien.vocabulary import ASSESSMENTS

COLORS = {
    "exceeded": "#0b6b8a",
    "achieved": "#1b7f3b",
    "partly": "#c98a00",
    "in-progress": "#c98a00",
    "not-achieved": "#b3261e",
    "not-assessed": "#8a94a3",
    "unverifiable": "#8a94a3",
}


def stacked_bar(tally: list[tuple[str, int]], lang: str = "vi", width: int = 100, height: int = 14) -> Markup:
    """One horizontal bar split by assessment, scaled to its total; labelled for screen readers."""
    total = sum(count for _, count in tally) or 1
    parts, x = [], 0.0
    for key, count in tally:
        share = width * count / total
        label = f"{ASSESSMENTS[key].get(lang)}: {count}"
        parts.append(
            f'<rect x="{x:.2f}" y="0" width="{share:.2f}" height="{height}" fill="{COLORS[key]}">'
            f"<title>{escape(label)}</title></rect>"
        )
        x += share
    summary = ", ".join(f"{ASSESSMENTS[k].get(lang)}: {c}" for k, c in tally)
    return Markup(
        f'<svg class="bar" viewBox="0 0 {width} {height}" preserveAspectRatio="none" role="img" '
        f'aria-label="{escape(summary)}">{"".join(parts)}</svg>'
    )
