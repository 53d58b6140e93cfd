"""Real strict builds of the shipped dossier, and of broken copies of it."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from htmltext import visible_article_text
from storydossier.texts import normalise_newlines

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = yaml.safe_load((REPO / "dossier" / "annotations.yml").read_text(encoding="utf-8"))
SOURCE_IDS = [s["id"] for s in ANNOTATIONS["sources"]]
ACTOR_IDS = [a["id"] for a in ANNOTATIONS["actors"]]


def test_every_page_kind_is_generated(shipped_site):
    site = shipped_site.site
    for source_id in SOURCE_IDS:
        assert (site / "sources" / source_id / "index.html").is_file()
    for actor_id in ACTOR_IDS:
        assert (site / "actors" / actor_id / "index.html").is_file()
    assert (site / "actors" / "index.html").is_file()
    assert (site / "chronology" / "index.html").is_file()
    assert (site / "index.html").is_file()


@pytest.mark.parametrize("source", ANNOTATIONS["sources"], ids=SOURCE_IDS)
def test_every_word_of_the_text_reaches_its_page(shipped_site, source):
    text = normalise_newlines((REPO / "dossier" / "sources" / source["file"]).read_text("utf-8"))
    page = visible_article_text(shipped_site.html(f"sources/{source['id']}/index.html"))
    # the `date` marker is the agency's internal mark: it dates the page, unshown
    wanted = Counter(re.findall(r"\w+", re.sub(r"^\s*date \S+\s", "", text)))
    shown = Counter(re.findall(r"\w+", page))
    missing = {w: n - shown[w] for w, n in wanted.items() if shown[w] < n}
    assert missing == {}
    # and the prose between quotations reads as one run, not as scattered words
    flat_page = " ".join(page.split())
    # the date marker and the agency credit are shown as metadata, apart from the prose
    body = re.sub(r"\s*\([a-z/]+\)\s*$", "", re.sub(r"^\s*date \S+\s", "", text))
    for paragraph in re.split(r"\n\s*\n", body):
        for run in re.split(r"«[^»]*»", paragraph):
            words = run.split()
            if len(words) >= 4:
                assert " ".join(words) in flat_page


def test_page_titles_and_nav(shipped_site):
    home = shipped_site.html("index.html")
    assert "Textes" in home and "Acteurs" in home and "Chronologie" in home
    actor_index = shipped_site.html("actors/index.html")
    for actor in ANNOTATIONS["actors"]:
        assert (
            f'href="../actors/{actor["id"]}/"' in actor_index
            or f'href="{actor["id"]}/"' in actor_index
        )


def test_no_request_to_google_fonts(shipped_site):
    for page in shipped_site.site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text(encoding="utf-8"), page


def _site_digest(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


BROKEN_EDITS = {
    "yaml syntax": ("    name: Mark T. Esper\n", "    name: [Mark T. Esper\n", "YAML syntax error"),
    "duplicate key": (
        "    name: Mark T. Esper\n",
        "    name: Mark T. Esper\n    name: Esper\n",
        "duplicate key `name`",
    ),
    "duplicate id": (
        "  - id: milley-mal-formule\n",
        "  - id: milley-erreur-bonne-foi\n",
        "glosses[4].id: duplicate id `milley-erreur-bonne-foi`",
    ),
    "unknown field": (
        "    affiliation: Iran\n",
        "    afiliation: Iran\n",
        "unknown field `afiliation` (did you mean `affiliation`?)",
    ),
    "unknown actor": (
        "    speaker: esper\n",
        "    speaker: espr\n",
        "glosses[6].speaker: unknown actor id `espr` (did you mean `esper`?)",
    ),
    "invalid date": (
        "    date: 2020-01-05\n",
        "    date: 2020-01-32\n",
        "events[4].date: `2020-01-32`: January 2020 has no day 32",
    ),
    "missing file": (
        "    file: lettre-retrait-irak-ats.txt\n",
        "    file: lettre-retrait.txt\n",
        "sources[1].file: no file `lettre-retrait.txt`",
    ),
}


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    """A project with a good site/ built by the real `mkdocs` command."""
    from project_support import copy_project

    project = copy_project(tmp_path_factory.mktemp("cli") / "project")
    done = _mkdocs(project)
    assert done.returncode == 0, done.stderr
    return project


def _mkdocs(project: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("case", list(BROKEN_EDITS))
def test_broken_edit_fails_clearly_and_keeps_the_site(built_once, case):
    old, new, expected = BROKEN_EDITS[case]
    path = built_once / "dossier" / "annotations.yml"
    original = path.read_text(encoding="utf-8")
    assert old in original
    before = _site_digest(built_once / "site")
    try:
        broken = original.replace(old, new, 1)
        path.write_text(broken, encoding="utf-8")
        done = _mkdocs(built_once)
    finally:
        path.write_text(original, encoding="utf-8")
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert "Traceback" not in output
    (line,) = [ln for ln in output.splitlines() if "dossier/annotations.yml:" in ln]
    match = re.search(r"dossier/annotations\.yml:(\d+):\d+: ", line)
    assert match, line
    edited_line = original[: original.index(old)].count("\n") + 1
    assert edited_line <= int(match[1]) <= edited_line + new.count("\n") + 1
    assert expected in line
    assert _site_digest(built_once / "site") == before


def test_warnings_fail_strict_before_site_is_touched(project, build_project):
    good = build_project(project)
    assert good.error is None
    before = _site_digest(good.site)
    path = project / "dossier" / "annotations.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("fr: est mal formulé", "fr: est bien formulé"), "utf-8")
    result = build_project(project)
    assert result.error is not None
    assert any("site/ was left unchanged" in e for e in result.errors)
    (warning,) = [w for w in result.warnings if "glosses[" in w]
    assert "«est bien formulé» is not found in any quotation" in warning
    assert (
        "nearest passage: «est mal formulé» "
        "(dossier/sources/milley-lettre-envoyee-par-erreur.txt:11)" in warning
    )
    assert any("quotation «est mal formulé» has no gloss" in w for w in result.warnings)
    assert _site_digest(good.site) == before
    lenient = build_project(project, strict=False)
    assert lenient.error is None
