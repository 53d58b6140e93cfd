"""`dossier new FOLDER`: a new story's project builds strict at once, named by its record."""

from __future__ import annotations

from pathlib import Path

from project_support import run_build
from storydossier.cli import main, schema_text


def test_a_new_project_builds_strict_at_once(tmp_path: Path, capsys):
    target = tmp_path / "my-story"
    assert main(["new", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"wrote {target / 'dossier' / 'annotations.yml'}" in out
    assert "mkdocs serve" in out
    annotations = (target / "dossier" / "annotations.yml").read_text("utf-8")
    assert annotations.startswith(
        "# yaml-language-server: $schema=../schema/annotations.schema.json\n"
    )
    assert (target / "schema" / "annotations.schema.json").read_text("utf-8") == schema_text()
    result = run_build(target)
    assert result.error is None, result.errors
    assert result.warnings == []
    home = result.html("index.html")
    assert "<title>Titre du dossier</title>" in home  # named by its own record
    assert "La lettre Seely" not in home
    example = result.html("sources/exemple/index.html")
    assert "Remplacez ce texte par une dépêche" in example


def test_new_never_writes_into_a_folder_in_use(tmp_path: Path, capsys):
    target = tmp_path / "story"
    target.mkdir()
    (target / "notes.txt").write_text("mes notes", "utf-8")
    assert main(["new", str(target)]) == 1
    assert "this folder is not empty" in capsys.readouterr().out
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
