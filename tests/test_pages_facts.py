"""What each page says about itself: language versions that exist, drafts, the sitemap and feeds."""

from __future__ import annotations

import hashlib
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import MINIMAL_FILES, ROOT
from vankien import feeds, pages, pipeline

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
CASE = Path(__file__).parent / "cases/hreflang-untranslated.vi.md"
ORG = "content/organizations/tinh-doan-ha-tinh.yaml"
TRANSLATED_VI = MINIMAL_FILES["content/documents/doan-a/dai-hoi.vi.md"]


def _translation(vi_text: str) -> str:
    version = hashlib.sha256(vi_text.encode("utf-8")).hexdigest()[:12]
    return f"---\nsource: {version}\ntitle: Test report\n---\n## I. PART ONE\n\nContent.\n"


def _head(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("</head>")[0]


def _sitemap(site: Path) -> dict[str, set[str]]:
    root = ET.parse(site / "sitemap.xml").getroot()
    found: dict[str, set[str]] = {}
    for entry in root.findall("s:url", SITEMAP):
        location = entry.find("s:loc", SITEMAP).text
        assert location not in found, f"{location} listed twice"
        found[location] = {link.get("hreflang") for link in entry.findall("x:link", SITEMAP)}
    return found


def test_untranslated_document_announces_no_english_version(site_factory, tmp_path):
    # shared case site/hreflang-untranslated: a document with no .en.md beside a translated one
    root = site_factory(
        {
            ORG: "name: {vi: Tỉnh Đoàn Hà Tĩnh, en: Ha Tinh Youth Union}\nlevel: tinh-thanh\n",
            "content/topics.yaml": MINIMAL_FILES["content/topics.yaml"]
            + "startup-loans:\n  vi: Vay vốn\n  en: Loans\n",
            "content/documents/tinh-doan-ha-tinh/ke-hoach-2024.vi.md": CASE.read_text(encoding="utf-8"),
            "content/documents/doan-a/dai-hoi.en.md": _translation(TRANSLATED_VI),
        }
    )
    site = pipeline.run(root, tmp_path / "out").output
    vi = _head(site / "tinh-doan-ha-tinh/ke-hoach-2024/index.html")
    en = _head(site / "en/tinh-doan-ha-tinh/ke-hoach-2024/index.html")
    assert 'hreflang="en"' not in vi and 'hreflang="en"' not in en
    assert '<link rel="canonical" href="https://example.org/tinh-doan-ha-tinh/ke-hoach-2024/">' in en
    # the translated document keeps its reciprocal pair, on both pages
    for path in ("doan-a/dai-hoi/index.html", "en/doan-a/dai-hoi/index.html"):
        head = _head(site / path)
        assert '<link rel="alternate" hreflang="en" href="https://example.org/en/doan-a/dai-hoi/">' in head
        assert '<link rel="alternate" hreflang="vi" href="https://example.org/doan-a/dai-hoi/">' in head
    listed = _sitemap(site)
    assert "https://example.org/en/tinh-doan-ha-tinh/ke-hoach-2024/" not in listed
    assert listed["https://example.org/tinh-doan-ha-tinh/ke-hoach-2024/"] == set()
    assert listed["https://example.org/doan-a/dai-hoi/"] == {"vi", "en"}


def _draft_site(site_factory, config_extra: str = ""):
    draft = TRANSLATED_VI.replace("title: Báo cáo thử\n", "title: Báo cáo thử\ndraft: true\n")
    return site_factory(
        {
            "config.yaml": MINIMAL_FILES["config.yaml"] + config_extra,
            "content/documents/doan-a/dai-hoi.vi.md": draft,
            "content/documents/doan-a/dai-hoi.en.md": _translation(draft),
            "content/documents/doan-a/ke-hoach.vi.md": TRANSLATED_VI.replace("Báo cáo thử", "Kế hoạch chính thức"),
        }
    )


def test_a_draft_says_so_everywhere_and_stays_out_of_feeds_and_sitemap(site_factory, tmp_path):
    site = pipeline.run(_draft_site(site_factory), tmp_path / "out").output
    for path, word in (("doan-a/dai-hoi/index.html", "Dự thảo"), ("en/doan-a/dai-hoi/index.html", "Draft")):
        head = _head(site / path)
        assert re.search(rf"<title>\[{word}\] ", head), head
        assert f'<meta property="og:title" content="[{word}] ' in head
    final = _head(site / "doan-a/ke-hoach/index.html")
    assert "<title>[" not in final
    image = re.compile(r'property="og:image" content="[^"]+\?v=(\w+)"')
    assert image.search(_head(site / "doan-a/dai-hoi/index.html")).group(1) != image.search(final).group(1)
    assert "dai-hoi" not in (site / "feed.xml").read_text(encoding="utf-8")
    assert "ke-hoach" in (site / "feed.xml").read_text(encoding="utf-8")
    assert "https://example.org/doan-a/dai-hoi/" not in _sitemap(site)


def test_config_can_list_drafts_in_feeds_and_sitemap_marked_as_drafts(site_factory, tmp_path):
    site = pipeline.run(_draft_site(site_factory, "drafts_listed: true\n"), tmp_path / "out").output
    atom = "{http://www.w3.org/2005/Atom}"

    def titles(feed: str) -> list[str]:
        return [e.find(f"{atom}title").text for e in ET.parse(site / feed).getroot().findall(f"{atom}entry")]

    assert "[Dự thảo] Báo cáo thử" in titles("feed.xml")
    assert "[Draft] Test report" in titles("en/feed.xml")
    assert "https://example.org/doan-a/dai-hoi/" in _sitemap(site)


def test_feed_text_drops_characters_xml_cannot_carry():
    # content validation refuses raw control characters; the feed template never relies on it
    from vankien.render import xml_text

    assert xml_text("Khẩu\x07 hiệu\x00\ufffe") == "Khẩu hiệu" and xml_text("a\tb\nc") == "a\tb\nc"


def test_sitemap_is_split_under_an_index_past_its_limit(site_factory, tmp_path, monkeypatch):
    monkeypatch.setattr(feeds, "SITEMAP_LIMIT", 5)
    site = pipeline.run(site_factory(), tmp_path / "out").output
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [e.find("s:loc", SITEMAP).text.removeprefix("https://example.org/") for e in index]
    assert len(parts) >= 2
    locations = []
    for part in parts:
        urls = ET.parse(site / part).getroot().findall("s:url", SITEMAP)
        assert 0 < len(urls) <= 5
        locations += [u.find("s:loc", SITEMAP).text for u in urls]
    assert len(locations) == len(set(locations))
    assert "https://example.org/doan-a/dai-hoi/" in locations


def _two_organizations(site_factory, tmp_path) -> Path:
    """A built site of two organizations, each with one target on party admission (05 and 07)."""
    second = TRANSLATED_VI.replace("Báo cáo thử", "Báo cáo khác").replace("05", "07")
    root = site_factory(
        {
            "content/organizations/doan-b.yaml": "name: {vi: Đoàn B, en: Union B}\nlevel: doan-co-so\n",
            "content/documents/doan-b/dai-hoi.vi.md": second,
        }
    )
    return pipeline.run(root, tmp_path / "out").output


def test_topic_rows_are_split_into_linked_parts(site_factory, tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "TOPIC_ROWS", 1)
    site = _two_organizations(site_factory, tmp_path)
    first = (site / "topics/party-admission/index.html").read_text(encoding="utf-8")
    part = (site / "topics/party-admission/2/index.html").read_text(encoding="utf-8")
    assert "Ít nhất 05" in first and "Ít nhất 07" not in first
    assert "Ít nhất 07" in part
    assert 'href="2/"' in first and 'href="../"' in part  # each part links to the others
    assert (site / "en/topics/party-admission/2/index.html").exists()


def test_a_feed_lists_the_newest_documents_only(site_factory, tmp_path, monkeypatch):
    """A feed does not grow with the site: past FEED_LIMIT documents, the newest are listed."""
    monkeypatch.setattr(feeds, "FEED_LIMIT", 1)
    newer = TRANSLATED_VI.replace("Báo cáo thử", "Báo cáo mới hơn").replace(
        "from: 2022, to: 2027", "from: 2027, to: 2032"
    )
    root = site_factory({"content/documents/doan-a/dai-hoi-2027.vi.md": newer.replace("term: II", "term: III")})
    site = pipeline.run(root, tmp_path / "out").output
    entries = ET.parse(site / "feed.xml").getroot().findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.find("{http://www.w3.org/2005/Atom}title").text for e in entries] == ["Báo cáo mới hơn"]
    assert (site / "doan-a/dai-hoi/index.html").exists()  # the older one is still published, only not in the feed


def test_the_comparison_matrix_is_split_into_linked_parts_of_organizations(site_factory, tmp_path, monkeypatch):
    """The matrix does not grow with the site: past MATRIX_ORGS organizations, the next ones are
    on compare/2/, … each part with its own columns and a pager to the others."""
    monkeypatch.setattr(pages, "MATRIX_ORGS", 1)
    site = _two_organizations(site_factory, tmp_path)
    first = (site / "compare/index.html").read_text(encoding="utf-8")
    part = (site / "compare/2/index.html").read_text(encoding="utf-8")
    assert '<th scope="col"><a href="../doan-a/">' in first and "doan-b/" not in first
    assert '<th scope="col"><a href="../../doan-b/">' in part and "doan-a/" not in part
    assert "≥ 5" in first and "≥ 7" in part  # each organization's figure in its own part
    assert 'href="2/"' in first and 'href="../"' in part  # each part links to the others
    assert (site / "en/compare/2/index.html").exists()
    assert "https://example.org/compare/2/" in _sitemap(site)


def test_the_home_page_tree_shows_whole_levels_that_fit_and_counts_the_rest(site_factory, tmp_path, monkeypatch):
    """The organization tree on the home page does not grow with the site: whole levels from the
    top while HOME_TREE organizations fit; an organization on the last level shown says how many
    are under it and links to its page, which lists them."""
    monkeypatch.setattr(pages, "HOME_TREE", 2)
    root = site_factory(
        {
            "content/organizations/doan-b.yaml": "name: {vi: Đoàn B, en: Union B}\nlevel: chi-doan\nparent: doan-a\n",
            "content/organizations/chi-doan-c.yaml": "name: {vi: Chi đoàn C, en: C}\nlevel: chi-doan\nparent: doan-b\n",
            "content/organizations/chi-doan-d.yaml": "name: {vi: Chi đoàn D, en: D}\nlevel: chi-doan\nparent: doan-b\n",
        }
    )
    site = pipeline.run(root, tmp_path / "out").output
    tree = (site / "index.html").read_text(encoding="utf-8").split('class="org-tree"')[1].split("</section>")[0]
    assert 'href="doan-a/"' in tree and 'href="doan-b/">2 tổ chức trực thuộc</a>' in tree
    assert "chi-doan-c/" not in tree and "chi-doan-d/" not in tree
    english = (site / "en/index.html").read_text(encoding="utf-8")
    assert "2 organizations under it" in english
    assert "Chi đoàn C" in (site / "doan-b/index.html").read_text(encoding="utf-8")  # listed on its parent's page
    monkeypatch.setattr(pages, "HOME_TREE", 60)
    shutil.rmtree(root / ".cache")  # the pages kept there were made with the other limit
    whole = pipeline.run(root, tmp_path / "whole").output
    assert "chi-doan-c/" in (whole / "index.html").read_text(encoding="utf-8")


def test_every_folder_the_site_writes_for_itself_is_an_id_no_organization_may_take(example_site):
    """An organization's pages go to /<its id>/: an id that is one of the site's own folders
    (pagefind/, static/, en/ …) would mix its pages into them. Every top-level name of a built
    site is an organization's or reserved (urls.RESERVED, VK206)."""
    from vankien import urls

    organizations = {p.stem for p in (ROOT / "content/organizations").glob("*.yaml")}
    own = {p.name for p in example_site.iterdir() if p.is_dir()} - organizations
    assert own and own <= urls.RESERVED, own - urls.RESERVED
