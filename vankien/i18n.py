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

from vankien import markdown, messages, schema, validate
from vankien.content import Body, HasBody, RawFile
from vankien.errors import Accepted, ContentError, Diagnostics, Outcome, Rejected
from vankien.model import Document
from vankien.schema_check import check

LOCALES = Path(__file__).parent / "locale"
RESULT_TEXT_KEYS = ("target", "result", "assessment_text")


@dataclass(frozen=True)
class Translation(HasBody):
    org: str
    doc: str
    source: str  # the source version it was made from
    title: str | None
    theme: str | None
    signature: str | None
    targets: dict[str, str]
    results: dict[str, dict[str, str]]
    body_at: Body  # where the English body is (read when checked or rendered, never held)
    path: str
    source_line: int = 1

    @property
    def has_body(self) -> bool:
        return not self.body_at.blank


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


def read_translations(
    raw_documents: tuple[RawFile, ...], documents: dict, diagnostics: Diagnostics, check_translation=None
) -> dict:
    """{(org, doc): Translation} from the `.en.md` files (schema: schema.Translation).

    A translation whose `.vi.md` does not exist is reported; one whose source has problems
    is not checked against it (those problems are reported with the source), only for
    its own reading problems. `check_translation(record, doc) -> Outcome`: how each is checked
    against its document (the preview passes one that remembers outcomes); of `doc` the check
    reads only its org, id, and the ids of its targets and results."""
    check_translation = check_translation or _translation
    sources = {
        (PurePosixPath(r.path).parent.name, PurePosixPath(r.path).name.removesuffix(".vi.md")) for r in raw_documents
    }
    found = {}
    for record in raw_documents:
        path = PurePosixPath(record.path)
        if not path.name.endswith(".en.md"):
            continue
        key = (path.parent.name, path.name.removesuffix(".en.md"))
        if key not in sources:
            source = f"{path.parent}/{key[1]}.vi.md"
            diagnostics.report(record.path, 1, 1, messages.ORPHAN_TRANSLATION, source=source)
            continue
        doc = documents.get(key)
        if doc is None:
            diagnostics.extend(record.problems)
            continue
        translation = diagnostics.take(check_translation(record, doc))
        if translation:
            found[key] = translation
    return found


def translation_outcome(record: RawFile, doc: Document) -> Outcome:
    """One translation checked against its document, as read_translations checks each:
    Accepted(Translation) or Rejected(problems)."""
    return _translation(record, doc)


def _translation(record: RawFile, doc: Document) -> Outcome:
    if record.unreadable:
        return Rejected(record.problems)
    context = {"targets": {t.id for t in doc.targets}, "results": {r.id for r in doc.results}}
    outcome = check(schema.Translation, record.data, record.path, context)
    marked = list(markdown.lines_holding(record.body, "[["))
    strays = tuple(  # a [[targets]] mark inside a sentence: placed in the source, printed here
        ContentError(record.path, record.body_line + index, column, messages.PLACEMENT_NOT_ALONE, {"what": what})
        for index, line in marked
        for column, what in markdown.stray_placements(line)
    ) + tuple(  # [[target]]: no mark at all, printed as written
        ContentError(record.path, record.body_line + index, column, messages.PLACEMENT_UNKNOWN, {"name": name})
        for index, line in marked
        for column, name in markdown.unknown_marks(line)
    )
    strays += tuple(validate.footnote_errors(record) + validate.repeated_placements(record))
    if isinstance(outcome, Rejected) or record.problems or strays:
        return Rejected(record.problems + strays + (outcome.problems if isinstance(outcome, Rejected) else ()))
    t = outcome.value
    results = {
        result_id: {k: v for k in RESULT_TEXT_KEYS if (v := getattr(texts, k))}
        for result_id, texts in (t.results or {}).items()
    }
    return Accepted(
        Translation(
            doc.org,
            doc.id,
            t.source,
            t.title,
            t.theme,
            t.signature,
            dict(t.targets or {}),
            results,
            record.body_at,
            record.path,
            record.data.key_pos.get("source", (1, 1))[0],
        )
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


def statuses(raw_documents, site, translations, diagnostics: Diagnostics) -> dict:
    """{(org, doc): Status} for every document; a stale translation adds a warning."""
    versions = {r.path: r.version for r in raw_documents}
    found = {}
    for doc in site.documents:
        translation = translations.get(doc.key)
        state = status(doc, versions[doc.source], translation)
        if state.stale:
            diagnostics.add(
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
        body_at=t.body_at if t and t.has_body else doc.body_at,
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
