"""Which gloss applies where two share the same French: a gloss written for one text
replaces a general gloss of those words in that text; two of the same scope are an error.

Real strict builds of a copy of the shipped dossier, edited as an editor would: the
French «C'est une erreur commise en toute bonne foi» is quoted in both shipped texts
and glossed once for every text (`milley-erreur-bonne-foi`).
"""

from __future__ import annotations

import re
from pathlib import Path

from project_support import run_build, without_translations

ATS = "lettre-retrait-irak-ats"
MILLEY = "milley-lettre-envoyee-par-erreur"
FRENCH = "C'est une erreur commise en toute bonne foi"
GENERAL_ID = "milley-erreur-bonne-foi"


def add_gloss(project: Path, gloss_id: str, english: str, sources: list[str]) -> int:
    """Append a gloss of FRENCH under `glosses:`; return the line of its `fr:`."""
    path = project / "dossier" / "annotations.yml"
    text = path.read_text("utf-8")
    scope = f"    sources: [{', '.join(sources)}]\n" if sources else ""
    entry = (
        f"  - id: {gloss_id}\n"
        f"    fr: {FRENCH}\n"
        f"    en: {english}\n"
        "    speaker: milley\n"
        "    fidelity: unverified\n"
        f"{scope}\n"
    )
    marker = "\nevents:\n"
    assert marker in text
    head = text[: text.index(marker) + 1]
    path.write_text(head + entry + text[len(head) :], "utf-8")
    return head.count("\n") + 2


def glosses_on(html: str, anchor_prefix: str = "q-") -> dict[str, str]:
    """data-gloss of each glossed quotation of a page, by its anchor."""
    found = re.findall(
        rf'class="dz-gloss[^"]*" id="({anchor_prefix}[^"]+)" data-gloss="([^"]+)"', html
    )
    return dict(found)


def english_of(html: str, gloss_id: str) -> str:
    start = html.index(f'data-gloss="{gloss_id}"')
    return html[start : html.index("</span></span>", start)]


def test_a_gloss_for_one_text_replaces_the_general_one_there(project):
    without_translations(project)  # the edit below is to the French alone
    add_gloss(project, "erreur-bonne-foi-ats", "A different English for this text", [ATS])
    result = run_build(project)
    assert result.error is None, result.error
    assert result.warnings == []
    ats = result.html(f"sources/{ATS}/index.html")
    milley = result.html(f"sources/{MILLEY}/index.html")
    assert "erreur-bonne-foi-ats" in glosses_on(ats).values()
    assert GENERAL_ID not in glosses_on(ats).values()
    assert "A different English for this text" in english_of(ats, "erreur-bonne-foi-ats")
    # the other text keeps the general gloss and its English
    assert GENERAL_ID in glosses_on(milley).values()
    assert "erreur-bonne-foi-ats" not in glosses_on(milley).values()
    assert "It&#39;s an honest mistake" in english_of(milley, GENERAL_ID)


def test_a_general_gloss_replaced_wherever_it_is_quoted_is_a_warning(project):
    without_translations(project)  # the edit below is to the French alone
    path = project / "dossier" / "annotations.yml"
    # restrict the general gloss's twin to both texts: the general one is used nowhere
    line = add_gloss(project, "everywhere-restricted", "Restricted English", [ATS, MILLEY])
    result = run_build(project)
    assert result.error is not None
    (warning,) = result.warnings
    general_line = path.read_text("utf-8").splitlines().index(f"    fr: {FRENCH}") + 1
    assert f"dossier/annotations.yml:{general_line}:9: glosses[2].fr: " in warning
    assert f"is quoted only in {MILLEY}, {ATS}, where the gloss" in warning
    assert f"`everywhere-restricted` (line {line - 1}) written for those texts" in warning
    assert "not found" not in warning


def test_two_general_glosses_of_the_same_french_are_an_error(project):
    line = add_gloss(project, "erreur-bonne-foi-bis", "Another English", [])
    result = run_build(project)
    assert result.error is not None
    general_line = (project / "dossier" / "annotations.yml").read_text("utf-8").splitlines().index(
        f"    fr: {FRENCH}"
    ) + 1
    (message,) = result.errors
    assert message.startswith(f"dossier/annotations.yml:{line}:9: glosses[14].fr ")
    assert "`erreur-bonne-foi-bis`: the same French as glosses[2]" in message
    assert f"`{GENERAL_ID}` (line {general_line}), for every text" in message
    assert "restrict one to its text with `sources:`" in message


def test_two_glosses_restricted_to_the_same_text_are_an_error(project):
    add_gloss(project, "first-for-ats", "First", [ATS])
    second = add_gloss(project, "second-for-ats", "Second", [ATS, MILLEY])
    result = run_build(project)
    assert result.error is not None
    (message,) = result.errors
    assert message.startswith(f"dossier/annotations.yml:{second}:9: glosses[15].fr ")
    assert "`second-for-ats`: the same French as glosses[14]" in message
    assert f"`first-for-ats` (line {second - 7}), for {ATS}:" in message


def test_glosses_restricted_to_different_texts_are_allowed(project):
    """The twin of the two errors above: each text gets its own English."""
    add_gloss(project, "for-ats", "English for ATS", [ATS])
    add_gloss(project, "for-milley", "English for Milley", [MILLEY])
    result = run_build(project, strict=False)
    assert result.error is None, result.error
    assert "for-ats" in glosses_on(result.html(f"sources/{ATS}/index.html")).values()
    assert "for-milley" in glosses_on(result.html(f"sources/{MILLEY}/index.html")).values()
