"""The generated pages of a dossier, each named by a typed `PageKey`.

Shared by `render`, the exports and the plugin: a page is a kind plus, for a text or an
actor, its id. A key knows its Markdown path (inside docs_dir, never written); this
module also says which pages a dossier has, their titles and the file an editor opens
to change each. No key is ever written or read as a string.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .analysis import Analysis
from .labels import LABELS
from .langs import Lang
from .loading import ANNOTATIONS, SOURCES_DIR

PageKind = Literal["home", "sources", "source", "actors", "actor", "chronology", "quotations"]


@dataclass(frozen=True)
class PageKey:
    kind: PageKind
    ident: str = ""  # the source or actor id; empty for the index pages

    @classmethod
    def source(cls, source_id: str) -> PageKey:
        return cls("source", source_id)

    @classmethod
    def actor(cls, actor_id: str) -> PageKey:
        return cls("actor", actor_id)

    @property
    def path(self) -> str:
        """The page's Markdown path inside docs_dir."""
        if self.kind == "source":
            return f"sources/{self.ident}.md"
        if self.kind == "actor":
            return f"actors/{self.ident}.md"
        return {
            "home": "index.md",
            "sources": "sources/index.md",
            "actors": "actors/index.md",
            "quotations": "quotations.md",
        }.get(self.kind, "chronology.md")


HOME = PageKey("home")
SOURCES = PageKey("sources")
ACTORS = PageKey("actors")
CHRONOLOGY = PageKey("chronology")
QUOTATIONS = PageKey("quotations")  # the register of every quotation


def page_keys(analysis: Analysis, *, home: bool = False) -> list[PageKey]:
    """Every generated page, indexes first, then texts and actors in the YAML's order;
    with `home`, the home page too (when the project has no hand-written one)."""
    return [
        *([HOME] if home else []),
        SOURCES,
        ACTORS,
        CHRONOLOGY,
        QUOTATIONS,
        *(PageKey.source(source_id) for source_id in analysis.sources),
        *(PageKey.actor(actor.id) for actor in analysis.dossier.actors),
    ]


def page_title(key: PageKey, analysis: Analysis, lang: Lang) -> str:
    if key.kind == "source":
        return analysis.sources[key.ident].source.title.pick(lang) or key.ident
    if key.kind == "actor":
        return analysis.actors[key.ident].name_in(lang)
    if key.kind == "home":
        return analysis.dossier.dossier.title.pick(lang)
    if key.kind == "quotations":
        return LABELS[lang]["quotations_page"]
    return LABELS[lang][key.kind]


def page_origin(key: PageKey, analysis: Analysis) -> Path:
    """The file an editor changes to change the page."""
    folder = analysis.loaded.folder
    if key.kind == "source":
        return folder / SOURCES_DIR / analysis.sources[key.ident].source.file
    return folder / ANNOTATIONS
