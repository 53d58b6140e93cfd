"""Render the body HTML of each generated page from an `Analysis`.

Plain Python and Jinja (autoescape on: every editor-written string is escaped); no MkDocs.
The plugin calls `Renderer.page(key, current_url)` for each generated page and puts the
result where Material expects the page content, so Material's search indexes it. Links
between pages are computed relative to the current page, so the site works under any
sub-path and opened from disk.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .analysis import Analysis, GlossUse, Mention, SourceView
from .dates import DateValue, parse_date
from .labels import LABELS
from .model import Actor, Event, Lang, Localized
from .timeline import layout

PAGE_KINDS = ("source", "actor", "actors", "chronology")


def page_paths(analysis: Analysis) -> dict[str, str]:
    """Page key -> Markdown path of the generated page (inside docs_dir, never written)."""
    paths = {
        "sources": "sources/index.md",
        "actors": "actors/index.md",
        "chronology": "chronology.md",
    }
    for source_id in analysis.sources:
        paths[f"source:{source_id}"] = f"sources/{source_id}.md"
    for actor in analysis.dossier.actors:
        paths[f"actor:{actor.id}"] = f"actors/{actor.id}.md"
    return paths


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


@dataclass
class TimelineEntry:
    """An event or a publication, as the chronology shows it."""

    key: str
    when: DateValue
    title: Localized
    text: Localized | None
    actors: list[str]
    sources: list[str]
    datings: list[Any]
    is_publication: bool = False


class Renderer:
    """Renders every generated page of one analysed dossier in one interface language."""

    def __init__(self, analysis: Analysis, lang: Lang, urls: dict[str, str]):
        self.analysis = analysis
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
        self.actors = analysis.actors
        self.timeline = self._timeline()
        # paragraph (source id, anchor) -> actors mentioned there, for "appears beside"
        self._actors_at: dict[tuple[str, str], set[str]] = defaultdict(set)
        for actor_id, actor_mentions in analysis.mentions.items():
            for m in actor_mentions:
                self._actors_at[(m.source_id, m.block_anchor)].add(actor_id)
        self._counts = {
            actor_id: (len(self._said_by(actor_id)), len(analysis.mentions.get(actor_id, [])))
            for actor_id in self.actors
        }

    # --- helpers exposed to templates ------------------------------------------------------

    def _context(self, current_url: str) -> dict[str, Any]:
        def link(key: str, anchor: str | None = None) -> str:
            target = self.urls[key] + (f"#{anchor}" if anchor else "")
            return relative_url(target, current_url)

        def date_text(value: DateValue | str | None) -> str:
            if value is None:
                return ""
            return (parse_date(value) if isinstance(value, str) else value).text(self.lang)

        def count(number: int, key: str) -> str:
            """`2 citations`, `1 citation`; French takes the singular for 0 too."""
            singular = number < 2 if self.lang == "fr" else number == 1
            return f"{number} {self.labels[key + '_one' if singular else key]}"

        return {
            "t": self.labels,
            "ui_lang": self.lang,
            "count": count,
            "link": link,
            "date_text": date_text,
            "parse_date": parse_date,
            "actors": self.actors,
            "analysis": self.analysis,
            "counts": self._counts,
            "host": lambda url: urlsplit(url).netloc.removeprefix("www."),
            "fidelities": ("verbatim", "condensed", "paraphrase", "unverified"),
        }

    def page(self, key: str, current_url: str) -> str:
        """Body HTML of the page `key` (see `page_paths`) at site-relative `current_url`."""
        context = self._context(current_url)
        kind, _, ident = key.partition(":")
        if kind == "source":
            context.update(self._source_context(self.analysis.sources[ident]))
        elif kind == "actor":
            context.update(self._actor_context(self.actors[ident]))
        elif kind == "actors":
            context.update(self._actors_context())
        elif kind == "sources":
            views = sorted(
                self.analysis.sources.values(),
                key=lambda v: (
                    v.published.sort_key() if v.published else (date.max, 0, date.max),
                    v.source.id,
                ),
            )

            def coverage_of(view: SourceView) -> str:
                done, total = view.coverage
                return self.labels["coverage"].format(done=done, total=total)

            context.update({"views": views, "coverage_of": coverage_of})
        elif kind == "chronology":
            chip_actors = sorted(
                {a for e in self.timeline for a in e.actors}, key=lambda a: self.actors[a].name
            )
            context.update(
                {
                    "months": self._months(self.timeline),
                    "timeline": self.timeline,
                    "tl": layout(self.timeline, self.lang),
                    "chip_actors": chip_actors,
                }
            )
        else:
            raise KeyError(key)
        return self.env.get_template(f"{kind}.html").render(context)

    def title(self, key: str) -> str:
        kind, _, ident = key.partition(":")
        if kind == "source":
            title = self.analysis.sources[ident].source.title
            return title.pick(self.lang) or ident
        if kind == "actor":
            return self.actors[ident].name
        return self.labels[kind]

    # --- page contexts ---------------------------------------------------------------------

    def _source_context(self, view: SourceView) -> dict[str, Any]:
        done, total = view.coverage
        return {
            "view": view,
            "source": view.source,
            "coverage": self.labels["coverage"].format(done=done, total=total),
            "speakers": view.speakers,
            "posts": self.analysis.posts,
        }

    def _said_by(self, actor_id: str) -> list[tuple[Any, list[GlossUse]]]:
        return [
            (gloss, self.analysis.gloss_uses.get(gloss.id, []))
            for gloss in self.analysis.dossier.glosses
            if gloss.speaker == actor_id
        ]

    def _actor_context(self, actor: Actor) -> dict[str, Any]:
        mentions: list[Mention] = self.analysis.mentions.get(actor.id, [])
        events = [e for e in self.timeline if actor.id in e.actors]
        beside: dict[str, int] = defaultdict(int)
        for place in {(m.source_id, m.block_anchor) for m in mentions}:
            for other_id in self._actors_at[place]:
                if other_id != actor.id:
                    beside[other_id] += 1
        for entry in events:
            for other_id in entry.actors:
                if other_id != actor.id:
                    beside[other_id] += 1
        return {
            "actor": actor,
            "said": self._said_by(actor.id),
            "mentions": mentions,
            "events": events,
            "beside": sorted(beside, key=lambda a: (-beside[a], self.actors[a].name)),
        }

    def _actors_context(self) -> dict[str, Any]:
        groups: dict[str, dict[str, list[Actor]]] = {}
        for kind in ("person", "organisation", "group"):
            by_affiliation: dict[str, list[Actor]] = defaultdict(list)
            for actor in self.analysis.dossier.actors:
                if actor.kind == kind:
                    by_affiliation[actor.affiliation or "—"].append(actor)
            if by_affiliation:
                groups[kind] = {
                    k: sorted(v, key=lambda a: a.name) for k, v in sorted(by_affiliation.items())
                }
        return {"groups": groups}

    # --- chronology --------------------------------------------------------------------------

    def _timeline(self) -> list[TimelineEntry]:
        entries: list[TimelineEntry] = []
        for event in self.analysis.events_sorted():
            entries.append(self._entry(event))
        for view in self.analysis.sources.values():
            if view.published is None:
                continue
            title = view.source.title
            entries.append(
                TimelineEntry(
                    f"publication-{view.source.id}",
                    view.published,
                    Localized(
                        fr=f"{LABELS['fr']['publication']} : {title.pick('fr')}",
                        en=f"{LABELS['en']['publication']}: {title.pick('en')}",
                    ),
                    None,
                    [view.source.agency] if view.source.agency else [],
                    [view.source.id],
                    [],
                    is_publication=True,
                )
            )
        entries.sort(key=lambda e: (e.when.sort_key(), e.is_publication, e.key))
        return entries

    def _entry(self, event: Event) -> TimelineEntry:
        return TimelineEntry(
            event.id,
            event.when,
            event.title,
            event.text,
            list(event.actors),
            list(event.sources),
            self.analysis.datings.get(event.id, []),
        )

    def _months(
        self, entries: list[TimelineEntry]
    ) -> list[tuple[str, str, list[tuple[str, str, list[TimelineEntry]]]]]:
        """[(month label, iso month, [(group label, iso, entries)])] in order."""
        months: dict[str, tuple[str, dict[str, tuple[str, list[TimelineEntry]]]]] = {}
        for entry in entries:
            start = entry.when.start
            if start.month is None:
                month_key, month_label = f"{start.year:04d}", str(start.year)
            else:
                month_key = f"{start.year:04d}-{start.month:02d}"
                month_label = parse_date(month_key).text(self.lang)
            groups = months.setdefault(month_key, (month_label, {}))[1]
            if (
                entry.when.precision == "day"
                and not entry.when.is_interval
                and not entry.when.start.qualifier
            ):
                group_key = entry.when.iso()
                group_label = entry.when.text(self.lang)
            else:
                group_key = entry.when.raw
                group_label = entry.when.text(self.lang)
            groups.setdefault(group_key, (group_label, []))[1].append(entry)
        return [
            (label, key, [(g_label, g_key, items) for g_key, (g_label, items) in groups.items()])
            for key, (label, groups) in months.items()
        ]
