"""Addresses between pages of the built site, as relative links. Plain Python.

Every link the plugin writes is relative to the page that holds it, so the site works
under any sub-path and opened from disk: used by `present` (links inside a page) and
`editions` (a page's twin in another edition).
"""

from __future__ import annotations

import posixpath


def relative_url(target: str, current: str) -> str:
    """Site-relative `target` as seen from the page at site-relative `current`."""
    base = current if current.endswith("/") or not current else posixpath.dirname(current) + "/"
    path, _, fragment = target.partition("#")
    relative = posixpath.relpath("/" + path, "/" + base) if path else ""
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if relative == "./" and fragment:
        relative = ""
    return relative + (f"#{fragment}" if fragment else "")
