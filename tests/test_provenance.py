"""Provenance a journalist can use: an outlet, a date, a headline and an archived copy,
not a bare domain; a mistake in a provenance record is one clear message."""

from __future__ import annotations

import json
import re

from project_support import load_problems, replace_in_file

MILLEY_GULF = (
    '      - {url: "https://gulfnews.com/world/mena/letter-on-iraq-pullout-sent-by-mistake-'
    'top-us-general-1.1578341839266", outlet: "Gulf News (AFP)"}\n'
)


def test_shipped_provenance_names_outlet_and_date(shipped_site):
    page = shipped_site.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    assert ">Gulf News (AFP)</a>" in page
    assert ">The Washington Post, 6 janvier 2020</a>" in page
    assert ">gulfnews.com</a>" not in page  # no bare domain where an outlet is known


def test_a_full_record_with_its_archive(project, build_project):
    replace_in_file(
        project / "dossier" / "annotations.yml",
        MILLEY_GULF,
        '      - {url: "https://example.org/story", outlet: Reuters, date: 2020-01-06,\n'
        '         headline: "Letter on Iraq pullout sent by mistake",\n'
        '         archive: "https://archive.example.org/story"}\n',
    )
    result = build_project(project)
    assert result.error is None, result.errors
    page = result.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    assert (
        '<a class="dz-provenance" href="https://example.org/story" rel="external noopener">'
        "Reuters, 6 janvier 2020 — Letter on Iraq pullout sent by mistake</a>"
    ) in page
    assert (
        '(<a class="dz-archive" href="https://archive.example.org/story" '
        'rel="external noopener">copie archivée</a>)'
    ) in page


def test_a_misspelt_field_of_a_record_is_named(project):
    line = replace_in_file(
        project / "dossier" / "annotations.yml",
        MILLEY_GULF,
        '      - {url: "https://example.org/story", outlt: Reuters}\n',
    )
    (message,) = load_problems(project)
    assert message.startswith(f"dossier/annotations.yml:{line}:")
    assert (
        "glosses[0].provenance[0].outlt: unknown field `outlt` (did you mean `outlet`?)" in message
    )


def test_a_record_with_a_script_address_is_refused(project):
    replace_in_file(
        project / "dossier" / "annotations.yml",
        MILLEY_GULF,
        '      - {url: "javascript:alert(1)", outlet: Reuters}\n',
    )
    (message,) = load_problems(project)
    assert "provenance[0].url: `javascript:alert(1)` is not a web address" in message


POST_CREDIT = '      - starts_with: ".@EsperDoD on Iraq"\n'


def test_shipped_posts_name_who_posted_them(shipped_site):
    page = shipped_site.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    captions = re.findall(r"<figcaption[^>]*>(.*?)</figcaption>", page, re.S)
    assert len(captions) == 2
    for caption in captions:
        assert "— un journaliste accrédité au Pentagone" in caption
        assert 'rel="external' not in caption  # the reference gives no address: none shown


def test_a_post_credit_with_its_address(project, build_project):
    replace_in_file(
        project / "dossier" / "annotations.yml",
        POST_CREDIT + '        author: {fr: "un journaliste accrédité au Pentagone", '
        'en: "a Pentagon reporter"}\n',
        POST_CREDIT
        + '        author: {fr: "Jane Doe (Agence X)", en: "Jane Doe (Agency X)"}\n'
        + '        url: "https://example.org/status/1"\n',
    )
    result = build_project(project)
    assert result.error is None, result.errors
    page = result.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    assert (
        '<span class="dz-post-by"> — Jane Doe (Agence X)</span> · '
        '<a href="https://example.org/status/1" rel="external noopener">le message</a>'
    ) in page
    exported = json.loads((result.site / "dossier.json").read_text("utf-8"))
    (milley,) = [s for s in exported["sources"] if s["id"] == "milley-lettre-envoyee-par-erreur"]
    assert milley["posts"][1] == {
        "starts_with": ".@EsperDoD on Iraq",
        "author": {"fr": "Jane Doe (Agence X)", "en": "Jane Doe (Agency X)"},
        "url": "https://example.org/status/1",
        "anchor": "post-esperdod-on-iraq-we-are-re",
    }


def test_twin_a_post_credit_that_starts_no_post_is_named(project, build_project):
    line = replace_in_file(
        project / "dossier" / "annotations.yml",
        POST_CREDIT,
        '      - starts_with: "@Esper on Iraq"\n',
    )
    result = build_project(project)
    assert result.error is not None
    assert result.warnings == [
        f"storydossier: dossier/annotations.yml:{line}:22: sources[0].posts[1].starts_with: "
        "no post quoted "
        "in `milley-lettre-envoyee-par-erreur.txt` starts with «@Esper on Iraq»; copy the "
        "post's first words as the text gives them"
    ]
