"""`make import-score`: how much of the hand readings the importer finds.

Imports every document of SHARED/realdocs (hand readings in INDEX.yaml: header fields, targets,
results, figures) and the three SHARED/seeds (hand readings = the hand-made content files in
content/documents) and prints, per document and in total, the share found of:

- targets: hand targets and results found among the imported targets and results, one to one (a
  hand entry is found when an imported entry of the same kind holds at least 80 % of its words and
  no better-covered hand entry took it); "merged" counts imported entries holding several hand
  entries, "extra" those holding none (both lower the precision printed under the table);
- figures: the hand figures ([value, unit] or [low, high, unit]) of those entries that
  numbers.parse finds in the imported entry's text (same value(s); unit: "%" or the first word);
- header: the header fields of INDEX.yaml (number, place, date, title, issuer lines) read right.

Usage: python -m vankien.importscore [SHARED]   (default: ../shared beside the project)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from vankien import importer, numbers

ROOT = Path(__file__).resolve().parent.parent
SEED_CONTENT = {
    "so-tttt-tphcm-dai-hoi-2022.txt": "so-tttt-tphcm/dai-hoi-2022",
    "chi-doan-so-tttt-ha-tinh-dai-hoi-2022.txt": "chi-doan-so-tttt-ha-tinh/dai-hoi-2022",
    "quan-doan-binh-tan-chuong-trinh-2023.txt": "quan-doan-binh-tan/chuong-trinh-2023",
}


def words(text: str) -> list[str]:
    """The words of `text`, folded for comparison (NFC, case, surrounding punctuation)."""
    text = unicodedata.normalize("NFC", str(text)).casefold().replace("…", " ")
    return [w.strip(".,;:()“”\"'*") for w in text.split() if w.strip(".,;:()“”\"'*-–")]


def _norm(text) -> str:
    return " ".join(words(text or ""))


def covers(mine: str, hand: str) -> float:
    """The share of the hand text's words that the imported text holds."""
    have = words(mine)
    wanted = words(hand)
    if not wanted:
        return 0.0
    return sum(1 for w in wanted if w in have) / len(wanted)


def _figure_found(figure: list, text: str) -> bool:
    *values, unit = figure
    for measure in numbers.parse(text):
        if measure.value != Decimal(str(values[0])):
            continue
        if len(values) == 2 and measure.value_max != Decimal(str(values[1])):
            continue
        if unit == "%":
            if "%" in (measure.raw or "") or measure.unit == "%":
                return True
        elif measure.unit and unit.split()[0].split("/")[0].casefold() in measure.unit.casefold():
            return True
    return False


def match(hand: list[str], mine: list[str]) -> dict[int, int]:
    """{hand entry index: imported entry index}, one to one: the pairs where the imported text holds
    ≥ 80 % of the hand text's words, best covered first (ties: the shorter imported text), each
    imported entry taken once, so that several hand entries merged into one count once."""
    pairs = sorted(
        (
            (-covers(text, wanted), len(words(text)), h, m)
            for h, wanted in enumerate(hand)
            for m, text in enumerate(mine)
            if covers(text, wanted) >= 0.8
        ),
    )
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, h, m in pairs:
        if h not in matched and m not in taken:
            matched[h] = m
            taken.add(m)
    return matched


@dataclass
class Score:
    """One kind of entry of one document: hand entries found (one to one), figures found, the
    imported entries holding several hand entries (merged) or none (extra), what was missed."""

    found: int = 0
    entries: int = 0
    figures_found: int = 0
    figures: int = 0
    merged: int = 0
    extra: int = 0
    missed: list[str] = field(default_factory=list)


def score_entries(hand: list[dict], mine: list[str]) -> Score:
    """How the imported entries `mine` (texts) read the hand entries of one kind."""
    score = Score(entries=len(hand))
    matched = match([entry["text"] for entry in hand], mine)
    for index, entry in enumerate(hand):
        best = mine[matched[index]] if index in matched else None
        score.found += best is not None
        for figure in entry.get("figures") or []:
            score.figures += 1
            if best is not None and _figure_found(figure, best):
                score.figures_found += 1
            else:
                score.missed.append(f"figure {figure} of “{entry['text'][:50]}”")
        if best is None:
            score.missed.append(f"entry “{entry['text'][:70]}”")
    for index, text in enumerate(mine):
        holds = [entry["text"] for entry in hand if covers(text, entry["text"]) >= 0.8]
        if len(holds) >= 2:
            score.merged += 1
            score.missed.append(f"merged: {len(holds)} hand entries in one imported “{text[:70]}”")
        elif index not in matched.values():  # no hand entry, or one another imported entry holds better
            score.extra += 1
            score.missed.append(f"extra: imported “{text[:70]}” is no hand entry")
    return score


def score_header(header: dict | None, front: dict) -> tuple[int, int, list[str]]:
    """(fields right, fields in the hand reading, what was missed) for one INDEX.yaml header."""
    if not header:
        return 0, 0, []
    checks = {
        "number": lambda h: re.sub(r"[\s\-–]", "", h) == re.sub(r"[\s\-–]", "", front.get("number") or ""),
        "place": lambda h: _norm(h) == _norm(front.get("place")),
        "date": lambda h: str(h) == str(front.get("issued")),
        "title": lambda h: _norm(h) == _norm(front.get("title")),
        "issuer_lines": lambda h: _norm(" ".join(x.replace("|", " ") for x in h if x.strip("*| ")))
        == _norm(" ".join(front.get("issuer", []))),
    }
    found = total = 0
    missed = []
    for key, check in checks.items():
        hand = header.get(key)
        if not hand:
            continue
        total += 1
        if check(hand):
            found += 1
        else:
            field = {"date": "issued", "issuer_lines": "issuer"}.get(key, key)
            missed.append(f"{key}: hand {hand!r}, imported {front.get(field)!r}")
    return found, total, missed


def _seed_readings(doc: str) -> tuple[list[dict], list[dict]]:
    """The hand-made content's targets and results, with the figures numbers.parse reads in them."""
    text = (ROOT / "content/documents" / f"{doc}.vi.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n", 2)[1])

    def figures(text: str) -> list[list]:
        out = []
        for m in numbers.parse(text):
            unit = "%" if "%" in (m.raw or "") else (m.unit or "")
            if unit:
                out.append([m.value] + ([m.value_max] if m.value_max is not None else []) + [unit])
        return out

    targets = [{"text": t["text"], "figures": figures(t["text"])} for t in front.get("targets") or []]
    results = [{"text": r["target"], "figures": figures(r["target"])} for r in front.get("results") or []]
    return targets, results


def _seed_topics(shared: Path) -> tuple[int, int]:
    """(suggested topics equal to the hand-made ones, hand-made entries) over the three seeds."""
    topics = importer.project_topics(ROOT)
    agree = total = 0
    for seed, doc in SEED_CONTENT.items():
        imported = importer.import_file(shared / "seeds" / seed, topics=topics)
        hand = yaml.safe_load(
            (ROOT / "content/documents" / f"{doc}.vi.md").read_text(encoding="utf-8").split("---\n", 2)[1]
        )
        mine = [e.get("topic") for e in imported.targets] + [e.get("topic") for e in imported.results]
        theirs = [e.get("topic") for e in hand.get("targets") or []] + [
            e.get("topic") for e in hand.get("results") or []
        ]
        agree += sum(1 for a, b in zip(mine, theirs, strict=False) if a == b)
        total += len(theirs)
    return agree, total


def main(argv: list[str]) -> int:
    """Print the score table; argv: [SHARED folder]. Exit 0 (the numbers are for reading)."""
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    index = yaml.safe_load((shared / "realdocs/INDEX.yaml").read_text(encoding="utf-8"))
    documents = [
        (shared / "realdocs" / d["file"], d.get("targets") or [], d.get("results") or [], d.get("header"))
        for d in index["documents"]
    ]
    for seed, doc in SEED_CONTENT.items():
        targets, results = _seed_readings(doc)
        documents.append((shared / "seeds" / seed, targets, results, None))
    totals = [0] * 8
    print(f"{'document':62} {'targets':>9} {'figures':>9} {'header':>9} {'merged':>7} {'extra':>6}")
    problems = []
    for path, targets, results, header in documents:
        imported = importer.import_file(path)
        t = score_entries(targets, [e["text"] for e in imported.targets])
        r = score_entries(results, [f"{e['target']} {e.get('result', '')}" for e in imported.results])
        h = score_header(header, imported.front)
        row = [t.found + r.found, t.entries + r.entries, t.figures_found + r.figures_found, t.figures + r.figures]
        row += [h[0], h[1], t.merged + r.merged, t.extra + r.extra]
        totals = [a + b for a, b in zip(totals, row, strict=False)]
        print(
            f"{path.name[:62]:62} {row[0]:>4}/{row[1]:<4} {row[2]:>4}/{row[3]:<4} {row[4]:>4}/{row[5]:<4}"
            f" {row[6]:>7} {row[7]:>6}"
        )
        problems += [f"  {path.name[:40]}: {m}" for m in t.missed + r.missed + h[2]]
    print(
        f"{'TOTAL':62} {totals[0]:>4}/{totals[1]:<4} {totals[2]:>4}/{totals[3]:<4} {totals[4]:>4}/{totals[5]:<4}"
        f" {totals[6]:>7} {totals[7]:>6}"
    )
    print(
        "found: "
        + ", ".join(
            f"{name} {100 * a / b:.1f} %"
            for name, a, b in zip(("targets", "figures", "header fields"), totals[:6:2], totals[1:6:2], strict=False)
            if b
        )
        + f"; all together {100 * sum(totals[:6:2]) / max(1, sum(totals[1:6:2])):.1f} %"
    )
    imported_entries = totals[0] + totals[6] + totals[7]
    print(
        f"imported entries: {imported_entries}, of which {totals[0]} are one hand entry each, {totals[6]} merge "
        f"several (each hand entry counted once), {totals[7]} are none (extra); "
        f"precision {100 * totals[0] / max(1, imported_entries):.1f} %"
    )
    agree, suggested = _seed_topics(shared)
    print(f"topics suggested for the seeds' targets and results: {agree}/{suggested} as the hand-made files (guesses)")
    if problems:
        print("missed:")
        print("\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
