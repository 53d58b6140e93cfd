"""Lay out the chronology as a timeline that reads at any span and any width: plain
Python, used by `render` for `timeline.html` (HTML and CSS, no script).

The scale adapts to the span: a story of weeks is read day by day, one of a few years
month by month, a longer one year by year. Each period that holds entries is one stop
on the axis, with its entries (each a link to its place in the list below); a long
stretch without entries is drawn as a break that says how long it is, instead of empty
space or a tick per day. Labels are text that wraps: never cut, never overlapping. A
date known to the month, an interval, an approximate or an uncertain date each has its
mark, explained in the legend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .chronology import TimelineEntry, day_and_month
from .dates import parse_date
from .labels import LABELS
from .langs import Lang

Unit = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Mark:
    key: str
    title: str
    actors: str  # ids, for the actor filter
    kind: Literal["day", "span", "coarse"]  # a day, an interval, a month or a year
    approximate: bool
    uncertain: bool
    publication: bool
    note: str  # the date when the period does not say it all: «31 déc. – 5 janv.»


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    marks: list[Mark]
    gap: str | None  # the break before it: «3 mois plus tard»


@dataclass(frozen=True)
class Timeline:
    unit: Unit
    periods: list[Period]
    first: date
    last: date
    latest: str  # the key of the most recent entry, for the «latest» link


def unit_for(first: date, last: date) -> Unit:
    days = (last - first).days
    return "day" if days <= 62 else "month" if days <= 3 * 366 else "year"


def layout(entries: list[TimelineEntry], lang: Lang) -> Timeline | None:
    """The periods of the chronology's entries (in reading order) at the scale that fits."""
    if not entries:
        return None
    first = min(e.when.earliest for e in entries)
    # the span the story's dated days cover (a month whose day is unknown does not
    # stretch it to the month's end)
    days = [e.when.latest for e in entries if e.when.precision == "day"]
    last = max(days) if days else max(e.when.placed_on for e in entries)
    unit = unit_for(first, last)
    periods: list[Period] = []
    previous: date | None = None
    for entry in entries:
        key, label, start = _period(entry, unit, lang)
        mark = _mark(entry, unit, lang, stop_says_it=key.startswith("~"))
        if periods and periods[-1].key == key:
            periods[-1].marks.append(mark)
            continue
        coarse = key.startswith("~")  # where in its month it falls is not known: no break
        gap = _gap(previous, start, unit, lang) if previous and not coarse else None
        periods.append(Period(key, label, [mark], gap))
        if not coarse:
            previous = start
    latest = max(entries, key=lambda e: e.when.reading_key()).key
    return Timeline(unit, periods, first, last, latest)


def _period(entry: TimelineEntry, unit: Unit, lang: Lang) -> tuple[str, str, date]:
    """(key, heading, first day) of the period the entry stands in."""
    when, placed = entry.when, entry.when.placed_on
    coarse = {"day": 0, "month": 1, "year": 2}[when.precision] > {"day": 0, "month": 1, "year": 2}[
        unit
    ]
    if coarse:  # known less finely than the scale: a stop of its own, after its days
        unknown = LABELS[lang][f"precision_{when.precision}"]
        return f"~{when.iso()}", f"{when.text(lang)} ({unknown})", placed
    if unit == "day":
        return placed.isoformat(), day_and_month(placed, lang), placed
    if unit == "month":
        month = f"{placed.year:04d}-{placed.month:02d}"
        return month, parse_date(month).text(lang), placed.replace(day=1)
    return str(placed.year), str(placed.year), placed.replace(month=1, day=1)


def _mark(entry: TimelineEntry, unit: Unit, lang: Lang, stop_says_it: bool) -> Mark:
    when = entry.when
    kind: Literal["day", "span", "coarse"] = (
        "span" if when.is_interval else "day" if when.precision == "day" else "coarse"
    )
    # the stop's heading says the date: a day on a scale of days, or a stop of its own
    says_all = stop_says_it or (unit == "day" and kind == "day" and not when.start.qualifier)
    return Mark(
        entry.key,
        entry.title.pick(lang) or entry.key,
        " ".join(entry.actors),
        kind,
        when.approximate,
        when.uncertain,
        entry.is_publication,
        "" if says_all else when.text(lang),
    )


def _gap(previous: date, start: date, unit: Unit, lang: Lang) -> str | None:
    """The break between two stops, when the empty stretch is long enough to say."""
    if unit == "day":
        empty, word = (start - previous).days - 1, "days"
    elif unit == "month":
        empty = (start.year - previous.year) * 12 + start.month - previous.month - 1
        word = "months"
    else:
        empty, word = start.year - previous.year - 1, "years"
    if empty < 2:
        return None
    return LABELS[lang][f"gap_{word}"].format(n=empty)
