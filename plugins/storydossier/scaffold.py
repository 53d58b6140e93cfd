"""`dossier new FOLDER`: a new dossier project that builds strict at once.

Core module used by `cli`: copies the package's `scaffold/` (mkdocs.yml, dossier/ with
a commented annotations.yml and one example text) into an empty or new folder, with an
empty content/ and the annotation file's JSON Schema in schema/. Nothing is overwritten.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from .problems import DossierError, Problem

SCHEMA = Path("schema") / "annotations.schema.json"


def new_project(folder: Path, schema_text: str) -> list[Path]:
    """Write a new project into `folder`; the files written, in order."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise DossierError(
            [
                Problem(
                    str(folder),
                    None,
                    None,
                    "this folder is not empty: `dossier new` writes only into a new or "
                    "empty folder, so nothing of yours is overwritten",
                )
            ]
        )
    written: list[Path] = []
    _copy(resources.files(__package__) / "scaffold", folder, written)
    (folder / "content").mkdir(parents=True, exist_ok=True)
    schema = folder / SCHEMA
    schema.parent.mkdir(parents=True, exist_ok=True)
    schema.write_text(schema_text, encoding="utf-8")
    written.append(schema)
    return written


def _copy(source: Traversable, target: Path, written: list[Path]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(("_", ".")):
            continue
        if entry.is_dir():
            _copy(entry, target / entry.name, written)
        else:
            path = target / entry.name
            path.write_bytes(entry.read_bytes())
            written.append(path)
