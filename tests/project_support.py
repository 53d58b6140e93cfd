"""Helpers every test module may import: the shipped project, real MkDocs builds of a
copy of it, edits of its files, and the editor's messages from loading it.

Fixtures that use them live in conftest.py; test modules import from here, never from
conftest.
"""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from storydossier.loading import load_dossier
from storydossier.problems import DossierError

REPO = Path(__file__).resolve().parent.parent
SHIPPED = ("mkdocs.yml", "content", "dossier")
SECOND_DOSSIER = REPO / "tests" / "dossiers" / "apollo11"  # another story, as test material


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


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        target = self.warnings if record.levelno == logging.WARNING else self.errors
        target.append(record.getMessage())


def run_build(project_dir: Path, *, strict: bool = True, **overrides: Any) -> BuildResult:
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


def replace_in_file(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` in the file at `path`; return the 1-based line where it stood."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def load_problems(project: Path) -> list[str]:
    """The messages of the errors that loading the project's dossier raises."""
    with pytest.raises(DossierError) as caught:
        load_dossier(project / "dossier")
    return [str(p) for p in caught.value.problems]


def without_translations(project: Path) -> None:
    """Drop the shipped English translations, for a test that edits a French text or a
    gloss for another purpose (a translation must follow its text, block by block)."""
    annotations = project / "dossier" / "annotations.yml"
    text = annotations.read_text("utf-8")
    text = re.sub(r"\n    translation:\n      file: [^\n]+\n      translator: [^\n]+", "", text)
    annotations.write_text(text, "utf-8")
    shutil.rmtree(project / "dossier" / "translations")
