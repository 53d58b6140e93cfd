"""The text parser on the two shipped agency texts and on the shapes agency copy takes."""

import itertools
from pathlib import Path

import pytest
from storydossier.language import guess_language
from storydossier.texts import parse_text

SOURCES = Path(__file__).resolve().parent.parent / "dossier" / "sources"
MILLEY = (SOURCES / "milley-lettre-envoyee-par-erreur.txt").read_text(encoding="utf-8")
ATS = (SOURCES / "lettre-retrait-irak-ats.txt").read_text(encoding="utf-8")
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/ is beside the checkout in CI and here")
def test_sources_are_the_seeds_byte_for_byte():
    assert (SOURCES / "milley-lettre-envoyee-par-erreur.txt").read_bytes() == (
        SEEDS / "000_a4d4dd356bd95547.txt"
    ).read_bytes()
    assert (SOURCES / "lettre-retrait-irak-ats.txt").read_bytes() == (
        SEEDS / "001_cd14505840c88b9d.txt"
    ).read_bytes()


@pytest.mark.parametrize("text", [MILLEY, ATS], ids=["milley", "ats"])
def test_parsing_is_lossless(text):
    parsed = parse_text(text)
    assert parsed.rebuilt() == text
    covered = sorted((p.start, p.end) for p in parsed.pieces)
    assert covered[0][0] == 0 and covered[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(covered))


def test_date_marker_and_credit_become_metadata():
    parsed = parse_text(ATS)
    assert parsed.date_marker == "2020-01"
    assert parsed.marker_text.strip() == "date 2020-01"
    assert parsed.credit == "ats/nxp"
    assert not parsed.blocks[0].text.startswith("date")
    assert parsed.blocks[0].text.startswith("L'armée américaine")
    assert parsed.blocks[-1].text.endswith("dans la région.")


def test_subheadings_are_headings():
    headings = [b.text for b in parse_text(MILLEY).blocks if b.kind == "heading"]
    assert headings == ["«Aucune décision n'a été prise de quitter l'Irak»"]
    headings = [b.text for b in parse_text(ATS).blocks if b.kind == "heading"]
    assert headings == ["Retrait «sécurisé et efficace»"]


def test_embedded_english_posts_are_recognised():
    posts = [b for b in parse_text(MILLEY).blocks if b.kind == "post"]
    assert [p.lang for p in posts] == ["en", "en"]
    assert posts[0].text.startswith("NEW: Gen. Milley just came back")
    assert posts[1].text.startswith(".@EsperDoD on Iraq:")
    assert all(b.lang == "fr" for b in parse_text(ATS).blocks)


def test_language_can_be_overridden():
    parsed = parse_text(MILLEY, overrides={"NEW: Gen. Milley": "fr"})
    first_post = next(b for b in parsed.blocks if b.text.startswith("NEW:"))
    assert (first_post.lang, first_post.kind) == ("fr", "paragraph")


def test_crlf_and_lone_cr_are_read_as_newlines():
    text = "Premier paragraphe de la dépêche.\r\n\r\nIntertitre\r\rDernier paragraphe, fin."
    parsed = parse_text(text)
    assert [b.kind for b in parsed.blocks] == ["paragraph", "heading", "paragraph"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("That letter is a draft, it was a mistake, it should not have been released.", "en"),
        ("Le but était un retrait de l'Irak, selon une lettre dont l'AFP avait une copie.", "fr"),
        ("Retrait", None),
    ],
)
def test_guess_language(text, lang):
    assert guess_language(text) == lang
