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
