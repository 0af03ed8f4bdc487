"""Importing the seeds (plain-text exports of Word files, copied into tests/fixtures/seeds) and the
`import` command: nothing lost, the hand-made content reproduced less what is marked as a guess,
guesses refused by `check`, ids that would leave the project refused."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from vankien import importer

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
# seed → (organization, document id)
SEED_DOCUMENTS = {
    "so-tttt-tphcm-dai-hoi-2022.txt": ("so-tttt-tphcm", "dai-hoi-2022"),
    "chi-doan-so-tttt-ha-tinh-dai-hoi-2022.txt": ("chi-doan-so-tttt-ha-tinh", "dai-hoi-2022"),
    "quan-doan-binh-tan-chuong-trinh-2023.txt": ("quan-doan-binh-tan", "chuong-trinh-2023"),
}


LIST_MARK = re.compile(r"\(\d{1,2}\)\.?|\d{1,2}[.)]|[a-zđ]\)")  # an item's mark, not a word of it
ROW_NUMBER = re.compile(r"\d")  # a table's row number: the results list keeps the rows' order instead
FIELD_LABELS = ["chủ", "đề", "nơi", "nhận"]  # "Chủ đề:" → theme, "Nơi nhận:" → distribution


def words(text: str) -> list[str]:
    """The words of a text, without Markdown and YAML marks, footnote marks or Word debris."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\[bookmark:[^\]]*\]|\ufffd|\[\^\d+\]:?|\\n", " ", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    tokens = re.split(r"[\s·*#|\\\"“”\[\]]+", text.casefold())
    tokens = [w for w in tokens if not LIST_MARK.fullmatch(w)]
    return [w.strip("-–+•.:;,()…") for w in tokens if w.strip("-–+•.:;,()…") and not ROW_NUMBER.fullmatch(w)]


@pytest.mark.parametrize("seed", SEED_DOCUMENTS)
def test_import_keeps_every_word_of_the_seed(seed):
    """Every word of the source (paragraphs, footnotes, table cells) is in the content file, in order
    of occurrence counts: a word the source holds n times is there at least n times."""
    rendered = importer.render(importer.import_file(SEEDS / seed))
    source = words((SEEDS / seed).read_text(encoding="utf-8"))
    output = words(rendered)
    output += FIELD_LABELS
    missing = {w: source.count(w) - output.count(w) for w in set(source) if source.count(w) > output.count(w)}
    assert missing == {}


def _parsed(text: str) -> dict:
    import yaml

    return yaml.safe_load(text.split("---\n", 2)[1])


def _same(a, b) -> bool:
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


@pytest.mark.parametrize("seed", SEED_DOCUMENTS)
def test_imported_seed_matches_the_hand_made_content_less_the_guesses(seed):
    org, doc = SEED_DOCUMENTS[seed]
    imported = importer.import_file(SEEDS / seed)
    mine = _parsed(importer.render(imported))
    hand = _parsed((ROOT / "content/documents" / org / f"{doc}.vi.md").read_text(encoding="utf-8"))
    guessed = set(mine.get("guesses") or [])
    for key in ("kind", "title", "number", "issued", "place", "theme", "period", "reviews", "signature", "draft"):
        if key in mine and key not in guessed:
            assert _same(mine[key], hand.get(key)), key
    assert {"signature", "theme", "draft"} & set(hand) <= set(mine)  # every hand-made field is read
    assert [t["text"] for t in mine.get("targets", [])] == [t["text"] for t in hand.get("targets", [])]
    fields = ("target", "assessment", "assessment_text")
    assert [[r.get(f) for f in fields] for r in mine.get("results", [])] == [
        [r.get(f) for f in fields] for r in hand.get("results", [])
    ]
    for mine_result, hand_result in zip(mine.get("results", []), hand.get("results", []), strict=False):
        if "result" in mine_result:  # a result column read from the table
            assert _same(mine_result["result"], hand_result["result"])
    for key in ("kind", "theme", "period", "reviews"):  # guessed, and guessed right
        if key in guessed:
            assert _same(str(mine[key]).strip("“”"), str(hand[key]).strip("“”")), key


def test_the_seeds_headings_and_periods():
    found = {seed: importer.import_file(SEEDS / seed) for seed in SEED_DOCUMENTS}
    for seed, (org, doc) in SEED_DOCUMENTS.items():
        hand = (ROOT / "content/documents" / org / f"{doc}.vi.md").read_text(encoding="utf-8").split("---", 2)[2]
        hand_headings = [line for line in hand.splitlines() if line.startswith("#")]
        assert [line for line in found[seed].body if line.startswith("#")] == hand_headings, seed
    periods = {seed: (i.front.get("period"), i.front.get("reviews")) for seed, i in found.items()}
    assert periods == {
        "so-tttt-tphcm-dai-hoi-2022.txt": ("{term: VI, from: 2022, to: 2027}", "{term: V, from: 2017, to: 2022}"),
        "chi-doan-so-tttt-ha-tinh-dai-hoi-2022.txt": (
            "{term: II, from: 2022, to: 2024}",
            "{term: I, from: 2019, to: 2022}",
        ),
        "quan-doan-binh-tan-chuong-trinh-2023.txt": ("{year: 2023}", None),
    }


def test_closing_block_becomes_signature_and_distribution():
    imported = importer.import_file(SEEDS / "quan-doan-binh-tan-chuong-trinh-2023.txt")
    assert imported.front["signature"] == ["TM. BAN CHẤP HÀNH QUẬN ĐOÀN", "BÍ THƯ", "Nguyễn Lê Trung Hiếu"]
    assert imported.front["distribution"][0] == "Thành Đoàn: TTTĐ, VP, Ban CNLĐ, Ban MT-ANQP-ĐBDC;"
    assert imported.front["distribution"][-1] == "Lưu VP."
    assert "Nơi nhận" not in "\n".join(imported.body)


def test_footnotes_whose_reference_was_lost_are_flagged_not_dropped():
    imported = importer.import_file(SEEDS / "chi-doan-so-tttt-ha-tinh-dai-hoi-2022.txt")
    rendered = importer.render(imported)
    assert len(imported.footnotes) == 8
    assert all(f"[^{n}]: " in rendered for n in range(1, 9))
    assert [g for g in imported.guesses if g.startswith("footnote")] == [
        f"footnote {n}: đặt [^{n}] vào chỗ của nó / place [^{n}] where it belongs" for n in range(1, 9)
    ]


ORG = {"content/organizations/so-tttt-tphcm.yaml": "name: {vi: Đoàn Sở}\nlevel: doan-co-so\n"}


def test_check_refuses_the_import_until_every_guess_is_confirmed(site_factory):
    root = site_factory(ORG)
    made = run_cli(root, "import", str(SEEDS / "so-tttt-tphcm-dai-hoi-2022.txt"), "so-tttt-tphcm/dai-hoi-2022")
    assert made.returncode == 0, made.stderr
    assert "61 mục / sections, 9 chỉ tiêu / targets, 5 kết quả / results" in made.stdout
    assert "guessed" in made.stdout and "title" in made.stdout
    path = root / "content/documents/so-tttt-tphcm/dai-hoi-2022.vi.md"
    text = path.read_text(encoding="utf-8")
    check = run_cli(root, "check")
    assert check.returncode == 1
    guesses_at = text.splitlines().index("  - kind") + 1
    assert f"dai-hoi-2022.vi.md:{guesses_at}:" in check.stderr and "“kind” was guessed" in check.stderr
    text = text.replace("title:   # điền / fill in", "title: Báo cáo")
    text = text.replace("kind: annual-program", "kind: congress-report")
    text = re.sub(r"\nguesses:.*?\n---", "\n---", text, flags=re.S)
    path.write_text(text, encoding="utf-8")
    confirmed = run_cli(root, "check")
    assert confirmed.returncode == 0, confirmed.stderr
    again = run_cli(root, "import", str(SEEDS / "so-tttt-tphcm-dai-hoi-2022.txt"), "so-tttt-tphcm/dai-hoi-2022")
    assert again.returncode == 1 and "not overwritten" in again.stderr


@pytest.mark.parametrize(
    "document",
    ["../../etc/x", "so-tttt-tphcm/../../../x", "/tmp/x", "so-tttt-tphcm//tmp/x", "Doan A/b", "so-tttt-tphcm/a/b", "x"],
)
def test_import_refuses_ids_that_would_leave_the_project(site_factory, document, tmp_path):
    root = site_factory(ORG)
    before = sorted(p for p in root.parent.rglob("*") if p.suffix == ".md")
    result = run_cli(root, "import", str(SEEDS / "so-tttt-tphcm-dai-hoi-2022.txt"), document)
    assert result.returncode == 2 and "not a valid ORG/DOC" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p for p in root.parent.rglob("*") if p.suffix == ".md") == before


def test_unreadable_sources_are_editor_errors(site_factory, tmp_path):
    root = site_factory()
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a zip")
    latin = tmp_path / "cu.txt"
    latin.write_bytes("Kế hoạch".encode("cp1258", errors="replace") + b"\xff\xfe")
    other = tmp_path / "ban.pdf"
    other.write_bytes(b"%PDF-1.4")
    hollow = tmp_path / "rong.docx"
    with zipfile.ZipFile(hollow, "w") as archive:
        archive.writestr("word/styles.xml", "<w:styles/>")  # a zip, but no document in it
    blank = tmp_path / "trong.txt"
    blank.write_text("\ufeff\r\n   \n\t\n", encoding="utf-8")  # an empty export: nothing to import
    for source in (bad, latin, other, hollow, blank):
        result = run_cli(root, "import", str(source), "doan-a/moi")
        assert result.returncode == 1 and "Traceback" not in result.stderr and "internal error" not in result.stderr
        assert "cannot read it" in result.stderr or "only .docx or UTF-8 .txt" in result.stderr
        assert not (root / "content/documents/doan-a/moi.vi.md").exists()


def test_imported_program_with_topics_signature_and_distribution_checks_once_confirmed(site_factory):
    topics = (ROOT / "content/topics.yaml").read_text(encoding="utf-8")
    root = site_factory(
        {
            "content/topics.yaml": topics,
            "content/organizations/quan-doan-binh-tan.yaml": "name: {vi: Quận Đoàn Bình Tân}\nlevel: quan-huyen\n",
        }
    )
    seed = SEEDS / "quan-doan-binh-tan-chuong-trinh-2023.txt"
    made = run_cli(root, "import", str(seed), "quan-doan-binh-tan/chuong-trinh-2023")
    assert made.returncode == 0, made.stderr
    path = root / "content/documents/quan-doan-binh-tan/chuong-trinh-2023.vi.md"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    topic_guesses = [
        i for i, line in enumerate(lines, start=1) if line.startswith("  - targets.") and line.endswith(".topic")
    ]
    assert len(topic_guesses) >= 10  # most targets get a suggested topic
    suggested = [
        line.split()[1] for line in lines if line.startswith("    topic: ") and line.endswith("# ĐOÁN / GUESS")
    ]
    assert len(suggested) == len(topic_guesses) and suggested[:3] == [
        "political-study",
        "youth-projects",
        "digital-skills",
    ]
    check = run_cli(root, "check")
    assert check.returncode == 1
    for number in topic_guesses:
        assert f"chuong-trinh-2023.vi.md:{number}:" in check.stderr
    front, body = text.split("\n---\n", 1)
    front = front.split("\nguesses:")[0]
    path.write_text(front + "\n---\n" + body, encoding="utf-8")
    confirmed = run_cli(root, "check")
    assert confirmed.returncode == 0, confirmed.stderr
    built = run_cli(root, "build")
    assert built.returncode == 0, built.stderr
    page = next((root / "site").rglob("chuong-trinh-2023/index.html")).read_text(encoding="utf-8")
    assert "Nguyễn Lê Trung Hiếu" in page and "Tuổi trẻ Bình Tân 20 năm vững tin" in page


def test_import_refuses_an_organization_that_does_not_exist_as_new_does(site_factory):
    root = site_factory()
    seed = str(SEEDS / "so-tttt-tphcm-dai-hoi-2022.txt")
    commands = (("import", seed, "khong-co/ke-hoach"), ("new", "khong-co/ke-hoach", "--kind", "plan", "--year", "2024"))
    for command in commands:
        result = run_cli(root, *command)
        assert result.returncode == 1 and "no organization “khong-co” yet" in result.stderr, result.stderr
        assert "build.py new --org khong-co" in result.stderr
    assert not (root / "content/documents/khong-co").exists()
    assert run_cli(root, "check").returncode == 0
