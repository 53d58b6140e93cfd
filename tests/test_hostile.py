"""Hostile and faulty input: every case fails with a clear file:line message or builds with
the content shown safely; nothing crashes, is silently dropped, runs, or escapes the dossier."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
import yaml
from htmltext import visible_article_text
from project_support import REPO, load_problems, replace_in_file, without_translations

ATS = "dossier/sources/lettre-retrait-irak-ats.txt"


def annotations(project: Path) -> Path:
    return project / "dossier" / "annotations.yml"


replace = replace_in_file


def problems(project: Path) -> list[str]:
    """The editor's messages, none of them a traceback."""
    messages = load_problems(project)
    assert not [m for m in messages if "Traceback" in m], messages
    return messages


def all_html(site: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in site.rglob("*.html"))


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


# --- 1. injection -----------------------------------------------------------------------------

PAYLOAD = (
    "<script>alert(1)</script><img src=x onerror=alert(2)></textarea>"
    "{{ 7*7 }}{% raw %}[lien](javascript:alert(3))<b>gras</b>"
)
QUOTED = json.dumps(PAYLOAD, ensure_ascii=False)  # a YAML double-quoted scalar


def test_injection_in_every_text_field_is_shown_as_text(project, build_project):
    path = annotations(project)
    text = path.read_text("utf-8")
    for old in (
        "    fr: La lettre Seely, 6 janvier 2020\n",
        "      fr: Les États-Unis démentent la lettre annonçant leur retrait d'Irak\n",
        "    name: Mark T. Esper\n",
        "    affiliation: Iran\n",
        "      fr: Secrétaire à la Défense des États-Unis, « chef du Pentagone », au moment "
        "de la lettre.\n",
        "    en: It's an honest mistake\n",
        "      fr: Paraphrase entre guillemets, pas une citation mot pour mot.\n",
        "      fr: Des milliers de manifestants pro-iraniens attaquent l'ambassade "
        "américaine à Bagdad\n",
        "      fr: Une résolution non contraignante.\n",
    ):
        assert old in text, old
        key = old.split(":")[0]
        text = text.replace(old, f"{key}: {QUOTED}\n", 1)
    text = text.replace('where: {fr: "Au Pentagone, devant la presse"', f"where: {{fr: {QUOTED}", 1)
    path.write_text(text, "utf-8")
    source = project / ATS
    source.write_text(
        source.read_text("utf-8").replace("La veille,", f"{PAYLOAD} La veille,", 1), "utf-8"
    )
    result = build_project(project, strict=False)
    assert result.error is None, result.errors
    html = all_html(result.site)
    for live in ("<script>alert", "<img src=x", "</textarea>", "<b>gras</b>", 'href="javascript:'):
        assert live not in html, live
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 8
    for page in (
        "actors/esper/index.html",
        "sources/lettre-retrait-irak-ats/index.html",
        "chronology/index.html",
    ):
        shown = visible_article_text(result.html(page))
        assert "{{ 7*7 }}{% raw %}[lien](javascript:alert(3))<b>gras</b>" in shown, page
    title = result.html("sources/lettre-retrait-irak-ats/index.html").split("<title>")[1]
    assert title.startswith("&lt;script&gt;alert(1)")
    data = json.loads((result.site / "dossier.json").read_text("utf-8"))
    assert data["title"]["fr"] == PAYLOAD  # the data export keeps the text as data


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>x</script>",
        "ftp://example.org/x",
        "https://exa mple.org/",
    ],
)
def test_only_web_addresses_are_accepted(project, url):
    replace(
        annotations(project),
        '      - {url: "https://en.trend.az/world/arab/3173452.html", outlet: "Trend"}\n',
        f"      - {json.dumps(url)}\n",
    )
    (message,) = problems(project)
    assert message.startswith("dossier/annotations.yml:")
    assert "glosses[12].provenance[1]:" in message


# --- 2. paths ---------------------------------------------------------------------------------


@pytest.mark.parametrize("file", ["../../etc/passwd", "/etc/passwd", "../annotations.yml"])
def test_source_paths_outside_the_folder_are_refused(project, file):
    replace(annotations(project), "    file: lettre-retrait-irak-ats.txt\n", f"    file: {file}\n")
    (message,) = problems(project)
    assert f"sources[1].file: `{file}` must be a file name inside dossier/sources/" in message


def test_symlink_out_of_the_dossier_is_refused(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Texte secret hors du dossier.", "utf-8")
    (project / "dossier" / "sources" / "lien.txt").symlink_to(secret)
    replace(annotations(project), "    file: lettre-retrait-irak-ats.txt\n", "    file: lien.txt\n")
    (message,) = problems(project)
    assert "sources[1].file: `lien.txt` is a link to a file outside dossier/sources/" in message


# --- 3. YAML traps ----------------------------------------------------------------------------


def test_syntax_error_on_the_first_line(project):
    path = annotations(project)
    path.write_text("dossier: [\n" + path.read_text("utf-8"), "utf-8")
    (message,) = problems(project)
    assert message.startswith("dossier/annotations.yml:") and "YAML syntax error" in message


def test_syntax_error_on_the_last_line(project):
    path = annotations(project)
    text = path.read_text("utf-8") + '      - {source: x, phrase: "non fermé\n'
    path.write_text(text, "utf-8")
    (message,) = problems(project)
    last = text.count("\n")
    assert message.startswith("dossier/annotations.yml:")
    assert abs(int(message.split(":")[1]) - last) <= 1


def test_tabs(project):
    replace(annotations(project), "    name: Mark T. Esper\n", "\tname: Mark T. Esper\n")
    (message,) = problems(project)
    assert "tab character found: YAML indentation must use spaces" in message


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("dossier:\n", "sources: []\ndossier:\n", "sources"),
        ("    kind: person\n", "    kind: person\n    kind: group\n", "kind"),
        (
            "    fr: La lettre Seely, 6 janvier 2020\n",
            "    fr: La lettre Seely, 6 janvier 2020\n    fr: Autre titre\n",
            "fr",
        ),
        (
            "      - {source: lettre-retrait-irak-ats, phrase: La veille}",
            "      - {source: lettre-retrait-irak-ats, phrase: La veille, phrase: lundi}",
            "phrase",
        ),
    ],
)
def test_duplicate_keys_at_every_level(project, old, new, key):
    replace(annotations(project), old, new)
    messages = problems(project)
    assert any(f"duplicate key `{key}`" in m for m in messages), messages


def test_billion_laughs_is_refused_at_once(project):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    annotations(project).write_text("\n".join(lines) + "\n", "utf-8")
    start = time.perf_counter()
    (message,) = problems(project)
    assert time.perf_counter() - start < 1.0
    assert "YAML aliases (`*name`) are not allowed" in message
    assert message.startswith("dossier/annotations.yml:2:")


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system [echo pwned]",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
    ],
)
def test_python_and_other_tags_are_refused(project, tag):
    replace(annotations(project), "    name: Mark T. Esper\n", f"    name: {tag}\n")
    (message,) = problems(project)
    assert "is not allowed: annotations hold only text, lists and mappings" in message


@pytest.mark.parametrize("content", ["", "# rien que des commentaires\n# encore\n", "\n\n   \n"])
def test_empty_or_comment_only_file(project, content):
    annotations(project).write_text(content, "utf-8")
    (message,) = problems(project)
    assert message == (
        "dossier/annotations.yml:1:1: the file is empty: it needs at least "
        "`dossier:` and `sources:`"
    )


def test_ten_megabyte_file_is_answered_at_once(project):
    path = annotations(project)
    path.write_text(path.read_text("utf-8") + ("# " + "x" * 98 + "\n") * 110_000, "utf-8")
    start = time.perf_counter()
    (message,) = problems(project)
    assert time.perf_counter() - start < 2.0
    assert re.search(r"the file is 1\d\.\d MB; annotations are limited to 5 MB", message)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("dossier:\n  title:", "dossier: [a, b]\nx:\n  title:", "dossier: expected a mapping"),
        ("sources:\n", "sources:\n  id: x\nold_sources:\n", "sources: expected a list"),
        ("    name: Mark T. Esper\n", "    name: [Mark, Esper]\n", "actors[1].name: expected text"),
        (
            "    aliases:\n      fr: [le chef du Pentagone",
            "    aliases:\n      fr: {a: le chef du Pentagone}\n      x: [le chef du Pentagone",
            "actors[1].aliases.fr: expected a list",
        ),
        ("    fidelity: verbatim\n", "    fidelity: true\n", "`true` (a yes/no value"),
    ],
)
def test_wrong_types_are_named(project, old, new, expected):
    replace(annotations(project), old, new)
    messages = problems(project)
    assert any(expected in m for m in messages), messages


def test_top_level_list_instead_of_mapping(project):
    annotations(project).write_text("- dossier\n- sources\n", "utf-8")
    (message,) = problems(project)
    assert "must be a mapping starting with `dossier:`" in message


# --- 4. text traps ----------------------------------------------------------------------------


def _rebuild_ats(project: Path, build_project, transform, strict=True):
    source = project / ATS
    source.write_bytes(transform(source.read_bytes()))
    return build_project(project, strict=strict)


def test_bom_crlf_and_lone_cr(project, build_project):
    result = _rebuild_ats(
        project,
        build_project,
        lambda b: "\ufeff".encode() + b.replace(b"\n", b"\r\n", 3).replace(b"\n\n", b"\r\r"),
    )
    assert result.error is None, result.errors
    html = result.html("sources/lettre-retrait-irak-ats/index.html")
    assert "\ufeff" not in html and "\r" not in html
    assert "8 citations sur 8 glosées" in html


def test_nfd_and_zero_width_characters_still_match(project, build_project):
    def transform(raw: bytes) -> bytes:
        text = unicodedata.normalize("NFD", raw.decode("utf-8"))
        return text.replace("souveraine", "souve\u200braine").encode("utf-8")

    result = _rebuild_ats(project, build_project, transform)
    assert result.error is None, result.errors + result.warnings
    assert "8 citations sur 8 glosées" in result.html("sources/lettre-retrait-irak-ats/index.html")


def test_bidi_controls_are_a_warning(project, build_project):
    result = _rebuild_ats(
        project,
        build_project,
        lambda b: b.replace(b"La veille", "La \u202eveille".encode(), 1),
        strict=False,
    )
    (warning,) = [w for w in result.warnings if "bidirectional" in w]
    assert f"{ATS}:7:4: invisible bidirectional control character U+202E" in warning


def test_empty_text(project, build_project):
    without_translations(project)  # the edit below is to the French alone
    result = _rebuild_ats(project, build_project, lambda b: b"", strict=False)
    assert result.error is None
    assert any(f"{ATS}: this text is empty" in w for w in result.warnings)
    assert (result.site / "sources" / "lettre-retrait-irak-ats" / "index.html").is_file()


def test_twenty_megabyte_text_is_refused_at_once(project):
    (project / ATS).write_bytes(("Un paragraphe. " * 64 + "\n\n").encode() * 21_000)
    start = time.perf_counter()
    (message,) = problems(project)
    assert time.perf_counter() - start < 2.0
    assert "sources[1].file: `lettre-retrait-irak-ats.txt` is larger than 5 MB" in message


def test_unbalanced_guillemet(project, build_project):
    result = _rebuild_ats(
        project,
        build_project,
        lambda b: b.replace("Retrait «sécurisé".encode(), "Retrait «sécurisé «".encode()),
        strict=False,
    )
    assert result.error is None
    assert any(f"{ATS}:9:" in w and "unbalanced `«`" in w for w in result.warnings)


def test_quotation_of_five_thousand_characters(project, build_project):
    without_translations(project)  # the edit below is to the French alone
    long_quote = "«" + ("mot " * 1250).strip() + "»"
    result = _rebuild_ats(
        project, build_project, lambda b: b + f"\n\nIl a dit {long_quote}.".encode(), strict=False
    )
    assert result.error is None
    assert any("has no gloss" in w and "mot mot" in w for w in result.warnings)
    assert long_quote in result.html("sources/lettre-retrait-irak-ats/index.html")


# --- 5. faults --------------------------------------------------------------------------------


def test_site_not_writable(project):
    (project / "blocker").write_text("a file where the site folder should be", "utf-8")
    done = cli(project, "-m", "mkdocs", "build", "--strict", "--site-dir", "blocker/site")
    assert done.returncode == 1
    assert "cannot write the site to blocker/site: Not a directory" in done.stdout + done.stderr


# --- 7. nothing lost --------------------------------------------------------------------------


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path, value


def test_every_field_given_reaches_the_export(shipped_site):
    data = yaml.load(
        (REPO / "dossier" / "annotations.yml").read_text("utf-8"), Loader=yaml.BaseLoader
    )  # every scalar as the editor wrote it
    exported = (shipped_site.site / "dossier.json").read_text("utf-8")
    exported_text = json.dumps(json.loads(exported), ensure_ascii=False)
    missing = [
        path
        for path, value in _leaves(data)
        if json.dumps(value, ensure_ascii=False)[1:-1] not in exported_text
    ]
    assert missing == []
