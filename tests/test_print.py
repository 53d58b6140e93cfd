"""Source pages on paper (issue 14): Chromium's print to PDF, read back with pdftotext.

Each shipped source page prints on at most two A4 pages, with every English original of
its quotations, the page's address and the day it was printed; the twin prints without
the dossier's print styles and must need more paper."""

from __future__ import annotations

import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from project_support import REPO

pytestmark = pytest.mark.browser

ANNOTATIONS = yaml.safe_load((REPO / "dossier" / "annotations.yml").read_text("utf-8"))
SOURCES = [s["id"] for s in ANNOTATIONS["sources"]]
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def printed(page, url: str) -> tuple[int, str]:
    """(number of A4 pages, their text with whitespace folded) of the page at `url`."""
    page.goto(url, wait_until="networkidle")
    pdf = page.pdf(format="A4")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    pages = text.count("\f") + (0 if text.endswith("\f") else 1)
    return pages, " ".join(text.split())


def english_of(source_id: str, html: str) -> list[str]:
    return [
        " ".join(g["en"].split())
        for g in ANNOTATIONS["glosses"]
        if g.get("en") and f'id="q-{g["id"]}-details"' in html
    ]


@pytest.mark.parametrize("source_id", SOURCES)
def test_a_source_page_prints_on_two_pages_with_every_english_original(
    page, shipped_site, source_id
):
    url = f"{shipped_site.url}sources/{source_id}/"
    pages, text = printed(page, url)
    print(f"{source_id}: {pages} A4 pages")
    assert pages <= 2
    originals = english_of(source_id, shipped_site.html(f"sources/{source_id}/index.html"))
    assert originals, "no glossed quotation on the page"
    for english in originals:
        assert english.replace("'", "’") in text.replace("'", "’"), english
    assert url in text  # the page's address, at the foot of each page
    today = date.today()
    assert f"Imprimé le {today.day} {MONTHS.split()[today.month - 1]} {today.year}" in text


def test_twin_without_the_print_styles_it_takes_more_paper(page, shipped_site):
    page.route(
        "**/dossier.css", lambda route: route.fulfill(status=200, body="", content_type="text/css")
    )
    pages, _ = printed(page, f"{shipped_site.url}sources/milley-lettre-envoyee-par-erreur/")
    assert pages > 2
