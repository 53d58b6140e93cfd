"""Source pages in the built HTML: every gloss complete, search, shared glosses, warnings."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
import yaml
from htmltext import visible_article_text
from project_support import REPO, without_translations

ANNOTATIONS = yaml.safe_load((REPO / "dossier" / "annotations.yml").read_text(encoding="utf-8"))
GLOSSES = {g["id"]: g for g in ANNOTATIONS["glosses"]}
SOURCES = [s["id"] for s in ANNOTATIONS["sources"]]


class _Glosses(HTMLParser):
    """Collect, for each glossed quotation, the tags and attributes inside it and inside
    its note (which follows the paragraph)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[tuple[str, dict[str, str | None]]]] = {}
        self.texts: dict[str, list[str]] = {}
        self.open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        gloss = None
        classes = (attributes.get("class") or "").split()
        if "dz-gloss" in classes and "id" in attributes:
            gloss = attributes["id"]
        elif "dz-note" in classes:
            gloss = attributes["id"].removesuffix("-details")
        if gloss is not None:
            self.found.setdefault(gloss, [])
            self.texts.setdefault(gloss, [])
        if tag not in ("br", "img", "input", "meta", "link"):
            self.open.append((tag, gloss))
        for _, current in self.open:
            if current:
                self.found[current].append((tag, attributes))

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        for _, current in self.open:
            if current:
                self.texts[current].append(data)


def glosses_of(html: str) -> _Glosses:
    parser = _Glosses()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("source_id", SOURCES)
def test_every_gloss_carries_both_languages_speaker_fidelity_and_provenance(
    shipped_site, source_id
):
    parsed = glosses_of(shipped_site.html(f"sources/{source_id}/index.html"))
    assert parsed.found, "no gloss on the page"
    labels = {
        "verbatim": "Traduction fidèle",
        "condensed": "Condensée",
        "paraphrase": "Paraphrase",
        "unverified": "Original non vérifié",
    }
    for anchor, tags in parsed.found.items():
        gloss = GLOSSES[
            anchor.removeprefix("q-").rsplit("-", 1)[0]
            if anchor.removeprefix("q-") not in GLOSSES
            else anchor.removeprefix("q-")
        ]
        text = " ".join("".join(parsed.texts[anchor]).split())
        langs = {a.get("lang") for _, a in tags}
        assert {"fr", "en"} <= langs, anchor
        assert gloss["en"] in text, anchor
        hrefs = [a.get("href") for t, a in tags if t == "a"]
        assert f"../../actors/{gloss['speaker']}/" in hrefs, anchor
        assert labels[gloss["fidelity"]] in text, anchor
        for entry in gloss["provenance"]:
            url = entry if isinstance(entry, str) else entry["url"]
            assert url in hrefs, (anchor, url)


def test_a_gloss_written_once_appears_in_both_texts(shipped_site):
    for gloss_id in (
        "milley-projet-non-signe",
        "milley-erreur-bonne-foi",
        "lettre-repositionner",
        "lettre-retrait-securise",
    ):
        for source_id in SOURCES:
            assert f'id="q-{gloss_id}"' in shipped_site.html(f"sources/{source_id}/index.html")


def test_coverage_and_furniture(shipped_site):
    html = shipped_site.html("sources/lettre-retrait-irak-ats/index.html")
    assert "8 citations sur 8 glosées" in html
    assert '<time datetime="2020-01">janvier 2020</time>' in html
    assert "(ats/nxp)" in html
    # the `date 2020-01` marker dates the text (above); as written, it is the
    # agency's internal mark, not for readers
    assert "date 2020-01" not in html
    assert 'href="../../actors/ats/"' in html
    html = shipped_site.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    assert "10 citations sur 10 glosées" in html


def test_gloss_links_to_the_embedded_post(shipped_site):
    html = shipped_site.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    assert 'id="post-esperdod-on-iraq-we-are-re"' in html
    segment = html[html.index('id="q-esper-etat-esprit-details"') :]
    segment = segment[: segment.index("dz-permalink")]
    assert 'href="#post-esperdod-on-iraq-we-are-re"' in segment


def test_search_finds_french_words_and_english_originals(shipped_site):
    index = json.loads((shipped_site.site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["fr", "en"]
    page = " ".join(
        d["text"]
        for d in index["docs"]  # one entry per section of the page
        if d["location"].startswith("sources/milley-lettre-envoyee-par-erreur/")
    )
    assert "redéploiement" in page
    assert "an honest mistake" in page
    assert "inconsistent with where we are right now" in page


def test_anchors_are_stable_when_a_paragraph_is_added_above(project, build_project):
    without_translations(project)  # the edit below is to the French alone
    before = build_project(project).html("sources/lettre-retrait-irak-ats/index.html")
    path = project / "dossier" / "sources" / "lettre-retrait-irak-ats.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("L'armée", "Un paragraphe ajouté en tête.\n\nL'armée", 1), encoding="utf-8"
    )
    after = build_project(project).html("sources/lettre-retrait-irak-ats/index.html")
    ids = re.compile(r'id="((?:p|h|q|post)-[^"]+)"')
    assert set(ids.findall(before)) <= set(ids.findall(after))
    assert len(set(ids.findall(after)) - set(ids.findall(before))) == 1


def test_ambiguous_alias_is_a_warning(project, build_project):
    path = project / "dossier" / "annotations.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("fr: [le chef du Pentagone,", "fr: [Washington, le chef du Pentagone,"),
        encoding="utf-8",
    )
    result = build_project(project, strict=False)
    (warning,) = [w for w in result.warnings if "several actors" in w]
    assert re.match(r"storydossier: dossier/annotations\.yml:\d+:\d+: ", warning)
    assert "alias «Washington» may name several actors (esper, us-government) in «" in warning
    # the editor sees the sentence and its place
    assert "que Washington était en train d" in warning
    assert "(dossier/sources/milley-lettre-envoyee-par-erreur.txt:11)" in warning
    assert "list the phrase under `not_in:`" in warning


def test_no_original_marks_a_quotation_instead_of_a_gloss(project, build_project):
    path = project / "dossier" / "annotations.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: milley-mal-formule\n")
    end = text.index("  - id: milley-implique-retrait\n")
    text = text[:start] + text[end:]
    path.write_text(text, encoding="utf-8")
    result = build_project(project, strict=False)
    (warning,) = [w for w in result.warnings if "has no gloss" in w]
    assert "dossier/sources/milley-lettre-envoyee-par-erreur.txt:11:" in warning
    assert "quotation «est mal formulé» has no gloss" in warning
    text = text.replace(
        "events:\n",
        "no_original:\n  - fr: est mal formulé\n    reason: {fr: Essai, en: Test}\n\nevents:\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    result = build_project(project)
    assert result.error is None, result.errors
    html = result.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    assert "«est mal formulé»Pas d'original anglais : Essai" in visible_article_text(html)


def test_a_nested_quotation_keeps_its_own_gloss(project, build_project):
    without_translations(project)  # the edit below is to the French alone
    source = project / "dossier" / "sources" / "lettre-retrait-irak-ats.txt"
    source.write_text(
        source.read_text("utf-8").replace(
            "«Nous respectons votre décision souveraine qui ordonne notre départ»",
            "«Nous respectons votre «décision souveraine» qui ordonne notre départ»",
        ),
        "utf-8",
    )
    path = project / "dossier" / "annotations.yml"
    path.write_text(
        path.read_text("utf-8")
        .replace(
            "    fr: Nous respectons votre décision souveraine qui ordonne notre départ\n",
            "    fr: Nous respectons votre «décision souveraine» qui ordonne notre départ\n",
        )
        .replace(
            "\nevents:\n",
            """
  - id: decision-souveraine
    fr: décision souveraine
    en: sovereign decision
    speaker: seely
    provenance: [https://nationalpost.com/news/world/u-s-led-coalition-says-it-will-withdraw-from-iraq-letter]
    fidelity: verbatim

events:
""",
            1,
        ),
        "utf-8",
    )
    result = build_project(project)
    assert result.error is None, result.errors + result.warnings
    html = result.html("sources/lettre-retrait-irak-ats/index.html")
    outer = html[html.index('id="q-lettre-decision-souveraine"') :]
    assert 'id="q-decision-souveraine"' in outer[: outer.index("dz-toggle")]
    assert "9 citations sur 9 glosées" in html


def test_a_mention_right_after_another_is_set_apart(shipped_site):
    """«la presse le général Milley»: two links with only a space between read as one;
    the second is marked so the page can set it apart. A comma between is enough."""
    html = shipped_site.html("sources/milley-lettre-envoyee-par-erreur/index.html")
    presse = html.index(">la presse</a>")
    after = html[presse : presse + 200]
    assert re.search(
        r'^>la presse</a> <a class="dz-mention dz-mention-next" href="[^"]+">le', after
    )
    chef = html.index(">le chef d&#39;état-major américain</a>")
    assert html[chef : chef + 80].startswith(
        '>le chef d&#39;état-major américain</a>, <a class="dz-mention" href'
    )
