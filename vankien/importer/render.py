"""An `Imported` document → the content file's text (YAML front matter + Markdown body), and the
one-line summary the `import` command prints.

Guessed fields carry a `# ĐOÁN / GUESS` comment and are listed under `guesses:`; the validator
refuses the file while that list names anything, so nothing guessed is published unchecked.
"""

from __future__ import annotations

import re

GUESS = "  # ĐOÁN / GUESS"
ORDER = ("kind", "title", "number", "issued", "place", "theme", "period", "reviews")


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _block(key: str, lines: list[str], indent: str = "") -> list[str]:
    return [f"{indent}{key}: |"] + [f"{indent}  {line}" for line in lines]


def render(result) -> str:
    """The content file's text."""
    front, guessed = result.front, set(result.guesses)
    out = ["---", "# Nhập tự động (build.py import). Kiểm tra các trường ghi “ĐOÁN / GUESS”, rồi xoá tên chúng"]
    out.append("# khỏi danh sách guesses. / Imported: check the fields marked GUESS, then delete them from guesses.")
    for key in ORDER:
        value = front.get(key)
        mark = GUESS if key in guessed else ""
        if value is None:
            if key in ("title", "period"):
                out.append(
                    f"{key}:   # điền / fill in"
                    + (" — {year: 2024} | {term: VI, from: 2022, to: 2027}" if key == "period" else "")
                )
            continue
        plain_value = value if key in ("kind", "period", "reviews", "issued") else _yaml_text(value)
        out.append(f"{key}: {plain_value}{mark}")
    if front.get("draft"):
        out += [f"draft: true  # {' / '.join(front['draft_lines'])}"]
    out += [f"# đầu văn bản / header: {line.strip()}" for line in front.get("header_lines", [])]
    if front.get("issuer"):
        out += ["issuer:"] + [f"  - {_yaml_text(line)}" for line in front["issuer"]]
    if front.get("signature"):
        out += _block("signature", front["signature"])
    if front.get("distribution"):
        out += ["distribution:"] + [f"  - {_yaml_text(line)}" for line in front["distribution"]]
    if result.results:
        out += [f"# bảng kết quả / results table: {header}" for header in front.get("table_headers", [])]
        out.append("results:")
        for entry in result.results:
            out.append(f"  - id: {entry['id']}")
            mark = GUESS if f"results.{entry['id']}.target" in guessed else ""
            out.append(f"    target: {_yaml_text(entry['target'])}{mark}")
            if entry.get("topic"):
                out.append(f"    topic: {entry['topic']}{GUESS}")
            if "result" in entry:
                out.append(f"    result: {_yaml_text(entry['result'])}")
            out.append(f"    assessment: {entry['assessment']}")
            if entry.get("assessment_text"):
                out.append(f"    assessment_text: {_yaml_text(entry['assessment_text'])}")
    if result.targets:
        out.append("targets:")
        for entry in result.targets:
            mark = GUESS if f"targets.{entry['id']}" in guessed else ""
            out.append(f"  - id: {entry['id']}{mark}")
            if entry.get("topic"):
                out.append(f"    topic: {entry['topic']}{GUESS}")
            out.append(f"    text: {_yaml_text(entry['text'])}")
    if result.guesses:
        out += ["guesses:   # đoán / guessed: kiểm tra từng mục rồi xoá dòng của nó / check each, then delete its line"]
        out += [f"  - {_yaml_text(guess) if ':' in guess else guess}" for guess in result.guesses]
    out.append("---")
    body = "\n".join(result.body).strip() + "\n"
    return "\n".join(out) + "\n" + re.sub(r"\n{3,}", "\n\n", body)


def summary(result) -> str:
    """What was found and what to check, in one paragraph (vi / en)."""
    text = (
        f"{result.headings} mục / sections, {len(result.targets)} chỉ tiêu / targets, "
        f"{len(result.results)} kết quả / results, {len(result.footnotes)} chú thích / footnotes"
    )
    found = [
        key for key in ("number", "issued", "place", "theme", "signature", "distribution") if result.front.get(key)
    ]
    if found:
        text += "; đầu/cuối văn bản / header and closing: " + ", ".join(found)
    if result.guesses:
        text += "\nĐoán / guessed (check, then delete from guesses): " + ", ".join(result.guesses)
    for note in result.notes:
        text += f"\n{note}"
    return text
