"""A large dossier: the navigation stays constant-size, pages stay complete."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from generate import generate
from storydossier.plugin import NAV_SOURCES_LIMIT


def test_nav_lists_the_sources_index_past_the_limit(tmp_path, build_project):
    n = NAV_SOURCES_LIMIT + 5
    project = generate(n, tmp_path / "big")
    result = build_project(project)
    assert result.error is None, result.errors[:3] + result.warnings[:3]
    page = result.html("sources/texte-3/index.html")
    start = page.index('<nav class="md-nav md-nav--primary"')
    nav = page[start : page.index("</nav>", start)]
    assert 'href="../"' in nav  # the sources index
    assert len(re.findall(r'href="\.\./texte-\d+/"', nav)) == 0
    index = result.html("sources/index.html")
    assert len(re.findall(r'href="texte-\d+/"', index)) == n
