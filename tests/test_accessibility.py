"""axe-core (WCAG 2.2 A/AA, plus axe's best practices as Lighthouse runs them) on every
page kind, each reading mode, light and dark palettes, and a keyboard walk over our controls."""

from __future__ import annotations

import json

import pytest
from browser_support import serve
from project_support import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
PAGES = {
    "home": ("", None),
    "source-both": ("sources/milley-lettre-envoyee-par-erreur/", "both"),
    "source-fr": ("sources/milley-lettre-envoyee-par-erreur/", "fr"),
    "source-en": ("sources/lettre-retrait-irak-ats/", "en"),
    "actor-index": ("actors/", None),
    "actor": ("actors/milley/", None),
    "chronology": ("chronology/", None),
    "chronology-filtered": ("chronology/?actor=esper", None),
    "chronology-phone": ("chronology/", None),
    "source-phone": ("sources/lettre-retrait-irak-ats/", "both"),
    "en-home": ("en/", None),
    "en-source": ("en/sources/milley-lettre-envoyee-par-erreur/", None),
    "en-source-phone": ("en/sources/lettre-retrait-irak-ats/", None),
    "en-actor-index": ("en/actors/", None),
    "en-actor": ("en/actors/esper/", None),
    "en-chronology": ("en/chronology/", None),
    "register": ("quotations/", None),
    "register-phone": ("quotations/", None),
    "en-register": ("en/quotations/", None),
}


def axe_violations(page) -> list[dict]:
    assert AXE.is_file(), "run `npm ci` (scripts/test.sh does)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def open_page(browser, url: str, scheme: str, mode: str | None, width: int = 1280):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    if mode:
        page.add_init_script(f"localStorage.setItem('dossier.readingMode', '{mode}')")
    page.goto(url, wait_until="networkidle")
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(browser, shipped_site, name, scheme):
    path, mode = PAGES[name]
    width = 390 if name.endswith("-phone") else 1280
    context, page = open_page(browser, shipped_site.url + path, scheme, mode, width)
    violations = axe_violations(page)
    context.close()
    assert violations == [], json.dumps(violations, indent=1)


def test_axe_check_can_fail(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        "<!doctype html><html><head><title>x</title></head><body><main>"
        '<img src="x.png"><p style="color:#777;background:#888">low contrast</p>'
        "</main></body></html>",
        "utf-8",
    )
    with serve(tmp_path) as url:
        context, page = open_page(browser, url, "light", None)
        ids = {v["id"] for v in axe_violations(page)}
        context.close()
    assert {"image-alt", "color-contrast", "html-has-lang"} <= ids


CONTROLS = ".dz-modes button, .dz-toggle, .dz-anchor, .dz-permalink, .dz-mention"
FOCUSED = """selector => {
    const el = document.activeElement;
    if (!el || !el.matches(selector) || el.offsetParent === null) return null;
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return [el.outerHTML.slice(0, 120), ring];
}"""


def test_keyboard_reaches_every_control_with_visible_focus(browser, shipped_site):
    context, page = open_page(
        browser, shipped_site.url + "sources/lettre-retrait-irak-ats/", "light", "both"
    )
    visible = page.evaluate(
        "s => [...document.querySelectorAll(s)].filter(e => e.offsetParent !== null).length",
        CONTROLS,
    )
    reached: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED, CONTROLS)
        if info:
            assert info[1], f"no visible focus on {info[0]}"
            reached.add(info[0])
    context.close()
    assert visible > 20
    assert len(reached) >= visible
