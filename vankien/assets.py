"""Files the site ships besides pages: styles, scripts, and the self-hosted fonts."""

from __future__ import annotations

from pathlib import Path

from vankien import messages, resources, social
from vankien.errors import ContentError

FONT_PACKAGE = Path("node_modules/@fontsource/be-vietnam-pro/files")
FONT_WEIGHTS = ("600",)
FONT_SUBSETS = ("latin", "latin-ext", "vietnamese")  # a Vietnamese page needs all three


def collect(root: Path, problems: list[ContentError]) -> dict[str, bytes]:
    """{name under site/static/: bytes} for everything in static/ (the site's over the package's,
    see resources.py) plus the fonts."""
    assets = {}
    for name, path in resources.files(root, "static").items():
        assets[name] = path.read_bytes()
    fonts = root / FONT_PACKAGE
    for weight in FONT_WEIGHTS:
        for subset in FONT_SUBSETS:
            name = f"be-vietnam-pro-{subset}-{weight}-normal.woff2"
            if not (fonts / name).exists():
                problems.append(
                    ContentError(
                        (FONT_PACKAGE / name).as_posix(),
                        1,
                        1,
                        messages.MISSING_FILE,
                        {
                            "what_vi": "phông chữ Be Vietnam Pro",
                            "what_en": "the Be Vietnam Pro font",
                            "hint_vi": "chạy `make site` (cài phông chữ từ npm)",
                            "hint_en": "run `make site` (it installs the fonts from npm)",
                        },
                    )
                )
                return assets
            assets[f"fonts/{name}"] = (fonts / name).read_bytes()
    if not social.fonts_present(root):
        problems.append(
            ContentError(
                social.FONTS.as_posix(),
                1,
                1,
                messages.MISSING_FILE,
                {
                    "what_vi": "phông chữ cho ảnh chia sẻ",
                    "what_en": "the font for share images",
                    "hint_vi": "chạy `make site` (cài phông chữ từ npm)",
                    "hint_en": "run `make site` (it installs the fonts from npm)",
                },
            )
        )
    return assets
