"""Problems with figures an editor can meet (which figure answers a topic, translated figures),
each in Vietnamese and English. Kept beside `messages` so the figures' rules travel together
(validate._Answers reports the first three while validating targets and results)."""

from vankien.errors import WARNING
from vankien.errors import Message as M

NO_ANSWERING_MEASURE = M(
    "không con số nào của chỉ tiêu “{id}” trả lời chủ đề “{topic}” (chủ đề đếm: {units}); "
    "bảng so sánh sẽ ghi “không so sánh được”",
    "no figure of target “{id}” answers topic “{topic}” (the topic counts: {units}); "
    "comparison tables will say “not comparable”",
    "các con số đọc được: {figures}; ghi `measure: N` vào chỉ tiêu để chọn con số thứ N, hoặc đổi chủ đề",
    "figures read: {figures}; write `measure: N` on the target to choose the N-th figure, or change its topic",
    code="VK130",
    severity=WARNING,
)
TWO_ANSWERING_MEASURES = M(
    "{count} con số của chỉ tiêu “{id}” cùng trả lời chủ đề “{topic}”: {figures}; "
    "bảng so sánh sẽ ghi “không so sánh được”",
    "{count} figures of target “{id}” answer topic “{topic}”: {figures}; comparison tables will say “not comparable”",
    "ghi `measure: N` vào chỉ tiêu để chọn con số thứ N (đếm từ 1 theo thứ tự trong câu)",
    "write `measure: N` on the target to choose the N-th figure (counted from 1 in reading order)",
    code="VK131",
    severity=WARNING,
)
BAD_MEASURE_CHOICE = M(
    "`measure: {value}` nhưng chỉ tiêu chỉ có {count} con số",
    "`measure: {value}` but the target has only {count} figure(s)",
    "ghi một số từ 1 đến {count}: {figures}",
    "write a number from 1 to {count}: {figures}",
    code="VK132",
)
TRANSLATION_FIGURES_DIFFER = M(
    "bản dịch của “{field}” có con số khác bản gốc: bản gốc {source}, bản dịch {translation}",
    "the translation of “{field}” has figures that differ from the source: source {source}, translation {translation}",
    "sửa con số trong bản dịch cho khớp bản gốc (tiếng Anh viết 3,600 cho 3.600)",
    "make the translation's figures match the source (English writes 3,600 for 3.600)",
    code="VK305",
    severity=WARNING,
)
TRANSLATION_VIETNAMESE_NUMBER = M(
    "bản dịch tiếng Anh của “{field}” viết số kiểu Việt: “{number}”",
    "the English translation of “{field}” writes a number the Vietnamese way: “{number}”",
    "tiếng Anh nhóm chữ số bằng dấu phẩy và dùng dấu chấm thập phân: viết “{english}”",
    "English groups digits with commas and uses a decimal point: write “{english}”",
    code="VK306",
    severity=WARNING,
)
TRANSLATION_LEADING_ZERO = M(
    "bản dịch tiếng Anh của “{field}” viết số có số 0 đứng đầu kiểu Việt: “{number}”",
    "the English translation of “{field}” writes a figure with a Vietnamese leading zero: “{number}”",
    "tiếng Anh không viết số 0 đứng đầu một con số: viết “{english}”",
    "English writes no leading zero before a count: write “{english}”",
    code="VK307",
    severity=WARNING,
)
