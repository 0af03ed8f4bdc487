"""Figures on the site: check's notices about the figure answering a topic, English numbers in
translations and on English pages."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.conftest import run_cli
from vankien import pipeline, translated_figures

TOPICS = (
    "party-admission:\n  vi: Kết nạp Đảng\n  en: Party admission\n"
    "  keywords: [kết nạp Đảng, kết nạp vào Đảng]\n  units: [đoàn viên, đoàn viên ưu tú, đồng chí]\n"
)


def plan(targets: str) -> str:
    return f"---\nkind: plan\ntitle: Kế hoạch\nperiod: {{year: 2024}}\ntargets:\n{targets}---\nNội dung.\n"


def test_check_tells_the_editor_when_no_figure_or_two_figures_answer(site_factory):
    doc = plan(
        "  - id: hai-so\n    topic: party-admission\n"
        "    text: Kết nạp Đảng 03 đoàn viên; kết nạp vào Đảng 04 đồng chí\n"
        "  - id: khong-so\n    topic: party-admission\n    text: Trồng 500 cây xanh\n"
        "  - id: da-chon\n    topic: party-admission\n    measure: 2\n"
        "    text: Kết nạp Đảng 03 đoàn viên; kết nạp vào Đảng 04 đồng chí\n"
    )
    root = site_factory({"content/topics.yaml": TOPICS, "content/documents/doan-a/dai-hoi.vi.md": doc})
    done = run_cli(root, "check")
    assert done.returncode == 0, done.stderr
    assert "dai-hoi.vi.md:7:5: cảnh báo: 2 con số của chỉ tiêu “hai-so”" in done.stderr
    assert "1. 03 đoàn viên; 2. 04 đồng chí" in done.stderr and "measure: N" in done.stderr
    assert "no figure of target “khong-so” answers topic “party-admission”" in done.stderr
    assert "da-chon" not in done.stderr  # the editor chose: no notice
    site = pipeline.run(root, stages=pipeline.CHECK_STAGES).site
    chosen = {t.id: t for t in site.documents[0].targets}["da-chon"]
    assert (chosen.answering.value, chosen.answer_status) == (4, "given")


def test_a_measure_choice_out_of_range_is_an_error(site_factory):
    doc = plan("  - id: a\n    topic: party-admission\n    measure: 3\n    text: Kết nạp Đảng 03 đoàn viên\n")
    root = site_factory({"content/topics.yaml": TOPICS, "content/documents/doan-a/dai-hoi.vi.md": doc})
    done = run_cli(root, "check")
    assert done.returncode == 1
    assert "`measure: 3` but the target has only 1 figure(s)" in done.stderr and "1. 03 đoàn viên" in done.stderr


def test_english_figures_are_checked_against_the_source():
    source = "Phát triển mới 3.600 đoàn viên, giới thiệu 560 đoàn viên ưu tú"
    assert translated_figures.figures_differ(source, "Recruit 3,600 members and introduce 560") == ([], [])
    missing, extra = translated_figures.figures_differ(source, "Recruit 2,000 members and introduce 560")
    assert (missing, extra) == ([3600], [2000])
    assert translated_figures.figures_differ("Vay vốn 05 tỷ đồng", "Loans of 5 billion dong") == ([], [])
    assert translated_figures.figures_differ("từ hai đến ba công trình", "two to three projects") == ([], [])
    assert [w for _, w, _ in translated_figures.vietnamese_numbers("10.000 steps, 2,5 million, 10,000 and 2.5")] == [
        "10.000",
        "2,5",
    ]


def test_translations_command_and_build_warn_about_english_numbers(site_factory):
    files = {
        "content/documents/doan-a/dai-hoi.en.md": (
            "---\nsource: 0\ntargets:\n  ket-nap-dang: At least 50 members admitted to the Party\n---\n"
            "A budget of 2,5 million and 10.000 steps.\n"
        )
    }
    root = site_factory(files)
    done = run_cli(root, "translations")
    assert "dai-hoi.en.md:4:3: cảnh báo: bản dịch của “targets.ket-nap-dang” có con số khác bản gốc" in done.stderr
    assert "source 5, translation 50" in done.stderr
    assert "writes a number the Vietnamese way: “2,5”" in done.stderr and "write “2.5”" in done.stderr
    assert "“10.000”" in done.stderr and "write “10,000”" in done.stderr
    build = run_cli(root, "build")
    assert build.returncode == 0 and "“2,5”" in build.stderr


class VisibleEnglish(HTMLParser):
    """The text of a page outside elements marked lang="vi" (and outside scripts and styles)."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks, self.skip, self.parts = [], 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        vietnamese = dict(attrs).get("lang") == "vi" or tag in ("script", "style")
        self.marks.append(vietnamese)
        self.skip += vietnamese

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.marks:
            self.skip -= self.marks.pop()

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def test_no_english_page_shows_a_vietnamese_number(example_site):
    found = {}
    for path in sorted((example_site / "en").rglob("*.html")):
        page = VisibleEnglish()
        page.feed(path.read_text(encoding="utf-8"))
        written = [w for _, w, _ in translated_figures.vietnamese_numbers(" ".join(page.parts))]
        if written:
            found[str(path.relative_to(example_site))] = written
    assert found == {}
    assert len(list((example_site / "en").rglob("*.html"))) > 20
