"""Share images: a 1200×630 PNG per document and organization page, for Facebook and Zalo.

Drawn with Pillow at build time in Be Vietnam Pro (TTF from npm, full Vietnamese coverage).
The same text gives the same bytes: an image is named by its card's digest (`Card.digest`),
drawn once into the project's cache and never again while its text stays the same.

Drawn straight into a palette image (see `draw`): no RGB image, no colour quantizing; and
compressed as Pillow would, but from a saved zlib state for the rows many cards share (`_png`).
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONTS = Path("node_modules/@expo-google-fonts/be-vietnam-pro")
BLUE, RED, GOLD, WHITE, PALE = "#0b5fae", "#c8102e", "#ffd84d", "#ffffff", "#d6e6f7"
VERSION = "6"
# With VERSION, names the drawing in every card's digest (so in every page's share image link).
# It was this file's digest, which changed every image's name at any edit, a faster one too; now
# it is that last digest, kept. Change it (or VERSION) whenever an image would change:
# test_social's reference cards fail until it is.
DRAWING = "f191fd5bd2aa"


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


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap; the last line ends with … when the text does not fit. Lengths are
    measured as for an "L" image (`ImageDraw.textlength` on one, without its wrapping objects)."""
    lines, current = [], ""
    for word in [w for w in text.split(" ") if w]:  # not split(): it would break at no-break spaces
        trial = f"{current} {word}".strip()
        if font.getlength(trial, "L") <= width:
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
    while last and font.getlength(last + " …", "L") > width:
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

    def text(xy: tuple[int, int], line: str, weight: str, size: int, colour: str) -> int:
        """Draws `line`; the row its box starts at."""
        shades, (dx, dy) = _line(root, weight, size, colour, line)
        box = (xy[0] + dx, xy[1] + dy, xy[0] + dx + shades.width, xy[1] + dy + shades.height)
        image.paste(ImageChops.lighter(image.crop(box), shades), box[:2])
        return box[1]

    text((144, 66), card.site, "600", 34, WHITE)
    eyebrow = card.eyebrow.upper()
    if card.draft:
        eyebrow = f"{DRAFT.get(card.lang, DRAFT['vi'])} · {eyebrow}"
    text((64, 160), eyebrow, "600", 26, GOLD)
    for size, lines_max in ((58, 4), (48, 5), (40, 6)):
        lines = _wrap(_keep_together(card.title), _font(root, "600", size), WIDTH - 128, lines_max)
        if not lines[-1].endswith("…") or size == 40:
            break
    y = title_top = 206  # the rows above the title's: the same on every card of one kind and period
    for line in lines:
        title_top = min(title_top, text((64, y), line, "600", size, WHITE))
        y += int(size * 1.25)
    footer = _wrap(card.footer, _font(root, "400", 28), WIDTH - 128, 1)[0]
    text((64, HEIGHT - 78), footer, "400", 28, PALE)
    image.putpalette(PALETTE)  # now a "P" image
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, HEIGHT - 18, WIDTH, HEIGHT), fill=INDEX[RED])
    pen.ellipse((64, 56, 124, 116), fill=INDEX[RED])
    pen.polygon(_star(94, 88, 24, 10), fill=INDEX[GOLD])
    return _png(image, max(0, title_top))


def _pillow_png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def _png(image: Image.Image, shared_rows: int) -> bytes:
    """The bytes Pillow's `image.save(format="PNG", compress_level=6)` gives, made faster.

    For a palette image Pillow writes each row unfiltered (a 0 byte, then the row) into one zlib
    stream (level 6, memory level 9), one IDAT chunk per 64 KB of it. So the stream can be made
    here with the same zlib, starting from a copy of the compressor's state after the first
    `shared_rows` rows (the mark, the site's name and the eyebrow: the same on every card of one
    kind and period), kept per process: a quarter of the compressing, done once. Each process
    checks its first image against Pillow's own; if they differ (another zlib), it uses Pillow."""
    if _ENCODER.get("same") is False:
        return _pillow_png(image)
    framed = Image.new("P", (WIDTH + 1, HEIGHT), 0)  # each row after a 0: "not filtered"
    framed.paste(image, (1, 0))
    rows = framed.tobytes()
    cut = shared_rows * (WIDTH + 1)
    head = rows[:cut]
    if head not in _SHARED:
        if len(_SHARED) >= 32:
            _SHARED.clear()
        compressor = zlib.compressobj(6, zlib.DEFLATED, 15, 9)
        _SHARED[head] = (compressor, compressor.compress(head))
    saved, start = _SHARED[head]
    compressor = saved.copy()
    stream = start + compressor.compress(rows[cut:]) + compressor.flush()
    if len(stream) >= 65536:  # more than one IDAT chunk: as Pillow splits them
        return _pillow_png(image)
    if "chunks" not in _ENCODER:  # the chunks before and after the image data, from Pillow itself
        blank = Image.new("P", (WIDTH, HEIGHT), 0)
        blank.putpalette(PALETTE)
        made = _pillow_png(blank)
        first, last = _idat_span(made)
        _ENCODER["chunks"] = (made[:first], made[last:])
    before, after = _ENCODER["chunks"]
    png = before + struct.pack(">I", len(stream)) + _chunk(b"IDAT", stream) + after
    if "same" not in _ENCODER:
        _ENCODER["same"] = png == _pillow_png(image)
        if not _ENCODER["same"]:
            return _pillow_png(image)
    return png


def _chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk's type, data and CRC (its length goes before)."""
    return kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _idat_span(png: bytes) -> tuple[int, int]:
    """(offset of the first IDAT chunk, offset just past the last) in a PNG's bytes."""
    offset, first, last = 8, -1, -1
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        end = offset + 12 + length
        if png[offset + 4 : offset + 8] == b"IDAT":
            first, last = (offset if first < 0 else first), end
        offset = end
    return first, last


_SHARED: dict[bytes, tuple] = {}  # {the first rows' bytes: (zlib state after them, its output)}
_ENCODER: dict = {}  # "chunks": (PNG before, after the image data); "same": the first image equals Pillow's


@functools.lru_cache(maxsize=256)  # the site's name, kinds and periods, organizations: on many cards
def _line(root: Path, weight: str, size: int, colour: str, line: str) -> tuple[Image.Image, tuple[int, int]]:
    """One line of text as palette indices ("L" image of its box) and the box's offset from
    where the line is drawn."""
    font = _font(root, weight, size)
    left, top, right, bottom = (int(edge) for edge in font.getbbox(line))  # whole pixels: no layout engine
    coverage = Image.new("L", (max(1, right - left), max(1, bottom - top)), 0)
    ImageDraw.Draw(coverage).text((-left, -top), line, font=font, fill=255)
    # Image.point would do, but rounds its 256 numbers on every call (a fifth of a draw)
    shades = Image.frombytes("L", coverage.size, coverage.tobytes().translate(_RAMP_BYTES[colour]))
    return shades, (left, top)


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
_RAMP_BYTES = {colour: bytes(table) for colour, table in _RAMP_LUT.items()}
DRAFT = {"vi": "DỰ THẢO", "en": "DRAFT"}
