"""Lay out the chronology as a time axis, for the inline SVG drawn at build time.

Core module used by `render.py`: each entry becomes a row whose bar spans its whole
precision (a month-precision date covers its month, an interval its days), so the
picture never shows more certainty than the data has. No JavaScript is involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .chronology import TimelineEntry
from .langs import Lang

WIDTH = 800
PAD = 36
ABBREVIATIONS = {
    "fr": [
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
ROW = 34
AXIS = 44


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    actors: str
    x: float
    y: float
    width: float
    anchor_end: bool  # label drawn leftwards, ending at the bar's right edge
    open_end: bool  # the span goes on past the axis (e.g. a month-precision date)
    text_x: float
    precision: str
    publication: bool


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    rows: list[Row]
    ticks: list[Tick]
    axis_y: float
    first: date
    last: date


def _short(day: date, lang: Lang) -> str:
    return f"{day.day} {ABBREVIATIONS[lang][day.month - 1]}"


def layout(entries: list[TimelineEntry], lang: Lang) -> Timeline | None:
    """Rows and ticks of the chronology's entries, in time order."""
    if not entries:
        return None
    first = min(e.when.earliest for e in entries)
    # The axis covers the story's dated days; a coarse date (a month) that runs past them
    # is drawn open-ended rather than stretching the axis and crushing every day.
    day_ends = [e.when.latest for e in entries if e.when.precision == "day"]
    last = max([*day_ends, *(e.when.earliest for e in entries)]) + timedelta(days=1)
    days = (last - first).days + 1
    scale = (WIDTH - 2 * PAD) / days
    rows = []
    for index, entry in enumerate(entries):
        x = PAD + (entry.when.earliest - first).days * scale
        end = min(entry.when.latest, last)
        width = max(((end - entry.when.earliest).days + 1) * scale, 6.0)
        open_end = entry.when.latest > last
        title = entry.title.pick(lang) or entry.key
        label = title if len(title) <= 70 else title[:69].rstrip() + "…"
        anchor_end = x + width / 2 > WIDTH / 2
        rows.append(
            Row(
                entry.key,
                label,
                " ".join(entry.actors),
                round(x, 1),
                index * ROW + 8,
                round(width, 1),
                anchor_end,
                open_end,
                round(x + width if anchor_end else x, 1),
                entry.when.precision,
                entry.is_publication,
            )
        )
    step = 1 if days <= 16 else 7 if days <= 120 else 30
    ticks = []
    day = first
    while day <= last:
        ticks.append(Tick(round(PAD + (day - first).days * scale, 1), _short(day, lang)))
        day += timedelta(days=step)
    height = len(rows) * ROW + AXIS
    return Timeline(WIDTH, height, rows, ticks, len(rows) * ROW + 10, first, last)
