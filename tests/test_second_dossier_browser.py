"""The second dossier's pages as readers use them: axe in both palettes, and a quotation
continued over two paragraphs opened and closed by keyboard."""

from __future__ import annotations

import json

import pytest
from browser_support import unfolded
from playwright.sync_api import expect
from test_accessibility import axe_violations, open_page

pytestmark = pytest.mark.browser

STEP = "sources/afp-premier-pas/"
CALL = "sources/ats-appel-nixon/"
PAGES = [
    "",
    "sources/afp-premier-pas/",
    "sources/reuters-decollage/",
    "sources/ats-appel-nixon/",
    "sources/afp-presse-francaise/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.strip("/").replace("/", "-") or "home")
def test_no_axe_violations(browser, second_site, path, scheme):
    context, page = open_page(browser, second_site.url + path, scheme, "both")
    violations = axe_violations(page)
    context.close()
    assert violations == [], json.dumps(violations, indent=1)


def test_a_continued_quotation_opens_by_keyboard(browser, second_site):
    context, page = open_page(
        browser, second_site.url + "sources/ats-appel-nixon/", "light", "both"
    )
    toggle = page.locator('[data-gloss="nixon-appel"] .dz-toggle')
    expect(toggle).to_have_count(1)  # one control, on the last paragraph of the quotation
    details = page.locator("#q-nixon-appel-details")
    expect(unfolded(details)).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(unfolded(details)).to_be_visible()
    expect(details).to_contain_text("Richard Nixon")
    page.keyboard.press("Enter")
    expect(unfolded(details)).to_be_hidden()
    context.close()


def test_the_incise_reads_as_narration(browser, second_site):
    context, page = open_page(
        browser, second_site.url + "sources/afp-premier-pas/", "light", "both"
    )
    incise = page.locator(".dz-incise").first
    expect(incise).to_contain_text("a déclaré Armstrong en foulant le sol lunaire")
    quoted = page.locator('[data-gloss="armstrong-petit-pas"] > .dz-fr')
    colors = page.evaluate(
        "([a, b]) => [getComputedStyle(a).color, getComputedStyle(b).color]",
        [incise.element_handle(), quoted.element_handle()],
    )
    assert colors[0] != colors[1]  # set apart from the quoted words
    context.close()


@pytest.mark.parametrize("mode", ["en", "fr"])
def test_a_continued_quotation_loses_no_paragraph_in_english_mode(browser, second_site, mode):
    """In "English originals" the paragraphs before the last keep their French (the
    English, one for the whole quotation, follows the last); the twin in "French"
    mode shows no English at all."""
    context, page = open_page(browser, second_site.url + "sources/ats-appel-nixon/", "light", mode)
    segments = page.locator('[data-gloss="nixon-appel"]')
    assert segments.count() >= 2
    first, last = segments.first, segments.last
    expect(first.locator(".dz-fr")).to_be_visible()
    english = last.locator(".dz-en")
    if mode == "en":
        expect(english).to_be_visible()
        expect(last.locator(".dz-fr").last).to_be_hidden()
    else:
        expect(english).to_be_hidden()
    context.close()
