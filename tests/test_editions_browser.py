"""The two editions as readers use them, in headless Chromium: the language selector
lands on the same page's twin in both directions, with and without JavaScript, and
search in the English edition finds English pages."""

from __future__ import annotations

import pytest
from browser_support import screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = ["sources/milley-lettre-envoyee-par-erreur/", "actors/esper/", "chronology/", ""]


def switch(page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{lang}"]').click()


@pytest.mark.parametrize("path", PAGES)
def test_the_selector_lands_on_the_twin_both_ways(page, shipped_site, path):
    page.goto(shipped_site.url + path)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    switch(page, "en")
    page.wait_for_url(shipped_site.url + "en/" + path)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_placeholder("Search")).to_be_attached()
    switch(page, "fr")
    page.wait_for_url(shipped_site.url + path)
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_twin_the_selectors_links_are_the_twins_without_javascript(browser, shipped_site):
    """Without the theme's script, the selector's plain links lead to the twin too."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    path = "sources/lettre-retrait-irak-ats/"
    page.goto(shipped_site.url + "en/" + path)
    href = page.locator('a.md-select__link[hreflang="fr"]').get_attribute("href")
    assert href == "../../../" + path
    page.goto(shipped_site.url + path)
    assert page.locator('a.md-select__link[hreflang="en"]').get_attribute("href") == (
        "../../en/" + path
    )
    context.close()


def test_search_in_english_finds_an_english_page(page, shipped_site):
    page.goto(shipped_site.url + "en/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.get_by_placeholder("Search").press_sequentially("repositioning", delay=20)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any("/en/sources/" in href for href in hrefs), hrefs
    assert all("/en/" in href for href in hrefs), hrefs
    screenshot(page, "en-search")


def test_twin_search_in_french_does_not_offer_english_pages(page, shipped_site):
    page.goto(shipped_site.url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.get_by_placeholder("Rechercher").press_sequentially("repositionner", delay=20)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    for href in [results.nth(i).get_attribute("href") for i in range(results.count())]:
        assert "/en/" not in (href or "")


def test_the_english_404_page_is_in_english(page, shipped_site):
    page.goto(shipped_site.url + "en/404.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("article")).to_contain_text("404")
    expect(page.get_by_placeholder("Search")).to_be_attached()


MILLEY = "sources/milley-lettre-envoyee-par-erreur/"


def test_side_by_side_on_wide_screens_block_against_block(page, shipped_site):
    """Chosen on a wide screen, each paragraph stands beside its translation, the two
    starting on the same line; the choice is kept for the next page."""
    page.goto(shipped_site.url + MILLEY, wait_until="networkidle")
    rows = page.locator(".dz-row")
    twin = rows.first.locator(".dz-twin")
    expect(twin).to_be_hidden()
    page.get_by_label("Lire en parallèle avec la traduction anglaise").check()
    for index in range(rows.count()):
        own = rows.nth(index).locator(":scope > .dz-block").bounding_box()
        other = rows.nth(index).locator(":scope > .dz-twin").bounding_box()
        assert own and other and abs(own["y"] - other["y"]) < 2 and other["x"] > own["x"]
    expect(twin).to_have_attribute("lang", "en")
    screenshot(page, "source-side-by-side-1280")
    page.goto(shipped_site.url + "sources/lettre-retrait-irak-ats/", wait_until="networkidle")
    expect(page.locator(".dz-row .dz-twin").first).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False])
def test_one_language_at_a_time_on_phones_switched_per_paragraph(browser, shipped_site, javascript):
    context = browser.new_context(
        viewport={"width": 390, "height": 900}, java_script_enabled=javascript, has_touch=True
    )
    page = context.new_page()
    page.goto(shipped_site.url + "en/" + MILLEY)
    row = page.locator(".dz-row").nth(1)
    own, twin = row.locator(":scope > .dz-block"), row.locator(":scope > .dz-twin")
    expect(own).to_be_visible()
    expect(twin).to_be_hidden()
    row.locator(".dz-block .dz-switch-to").tap()
    expect(own).to_be_hidden()
    expect(twin).to_be_visible()
    expect(twin).to_have_attribute("lang", "fr")
    expect(twin).to_contain_text("C'était un projet (de lettre) non signé")
    # the other paragraphs keep their language
    expect(page.locator(".dz-row").nth(2).locator(":scope > .dz-block")).to_be_visible()
    screenshot(page, f"en-source-switched-390{'' if javascript else '-no-js'}")
    row.locator(".dz-twin .dz-switch-to").tap()
    expect(own).to_be_visible()
    context.close()
