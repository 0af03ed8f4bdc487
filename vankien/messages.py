"""The catalogue of problems an editor can meet, each in Vietnamese and English.

Every message has a stable code (VK0xx files and YAML, VK1xx fields, VK2xx references
between files, VK3xx translations, VK4xx the build) and a severity (error unless said).
schema_check.py finds messages here by name: a field type that refuses a value with
`refuse("BAD_YEAR", …)` is reported with BAD_YEAR below.
"""

from vankien.errors import WARNING
from vankien.errors import Message as M

NOT_UTF8 = M(
    "tệp không phải văn bản UTF-8 (byte {byte} không đọc được)",
    "the file is not UTF-8 text (byte {byte} cannot be read)",
    "lưu lại tệp với bảng mã UTF-8 (trong Word: Lưu thành → Văn bản thuần, UTF-8)",
    "save the file again as UTF-8 (in Word: Save As → Plain Text, UTF-8)",
    code="VK001",
)
YAML_SYNTAX = M(
    "YAML sai cú pháp: {problem}",
    "YAML syntax error: {problem}",
    "kiểm tra dấu hai chấm, thụt lề bằng dấu cách (không dùng Tab) và dấu ngoặc kép ở dòng này hoặc dòng trên",
    "check the colon, the indentation (spaces, not tabs) and the quotes on this line or the one above",
    code="VK002",
)
DUPLICATE_KEY = M(
    "khóa “{key}” xuất hiện hai lần (lần đầu ở dòng {first})",
    "key “{key}” appears twice (first on line {first})",
    "xóa một trong hai dòng, hoặc đổi tên khóa",
    "delete one of the two lines, or rename the key",
    code="VK003",
)
YAML_ANCHOR = M(
    "không dùng neo/bí danh YAML (&, *) trong nội dung",
    "YAML anchors and aliases (&, *) are not allowed in content",
    "viết lại giá trị đầy đủ; nếu văn bản bắt đầu bằng * hãy đặt nó trong dấu ngoặc kép",
    "write the value out in full; if the text starts with *, put it in quotes",
    code="VK004",
)
NO_FRONT_MATTER = M(
    "tài liệu không có phần đầu YAML",
    "the document has no YAML front matter",
    "dòng đầu tiên của tệp phải là --- , tiếp theo là các trường (org, kind, title…), rồi một dòng --- nữa",
    "the file must start with a line ---, then the fields (org, kind, title…), then another line ---",
    code="VK007",
)
UNCLOSED_FRONT_MATTER = M(
    "phần đầu YAML không có dòng --- kết thúc",
    "the front matter has no closing --- line",
    "thêm một dòng chỉ có --- sau trường cuối cùng, trước phần nội dung",
    "add a line holding only --- after the last field, before the body",
    code="VK008",
)
EXPECTED_MAPPING = M(
    "“{field}” phải là một nhóm trường (khóa: giá trị)",
    "“{field}” must be a group of fields (key: value)",
    "viết mỗi trường trên một dòng, thụt vào hai dấu cách, dạng `khóa: giá trị`",
    "write each field on its own line, indented two spaces, as `key: value`",
    code="VK101",
)
EXPECTED_LIST = M(
    "“{field}” phải là một danh sách",
    "“{field}” must be a list",
    "mỗi mục bắt đầu bằng “- ” trên một dòng mới",
    "start each item with “- ” on a new line",
    code="VK102",
)
EXPECTED_TEXT = M(
    "“{field}” phải là một đoạn văn bản",
    "“{field}” must be a piece of text",
    "viết giá trị ngay sau dấu hai chấm, ví dụ `{field}: ...`",
    "write the value right after the colon, e.g. `{field}: ...`",
    code="VK103",
)
EXPECTED_BOOL = M(
    "“{field}” phải là true hoặc false, không phải “{value}”",
    "“{field}” must be true or false, not “{value}”",
    "viết `{field}: true` hoặc `{field}: false`",
    "write `{field}: true` or `{field}: false`",
    code="VK104",
)
UNKNOWN_KEY = M(
    "trường “{key}” không được hỗ trợ ở đây",
    "field “{key}” is not known here",
    "các trường hợp lệ: {allowed}{suggestion}",
    "valid fields: {allowed}{suggestion_en}",
    code="VK105",
)
MISSING_KEY = M(
    "thiếu trường bắt buộc “{key}”",
    "required field “{key}” is missing",
    "thêm dòng `{key}: ...` ({what_vi})",
    "add a line `{key}: ...` ({what_en})",
    code="VK106",
)
EMPTY_REQUIRED = M(
    "trường bắt buộc “{key}” đang để trống",
    "required field “{key}” is empty",
    "điền {what_vi} ngay sau dấu hai chấm",
    "fill in {what_en} right after the colon",
    code="VK107",
)
BAD_ID = M(
    "mã “{value}” không hợp lệ",
    "id “{value}” is not valid",
    "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ `ket-nap-dang`",
    "use lowercase ASCII letters, digits and hyphens only, e.g. `ket-nap-dang`",
    code="VK108",
)
RESERVED_ID = M(
    "mã tổ chức “{value}” trùng với một đường dẫn của trang",
    "organization id “{value}” clashes with a site path",
    "đổi tên tệp tổ chức; các tên đã dùng: {reserved}",
    "rename the organization file; taken names: {reserved}",
    code="VK206",
)
DUPLICATE_ID = M(
    "mã “{value}” bị trùng trong {where_vi} (lần đầu ở dòng {first})",
    "id “{value}” is used twice in {where_en} (first on line {first})",
    "đặt cho mỗi mục một mã riêng, ví dụ thêm hậu tố `-2`",
    "give each item its own id, e.g. add a suffix `-2`",
    code="VK205",
)
UNKNOWN_CHOICE = M(
    "“{value}” không phải giá trị hợp lệ của “{field}”",
    "“{value}” is not a valid value for “{field}”",
    "chọn một trong: {allowed}{suggestion}",
    "choose one of: {allowed}{suggestion_en}",
    code="VK109",
)
UNKNOWN_ORG = M(
    "không có tổ chức “{value}”",
    "there is no organization “{value}”",
    "tạo tệp content/organizations/{value}.yaml hoặc sửa mã{suggestion}",
    "create content/organizations/{value}.yaml or correct the id{suggestion_en}",
    code="VK201",
)
UNKNOWN_TOPIC = M(
    "chủ đề “{value}” không có trong content/topics.yaml",
    "topic “{value}” is not in content/topics.yaml",
    "thêm chủ đề vào content/topics.yaml hoặc sửa mã{suggestion}",
    "add the topic to content/topics.yaml or correct the key{suggestion_en}",
    code="VK202",
)
ORG_MISMATCH = M(
    "org “{value}” khác với thư mục chứa tài liệu “{folder}”",
    "org “{value}” differs from the document's folder “{folder}”",
    "chuyển tệp vào content/documents/{value}/ hoặc sửa org thành “{folder}”",
    "move the file to content/documents/{value}/ or set org to “{folder}”",
    code="VK203",
)
PARENT_CYCLE = M(
    "tổ chức cấp trên tạo thành vòng lặp: {chain}",
    "the parent organizations form a loop: {chain}",
    "kiểm tra trường parent của các tổ chức này",
    "check the parent field of these organizations",
    code="VK204",
)
BAD_DATE = M(
    "ngày “{value}” không hợp lệ",
    "date “{value}” is not valid",
    "viết theo dạng năm-tháng-ngày, ví dụ `2022-04-26` cho ngày 26/4/2022",
    "write it as year-month-day, e.g. `2022-04-26` for 26 April 2022",
    code="VK110",
)
BAD_YEAR = M(
    "năm “{value}” không hợp lệ",
    "year “{value}” is not valid",
    "viết năm bằng bốn chữ số, ví dụ `2022`",
    "write the year with four digits, e.g. `2022`",
    code="VK111",
)
BAD_COUNT = M(
    "số lượng “{value}” không hợp lệ",
    "count “{value}” is not valid",
    "chỉ viết chữ số, không có dấu chấm phân cách, ví dụ `1250`",
    "digits only, without separators, e.g. `1250`",
    code="VK112",
)
BAD_PERIOD = M(
    "kỳ “{field}” không hợp lệ: {problem_vi}",
    "period “{field}” is not valid: {problem_en}",
    "viết `{{term: VI, from: 2022, to: 2027}}` cho một nhiệm kỳ hoặc `{{year: 2023}}` cho một năm",
    "write `{{term: VI, from: 2022, to: 2027}}` for a term or `{{year: 2023}}` for a year",
    code="VK113",
)
BAD_NUMBER = M(
    "số “{value}” không hợp lệ",
    "number “{value}” is not valid",
    "chỉ viết chữ số, dấu phẩy cho phần thập phân, không có dấu chấm phân cách nghìn: `10000`, `2,5`",
    "digits only, a comma for decimals, no thousands separator: `10000`, `2,5`",
    code="VK114",
)
BASE_URL_QUERY = M(
    "địa chỉ site “{value}” có phần “?…” hoặc “#…”: địa chỉ của mọi trang sẽ sai",
    "the site's address “{value}” has a “?…” or “#…” part: every page's address would be wrong",
    "chỉ giữ phần địa chỉ tới thư mục của site, ví dụ `https://vankien.example.org/`",
    "keep the address up to the site's folder only, e.g. `https://vankien.example.org/`",
    code="VK123",
)
BAD_URL = M(
    "địa chỉ “{value}” không hợp lệ",
    "address “{value}” is not valid",
    "địa chỉ phải bắt đầu bằng https:// hoặc http://",
    "the address must start with https:// or http://",
    code="VK115",
)
DEBRIS = M(
    "còn sót ký tự rác từ Word: “{debris}”",
    "leftover from the Word export: “{debris}”",
    "xóa ký tự này; nếu đó là chú thích, viết [^1] tại chỗ và `[^1]: nội dung` ở cuối bài",
    "delete it; if it marked a footnote, write [^1] there and `[^1]: text` at the end",
    code="VK116",
)
GUESS_UNCONFIRMED = M(
    "“{value}” do lệnh import đoán, chưa được xác nhận",
    "“{value}” was guessed by the import command and is not confirmed yet",
    "kiểm tra giá trị đó (dòng có ghi ĐOÁN / GUESS), sửa nếu cần, rồi xóa dòng này khỏi danh sách guesses",
    "check that value (the line marked ĐOÁN / GUESS), correct it if needed, then delete this line from guesses",
    code="VK122",
)
DOC_NAME = M(
    "tên tệp tài liệu phải có dạng <mã>.vi.md",
    "a document file must be named <id>.vi.md",
    "đổi tên tệp, ví dụ `dai-hoi-2022.vi.md`",
    "rename the file, e.g. `dai-hoi-2022.vi.md`",
    code="VK014",
)
PLACEMENT_UNUSED = M(
    "có [[{what}]] trong nội dung nhưng tài liệu không có danh sách “{what}”",
    "the body has [[{what}]] but the document has no “{what}” list",
    "thêm “{what}:” vào phần đầu, hoặc xóa dòng [[{what}]]",
    "add “{what}:” to the front matter, or delete the [[{what}]] line",
    code="VK207",
)
PLACEMENT_NOT_ALONE = M(
    "[[{what}]] phải đứng một mình trên một dòng, viết đúng chữ thường, không thụt lề",
    "[[{what}]] must stand alone on its line, in small letters, not indented",
    "đưa [[{what}]] xuống một dòng riêng, ví dụ sau đoạn văn trước nó",
    "put [[{what}]] on a line of its own, e.g. after the paragraph before it",
    code="VK208",
)
PLACEMENT_UNKNOWN = M(
    "[[{name}]] không phải dấu đặt bảng: trang sẽ in nguyên “[[{name}]]”",
    "[[{name}]] is not a table mark: the page would print “[[{name}]]” as it is",
    "chỉ có [[targets]] (bảng chỉ tiêu) và [[results]] (bảng kết quả); sửa lại cho đúng, hoặc xóa dấu này",
    "the marks are [[targets]] (the targets table) and [[results]] (the results table); correct it, or delete it",
    code="VK212",
)
FOOTNOTE_UNUSED = M(
    "chú thích [^{label}] được viết nhưng không có chỗ nào trong nội dung trỏ tới: nội dung của nó sẽ không được đăng",
    "footnote [^{label}] is written but nothing in the text refers to it: its text would not be published",
    "viết [^{label}] vào chỗ của nó trong câu, hoặc xóa chú thích này",
    "write [^{label}] where it belongs in the text, or delete the footnote",
    code="VK209",
)
FOOTNOTE_UNDEFINED = M(
    "[^{label}] trỏ tới một chú thích không có: trang sẽ in nguyên “[^{label}]”",
    "[^{label}] refers to a footnote that does not exist: the page would print “[^{label}]” as it is",
    "thêm dòng `[^{label}]: nội dung chú thích` ở cuối văn bản, hoặc xóa [^{label}]",
    "add a line `[^{label}]: the footnote's text` at the end of the document, or delete [^{label}]",
    code="VK210",
)
NO_ORGANIZATION = M(
    "chưa có tổ chức nào trong content/organizations/: site không có gì để đăng",
    "there is no organization in content/organizations/ yet: the site would have nothing to publish",
    "tạo một tổ chức: `{program} new --org ma-to-chuc --level chi-doan`, rồi điền tên",
    "create one: `{program} new --org org-id --level chi-doan`, then fill in its name",
    code="VK017",
)
CHANGED_DURING_BUILD = M(
    "tệp đã được lưu lại trong khi đang dựng trang: không có gì được ghi",
    "the file was saved again while the site was being built: nothing was written",
    "chạy lại lệnh (bản xem trước tự dựng lại sau mỗi lần lưu)",
    "run it again (the preview builds again by itself after each save)",
    code="VK018",
)
PLACEMENT_TWICE = M(
    "[[{what}]] đã có ở dòng {first}: bảng chỉ được đặt một lần, dòng này sẽ bị bỏ qua",
    "[[{what}]] is already on line {first}: the table is placed once, this line would be ignored",
    "xóa một trong hai dòng [[{what}]]",
    "delete one of the two [[{what}]] lines",
    code="VK211",
)
MISSING_FILE = M(
    "không tìm thấy {what_vi}",
    "{what_en} not found",
    "{hint_vi}",
    "{hint_en}",
    code="VK009",
)
TEMPLATE = M(
    "lỗi mẫu trang: {problem}",
    "template error: {problem}",
    "sửa mẫu trang ở dòng này",
    "fix the template at this line",
    code="VK401",
)
ORPHAN_TRANSLATION = M(
    "bản dịch không có văn bản gốc {source}",
    "this translation has no Vietnamese source {source}",
    "đặt tên tệp dịch giống tệp gốc, chỉ đổi .vi.md thành .en.md",
    "name the translation like its source, with .en.md instead of .vi.md",
    code="VK301",
)
NOT_TRANSLATABLE = M(
    "trường “{key}” không dịch được: bản dịch chỉ mang phần chữ đã dịch",
    "field “{key}” is not translatable: a translation carries only translated text",
    "xóa dòng này; số liệu, ngày tháng, mã và kỳ lấy từ văn bản gốc. Các trường dịch được: {allowed}",
    "delete this line; numbers, dates, ids and periods come from the source. Translatable fields: {allowed}",
    code="VK302",
)
UNKNOWN_TRANSLATED_ID = M(
    "mã “{value}” không có trong danh sách {list} của văn bản gốc",
    "id “{value}” is not in the source's {list} list",
    "dùng đúng mã của chỉ tiêu trong tệp .vi.md",
    "use the id the target has in the .vi.md file",
    code="VK303",
)
STALE_TRANSLATION = M(
    "văn bản gốc đã thay đổi sau khi dịch (bản dịch từ phiên bản {old}, bản gốc hiện là {new})",
    "the Vietnamese source changed after this translation (translated from {old}, source is now {new})",
    "cập nhật bản dịch theo bản gốc, rồi ghi `source: {new}`",
    "update the translation to match the source, then set `source: {new}`",
    code="VK304",
    severity=WARNING,
)
INDEXER_FAILED = M(
    "lập chỉ mục tìm kiếm thất bại: {output}",
    "building the search index failed: {output}",
    "chạy lại `make site`; nếu vẫn lỗi, báo lỗi kèm thông báo này",
    "run `make site` again; if it still fails, report it with this message",
    code="VK402",
)
YAML_TOO_DEEP = M(
    "YAML lồng quá sâu (hơn {limit} cấp)",
    "the YAML is nested too deeply (more than {limit} levels)",
    "nội dung chỉ cần vài cấp thụt lề; kiểm tra dấu [ và {{ thừa ở dòng này",
    "content needs only a few levels of indentation; look for stray [ and {{ on this line",
    code="VK005",
)
CONTROL_CHAR = M(
    "có ký tự điều khiển {char} không hiển thị được",
    "an invisible control character {char} is in the text",
    "xóa ký tự này (thường do sao chép từ Word hoặc PDF); chỉ dùng được Tab và xuống dòng",
    "delete it (it usually comes from copying out of Word or a PDF); only tab and newline are allowed",
    code="VK006",
)
NOT_A_FILE = M(
    "“{name}” có tên như một tệp nội dung nhưng không phải tệp thường ({what})",
    "“{name}” is named like a content file but is not a regular file ({what})",
    "đổi tên hoặc xóa nó khỏi content/",
    "rename it or remove it from content/",
    code="VK010",
)
BROKEN_LINK = M(
    "liên kết tượng trưng “{name}” trỏ tới nơi không tồn tại",
    "the symbolic link “{name}” points nowhere",
    "xóa liên kết, hoặc chép tệp thật vào đây",
    "delete the link, or copy the real file here",
    code="VK011",
)
LINK_OUTSIDE = M(
    "“{name}” là liên kết tới ngoài dự án ({target}): không đăng",
    "“{name}” is a link to outside the project ({target}): not published",
    "chép tệp vào content/ thay vì liên kết tới nó: chỉ nội dung trong dự án được xuất bản",
    "copy the file into content/ instead of linking to it: only what is inside the project is published",
    code="VK012",
)
UNKNOWN_FILE = M(
    "tệp “{name}” không phải nội dung và không được xuất bản",
    "“{name}” is not a content file and is not published",
    "{hint_vi}",
    "{hint_en}",
    code="VK013",
    severity=WARNING,
)
UNREADABLE = M(
    "không đọc được tệp: {problem}",
    "the file cannot be read: {problem}",
    "kiểm tra quyền đọc của tệp, rồi chạy lại",
    "check that the file can be read, then run again",
    code="VK015",
)
UNREADABLE_FOLDER = M(
    "không đọc được thư mục: {problem}; các tệp trong đó không được đăng",
    "the folder cannot be read: {problem}; none of its files would be published",
    "kiểm tra quyền đọc và mở của thư mục (chmod u+rx), rồi chạy lại",
    "check that the folder can be read and opened (chmod u+rx), then run again",
    code="VK019",
)
TOO_LONG = M(
    "“{field}” dài {length} ký tự, quá giới hạn {limit}",
    "“{field}” is {length} characters long, over the limit of {limit}",
    "rút gọn; phần dài hơn thuộc về nội dung văn bản",
    "shorten it; longer text belongs in the body",
    code="VK117",
)
LONG_WORD = M(
    "“{field}” có một từ dài {length} ký tự (“{start}…”)",
    "“{field}” holds a word of {length} characters (“{start}…”)",
    "thêm dấu cách giữa các từ; một từ không dài quá {limit} ký tự",
    "put spaces between the words; no word is longer than {limit} characters",
    code="VK118",
)
FIGURE_TOO_LARGE = M(
    "số “{value}” quá lớn (hơn {limit} chữ số phần nguyên)",
    "figure “{value}” is too large (more than {limit} digits before the decimal comma)",
    "kiểm tra lại số liệu; nếu chỉ tiêu không có số, ghi `measures: []`",
    "check the figure; if the target has no figure, write `measures: []`",
    code="VK119",
)
DEPRECATED_FIELD = M(
    "trường “{key}” không còn được dùng",
    "field “{key}” is no longer used",
    "{hint_vi}",
    "{hint_en}",
    code="VK120",
    severity=WARNING,
)
BAD_VALUE = M(
    "giá trị của “{field}” không hợp lệ: {problem}",
    "the value of “{field}” is not valid: {problem}",
    "xem bảng các trường trong docs/handbook/content-format.md",
    "see the field reference in docs/handbook/content-format.md",
    code="VK121",
)
MISPLACED_FILE = M(
    "tệp “{name}” nằm sai chỗ nên không được đọc",
    "“{name}” is not where content files go, so it is not read",
    "{hint_vi}",
    "{hint_en}",
    code="VK016",
)

# -- what the command line prints around the problems (plain text, both languages) ------------

INTERNAL_ERROR = (
    "lỗi nội bộ của vankien / internal error: {error}\n"
    "    Nội dung có thể không sai; hãy báo lỗi này kèm lệnh đã chạy (VANKIEN_DEBUG=1 để xem chi tiết).\n"
    "    Your content may be fine; please report this with the command you ran (VANKIEN_DEBUG=1 for details)."
)
COUNTS = "{documents} văn bản / documents, {organizations} tổ chức / organizations"
CONTENT_VALID = "Nội dung hợp lệ / content is valid: {counts}."
UNCHANGED = "Không có gì thay đổi / nothing changed: {output} ({counts}), {seconds:.2f} s."
BUILT = "Đã dựng / built {output}: {pages} trang / pages, {counts}, {seconds:.2f} s."
NOTHING_WRITTEN = "{n} lỗi{also_vi} — chưa ghi gì vào site/. / {n} error(s){also_en} — nothing was written to site/."
ALSO_WARNINGS = (", {n} cảnh báo", ", {n} warning(s)")
NOTHING_WRITTEN_STRICT = (
    "{n} cảnh báo (--strict) — chưa ghi gì vào site/. / {n} warning(s) (--strict) — nothing was written to site/."
)
INDEXER_TIMEOUT = M(
    "lập chỉ mục tìm kiếm không xong sau {seconds} giây (Pagefind bị treo?); trang cũ được giữ nguyên",
    "the search indexer did not finish within {seconds} s (is Pagefind hanging?); the previous site is kept",
    "chạy lại; nếu vẫn treo, cài lại bằng `make site` (đặt VANKIEN_INDEX_TIMEOUT để chờ lâu hơn)",
    "run it again; if it hangs again, reinstall with `make site` (VANKIEN_INDEX_TIMEOUT sets a longer wait)",
    code="VK403",
)
INDEXER_NO_INDEX = M(
    "Pagefind báo xong nhưng không tạo chỉ mục tìm kiếm nào; trang cũ được giữ nguyên",
    "Pagefind reported success but wrote no search index; the previous site is kept",
    "cài lại Pagefind bằng `make site`; nếu vẫn lỗi, báo lỗi kèm thông báo này",
    "reinstall Pagefind with `make site`; if it still fails, report it with this message",
    code="VK404",
)
CANNOT_WRITE = M(
    "không ghi được trang vào thư mục này: {problem}; trang cũ được giữ nguyên",
    "cannot write the site into this folder: {problem}; the previous site is kept",
    "giải phóng dung lượng đĩa hoặc cấp quyền ghi cho thư mục, hoặc chọn thư mục khác bằng --output",
    "free some disk space or make the folder writable, or choose another with --output",
    code="VK405",
)
