"""Reading aids on source pages (issue 14, first part), in headless Chromium: the fidelity
legend, ¶ links that show on hover and focus only, deep links that land visibly, and
mentions in the prose's colour."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from browser_support import screenshot, unfolded
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from reading import PLAIN_ARTICLE  # noqa: E402  (the bench's measure, shared)

MILLEY = "sources/milley-lettre-envoyee-par-erreur/"
FIDELITIES = ("fidèle", "condensée", "paraphrase", "non vérifiée")


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
    expect(unfolded(page.locator("#q-milley-jamais-du-etre-envoye-details"))).to_be_visible()
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
    expect(page.locator('.dz-bio [lang="fr"]')).to_be_visible()  # the edition's language
    page.goto(shipped_site.url + MILLEY)  # and it is still the source pages' choice
    expect(page.locator("#q-milley-erreur-bonne-foi .dz-en")).to_be_hidden()


def test_the_quiet_default_opens_a_card_without_moving_the_text(page, shipped_site):
    """At 390 and 1280 px, by mouse, keyboard and touch: the card opens over the page,
    holds the English original, and the paragraph around the chip does not move."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(shipped_site.url + MILLEY)
        quote = page.locator("#q-milley-jamais-du-etre-envoye")
        chip, card = (
            quote.locator(".dz-toggle"),
            page.locator("#q-milley-jamais-du-etre-envoye-details"),
        )
        paragraph = page.locator("p.dz-block", has=quote)
        chip.scroll_into_view_if_needed()
        before = paragraph.bounding_box()
        expect(quote.locator(".dz-en")).to_be_hidden()
        chip.click()
        expect(card).to_be_visible()
        expect(card).to_contain_text("it should not have been released")
        expect(chip).to_have_attribute("data-dz-open", "")
        expect(unfolded(card)).to_be_visible()
        assert paragraph.bounding_box() == before  # nothing reflowed
        screenshot(page, f"source-card-{width}")
        page.keyboard.press("Escape")
        expect(unfolded(card)).to_be_hidden()
        expect(chip).not_to_have_attribute("data-dz-open", "")
        chip.focus()
        page.keyboard.press("Enter")
        expect(unfolded(card)).to_be_visible()
        page.keyboard.press("Escape")
        expect(unfolded(card)).to_be_hidden()


def test_touch_opens_the_card(browser, shipped_site):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True)
    page = context.new_page()
    page.goto(shipped_site.url + MILLEY)
    chip = page.locator("#q-milley-jamais-du-etre-envoye .dz-toggle")
    chip.tap()
    expect(page.locator("#q-milley-jamais-du-etre-envoye-details")).to_be_visible()
    context.close()


def test_the_page_weighs_little_more_than_its_text_on_a_phone(page, shipped_site):
    """Issue 14's measure (bench/reading.py prints it): at 390 px with no stored choice,
    each source page's article is at most 1.25 times its plain text's height."""
    page.set_viewport_size({"width": 390, "height": 900})
    for path in (MILLEY, "sources/lettre-retrait-irak-ats/"):
        page.goto(shipped_site.url + path, wait_until="networkidle")
        ratio = page.evaluate(PLAIN_ARTICLE)
        print(f"{path}: {ratio:.3f}")
        assert ratio <= 1.25, (path, ratio)


def test_twin_the_both_mode_weighs_more(page, shipped_site):
    """The same measure must see the difference: with every English inline, it fails."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.add_init_script("localStorage.setItem('dossier.readingMode', 'both')")
    page.goto(shipped_site.url + MILLEY, wait_until="networkidle")
    assert page.evaluate(PLAIN_ARTICLE) > 1.4


def test_margin_notes_sit_beside_their_line_on_wide_screens(page, shipped_site):
    """At 1280 px each note is in the margin, right of the text, at the height of its
    chip unless the note above pushes it down; no two notes overlap."""
    page.goto(shipped_site.url + MILLEY, wait_until="networkidle")
    text = page.locator(".dz-text p.dz-block").first.bounding_box()
    placed = page.evaluate(
        """() => [...document.querySelectorAll('.dz-note')].map(n => {
            const chip = document.querySelector(`.dz-toggle[aria-controls="${n.id}"]`);
            const a = n.getBoundingClientRect(), c = chip.getBoundingClientRect();
            return {top: a.top, bottom: a.bottom, left: a.left, chip: c.top,
                    visible: getComputedStyle(n).visibility === 'visible'};
        })"""
    )
    assert len(placed) == 10
    floor = float("-inf")
    for note in placed:
        assert note["visible"]
        assert note["left"] >= text["x"] + text["width"]  # in the margin
        assert note["top"] >= floor  # below the note before it
        if note["chip"] > floor + 12:  # not pushed down: beside its line
            assert abs(note["top"] - note["chip"]) <= 6, note
        floor = note["bottom"]
    screenshot(page, "source-margin-notes-1280")


def test_twin_notes_placed_without_the_script_would_overlap(page, shipped_site):
    """The margin check sees a bad layout: with every note put at the top of the text,
    they overlap."""
    page.goto(shipped_site.url + MILLEY, wait_until="networkidle")
    page.evaluate("document.querySelectorAll('.dz-note').forEach(n => n.style.top = '0px')")
    tops = page.evaluate(
        "[...document.querySelectorAll('.dz-note')].map(n => n.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1


def test_chips_stay_on_the_line_of_their_quotation(page, shipped_site):
    """No chip starts a line on a phone: it stays with the closing guillemet."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(shipped_site.url + MILLEY, wait_until="networkidle")
    alone = page.evaluate(
        """() => [...document.querySelectorAll('.dz-toggle')].filter(chip => {
            const before = chip.previousElementSibling || chip.parentNode;
            const rects = before.getClientRects();
            const last = rects[rects.length - 1];
            return last && chip.getBoundingClientRect().top > last.bottom - 2;
        }).map(c => c.getAttribute('aria-controls'))"""
    )
    assert alone == []
