"""`chronology.ics`: the story's events as an RFC 5545 calendar (icalendar library).

Built from an `Analysis` (core, no MkDocs). Events are all-day; a date known only to the
month or year spans that period, and the description says so.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import icalendar

from ..analysis import Analysis
from ..langs import Lang


def _stamp() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")  # reproducible builds
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)


def chronology_ics(analysis: Analysis, lang: Lang) -> bytes:
    """All-day events; exclusive end dates; reduced precision said in the description."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//storydossier//chronology//EN")
    calendar.add("version", "2.0")
    title = analysis.dossier.dossier.title
    calendar.add("x-wr-calname", title.pick(lang))
    stamp = _stamp()
    for event in analysis.events_sorted:
        when = event.when
        entry = icalendar.Event()
        entry.add("uid", f"{event.id}@storydossier")
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title.pick(lang))
        entry.add("dtstart", when.earliest)
        entry.add("dtend", when.latest + timedelta(days=1))
        notes = []
        if event.text:
            notes.append(event.text.pick(lang))
        if when.precision != "day":
            notes.append(
                f"Date known to the {when.precision} only ({when.raw}); "
                "the span covers the whole period."
            )
        if when.approximate or when.uncertain:
            notes.append(f"Approximate or uncertain date ({when.raw}).")
        if notes:
            entry.add("description", "\n".join(notes))
        calendar.add_component(entry)
    return bytes(calendar.to_ical())
