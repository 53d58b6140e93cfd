"""The built site is intact and private: links resolve, no third-party host is contacted."""

from __future__ import annotations

import re

import pytest
import yaml
from browser_support import screenshot
from linkcheck import crawl
from project_support import REPO

ANNOTATIONS = yaml.safe_load((REPO / "dossier" / "annotations.yml").read_text(encoding="utf-8"))
YAML_URLS = {
    u if isinstance(u, str) else u["url"]
    for g in ANNOTATIONS["glosses"]
    for u in g.get("provenance", [])
}
YAML_URLS |= {s["url"] for s in ANNOTATIONS["sources"] if s.get("url")}
PAGES = [
    "",
    "sources/milley-lettre-envoyee-par-erreur/",
    "sources/lettre-retrait-irak-ats/",
    "actors/",
    "actors/milley/",
    "chronology/",
    "chronology/?actor=esper",
]


def test_every_internal_link_and_anchor_resolves(shipped_site):
    broken, _ = crawl(shipped_site.site)
    assert broken == []


def test_external_links_are_only_those_the_yaml_gave(shipped_site):
    _, external = crawl(shipped_site.site)
    site_url = shipped_site.url
    ours = {u for u in external if not u.startswith(site_url)}
    theme = {u for u in ours if re.match(r"https://(squidfunk\.github\.io|www\.mkdocs\.org)/", u)}
    assert ours - theme <= YAML_URLS
    assert ours >= YAML_URLS  # every provenance link is on some page


def test_the_crawler_catches_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="b/">missing</a>'
        '<a href="a/#nope">bad anchor</a><p id="x"></p>'
        '<a href="#x">self</a>',
        "utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1>', "utf-8")
    broken, _ = crawl(tmp_path)
    assert broken == ["index.html -> b/: no such file", "index.html -> a/#nope: no #nope"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_pages_request_nothing_from_other_hosts(browser, shipped_site, path):
    page = browser.new_page()
    foreign: list[str] = []
    origin = shipped_site.url.rstrip("/")
    page.on(
        "request",
        lambda r: None if r.url.startswith((origin, "data:", "blob:")) else foreign.append(r.url),
    )
    page.goto(shipped_site.url + path, wait_until="networkidle")
    page.close()
    assert foreign == []


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [390, 1280])
def test_no_horizontal_overflow_and_screenshots(browser, shipped_site, path, width):
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(shipped_site.url + path, wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "home"
    screenshot(page, f"{name}-{width}")
    page.close()
    assert overflow <= 0, f"{path} overflows by {overflow}px at {width}px"


def test_privacy_check_can_fail(browser, tmp_path):
    """The interception above really sees third-party requests."""
    from browser_support import serve

    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">', "utf-8"
    )
    with serve(tmp_path) as url:
        page = browser.new_page()
        seen: list[str] = []
        page.on("request", lambda r: seen.append(r.url))
        page.goto(url)
        page.close()
    assert any("fonts.googleapis.com" in u for u in seen)


@pytest.mark.browser
def test_overflow_check_can_fail(browser, tmp_path):
    from browser_support import serve

    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="fr"><body><table><tr><td style="white-space:nowrap">'
        + "mot " * 200
        + "</td></tr></table></body></html>",
        "utf-8",
    )
    with serve(tmp_path) as url:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        page.close()
    assert overflow > 0
