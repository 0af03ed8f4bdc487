"""The text rules of search: folding, ids made from Vietnamese text, names a reader may type,
nearest words and excerpts. The page's JavaScript (static/js/search-text.js) runs in Node on
the same inputs as the Python rules, so the two can never drift apart."""

from __future__ import annotations

import collections
import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.test_browser import html_files
from vankien import folding, searchdata, searchtext
from vankien.vocabulary import ABBREVIATIONS, UNION_WORDS

ROOT = Path(__file__).resolve().parent.parent
DATA = {
    "fold": folding.FOLD_LETTERS,
    "mark": searchdata.STROKE,
    "abbreviations": ABBREVIATIONS,
    "union": list(UNION_WORDS),
    "names": [],
}


def run_js(expression: str, data: dict = DATA):
    """The value of `expression` with search-text.js's exports, `text = makeText(data)` in scope."""
    script = (
        f"import * as m from {json.dumps((ROOT / 'static/js/search-text.js').as_uri())};\n"
        f"const text = m.makeText({json.dumps(data, ensure_ascii=False)});\n"
        f"console.log(JSON.stringify({expression}));\n"
    )
    done = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    "text, folded",
    [("Kết nạp Đảng", "Ket nap Dang"), ("đường", "duong"), ("Thừa Thiên Huế", "Thua Thien Hue"), ("ĐOÀN", "DOAN")],
)
def test_folding_takes_every_mark_and_d_stroke_off(text, folded):
    assert folding.fold(text) == folded


def test_ids_from_different_texts_never_collide():
    texts = ["Đảng", "Dang", "dang", "Đang", "Đăng", "Hà Tĩnh", "Ha Tinh", "Hà Tĩnh!", "quan-huyen", "", "!!"]
    ids = [folding.text_id(t) for t in texts]
    assert len(set(ids)) == len(texts), ids
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids), ids
    assert folding.text_id("quan-huyen") == "quan-huyen"  # an id already: kept as it is
    assert folding.text_id("Hà Tĩnh") == folding.text_id("Hà Tĩnh")  # the same text, the same id


NAMES = [
    "Đoàn Sở TT&TT TP.HCM",
    "Đoàn TNCS Hồ Chí Minh Sở Thông tin và Truyền thông TP. Hồ Chí Minh",
    "Quận Đoàn Bình Tân",
    "HCMC DIC Youth Union",
    "Đoàn Khối CCQ&DN tỉnh Hà Tĩnh",
    "“Kết nạp Đảng”",
]


def test_the_page_spells_names_out_as_python_does():
    assert run_js(f"{json.dumps(NAMES, ensure_ascii=False)}.map(text.spelledOut)") == [
        searchdata.spelled_out(n) for n in NAMES
    ]
    assert searchdata.spelled_out("Đoàn Sở TT&TT TP.HCM") == searchdata.spelled_out(
        "Đoàn Sở Thông tin và Truyền thông Thành phố Hồ Chí Minh"
    )


@pytest.mark.parametrize(
    "names, typed",
    [
        (("Quận Đoàn Bình Tân",), ["Binh Tan", "quan binh tan", "Quận Đoàn Bình Tân", "Doan Binh Tan", "binhtan"]),
        (
            ("Đoàn TNCS Hồ Chí Minh Sở Thông tin và Truyền thông TP. Hồ Chí Minh", "Đoàn Sở TT&TT TP.HCM"),
            ["So TT&TT TP.HCM", "Doan So Thong tin va Truyen thong TP HCM", "so tttt tphcm"],
        ),
        (("Binh Tan District Youth Union",), ["Binh Tan", "binh tan district", "Binh Tan District Youth Union"]),
        (("Kết nạp Đảng",), ["ket nap dang", "KẾT NẠP ĐẢNG"]),
    ],
)
def test_a_name_typed_any_way_finds_its_page(names, typed):
    entry = ["x", "/x/", names[0], "", searchdata.name_keys(*names), []]
    decoy = ["y", "/y/", "Thành Đoàn", "", searchdata.name_keys("Thành Đoàn"), []]
    found = run_js(
        f"{json.dumps(typed, ensure_ascii=False)}.map(q => text.namesFor(q).map(n => n.url))",
        {**DATA, "names": [decoy, entry]},
    )
    assert found == [["/x/"]] * len(typed)
    assert run_js("text.namesFor('Binh').length", {**DATA, "names": [entry]}) == 0  # a part of a name is not the name


def test_nearest_words_forgive_a_swap_and_prefer_the_frequent():
    table = [
        ["dang", "đảng", 200],
        ["danh", "danh", 5],
        ["doan", "đoàn", 300],
        ["hinh", "hình", 9],
        ["hanh", "hành", 30],
    ]
    assert run_js(f"m.makeWords({json.dumps(table, ensure_ascii=False)}).nearest('dnag')[0]") == {
        "folded": "dang",
        "written": "đảng",
        "distance": 1,
        "swap": True,
    }
    assert run_js(f"m.makeWords({json.dumps(table)}).nearest('hnh').map(w => w.folded)") == ["hanh", "hinh"]
    assert run_js(
        f"[m.makeWords({json.dumps(table)}).has('doa'), m.makeWords({json.dumps(table)}).has('doa', true)]"
    ) == [
        False,
        True,
    ]


def test_excerpts_start_at_a_sentence_or_a_word():
    content = "Nhiệm kỳ (2022 - 2027). Gương điển hình tiên tiến được tuyên dương. Phong trào tiếp tục phát triển."
    words = content.split()
    pieces = run_js(f"m.excerpt({json.dumps(content, ensure_ascii=False)}, [{words.index('hình')}])")
    shown = "".join(text for text, _ in pieces)
    assert shown.startswith("… Gương điển hình"), shown
    assert [text for text, marked in pieces if marked] == ["hình"]
    stray = "a b c d e f g h i j k l m n o p - 2027) Gương điển hình tiên tiến"
    shown = "".join(t for t, _ in run_js(f"m.excerpt({json.dumps(stray)}, [{stray.split().index('hình')}])"))
    assert re.match(r"… \w", shown), shown  # never "- 2027)"


def test_no_page_repeats_an_id(example_site):
    for path, file in html_files(example_site).items():
        ids = re.findall(r'\sid="([^"]*)"', file.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), (path, sorted({i for i in ids if ids.count(i) > 1}))


def test_search_data_is_written_for_each_language(example_site):
    for lang in ("vi", "en"):
        data = json.loads((example_site / "pagefind" / f"vankien.{lang}.json").read_text(encoding="utf-8"))
        assert data["fold"] == folding.FOLD_LETTERS  # the page folds with Python's table
        urls = {n[1] for n in data["names"]}
        prefix = "/en" if lang == "en" else ""
        assert {f"{prefix}/quan-doan-binh-tan/", f"{prefix}/topics/party-admission/"} <= urls
        words = json.loads((example_site / "pagefind" / f"vankien-words.{lang}.json").read_text(encoding="utf-8"))
        assert words == sorted(words) and "iframe" not in {w[0] for w in words}  # embed code is not indexed
    data = json.loads((example_site / "pagefind" / "vankien.vi.json").read_text(encoding="utf-8"))
    assert data["facets"]["Tổ chức"]["Quận Đoàn Bình Tân"] == "org=quan-doan-binh-tan"
    binh_tan = next(n for n in data["names"] if n[1] == "/quan-doan-binh-tan/")
    assert "org=quan-doan-binh-tan" in binh_tan[5] and "level=quan-huyen" in binh_tan[5]


def _fragment(bundle: Path, stem: str, fragment: dict) -> None:
    (bundle / "fragment").mkdir(exist_ok=True)
    data = gzip.compress(searchtext.SIGNATURE + json.dumps(fragment).encode())
    (bundle / f"fragment/{stem}.pf_fragment").write_bytes(data)


def test_text_files_hold_the_words_the_fragment_leaves_out(tmp_path):
    words = [f"từ{n}" for n in range(searchtext.INLINE_WORDS + searchtext.CHUNK_WORDS + 7)]
    content = " Đoàn\u00a0viên\u3000" + "\n".join(words) + " "  # the separators Pagefind and the page agree on
    _fragment(tmp_path, "vi_1", {"url": "/a/", "content": content, "meta": {"title": "A"}})
    short = {"url": "/b/", "content": "Đoàn viên"}
    _fragment(tmp_path, "vi_2", short)
    searchdata.finish(tmp_path, {})
    assert len(list((tmp_path / "text").iterdir())) == 2
    stored = json.loads(gzip.decompress((tmp_path / "fragment/vi_1.pf_fragment").read_bytes())[12:])
    positions = run_js(f"{json.dumps(content)}.split(m.WORD_SEPARATORS)")
    assert stored["content"].split(" ") == positions[: searchtext.INLINE_WORDS]
    assert searchtext.read_text(tmp_path, stored).split(" ") == positions  # every word at its position
    assert stored["vankien_text"]["words"] == len(positions) and stored["meta"] == {"title": "A"}
    assert json.loads(gzip.decompress((tmp_path / "fragment/vi_2.pf_fragment").read_bytes())[12:]) == short
    table = json.loads((tmp_path / "vankien-words.vi.json").read_text(encoding="utf-8"))
    assert ["tu0", "từ0", 1] in table and ["doan", "đoàn", 2] in table  # counted in the whole text, not the part kept


def test_the_word_list_counts_the_words_of_the_whole_text(tmp_path):
    """Words are counted per whitespace-separated token (each distinct token cut once); the list
    must be what cutting the whole text of every page into words gives, ties in the order met."""
    pages = [
        "Đoàn viên, đoàn viên; ĐOÀN-VIÊN d\u0335oàn TT&TT x_y\u00a0Đoàn",
        "doàn Doàn đoàn\u3000Đoàn viên...viên a\x1cb a\x85b İstanbul",
    ]
    for number, content in enumerate(pages):
        _fragment(tmp_path, f"vi_{number}", {"url": f"/{number}/", "content": content, "meta": {"title": "Đoàn Viên"}})
    searchdata.finish(tmp_path, {})
    counts: collections.Counter = collections.Counter()
    for content in pages:  # the whole text, as read before it was cut into tokens
        counts.update(searchdata.WORD.findall(searchdata.unfold(content + " Đoàn Viên").lower()))
    expected: dict[str, list] = {}
    for word, count in counts.most_common():
        plain = folding.fold(word)
        if re.fullmatch(r"[a-z0-9&]+", plain):
            expected.setdefault(plain, [plain, word, 0])[2] += count
    table = json.loads((tmp_path / "vankien-words.vi.json").read_text(encoding="utf-8"))
    assert table == sorted(expected.values())
    assert ["doan", "đoàn", 11] in table  # d̵ (the indexer's mark) read as đ


@pytest.mark.parametrize(
    "text", ["a\u00a0b\u2028c\u3000d", "a\ufeffb c", "a\x1cb\x85c", "\ta  b\n", "", " ", "a", "\x1c a "]
)
def test_python_splits_words_where_the_page_does(text):
    page = run_js(f"{json.dumps(text)}.split(m.WORD_SEPARATORS)")
    assert searchtext.SEPARATORS.split(text) == page and searchtext.words_of(text) == page
