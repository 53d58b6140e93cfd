"""The editor's contract, tightened: a stub can never be published as it was printed, one
file is one text, a near miss says which words differ, and the command line survives a
closed pipe with its messages in order.

Each test makes the editor's mistake on a copy of the shipped dossier and asserts the
message the editor sees (file, line, field, fix); each rule has a twin that passes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from project_support import load_problems, replace_in_file
from storydossier import placeholders
from storydossier.cli import main

NEW_TEXT = "Le porte-parole a déclaré «nous partons demain» devant la presse.\n"


def add_text(project: Path) -> Path:
    """A new text with one unglossed quotation, declared in annotations.yml."""
    (project / "dossier" / "sources" / "nouvelle.txt").write_text(NEW_TEXT, "utf-8")
    path = project / "dossier" / "annotations.yml"
    replace_in_file(
        path,
        "\nactors:\n",
        "\n  - id: nouvelle\n    file: nouvelle.txt\n"
        "    title: {fr: Une nouvelle dépêche}\n    published: 2020-01-07\n\nactors:\n",
    )
    return path


def printed_stub(capsys) -> list[dict[str, object]]:
    assert main(["quotes", "nouvelle"]) == 0
    out = capsys.readouterr().out
    return yaml.safe_load(out.split("then fill in the English:\n", 1)[1])


def paste(path: Path, stubs: list[dict[str, object]]) -> int:
    """Paste `stubs` under `glosses:`; return the line of the first stub's `- id:`."""
    pasted = yaml.safe_dump(stubs, allow_unicode=True, sort_keys=False, width=1000)
    pasted = "\n".join("  " + line for line in pasted.splitlines())
    text = path.read_text("utf-8")
    head = text[: text.index("\nevents:\n")]
    path.write_text(head + "\n" + pasted + "\n" + text[len(head) :], "utf-8")
    return head.count("\n") + 2


def test_a_stub_claims_nothing_until_the_editor_checks_it(project, capsys):
    add_text(project)
    (stub,) = printed_stub(capsys)
    assert stub["fidelity"] == "unverified"
    assert stub["en"] == placeholders.ENGLISH
    assert stub["provenance"] == [placeholders.URL]


def test_a_stub_pasted_as_printed_is_refused_line_by_line(project, capsys):
    path = add_text(project)
    stubs = printed_stub(capsys)
    first = paste(path, stubs)
    messages = load_problems(project)
    lines = {field: first + offset for offset, field in enumerate(stubs[0])}
    expected = {
        "en": "write the English words as a source reports them, or delete `en:`",
        "speaker": "write the id of the actor who said it",
        "said": "write when it was said",
        "provenance": "write the address of the page that reports the English",
    }
    assert len(messages) == len(expected), messages
    for field, fix in expected.items():
        line = lines[field] + (1 if field == "provenance" else 0)  # the list item's line
        (message,) = [m for m in messages if f".{field}: still the placeholder" in m]
        assert message.startswith(f"dossier/annotations.yml:{line}:"), message
        assert fix in message


def test_a_placeholder_address_alone_is_refused(project, capsys, build_project):
    path = add_text(project)
    (stub,) = printed_stub(capsys)
    stub.update(en="We leave tomorrow", speaker="esper", said="2020-01-07")
    first = paste(path, [stub])
    result = build_project(project)
    assert result.error is not None
    (message,) = result.errors
    assert message.startswith(f"dossier/annotations.yml:{first + 6}:")
    assert "provenance: still the placeholder" in message
    assert not (project / "site" / "sources" / "nouvelle").exists()


def test_a_completed_stub_builds(project, capsys, build_project):
    """The twin: once every placeholder is replaced, the page is built, still unverified."""
    path = add_text(project)
    (stub,) = printed_stub(capsys)
    stub.update(
        en="We leave tomorrow",
        speaker="esper",
        said="2020-01-07",
        provenance=["https://example.org/report"],
    )
    paste(path, [stub])
    result = build_project(project)
    assert result.error is None, result.errors
    page = result.html("sources/nouvelle/index.html")
    assert "dz-fid-unverified" in page and "Original non vérifié" in page


def test_one_file_under_two_ids_is_an_error(project):
    path = project / "dossier" / "annotations.yml"
    first_line = replace_in_file(path, "    file: lettre-retrait-irak-ats.txt\n", "    file: x\n")
    replace_in_file(path, "    file: x\n", "    file: milley-lettre-envoyee-par-erreur.txt\n")
    (message,) = load_problems(project)
    milley_line = (
        path.read_text("utf-8").splitlines().index("    file: milley-lettre-envoyee-par-erreur.txt")
    )
    assert message.startswith(f"dossier/annotations.yml:{first_line}:")
    assert (
        "sources[1].file: `milley-lettre-envoyee-par-erreur.txt` is already the text of "
        f"`milley-lettre-envoyee-par-erreur` (sources[0], line {milley_line + 1})"
    ) in message
    assert "one file is one text" in message


def test_a_near_miss_names_the_words_that_differ(project, build_project):
    """A typo at the end of a long gloss, past any cut of the message, is shown."""
    path = project / "dossier" / "annotations.yml"
    replace_in_file(
        path,
        "fr: Nous respectons votre décision souveraine qui ordonne notre départ",
        "fr: Nous respectons votre décision souveraine qui ordonne notre dépar",
    )
    result = build_project(project)
    (warning,) = [w for w in result.warnings if "is not found in any quotation" in w]
    assert "nearest passage: «Nous respectons votre décision souveraine" in warning
    assert "the gloss has «notre dépar» where the text has «notre départ»" in warning


def test_a_near_miss_with_a_changed_word_in_the_middle(project, build_project):
    path = project / "dossier" / "annotations.yml"
    replace_in_file(
        path, "fr: il n'aurait jamais dû être envoyé", "fr: il n'aurait pas dû être envoyé"
    )
    result = build_project(project)
    (warning,) = [w for w in result.warnings if "is not found in any quotation" in w]
    assert "the gloss has «n'aurait pas dû» where the text has «n'aurait jamais dû»" in warning


def run_cli(project: Path, *args: str, **options) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from storydossier.cli import main; raise SystemExit(main())",
            *args,
        ],
        cwd=project,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        **options,
    )


def test_quotes_into_a_pipe_closed_early(project):
    """`dossier quotes | head -1`: no traceback, exit status 0."""
    process = run_cli(project, "quotes", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `head -1` does after one line
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert first.startswith("milley-lettre-envoyee-par-erreur")
    assert "Traceback" not in errors and "BrokenPipe" not in errors


def test_messages_then_count_in_a_pipe(project):
    """`dossier check 2>&1 | less`: every message comes before the count."""
    (project / "dossier" / "sources" / "brouillon.txt").write_text("Texte.", "utf-8")
    replace_in_file(project / "dossier" / "annotations.yml", "speaker: esper", "speaker: espr")
    process = run_cli(project, "check", stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output, _ = process.communicate(timeout=60)
    lines = output.splitlines()
    assert process.returncode == 1
    assert "unknown actor id `espr`" in lines[0]
    assert lines[-1] == "1 error(s)"
