"""Two editions from one record (issue 15), in the built HTML: every French page has an
English twin named by hreflang, in English (by `lang`), with an English interface, and
its source pages hold each English original inside the translated text; the editor's
mistakes with a translation come back as one message."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from project_support import REPO, replace_in_file

ANNOTATIONS = yaml.safe_load((REPO / "dossier" / "annotations.yml").read_text("utf-8"))
GLOSSES = {g["id"]: g for g in ANNOTATIONS["glosses"]}
MILLEY_EN = "dossier/translations/milley-lettre-envoyee-par-erreur.en.txt"
# our labels and Material's, as the French edition has them: none may be on an English page
FRENCH_INTERFACE = [
    "Dit par",
    "Fidélité",
    "Chronologie",
    "Acteurs",
    "Rechercher",
    "Citations",
    "Date de publication",
    "Passer au thème",
    "Lien vers",
]


def french_pages(site: Path) -> list[str]:
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] != "en" and p.name != "404.html"
    )


class _LangShare(HTMLParser):
    """Characters of the <article>'s visible text, by the language they are marked in."""

    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = [("html", page_lang, False)]
        self.chars: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            return
        values = dict(attrs)
        lang = values.get("lang") or (self.stack[-1][1] if self.stack else None)
        inside = tag == "article" or bool(self.stack and self.stack[-1][2])
        classes = (values.get("class") or "").split()
        # what a reader does not see unless asked: screen-reader text, and each block's
        # other-language twin (shown on a touch, or side by side on choice)
        hidden = (
            "hidden" in values
            or tag in ("script", "style")
            or bool({"dz-sr", "dz-twin"} & set(classes))
        )
        self.stack.append((tag, lang, inside and not hidden))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][2]:
            lang = self.stack[-1][1] or "?"
            self.chars[lang] = self.chars.get(lang, 0) + len("".join(data.split()))


def english_share(html: str) -> float:
    page_lang = re.search(r'<html lang="([a-z]+)"', html)
    parser = _LangShare(page_lang.group(1) if page_lang else "?")
    parser.feed(html[html.index("<article") :])
    total = sum(parser.chars.values())
    return parser.chars.get("en", 0) / total if total else 0.0


class _Said(HTMLParser):
    """The text inside `.dz-spoken` elements (the words actually said, in a translation)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth or "dz-spoken" in (dict(attrs).get("class") or "").split():
            self.depth += 1

    def handle_endtag(self, tag):
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def said_words(html: str) -> str:
    parser = _Said()
    parser.feed(html)
    return "".join(parser.parts)


def test_every_french_page_has_an_english_twin(shipped_site):
    site = shipped_site.site
    pages = french_pages(site)
    assert len(pages) >= 15
    for path in pages:
        twin = site / "en" / path
        assert twin.is_file(), path
        french, english = (site / path).read_text("utf-8"), twin.read_text("utf-8")
        assert '<html lang="fr"' in french and '<html lang="en"' in english, path
        url = path.removesuffix("index.html")
        assert re.search(
            rf'<link rel="alternate " hreflang="en" href="{re.escape(shipped_site.url)}en/'
            rf'{re.escape(url)}">',
            french,
        ), path
        assert re.search(
            rf'<link rel="alternate " hreflang="fr" href="{re.escape(shipped_site.url)}'
            rf'{re.escape(url)}">',
            english,
        ), path


def test_english_pages_read_in_english(shipped_site):
    site = shipped_site.site
    for path in french_pages(site):
        english = (site / "en" / path).read_text("utf-8")
        if "<article" not in english:
            continue
        share = english_share(english)
        assert share >= 0.8, (path, round(share, 2))
        for label in FRENCH_INTERFACE:
            assert label not in english, (path, label)


def test_twin_the_french_pages_read_in_french(shipped_site):
    """The same measure sees a page in the other language: French pages are not English."""
    html = shipped_site.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    assert english_share(html) < 0.5


def test_each_sitemap_names_both_editions(shipped_site):
    base = shipped_site.url
    french = (shipped_site.site / "sitemap.xml").read_text("utf-8")
    english = (shipped_site.site / "en" / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{base}sources/lettre-retrait-irak-ats/</loc>" in french
    assert f'hreflang="en" href="{base}en/sources/lettre-retrait-irak-ats/"' in french
    assert f"<loc>{base}en/sources/lettre-retrait-irak-ats/</loc>" in english
    assert f'hreflang="fr" href="{base}sources/lettre-retrait-irak-ats/"' in english
    # a <loc> is a page of that edition (Material's instant navigation follows them)
    assert f"<loc>{base}en/" not in french


@pytest.mark.parametrize("source_id", [s["id"] for s in ANNOTATIONS["sources"]])
def test_english_source_pages_hold_the_words_actually_said(shipped_site, source_id):
    html = shipped_site.html(f"en/sources/{source_id}/index.html")
    french = shipped_site.html(f"sources/{source_id}/index.html")
    glossed = set(re.findall(r'data-gloss="([a-z0-9-]+)"', french))
    assert glossed
    said = " ".join(said_words(html).replace('"', " ").split())
    for gloss_id in glossed:
        english = " ".join(GLOSSES[gloss_id]["en"].split()).rstrip(".")
        assert english in said, (source_id, gloss_id)
    assert "the dossier&#39;s translation, by the dossier&#39;s editors" in html


def test_search_indexes_each_edition_in_its_language(shipped_site):
    def docs(prefix: str) -> str:
        index = shipped_site.site / prefix / "search" / "search_index.json"
        return " ".join(d["text"] for d in json.loads(index.read_text("utf-8"))["docs"])

    assert "Two military officials, one American and one Iraqi" in docs("en")
    assert "Deux responsables militaires" in docs("")
    for prefix in ("", "en"):  # each index names its own edition's pages
        index = shipped_site.site / prefix / "search" / "search_index.json"
        locations = [d["location"] for d in json.loads(index.read_text("utf-8"))["docs"]]
        assert locations and not any(loc.startswith(("en/", "/", "http")) for loc in locations)


def test_a_misaligned_translation_names_both_files_and_the_block(project, build_project):
    line = replace_in_file(
        project / MILLEY_EN, '"There\'s been no decision whatsoever to leave Iraq"\n\n', ""
    )
    result = build_project(project)
    assert result.error is not None
    text = "dossier/sources/milley-lettre-envoyee-par-erreur.txt"
    assert result.errors == [
        f"{MILLEY_EN}:{line}: this translation does not follow {text} block by block: its "
        "block 5 («In this draft letter, General Seely explained to the Iraqi…») is a "
        f"paragraph where block 5 of {text} (line 9: ««Aucune décision n'a été prise de "
        "quitter l'Irak»») is a heading; translate each block of the text as one block "
        "(blocks are separated by a blank line, a heading is a short line of its own) "
        "(site/ was left unchanged)"
    ]
    assert not (project / "site" / "index.html").exists()  # nothing published


def test_twin_an_aligned_translation_builds(project, build_project):
    """The same edit made to both texts keeps them aligned: no error."""
    replace_in_file(
        project / MILLEY_EN, '"There\'s been no decision whatsoever to leave Iraq"\n\n', ""
    )
    replace_in_file(
        project / "dossier/sources/milley-lettre-envoyee-par-erreur.txt",
        "«Aucune décision n'a été prise de quitter l'Irak»\n\n",
        "",
    )
    result = build_project(project, strict=False)
    assert result.error is None, result.errors


def test_a_translation_that_retranslates_a_quotation_is_a_warning(project, build_project):
    line = replace_in_file(
        project / MILLEY_EN, '"It\'s an honest mistake."', '"It is an error made in good faith."'
    )
    result = build_project(project, strict=False)
    assert result.error is None, result.errors
    (warning,) = [w for w in result.warnings if "own words" in w]
    assert warning.startswith(f"storydossier: {MILLEY_EN}:{line}: block 2 gives «C'est une")
    assert "(gloss `milley-erreur-bonne-foi`)" in warning
    assert "write “It's an honest mistake” there, as said" in warning
    page = result.html("en/sources/milley-lettre-envoyee-par-erreur/index.html")
    # the reader is told what the French said, and the original
    assert "The translation does not give the English original here." in page


def test_a_text_without_translation_has_an_english_page_with_a_notice(project, build_project):
    replace_in_file(
        project / "dossier" / "annotations.yml",
        "    translation:\n      file: lettre-retrait-irak-ats.en.txt\n"
        "      translator: the dossier's editors\n",
        "    summary:\n      en: The US military command's letter, then Washington's denial.\n",
    )
    (project / "dossier" / "translations" / "lettre-retrait-irak-ats.en.txt").unlink()
    result = build_project(project)
    assert result.error is None, result.errors
    page = result.html("en/sources/lettre-retrait-irak-ats/index.html")
    assert "This text has no English translation yet" in page
    assert (
        '<p lang="en">The US military command&#39;s letter, then Washington&#39;s denial.</p>'
        in (page)
    )
    assert '<article class="dz-source" lang="fr"' in page
    assert '<span class="dz-card-en" lang="en">“We respect your sovereign decision' in page


def test_dossier_check_counts_untranslated_texts(project, capsys):
    from storydossier.cli import main

    assert main(["--folder", str(project / "dossier"), "check"]) == 0
    assert "2 texts, 0 without an English translation" in capsys.readouterr().err
    replace_in_file(
        project / "dossier" / "annotations.yml",
        "    translation:\n      file: lettre-retrait-irak-ats.en.txt\n"
        "      translator: the dossier's editors\n",
        "",
    )
    (project / "dossier" / "translations" / "lettre-retrait-irak-ats.en.txt").unlink()
    assert main(["--folder", str(project / "dossier"), "check"]) == 0
    assert "2 texts, 1 without an English translation" in capsys.readouterr().err


def test_an_undeclared_translation_is_named(project, build_project):
    (project / "dossier" / "translations" / "extra.en.txt").write_text("Words.\n", "utf-8")
    result = build_project(project)
    assert result.error is not None
    assert (
        "dossier/translations/extra.en.txt: this translation is not declared in annotations.yml"
    ) in " ".join(result.warnings)
