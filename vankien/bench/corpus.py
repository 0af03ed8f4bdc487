"""A corpus of any size made from the example content, for benchmarks (never for tests' answers).

`generate(dest, documents=1000, seed=1)` writes a complete project into `dest`: config.yaml,
content/ (organizations in a tree of varied levels and provinces, topics, documents and most
of their English translations) and symbolic links to the source project's templates/, static/
and node_modules/. Every document is a copy of one of the three example documents with its own
organization, period, title and varied text (words swapped, figures changed), so search indexes
and caches see distinct pages. The corpus is valid: `build.py --root DEST check` passes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
PROVINCES = [
    ("Hà Nội", "Ha Noi"),
    ("TP. Hồ Chí Minh", "Ho Chi Minh City"),
    ("Hà Tĩnh", "Ha Tinh"),
    ("Nghệ An", "Nghe An"),
    ("Đà Nẵng", "Da Nang"),
    ("Cần Thơ", "Can Tho"),
    ("Hải Phòng", "Hai Phong"),
    ("Quảng Ninh", "Quang Ninh"),
    ("Thừa Thiên Huế", "Thua Thien Hue"),
    ("Đắk Lắk", "Dak Lak"),
    ("Lâm Đồng", "Lam Dong"),
    ("An Giang", "An Giang"),
    ("Bình Dương", "Binh Duong"),
    ("Đồng Nai", "Dong Nai"),
    ("Thanh Hóa", "Thanh Hoa"),
    ("Quảng Nam", "Quang Nam"),
]
PLACES = ["Bình Minh", "Hòa Bình", "Tân Phú", "An Lạc", "Phú Lợi", "Long Điền", "Đông Hà", "Hưng Thịnh", "Quang Trung"]
UNITS = ["Sở Y tế", "Sở Giáo dục", "Bưu điện", "Điện lực", "Trường THPT", "Bệnh viện", "Công ty Cấp nước", "Ngân hàng"]
# Which example document each kind is made from.
SOURCES = {
    "congress-report": ["so-tttt-tphcm/dai-hoi-2022", "chi-doan-so-tttt-ha-tinh/dai-hoi-2022"],
    "annual-program": ["quan-doan-binh-tan/chuong-trinh-2023"],
}
EXAMPLE = Path(__file__).resolve().parents[2]


@dataclass
class _Org:
    id: str
    vi: str
    en: str
    level: str
    parent: str | None
    province: tuple[str, str] | None


def _organizations(count: int, rng: random.Random) -> list[_Org]:
    """A tree: the Central Youth Union, provinces, their districts and blocs, then grassroots units."""
    orgs = [
        _Org("trung-uong-doan", "Trung ương Đoàn TNCS Hồ Chí Minh", "Central Youth Union", "trung-uong", None, None)
    ]
    provinces = PROVINCES[: max(2, min(len(PROVINCES), count // 40 + 2))]
    middle = []
    for index, (vi, en) in enumerate(provinces):
        org_id = f"tinh-doan-{index}"
        orgs.append(_Org(org_id, f"Tỉnh Đoàn {vi}", f"{en} Provincial Youth Union", "tinh-thanh", orgs[0].id, (vi, en)))
        middle.append(orgs[-1])
    while len(orgs) < count:
        parent = rng.choice(middle)
        number = len(orgs)
        place = rng.choice(PLACES)
        if len(middle) < count // 6:
            level, vi, en = "quan-huyen", f"Quận Đoàn {place} {number}", f"{place} {number} District Youth Union"
            if rng.random() < 0.3:
                level, vi, en = "doan-khoi", f"Đoàn Khối {place} {number}", f"{place} {number} Bloc Youth Union"
            org = _Org(f"doan-{number}", vi, en, level, parent.id, parent.province)
            middle.append(org)
        else:
            unit = rng.choice(UNITS)
            level = rng.choice(["doan-co-so", "chi-doan"])
            label = "Đoàn cơ sở" if level == "doan-co-so" else "Chi đoàn"
            org = _Org(
                f"co-so-{number}",
                f"{label} {unit} {place} {number}",
                f"{unit} {number} Youth Union",
                level,
                parent.id,
                parent.province,
            )
        orgs.append(org)
    return orgs


def _org_yaml(org: _Org) -> str:
    lines = [f"name:\n  vi: {org.vi}\n  en: {org.en}", f"level: {org.level}"]
    if org.parent:
        lines.append(f"parent: {org.parent}")
    if org.province:
        lines.append(f"province:\n  vi: {org.province[0]}\n  en: {org.province[1]}")
    return "\n".join(lines) + "\n"


VARIED_FIELDS = ("text", "target", "result")
_FIGURE = re.compile(r"(?<![\d/.,])(\d{1,3}(?:\.\d{3})+|\d{2,4})(?![\d/%.,]|\s*%)")


def _vary(text: str, rng: random.Random, words: list[str], front: bool = False) -> str:
    """Change figures (same number of digits) and swap about one word in twelve of the body; in
    front matter (`front`), only the figures of targets and results change: a swapped word there
    could turn a figure's counted noun into another word and leave a `measure: N` choice pointing
    at no figure."""

    def figure(match: re.Match) -> str:
        digits = match.group(0)
        if re.fullmatch(r"(19|20)\d\d", digits):
            return digits  # years stay plausible
        return "".join(rng.choice("123456789") if c.isdigit() else c for c in digits)

    out = []
    for line in text.split("\n"):
        key = line.strip().split(":", 1)[0]
        if line.startswith(("#", "[[", "|")) or not line.strip() or (front and key not in VARIED_FIELDS):
            out.append(line)
            continue
        line = _FIGURE.sub(figure, line)
        tokens = line.split(" ")
        for i in range(len(tokens)):
            if not front and rng.random() < 1 / 12 and tokens[i].isalpha():
                tokens[i] = rng.choice(words)
        out.append(" ".join(tokens))
    return "\n".join(out)


def _split(text: str) -> tuple[str, str]:
    """(front matter without its --- lines, body) of a content file."""
    _, front, body = text.split("---\n", 2)
    return front, body


def _set_line(front: str, key: str, value: str) -> str:
    """Replace a top-level `key: …` line of YAML front matter (and any block that follows it)."""
    lines, out, skipping = front.split("\n"), [], False
    for line in lines:
        if skipping and (line.startswith(" ") or not line):
            continue
        skipping = False
        if line.startswith(f"{key}:"):
            out.append(f"{key}: {value}")
            skipping = line.rstrip().endswith("|")
            continue
        out.append(line)
    return "\n".join(out)


def generate(dest: Path, documents: int, seed: int = 1, source: Path = EXAMPLE) -> Path:
    """Write a project of `documents` documents into `dest` (replaced if it exists); returns `dest`.

    About three documents per organization (a congress report and annual programs of several
    years), 70 % of them translated; the same (documents, seed) gives the same files."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    content = dest / "content"
    (content / "organizations").mkdir(parents=True)
    shutil.copy(source / "content/topics.yaml", content / "topics.yaml")
    shutil.copy(source / "config.yaml", dest / "config.yaml")
    for name in ("templates", "static", "node_modules"):
        (dest / name).symlink_to(source / name)
    examples = {
        key: (
            (source / f"content/documents/{key}.vi.md").read_text(encoding="utf-8"),
            (source / f"content/documents/{key}.en.md").read_text(encoding="utf-8"),
        )
        for keys in SOURCES.values()
        for key in keys
    }
    words = sorted({w for vi, _ in examples.values() for w in _split(vi)[1].split() if w.isalpha() and len(w) > 2})
    orgs = _organizations(max(2, documents // 3 + 1), rng)
    for org in orgs:
        (content / "organizations" / f"{org.id}.yaml").write_text(_org_yaml(org), encoding="utf-8")
    publishing = [o for o in orgs if o.level != "trung-uong"]
    for number in range(documents):
        org = publishing[number % len(publishing)]
        kind = "congress-report" if number // len(publishing) % 3 == 0 else "annual-program"
        vi, en = examples[rng.choice(SOURCES[kind])]
        front, body = _split(vi)
        if kind == "congress-report":
            start = 2012 + 5 * (number // len(publishing) // 3 % 3) + rng.randint(0, 2)
            term = ROMAN[rng.randint(1, len(ROMAN) - 1)]
            previous = ROMAN[ROMAN.index(term) - 1]
            doc_id = f"dai-hoi-{start}-{number}"
            title = f"Báo cáo Đại hội {org.vi} lần thứ {term}, nhiệm kỳ {start} - {start + 5}"
            front = _set_line(front, "period", f"{{term: {term}, from: {start}, to: {start + 5}}}")
            front = _set_line(front, "reviews", f"{{term: {previous}, from: {start - 5}, to: {start}}}")
        else:
            year = 2014 + number // len(publishing) + rng.randint(0, 3)
            doc_id = f"chuong-trinh-{year}-{number}"
            title = f"Chương trình công tác Đoàn và phong trào thanh thiếu nhi {org.vi} năm {year}"
            front = _set_line(front, "period", f"{{year: {year}}}")
        front = _set_line(front, "title", f'"{title}"')
        front = _set_line(front, "draft", "false") if "draft:" in front else front
        text = f"---\n{_vary(front, rng, words, front=True)}---\n{_vary(body, rng, words)}"
        folder = content / "documents" / org.id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{doc_id}.vi.md").write_text(text, encoding="utf-8")
        if rng.random() < 0.7:
            version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
            en_front, en_body = _split(en)
            en_front = _set_line(en_front, "source", version)
            en_front = _set_line(en_front, "title", f'"Work documents of {org.en}, number {number}"')
            (folder / f"{doc_id}.en.md").write_text(f"---\n{en_front}---\n{en_body}", encoding="utf-8")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m vankien.bench corpus")
    parser.add_argument("what", choices=["corpus"])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--documents", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.dest.resolve(), args.documents, args.seed)
    print(f"{args.documents} documents in {args.dest}")
