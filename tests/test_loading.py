"""The editor's contract: every mistake in annotations.yml comes back as one clear message.

Each test breaks a copy of the shipped dossier the way an editor might, and asserts the
message: the file, the line (found in the broken file itself), the field and the fix.
"""

from __future__ import annotations

from pathlib import Path

from project_support import load_problems, replace_in_file
from storydossier.loading import load_dossier


def edit(project: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` in the copy's annotations.yml; return the 1-based line of the edit."""
    return replace_in_file(project / "dossier" / "annotations.yml", old, new, count)


problems_of = load_problems


def test_shipped_dossier_loads_clean(project):
    loaded = load_dossier(project / "dossier")
    assert loaded.warnings == []
    assert {s.id for s in loaded.dossier.sources} == {
        "milley-lettre-envoyee-par-erreur",
        "lettre-retrait-irak-ats",
    }


def test_yaml_syntax_error(project):
    line = edit(project, "  - id: esper\n", "  - id: esper\n    name: [Mark\n")
    (message,) = problems_of(project)
    assert message.startswith("dossier/annotations.yml:")
    reported = int(message.split(":")[1])
    assert line <= reported <= line + 3
    assert "YAML syntax error" in message


def test_duplicate_key(project):
    line = edit(project, "    name: Mark T. Esper\n", "    name: Mark T. Esper\n    name: Esper\n")
    (message,) = problems_of(project)
    assert message.startswith(f"dossier/annotations.yml:{line + 1}:5: ")
    assert f"duplicate key `name` (first given on line {line})" in message


def test_duplicate_id(project):
    edit(project, "  - id: seely\n", "  - id: esper\n")
    path = project / "dossier" / "annotations.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    ids = [i + 1 for i, text in enumerate(lines) if text == "  - id: esper"]
    (message,) = [m for m in problems_of(project) if "duplicate id" in m]
    assert message.startswith(f"dossier/annotations.yml:{ids[1]}:")
    assert f"actors[2].id: duplicate id `esper` (already used on line {ids[0]})" in message


def test_unknown_field_suggests_the_right_one(project):
    line = edit(project, "    affiliation: Iran\n", "    afiliation: Iran\n")
    (message,) = problems_of(project)
    assert message.startswith(f"dossier/annotations.yml:{line}:5: ")
    assert (
        "actors[4].afiliation: unknown field `afiliation` (did you mean `affiliation`?)" in message
    )


def test_unknown_actor_in_a_gloss(project):
    line = edit(project, "    speaker: esper\n", "    speaker: espr\n")
    (message,) = problems_of(project)
    assert message.startswith(f"dossier/annotations.yml:{line}:14: ")
    assert "speaker: unknown actor id `espr` (did you mean `esper`?)" in message


def test_invalid_date(project):
    line = edit(project, "    date: 2020-01-05\n", "    date: 2020-01-32\n")
    (message,) = problems_of(project)
    assert message.startswith(f"dossier/annotations.yml:{line}:11: ")
    assert "events[4].date: `2020-01-32`: January 2020 has no day 32" in message


def test_missing_source_file(project):
    line = edit(
        project,
        "    file: lettre-retrait-irak-ats.txt\n",
        "    file: lettre-retrait-irak-atz.txt\n",
    )
    (message,) = problems_of(project)
    assert message.startswith(f"dossier/annotations.yml:{line}:11: ")
    assert "sources[1].file: no file `lettre-retrait-irak-atz.txt`" in message
    assert "(did you mean `lettre-retrait-irak-ats.txt`?)" in message


def test_wrong_fidelity_value(project):
    line = edit(project, "    fidelity: verbatim\n", "    fidelity: verbatum\n")
    (message,) = problems_of(project)
    assert message.startswith(f"dossier/annotations.yml:{line}:15: ")
    assert "`verbatum` is not allowed" in message and "(did you mean `verbatim`?)" in message


def test_comma_inside_braces_is_explained(project):
    line = edit(
        project,
        'where: {fr: "Au Pentagone, devant la presse"',
        "where: {fr: Au Pentagone, devant la presse",
    )
    messages = problems_of(project)
    assert messages[0].startswith(f"dossier/annotations.yml:{line}:")
    assert "unknown field `devant la presse`" in messages[0]
    assert "put that whole text in quotes" in messages[0]


def test_english_without_provenance_must_be_unverified(project):
    edit(
        project,
        '    provenance:\n      - {url: "https://www.jpost.com/Breaking-News/'
        'US-led-coalition-says-it-will-withdraw-from-Iraq-613351", '
        'outlet: "The Jerusalem Post (Reuters)"}\n    fidelity: verbatim\n',
        "    fidelity: verbatim\n",
    )
    (message,) = problems_of(project)
    assert "needs `provenance:`" in message and "fidelity: unverified" in message


def test_url_must_be_http(project):
    line = edit(
        project,
        '      - {url: "https://en.trend.az/world/arab/3173452.html", outlet: "Trend"}\n',
        "      - javascript:alert(1)\n",
    )
    (message,) = problems_of(project)
    assert message.startswith(f"dossier/annotations.yml:{line}:")
    assert "is not a web address" in message


def test_several_errors_are_all_reported(project):
    edit(project, "    speaker: esper\n", "    speaker: espr\n")
    edit(
        project,
        "{source: lettre-retrait-irak-ats, phrase: La veille}",
        "{source: lettre-retrait-irak-atx, phrase: La veille}",
    )
    messages = problems_of(project)
    assert len(messages) == 2
    assert any("unknown actor id `espr`" in m for m in messages)
    assert any("unknown source id `lettre-retrait-irak-atx`" in m for m in messages)


def test_path_outside_the_sources_folder_is_refused(project):
    edit(project, "    file: lettre-retrait-irak-ats.txt\n", "    file: ../../etc/passwd\n")
    (message,) = problems_of(project)
    assert "`../../etc/passwd` must be a file name inside" in message


def test_undeclared_text_is_a_warning(project):
    (project / "dossier" / "sources" / "nouvelle-depeche.txt").write_text(
        "Texte.", encoding="utf-8"
    )
    loaded = load_dossier(project / "dossier")
    (warning,) = [str(w) for w in loaded.warnings]
    assert warning.startswith("dossier/sources/nouvelle-depeche.txt: this text is not declared")


def test_not_utf8_names_the_byte(project):
    path = project / "dossier" / "sources" / "lettre-retrait-irak-ats.txt"
    path.write_bytes(
        path.read_bytes().replace("américaine".encode(), "am\xe9ricaine".encode("latin-1"), 1)
    )
    (message,) = problems_of(project)
    assert message.startswith("dossier/sources/lettre-retrait-irak-ats.txt:1: not UTF-8: byte 0xE9")
