"""The analysis cache kept across `mkdocs serve` rebuilds: only what changed is analysed
again, and what it yields is exactly what a fresh analysis yields.

Each step edits the shipped dossier as an editor would, then analyses it twice: with the
cache carried from the previous step, and from scratch. Warnings, `dossier.json` and
every rendered page must be identical; the cache's counters say how many texts it redid.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from project_support import copy_project, replace_in_file, without_translations
from storydossier.analysis import Analysis, analyse
from storydossier.exports.dossier_json import dossier_json
from storydossier.loading import load_dossier
from storydossier.pages import PageKey, page_keys
from storydossier.render import Renderer
from storydossier.textcache import AnalysisCache

MILLEY = "sources/milley-lettre-envoyee-par-erreur.txt"
ATS = "sources/lettre-retrait-irak-ats.txt"
NEW_PARAGRAPH = (
    "Un témoin a dit «une phrase sans original» puis «une autre phrase».\n\n"
    "Les Etats-Unis comptaient 5200"
)
NO_ORIGINAL = """
no_original:
  - fr: une phrase sans original
    reason: {fr: Dit en français, en: Said in French}
  - fr: une autre phrase
    reason: {fr: Origine inconnue, en: Origin unknown}
"""
REORDERED = """
no_original:
  - fr: une autre phrase
    reason: {fr: Origine inconnue, en: Origin unknown}
  - fr: une phrase sans original
    reason: {fr: Dit en français, en: Said in French}
"""

Edit = Callable[[Path], None]


def replace_in(name: str, old: str, new: str) -> Edit:
    def edit(folder: Path) -> None:
        replace_in_file(folder / name, old, new)

    return edit


def append_to(name: str, addition: str) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / name
        path.write_text(path.read_text("utf-8") + addition, "utf-8")

    return edit


# (what the editor does, the edit, how many of the 2 texts must be analysed again)
STEPS: list[tuple[str, Edit, int]] = [
    (
        "a gloss's English",
        replace_in("annotations.yml", "en: It's an honest mistake", "en: It is an honest mistake"),
        0,
    ),
    (
        "a gloss's speaker",
        replace_in(
            "annotations.yml",
            "en: It is an honest mistake\n    speaker: milley",
            "en: It is an honest mistake\n    speaker: esper",
        ),
        0,
    ),
    (
        "an actor's biography",
        replace_in("annotations.yml", "au moment de la lettre.", "lors de l'envoi de la lettre."),
        0,
    ),
    (
        "a gloss's French, quoted in one text, no longer matches",
        replace_in(
            "annotations.yml",
            "fr: il n'aurait jamais dû être envoyé",
            "fr: il n'aurait pas dû être envoyé",
        ),
        1,
    ),
    (
        "a gloss's French, quoted in both texts, changed",
        replace_in(
            "annotations.yml",
            "fr: C'est une erreur commise en toute bonne foi",
            "fr: C'est une erreur commise de bonne foi",
        ),
        2,
    ),
    (
        "both fixed again",
        lambda folder: (
            replace_in(
                "annotations.yml",
                "fr: C'est une erreur commise de bonne foi",
                "fr: C'est une erreur commise en toute bonne foi",
            )(folder),
            replace_in(
                "annotations.yml",
                "fr: il n'aurait pas dû être envoyé",
                "fr: il n'aurait jamais dû être envoyé",
            )(folder),
        ),
        2,
    ),
    ("one text edited", replace_in(ATS, "Les Etats-Unis comptaient 5200", NEW_PARAGRAPH), 1),
    ("no-original marks added", append_to("annotations.yml", NO_ORIGINAL), 1),
    ("no-original marks reordered", replace_in("annotations.yml", NO_ORIGINAL, REORDERED), 1),
    (
        "an alias added",
        replace_in(
            "annotations.yml", "fr: [le chef du Pentagone,", "fr: [témoin, le chef du Pentagone,"
        ),
        1,
    ),
    (
        "a source's title",
        replace_in("annotations.yml", "démentent la lettre", "démentent la lettre d'un général"),
        1,
    ),
]


def outputs(analysis: Analysis) -> dict[str, object]:
    """What readers and machines get from an analysis."""
    keys = page_keys(analysis)
    urls = {key: key.path.removesuffix(".md").removesuffix("index") + "/" for key in keys}
    renderer = Renderer(analysis, "fr", urls)
    return {
        "warnings": [str(w) for w in analysis.warnings],
        "json": json.loads(dossier_json(analysis)),
        "pages": {key: renderer.page(key, urls[key]) for key in keys},
    }


@pytest.fixture
def folder(tmp_path) -> Path:
    # The edits change the French texts alone; translations are analysed afresh on every
    # build (never kept), so they are left out here.
    project = copy_project(tmp_path)
    without_translations(project)
    return project / "dossier"


def test_cached_analysis_equals_a_fresh_one_after_each_edit(folder):
    cache = AnalysisCache()
    first = analyse(load_dossier(folder), cache)
    assert (cache.analysed, cache.reused) == (2, 0)
    previous = outputs(first)
    for what, edit, redone in STEPS:
        edit(folder)
        cached = outputs(analyse(load_dossier(folder), cache))
        fresh = outputs(analyse(load_dossier(folder)))
        assert cached != previous, f"{what}: the edit changed nothing anyone sees"
        for part in ("warnings", "json", "pages"):
            assert cached[part] == fresh[part], f"{what}: {part} differ from a fresh analysis"
        assert (cache.analysed, cache.reused) == (redone, 2 - redone), what
        previous = cached


def test_a_kept_result_shows_the_new_english(folder):
    """The edit reused every text, yet the page shows the gloss's new wording."""
    cache = AnalysisCache()
    analyse(load_dossier(folder), cache)
    replace_in(
        "annotations.yml",
        "C'était un projet (de lettre) non signé\n    en: It was",
        "C'était un projet (de lettre) non signé\n    en: It really was",
    )(folder)
    analysis = analyse(load_dossier(folder), cache)
    assert cache.reused == 2
    page = outputs(analysis)["pages"][PageKey.source("milley-lettre-envoyee-par-erreur")]
    assert "It really was a mistake" in page
