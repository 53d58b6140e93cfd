"""Reading aids on source pages (issue 14, first part), in headless Chromium: the fidelity
legend, ¶ links that show on hover and focus only, deep links that land visibly, and
mentions in the prose's colour."""

from __future__ import annotations

import pytest
from browser_support import screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MILLEY = "sources/milley-lettre-envoyee-par-erreur/"
FIDELITIES = ("Traduction fidèle", "Condensée", "Paraphrase", "Original non vérifié")


def test_the_legend_explains_every_fidelity_in_words(page, shipped_site):
    page.goto(shipped_site.url + MILLEY)
    legend = page.locator(".dz-legend")
    expect(legend).to_have_count(1)
    summary = legend.locator("summary")
    for label in FIDELITIES:  # the marks and their names, before the legend is opened
        expect(summary).to_contain_text(label)
    definition = legend.locator("dd").first
    expect(definition).to_be_hidden()
    summary.click()
    expect(definition).to_be_visible()
    expect(legend.locator("dd")).to_have_text(
        [
            "Le français traduit fidèlement les mots anglais rapportés.",
            "Le français ne garde qu'une partie de l'anglais, ou en fusionne des passages.",
            "Le français rend le sens avec d'autres mots.",
            "Aucune source consultée ne rapporte les mots anglais.",
        ]
    )
    screenshot(page, "source-legend-open")


def test_the_texts_date_marker_is_not_shown(page, shipped_site):
    page.goto(shipped_site.url + "sources/lettre-retrait-irak-ats/")
    expect(page.locator(".dz-meta")).not_to_contain_text("Marqueur")
    expect(page.locator(".dz-meta")).not_to_contain_text("date 2020-01")


def opacity(locator) -> float:
    return float(locator.evaluate("e => getComputedStyle(e).opacity"))


def test_paragraph_links_show_on_hover_and_focus_only(page, shipped_site):
    page.goto(shipped_site.url + MILLEY)
    block = page.locator("p.dz-block").first
    anchor = block.locator(".dz-anchor")
    assert opacity(anchor) == 0
    block.hover()
    assert opacity(anchor) > 0.5
    page.mouse.move(0, 0)
    anchor.focus()
    assert opacity(anchor) > 0.5


def test_a_deep_link_lands_on_its_quotation_open_and_marked(page, shipped_site):
    page.goto(shipped_site.url + MILLEY + "#q-milley-jamais-du-etre-envoye")
    quote = page.locator("#q-milley-jamais-du-etre-envoye")
    expect(page.locator("#q-milley-jamais-du-etre-envoye-details")).to_be_visible()
    marked = quote.evaluate("e => getComputedStyle(e).backgroundColor")
    other = page.locator("#q-milley-erreur-bonne-foi").evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert marked != other  # the target is set apart from the other quotations
    box = quote.bounding_box()
    assert box is not None and 0 <= box["y"] < 300  # in view, below the header
    screenshot(page, "source-deep-link")


def test_mentions_keep_the_prose_colour_and_an_underline(page, shipped_site):
    page.goto(shipped_site.url + MILLEY)
    mention = page.locator("p.dz-block .dz-mention").first
    colours = mention.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e.closest('p')).color,"
        " getComputedStyle(e).textDecorationLine]"
    )
    assert colours[0] == colours[1]
    assert "underline" in colours[2]


def test_a_mode_chosen_on_a_source_page_leaves_actor_pages_in_both_languages(page, shipped_site):
    page.goto(shipped_site.url + MILLEY)
    page.get_by_role("button", name="Français", exact=True).click()
    expect(page.locator("#q-milley-erreur-bonne-foi .dz-en")).to_be_hidden()
    page.goto(shipped_site.url + "actors/milley/")
    pair = page.locator("#gloss-milley-erreur-bonne-foi .dz-pair")
    expect(pair.locator(".dz-fr")).to_be_visible()
    expect(pair.locator(".dz-en")).to_be_visible()  # the choice does not leak here
    expect(page.locator(".dz-bio .dz-l10n-en")).to_be_visible()
    page.goto(shipped_site.url + MILLEY)  # and it is still the source pages' choice
    expect(page.locator("#q-milley-erreur-bonne-foi .dz-en")).to_be_hidden()
