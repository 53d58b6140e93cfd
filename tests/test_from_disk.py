"""The site opened from disk (file://), built with use_directory_urls: false."""

from __future__ import annotations

import pytest
from browser_support import unfolded
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_glosses_modes_and_links_work_from_disk(project, build_project, browser):
    result = build_project(project, use_directory_urls=False)
    assert result.error is None, result.errors
    page_path = result.site / "sources" / "milley-lettre-envoyee-par-erreur.html"
    assert page_path.is_file()
    page = browser.new_page()
    try:
        page.goto(page_path.as_uri())
        toggle = page.locator("#q-milley-erreur-bonne-foi .dz-toggle")
        note = page.locator("#q-milley-erreur-bonne-foi-details")
        toggle.click()
        expect(unfolded(note)).to_be_visible()
        page.keyboard.press("Escape")  # the note folds again, as a popover would close
        expect(unfolded(note)).to_be_hidden()
        page.get_by_role("button", name="Les deux", exact=True).click()
        expect(page.locator("#q-milley-erreur-bonne-foi .dz-en")).to_be_visible()
        page.get_by_role("button", name="Français", exact=True).click()
        expect(page.locator("#q-milley-erreur-bonne-foi .dz-en")).to_be_hidden()
        toggle.click()
        page.locator("#q-milley-erreur-bonne-foi-details").get_by_role(
            "link", name="Mark A. Milley"
        ).click()
        expect(page).to_have_url((result.site / "actors" / "milley.html").as_uri())
        expect(page.get_by_role("heading", level=1)).to_have_text("Mark A. Milley")
    finally:
        page.close()
