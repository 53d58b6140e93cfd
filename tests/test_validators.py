"""The Nu HTML Checker on every built page: no error in the markup we produce."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from project_support import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors in Material for MkDocs' own templates (9.x), not in anything the plugin writes:
# its drawer and search toggles are checkboxes with `autocomplete="off"`, and one of its
# labels has `tabindex=""`. Both come from material/templates/partials/*.html.
MATERIAL_ERRORS = [
    re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
    re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
]


def nu_errors(files: list[Path]) -> list[str]:
    assert shutil.which("java"), "a Java runtime is needed (scripts/test.sh installs one)"
    assert VNU.is_file(), "run `npm ci` (scripts/test.sh does)"
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [
        f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and not any(p.match(m["message"]) for p in MATERIAL_ERRORS)
    ]


@pytest.mark.validator
def test_no_nu_error_in_our_markup(shipped_site):
    pages = sorted(shipped_site.site.rglob("*.html"))
    assert len(pages) > 20
    assert nu_errors(pages) == []


@pytest.mark.validator
def test_nu_check_can_fail(tmp_path):
    broken = tmp_path / "site" / "broken.html"
    broken.parent.mkdir()
    broken.write_text(
        '<!doctype html><html lang="fr"><head><title>x</title></head><body>'
        '<p id="a">one<div>block in p</div></p><span id="a"></span>'
        "</body></html>",
        "utf-8",
    )
    errors = nu_errors([broken])
    assert any("Duplicate ID “a”" in e for e in errors)
    assert any("No “p” element in scope" in e for e in errors)
