"""The chronology in headless Chromium: actor filter with URL state, the SVG timeline."""

from __future__ import annotations

import pytest
from browser_support import screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_actor_filter_narrows_and_lives_in_the_url(browser, shipped_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(shipped_site.url + "chronology/")
    events = page.locator("li.dz-event")
    total = events.count()
    expect(page.locator("li.dz-event:visible")).to_have_count(total)
    page.locator(".dz-filter").get_by_role("button", name="Mark T. Esper").click()
    assert "actor=esper" in page.url
    expect(page.locator("li.dz-event:visible")).to_have_count(1)
    expect(page.locator("#esper-aucune-decision")).to_be_visible()
    expect(page.locator("#frappe-soleimani")).to_be_hidden()
    expect(page.get_by_role("status")).to_contain_text("1 événement affiché sur")  # singular
    page.locator(".dz-filter").get_by_role("button", name="Qassem Soleimani").click()
    expect(page.locator("li.dz-event:visible")).to_have_count(2)
    expect(page.get_by_role("status")).to_contain_text("2 événements affichés sur")
    screenshot(page, "chronology-filtered")
    page.reload()
    expect(page.locator("li.dz-event:visible")).to_have_count(2)
    expect(
        page.locator(".dz-filter").get_by_role("button", name="Mark T. Esper")
    ).to_have_attribute("aria-pressed", "true")
    page.locator(".dz-filter").get_by_role("button", name="Tous").click()
    expect(page.locator("li.dz-event:visible")).to_have_count(total)
    assert "actor=" not in page.url
    page.close()


def test_shared_filtered_url_opens_filtered(browser, shipped_site):
    page = browser.new_page()
    page.goto(shipped_site.url + "chronology/?actor=iraqi-parliament")
    expect(page.locator("li.dz-event:visible")).to_have_count(1)
    expect(page.locator("#vote-parlement")).to_be_visible()
    page.close()
