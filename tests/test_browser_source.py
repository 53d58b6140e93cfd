"""Source pages as readers use them, in headless Chromium: modes, details, no-JS, print."""

from __future__ import annotations

import re

import pytest
from browser_support import screenshot, unfolded
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MILLEY = "sources/milley-lettre-envoyee-par-erreur/"
ATS = "sources/lettre-retrait-irak-ats/"


@pytest.fixture(scope="module")
def base_url(shipped_site):
    return shipped_site.url


def choose(page, label: str) -> None:
    page.get_by_role("button", name=label, exact=True).click()


def test_modes_hide_and_show_the_right_text(page, base_url):
    page.goto(base_url + MILLEY)
    gloss = page.locator("#q-milley-erreur-bonne-foi")
    french, english = gloss.locator(".dz-fr").last, gloss.locator(".dz-en")
    # the quiet default: the French reads as prose, the English waits in the card
    expect(page.get_by_role("button", name="Sobre", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(french).to_be_visible()
    expect(english).to_be_hidden()
    screenshot(page, "source-mode-quiet")

    choose(page, "Les deux")
    expect(french).to_be_visible()
    expect(english).to_be_visible()
    screenshot(page, "source-mode-both")

    choose(page, "Français")
    expect(french).to_be_visible()
    expect(english).to_be_hidden()
    expect(page.get_by_role("button", name="Français", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.get_by_role("button", name="Les deux", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    screenshot(page, "source-mode-fr")

    choose(page, "Originaux anglais")
    expect(french).to_be_hidden()
    expect(english).to_be_visible()
    expect(english).to_contain_text("It's an honest mistake")
    # the prose around the quotations stays: only the chosen language is hidden
    expect(page.locator("#p-la-lettre-emanant-du-commandement-militaire")).to_be_visible()
    screenshot(page, "source-mode-en")


def test_choice_survives_reload_and_instant_navigation(page, base_url):
    page.goto(base_url + MILLEY)
    choose(page, "Originaux anglais")
    page.reload()
    expect(page.get_by_role("button", name="Originaux anglais", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("#q-milley-erreur-bonne-foi .dz-fr").last).to_be_hidden()

    page.evaluate("window.__sameDocument = true")
    page.locator("nav.md-nav--primary").get_by_role(
        "link", name="Les États-Unis démentent la lettre annonçant leur retrait d'Irak"
    ).click()
    page.wait_for_url("**/" + ATS)
    # instant navigation swapped the content without loading a new document
    assert page.evaluate("window.__sameDocument === true")
    expect(page.get_by_role("button", name="Originaux anglais", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("#q-lettre-decision-souveraine .dz-fr").last).to_be_hidden()
    expect(page.locator("#q-lettre-decision-souveraine .dz-en")).to_be_visible()
    # the new page's detail buttons were set up too
    expect(page.locator("#q-lettre-decision-souveraine .dz-toggle")).to_be_visible()


@pytest.mark.parametrize("width", [390, 1280])
def test_details_button_works_with_the_keyboard_alone(page, base_url, width):
    """On phones the note opens as a card; on wide screens it unfolds in the margin."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + MILLEY)
    toggle = page.locator("#q-milley-projet-non-signe .dz-toggle")
    details = page.locator("#q-milley-projet-non-signe-details")
    expect(toggle).not_to_have_attribute("data-dz-open", "")
    expect(unfolded(details)).to_be_hidden()
    expect(details.get_by_text("6 janvier 2020")).to_be_hidden()
    for _ in range(80):  # Tab through the page until the first gloss button has focus
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement.closest('#q-milley-projet-non-signe') !== null"
            " && document.activeElement.classList.contains('dz-toggle')"
        ):
            break
    else:
        pytest.fail("the gloss button is not reachable with Tab")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("data-dz-open", "")
    expect(details).to_be_visible()
    expect(unfolded(details)).to_be_visible()
    expect(details).to_contain_text("Mark A. Milley")
    expect(details.get_by_text("6 janvier 2020")).to_be_visible()
    expect(details).to_contain_text("Condensée")
    screenshot(page, f"source-details-open-{width}")
    page.keyboard.press("Space")
    expect(toggle).not_to_have_attribute("data-dz-open", "")
    expect(unfolded(details)).to_be_hidden()


@pytest.mark.parametrize("width", [390, 1280])
def test_deep_link_to_a_gloss_opens_it(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + ATS + "#q-lettre-par-respect")
    expect(unfolded(page.locator("#q-lettre-par-respect-details"))).to_be_visible()
    expect(unfolded(page.locator("#q-lettre-repositionner-details"))).to_be_hidden()


def test_without_javascript_each_paragraph_is_followed_by_its_notes(browser, base_url):
    """Every English original is visible next to its paragraph, and the quotation and
    its note link to each other."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(base_url + MILLEY)
    glosses = page.locator(".dz-gloss[id]").all()
    assert len(glosses) == 10
    for gloss in glosses:
        ident = gloss.get_attribute("id")
        note = page.locator(f"#{ident}-details")
        expect(gloss.locator(".dz-fr").last).to_be_visible()
        expect(note).to_be_visible()
        expect(note.locator(".dz-card-en").first).to_be_visible()
        # the note follows the block that holds the quotation
        assert note.evaluate(
            "(n, id) => n.closest('ol').previousElementSibling"
            ".contains(document.getElementById(id))",
            ident,
        )
        expect(page.locator(f'a.dz-ref[href$="#{ident}-details"]')).to_be_visible()
        expect(note.locator(f'a.dz-note-n[href="#{ident}"]')).to_be_visible()
    expect(page.locator(".dz-toggle").first).to_be_hidden()  # a control that could not work
    expect(page.locator(".dz-modes")).to_be_hidden()
    page.locator('a.dz-ref[href="#q-milley-erreur-bonne-foi-details"]').click()
    expect(page).to_have_url(re.compile("#q-milley-erreur-bonne-foi-details$"))
    page.locator("#q-milley-erreur-bonne-foi-details .dz-note-n").click()
    expect(page).to_have_url(re.compile("#q-milley-erreur-bonne-foi$"))
    screenshot(page, "source-no-js")
    context.close()


def test_print_shows_every_english_original_in_numbered_notes(page, base_url):
    page.goto(base_url + MILLEY)
    choose(page, "Français")  # even a reader who chose French prints the originals
    page.emulate_media(media="print")
    for gloss in page.locator(".dz-gloss[id]").all():
        ident = gloss.get_attribute("id")
        note = page.locator(f"#{ident}-details")
        expect(note.locator(".dz-card-en").first).to_be_visible()
        expect(note.locator(".dz-note-n")).to_be_visible()
        expect(page.locator(f'a.dz-ref[href$="#{ident}-details"]')).to_be_visible()
        expect(gloss.locator(".dz-toggle")).to_be_hidden()
    screenshot(page, "source-print")
