"""Markdown body → safe HTML, a table of contents and stable heading anchors.

One MarkdownIt factory: CommonMark with raw HTML off (editor text can never inject
markup), tables, footnotes, and `[[targets]]` / `[[results]]` lines that mark where
those tables go in the body.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from vankien import anchors, folding

PLACEMENT_LINE = re.compile(r"\[\[(targets|results)\]\]")
_LOOSE_PLACEMENT = re.compile(r"\[\[\s*(targets|results)\s*\]\]", re.IGNORECASE)
_ANY_MARK = re.compile(r"\[\[\s*([^\W\d_][\w -]{0,39}?)\s*\]\]")  # [[word]], [[two words]]: meant as a mark
PLACEHOLDER = "<!--vankien:{}-->"
TOC_DEPTH = 3  # levels of headings shown in the table of contents


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Body:
    html: str
    headings: tuple[Heading, ...]
    footnotes_html: str = ""
    table_levels: dict = field(default_factory=dict)  # {"targets"/"results": level of the table's title}

    @property
    def placements(self) -> frozenset[str]:
        """The tables the body places itself ([[targets]], [[results]])."""
        return frozenset(self.table_levels)

    def table_level(self, what: str) -> int:
        """The heading level a placed table's title takes: one below the section holding it."""
        return self.table_levels.get(what, 2)

    @functools.cached_property  # read for every heading of the list (document.html): made once
    def toc(self) -> tuple[Heading, ...]:
        """The headings worth listing: the top TOC_DEPTH levels the document uses."""
        if not self.headings:
            return ()
        top = min(h.level for h in self.headings)
        return tuple(h for h in self.headings if h.level < top + TOC_DEPTH)


@functools.lru_cache(maxsize=4096)  # headings repeat across documents ("I. NHIỆM VỤ TRỌNG TÂM")
def slugify(text: str, max_words: int = 10) -> str:
    """A readable ASCII anchor: `1.1. Tập trung thực hiện` → `1-1-tap-trung-thuc-hien`."""
    return folding.slug(text, max_words) or "muc"


def stray_placements(line: str) -> list[tuple[int, str]]:
    """[(column, "targets"/"results")] for `[[targets]]`-like marks in a body line that is not a
    placement line (`see [[targets]]`, `[[ Targets ]]`): text the page would print as it is."""
    if "[[" not in line:
        return []  # most lines: no mark of either kind
    if PLACEMENT_LINE.fullmatch(line.strip()) and len(line) - len(line.lstrip(" ")) < 4:
        return []
    return [(m.start() + 1, m.group(1).lower()) for m in _LOOSE_PLACEMENT.finditer(line)]


def unknown_marks(line: str) -> list[tuple[int, str]]:
    """[(column, name)] for `[[name]]` marks in a body line that are no table mark at all
    (`[[target]]`, `[[bang chi tieu]]`): nothing replaces them, the page would print them."""
    return [
        (m.start() + 1, m.group(1))
        for m in _ANY_MARK.finditer(line)
        if m.group(1).strip().lower() not in ("targets", "results")
    ]


def lines_holding(text: str, mark: str):
    """(index from 0, line) of each line of `text` (split at "\\n") that holds `mark`, in order,
    found without walking the other lines (a body has thousands; a placement mark is on a few)."""
    at, index, start = text.find(mark), 0, 0
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        index += text.count("\n", start, line_start)
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield index, text[line_start:end]
        start = line_start
        at = text.find(mark, end)


_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")


def footnote_problems(source: str) -> list[tuple[int, int, str, str]]:
    """[(line index from 0, column from 1, label, "unused" | "undefined")] for the body's footnotes
    that would not print as written: a definition `[^3]: …` nothing refers to (markdown-it drops its
    text) and a reference `[^2]` with no definition (printed as the raw characters).

    Both need the characters `[^`: a body without them has no problem and is not parsed. Otherwise
    the blocks are parsed (definitions are blocks), then only the inline runs holding `[^` (a
    reference is nowhere else): the labels a full parse finds, at a fraction of its cost."""
    if "[^" not in source:
        return []
    key = _digest(source) if _FOOTNOTES_AHEAD else b""
    if key in _FOOTNOTES_AHEAD:  # read ahead (vankien.prework)
        problems, asked = _FOOTNOTES_AHEAD[key]
        if asked <= 1:
            del _FOOTNOTES_AHEAD[key]
        else:
            _FOOTNOTES_AHEAD[key] = (problems, asked - 1)
        return list(problems)
    env: dict = {}
    _FOOTNOTE_PARSER.parse(source, env)
    notes = env.get("footnotes", {})
    referenced = {note["label"] for note in notes.get("list", {}).values() if note.get("label") is not None}
    defined = {key[1:] for key in notes.get("refs", {})}
    problems = []
    fenced = False
    for index, line in enumerate(source.split("\n")):
        if line.lstrip(" ").startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or line.startswith(("    ", "\t")):  # code: printed as written, never a footnote
            continue
        line = _CODE_SPAN.sub(lambda span: " " * len(span.group()), line)
        definition = _FOOTNOTE_DEFINITION.match(line)
        if definition and definition.group(1) not in referenced:
            problems.append((index, definition.start(1) - 1, definition.group(1), "unused"))
        for reference in _FOOTNOTE_REFERENCE.finditer(line, definition.end() if definition else 0):
            if reference.group(1) not in defined:
                problems.append((index, reference.start() + 1, reference.group(1), "undefined"))
    return problems


def _placement_rule(state, start_line, end_line, silent):
    start = state.bMarks[start_line] + state.tShift[start_line]
    match = PLACEMENT_LINE.fullmatch(state.src[start : state.eMarks[start_line]].strip())
    if not match:
        return False
    if not silent:
        token = state.push("vankien_placement", "", 0)
        token.meta = {"what": match.group(1)}
        token.map = [start_line, start_line + 1]
        token.block = True
    state.line = start_line + 1
    return True


def _render_placement(self, tokens, idx, options, env):
    return PLACEHOLDER.format(tokens[idx].meta["what"]) + "\n"


def _render_table_open(self, tokens, idx, options, env):
    return '<div class="table-scroll">' + self.renderToken(tokens, idx, options, env)


def _render_table_close(self, tokens, idx, options, env):
    return self.renderToken(tokens, idx, options, env) + "</div>\n"


def make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.use(footnote_plugin)
    # A placement line may follow a paragraph's last line directly: it ends the paragraph.
    md.block.ruler.before("paragraph", "vankien_placement", _placement_rule, {"alt": ["paragraph"]})
    md.add_render_rule("vankien_placement", _render_placement)
    md.add_render_rule("table_open", _render_table_open)
    md.add_render_rule("table_close", _render_table_close)
    return md


# {digest of a body: (its problems, times it will be asked)}: digests, so that the bodies
# themselves are not held while validation runs (memory would grow with the site)
_FOOTNOTES_AHEAD: dict[bytes, tuple[list, int]] = {}


def _digest(source: str) -> bytes:
    return hashlib.blake2b(source.encode("utf-8"), digest_size=16).digest()


def remember_footnotes(source: str, problems: list[tuple[int, int, str, str]], asked: int = 1) -> None:
    """Keep `footnote_problems(source)`, found ahead, for the `asked` calls that will ask for it
    (a body written twice, in two files, is asked twice); then it is dropped."""
    _FOOTNOTES_AHEAD[_digest(source)] = (list(problems), asked)


def forget_footnotes() -> None:
    """Drop the problems found ahead that nobody asked for (a build that stopped early)."""
    _FOOTNOTES_AHEAD.clear()


def _footnote_inline(state) -> None:
    """The core `inline` rule for footnote checks: inline runs that cannot hold a reference are skipped."""
    for token in state.tokens:
        if token.type == "inline" and "[^" in token.content:
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _footnote_parser() -> MarkdownIt:
    """The body parser reduced to what footnote labels need: blocks, and the inline runs with `[^`."""
    md = make_parser()
    md.core.ruler.at("inline", _footnote_inline)
    md.core.ruler.disable(["footnote_tail", "text_join"])
    return md


_PARSER = make_parser()
_FOOTNOTE_PARSER = _footnote_parser()


@functools.lru_cache(maxsize=512)  # the preview re-renders only the bodies that changed
def render(source: str) -> Body:
    """The body as HTML, with an `id` on every heading (never one the page itself uses: anchors.py)
    and the placements it holds."""
    env: dict = {}
    tokens = _PARSER.parse(source, env)
    headings: list = []
    used: set[str] = set()
    levels: dict = {}
    for index, token in enumerate(tokens):
        if token.type == "vankien_placement":
            levels[token.meta["what"]] = min(headings[-1].level + 1, 6) if headings else 2
        if token.type != "heading_open":
            continue
        text = _plain_text(tokens[index + 1])
        anchor = _unique(anchors.heading(slugify(text)), used)
        token.attrSet("id", anchor)
        headings.append(Heading(int(token.tag[1]), text, anchor))
    html = _PARSER.renderer.render(tokens, _PARSER.options, env)
    html, separator, footnotes = html.partition('<hr class="footnotes-sep" />')
    return Body(html, tuple(headings), separator + footnotes, levels)


def _plain_text(inline) -> str:
    parts = [c.content for c in inline.children or () if c.type in ("text", "code_inline")]
    return " ".join("".join(parts).split())


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate
