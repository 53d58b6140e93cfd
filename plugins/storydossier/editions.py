"""The site's editions: one per interface language, from one record. Plain Python.

The first edition (the site's `theme.language`) is at the site's root, each other one in
a folder named by its language (`en/`): a reader's address keeps its path from one
edition to the other (`sources/x/` and `en/sources/x/`), the French edition's addresses
stay what they were, and a server needs no rewriting rule. Used by the plugin: which
hand-written page serves which edition, where a page's twin is, the `hreflang` links
of each page's head, and each edition's sitemap naming the other's pages.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from .langs import Lang
from .urls import relative_url

LANGUAGE_NAMES: dict[Lang, str] = {"fr": "Français", "en": "English"}
_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Editions:
    """The editions of one site: `langs[0]` at the root, the others in `<lang>/`."""

    langs: tuple[Lang, ...]

    @property
    def primary(self) -> Lang:
        return self.langs[0]

    def prefix(self, lang: Lang) -> str:
        """Where an edition lives, relative to the site's root: "" or "en/"."""
        return "" if lang == self.primary else f"{lang}/"

    def page_path(self, lang: Lang, url: str) -> str:
        """The root-relative address of the page `url` (edition-relative) in `lang`."""
        return self.prefix(lang) + url

    def twin(self, lang: Lang, url: str, other: Lang) -> str:
        """The address of the page `url` of edition `lang` in edition `other`, relative to
        that page (so the site works under any sub-path and from disk)."""
        here, there = self.page_path(lang, url), self.page_path(other, url)
        if not there:  # the site's root: as many steps up as this page is deep
            return "../" * here.count("/") or "./"
        return relative_url(there, here) or "./"

    def hreflang_links(self, site_url: str, lang: Lang, url: str) -> str:
        """A `<link rel=alternate hreflang>` for every edition of the page `url` of edition
        `lang`: absolute when the site's address is known, else relative.

        Written `rel="alternate "` (the same token set): Material's script fetches a
        `sitemap.xml` beside every `link[rel=alternate]`, which exists only at an
        edition's root, so its exact-value selector must not pick these."""
        root = site_url if site_url.endswith("/") else site_url + "/"

        def href(other: Lang) -> str:
            if site_url:
                return root + self.page_path(other, url)
            return self.twin(lang, url, other)

        pairs: list[tuple[str, str]] = [(other, href(other)) for other in self.langs]
        pairs.append(("x-default", href(self.primary)))
        return "\n".join(
            f'<link rel="alternate " hreflang="{code}" href="{escape(link)}">'
            for code, link in pairs
        )


def edition_source(src_uri: str, lang: Lang, langs: tuple[Lang, ...]) -> tuple[str, bool]:
    """(the page a hand-written file serves, whether it serves edition `lang`).

    `index.md` serves every edition that has no `index.en.md`; `index.en.md` serves the
    English edition as its `index.md`, and no other."""
    stem, dot, ext = src_uri.rpartition(".")
    base, _, suffix = stem.rpartition(".")
    if dot and ext == "md" and base and suffix in langs:
        return f"{base}.md", suffix == lang
    return src_uri, True


def sitemap_with_twins(sitemap: str, lang: Lang, editions: Editions, site_url: str) -> str:
    """An edition's sitemap, each page with its twins as `xhtml:link rel=alternate
    hreflang` (the form search engines read). Its `<loc>`s stay this edition's own:
    Material's instant navigation takes every `<loc>` for a page of the same edition."""
    ET.register_namespace("", _SITEMAP)
    ET.register_namespace("xhtml", _XHTML)
    root = site_url if site_url.endswith("/") else site_url + "/"
    prefix = root + editions.prefix(lang)
    urlset = ET.fromstring(sitemap)
    for entry in urlset.iter(f"{{{_SITEMAP}}}url"):
        loc = entry.find(f"{{{_SITEMAP}}}loc")
        if loc is None or loc.text is None:
            continue
        url = loc.text.strip().removeprefix(prefix)
        for other in editions.langs:
            link = ET.SubElement(entry, f"{{{_XHTML}}}link")
            link.set("rel", "alternate")
            link.set("hreflang", other)
            link.set("href", root + editions.page_path(other, url))
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="unicode", xml_declaration=True) + "\n"


# Material's own head links for `extra.alternate` (edition roots, not this page's twin)
_THEME_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_SELECTOR_LINK = re.compile(r'(<a href=")[^"]*(" hreflang="([a-z]{2})" class="md-select__link">)')


def point_switcher(html: str, twins: Mapping[str, str], head: str) -> str:
    """The page with Material's language selector pointing at this page's twins, and
    `head` (the page's hreflang links) in place of Material's links to edition roots."""
    html = _THEME_ALTERNATE.sub("", html)
    html = _SELECTOR_LINK.sub(
        lambda m: m.group(1) + escape(twins.get(m.group(3), "./")) + m.group(2), html
    )
    return html.replace("</head>", head + "\n</head>", 1)
