"""Share images: a 1200×630 PNG per document and organization page, for Facebook and Zalo.

Drawn with Pillow at build time in Be Vietnam Pro (TTF from npm, full Vietnamese coverage).
The same text gives the same bytes, and images are cached on disk by their text, so a
rebuild redraws only what changed.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONTS = Path("node_modules/@expo-google-fonts/be-vietnam-pro")
BLUE, RED, GOLD, WHITE = "#0b5fae", "#c8102e", "#ffd84d", "#ffffff"
VERSION = "4"  # bump when the drawing changes, to invalidate cached images


@dataclass(frozen=True)
class Card:
    """What a share image says."""

    site: str
    eyebrow: str  # kind of page: "Báo cáo Đại hội · Nhiệm kỳ VI (2022–2027)"
    title: str
    footer: str  # the organization


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
    """The PNG bytes of one share image."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BLUE)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=RED)
    pen.ellipse((64, 56, 124, 116), fill=RED)
    pen.polygon(_star(94, 88, 24, 10), fill=GOLD)
    pen.text((144, 66), card.site, font=_font(root, "600", 34), fill=WHITE)
    pen.text((64, 160), card.eyebrow.upper(), font=_font(root, "600", 26), fill=GOLD)
    for size, lines_max in ((58, 4), (48, 5), (40, 6)):
        title_font = _font(root, "600", size)
        lines = _wrap(pen, _keep_together(card.title), title_font, WIDTH - 128, lines_max)
        if not lines[-1].endswith("…") or size == 40:
            break
    y = 206
    for line in lines:
        pen.text((64, y), line, font=title_font, fill=WHITE)
        y += int(size * 1.25)
    footer_font = _font(root, "400", 28)
    footer = _wrap(pen, card.footer, footer_font, WIDTH - 128, 1)[0]
    pen.text((64, HEIGHT - 78), footer, font=footer_font, fill="#d6e6f7")
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)  # level 9 is 4× slower for 3% fewer bytes
    return out.getvalue()


def image(root: Path, card: Card) -> bytes:
    """draw(), through a disk cache keyed by the card's text."""
    key = hashlib.sha256(repr((VERSION, card)).encode("utf-8")).hexdigest()[:24]
    cache = Path(tempfile.gettempdir()) / "vankien-share" / f"{key}.png"
    if cache.exists():
        return cache.read_bytes()
    data = draw(root, card)
    cache.parent.mkdir(exist_ok=True)
    cache.write_bytes(data)
    return data
