"""Shared fixtures: a private copy of the shipped project, and real MkDocs builds of it."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, serve
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

REPO = Path(__file__).resolve().parent.parent
SHIPPED = ("mkdocs.yml", "content", "dossier")


@dataclass
class BuildResult:
    site: Path
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # what MkDocs logged at ERROR level
    error: str | None = None  # the exception that stopped the build
    url: str = ""  # where the site is served, for browser tests

    def html(self, relative: str) -> str:
        return (self.site / relative).read_text(encoding="utf-8")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in SHIPPED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the shipped mkdocs.yml, content/ and dossier/, as working folder.

    Messages name files relative to the working folder, as an editor running
    `mkdocs build` from the project root sees them.
    """
    copied = copy_project(tmp_path / "project")
    monkeypatch.chdir(copied)
    return copied


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        target = self.warnings if record.levelno == logging.WARNING else self.errors
        target.append(record.getMessage())


def run_build(project_dir: Path, *, strict: bool = True, **overrides) -> BuildResult:
    """Build `project_dir` as `mkdocs build [--strict]` would; collect warnings and errors."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    site = project_dir / "site"
    result = BuildResult(site)
    try:
        config = load_config(
            str(project_dir / "mkdocs.yml"), strict=strict, site_dir=str(site), **overrides
        )
        build(config)
    except (PluginError, Abort) as error:
        result.error = str(error)
    finally:
        logger.removeHandler(handler)
    result.warnings, result.errors = handler.warnings, handler.errors
    return result


@pytest.fixture
def build_project() -> Callable[..., BuildResult]:
    return run_build


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    """One strict build of the shipped dossier, served on loopback, shared by many tests.

    The server starts first so the site is built with `site_url` set to its address:
    Material's instant navigation only follows links of the site's own origin.
    """
    project_dir = copy_project(tmp_path_factory.mktemp("shipped"))
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
