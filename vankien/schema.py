"""One declarative schema per content file type: the single source of their fields.

    config.yaml                                  Config
    content/topics.yaml                          Topics
    content/organizations/<org>.yaml             Organization
    content/documents/<org>/<doc>.vi.md          Document (front matter)
    content/documents/<org>/<doc>.en.md          Translation (front matter)

From these models come the validation (schema_check.py: every problem at once, at its
`path:line:col`), the JSON Schemas in `schemas/` and the field reference of the handbook
(reference.py). Adding a field is one line here; the order of the fields is the order
the handbook lists them in. Field types are in fieldtypes.py.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, RootModel, StrictBool, model_validator

from vankien.fieldtypes import ID_PATTERN as ID_PATTERN  # re-exported: the id rule, for the command line
from vankien.fieldtypes import (
    Assessment,
    BaseUrl,
    Count,
    Date,
    Figure,
    FolderOrg,
    Id,
    Label,
    Line,
    Opt,
    OrgRef,
    Prose,
    Title,
    TopicRef,
    TranslatedResult,
    TranslatedTarget,
    Url,
    Year,
    described,
    one_of,
    refuse,
)
from vankien.vocabulary import KINDS, LEVELS

LANGUAGES = ("vi", "en")
OPERATORS = {"=": "=", "≥": "≥", ">=": "≥", ">": ">", "<": "<", "~": "~", "≤": "≤", "<=": "≤", "range": "range"}


class Schema(BaseModel):
    """A mapping whose keys are all declared: any other key is an error (with "did you mean")."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    unknown_key_message: ClassVar[str] = "UNKNOWN_KEY"


class Pair(Schema):
    """A label in Vietnamese and, where translated, English."""

    vi: Label = described("nội dung tiếng Việt", "the Vietnamese text")
    en: Opt[Label] = described("nội dung tiếng Anh", "the English text", default=None)


def _plain_text_is_vietnamese(value):
    return {"vi": value} if isinstance(value, str) else value


TextPair = Annotated[Pair, BeforeValidator(_plain_text_is_vietnamese, json_schema_input_type=Label | Pair)]


class TopicLabel(Pair):
    """A topic: its label, and what its targets count (to find the figure that answers it)."""

    keywords: Opt[list[Line]] = described(
        "từ khóa của chủ đề", "words that name what the topic counts (kết nạp, Đảng)", default=None
    )
    units: Opt[list[Line]] = described("đơn vị đếm", "units the topic counts in (đoàn viên, %)", default=None)


TopicEntry = Annotated[
    TopicLabel, BeforeValidator(_plain_text_is_vietnamese, json_schema_input_type=Label | TopicLabel)
]


class Members(Schema):
    count: Count = described("số đoàn viên", "number of members")
    year: Year = described("năm của con số", "the year the count is from")


class Organization(Schema):
    name: TextPair = described("tên tổ chức, có vi và en", "the organization's name, with vi and en")
    short_name: Opt[TextPair] = described("tên ngắn", "a short name for menus and tables", default=None)
    level: Annotated[str, one_of(LEVELS)] = described("cấp tổ chức", "the organization's level")
    parent: Opt[OrgRef] = described("mã tổ chức cấp trên", "id of the parent organization", default=None)
    province: Opt[TextPair] = described("tỉnh/thành", "province or city", default=None)
    members: Opt[Members] = described(
        "số đoàn viên (chỉ khi văn bản có)", "member count, only as a document gives it", default=None
    )
    fanpage: Opt[Url] = described("trang Facebook", "the organization's fanpage", default=None)
    predecessors: Opt[list[OrgRef]] = described(
        "mã các tổ chức tiền thân", "ids of the organizations it continues", default=None
    )


class Period(Schema):
    """A term {term, from, to} or a year {year}."""

    term: Opt[Line] = described("nhiệm kỳ, số La Mã", "term number, a roman numeral (VI)", default=None)
    start: Opt[Year] = described("năm bắt đầu", "first year", default=None, alias="from")
    end: Opt[Year] = described("năm kết thúc", "last year", default=None, alias="to")
    year: Opt[Year] = described("năm (kế hoạch, chương trình năm)", "the year, for a yearly document", default=None)

    @model_validator(mode="after")
    def _one_period(self):
        def bad(vi: str, en: str):
            refuse("BAD_PERIOD", problem_vi=vi, problem_en=en)

        if self.year is not None:
            if self.start is not None or self.end is not None:
                bad("dùng year hoặc from/to, không dùng cả hai", "use year or from/to, not both")
            return self
        for key, value in (("from", self.start), ("to", self.end)):
            if value is None:
                refuse("MISSING_KEY", key=key, what_vi="năm", what_en="a year")
        if self.term is not None and not re.fullmatch(r"[IVXLC]+|[0-9]+", self.term):
            bad(
                f"nhiệm kỳ “{self.term}” nên viết bằng số La Mã (I, II, … VI)",
                f"term “{self.term}” should be a roman numeral (I, II, … VI)",
            )
        if self.start is not None and self.end is not None and self.end < self.start:
            bad(
                f"năm kết thúc {self.end} trước năm bắt đầu {self.start}",
                f"end year {self.end} is before start year {self.start}",
            )
        return self


class Measure(Schema):
    """A figure of a target written by the editor (it replaces what the build reads)."""

    op: Opt[Annotated[str, one_of(OPERATORS)]] = described("phép so sánh", "comparison", default=None)
    value: Figure = described("giá trị, dấu phẩy thập phân", "the value, decimal comma")
    value_max: Opt[Figure] = described("giá trị trên của khoảng", "upper bound of a range", default=None)
    unit: Opt[Line] = described("đơn vị", "unit (đoàn viên, %, …)", default=None)
    subject: Opt[Line] = described("đối tượng của tỷ lệ", "who a percentage is of", default=None)
    phrase: Opt[Line] = described("điều con số đếm", "what the figure counts", default=None)


MEASURES = described("số liệu do biên tập viên ghi", "figures written by the editor", default=None)
ANSWER = described(
    "con số thứ N trả lời chủ đề", "the N-th figure (from 1) is the one that answers the topic", default=None
)


class Target(Schema):
    id: Id = described("mã ngắn, không dấu", "a short ASCII id")
    topic: Opt[TopicRef] = described("chủ đề trong topics.yaml", "a key of content/topics.yaml", default=None)
    text: Prose = described("nội dung chỉ tiêu, nguyên văn", "the target's wording, verbatim")
    measures: Opt[list[Measure]] = MEASURES
    measure: Opt[Count] = ANSWER


class Result(Schema):
    id: Id = described("mã ngắn, không dấu", "a short ASCII id")
    topic: Opt[TopicRef] = described("chủ đề trong topics.yaml", "a key of content/topics.yaml", default=None)
    target: Prose = described("nội dung chỉ tiêu, nguyên văn", "the target's wording, verbatim")
    result: Opt[Prose] = described("kết quả, nguyên văn", "what came of it, verbatim", default=None)
    assessment: Opt[Assessment] = described("đánh giá", "assessment key or the report's word", default=None)
    assessment_text: Opt[Line] = described("lời đánh giá nguyên văn", "the report's own words", default=None)
    target_measures: Opt[list[Measure]] = MEASURES
    result_measures: Opt[list[Measure]] = MEASURES
    measure: Opt[Count] = ANSWER


class Document(Schema):
    org: Opt[FolderOrg] = described("mã tổ chức (bằng tên thư mục)", "organization id (= folder)", default=None)
    kind: Annotated[str, one_of(KINDS)] = described("loại văn bản", "document kind")
    title: Title = described("tiêu đề văn bản", "the document's title")
    number: Opt[Line] = described("số văn bản", "document number (53-BC/ĐTN)", default=None)
    issued: Opt[Date] = described("ngày ban hành", "date issued, YYYY-MM-DD", default=None)
    place: Opt[Line] = described("nơi ban hành", "place issued", default=None)
    theme: Opt[Line] = described("chủ đề năm, khẩu hiệu", "theme of the year, slogan", default=None)
    draft: Opt[StrictBool] = described("dự thảo", "the document is a draft (DỰ THẢO)", default=None)
    signature: Opt[Prose] = described("khối chữ ký", "closing block (TM. BAN CHẤP HÀNH … BÍ THƯ)", default=None)
    period: Period = described("nhiệm kỳ hoặc năm mà chỉ tiêu áp dụng", "the term or year the targets apply to")
    reviews: Opt[Period] = described("kỳ được tổng kết", "the period whose results it reports", default=None)
    results: Opt[list[Result]] = described("kết quả kỳ trước", "the reviewed period's targets", default=None)
    targets: Opt[list[Target]] = described("chỉ tiêu của kỳ", "targets set for `period`", default=None)
    issuer: Opt[list[Line]] = described(
        "dòng đầu văn bản (cơ quan ban hành)", "the issuer's header lines", default=None
    )
    distribution: Opt[list[Line]] = described("nơi nhận", "who the document was sent to (Nơi nhận)", default=None)
    guesses: Opt[list[Line]] = described(
        "điều lệnh import đoán, chờ xác nhận",
        "what `build.py import` guessed: an error until each is confirmed",
        default=None,
    )


class ResultTexts(Schema):
    target: Opt[Prose] = described("chỉ tiêu, bản dịch", "the target, translated", default=None)
    result: Opt[Prose] = described("kết quả, bản dịch", "the result, translated", default=None)
    assessment_text: Opt[Line] = described("lời đánh giá, bản dịch", "the assessment, translated", default=None)


class Translation(Schema):
    """Only translated text: numbers, dates, ids and periods come from the source."""

    unknown_key_message: ClassVar[str] = "NOT_TRANSLATABLE"

    source: Line = described("phiên bản văn bản gốc đã dịch", "version of the .vi.md file translated")
    title: Opt[Title] = described("tiêu đề, bản dịch", "title, translated", default=None)
    theme: Opt[Line] = described("chủ đề, bản dịch", "theme, translated", default=None)
    signature: Opt[Prose] = described("khối chữ ký, bản dịch", "closing block, translated", default=None)
    targets: Opt[dict[TranslatedTarget, Prose]] = described(
        "chỉ tiêu theo mã", "target texts by the source's ids", default=None
    )
    results: Opt[dict[TranslatedResult, ResultTexts]] = described(
        "kết quả theo mã", "result texts by the source's ids", default=None
    )


class Topics(RootModel[dict[Id, TopicEntry]]):
    """The topic codebook: key → label in both languages."""

    model_config = ConfigDict(json_schema_extra={"additionalProperties": False})


class Config(Schema):
    title: TextPair = described("tên site", "the site's name")
    description: Opt[TextPair] = described("mô tả site", "one sentence about the site", default=None)
    base_url: BaseUrl = described("địa chỉ công khai của site", "the public address of the site")
    languages: Opt[list[Annotated[str, one_of(LANGUAGES)]]] = described("ngôn ngữ", "languages built", default=None)
    drafts_listed: Opt[StrictBool] = described(
        "liệt kê cả dự thảo trong RSS/Atom và sitemap", "list drafts in the feeds and the sitemap too", default=None
    )
    default_language: Any = Field(
        default=None,
        description="Vietnamese is always the source language, at /; delete the line",
        json_schema_extra={"deprecated": True, "description_vi": "không còn dùng"},
    )


# file type → (model, where the files are, whether the YAML is a document's front matter)
FILE_TYPES: dict[str, tuple[type[BaseModel], str, bool]] = {
    "config": (Config, "config.yaml", False),
    "topics": (Topics, "content/topics.yaml", False),
    "organization": (Organization, "content/organizations/*.yaml", False),
    "document": (Document, "content/documents/*/*.vi.md", True),
    "translation": (Translation, "content/documents/*/*.en.md", True),
}
