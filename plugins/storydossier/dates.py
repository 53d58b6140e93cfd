"""EDTF dates of the dossier: parsed once, sorted, and shown at their true precision.

Used by model validation (an invalid date becomes a plain-words message), by the
chronology (sort keys) and by every page that shows a date, in French or English. A
month-precision date is never shown with a day, and approximate (`~`) or uncertain (`?`)
dates say so in words.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

import edtf

from .langs import Lang

Precision = Literal["year", "month", "day"]

_SINGLE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?P<q>[~?%])?$")

MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
_QUALIFIER_WORDS = {
    "fr": {"~": "vers le {}", "?": "{} (date incertaine)", "%": "vers le {} (date incertaine)"},
    "en": {"~": "about {}", "?": "{} (date uncertain)", "%": "about {} (date uncertain)"},
}


class DateError(ValueError):
    """An EDTF string the dossier cannot use, explained in plain words."""


@dataclass(frozen=True, order=False)
class SimpleDate:
    """A calendar date at day, month or year precision, possibly approximate/uncertain."""

    year: int
    month: int | None
    day: int | None
    qualifier: str | None  # "~" approximate, "?" uncertain, "%" both

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def iso(self) -> str:
        """ISO 8601 at the date's own precision (for `<time datetime>` and schema.org)."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def plain(self, lang: Lang) -> str:
        """The date alone, without its qualifier: '6 janvier 2020', 'January 2020', '2020'."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[lang][self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        if lang == "fr":
            day = "1er" if self.day == 1 else str(self.day)
            return f"{day} {month} {self.year}"
        return f"{self.day} {month} {self.year}"

    def text(self, lang: Lang) -> str:
        shown = self.plain(lang)
        if self.qualifier is None:
            return shown
        if lang == "fr" and self.precision != "day":
            # «vers le janvier 2020» is wrong: French says «vers janvier 2020».
            return _QUALIFIER_WORDS[lang][self.qualifier].replace("vers le", "vers").format(shown)
        return _QUALIFIER_WORDS[lang][self.qualifier].format(shown)


@dataclass(frozen=True)
class DateValue:
    """What an EDTF field holds: one date or a closed interval of two."""

    raw: str
    start: SimpleDate
    end: SimpleDate | None = None

    @property
    def earliest(self) -> date:
        return self.start.earliest

    @property
    def latest(self) -> date:
        return (self.end or self.start).latest

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def is_interval(self) -> bool:
        return self.end is not None

    @property
    def approximate(self) -> bool:
        return any(d and d.qualifier in ("~", "%") for d in (self.start, self.end))

    @property
    def uncertain(self) -> bool:
        return any(d and d.qualifier in ("?", "%") for d in (self.start, self.end))

    def sort_key(self) -> tuple[date, int, date]:
        """Earliest possible instant first, then the finer precision, then the end."""
        rank = {"day": 0, "month": 1, "year": 2}[self.precision]
        return (self.earliest, rank, self.latest)

    def reading_key(self) -> tuple[date, int, date]:
        """Where a reader expects it: a date known to the day (or an interval) at its
        start; a month or a year, whose day is unknown, after the days it holds."""
        if self.precision == "day":
            return (self.earliest, 0, self.latest)
        return (self.latest, 1, self.earliest)

    @property
    def placed_on(self) -> date:
        """The day the chronology places it on (see `reading_key`)."""
        return self.reading_key()[0]

    def iso(self) -> str:
        if self.end is None:
            return self.start.iso()
        return f"{self.start.iso()}/{self.end.iso()}"

    def text(self, lang: Lang) -> str:
        if self.end is None:
            return self.start.text(lang)
        return _interval_text(self.start, self.end, lang)


def _interval_text(start: SimpleDate, end: SimpleDate, lang: Lang) -> str:
    same_month = (
        start.precision == end.precision == "day"
        and (start.year, start.month) == (end.year, end.month)
        and not start.qualifier
        and not end.qualifier
    )
    if same_month:
        first = "1er" if lang == "fr" and start.day == 1 else str(start.day)
        return f"du {first} au {end.plain(lang)}" if lang == "fr" else f"{first}–{end.plain(lang)}"
    if lang == "fr":
        return f"du {start.text(lang)} au {end.text(lang)}".replace("au vers", "à vers")
    return f"{start.text(lang)} – {end.text(lang)}"


def _parse_single(text: str) -> SimpleDate:
    match = _SINGLE.match(text)
    if not match:
        raise DateError(
            f"`{text}` is not a date in EDTF form: write YYYY-MM-DD (2020-01-06), "
            "YYYY-MM (2020-01) or YYYY (2020), optionally followed by ~ (approximate) "
            "or ? (uncertain)"
        )
    year, month, day = int(match["y"]), match["m"], match["d"]
    if month is not None and not 1 <= int(month) <= 12:
        raise DateError(f"`{text}`: there is no month {month}; months run from 01 to 12")
    if day is not None:
        last = calendar.monthrange(year, int(month))[1]
        if not 1 <= int(day) <= last:
            raise DateError(
                f"`{text}`: {MONTHS['en'][int(month) - 1]} {year} has no day {day} "
                f"(it has {last} days)"
            )
    return SimpleDate(year, int(month) if month else None, int(day) if day else None, match["q"])


@functools.lru_cache(maxsize=65536)
def _is_edtf(text: str) -> bool:
    try:
        edtf.parse_edtf(text)
    except Exception:  # edtf raises its own exception types
        return False
    return True


def parse_date(raw: str) -> DateValue:
    """Parse an EDTF date or closed interval; raise DateError with a plain-words reason.

    Memoised: the reference EDTF parser (pyparsing) costs about a millisecond a call, and
    every page asks for the same few dates again (values are immutable)."""
    text = raw.strip()
    if ".." in text or text.startswith("/") or text.endswith("/"):
        raise DateError(
            f"`{raw}`: open intervals are not supported; give both ends, e.g. 2019-12-31/2020-01-01"
        )
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(f"`{raw}`: an interval has exactly one `/` between its two dates")
    try:
        dates = [_parse_single(part) for part in parts]
    except DateError as error:
        # The grammar above accepts a subset of EDTF (tests check the reference parser
        # accepts all of it). The reference parser, slow (pyparsing), only explains refusals.
        if _is_edtf(text):
            raise DateError(
                f"`{raw}` is valid EDTF, but the dossier takes only days, months and years, "
                "with ~ or ?, and closed intervals of them"
            ) from None
        raise error from None
    if len(dates) == 2:
        start, end = dates
        if end.latest < start.earliest:
            raise DateError(
                f"`{raw}`: the interval ends before it starts; write the earlier date first"
            )
        return DateValue(text, start, end)
    return DateValue(text, dates[0])
