"""Lighthouse's accessibility, best-practices and SEO audits on the shipped site's page kinds.

These categories are deterministic (performance is not, so it is measured, not asserted:
bench/lighthouse.py). Goals: accessibility 100, best practices 100, SEO >= 95.
"""

from __future__ import annotations

import pytest
from browser_support import serve
from lighthouse_support import GOALS, lighthouse, lost_points, scores

pytestmark = pytest.mark.browser

CATEGORIES = ("accessibility", "best-practices", "seo")  # deterministic, unlike performance
PAGES = {
    "home": "",
    "source": "sources/milley-lettre-envoyee-par-erreur/",
    "actor": "actors/milley/",
    "chronology": "chronology/",
    "en-home": "en/",
    "en-source": "en/sources/milley-lettre-envoyee-par-erreur/",
}


def misses(figures: dict[str, int]) -> dict[str, int]:
    return {c: figures[c] for c in CATEGORIES if figures[c] < GOALS[c]}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_meets_the_lighthouse_goals(shipped_site, tmp_path, name):
    result = lighthouse(shipped_site.url + PAGES[name], tmp_path / "report.json", CATEGORIES)
    figures = scores(result)
    assert set(figures) == set(CATEGORIES)
    assert misses(figures) == {}, "\n".join(lost_points(result))


def test_lighthouse_check_can_fail(tmp_path):
    """A page with no language, title or description, an unlabelled button, a missing image."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<!doctype html><html><body><button></button><img src='x.png'></body></html>", "utf-8"
    )
    with serve(site) as url:
        result = lighthouse(url, tmp_path / "report.json", CATEGORIES)
    figures = scores(result)
    assert set(misses(figures)) == set(CATEGORIES)
    lost = "\n".join(lost_points(result))
    for audit in (
        "html-has-lang",
        "button-name",
        "image-alt",
        "document-title",
        "meta-description",
    ):
        assert audit in lost
