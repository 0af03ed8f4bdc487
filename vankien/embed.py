"""The `<iframe>` code that other sites paste to show a target table, and the height message.

The code is text for another site's HTML: every value in it is escaped for the place it lands
in (HTML attribute values with `html.escape(quote=True)`, the script's string as JSON with `<`,
`>` and `&` as `\\u` escapes), so no title, short name or `base_url` can add markup or script
where it is pasted. Templates put the code in a `<textarea>`, where Jinja escapes it once more.

Height: the embedded page (templates/embed_base.html) posts `{"vankien-embed-height": N}`
(N in CSS pixels, the height of its content) to the page holding it, whenever that height
changes; the pasted listener sets the iframe's height to it. Where the host strips scripts,
the iframe keeps FALLBACK_HEIGHT and scrolls inside.
"""

from __future__ import annotations

import html
import json
from urllib.parse import urlsplit

HEIGHT_MESSAGE = "vankien-embed-height"  # the key of the message the embedded page posts
FALLBACK_HEIGHT = 640  # px: the iframe's height where the pasted script does not run
MAX_HEIGHT = 100_000  # px: a taller message is ignored (a page cannot make the host's page endless)

_LISTENER = (
    'addEventListener("message",function(e){{'
    "var h=e.data&&e.data[{key}];"
    'if(e.origin!=={origin}||typeof h!=="number"||!(h>0&&h<{max}))return;'
    'document.querySelectorAll("iframe[data-vankien-embed]").forEach(function(f){{'
    'if(f.contentWindow===e.source)f.style.height=Math.ceil(h)+"px"}})}})'
)


def _js_string(value: str) -> str:
    """`value` as a JavaScript string literal that cannot end the <script> element holding it."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def origin(url: str) -> str:
    """`https://example.org/en/embed/x/` → `https://example.org`: what `MessageEvent.origin` reads."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def snippet(src: str, title: str) -> str:
    """The code to paste: an `<iframe>` of the absolute embed URL `src` titled `title`, and the
    `<script>` that sizes it to its content. Plain text (not markup): escape it again where it
    is shown."""
    attributes = {
        "src": src,
        "title": title,
        "width": "100%",
        "height": str(FALLBACK_HEIGHT),
        "style": "border:0",
        "loading": "lazy",
        "data-vankien-embed": "",
    }
    iframe = "<iframe " + " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items())
    script = _LISTENER.format(key=_js_string(HEIGHT_MESSAGE), origin=_js_string(origin(src)), max=MAX_HEIGHT)
    return f"{iframe}></iframe>\n<script>{script}</script>"
