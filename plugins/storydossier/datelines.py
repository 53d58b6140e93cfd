"""Datelines and credits of news-agency copy: metadata of the dispatch, never body text.

Used by `texts.parse_text`. A dateline opens the dispatch (after an optional headline):
    HOUSTON (Texas), 21 juil 1969 (AFP) -          place (country), date, agency
    CAP KENNEDY, 16 juillet (Reuters) -            a date without its year
    WASHINGTON (AFP) -   ·   BRUXELLES 12/03 (BELGA) =
Credits close it: `(ats/afp/bc)` or `(AFP)` after the last sentence; `afp/jm`, `jm/ib`,
`© AFP`, `-- Reuters` on a line of their own; a last paragraph wholly in parentheses
that names who wrote or edited it («(Reportage X; version française Y)»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "janv": 1, "jan": 1, "janvier": 1, "févr": 2, "fev": 2, "fév": 2, "février": 2,
    "mars": 3, "mar": 3, "avr": 4, "avril": 4, "mai": 5, "juin": 6, "juil": 7,
    "juillet": 7, "août": 8, "aout": 8, "sept": 9, "sep": 9, "septembre": 9, "oct": 10,
    "octobre": 10, "nov": 11, "novembre": 11, "déc": 12, "dec": 12, "décembre": 12,
}  # fmt: skip
_PLACE = r"[A-ZÀ-Ý][\w'’.]*(?:[ -][A-ZÀ-Ý][\w'’.]*)*"
_DATE = (
    r"(?P<day>\d{1,2})(?:er)?\s+(?P<month>[A-Za-zéèûÉ]+)\.?(?:\s+(?P<year>\d{4}))?"
    r"|(?P<nday>\d{1,2})/(?P<nmonth>\d{1,2})(?:/(?P<nyear>\d{2}|\d{4}))?"
)
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:\s*\((?P<country>[^()\n]{{2,40}})\))?"
    rf"(?:\s*,?\s*(?:{_DATE}))?"
    r"\s*\((?P<agency>[A-Za-z][\w&./ -]{0,30})\)\s*(?:[-–—=]+|:)\s*"
)
_INLINE_CREDIT = re.compile(
    r"[ \t\n]*\((?P<credit>[A-Za-z][A-Za-z-]{1,15}(?:/[A-Za-z-]{1,15})*)\)\s*\Z"
)
_LINE_CREDITS = (
    re.compile(r"\n[ \t]*(?P<credit>[a-z]{2,5}(?:/[a-z]{2,5})+)[ \t]*\s*\Z"),  # afp/jm
    re.compile(r"\n[ \t]*(?P<credit>(?:©|\([cC]\))[ \t]*[\w .&-]{2,40}?)[ \t]*\s*\Z"),
    re.compile(r"\n[ \t]*(?P<credit>(?:--|—|–)[ \t]*[A-Z][\w .&-]{1,30}?)[ \t]*\s*\Z"),
    re.compile(r"\n[ \t]*\n\s*(?P<credit>\([^()\n.!?]{3,200}\))[ \t]*\s*\Z"),
)
_CREDIT_WORDS = re.compile(
    r"version française|édité par|édition|rédigé par|reportage|avec|bureau|texte|"
    r"traduction|correspondant|;",
    re.I,
)


@dataclass(frozen=True)
class Dateline:
    """What a dateline says, as written and as read."""

    start: int
    end: int  # after the dash and the spaces that follow it
    place: str
    country: str | None
    agency: str
    day: int | None
    month: int | None
    year: int | None

    def edtf(self) -> str | None:
        """The dateline's date as EDTF, when it has a year (`1969-07-21`)."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def find_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline opening text[start:end], if there is one."""
    match = _DATELINE.match(text, start, end)
    if match is None:
        return None
    day, month, year = _date_parts(match)
    if (match["month"] or match["nmonth"]) and month is None:
        return None  # "12 machins": not a date, so not a dateline
    return Dateline(
        match.start(),
        match.end(),
        match["place"],
        match["country"],
        match["agency"],
        day,
        month,
        year,
    )


def _date_parts(match: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    if match["day"]:
        month = MONTHS.get(match["month"].lower().rstrip("."))
        year = int(match["year"]) if match["year"] else None
        return int(match["day"]), month, year
    if match["nday"]:
        month_number = int(match["nmonth"])
        year_text = match["nyear"]
        year = None if not year_text else int(year_text) + (2000 if len(year_text) == 2 else 0)
        return int(match["nday"]), month_number if 1 <= month_number <= 12 else None, year
    return None, None, None


def find_credits(text: str, start: int, end: int) -> int:
    """Where the credits closing text[start:end] begin (`end` when there are none)."""
    position = end
    for _ in range(3):  # a credit line may follow another («(Reportage …)» then «© …»)
        found = _credit_before(text, start, position)
        if found is None:
            break
        position = found
    return position


def _credit_before(text: str, start: int, end: int) -> int | None:
    window = text[start:end]
    match = _INLINE_CREDIT.search(window)
    if match:
        return start + match.start()
    for pattern in _LINE_CREDITS:
        match = pattern.search(window)
        if match and (pattern is not _LINE_CREDITS[-1] or _CREDIT_WORDS.search(match["credit"])):
            return start + match.start()
    return None
