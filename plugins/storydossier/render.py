"""Render the body HTML of each generated page from an `Analysis`.

Plain Python and Jinja (autoescape on: every editor-written string is escaped); no
MkDocs. The plugin calls `Renderer.page(key, current_url)` for each generated page and
puts the result where Material expects the page content, so Material's search indexes
it. Each page's context is prepared here (with `present`), in the interface language;
templates only lay it out. Links are relative to the current page, so the site works
under any sub-path and opened from disk.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .actor_pages import actor_rows, said_heading, sentences
from .analysis import Analysis
from .chronology import TimelineEntry, by_month, timeline_entries
from .dates import parse_date
from .labels import LABELS, PUNCTUATION, colon_labels
from .langs import Lang
from .model import Actor, Localized
from .pages import ACTORS, CHRONOLOGY, QUOTATIONS, SOURCES, PageKey, page_title
from .present import (
    GlossCard,
    Link,
    Presenter,
    by_name,
)
from .register import EXPORT_CSV, choices, filter_style, register_rows
from .source_page import source_context
from .timeline import layout
from .urls import relative_url


@dataclass(frozen=True)
class SaidShown:
    fr: str
    en: str | None
    gloss_id: str
    card: GlossCard
    uses: list[Link]


@dataclass(frozen=True)
class EntryShown:
    key: str
    is_publication: bool
    actors_attr: str
    title: Localized
    text: Localized | None
    actors: list[Link]
    sources: list[tuple[Link, str | None, Lang]]  # link, dating phrase, its language


class Renderer:
    """Renders every generated page of one analysed dossier in one interface language."""

    def __init__(
        self, analysis: Analysis, lang: Lang, urls: dict[PageKey, str], site_url: str = ""
    ):
        self.analysis = analysis
        self.site_url = site_url  # this edition's address, for citations
        self.lang = lang
        self.labels = LABELS[lang]
        self.urls = urls  # page key -> site-relative URL of the built page
        self.env = Environment(
            loader=PackageLoader("storydossier", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.timeline = timeline_entries(analysis)
        # paragraph (source id, anchor) -> actors mentioned there, for "appears beside"
        self._actors_at: dict[tuple[str, str], set[str]] = defaultdict(set)
        for actor_id, actor_mentions in analysis.edition_mentions(lang).items():
            for m in actor_mentions:
                self._actors_at[(m.source_id, m.block_anchor)].add(actor_id)

    def page(self, key: PageKey, current_url: str) -> str:
        """Body HTML of the page `key` at site-relative `current_url`."""
        shown = Presenter(self.analysis, self.lang, self.urls, current_url)
        context: dict[str, Any] = {
            "t": self.labels,
            "c": colon_labels(self.lang),
            "sep": PUNCTUATION[self.lang],
            "ui_lang": self.lang,
        }
        builders = {
            "home": self._home,
            "source": self._source,
            "sources": self._sources,
            "actor": self._actor,
            "actors": self._actors,
            "chronology": self._chronology,
            "quotations": self._quotations,
        }
        context.update(builders[key.kind](shown, key.ident))
        return self.env.get_template(f"{key.kind}.html").render(context)

    def title(self, key: PageKey) -> str:
        return page_title(key, self.analysis, self.lang)

    # --- page contexts ---------------------------------------------------------------------

    def _home(self, shown: Presenter, _ident: str) -> dict[str, Any]:
        record = self.analysis.dossier.dossier
        return {
            "title": record.title,
            "summary": record.summary,
            "sections": [
                (Link(self.labels[key.kind], shown.href(key)), self.labels[f"home_{key.kind}"])
                for key in (SOURCES, ACTORS, CHRONOLOGY, QUOTATIONS)
            ],
            "exports": [
                (name, self.labels[label])
                for name, label in (
                    ("dossier.json", "exports_json"),
                    ("dossier.schema.json", "exports_schema"),
                    ("chronology.ics", "exports_ics"),
                )
            ],
        }

    def _source(self, shown: Presenter, source_id: str) -> dict[str, Any]:
        return source_context(self.analysis, shown, source_id)

    def _quotations(self, shown: Presenter, _ident: str) -> dict[str, Any]:
        rows = register_rows(self.analysis, shown, self.page_address(QUOTATIONS))
        options = choices(self.analysis, self.lang)
        return {
            "rows": rows,
            "filters": [
                (name, self.labels[f"filter_{name}"], options[name])
                for name in ("speaker", "fidelity", "text")
            ],
            "csv": relative_url(EXPORT_CSV, shown.current_url),
        }

    def head(self, key: PageKey) -> str:
        """What the page adds to its <head>: the register's filters work by CSS."""
        if key != QUOTATIONS:
            return ""
        return filter_style(choices(self.analysis, self.lang))

    def page_address(self, key: PageKey) -> str:
        """The page's address as a reader cites it (absolute when the site's is known)."""
        return self.site_url + self.urls[key] if self.site_url else self.urls[key]

    def _sources(self, shown: Presenter, _ident: str) -> dict[str, Any]:
        views = sorted(
            self.analysis.sources.values(),
            key=lambda v: (
                v.published.sort_key() if v.published else (date.max, 0, date.max),
                v.source.id,
            ),
        )
        rows = []
        for view in views:
            done, total = view.coverage
            coverage = shown.coverage(done, total)
            rows.append((shown.source(view.source.id), shown.when(view.published), coverage))
        return {"rows": rows}

    def _actor(self, shown: Presenter, actor_id: str) -> dict[str, Any]:
        actor = self.analysis.actors[actor_id]
        mentions = self.analysis.edition_mentions(self.lang).get(actor_id, [])
        events = [e for e in self.timeline if actor_id in e.actors]
        return {
            "actor": actor,
            "name": actor.name_in(self.lang),
            "affiliation": actor.affiliation_in(self.lang),
            "kind_label": self.labels[f"kind_{actor.kind}"],
            "roles": [(role.title, shown.when(role.dates)) for role in actor.roles],
            "wikidata": _wikidata(actor),
            "said": [
                SaidShown(
                    gloss.fr,
                    gloss.en,
                    gloss.id,
                    shown.card(gloss),
                    [shown.source(u.source_id, u.anchor) for u in uses],
                )
                for gloss, uses in self.analysis.said_by(actor_id)
            ],
            "said_heading": said_heading(actor, self.lang),
            "sentences": sentences(
                self.analysis,
                shown,
                mentions,
                {s: _mention_lang(self.analysis, s, self.lang) for s in self.analysis.sources},
            ),
            "events": [
                (shown.when(e.when), shown.href(CHRONOLOGY, e.key), e.title) for e in events
            ],
            "beside": [shown.actor(a) for a in self._beside(actor_id, events, shown)],
        }

    def _beside(self, actor_id: str, events: list[TimelineEntry], shown: Presenter) -> list[str]:
        """Other actors in the same paragraphs or events, most often first."""
        mentions = self.analysis.edition_mentions(self.lang).get(actor_id, [])
        beside: dict[str, int] = defaultdict(int)
        for place in {(m.source_id, m.block_anchor) for m in mentions}:
            for other_id in self._actors_at[place]:
                if other_id != actor_id:
                    beside[other_id] += 1
        for entry in events:
            for other_id in entry.actors:
                if other_id != actor_id:
                    beside[other_id] += 1
        name = by_name(shown)
        return sorted(beside, key=lambda a: (-beside[a], name(a)))

    def _actors(self, shown: Presenter, _ident: str) -> dict[str, Any]:
        return {"groups": actor_rows(self.analysis, shown)}

    def _chronology(self, shown: Presenter, _ident: str) -> dict[str, Any]:
        chips = sorted({a for e in self.timeline for a in e.actors}, key=by_name(shown))
        timeline = layout(self.timeline, self.lang)
        description = ""
        if timeline is not None:
            description = self.labels["timeline_desc"].format(
                first=_day_text(timeline.first, self.lang),
                last=_day_text(timeline.last, self.lang),
            )
        months = [
            (
                month.label,
                month.key,
                [
                    (day.label, day.iso, [self._entry(shown, e) for e in day.entries])
                    for day in month.days
                ],
            )
            for month in by_month(self.timeline, self.lang)
        ]
        return {
            "months": months,
            "tl": timeline,
            "tl_desc": description,
            "chips": [(a, self.analysis.actors[a].name_in(self.lang)) for a in chips],
        }

    def _entry(self, shown: Presenter, entry: TimelineEntry) -> EntryShown:
        # the entry's date is its group's heading (chronology.by_month), said once
        sources = []
        for source_id in entry.sources:
            dating = entry.dating_in(source_id)
            anchor = dating.block_anchor if dating else None
            lang = self.analysis.sources[source_id].source.language
            sources.append(
                (shown.source(source_id, anchor), dating.phrase if dating else None, lang)
            )
        return EntryShown(
            entry.key,
            entry.is_publication,
            " ".join(entry.actors),
            entry.title,
            entry.text,
            [shown.actor(a) for a in entry.actors],
            sources,
        )


def _mention_lang(analysis: Analysis, source_id: str, lang: Lang) -> Lang:
    """The language an edition reads a text's mentions in."""
    translated = analysis.translation_read(source_id, lang) is not None
    return "en" if translated else analysis.sources[source_id].source.language


def _day_text(day: date, lang: Lang) -> str:
    return parse_date(day.isoformat()).text(lang)


def _wikidata(actor: Actor) -> Link | None:
    if not actor.wikidata:
        return None
    return Link(actor.wikidata, f"https://www.wikidata.org/wiki/{actor.wikidata}")
