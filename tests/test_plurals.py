"""Plurals right everywhere (issue 16, item 5): no built page of either edition counts
one thing (or, in French, none) with a plural noun; the twin check finds the mistake in
a page that makes it."""

from __future__ import annotations

import re
from pathlib import Path

# French takes the singular for 0 and 1; English for 1 alone
FRENCH = re.compile(r"\b[01] (citations|mentions|événements|textes|glosées|acteurs)\b")
ENGLISH = re.compile(r"\b1 (quotations|mentions|events|texts|actors)\b")


def wrong_plurals(site: Path) -> list[tuple[str, str]]:
    found = []
    for page in sorted(site.rglob("*.html")):
        english = page.relative_to(site).parts[0] == "en"
        pattern = ENGLISH if english else FRENCH
        text = " ".join(re.sub(r"<[^>]+>", " ", page.read_text("utf-8")).split())
        found += [(str(page.relative_to(site)), m.group(0)) for m in pattern.finditer(text)]
    return found


def test_no_page_counts_one_thing_in_the_plural(shipped_site, second_site):
    assert wrong_plurals(shipped_site.site) == []
    assert wrong_plurals(second_site.site) == []


def test_twin_the_check_finds_a_wrong_plural(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text("<p>(1 <b>citations</b>, 0 mentions)</p>", "utf-8")
    (tmp_path / "en" / "index.html").write_text("<p>1 quotations, 0 mentions</p>", "utf-8")
    assert wrong_plurals(tmp_path) == [
        ("en/index.html", "1 quotations"),
        ("index.html", "1 citations"),
        ("index.html", "0 mentions"),
    ]
