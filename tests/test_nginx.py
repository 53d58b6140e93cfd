"""The site deployed as a host would: nginx (Debian) serving it under /dossier/ on loopback."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from browser_support import free_port, screenshot
from conftest import copy_project, run_build
from linkcheck import LinkParser
from playwright.sync_api import expect

pytestmark = pytest.mark.nginx

CONFIG = """
user root;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location /dossier/ {{ alias {site}/; index index.html; }}
    error_page 404 /dossier/404.html;
  }}
}}
"""


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "nginx is needed (scripts/test.sh installs it)"
    root = tmp_path_factory.mktemp("nginx")
    project = copy_project(root / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/dossier/"
    result = run_build(project, site_url=url)
    assert result.error is None, result.errors
    conf = root / "nginx.conf"
    conf.write_text(CONFIG.format(tmp=root, port=port, site=result.site), "utf-8")
    process = subprocess.Popen(
        [nginx, "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise AssertionError(process.stderr.read().decode())
    yield url
    process.terminate()
    process.wait(timeout=10)


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
        expect(page.locator("#q-milley-erreur-bonne-foi .dz-fr")).to_be_hidden()
        page.goto(deployed + "chronology/?actor=esper", wait_until="networkidle")
        expect(page.locator("li.dz-event:visible")).to_have_count(1)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, "nginx-chronology-390")
        status, _ = _fetch(deployed + "no-such-page/")
        assert status == 404
    finally:
        page.close()
    assert foreign == []
