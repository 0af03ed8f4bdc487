"""Share images: a 1200×630 PNG per document and organization page, for Facebook and Zalo.

Drawn with Pillow at build time in Be Vietnam Pro (TTF from npm, full Vietnamese coverage).
The same text gives the same bytes: an image is named by its card's digest (`Card.digest`),
drawn once into the project's cache and never again while its text stays the same.

Drawn straight into a palette image (see `draw`): no RGB image, no colour quantizing.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONTS = Path("node_modules/@expo-google-fonts/be-vietnam-pro")
BLUE, RED, GOLD, WHITE, PALE = "#0b5fae", "#c8102e", "#ffd84d", "#ffffff", "#d6e6f7"
VERSION = "6"
DRAWING = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]  # any change to this code redraws


@dataclass(frozen=True)
class Card:
    """What a share image says."""

    site: str
    eyebrow: str  # kind of page: "Báo cáo Đại hội · Nhiệm kỳ VI (2022–2027)"
    title: str
    footer: str  # the organization
    draft: bool = False  # a draft document's card says so
    lang: str = "vi"

    @property
    def digest(self) -> str:
        """16 hex digits naming the image: changes whenever its text or the drawing changes."""
        return hashlib.sha256(repr((VERSION, DRAWING, self)).encode("utf-8")).hexdigest()[:16]


@functools.lru_cache(maxsize=32)
def _font(root: Path, weight: str, size: int) -> ImageFont.FreeTypeFont:
    name = {"600": "600SemiBold/BeVietnamPro_600SemiBold.ttf", "400": "400Regular/BeVietnamPro_400Regular.ttf"}[weight]
    return ImageFont.truetype(str(root / FONTS / name), size)


def fonts_present(root: Path) -> bool:
    return (root / FONTS / "600SemiBold/BeVietnamPro_600SemiBold.ttf").exists()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap; the last line ends with … when the text does not fit."""
    lines, current = [], ""
    for word in [w for w in text.split(" ") if w]:  # not split(): it would break at no-break spaces
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            current = trial
            continue
        lines.append(current)
        current = word
        if len(lines) == max_lines:
            break
    else:
        lines.append(current)
        return [line for line in lines if line] or [""]
    last = lines[-1]
    while last and draw.textlength(last + " …", font=font) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    return lines[:-1] + [last + " …"]


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    """The five-pointed star of the site's mark, point up."""
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = math.pi / 5 * index - math.pi / 2
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _keep_together(text: str) -> str:
    """Year ranges ("2017 - 2022") never break across lines."""
    return re.sub(r"(\d{4}) [-–] (\d{4})", "\\1\u00a0–\u00a0\\2", text)


def draw(root: Path, card: Card) -> bytes:
    """The PNG bytes of one share image.

    Every text is drawn on the blue ground in one of three colours, and the shapes (bar, disc,
    star) have no anti-aliased edges. So the image is drawn as palette indices: a line's
    coverage (0–255, anti-aliased) becomes an index into its colour's ramp of shades from blue
    (`_line`), and lines are merged by taking the larger index (where two lines' boxes overlap,
    the ground is index 0). A 27-colour palette PNG, without drawing in RGB and quantizing it
    (which took half the time of a draw)."""
    image = Image.new("L", (WIDTH, HEIGHT), INDEX[BLUE])

    def text(xy: tuple[int, int], line: str, weight: str, size: int, colour: str) -> None:
        shades, (dx, dy) = _line(root, weight, size, colour, line)
        box = (xy[0] + dx, xy[1] + dy, xy[0] + dx + shades.width, xy[1] + dy + shades.height)
        image.paste(ImageChops.lighter(image.crop(box), shades), box[:2])

    measure = ImageDraw.Draw(Image.new("L", (1, 1)))
    text((144, 66), card.site, "600", 34, WHITE)
    eyebrow = card.eyebrow.upper()
    if card.draft:
        eyebrow = f"{DRAFT.get(card.lang, DRAFT['vi'])} · {eyebrow}"
    text((64, 160), eyebrow, "600", 26, GOLD)
    for size, lines_max in ((58, 4), (48, 5), (40, 6)):
        lines = _wrap(measure, _keep_together(card.title), _font(root, "600", size), WIDTH - 128, lines_max)
        if not lines[-1].endswith("…") or size == 40:
            break
    y = 206
    for line in lines:
        text((64, y), line, "600", size, WHITE)
        y += int(size * 1.25)
    footer = _wrap(measure, card.footer, _font(root, "400", 28), WIDTH - 128, 1)[0]
    text((64, HEIGHT - 78), footer, "400", 28, PALE)
    image.putpalette(PALETTE)  # now a "P" image
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=INDEX[RED])
    pen.ellipse((64, 56, 124, 116), fill=INDEX[RED])
    pen.polygon(_star(94, 88, 24, 10), fill=INDEX[GOLD])
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


@functools.lru_cache(maxsize=256)  # the site's name, kinds and periods, organizations: on many cards
def _line(root: Path, weight: str, size: int, colour: str, line: str) -> tuple[Image.Image, tuple[int, int]]:
    """One line of text as palette indices ("L" image of its box) and the box's offset from
    where the line is drawn."""
    font = _font(root, weight, size)
    left, top, right, bottom = (int(edge) for edge in font.getbbox(line))  # whole pixels: no layout engine
    coverage = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(coverage).text((-left, -top), line, font=font, fill=255)
    return coverage.point(_RAMP_LUT[colour]), (left, top)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _palette(steps: int) -> tuple[list[int], dict[str, int], dict[str, list[int]]]:
    """(flat RGB palette, {flat colour: index}, {text colour: lookup table coverage → index}).
    Index 0 is blue; a text colour's ramp holds `steps` shades from just above blue to the colour."""
    flat = [BLUE, RED, GOLD]
    palette = [value for c in flat for value in _rgb(c)]
    luts = {}
    blue = _rgb(BLUE)
    for colour in (WHITE, GOLD, PALE):
        first, target = len(palette) // 3, _rgb(colour)
        for k in range(1, steps + 1):
            palette += [round(b + (t - b) * k / steps) for b, t in zip(blue, target, strict=True)]
        # coverage v in 1..255 → shade ceil(v·steps/255), so full coverage is the colour itself
        luts[colour] = [0] + [first + min(steps, -(-v * steps // 255)) - 1 for v in range(1, 256)]
    return palette, {c: i for i, c in enumerate(flat)}, luts


STEPS = 8  # shades of each text colour's anti-aliased edges: 8 look like 256 at 1200×630
PALETTE, INDEX, _RAMP_LUT = _palette(STEPS)
DRAFT = {"vi": "DỰ THẢO", "en": "DRAFT"}
