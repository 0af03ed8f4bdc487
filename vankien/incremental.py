"""The preview's memory between saves (serve.py): what each content file gave when it was last
read and checked, so that a save redoes only what depends on the saved files.

`Memo` is handed to `pipeline.run(memo=…, changed=…)`:

- content: with `changed` (the project paths watchfiles reported), only those files are read
  again, when every one of them is a plain document, organization or topics file (else the whole
  folder is walked, as `content.load` does); their digests update `build.inputs`;
- validate and translate: a document, translation or translation's figures is checked again only
  when what its check reads changed (its text; the organizations and topics it may name; for a
  translation, its document's ids or texts). The site-wide checks (organizations, parents,
  orphan translations, staleness) run every time: the problems are always those `check` reports.

`delta` is quicker still, for a save of documents and translations that were read before: from
the last check (`Checked`), it redoes only theirs. Every other file's problems and every site-wide
check's stay what they were, for nothing they read changed: the files are the same, and so is the
set of documents (a document made invalid leaves the site, which any check would also say; one
made valid again, or added or deleted, goes through the whole check). Only the saved documents'
own paths carry problems that can change: the orphan and stale translation, the translation's
figures, the document's own checks are all reported at the document's or translation's path.
(A new check comparing documents with each other must be added to `delta` too, or make it
return None.)

fastpath.py uses both for the preview's commonest save, a document's body.
"""

from __future__ import annotations

import collections
import dataclasses
import types
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from vankien import cache, compare, content, i18n, prework, translated_figures, validate
from vankien.content import RawContent, RawFile
from vankien.errors import ContentError, Diagnostics, Outcome
from vankien.model import Document, Site

READABLE = ("documents", "organizations", "topics.yaml")  # what a save may reload alone, under content/


@dataclass(frozen=True)
class Checked:
    """What the check stages of a build gave, failed or not: the starting point of a `delta`."""

    site: Site
    translations: dict  # {doc key: Translation}
    statuses: dict  # {doc key: Status}
    problems: list[ContentError]  # every error and warning
    context: tuple  # (declared, topics, referable): what documents were checked against


class Memo:
    """Per content file, what reading and checking it gave, and the inputs' digests.

    `counts` says how much was done afresh ({"read": files read, "documents": documents checked,
    "translations": translations checked, "figures": translations' figures checked, "delta": 1
    when a save was checked by `delta`, without the site-wide checks}); tests count work with it."""

    def __init__(self) -> None:
        self.files: dict[str, RawFile] = {}  # {project path: as read}, every content file
        self.read_problems: list[ContentError] = []  # what walking content/ reported (misplaced files…)
        self.inputs: dict[str, str] = {}  # {content file: digest} (pipeline.Build.inputs)
        self.code = ""  # cache.code_version, recomputed when templates or static files change
        self.counts: collections.Counter = collections.Counter()
        self._reload: list[str] | None = None  # the paths this build reads again; None: walk
        self._documents: dict[str, tuple] = {}  # {path: (version, context, (outcome, notices))}
        self._translations: dict[str, tuple] = {}  # {path: (key, outcome)}
        self._figures: dict[str, tuple] = {}  # {path: (key, warnings)}
        self._localized: dict[tuple[str, str], tuple] = {}  # {doc key: (doc, translation, localized)}
        self._sites: dict[str, Site] = {}  # {lang: the site in that language of the last build's pages}
        self._context: tuple | None = None  # (declared, topics, referable, interned context)
        self._contexts: dict[tuple, tuple] = {}
        self.last: Checked | None = None  # what the last check gave
        self._stamps: dict[str, tuple] = {}  # {path: (size, mtime, inode)} of the files read one by one

    # -- content ----------------------------------------------------------------------

    def prepare(self, root: Path, changed: set[str] | None) -> None:
        """Before a build: which files to read again (`changed`, project paths; None: all of them),
        the code version and the inputs' digests."""
        self.last = None  # until the check stages have run through
        reload = self._reloadable(root, changed) if self.files else None
        if reload is None or not self.code or any(not p.startswith("content/") for p in changed or ()):
            self.code = cache.code_version(root)
        if reload is None:
            self.inputs = {f"content/{n}": d for n, d in cache.tree_digests(root / "content").items()}
            if (root / "config.yaml").is_file():
                self.inputs["config.yaml"] = cache.file_digest(root / "config.yaml")
        else:
            unchanged = []
            for path in reload + [p for p in changed or () if p == "config.yaml"]:
                file = root / path
                if not file.is_file():
                    self.inputs.pop(path, None)
                elif path in self.files and self._stamps.get(path) == _stamp(file):
                    unchanged.append(path)  # read again already (by `delta`)
                else:
                    self.inputs[path] = cache.file_digest(file)
            reload = [path for path in reload if path not in unchanged]
        self._reload = reload

    def _reloadable(self, root: Path, changed: set[str] | None) -> list[str] | None:
        """The content files among `changed` to read again, or None when content/ must be walked:
        a folder, a link, a file in a place content.load would report, a deletion of a file
        never read, anything outside content/ but config.yaml (whose change rebuilds anyway)."""
        if changed is None:
            return None
        found = []
        for path in sorted(changed):
            parts = PurePosixPath(path).parts
            if parts[0] != "content":
                if path == "config.yaml":
                    continue  # read by the config stage; content is unchanged by it
                if parts[0] in ("templates", "static"):
                    continue  # the code version changes; content is unchanged
                return None
            if any(content.IGNORED.search(part) for part in parts[1:]):
                continue  # an editor's file: content.load skips it too
            if not _plain_content_path(parts[1:]):
                return None
            file = root / path
            if file.exists() or file.is_symlink():
                if file.is_symlink() or not file.is_file() or any((root / p).is_symlink() for p in _folders(parts)):
                    return None
            elif path not in self.files:
                return None
            found.append(path)
        return found

    def content(self, root: Path, diagnostics: Diagnostics) -> RawContent:
        """content/ as content.load reads it, reading again only what `prepare` chose."""
        if self._reload is None:
            walked = Diagnostics()
            raw = content.load(root, walked)
            self.read_problems = walked.errors + walked.warnings
            files = [raw.topics] if raw.topics else []
            self.files = {record.path: record for record in files + list(raw.organizations + raw.documents)}
            self._stamps.clear()
            self.counts["read"] += len(self.files)
        else:
            for path in self._reload:
                if not (root / path).is_file():
                    self.files.pop(path, None)
                else:
                    self._read(root, path)
        diagnostics.extend(self.read_problems)
        ordered = sorted(self.files.values(), key=lambda r: PurePosixPath(r.path).parts)
        documents = tuple(r for r in ordered if r.path.startswith("content/documents/"))
        prework.read_ahead(RawContent(None, (), tuple(r for r in documents if not self._knows(r))))
        return RawContent(
            self.files.get("content/topics.yaml"),
            tuple(r for r in ordered if r.path.startswith("content/organizations/")),
            documents,
        )

    def _knows(self, record: RawFile) -> bool:
        """Whether the outcome of checking `record` is remembered (for what it reads now, or not)."""
        if record.path.endswith(".en.md"):
            known = self._translations.get(record.path)
            return known is not None and known[0][0] == _version(record)
        entry = self._documents.get(record.path)
        return entry is not None and entry[0] == _version(record)

    def _read(self, root: Path, path: str) -> None:
        """Read one content file again (its stamp first: a save while reading is read next time)."""
        self._stamps[path] = _stamp(root / path)
        load = content.load_document if path.startswith("content/documents/") else content.load_yaml_file
        self.files[path] = load(root / path, root)
        self.counts["read"] += 1

    # -- validate -----------------------------------------------------------------------

    def check_document(self, record: RawFile, declared: set[str], topics: dict, referable: set[str] | None):
        """validate.document_outcome, again only when the text or what it may refer to changed."""
        context = self._interned(declared, topics, referable)
        entry, version = self._documents.get(record.path), _version(record)
        if entry and record.version and entry[0] == version and entry[1] is context:
            return entry[2]
        self.counts["documents"] += 1
        result = validate.document_outcome(record, declared, topics, referable)
        self._documents[record.path] = (version, context, result)
        return result

    def _interned(self, declared: set[str], topics: dict, referable: set[str] | None) -> tuple:
        """One object per distinct (declared, topics, referable): entries compare it by identity."""
        last = self._context
        if last and last[0] is declared and last[1] is topics and last[2] is referable:
            return last[3]
        value = (frozenset(declared), tuple(topics.items()), None if referable is None else frozenset(referable))
        value = self._contexts.setdefault(value, value)
        self._context = (declared, topics, referable, value)
        return value

    # -- translate ----------------------------------------------------------------------

    def check_translation(self, record: RawFile, doc: Document) -> Outcome:
        """i18n's check of one translation, again only when its text or its document's ids changed."""
        key = (_version(record), doc.org, doc.id, tuple(t.id for t in doc.targets), tuple(r.id for r in doc.results))
        entry = self._translations.get(record.path)
        if entry and record.version and entry[0] == key:
            return entry[1]
        self.counts["translations"] += 1
        outcome = i18n.translation_outcome(record, doc)
        self._translations[record.path] = (key, outcome)
        return outcome

    def figures(self, raw_documents, site, translations: dict) -> list[ContentError]:
        """translated_figures.check, translation by translation, again only when the translation
        or its document's texts changed."""
        records = {r.path: r for r in raw_documents}
        documents = {d.key: d for d in site.documents}
        warnings: list[ContentError] = []
        for key, translation in translations.items():
            doc, record = documents.get(key), records.get(translation.path)
            if doc is None or record is None:
                continue
            memo_key = (translation, _version(record), _texts(doc))
            entry = self._figures.get(translation.path)
            if not (entry and entry[0][0] is translation and entry[0][1:] == memo_key[1:]):
                self.counts["figures"] += 1
                found = translated_figures.check([record], types.SimpleNamespace(documents=(doc,)), {key: translation})
                entry = self._figures[translation.path] = (memo_key, found)
            warnings += entry[1]
        return warnings

    def localize(self, doc: Document, translation) -> tuple[Document, frozenset[str]]:
        """i18n.localize, remembered while the document and its translation stay the same."""
        entry = self._localized.get(doc.key)
        if entry and entry[0] is doc and entry[1] is translation:
            return entry[2]
        localized = i18n.localize(doc, translation)
        self._localized[doc.key] = (doc, translation, localized)
        return localized

    def carry_over(self, localized: dict[str, tuple[Site, dict]]) -> None:
        """The sites of a new build ({lang: (site, fallbacks)}, pipeline.localized_sites) start with
        what compare made for the last ones, where their documents are the same objects."""
        for lang, (site, _) in localized.items():
            last = self._sites.get(lang)
            if last is not None:
                self.counts["terms carried"] += compare.carry_over(last, site)
            self._sites[lang] = site

    def remember(self, site: Site, translations: dict, statuses: dict, problems: list[ContentError]) -> None:
        """What the check stages gave (called at their end): `delta` starts from it."""
        context = self._context[:3] if self._context else None
        self.last = Checked(site, translations, statuses, list(problems), context) if context else None

    # -- a save of documents -------------------------------------------------------------

    def delta(self, root: Path, changed: set[str]) -> Checked | None:
        """The check after a save of `changed` (project paths), redoing only the saved documents'
        and translations' (see the module's docstring); None when this cannot be said so (a new,
        deleted or renamed file, a document made valid again or moved in the site's order, any
        other file): then the whole check must run (pipeline.run with this memo)."""
        last, keys = self.last, set()
        if last is None or not changed:
            return None
        for path in changed:
            parts = path.split("/")
            if len(parts) != 4 or parts[:2] != ["content", "documents"] or not path.endswith((".vi.md", ".en.md")):
                return None
            if path not in self.files or (root / path).is_symlink() or not (root / path).is_file():
                return None
            keys.add((parts[2], parts[3][:-6]))
        for path in sorted(changed):
            if self._stamps.get(path) != _stamp(root / path):
                self.inputs[path] = cache.file_digest(root / path)
                self._read(root, path)
        diagnostics, found, translations, statuses = Diagnostics(), {}, dict(last.translations), dict(last.statuses)
        for key in keys:
            records = tuple(r for r in (self.files.get(_path(key, "vi")), self.files.get(_path(key, "en"))) if r)
            doc = None
            if _path(key, "vi") in self.files:
                outcome, notices = self.check_document(self.files[_path(key, "vi")], *last.context)
                doc = diagnostics.take(outcome)
                if doc:
                    diagnostics.extend(notices)
            one = types.SimpleNamespace(documents=(doc,) if doc else ())
            translated = i18n.read_translations(records, {key: doc} if doc else {}, diagnostics, self.check_translation)
            translations.pop(key, None)
            translations.update(translated)
            statuses.pop(key, None)
            statuses.update(i18n.statuses(records, one, translated, diagnostics))
            diagnostics.extend(self.figures(records, one, translated))
            found[key] = doc
        had = {doc.key: doc for doc in last.site.documents if doc.key in found}
        if any(doc is not None and (key not in had or had[key].period != doc.period) for key, doc in found.items()):
            return None  # a document the site did not have (made valid again), or moved in its order
        documents: list[Document] = []
        for doc in last.site.documents:
            now = found.get(doc.key, doc) if doc.key in found else doc
            if now is not None:
                documents.append(now)
        paths = {_path(key, lang) for key in keys for lang in ("vi", "en")}
        problems = [p for p in last.problems if p.path not in paths] + diagnostics.errors + diagnostics.warnings
        site = dataclasses.replace(last.site, documents=tuple(documents))
        self.last = Checked(site, translations, statuses, problems, last.context)
        self.counts["delta"] += 1
        return self.last

    def forget_others(self, paths: set[str]) -> None:
        """Drop what is remembered of files no longer in content/."""
        for table in (self._documents, self._translations, self._figures):
            for path in [p for p in table if p not in paths]:
                del table[path]


def _stamp(path: Path) -> tuple[int, int, int]:
    """A file's (size, mtime in ns, inode): a save changes it, even one that keeps the text."""
    try:
        info = path.stat()
    except OSError:
        return (-1, -1, -1)
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _version(record: RawFile) -> tuple:
    """What a record's outcome is made from: its text's version, and where its body is when the
    record says so (a body read from its file when asked must be read from that file as it was)."""
    return (record.version, getattr(record, "body_at", None))


def _path(key: tuple[str, str], lang: str) -> str:
    return f"content/documents/{key[0]}/{key[1]}.{lang}.md"


def _texts(doc: Document) -> tuple:
    """What translated_figures compares of a document: its texts by field (not its body)."""
    return (
        doc.title,
        doc.theme,
        doc.signature,
        tuple((t.id, t.text) for t in doc.targets),
        tuple((r.id, r.target, r.result, r.assessment_text) for r in doc.results),
    )


def _plain_content_path(parts: tuple[str, ...]) -> bool:
    """documents/<org>/<name>.md, organizations/<name>.yaml or topics.yaml (under content/)."""
    if parts == ("topics.yaml",):
        return True
    if len(parts) == 2 and parts[0] == "organizations":
        return PurePosixPath(parts[1]).suffix == ".yaml"
    return len(parts) == 3 and parts[0] == "documents" and PurePosixPath(parts[2]).suffix.lower() == ".md"


def _folders(parts: tuple[str, ...]) -> list[str]:
    return ["/".join(parts[:n]) for n in range(1, len(parts))]
