"""The `dossier` command as an editor uses it."""

from __future__ import annotations

import json

import pytest
import yaml
from project_support import REPO
from storydossier.cli import main, schema_text


def test_check_passes_on_the_shipped_dossier(project, capsys):
    assert main(["check", "--strict"]) == 0
    assert "dossier OK: 2 texts" in capsys.readouterr().err


def test_check_prints_the_problem_and_fails(project, capsys):
    path = project / "dossier" / "annotations.yml"
    path.write_text(path.read_text("utf-8").replace("speaker: esper", "speaker: espr", 1), "utf-8")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "dossier/annotations.yml:" in out and "unknown actor id `espr`" in out


def test_strict_counts_warnings(project, capsys):
    (project / "dossier" / "sources" / "brouillon.txt").write_text("Texte.", "utf-8")
    assert main(["check"]) == 0
    assert main(["check", "--strict"]) == 1
    assert "dossier/sources/brouillon.txt: this text is not declared" in capsys.readouterr().out


def test_quotes_stubs_pasted_and_completed_build_cleanly(project, capsys, build_project):
    new_text = (
        "Le porte-parole a déclaré «nous partons demain» devant la presse.\n\n"
        "Il a ajouté «rien n'est décidé» puis «tout reste possible».\n"
    )
    (project / "dossier" / "sources" / "nouvelle.txt").write_text(new_text, "utf-8")
    path = project / "dossier" / "annotations.yml"
    text = path.read_text("utf-8")
    text = text.replace(
        "\nactors:\n",
        "\n  - id: nouvelle\n    file: nouvelle.txt\n"
        "    title: {fr: Une nouvelle dépêche}\n    published: 2020-01-07\n"
        "\nactors:\n",
        1,
    )
    path.write_text(text, "utf-8")
    assert main(["quotes", "nouvelle"]) == 0
    out = capsys.readouterr().out
    assert "0 of 3 quotations glossed" in out
    stub_text = out.split("then fill in the English:\n", 1)[1]
    stubs = yaml.safe_load(stub_text)
    assert [s["fr"] for s in stubs] == [
        "nous partons demain",
        "rien n'est décidé",
        "tout reste possible",
    ]
    for stub in stubs:  # the editor fills in what the stub leaves open
        stub.update(
            en="(editor's English)",
            speaker="esper",
            said="2020-01-07",
            provenance=["https://example.org/report"],
        )
    pasted = yaml.safe_dump(stubs, allow_unicode=True, sort_keys=False)
    pasted = "\n".join("  " + line for line in pasted.splitlines())
    path.write_text(text.replace("\nevents:\n", "\n" + pasted + "\n\nevents:\n", 1), "utf-8")
    assert main(["check", "--strict"]) == 0
    result = build_project(project)
    assert result.error is None, result.errors
    assert "3 citations sur 3 glosées" in result.html("sources/nouvelle/index.html")


def test_committed_schema_matches_the_model():
    committed = (REPO / "schema" / "annotations.schema.json").read_text("utf-8")
    assert committed == schema_text(), "run `dossier schema` and commit schema/"
    schema = json.loads(committed)
    assert set(schema["properties"]) == {
        "dossier",
        "sources",
        "actors",
        "glosses",
        "no_original",
        "events",
    }
    first_line = (REPO / "dossier" / "annotations.yml").read_text("utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/annotations.schema.json"


@pytest.mark.parametrize("argv", [["quotes", "inconnue"]])
def test_unknown_source_is_named(project, capsys, argv):
    assert main(argv) == 1
    assert "no source `inconnue`" in capsys.readouterr().out


@pytest.mark.parametrize(
    "case",
    [
        "yaml syntax",
        "duplicate key",
        "duplicate id",
        "unknown field",
        "unknown actor",
        "invalid date",
        "missing file",
    ],
)
def test_check_on_each_broken_copy(project, capsys, case):
    from test_build import BROKEN_EDITS

    old, new, expected = BROKEN_EDITS[case]
    path = project / "dossier" / "annotations.yml"
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert expected in out and "dossier/annotations.yml:" in out
