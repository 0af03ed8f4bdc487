"""Problems with figures an editor can meet (which figure answers a topic, translated figures),
each in Vietnamese and English, and `answer_of`, which reports them while validating targets.
Kept beside `messages` so the figures' rules travel together."""

from vankien.errors import ContentError
from vankien.errors import Message as M
from vankien.topics import Answer, answer

NO_ANSWERING_MEASURE = M(
    "không con số nào của chỉ tiêu “{id}” trả lời chủ đề “{topic}” (chủ đề đếm: {units}); "
    "bảng so sánh sẽ ghi “không so sánh được”",
    "no figure of target “{id}” answers topic “{topic}” (the topic counts: {units}); "
    "comparison tables will say “not comparable”",
    "các con số đọc được: {figures}; ghi `measure: N` vào chỉ tiêu để chọn con số thứ N, hoặc đổi chủ đề",
    "figures read: {figures}; write `measure: N` on the target to choose the N-th figure, or change its topic",
)
TWO_ANSWERING_MEASURES = M(
    "{count} con số của chỉ tiêu “{id}” cùng trả lời chủ đề “{topic}”: {figures}; "
    "bảng so sánh sẽ ghi “không so sánh được”",
    "{count} figures of target “{id}” answer topic “{topic}”: {figures}; comparison tables will say “not comparable”",
    "ghi `measure: N` vào chỉ tiêu để chọn con số thứ N (đếm từ 1 theo thứ tự trong câu)",
    "write `measure: N` on the target to choose the N-th figure (counted from 1 in reading order)",
)
BAD_MEASURE_CHOICE = M(
    "`measure: {value}` nhưng chỉ tiêu chỉ có {count} con số",
    "`measure: {value}` but the target has only {count} figure(s)",
    "ghi một số từ 1 đến {count}: {figures}",
    "write a number from 1 to {count}: {figures}",
)
TRANSLATION_FIGURES_DIFFER = M(
    "bản dịch của “{field}” có con số khác bản gốc: bản gốc {source}, bản dịch {translation}",
    "the translation of “{field}” has figures that differ from the source: source {source}, translation {translation}",
    "sửa con số trong bản dịch cho khớp bản gốc (tiếng Anh viết 3,600 cho 3.600)",
    "make the translation's figures match the source (English writes 3,600 for 3.600)",
)
TRANSLATION_VIETNAMESE_NUMBER = M(
    "bản dịch tiếng Anh của “{field}” viết số kiểu Việt: “{number}”",
    "the English translation of “{field}” writes a number the Vietnamese way: “{number}”",
    "tiếng Anh nhóm chữ số bằng dấu phẩy và dùng dấu chấm thập phân: viết “{english}”",
    "English groups digits with commas and uses a decimal point: write “{english}”",
)


def answer_of(entry, entry_id: str | None, topic, measures, warnings: list[ContentError]) -> Answer:
    """Which measure of a target or result entry (schema.Fields) answers its topic (a model.Topic or None):
    the editor's `measure: N` first (an error when out of range); a warning when none or several do."""
    figures = "; ".join(f"{n}. {m.raw}" for n, m in enumerate(measures, start=1)) or "—"
    chosen = entry.count("measure") if "measure" in entry.data else None
    if chosen is not None and not 1 <= chosen <= len(measures):
        entry.error("measure", BAD_MEASURE_CHOICE, value=chosen, count=len(measures), figures=figures)
        chosen = None
    found = answer(topic, measures, chosen)
    if topic is not None and measures and found.status in ("none", "two"):
        line, col = entry.pos("topic") if "topic" in entry.data else (entry.line, 1)
        names = "; ".join(f"{n + 1}. {measures[n].raw}" for n in found.candidates)
        message = TWO_ANSWERING_MEASURES if found.status == "two" else NO_ANSWERING_MEASURE
        params = {"id": entry_id, "topic": topic.key, "count": len(found.candidates)}
        params.update(units=", ".join(topic.units) or "—", figures=names if found.status == "two" else figures)
        warnings.append(ContentError(entry.path, line, col, message, params))
    return found
