"""A small crawler over a built site: every internal link and #anchor must resolve."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class LinkParser(HTMLParser):
    """Links (href/src) and anchor targets (id, a[name]) of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            value = attributes.get(name)
            if value and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append(value)


def _parse(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    base = page.parent.relative_to(site).as_posix()
    path = unquote(parts.path)
    if not path:
        joined = page.relative_to(site).as_posix()
    elif path.startswith("/"):  # root-relative: the site is served at its root here
        joined = posixpath.normpath(path.lstrip("/") or ".")
    else:
        joined = posixpath.normpath(posixpath.join(base, path))
    target = site / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def crawl(site: Path) -> tuple[list[str], set[str]]:
    """(broken internal links as 'page -> link: reason', external URLs found)."""
    broken: list[str] = []
    external: set[str] = set()
    parsed: dict[Path, LinkParser] = {}
    for page in sorted(site.rglob("*.html")):
        parsed[page] = parsed.get(page) or _parse(page)
        for link in parsed[page].links:
            scheme = urlsplit(link).scheme
            if scheme in ("http", "https") or link.startswith("//"):
                external.add(link)
                continue
            if scheme in ("mailto", "data", "javascript"):
                if scheme == "javascript":
                    broken.append(f"{page.relative_to(site)} -> {link}: javascript: URL")
                continue
            target, fragment = _target(site, page, link)
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}: no such file")
                continue
            if fragment and target.suffix == ".html":
                ids = (parsed.get(target) or _parse(target)).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link}: no #{fragment}")
    return broken, external
