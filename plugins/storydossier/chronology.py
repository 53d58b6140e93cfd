"""The story's chronology: events and publications in time order, grouped for reading.

Core module used by `render` (the chronology and actor pages) and by `timeline` (the
SVG): each event of the YAML and each dated text becomes a `TimelineEntry`; entries are
grouped by month, then by day (or by the exact wording of a coarser or qualified date).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .analysis import Analysis
from .dates import DateValue, parse_date
from .labels import LABELS, with_colon
from .langs import Lang
from .model import Localized
from .views import DatingPhrase


@dataclass(frozen=True)
class TimelineEntry:
    """An event or a publication, as the chronology shows it."""

    key: str
    when: DateValue
    title: Localized
    text: Localized | None
    actors: list[str]
    sources: list[str]
    datings: list[DatingPhrase] = field(default_factory=list)
    is_publication: bool = False

    def dating_in(self, source_id: str) -> DatingPhrase | None:
        """The first phrase of the text `source_id` that dates this entry."""
        return next((d for d in self.datings if d.source_id == source_id), None)


def timeline_entries(analysis: Analysis) -> list[TimelineEntry]:
    entries = [
        TimelineEntry(
            event.id,
            event.when,
            event.title,
            event.text,
            list(event.actors),
            list(event.sources),
            analysis.datings.get(event.id, []),
        )
        for event in analysis.events_sorted
    ]
    for view in analysis.sources.values():
        if view.published is None:
            continue
        title = view.source.title
        entries.append(
            TimelineEntry(
                f"publication-{view.source.id}",
                view.published,
                Localized(
                    fr=f"{with_colon('fr', LABELS['fr']['publication'])} {title.pick('fr')}",
                    en=f"{with_colon('en', LABELS['en']['publication'])} {title.pick('en')}",
                ),
                None,
                [view.source.agency] if view.source.agency else [],
                [view.source.id],
                is_publication=True,
            )
        )
    entries.sort(key=lambda e: (e.when.sort_key(), e.is_publication, e.key))
    return entries


@dataclass(frozen=True)
class Day:
    label: str
    entries: list[TimelineEntry]


@dataclass(frozen=True)
class Month:
    label: str
    key: str  # the ISO month (or year), for the heading's anchor
    days: list[Day]


def by_month(entries: list[TimelineEntry], lang: Lang) -> list[Month]:
    """Entries grouped by month, then by day or by the wording of a coarser date."""
    months: dict[str, tuple[str, dict[str, Day]]] = {}
    for entry in entries:
        start = entry.when.start
        if start.month is None:
            month_key, month_label = f"{start.year:04d}", str(start.year)
        else:
            month_key = f"{start.year:04d}-{start.month:02d}"
            month_label = parse_date(month_key).text(lang)
        days = months.setdefault(month_key, (month_label, {}))[1]
        exact_day = (
            entry.when.precision == "day" and not entry.when.is_interval and not start.qualifier
        )
        day_key = entry.when.iso() if exact_day else entry.when.raw
        days.setdefault(day_key, Day(entry.when.text(lang), [])).entries.append(entry)
    return [Month(label, key, list(days.values())) for key, (label, days) in months.items()]
