"""The same site under MkDocs and ProperDocs; edit links point at the dossier's files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from project_support import REPO

ANNOTATIONS = yaml.safe_load((REPO / "dossier" / "annotations.yml").read_text(encoding="utf-8"))


def _build(engine: str, project: Path, site: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--site-dir", site],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=180,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {str(p.relative_to(project / site)) for p in (project / site).rglob("*.html")}


def test_properdocs_builds_the_same_pages(project):
    with_mkdocs = _build("mkdocs", project, "site-mkdocs")
    with_properdocs = _build("properdocs", project, "site-properdocs")
    assert with_properdocs == with_mkdocs
    # an engine that silently skipped the plugin would lack these
    generated = {f"sources/{s['id']}/index.html" for s in ANNOTATIONS["sources"]}
    generated |= {f"actors/{a['id']}/index.html" for a in ANNOTATIONS["actors"]}
    generated |= {"actors/index.html", "chronology/index.html"}
    assert generated <= with_properdocs
    for name in ("dossier.json", "chronology.ics"):
        assert (project / "site-properdocs" / name).is_file()


def test_edit_links_point_to_the_yaml_or_the_text(project, build_project):
    path = project / "mkdocs.yml"
    path.write_text(
        path.read_text("utf-8").replace(
            "docs_dir: content\n",
            "docs_dir: content\nrepo_url: https://github.com/example/dossier\n"
            "edit_uri: edit/main/content/\n",
        ),
        "utf-8",
    )
    result = build_project(project)
    assert result.error is None, result.errors
    source = result.html("sources/lettre-retrait-irak-ats/index.html")
    assert (
        'href="https://github.com/example/dossier/edit/main/dossier/sources/'
        'lettre-retrait-irak-ats.txt"'
    ) in source
    actor = result.html("actors/milley/index.html")
    assert 'href="https://github.com/example/dossier/edit/main/dossier/annotations.yml"' in actor
    home = result.html("index.html")
    assert 'href="https://github.com/example/dossier/edit/main/content/index.md"' in home
