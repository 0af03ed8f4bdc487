"""The catalogue of problems an editor can meet, each in Vietnamese and English."""

from vankien.errors import Message as M

NOT_UTF8 = M(
    "tệp không phải văn bản UTF-8 (byte {byte} không đọc được)",
    "the file is not UTF-8 text (byte {byte} cannot be read)",
    "lưu lại tệp với bảng mã UTF-8 (trong Word: Lưu thành → Văn bản thuần, UTF-8)",
    "save the file again as UTF-8 (in Word: Save As → Plain Text, UTF-8)",
)
YAML_SYNTAX = M(
    "YAML sai cú pháp: {problem}",
    "YAML syntax error: {problem}",
    "kiểm tra dấu hai chấm, thụt lề bằng dấu cách (không dùng Tab) và dấu ngoặc kép ở dòng này hoặc dòng trên",
    "check the colon, the indentation (spaces, not tabs) and the quotes on this line or the one above",
)
DUPLICATE_KEY = M(
    "khóa “{key}” xuất hiện hai lần (lần đầu ở dòng {first})",
    "key “{key}” appears twice (first on line {first})",
    "xóa một trong hai dòng, hoặc đổi tên khóa",
    "delete one of the two lines, or rename the key",
)
YAML_ANCHOR = M(
    "không dùng neo/bí danh YAML (&, *) trong nội dung",
    "YAML anchors and aliases (&, *) are not allowed in content",
    "viết lại giá trị đầy đủ; nếu văn bản bắt đầu bằng * hãy đặt nó trong dấu ngoặc kép",
    "write the value out in full; if the text starts with *, put it in quotes",
)
NO_FRONT_MATTER = M(
    "tài liệu không có phần đầu YAML",
    "the document has no YAML front matter",
    "dòng đầu tiên của tệp phải là --- , tiếp theo là các trường (org, kind, title…), rồi một dòng --- nữa",
    "the file must start with a line ---, then the fields (org, kind, title…), then another line ---",
)
UNCLOSED_FRONT_MATTER = M(
    "phần đầu YAML không có dòng --- kết thúc",
    "the front matter has no closing --- line",
    "thêm một dòng chỉ có --- sau trường cuối cùng, trước phần nội dung",
    "add a line holding only --- after the last field, before the body",
)
EXPECTED_MAPPING = M(
    "“{field}” phải là một nhóm trường (khóa: giá trị)",
    "“{field}” must be a group of fields (key: value)",
    "viết mỗi trường trên một dòng, thụt vào hai dấu cách, dạng `khóa: giá trị`",
    "write each field on its own line, indented two spaces, as `key: value`",
)
EXPECTED_LIST = M(
    "“{field}” phải là một danh sách",
    "“{field}” must be a list",
    "mỗi mục bắt đầu bằng “- ” trên một dòng mới",
    "start each item with “- ” on a new line",
)
EXPECTED_TEXT = M(
    "“{field}” phải là một đoạn văn bản",
    "“{field}” must be a piece of text",
    "viết giá trị ngay sau dấu hai chấm, ví dụ `{field}: ...`",
    "write the value right after the colon, e.g. `{field}: ...`",
)
EXPECTED_BOOL = M(
    "“{field}” phải là true hoặc false, không phải “{value}”",
    "“{field}” must be true or false, not “{value}”",
    "viết `{field}: true` hoặc `{field}: false`",
    "write `{field}: true` or `{field}: false`",
)
UNKNOWN_KEY = M(
    "trường “{key}” không được hỗ trợ ở đây",
    "field “{key}” is not known here",
    "các trường hợp lệ: {allowed}{suggestion}",
    "valid fields: {allowed}{suggestion_en}",
)
MISSING_KEY = M(
    "thiếu trường bắt buộc “{key}”",
    "required field “{key}” is missing",
    "thêm dòng `{key}: ...` ({what_vi})",
    "add a line `{key}: ...` ({what_en})",
)
EMPTY_REQUIRED = M(
    "trường bắt buộc “{key}” đang để trống",
    "required field “{key}” is empty",
    "điền {what_vi} ngay sau dấu hai chấm",
    "fill in {what_en} right after the colon",
)
BAD_ID = M(
    "mã “{value}” không hợp lệ",
    "id “{value}” is not valid",
    "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ `ket-nap-dang`",
    "use lowercase ASCII letters, digits and hyphens only, e.g. `ket-nap-dang`",
)
RESERVED_ID = M(
    "mã tổ chức “{value}” trùng với một đường dẫn của trang",
    "organization id “{value}” clashes with a site path",
    "đổi tên tệp tổ chức; các tên đã dùng: {reserved}",
    "rename the organization file; taken names: {reserved}",
)
DUPLICATE_ID = M(
    "mã “{value}” bị trùng trong {where_vi} (lần đầu ở dòng {first})",
    "id “{value}” is used twice in {where_en} (first on line {first})",
    "đặt cho mỗi mục một mã riêng, ví dụ thêm hậu tố `-2`",
    "give each item its own id, e.g. add a suffix `-2`",
)
UNKNOWN_CHOICE = M(
    "“{value}” không phải giá trị hợp lệ của “{field}”",
    "“{value}” is not a valid value for “{field}”",
    "chọn một trong: {allowed}{suggestion}",
    "choose one of: {allowed}{suggestion_en}",
)
UNKNOWN_ORG = M(
    "không có tổ chức “{value}”",
    "there is no organization “{value}”",
    "tạo tệp content/organizations/{value}.yaml hoặc sửa mã{suggestion}",
    "create content/organizations/{value}.yaml or correct the id{suggestion_en}",
)
UNKNOWN_TOPIC = M(
    "chủ đề “{value}” không có trong content/topics.yaml",
    "topic “{value}” is not in content/topics.yaml",
    "thêm chủ đề vào content/topics.yaml hoặc sửa mã{suggestion}",
    "add the topic to content/topics.yaml or correct the key{suggestion_en}",
)
ORG_MISMATCH = M(
    "org “{value}” khác với thư mục chứa tài liệu “{folder}”",
    "org “{value}” differs from the document's folder “{folder}”",
    "chuyển tệp vào content/documents/{value}/ hoặc sửa org thành “{folder}”",
    "move the file to content/documents/{value}/ or set org to “{folder}”",
)
PARENT_CYCLE = M(
    "tổ chức cấp trên tạo thành vòng lặp: {chain}",
    "the parent organizations form a loop: {chain}",
    "kiểm tra trường parent của các tổ chức này",
    "check the parent field of these organizations",
)
BAD_DATE = M(
    "ngày “{value}” không hợp lệ",
    "date “{value}” is not valid",
    "viết theo dạng năm-tháng-ngày, ví dụ `2022-04-26` cho ngày 26/4/2022",
    "write it as year-month-day, e.g. `2022-04-26` for 26 April 2022",
)
BAD_YEAR = M(
    "năm “{value}” không hợp lệ",
    "year “{value}” is not valid",
    "viết năm bằng bốn chữ số, ví dụ `2022`",
    "write the year with four digits, e.g. `2022`",
)
BAD_COUNT = M(
    "số lượng “{value}” không hợp lệ",
    "count “{value}” is not valid",
    "chỉ viết chữ số, không có dấu chấm phân cách, ví dụ `1250`",
    "digits only, without separators, e.g. `1250`",
)
BAD_PERIOD = M(
    "kỳ “{field}” không hợp lệ: {problem_vi}",
    "period “{field}” is not valid: {problem_en}",
    "viết `{{term: VI, from: 2022, to: 2027}}` cho một nhiệm kỳ hoặc `{{year: 2023}}` cho một năm",
    "write `{{term: VI, from: 2022, to: 2027}}` for a term or `{{year: 2023}}` for a year",
)
BAD_NUMBER = M(
    "số “{value}” không hợp lệ",
    "number “{value}” is not valid",
    "chỉ viết chữ số, dấu phẩy cho phần thập phân, không có dấu chấm phân cách nghìn: `10000`, `2,5`",
    "digits only, a comma for decimals, no thousands separator: `10000`, `2,5`",
)
BAD_URL = M(
    "địa chỉ “{value}” không hợp lệ",
    "address “{value}” is not valid",
    "địa chỉ phải bắt đầu bằng https:// hoặc http://",
    "the address must start with https:// or http://",
)
DEBRIS = M(
    "còn sót ký tự rác từ Word: “{debris}”",
    "leftover from the Word export: “{debris}”",
    "xóa ký tự này; nếu đó là chú thích, viết [^1] tại chỗ và `[^1]: nội dung` ở cuối bài",
    "delete it; if it marked a footnote, write [^1] there and `[^1]: text` at the end",
)
DOC_NAME = M(
    "tên tệp tài liệu phải có dạng <mã>.vi.md",
    "a document file must be named <id>.vi.md",
    "đổi tên tệp, ví dụ `dai-hoi-2022.vi.md`",
    "rename the file, e.g. `dai-hoi-2022.vi.md`",
)
PLACEMENT_UNUSED = M(
    "có [[{what}]] trong nội dung nhưng tài liệu không có danh sách “{what}”",
    "the body has [[{what}]] but the document has no “{what}” list",
    "thêm “{what}:” vào phần đầu, hoặc xóa dòng [[{what}]]",
    "add “{what}:” to the front matter, or delete the [[{what}]] line",
)
PLACEMENT_NOT_ALONE = M(
    "[[{what}]] phải đứng một mình trên một dòng, viết đúng chữ thường, không thụt lề",
    "[[{what}]] must stand alone on its line, in small letters, not indented",
    "đưa [[{what}]] xuống một dòng riêng, ví dụ sau đoạn văn trước nó",
    "put [[{what}]] on a line of its own, e.g. after the paragraph before it",
)
LINK_OUTSIDE = M(
    "tệp này là liên kết tới ngoài dự án ({target}): không đăng",
    "this file is a link to outside the project ({target}): not published",
    "chép nội dung vào đây thay cho liên kết, hoặc xóa liên kết",
    "copy the content here instead of linking to it, or delete the link",
)
MISSING_FILE = M(
    "không tìm thấy {what_vi}",
    "{what_en} not found",
    "{hint_vi}",
    "{hint_en}",
)
TEMPLATE = M(
    "lỗi mẫu trang: {problem}",
    "template error: {problem}",
    "sửa mẫu trang ở dòng này",
    "fix the template at this line",
)
ORPHAN_TRANSLATION = M(
    "bản dịch không có văn bản gốc {source}",
    "this translation has no Vietnamese source {source}",
    "đặt tên tệp dịch giống tệp gốc, chỉ đổi .vi.md thành .en.md",
    "name the translation like its source, with .en.md instead of .vi.md",
)
NOT_TRANSLATABLE = M(
    "trường “{key}” không dịch được: bản dịch chỉ mang phần chữ đã dịch",
    "field “{key}” is not translatable: a translation carries only translated text",
    "xóa dòng này; số liệu, ngày tháng, mã và kỳ lấy từ văn bản gốc. Các trường dịch được: {allowed}",
    "delete this line; numbers, dates, ids and periods come from the source. Translatable fields: {allowed}",
)
UNKNOWN_TRANSLATED_ID = M(
    "mã “{value}” không có trong danh sách {list} của văn bản gốc",
    "id “{value}” is not in the source's {list} list",
    "dùng đúng mã của chỉ tiêu trong tệp .vi.md",
    "use the id the target has in the .vi.md file",
)
STALE_TRANSLATION = M(
    "văn bản gốc đã thay đổi sau khi dịch (bản dịch từ phiên bản {old}, bản gốc hiện là {new})",
    "the Vietnamese source changed after this translation (translated from {old}, source is now {new})",
    "cập nhật bản dịch theo bản gốc, rồi ghi `source: {new}`",
    "update the translation to match the source, then set `source: {new}`",
)
INDEXER_FAILED = M(
    "lập chỉ mục tìm kiếm thất bại: {output}",
    "building the search index failed: {output}",
    "chạy lại `make site`; nếu vẫn lỗi, báo lỗi kèm thông báo này",
    "run `make site` again; if it still fails, report it with this message",
)
