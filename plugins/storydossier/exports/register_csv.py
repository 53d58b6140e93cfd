"""The register of quotations as CSV (`quotations.csv`), one row per gloss: the same
rows as the register page (`register`), with machine keys for the columns. Plain Python.
"""

from __future__ import annotations

import csv
import io

from ..analysis import Analysis
from ..langs import Lang
from ..pages import QUOTATIONS, PageKey
from ..present import Presenter
from ..register import register_rows

COLUMNS = (
    "id",
    "french",
    "english",
    "speaker",
    "speaker_id",
    "said",
    "fidelity",
    "provenance",
    "quoted_in",
)


def register_csv(analysis: Analysis, lang: Lang, urls: dict[PageKey, str], site_url: str) -> str:
    """The CSV text (UTF-8, a header line, RFC 4180 quoting) in edition `lang`,
    addresses absolute when the site's address is known."""
    shown = Presenter(analysis, lang, urls, "")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in register_rows(analysis, shown, site_url + urls[QUOTATIONS]):
        writer.writerow(
            (
                row.gloss_id,
                row.french,
                row.english or "",
                row.speaker.text,
                row.speaker_id,
                " – ".join(iso for iso, _ in row.said.parts) if row.said else "",
                row.fidelity.key,
                " | ".join(p.href for p in row.provenance),
                " | ".join(site_url + link.href for link in row.places),
            )
        )
    return out.getvalue()
