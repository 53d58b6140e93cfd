"""The site deployed as a host would: nginx (Debian) serving it under /dossier/ on loopback."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from browser_support import free_port, screenshot
from linkcheck import LinkParser
from nginx_support import nginx_serving, site_url
from playwright.sync_api import expect
from project_support import copy_project, run_build

pytestmark = pytest.mark.nginx


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    root = tmp_path_factory.mktemp("nginx")
    project = copy_project(root / "project")
    port = free_port()
    result = run_build(project, site_url=site_url(port, "/dossier/"))
    assert result.error is None, result.errors
    with nginx_serving(result.site, root, port=port, prefix="/dossier/") as url:
        yield url


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            kind = response.headers.get_content_type()
            return response.status, body.decode("utf-8") if kind == "text/html" else ""
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_http_crawl_under_the_subpath(deployed):
    origin = deployed.split("/dossier/")[0]
    pages: dict[str, LinkParser] = {}
    queue, seen, broken, anchors = [deployed], {deployed}, [], []
    while queue:
        url = queue.pop()
        status, body = _fetch(url)
        if status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if body:
            parsed = LinkParser()
            parsed.feed(body)
            pages[url] = parsed
            for link in parsed.links:
                absolute = urljoin(url, link)
                if not absolute.startswith(origin):
                    continue
                target, fragment = urldefrag(absolute)
                assert urlsplit(target).path.startswith("/dossier/"), f"{url} -> {link}"
                if fragment:
                    anchors.append((url, target, fragment))
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    for page, target, fragment in anchors:
        if target in pages and fragment not in pages[target].ids:
            broken.append(f"{page} -> {target}#{fragment}: no such anchor")
    assert len(pages) >= 26
    assert broken == []


def test_reader_features_work_under_the_subpath(deployed, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        foreign: list[str] = []
        origin = deployed.split("/dossier/")[0]
        page.on("request", lambda r: None if r.url.startswith(origin) else foreign.append(r.url))
        page.goto(deployed + "sources/milley-lettre-envoyee-par-erreur/", wait_until="networkidle")
        page.get_by_role("button", name="Originaux anglais", exact=True).click()
        expect(page.locator("#q-milley-erreur-bonne-foi .dz-fr").last).to_be_hidden()
        page.goto(deployed + "chronology/?actor=esper", wait_until="networkidle")
        expect(page.locator("li.dz-event:visible")).to_have_count(1)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, "nginx-chronology-390")
        status, _ = _fetch(deployed + "no-such-page/")
        assert status == 404
    finally:
        page.close()
    assert foreign == []


def test_text_is_served_compressed(deployed):
    """What readers on a slow link get: the theme's CSS, our JS, pages and data gzipped."""
    for path in ("", "assets/dossier/dossier.js", "dossier.json", "chronology.ics"):
        request = urllib.request.Request(deployed + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers.get("Content-Encoding") == "gzip", path
    with urllib.request.urlopen(deployed + "chronology.ics", timeout=10) as response:
        assert response.headers.get_content_type() == "text/calendar"
