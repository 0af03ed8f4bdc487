"""Text exports of documents of other organizations: the official header in all its layouts,
every section numbering, targets wherever listed, results in any column order or in prose.
The inputs are small documents written here in the shapes real ones take (see the module
docstrings of vankien/importer/header.py, sections.py, targets.py)."""

from __future__ import annotations

import pytest

from vankien import importer

BODY = "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao chất lượng đoàn viên.\n"


@pytest.mark.parametrize(
    "opening",
    [
        # two columns as a run of spaces, number and date on one line
        "BAN THƯỜNG VỤ THÀNH ĐOÀN                          ĐOÀN TNCS HỒ CHÍ MINH\n***\n"
        "Số: 53-KH/TĐTN                     TP. Hồ Chí Minh, ngày 28 tháng 4 năm 2023\n",
        # as tabs
        "BAN THƯỜNG VỤ THÀNH ĐOÀN\tĐOÀN TNCS HỒ CHÍ MINH\n***\nSố: 53-KH/TĐTN\t\tTP. Hồ Chí Minh, ngày 28 tháng 4 năm 2023\n",
        # as " |" table cells, one after the other
        "BAN THƯỜNG VỤ THÀNH ĐOÀN |\nĐOÀN TNCS HỒ CHÍ MINH |\nSố: 53-KH/TĐTN |\nTP. Hồ Chí Minh, ngày 28 tháng 4 năm 2023 |\n",
        # one column after the other, the number spelt with spaces
        "BAN THƯỜNG VỤ THÀNH ĐOÀN\n***\nSố:  53  -KH/TĐTN\nĐOÀN TNCS HỒ CHÍ MINH\nTP. Hồ Chí Minh, ngày 28 tháng 4 năm 2023\n",
    ],
)
def test_the_two_column_header_in_every_layout(opening):
    text = opening + "\nKẾ HOẠCH\nTổ chức Tháng Thanh niên\nnăm 2023\n\nCăn cứ Điều lệ Đoàn.\n\n" + BODY
    imported = importer.import_text(text)
    front = imported.front
    assert (front["number"], front["place"], front["issued"]) == ("53-KH/TĐTN", "TP. Hồ Chí Minh", "2023-04-28")
    assert front["issuer"] == ["BAN THƯỜNG VỤ THÀNH ĐOÀN"]
    assert (front["kind"], front["title"]) == ("plan", "Kế hoạch Tổ chức Tháng Thanh niên năm 2023")
    assert front["period"] == "{year: 2023}"
    rendered = importer.render(imported)
    assert "Căn cứ Điều lệ Đoàn." in rendered and "## I. MỤC ĐÍCH, YÊU CẦU" in rendered
    assert "# đầu văn bản / header: " in rendered  # the header's own lines stay in the file


def test_the_state_motto_of_a_hoi_document_is_no_issuer_line():
    text = (
        "ỦY BAN HỘI LHTN VIỆT NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HƯNG YÊN\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 05/KH-UBH\tHưng Yên, ngày 28 tháng 10 năm 2008\n\nKẾ HOẠCH\nTổ chức Đại hội Hội các cấp\n\n" + BODY
    )
    imported = importer.import_text(text)
    assert imported.front["issuer"] == ["ỦY BAN HỘI LHTN VIỆT NAM", "TỈNH HƯNG YÊN"]
    assert imported.front["place"] == "Hưng Yên" and imported.notes == []
    assert not any("Độc lập" in line for line in imported.body)


@pytest.mark.parametrize(
    "written, number",
    [
        ("Số:  26  -CTr/ĐTN", "26-CTr/ĐTN"),
        ("SỐ 16 KH/ĐTN", "16-KH/ĐTN"),
        ("Số: 80 /KHĐH/PL-ĐTN", "80/KHĐH/PL-ĐTN"),
        ("Số: 225 - KH/TWĐTN-CTTN", "225-KH/TWĐTN-CTTN"),
        ("Số: 07 – CT/HĐĐ", "07-CT/HĐĐ"),
    ],
)
def test_the_number_in_all_its_spellings(written, number):
    text = f"HUYỆN ĐOÀN PHÚ GIÁO\n{written}        Phú Giáo, ngày 15 tháng 12 năm 2015\n\nCHƯƠNG TRÌNH\nCông tác năm 2016\n\n"
    assert importer.import_text(text + BODY).front["number"] == number


@pytest.mark.parametrize(
    "word, kind, guessed",
    [
        ("KẾ HOẠCH", "plan", False),
        ("CHƯƠNG TRÌNH", "annual-program", False),
        ("NGHỊ QUYẾT", "resolution", False),
        ("BÁO CÁO", "congress-report", True),
        ("HƯỚNG DẪN", "plan", True),
        ("THÔNG BÁO", "plan", True),
    ],
)
def test_the_kind_word(word, kind, guessed):
    imported = importer.import_text(f"{word}\nThực hiện công tác Đoàn năm 2024\nCăn cứ Điều lệ.\n" + BODY)
    assert imported.front["kind"] == kind and ("kind" in imported.guesses) == guessed
    assert imported.front["title"] == f"{word.capitalize()} Thực hiện công tác Đoàn năm 2024"


def test_theme_and_a_page_on_one_line():
    text = (
        "ĐỘI TNTP HỒ CHÍ MINH HỘI ĐỒNG TỈNH QUẢNG NGÃI *** Quảng Ngãi, ngày 11 tháng 9 năm 2015 Số: 07 - CT/HĐĐ "
        "CHƯƠNG TRÌNH Công tác Đội và phong trào thiếu nhi năm học 2015 - 2016 Năm học 2015 - 2016 khai giảng "
        "trong không khí kỷ niệm 70 năm Cách mạng Tháng Tám và Quốc khánh 2/9."
    )
    imported = importer.import_text(text)
    front = imported.front
    assert front["issuer"] == ["ĐỘI TNTP HỒ CHÍ MINH HỘI ĐỒNG TỈNH QUẢNG NGÃI"]
    assert (front["number"], front["place"], front["issued"]) == ("07-CT/HĐĐ", "Quảng Ngãi", "2015-09-11")
    assert front["title"] == "Chương trình Công tác Đội và phong trào thiếu nhi năm học 2015 - 2016"
    # the header's part of the line is the header; the rest of the page is the body, not a comment
    body = [line for line in importer.render(imported).split("---\n")[2].splitlines() if line.strip()]
    assert body == [
        "Năm học 2015 - 2016 khai giảng trong không khí kỷ niệm 70 năm Cách mạng Tháng Tám và Quốc khánh 2/9."
    ]
    assert imported.notes == []
    themed = importer.import_text("CHƯƠNG TRÌNH\nCông tác năm 2023\n\nChủ đề: “Năm chuyển đổi số”\n\n" + BODY)
    assert themed.front["theme"] == "“Năm chuyển đổi số”"


def test_a_paragraph_that_opens_like_a_header_stays_in_the_body():
    paragraph = (
        "Năm học 2015 - 2016, Ban Thường vụ Huyện đoàn đã ban hành nhiều văn bản chỉ đạo; Hà Nội, ngày 5 tháng 9 "
        "năm 2015 là ngày khai giảng chung của toàn huyện, các liên đội tổ chức lễ khai giảng trang trọng, "
        "an toàn và tiết kiệm theo hướng dẫn."
    )
    imported = importer.import_text("KẾ HOẠCH\nHè 2024\n\n" + paragraph + "\n")
    assert paragraph in imported.body and "issued" not in imported.front


def test_text_kept_only_in_a_comment_is_reported():
    empty = importer.import_text("KẾ HOẠCH\nHè thiếu nhi năm 2024\n")
    assert any("the body is empty" in note for note in empty.notes)
    crowded = importer.import_text(
        "HUYỆN ĐOÀN PHÚ GIÁO\nSố: 12-KH/ĐTN về việc tổ chức hội trại thiếu nhi toàn huyện\n\nKẾ HOẠCH\nHè 2024\n\n"
        + BODY
    )
    assert crowded.front["number"] == "12-KH/ĐTN"
    assert any("words of the header are only in the `# header` comments" in note for note in crowded.notes)


def test_signature_block_and_distribution_side_by_side():
    closing = (
        "\nNơi nhận:                                  TM. BAN THƯỜNG VỤ\n"
        "- Thành Đoàn;                               KT. BÍ THƯ\n"
        "- Lưu VP.                                   PHÓ BÍ THƯ\n\n"
        "                                            Nguyễn Văn A\n"
    )
    imported = importer.import_text("KẾ HOẠCH\nHè 2024\n\n" + BODY + closing)
    assert imported.front["distribution"] == ["Thành Đoàn;", "Lưu VP."]
    assert imported.front["signature"] == ["TM. BAN THƯỜNG VỤ", "KT. BÍ THƯ", "PHÓ BÍ THƯ", "Nguyễn Văn A"]
    assert not any("Nơi nhận" in line or "Nguyễn Văn A" in line for line in imported.body)


def test_every_section_numbering_and_restarts():
    text = (
        "Phần thứ nhất\nKẾT QUẢ NHIỆM KỲ\n\nA. BÁO CÁO TỔNG KẾT\n\nI/ ĐẶC ĐIỂM TÌNH HÌNH\n\n"
        "1. Thuận lợi\n\nCó nhiều thuận lợi trong năm qua.\n\n1.1. Về tổ chức\n\n1.1.1. Chi đoàn\n\n"
        "a) Sinh hoạt định kỳ\n\n2. Khó khăn\n\nII ĐÁNH GIÁ CHUNG\n\n1. Ưu điểm\n\n"
        "Phần thứ hai\nPHƯƠNG HƯỚNG\n\nI. MỤC TIÊU\n"
    )
    headings = [line for line in importer.import_text(text).body if line.startswith("#")]
    assert headings == [
        "## Phần thứ nhất: KẾT QUẢ NHIỆM KỲ",
        "### A. BÁO CÁO TỔNG KẾT",
        "#### I/ ĐẶC ĐIỂM TÌNH HÌNH",
        "##### 1. Thuận lợi",
        "###### 1.1. Về tổ chức",
        "###### 1.1.1. Chi đoàn",
        "###### a) Sinh hoạt định kỳ",
        "##### 2. Khó khăn",
        "#### II ĐÁNH GIÁ CHUNG",
        "##### 1. Ưu điểm",
        "## Phần thứ hai: PHƯƠNG HƯỚNG",
        "#### I. MỤC TIÊU",
    ]


def test_levels_stay_consecutive_when_a_style_is_not_used():
    headings = [
        line
        for line in importer.import_text("I. MỤC ĐÍCH\n\n1.1. Về học tập\n\n2. Yêu cầu\n").body
        if line.startswith("#")
    ]
    assert headings == ["## I. MỤC ĐÍCH", "#### 1.1. Về học tập", "### 2. Yêu cầu"]


@pytest.mark.parametrize(
    "heading, items",
    [
        (
            "III. Một số chỉ tiêu cơ bản:",
            ["(1). 100% cán bộ đoàn được học tập nghị quyết.", "(2). Kết nạp 500 đoàn viên mới."],
        ),
        (
            "II. MỘT SỐ CHỈ TIÊU TRỌNG TÂM",
            ["(1) 100% cán bộ đoàn được học tập nghị quyết.", "(2) Kết nạp 500 đoàn viên mới."],
        ),
        ("2. Các chỉ tiêu phấn đấu", ["1) 100% cán bộ đoàn được học tập nghị quyết.", "2) Kết nạp 500 đoàn viên mới."]),
        ("IV. HỆ THỐNG CHỈ TIÊU", ["a) 100% cán bộ đoàn được học tập nghị quyết.", "b) Kết nạp 500 đoàn viên mới."]),
        ("IV. HỆ THỐNG CHỈ TIÊU", ["- 100% cán bộ đoàn được học tập nghị quyết.", "- Kết nạp 500 đoàn viên mới."]),
        ("IV. HỆ THỐNG CHỈ TIÊU", ["+ 100% cán bộ đoàn được học tập nghị quyết.", "• Kết nạp 500 đoàn viên mới."]),
        ("IV. Hệ thống chỉ tiêu", ["\t100% cán bộ đoàn được học tập nghị quyết.", "\tKết nạp 500 đoàn viên mới."]),
    ],
)
def test_targets_under_any_heading_with_any_item_mark(heading, items):
    text = f"KẾ HOẠCH\nCông tác năm 2024\n\nI. MỤC ĐÍCH\n\n1. Nâng cao chất lượng.\n\n{heading}\n\n" + "\n".join(items)
    text += "\n\nV. TỔ CHỨC THỰC HIỆN\n\n1. Ban Thường vụ chỉ đạo 05 chi đoàn.\n"
    imported = importer.import_text(text)
    assert [t["text"] for t in imported.targets] == [
        "100% cán bộ đoàn được học tập nghị quyết.",
        "Kết nạp 500 đoàn viên mới.",
    ]
    assert imported.results == [] and "[[targets]]" in imported.body


def test_a_wrapped_item_is_joined_back_and_labels_under_tasks_are_targets():
    text = (
        "III. MỘT SỐ CHỈ TIÊU\n\n(1). 100% cán bộ đoàn, đoàn viên được học tập\nnghị quyết của Đảng.\n"
        "(2). Kết nạp 500 đoàn viên mới.\n\nIV. NHIỆM VỤ\n\n1. Phát động thi đua\n\n1.1. Thời gian: tháng 3\n\n"
        "1.2. Đối tượng: 100% đoàn viên\n\n1.3. Chỉ tiêu: - 100% các chi đoàn đạt tuần học tốt.\n\n"
        "2. Hiến máu kỷ niệm 80 năm thành lập Đoàn.\n\nChỉ tiêu:\n- Ít nhất 200 đơn vị máu.\n\n"
        "Người phụ trách: Ban Tuyên giáo.\n"
    )
    imported = importer.import_text(text)
    assert [t["text"] for t in imported.targets] == [
        "100% cán bộ đoàn, đoàn viên được học tập nghị quyết của Đảng.",
        "Kết nạp 500 đoàn viên mới.",
        "100% các chi đoàn đạt tuần học tốt.",
        "Ít nhất 200 đơn vị máu.",
    ]
    assert "1.2. Đối tượng: 100% đoàn viên" not in [t["text"] for t in imported.targets]


def test_results_tables_in_any_column_order():
    rows = [
        ("Kết quả", "Đánh giá", "Chỉ tiêu", "TT"),
        ("520 đoàn viên", "Vượt", "Kết nạp 500 đoàn viên", "1"),
        ("90%", "Không đạt", "100% chi đoàn sinh hoạt", "2"),
    ]
    text = "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n\n" + "\n\n".join("\n".join(f"\t{c}" for c in row) for row in rows)
    results = importer.import_text(text + "\n\nII. PHƯƠNG HƯỚNG\n").results
    assert [(r["target"], r["result"], r["assessment"]) for r in results] == [
        ("Kết nạp 500 đoàn viên", "520 đoàn viên", "exceeded"),
        ("100% chi đoàn sinh hoạt", "90%", "not-achieved"),
    ]


def test_results_and_targets_in_prose():
    text = (
        "Quận Đoàn A: 5 năm, tạo việc làm cho 4.000 thanh niên\n\n"
        "Báo cáo cho biết, nhiệm kỳ qua Quận Đoàn đã giới thiệu việc làm cho hơn 1.000 thanh niên; "
        "kết nạp 376 đoàn viên ưu tú vào Đảng. Nhiệm kỳ qua đạt và vượt 8/10 chỉ tiêu.\n\n"
        "Nhiệm kỳ 2017-2022, Đại hội đề ra một số chỉ tiêu gồm: tư vấn cho 10.000 thanh niên; "
        "100% đoàn phường nhận giúp đỡ thanh thiếu niên; hiến trên 3.000 đơn vị máu…\n"
    )
    imported = importer.import_text(text)
    assert [t["text"] for t in imported.targets] == [
        "tư vấn cho 10.000 thanh niên",
        "100% đoàn phường nhận giúp đỡ thanh thiếu niên",
        "hiến trên 3.000 đơn vị máu",
    ]
    assert [r["result"] for r in imported.results][1] == "kết nạp 376 đoàn viên ưu tú vào Đảng"
    assert len(imported.results) == 2  # the headline and "8/10 chỉ tiêu" are not results of their own
    assert all(f"targets.{t['id']}" in imported.guesses for t in imported.targets)
    assert any("8/10 chỉ tiêu" in note for note in imported.notes)


def test_each_target_of_a_prose_sentence_is_a_target_of_its_own():
    """Sentences of two news reports (Tiền Phong, 2017 and 2009): targets joined by ",", "và" and
    sentence ends, one starting with a figure; a list naming the subject and a measure of the phrase
    before it are not cut."""
    text = (
        "Giới thiệu 210.000 đoàn viên ưu tú cho Đảng\n"
        "TP - Ban chấp hành T.Ư Đoàn cho biết, chương trình công tác năm 2017 sẽ thực hiện nhiều chỉ tiêu quan trọng.\n\n"
        "100% Đoàn cấp tỉnh, huyện có ít nhất 1 công trình thanh niên; mỗi Đoàn xã, phường, thị trấn có ít nhất 1 "
        "công trình hoặc phần việc thanh niên. 100% Đoàn xã thành lập được ít nhất 1 câu lạc bộ thanh niên làm kinh tế.\n\n"
        "Tổ chức Đoàn sẽ tư vấn, hướng nghiệp cho 1,6 triệu thanh niên, dạy nghề cho 40 ngàn thanh niên và giới thiệu "
        "việc làm cho 150 ngàn thanh niên.\n\n"
        "Phấn đấu hàng năm mỗi chi đoàn có ít nhất một công trình thanh niên có giá trị, 10 đoàn viên có một sáng kiến "
        "phục vụ sản xuất, Đoàn cơ sở có từ hai đến ba công trình tham gia giải thưởng Tuổi trẻ sáng tạo trong Quân đội…\n"
        "Kết nạp 50 đoàn viên mới, đạt 120% chỉ tiêu năm.\n"
        "Tổ chức 5 buổi sinh hoạt chuyên đề, mỗi buổi có ít nhất 30 đoàn viên tham gia; tặng 30 suất quà, và 10 xe đạp.\n"
    )
    assert [t["text"] for t in importer.import_text(text).targets] == [
        "100% Đoàn cấp tỉnh, huyện có ít nhất 1 công trình thanh niên",
        "mỗi Đoàn xã, phường, thị trấn có ít nhất 1 công trình hoặc phần việc thanh niên",
        "100% Đoàn xã thành lập được ít nhất 1 câu lạc bộ thanh niên làm kinh tế",
        "Tổ chức Đoàn sẽ tư vấn, hướng nghiệp cho 1,6 triệu thanh niên",
        "dạy nghề cho 40 ngàn thanh niên",
        "giới thiệu việc làm cho 150 ngàn thanh niên",
        "Phấn đấu hàng năm mỗi chi đoàn có ít nhất một công trình thanh niên có giá trị",
        "10 đoàn viên có một sáng kiến phục vụ sản xuất",
        "Đoàn cơ sở có từ hai đến ba công trình tham gia giải thưởng Tuổi trẻ sáng tạo trong Quân đội",
        "Kết nạp 50 đoàn viên mới, đạt 120% chỉ tiêu năm",
        "Tổ chức 5 buổi sinh hoạt chuyên đề, mỗi buổi có ít nhất 30 đoàn viên tham gia",
        "tặng 30 suất quà",
        "10 xe đạp",
    ]


def test_completing_targets_set_elsewhere_does_not_introduce_targets():
    """A news report (Hà Nội Mới, 2022): the contest "hoàn thành các chỉ tiêu" of the term, then
    "3 đợt hoạt động cao điểm" (names three campaigns); the targets come after "phấn đấu"."""
    text = (
        "Theo đó, các nội dung thi đua gồm: Thi đua hoàn thành các chỉ tiêu, mục tiêu nhiệm kỳ 2017-2022; tổ chức "
        "thành công 3 đợt hoạt động cao điểm Tháng Thanh niên, Chiến dịch Thanh niên tình nguyện hè năm 2022.\n"
        "Ngoài ra, toàn Đoàn thi đua, phấn đấu đạt chỉ tiêu 100% các cấp bộ đoàn hoàn thành tổ chức Đại hội.\n"
    )
    assert [t["text"] for t in importer.import_text(text).targets] == [
        "Ngoài ra, toàn Đoàn thi đua, phấn đấu đạt chỉ tiêu 100% các cấp bộ đoàn hoàn thành tổ chức Đại hội"
    ]
    listed = "Chi đoàn phấn đấu hoàn thành các chỉ tiêu sau: kết nạp 10 đoàn viên; tặng 30 suất quà.\n"
    assert len(importer.import_text(listed).targets) == 2


def test_a_sentence_over_numbered_sub_items_is_their_heading_and_labels_keep_their_content():
    """From a school Đoàn's plan (2011): "1. Phát động …." ends like a sentence but has sub-items;
    "1.1. Thời gian: Ngày 12/2" is a label with its content, not a heading holding it."""
    text = (
        "I. MỤC ĐÍCH, Ý NGHĨA\n\n1. Tạo khí thế thi đua sôi nổi của tuổi trẻ.\n\n2. Tạo sự quan tâm của cấp ủy.\n\n"
        "II. CÁC NỘI DUNG HOẠT ĐỘNG\n\n1. Phát động đợt thi đua đặc biệt chào mừng ngày thành lập đoàn.\n\n"
        "1.1. Thời gian: Ngày 12/2/2011 (Thứ 2)\n\n1.2. Đối tượng: 100% ĐVTN nhà trường\n\n"
        "1.3. Chỉ tiêu: - 100% các chi đoàn đạt tuần học tập tốt.\n\n"
        "2. Phát động các khối ra số báo bảng đặc biệt.\n\n2.1. Thời gian: - Phát động ngày 12/2/2011\n"
    )
    imported = importer.import_text(text)
    assert [line for line in imported.body if line.startswith("#")] == [
        "## I. MỤC ĐÍCH, Ý NGHĨA",
        "## II. CÁC NỘI DUNG HOẠT ĐỘNG",
        "### 1. Phát động đợt thi đua đặc biệt chào mừng ngày thành lập đoàn.",
        "### 2. Phát động các khối ra số báo bảng đặc biệt.",
    ]
    assert "1\\.1. Thời gian: Ngày 12/2/2011 (Thứ 2)" in imported.body
    assert "1\\. Tạo khí thế thi đua sôi nổi của tuổi trẻ." in imported.body  # no sub-items: a paragraph
    assert [t["text"] for t in imported.targets] == ["100% các chi đoàn đạt tuần học tập tốt."]


def test_a_numbered_list_of_names_is_not_a_run_of_sections():
    text = (
        "I. ĐẶC ĐIỂM TÌNH HÌNH\n\nBan chấp hành gồm 03 đồng chí:\n1. Đồng chí Nguyễn Văn A\n"
        "2. Đồng chí Trần Văn B\n3. Đồng chí Lê Thị C\n\n1. Thuận lợi\n\nĐược quan tâm.\n\n2. Khó khăn\n\nÍt kinh phí.\n"
    )
    body = importer.import_text(text).body
    assert [line for line in body if line.startswith("#")] == [
        "## I. ĐẶC ĐIỂM TÌNH HÌNH",
        "### 1. Thuận lợi",
        "### 2. Khó khăn",
    ]
    assert "3\\. Đồng chí Lê Thị C" in body


def test_word_plain_text_tables_with_cells_apart_by_tabs():
    text = (
        "I. ĐÁNH GIÁ MỨC ĐỘ HOÀN THÀNH CHỈ TIÊU\n\n"
        "STT\tNội dung chỉ tiêu\tKết quả thực hiện\tĐánh giá\n"
        "1\tKết nạp 500 đoàn viên\t\tĐạt\n"
        "2\tTặng 30 suất quà\t45 suất quà\tVượt\n\n"
        "II. CHỈ TIÊU\n\n1.\tKết nạp 300 đoàn viên.\n2.\tTổ chức 05 hoạt động.\n"
    )
    imported = importer.import_text(text)
    assert [(r["target"], r.get("result"), r["assessment"]) for r in imported.results] == [
        ("Kết nạp 500 đoàn viên", None, "achieved"),
        ("Tặng 30 suất quà", "45 suất quà", "exceeded"),
    ]
    assert [t["text"] for t in imported.targets] == ["Kết nạp 300 đoàn viên.", "Tổ chức 05 hoạt động."]


@pytest.mark.parametrize(
    "line, place",
    [
        ("Thành phố Hồ Chí Minh, ngày 02 tháng 01 năm 2024", "Thành phố Hồ Chí Minh"),
        ("Quận 1, ngày 2 tháng 1 năm 2024", "Quận 1"),
        ("Bà Rịa - Vũng Tàu, ngày 2 tháng 1 năm 2024", "Bà Rịa - Vũng Tàu"),
        ("TP. Hồ Chí Minh, ngày  2  tháng  1  năm 2024", "TP. Hồ Chí Minh"),
    ],
)
def test_place_and_date(line, place):
    front = importer.import_text(f"ĐOÀN TNCS HỒ CHÍ MINH\nSố: 1-KH/ĐTN\n{line}\n\nKẾ HOẠCH\nHè 2024\n\n" + BODY).front
    assert (front["place"], front["issued"]) == (place, "2024-01-02")


def test_a_heading_about_the_means_of_reaching_targets_lists_none():
    text = "III. NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN CÁC CHỈ TIÊU\n\n1. Tổ chức 05 lớp bồi dưỡng cho cán bộ.\n"
    text += "\nIV. CHỈ TIÊU VÀ NHIỆM VỤ\n\n1. Kết nạp 300 đoàn viên.\n"
    imported = importer.import_text(text)
    assert imported.results == [] and [t["text"] for t in imported.targets] == ["Kết nạp 300 đoàn viên."]


def test_an_official_excerpt_without_targets_gets_none_and_a_school_year():
    text = (
        "HUYỆN ĐOÀN PHÚ GIÁO      ĐOÀN TNCS HỒ CHÍ MINH\nSỐ 16 KH/ĐTN      Phú Giáo, ngày 15 tháng 12 năm 2015\n\n"
        "KẾ HOẠCH\n\nKẾT NẠP ĐOÀN LẦN THỨ I NĂM HỌC 2015 – 2016\n\n"
        "- Căn cứ kết quả phấn đấu của 120 thanh niên.\nBCH Đoàn trường triển khai kế hoạch năm học 2015 - 2016 như sau:\n\n"
        "I/ MỤC ĐÍCH, YÊU CẦU:\n\n- Tuyên truyền về truyền thống 71 năm thành lập Quân đội\n"
    )
    imported = importer.import_text(text)
    assert imported.targets == [] and imported.results == []
    assert imported.front["period"] == "{from: 2015, to: 2016}"


def test_kind_given_on_the_command_line_and_a_kind_word_in_mixed_case():
    imported = importer.import_text("Kế hoạch\nHè tình nguyện 2024\n\n" + BODY)
    assert imported.front["kind"] == "plan" and imported.front["title"] == "Kế hoạch Hè tình nguyện 2024"
    given = importer.import_text("BÁO CÁO\nTổng kết năm 2024\n\n" + BODY, kind="annual-program")
    assert given.front["kind"] == "annual-program" and "kind" not in given.guesses


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_a_text_saved_as_unicode_by_notepad_or_word_imports_as_utf_8_does(tmp_path, encoding):
    """Notepad's "Unicode" and Word's "Unicode text" are UTF-16 with a byte-order mark."""
    from vankien.importer.sources import read_source

    text = "KẾ HOẠCH\r\nI. MỤC ĐÍCH\r\nPhấn đấu kết nạp 05 đoàn viên ưu tú vào Đảng.\r\n"
    plain = tmp_path / "plain.txt"
    plain.write_bytes(text.encode("utf-8"))
    saved = tmp_path / "saved.txt"
    data = text.encode(encoding)
    saved.write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    assert read_source(saved) == read_source(plain)
    assert read_source(saved).lines[0] == "KẾ HOẠCH"
