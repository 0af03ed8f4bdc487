"""The kinds of value a content field holds, as pydantic types (used by schema.py).

Each type takes what the YAML loader gives (text, true/false/null, lists, mappings) and
either returns the clean value or raises `PydanticCustomError(NAME, …)`, where NAME is a
message of the catalogue (messages.py) and the error's context fills its `{params}`;
schema_check.py turns it into a `path:line:col` problem. Each type also says how it
looks in the published JSON Schemas, as an editor's YAML extension (YAML 1.2) sees it:
there `2022` is a number, while vankien reads every value as text.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import re
from typing import Annotated, Any, NoReturn, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

from vankien.vocabulary import ASSESSMENTS, normalize_assessment

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls, except tab and newline
DEBRIS_PATTERN = re.compile(r"\ufffd|\[bookmark:[^\]]*\]")
FIGURE_DIGITS = 15  # integer digits of a figure: beyond, it is a typing slip (and past exact formatting)


def refuse(message: str, **params) -> NoReturn:
    """Fail validation with the catalogue message named `message` (e.g. "BAD_YEAR")."""
    raise PydanticCustomError(message, message, params)


def suggestion(value: str, allowed) -> dict[str, str]:
    """{suggestion, suggestion_en}: " — did you mean …?" tails for the closest allowed value, or empty."""
    close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1, cutoff=0.6)
    if not close:
        return {"suggestion": "", "suggestion_en": ""}
    return {"suggestion": f" — có phải ý bạn là “{close[0]}”?", "suggestion_en": f" — did you mean “{close[0]}”?"}


def find_debris(text: str) -> list[str]:
    """Leftovers of a Word export that content must not carry."""
    return DEBRIS_PATTERN.findall(text)


def find_control(text: str) -> re.Match | None:
    """The first C0/C1 control character other than tab and newline (invalid in XML feeds, invisible on pages)."""
    return CONTROL.search(text)


def described(vi: str, en: str, **kwargs) -> Any:
    """A field with its purpose in both languages: English for the JSON Schema and the handbook,
    both for the "add a line `key: …` (what it holds)" hint."""
    return Field(description=en, json_schema_extra={"description_vi": vi}, **kwargs)


# -- text ---------------------------------------------------------------------------


def _text(value, one_line: bool, limit: int, word_limit: int | None) -> str:
    if not isinstance(value, str):
        refuse("EXPECTED_TEXT")
    if control := find_control(value):
        refuse("CONTROL_CHAR", char=f"U+{ord(control.group()):04X}")
    if debris := find_debris(value):
        refuse("DEBRIS", debris=debris[0])
    text = " ".join(value.split()) if one_line else value.strip()
    if not text:
        refuse("EMPTY_REQUIRED")
    if len(text) > limit:
        refuse("TOO_LONG", length=len(text), limit=limit)
    if word_limit:
        longest = max(text.split(), key=len)
        if len(longest) > word_limit:
            refuse("LONG_WORD", length=len(longest), start=longest[:20], limit=word_limit)
    return text


def text_check(one_line: bool, limit: int, word_limit: int | None = None) -> BeforeValidator:
    """Text. One line: runs of spaces and line breaks become one space (a title is one line)."""
    return BeforeValidator(functools.partial(_text, one_line=one_line, limit=limit, word_limit=word_limit))


def text_schema(one_line: bool, limit: int) -> WithJsonSchema:
    kind = "text, one line" if one_line else "text"
    return WithJsonSchema({"type": "string", "minLength": 1, "maxLength": limit, "x-kind": kind})


Line = Annotated[str, text_check(True, 1000), text_schema(True, 1000)]
Title = Annotated[str, text_check(True, 500, word_limit=60), text_schema(True, 500)]  # drawn on share images
Label = Title  # names of organizations, topics, the site: drawn and wrapped the same way
Prose = Annotated[str, text_check(False, 20000), text_schema(False, 20000)]


def _blank_to_none(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


T = TypeVar("T")
Opt = Annotated[T | None, BeforeValidator(_blank_to_none)]  # `Opt[X]`: X, or nothing (absent, `key:`, blank text)


# -- ids and closed vocabularies -------------------------------------------------------


def _id(value) -> str:
    text = _text(value, one_line=True, limit=100, word_limit=None)
    if not ID_PATTERN.match(text):
        refuse("BAD_ID", value=text)
    return text


ID_SCHEMA = {"type": "string", "pattern": ID_PATTERN.pattern, "x-kind": "id: a-z, 0-9 and -"}
Id = Annotated[str, BeforeValidator(_id), WithJsonSchema(ID_SCHEMA)]


def _choice(value, allowed: tuple[str, ...]) -> str:
    text = _text(value, one_line=True, limit=100, word_limit=None)
    if text not in allowed:
        refuse("UNKNOWN_CHOICE", value=text, allowed=", ".join(allowed), **suggestion(text, allowed))
    return text


class one_of:
    """One of `allowed` (keys of a dict, or a tuple): checked by `_choice`, an enum in the JSON Schema."""

    def __init__(self, allowed):
        self.allowed = tuple(allowed)

    def __get_pydantic_core_schema__(self, source, handler):
        return core_schema.no_info_before_validator_function(
            functools.partial(_choice, allowed=self.allowed), handler(source)
        )

    def __get_pydantic_json_schema__(self, schema, handler):
        return {"type": "string", "enum": list(self.allowed)}


def _assessment(value) -> str:
    text = _text(value, one_line=True, limit=100, word_limit=None)
    key = normalize_assessment(text)
    if key is None:
        allowed = ", ".join(ASSESSMENTS) + ", vượt, đạt, hoàn thành, không đạt…"
        refuse("UNKNOWN_CHOICE", value=text, allowed=allowed, **suggestion(text, ASSESSMENTS))
    return key


Assessment = Annotated[
    str,
    BeforeValidator(_assessment),
    WithJsonSchema(
        {
            "type": "string",
            "examples": list(ASSESSMENTS) + ["vượt", "đạt", "hoàn thành", "không đạt"],
            "x-kind": "assessment: " + ", ".join(f"`{key}`" for key in ASSESSMENTS) + " or the report's word",
        }
    ),
]


# -- references to other files (checked when validation is given them as context) -------


def _reference(value: str, info: ValidationInfo, known: str, message: str, **params) -> str:
    names = (info.context or {}).get(known)
    if names is not None and value not in names:
        refuse(message, value=value, **params, **suggestion(value, names))
    return value


TopicRef = Annotated[Id, AfterValidator(functools.partial(_reference, known="topics", message="UNKNOWN_TOPIC"))]
OrgRef = Annotated[Id, AfterValidator(functools.partial(_reference, known="organizations", message="UNKNOWN_ORG"))]
TranslatedTarget = Annotated[
    str,
    AfterValidator(functools.partial(_reference, known="targets", message="UNKNOWN_TRANSLATED_ID", list="targets")),
]
TranslatedResult = Annotated[
    str,
    AfterValidator(functools.partial(_reference, known="results", message="UNKNOWN_TRANSLATED_ID", list="results")),
]


def _folder(value: str, info: ValidationInfo) -> str:
    folder = (info.context or {}).get("folder")
    if folder is not None and value != folder:
        refuse("ORG_MISMATCH", value=value, folder=folder)
    return value


FolderOrg = Annotated[Id, AfterValidator(_folder)]


# -- numbers, dates, addresses ------------------------------------------------------------


def _digits(value, message: str, pattern: str) -> str:
    text = _text(value, one_line=True, limit=100, word_limit=None) if isinstance(value, str) else value
    if not isinstance(text, str) or not re.fullmatch(pattern, text, re.ASCII):
        refuse(message, value=str(value))
    return text


def _year(value) -> int:
    return int(_digits(value, "BAD_YEAR", r"(19|20|21)\d\d"))


def _count(value) -> int:
    return int(_digits(value, "BAD_COUNT", r"[0-9]{1,9}"))


def _figure(value) -> str:
    text = _digits(value, "BAD_NUMBER", r"[0-9]+(?:,[0-9]+)?")  # "1.000" would be ambiguous: refused
    if len(text.split(",")[0].lstrip("0")) > FIGURE_DIGITS:
        refuse("FIGURE_TOO_LARGE", value=text, limit=FIGURE_DIGITS)
    return text


def _digits_schema(kind: str, pattern: str, **number) -> WithJsonSchema:
    both = [{"type": "integer", **number}, {"type": "string", "pattern": f"^{pattern}$"}]
    return WithJsonSchema({"anyOf": both, "x-kind": kind})


Year = Annotated[int, BeforeValidator(_year), _digits_schema("year: `2022`", "(19|20|21)[0-9]{2}", minimum=1900)]
Count = Annotated[int, BeforeValidator(_count), _digits_schema("digits: `1250`", "[0-9]{1,9}", minimum=0)]
Figure = Annotated[
    str, BeforeValidator(_figure), _digits_schema("figure: `10000`, `2,5`", "[0-9]{1,15}(,[0-9]+)?", minimum=0)
]


def _date(value) -> datetime.date:
    text = _digits(value, "BAD_DATE", r"\d{4}-\d{2}-\d{2}")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        refuse("BAD_DATE", value=text)


Date = Annotated[
    datetime.date,
    BeforeValidator(_date),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "x-kind": "date: `2022-04-26`"}),
]

URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"


def _url(value) -> str:
    text = _text(value, one_line=True, limit=2000, word_limit=None)
    if not re.match(URL_PATTERN, text):
        refuse("BAD_URL", value=text)
    return text


Url = Annotated[
    str, BeforeValidator(_url), WithJsonSchema({"type": "string", "pattern": URL_PATTERN, "x-kind": "web address"})
]

BASE_URL_PATTERN = r"^https?://[^\s/$.?#][^\s?#]*$"


def _base_url(value) -> str:
    text = _url(value)
    if "?" in text or "#" in text:  # every page's address is written after it: …/?a=1#x/so-tttt-tphcm/
        refuse("BASE_URL_QUERY", value=text)
    return text


BaseUrl = Annotated[
    str,
    BeforeValidator(_base_url),
    WithJsonSchema({"type": "string", "pattern": BASE_URL_PATTERN, "x-kind": "web address"}),
]
