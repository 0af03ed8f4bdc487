"""Languages: translations of documents, their staleness, and the UI message catalogs.

A translation (`<doc>.en.md`) carries only translated text — title, theme, signature,
target and result texts by id, body — plus `source:`, the version of the Vietnamese file
it translates. Numbers, dates, ids and periods always come from the Vietnamese source.
`localize(doc, translation)` gives the document as the English page shows it, and the
set of fields still in Vietnamese, so the page can mark them `lang="vi"`.
"""

from __future__ import annotations

import dataclasses
import gettext
import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from babel.messages import mofile, pofile

from vankien import markdown, messages
from vankien.content import RawFile
from vankien.errors import ContentError
from vankien.model import Document
from vankien.schema import Fields

LOCALES = Path(__file__).parent / "locale"
TRANSLATED_KEYS = ("source", "title", "theme", "signature", "targets", "results")
RESULT_TEXT_KEYS = ("target", "result", "assessment_text")


@dataclass(frozen=True)
class Translation:
    org: str
    doc: str
    source: str  # the source version it was made from
    title: str | None
    theme: str | None
    signature: str | None
    targets: dict[str, str]
    results: dict[str, dict[str, str]]
    body: str
    path: str
    source_line: int = 1

    @property
    def has_body(self) -> bool:
        return bool(self.body.strip())


@dataclass(frozen=True)
class Status:
    """How a document stands in one language: which fields are translated, stale or missing."""

    translation: Translation | None
    current_source: str
    fields: dict[str, str]  # field → "translated" | "missing"

    @property
    def stale(self) -> bool:
        return self.translation is not None and self.translation.source != self.current_source

    @property
    def missing(self) -> list[str]:
        return [name for name, state in self.fields.items() if state == "missing"]


def read_translations(raw_documents: tuple[RawFile, ...], documents: dict, problems: list[ContentError]) -> dict:
    """{(org, doc): Translation} from the `.en.md` files; problems for unknown documents or ids.

    A source that exists but has problems of its own (YAML syntax, a target without `text:`)
    is not a translation's problem: its translation is not reported as an orphan, nor its ids
    as unknown (no follow-on errors)."""
    sources = {
        (PurePosixPath(r.path).parent.name, PurePosixPath(r.path).name.removesuffix(".vi.md")): r
        for r in raw_documents
        if r.path.endswith(".vi.md")
    }
    found = {}
    for record in raw_documents:
        path = PurePosixPath(record.path)
        if not path.name.endswith(".en.md") or record.data is None:
            continue
        key = (path.parent.name, path.name.removesuffix(".en.md"))
        doc = documents.get(key)
        if doc is None and key in sources:
            continue  # the source's own problems are reported
        if doc is None:
            problems.append(
                ContentError(
                    record.path, 1, 1, messages.ORPHAN_TRANSLATION, {"source": f"{path.parent}/{key[1]}.vi.md"}
                )
            )
            continue
        found[key] = _translation(record, doc, sources.get(key), problems)
    return found


def _translation(record: RawFile, doc: Document, source: RawFile | None, problems) -> Translation:
    fields = Fields(record.data, record.path, problems, "translation")
    for key in fields.data:
        if key not in TRANSLATED_KEYS:
            line, col = fields.pos(key)
            problems.append(
                ContentError(
                    record.path,
                    line,
                    col,
                    messages.NOT_TRANSLATABLE,
                    {"key": key, "allowed": ", ".join(TRANSLATED_KEYS)},
                )
            )
    for number, line in enumerate(record.body.split("\n"), start=record.body_line):
        for column, what in markdown.stray_placements(line):  # as in the source: placed, or reported
            problems.append(ContentError(record.path, number, column, messages.PLACEMENT_NOT_ALONE, {"what": what}))
    targets = _texts_by_id(fields, "targets", {t.id for t in doc.targets} | _written_ids(source, "targets"))
    results = {}
    result_ids = {r.id for r in doc.results} | _written_ids(source, "results")
    sub = fields.mapping("results")
    for result_id in sub.data if sub else {}:
        if result_id not in result_ids:
            _unknown_id(sub, result_id, "results")
            continue
        entry = sub.mapping(result_id)
        if entry:
            entry.allow(*RESULT_TEXT_KEYS)
            results[result_id] = {k: v for k in RESULT_TEXT_KEYS if (v := entry.text(k))}
    # Ids the source writes but could not read are not reported above; their texts wait for the fix.
    targets = {i: text for i, text in targets.items() if i in {t.id for t in doc.targets}}
    results = {i: texts for i, texts in results.items() if i in {r.id for r in doc.results}}
    return Translation(
        doc.org,
        doc.id,
        fields.text("source", required=True) or "",
        fields.text("title"),
        fields.text("theme"),
        fields.text("signature"),
        targets,
        results,
        record.body,
        record.path,
        fields.pos("source")[0],
    )


def _texts_by_id(fields: Fields, key: str, known: set[str]) -> dict[str, str]:
    sub = fields.mapping(key)
    texts = {}
    for entry_id in sub.data if sub else {}:
        if entry_id not in known:
            _unknown_id(sub, entry_id, key)
            continue
        text = sub.text(entry_id)
        if text:
            texts[entry_id] = text
    return texts


def _written_ids(source: RawFile | None, list_name: str) -> set[str]:
    """The ids written in the source's `targets:`/`results:` list, valid entries or not."""
    entries = source.data.get(list_name) if source and isinstance(source.data, dict) else None
    if not isinstance(entries, list):
        return set()
    return {str(e["id"]) for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}


def _unknown_id(fields: Fields, entry_id: str, list_name: str) -> None:
    line, col = fields.pos(entry_id)  # at the id itself, where the typo is
    fields.problems.append(
        ContentError(fields.path, line, col, messages.UNKNOWN_TRANSLATED_ID, {"value": entry_id, "list": list_name})
    )


def status(doc: Document, version: str, translation: Translation | None) -> Status:
    """Field by field: what the translation covers."""
    t = translation
    fields = {"title": "translated" if t and t.title else "missing"}
    if doc.theme:
        fields["theme"] = "translated" if t and t.theme else "missing"
    fields["body"] = "translated" if t and t.has_body else "missing"
    for target in doc.targets:
        fields[f"targets.{target.id}"] = "translated" if t and target.id in t.targets else "missing"
    for result in doc.results:
        fields[f"results.{result.id}"] = "translated" if t and "target" in t.results.get(result.id, {}) else "missing"
    return Status(translation, version, fields)


def statuses(raw_documents, site, translations, warnings: list[ContentError]) -> dict:
    """{(org, doc): Status} for every document; a stale translation adds a warning."""
    versions = {r.path: r.version for r in raw_documents}
    found = {}
    for doc in site.documents:
        translation = translations.get(doc.key)
        state = status(doc, versions[doc.source], translation)
        if state.stale:
            warnings.append(
                ContentError(
                    translation.path,
                    translation.source_line,
                    1,
                    messages.STALE_TRANSLATION,
                    {"old": translation.source, "new": state.current_source},
                )
            )
        found[doc.key] = state
    return found


def localize(doc: Document, translation: Translation | None) -> tuple[Document, frozenset[str]]:
    """The document with English text where translated; and the fields left in Vietnamese."""
    t = translation
    fallback = set()

    def pick(name: str, english: str | None, vietnamese):
        if vietnamese and not english:
            fallback.add(name)
        return english or vietnamese

    targets = tuple(
        dataclasses.replace(x, text=pick(f"targets.{x.id}", t.targets.get(x.id) if t else None, x.text))
        for x in doc.targets
    )
    results = []
    for r in doc.results:
        texts = t.results.get(r.id, {}) if t else {}
        results.append(
            dataclasses.replace(
                r,
                target=pick(f"results.{r.id}", texts.get("target"), r.target),
                result=pick(f"results.{r.id}.result", texts.get("result"), r.result),
                assessment_text=pick(
                    f"results.{r.id}.assessment_text", texts.get("assessment_text"), r.assessment_text
                ),
            )
        )
    localized = dataclasses.replace(
        doc,
        title=pick("title", t.title if t else None, doc.title),
        theme=pick("theme", t.theme if t else None, doc.theme),
        signature=pick("signature", t.signature if t else None, doc.signature),
        body=t.body if t and t.has_body else doc.body,
        targets=targets,
        results=tuple(results),
    )
    if not (t and t.has_body):
        fallback.add("body")
    return localized, frozenset(fallback)


# -- UI catalogs ------------------------------------------------------------------------


def catalog_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "messages.po"


def ui_translations(lang: str) -> gettext.NullTranslations:
    """The UI strings of `lang`, compiled from its .po file now (no compiled file is kept)."""
    path = catalog_path(lang)
    if not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = pofile.read_po(handle, locale=lang)
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def report(site, statuses: dict, lang: str = "en") -> tuple[str, bool]:
    """A table of what is translated, missing or stale, per document and per field; and
    whether anything is stale."""
    lines = [f"{'document':<46} {'state':<10} {'fields':>9}  missing / stale", "-" * 100]
    any_stale = False
    for doc in site.documents:
        state = statuses[doc.key]
        done = sum(1 for v in state.fields.values() if v == "translated")
        total = len(state.fields)
        if state.translation is None:
            word = "missing"
        elif state.stale:
            word, any_stale = "stale", True
        elif done == total:
            word = "done"
        else:
            word = "partial"
        detail = ", ".join(state.missing) if state.translation else f"no {doc.id}.{lang}.md"
        if state.stale:
            detail = f"source changed ({state.translation.source} → {state.current_source})" + (
                f"; missing: {detail}" if state.missing else ""
            )
        lines.append(f"{doc.org + '/' + doc.id:<46} {word:<10} {done:>4}/{total:<4}  {detail}")
    return "\n".join(lines), any_stale
