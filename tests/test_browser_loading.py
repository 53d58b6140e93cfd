"""Pages while they load, in headless Chromium: dossier.js late, or never arriving.

The script is held back by request interception, so the state a reader on a slow link
sees before it runs can be inspected, and the layout shift it causes when it finally
runs measured (the browser's own layout-shift entries, as Lighthouse's CLS uses them).
"""

from __future__ import annotations

import pytest
from browser_support import screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SOURCE = "sources/milley-lettre-envoyee-par-erreur/"
CHRONOLOGY = "chronology/"
SCRIPT = "**/assets/dossier/dossier.js"
COLLECT_SHIFTS = """
window.__shift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
SHIFT_LIMIT = 0.01  # Lighthouse calls a CLS under 0.1 good; we want next to none
EARLY_SCRIPT_START = (
    '<script>(function () {var root = document.documentElement;root.classList.add("dz-js");'
)


@pytest.fixture
def page(page):
    """The shared 1280 x 900 page, counting layout shifts from its first paint."""
    page.add_init_script(COLLECT_SHIFTS)
    return page


def hold_script(page) -> list:
    """Intercept dossier.js and keep the request pending; returns the held routes."""
    held: list = []
    page.route(SCRIPT, lambda route: held.append(route))
    return held


def open_until_script_requested(page, url: str, held: list) -> None:
    page.goto(url, wait_until="commit")
    page.wait_for_selector("footer", state="attached")
    while not held:
        page.wait_for_timeout(20)
    page.evaluate(TWO_FRAMES)  # the page as parsed so far has been painted


def release(page, held: list) -> float:
    """Let dossier.js through; the layout shift measured once it has run."""
    held[0].continue_()
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.dossierReady === true")
    page.evaluate(TWO_FRAMES)
    return page.evaluate("() => window.__shift")


def without_early_script(page) -> None:
    """Serve the HTML with the plugin's inline <head> script removed (the twin check)."""

    def strip(route):
        response = route.fetch()
        body = response.text()
        start = body.index(EARLY_SCRIPT_START)
        end = body.index("</script>", start) + len("</script>")
        route.fulfill(response=response, body=body[:start] + body[end:])

    page.route("**/", strip)


def test_before_the_script_runs_the_controls_are_drawn_and_details_folded(page, shipped_site):
    page.add_init_script("localStorage.setItem('dossier.readingMode', 'fr')")
    held = hold_script(page)
    open_until_script_requested(page, shipped_site.url + SOURCE, held)
    expect(page.locator(".dz-modes")).to_be_visible()
    expect(page.locator(".dz-details").first).to_be_hidden()
    expect(page.locator(".dz-toggle").first).to_be_visible()
    # the stored reading mode already applies: English originals hidden
    expect(page.locator(".dz-gloss .dz-en").first).to_be_hidden()
    drawn_pressed = page.evaluate(
        "() => [...document.querySelectorAll('[data-dz-mode-choice]')]"
        ".filter(b => getComputedStyle(b).fontWeight === '700')"
        ".map(b => b.getAttribute('data-dz-mode-choice'))"
    )
    assert drawn_pressed == ["fr"]  # the stored mode, not the HTML's default
    screenshot(page, "source-before-script")
    shift = release(page, held)
    expect(page.get_by_role("button", name="Français", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    assert shift < SHIFT_LIMIT, f"layout shift {shift:.3f} when dossier.js ran"


@pytest.mark.parametrize("path", [SOURCE, CHRONOLOGY])
def test_nothing_moves_when_a_late_script_runs(page, shipped_site, path):
    held = hold_script(page)
    open_until_script_requested(page, shipped_site.url + path, held)
    shift = release(page, held)
    assert shift < SHIFT_LIMIT, f"layout shift {shift:.3f} on {path} when dossier.js ran"


@pytest.mark.parametrize("path", [SOURCE, CHRONOLOGY])
def test_shift_check_can_fail_without_the_early_script(page, shipped_site, path):
    without_early_script(page)
    held = hold_script(page)
    open_until_script_requested(page, shipped_site.url + path, held)
    assert page.evaluate("() => document.documentElement.classList.contains('dz-js')") is False
    shift = release(page, held)
    assert shift > SHIFT_LIMIT, f"only {shift:.3f}: the check would not see the jump"


def test_if_the_script_never_arrives_the_page_is_its_no_javascript_form(page, shipped_site):
    page.route(SCRIPT, lambda route: route.abort())
    page.goto(shipped_site.url + SOURCE, wait_until="load")
    expect(page.locator("html")).not_to_have_class("dz-js")
    expect(page.locator(".dz-modes")).to_be_hidden()  # controls that could not work
    expect(page.locator(".dz-toggle").first).to_be_hidden()
    for gloss in page.locator(".dz-gloss[id]").all():
        expect(gloss.locator(".dz-fr").last).to_be_visible()
        note = page.locator(f"#{gloss.get_attribute('id')}-details")
        expect(note.locator(".dz-card-en").first).to_be_visible()
