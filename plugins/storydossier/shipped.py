"""The plugin's CSS and JavaScript as the site serves them. Plain Python.

`dossier.css` is served without its comments and with its whitespace folded (the
comments explain the rules to us; a reader's browser needs none of them), which keeps
it within its budget (bench/README.md). The script is served as written.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SPACE = re.compile(r"\s*\n\s*")


@cache
def served_asset(name: str) -> bytes:
    """The bytes of assets/`name` as the site serves them."""
    raw = (resources.files(__package__) / "assets" / name).read_bytes()
    if not name.endswith(".css"):
        return raw
    text = _SPACE.sub("\n", _COMMENT.sub("", raw.decode("utf-8"))).strip()
    return (text + "\n").encode("utf-8")
