"""The `id`s the templates give page parts, in one place: templates read them from here (the
global `ids`), links to them are built from here, and a document's heading anchors
(markdown.render) never take one of them, so every `id` on a page is unique.

An anchor is reserved when it is one of PAGE_IDS, starts with one of the row prefixes (a target
row is `chi-tieu-<target id>`, whatever the id), or has the form of a footnote id (`fn3`,
`fnref3`, markdown-it's footnote plugin).
"""

from __future__ import annotations

import re

# The parts of pages, by role. Vietnamese words: they show in the address bar (`…/#chi-tieu`).
MAIN = "main"
SEARCH_BOX = "masthead-q"
DOC_TITLE = "doc-title"
TOC = "muc-luc"
TOC_TITLE = "toc-title"
TARGETS = "chi-tieu"
TARGETS_TITLE = "tieu-de-chi-tieu"
RESULTS = "ket-qua"
RESULTS_TITLE = "tieu-de-ket-qua"
TERM_TABLE = "chi-tieu-qua-cac-ky"
TERM_TITLE = "tieu-de-chi-tieu-qua-cac-ky"
HOME_DOCUMENTS = "van-ban"
HOME_ORGANIZATIONS = "to-chuc"

# Table rows: prefix + the id of the target, result or topic.
TARGET_ROW = "chi-tieu-"
RESULT_ROW = "ket-qua-"
TOPIC_ROW = "chu-de-"

PAGE_IDS = frozenset(
    {
        MAIN,
        SEARCH_BOX,
        DOC_TITLE,
        TOC,
        TOC_TITLE,
        TARGETS,
        TARGETS_TITLE,
        RESULTS,
        RESULTS_TITLE,
        TERM_TABLE,
        TERM_TITLE,
        HOME_DOCUMENTS,
        HOME_ORGANIZATIONS,
    }
)
ROW_PREFIXES = (TARGET_ROW, RESULT_ROW, TOPIC_ROW)
_FOOTNOTE = re.compile(r"fn(ref)?\d+")
HEADING_PREFIX = "muc-"  # what a heading anchor that would be reserved gets in front of it


def target(target_id: str) -> str:
    """The row of a target in its document's targets table: `ket-nap-dang` → `chi-tieu-ket-nap-dang`."""
    return TARGET_ROW + target_id


def result(result_id: str) -> str:
    """The row of a result in its document's results table: `ket-nap-dang` → `ket-qua-ket-nap-dang`."""
    return RESULT_ROW + result_id


def topic(topic_id: str) -> str:
    """The row of a topic in an organization's term-by-term table."""
    return TOPIC_ROW + topic_id


def is_reserved(anchor: str) -> bool:
    """Whether a page part may carry `anchor` as its id (see the module's docstring)."""
    return anchor in PAGE_IDS or anchor.startswith(ROW_PREFIXES) or bool(_FOOTNOTE.fullmatch(anchor))


def heading(slug: str) -> str:
    """A heading's anchor from its slug: the slug itself, or `muc-<slug>` where it is reserved."""
    return HEADING_PREFIX + slug if is_reserved(slug) else slug
