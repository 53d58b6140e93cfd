"""The story's chronology: events and publications in time order, grouped for reading.

Core module used by `render` (the chronology and actor pages) and by `timeline` (the
SVG): each event of the YAML and each dated text becomes a `TimelineEntry`; entries are
grouped by month, then by day (or by the exact wording of a coarser or qualified date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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
    entries.sort(key=lambda e: (e.when.reading_key(), e.is_publication, e.key))
    return entries


@dataclass(frozen=True)
class Day:
    """A group of entries under one date heading, said once."""

    label: str
    iso: str | None  # for <time datetime>, when the date is one day, month or year
    entries: list[TimelineEntry]


@dataclass(frozen=True)
class Month:
    label: str
    key: str  # the ISO month (or year), for the heading's anchor
    days: list[Day]


def by_month(entries: list[TimelineEntry], lang: Lang) -> list[Month]:
    """Entries grouped by the month they are placed in, then under one date heading each:
    a day («6 janvier»), a qualified date or an interval as written, or «date du jour non
    connue» for a date known to the month (placed after the month's days)."""
    months: dict[str, tuple[str, dict[str, Day]]] = {}
    for entry in entries:
        when, placed = entry.when, entry.when.placed_on
        if when.precision == "year":
            month_key, month_label = f"{placed.year:04d}", str(placed.year)
        else:
            month_key = f"{placed.year:04d}-{placed.month:02d}"
            month_label = parse_date(month_key).text(lang)
        days = months.setdefault(month_key, (month_label, {}))[1]
        day_key, day = _day_heading(when, lang)
        days.setdefault(day_key, day).entries.append(entry)
    return [Month(label, key, list(days.values())) for key, (label, days) in months.items()]


def _day_heading(when: DateValue, lang: Lang) -> tuple[str, Day]:
    if when.precision != "day":
        label = LABELS[lang]["precision_" + when.precision]
        return f"~{when.raw}", Day(label, when.iso() if not when.is_interval else None, [])
    if when.is_interval or when.start.qualifier:
        return when.raw, Day(when.text(lang), None, [])
    return when.iso(), Day(day_and_month(when.earliest, lang), when.iso(), [])


def day_and_month(day: date, lang: Lang) -> str:
    """«6 janvier», «1er janvier», "6 January": the month heading gives the year."""
    shown = parse_date(day.isoformat()).text(lang)
    return shown.rsplit(" ", 1)[0]
