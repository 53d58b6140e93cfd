"""Touches to each finished page the theme wrote, applied by the plugin's on_post_page.

Plain string work on the final HTML, free of MkDocs: the early-state script inlined in
<head>, an accessible name for Material's search dialog, the serve-mode error banner
after <body>, and the page's JSON-LD before </head>.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'
_BODY = re.compile(r"<body[^>]*>")


@cache
def early_state_script() -> str:
    """assets/early.js as an inline <script>, comments and indentation dropped."""
    source = (resources.files(__package__) / "assets" / "early.js").read_text("utf-8")
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    return "<script>" + "".join(line.strip() for line in source.splitlines()) + "</script>"


def finish_page(html: str, *, search_label: str, banner: str = "", head: str = "") -> str:
    """The page with our additions; a page without <head> or <body> is left as it was."""
    if "</head>" not in html:
        return html
    # Material's search overlay is a role=dialog with no name (axe: aria-dialog-name).
    html = html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG} aria-label="{search_label}"', 1)
    html = html.replace("</head>", early_state_script() + head + "\n</head>", 1)
    if banner:
        html = _BODY.sub(lambda match: match.group(0) + banner, html, count=1)
    return html
