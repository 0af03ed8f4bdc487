"""The open data's columns, described once: the CSV header, `datapackage.json` (Frictionless
Table Schema, https://specs.frictionlessdata.io/table-schema/) and the data page all read `FIELDS`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column: its name, Table Schema type, and what it holds in Vietnamese and English."""

    name: str
    type: str
    vi: str
    en: str


FIELDS = (
    Column("org", "string", "Mã tổ chức", "Organization id"),
    Column("org_name", "string", "Tên tổ chức", "Organization name"),
    Column("document", "string", "Mã văn bản chứa chỉ tiêu", "Id of the document holding the target"),
    Column("document_title", "string", "Tên văn bản", "Document title"),
    Column("document_kind", "string", "Loại văn bản", "Document kind"),
    Column("period", "string", "Kỳ của chỉ tiêu (mã: 2023, term-vi-2022-2027)", "The target's own period (key)"),
    Column("period_label", "string", "Kỳ của chỉ tiêu, viết đầy đủ", "The target's own period, written in full"),
    Column(
        "kind",
        "string",
        "target: chỉ tiêu đặt ra; result: chỉ tiêu của kỳ trước và kết quả",
        "target: a target set; result: a previous period's target and its result",
    ),
    Column("id", "string", "Mã chỉ tiêu trong văn bản", "Target id within the document"),
    Column(
        "measure",
        "integer",
        "Thứ tự con số trong câu chỉ tiêu (1, 2, …); trống: chỉ tiêu không có con số, hoặc con số kết quả không ứng "
        "với con số nào của chỉ tiêu",
        "Position of the figure in the target's words (1, 2, …); empty: a target with no figure, or a result figure "
        "matching none of the target's",
    ),
    Column("topic", "string", "Mã chủ đề", "Topic id"),
    Column("topic_vi", "string", "Chủ đề (tiếng Việt)", "Topic (Vietnamese)"),
    Column("topic_en", "string", "Chủ đề (tiếng Anh)", "Topic (English)"),
    Column("text_vi", "string", "Nguyên văn chỉ tiêu", "The target's verbatim words"),
    Column("text_en", "string", "Chỉ tiêu bằng tiếng Anh (nếu đã dịch)", "The target in English, where translated"),
    Column("phrase", "string", "Điều con số đếm: các chữ sau con số", "What the figure counts: the words after it"),
    Column("op", "string", "So sánh: = ≥ > < ~ ≤ hoặc range (khoảng)", "Comparison: = ≥ > < ~ ≤ or range"),
    Column("value", "number", "Giá trị (đã nhân nghìn, triệu, tỷ)", "Value (thousands, millions, billions applied)"),
    Column("value_max", "number", "Giá trị trên của khoảng", "Upper value of a range"),
    Column("of", "number", "Mẫu số của tỷ số (17/20 → 20)", "Whole of a ratio (17/20 → 20)"),
    Column("unit", "string", "Đơn vị đếm (danh từ sau con số)", "Unit: the counted noun after the figure"),
    Column("subject", "string", "Với tỷ lệ %: đối tượng", "For a percentage: who it counts"),
    Column("raw", "string", "Các chữ đọc ra con số", "The words the figure was read from"),
    Column(
        "answers_topic",
        "string",
        "yes: con số được so sánh theo chủ đề (trang chủ đề, bảng so sánh, đánh giá tính toán)",
        "yes: the figure compared on the topic (topic page, matrix, computed assessment)",
    ),
    Column(
        "parse",
        "string",
        "full, partly (thiếu đơn vị), none (không có con số) hoặc given (do biên tập viên ghi)",
        "full, partly (a unit missing), none (no figure) or given (by the editor)",
    ),
    Column("result_vi", "string", "Nguyên văn kết quả", "The result's verbatim words"),
    Column("result_value", "number", "Con số kết quả ứng với con số này", "The result figure paired with this figure"),
    Column("result_unit", "string", "Đơn vị của con số kết quả", "Unit of the result figure"),
    Column("result_raw", "string", "Các chữ đọc ra con số kết quả", "The words the result figure was read from"),
    Column("assessment_reported", "string", "Đánh giá của văn bản (mã)", "The document's own assessment (key)"),
    Column("assessment_reported_vi", "string", "Đánh giá của văn bản", "The document's own assessment, in Vietnamese"),
    Column("assessment_text", "string", "Nguyên văn lời đánh giá", "The assessment's verbatim words"),
    Column("assessment_computed", "string", "Đánh giá tính từ con số (mã)", "The assessment computed from the figures"),
    Column(
        "assessment_computed_vi",
        "string",
        "Đánh giá tính từ con số",
        "The assessment computed from the figures, in Vietnamese",
    ),
    Column(
        "disagreement",
        "string",
        "yes: đánh giá của văn bản mâu thuẫn với con số (vượt vẫn là đạt)",
        "yes: the document's assessment contradicts its figures (exceeding counts as achieving)",
    ),
    Column("url", "string", "Vị trí chỉ tiêu trên trang", "Where the target is on the site"),
)
COLUMNS = tuple(column.name for column in FIELDS)


def datapackage(title: str) -> dict:
    """The Frictionless Data Package describing targets.csv and targets.json (same rows)."""
    schema = {
        "fields": [
            {
                "name": c.name,
                "type": c.type,
                "title": c.en,
                "description": c.en,
                "title_vi": c.vi,
                "description_vi": c.vi,
            }
            for c in FIELDS
        ],
        "missingValues": [""],
    }
    return {
        "profile": "tabular-data-package",
        "name": "vankien-targets",
        "title": title,
        "description": "Targets and results of Youth Union organizations, one row per figure. / "
        "Chỉ tiêu và kết quả của các tổ chức Đoàn, mỗi con số một dòng.",
        "resources": [
            {
                "name": "targets",
                "path": "targets.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": schema,
            },
            {
                "name": "targets-json",
                "path": "targets.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": "The same rows as targets.csv, as a JSON array of objects. / Cùng các dòng, dạng JSON.",
            },
        ],
    }
