"""Share images: what a person sees on a shared link's card, drawn as a small palette PNG."""

import hashlib
import io

from PIL import Image

from tests.conftest import ROOT
from vankien import social


def _open(card: social.Card) -> Image.Image:
    image = Image.open(io.BytesIO(social.draw(ROOT, card)))
    image.load()
    return image


def _share_of(image: Image.Image, colour: str, box: tuple[int, int, int, int]) -> float:
    region = image.convert("RGB").crop(box)
    wanted = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return sum(count for count, rgb in region.getcolors(1 << 16) if rgb == wanted) / (region.width * region.height)


def test_card_shows_its_texts_in_their_colours_on_the_blue_ground():
    card = social.Card("Văn kiện Đoàn", "Báo cáo Đại hội · Nhiệm kỳ VI", "Báo cáo chính trị", "Tỉnh Đoàn Nghệ An")
    image = _open(card)
    assert image.size == (1200, 630) and image.format == "PNG" and image.mode == "P"
    assert len(image.getcolors()) <= 32  # a small palette: the PNG stays small
    assert _share_of(image, social.BLUE, (0, 0, 1200, 20)) == 1  # the ground
    assert _share_of(image, social.RED, (0, 615, 1200, 630)) == 1  # the bar
    assert _share_of(image, social.GOLD, (80, 75, 108, 100)) > 0.3  # the star on its red disc
    assert _share_of(image, social.WHITE, (64, 206, 600, 280)) > 0.05  # the title, full white strokes
    assert _share_of(image, social.GOLD, (64, 160, 600, 195)) > 0.02  # the eyebrow
    assert _share_of(image, social.PALE, (64, 552, 600, 590)) > 0.02  # the organization


def test_card_edges_are_smooth_and_the_same_text_gives_the_same_bytes():
    card = social.Card("Site", "Kế hoạch · Năm 2024", "Đại hội đại biểu Đoàn TNCS Hồ Chí Minh", "Quận Đoàn Bình Tân")
    image = _open(card).convert("RGB")
    shades = {rgb for _, rgb in image.crop((64, 206, 1136, 290)).getcolors(1 << 16)}
    assert len(shades) >= 6  # anti-aliased: shades between the blue and the white
    assert social.draw(ROOT, card) == social.draw(ROOT, card)
    other = social.Card("Site", "Kế hoạch · Năm 2024", "Đại hội đại biểu Đoàn TNCS Hồ Chí Minh lần thứ XII", "Y")
    assert social.draw(ROOT, other) != social.draw(ROOT, card)


REFERENCE_CARDS = [  # (card, its digest: the image's name in every page's link, sha256 of its PNG)
    (
        social.Card(
            "Văn kiện Đoàn",
            "Báo cáo Đại hội · Nhiệm kỳ VI (2022 - 2027)",
            "Báo cáo chính trị của Ban Chấp hành Đoàn khóa V trình Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh "
            "Nghệ An lần thứ VI",
            "Tỉnh Đoàn Nghệ An",
        ),
        "8a355cb5423226f5",
        "6ab00dcf65d480df",
    ),
    (
        social.Card(
            "Youth Union documents",
            "Annual programme · Year 2024",
            "Programme of Youth Union work and the youth movement in 2024",
            "Bình Tân District Youth Union",
            draft=True,
            lang="en",
        ),
        "e224af1997c028d0",
        "3b4659792475716c",
    ),
]


def test_an_image_keeps_its_name_exactly_while_its_pixels_stay_the_same():
    """A card's name (in every page's `og:image` link) changes only with its text, VERSION or
    DRAWING: if these bytes change, so must VERSION, or a shared link shows the old image."""
    for card, name, png in REFERENCE_CARDS:
        assert card.digest == name
        assert hashlib.sha256(social.draw(ROOT, card)).hexdigest()[:16] == png, "bump social.VERSION"


def test_images_are_the_bytes_pillow_writes_whatever_the_order_they_are_drawn_in(monkeypatch):
    cards = [card for card, _, _ in REFERENCE_CARDS] + [
        social.Card("Văn kiện Đoàn", "Kế hoạch · Năm 2024", f"Kế hoạch số {n} " * n, "Quận Đoàn 1") for n in (1, 4, 9)
    ]
    social._SHARED.clear()
    ours = [social.draw(ROOT, card) for card in cards + cards[::-1]]
    drawn: list[Image.Image] = []
    monkeypatch.setattr(social, "_png", lambda image, rows: drawn.append(image) or social._pillow_png(image))
    assert ours == [social.draw(ROOT, card) for card in cards + cards[::-1]]  # saved by Pillow itself
    assert [Image.open(io.BytesIO(png)).tobytes() for png in ours] == [image.tobytes() for image in drawn]


def test_cards_of_one_kind_and_period_compress_their_top_rows_once():
    social._SHARED.clear()
    for n in range(5):
        social.draw(ROOT, social.Card("Văn kiện Đoàn", "Kế hoạch · Năm 2024", f"Kế hoạch số {n}", "Quận Đoàn 1"))
    social.draw(ROOT, social.Card("Văn kiện Đoàn", "Báo cáo · Năm 2024", "Báo cáo", "Quận Đoàn 1"))
    assert len(social._SHARED) == 2
