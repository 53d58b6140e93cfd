"""Shared fixtures: a private copy of the shipped project, real MkDocs builds of it, one
Chromium. The helpers they use live in project_support.py, which tests import."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, serve
from project_support import SECOND_DOSSIER, BuildResult, copy_project, run_build


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the shipped mkdocs.yml, content/ and dossier/, as working folder.

    Messages name files relative to the working folder, as an editor running
    `mkdocs build` from the project root sees them.
    """
    copied = copy_project(tmp_path / "project")
    monkeypatch.chdir(copied)
    return copied


@pytest.fixture
def build_project() -> Callable[..., BuildResult]:
    return run_build


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    """One strict build of the shipped dossier, served on loopback, shared by many tests.

    The server starts first so the site is built with `site_url` set to its address:
    Material's instant navigation only follows links of the site's own origin.
    """
    yield from _served_build(copy_project(tmp_path_factory.mktemp("shipped")))


@pytest.fixture(scope="session")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    """The second dossier (tests/dossiers/apollo11) built strict and served on loopback."""
    project = tmp_path_factory.mktemp("second") / "apollo11"
    shutil.copytree(SECOND_DOSSIER, project)
    yield from _served_build(project)


def _served_build(project_dir: Path) -> Iterator[BuildResult]:
    """Serve the project's site folder, then build it strict with that address."""
    site = project_dir / "site"
    site.mkdir()
    with serve(site) as url:
        result = run_build(project_dir, site_url=url)
        assert result.error is None, result.error
        assert result.warnings == [], result.warnings
        result.url = url
        yield result


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for every browser test (Playwright drives it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page at 1280 x 900, closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()
