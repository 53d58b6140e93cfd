"""Each form of French press copy the parser reads, one rule per test, each with a twin.

Unit tests over `quotes`, `incises` and `datelines` on short texts written in the forms
agencies use; the second dossier (test_second_dossier.py) shows them in full dispatches.
"""

from __future__ import annotations

import pytest
from storydossier.datelines import find_dateline
from storydossier.quotes import find_in_blocks, find_quotations
from storydossier.texts import parse_text


def quoted(text: str) -> list[tuple[str, str, int]]:
    """(mark, words, depth) of each quotation of a one-paragraph text."""
    found, unbalanced = find_quotations(text, 0, len(text), 0)
    assert unbalanced == []
    return [(q.mark, q.inner(text), q.depth) for q in found]


@pytest.mark.parametrize(
    "text",
    [
        "Il a dit «nous partons» hier.",
        "Il a dit « nous partons » hier.",  # no-break spaces
        "Il a dit «\u202fnous partons\u202f» hier.",  # narrow no-break spaces
        "Il a dit “nous partons” hier.",
        'Il a dit "nous partons" hier.',
    ],
)
def test_every_mark_at_top_level(text):
    assert [(words, depth) for _, words, depth in quoted(text)] == [("nous partons", 0)]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("«Il a lu “nous venons en paix” hier»", ("“", "nous venons en paix")),
        ("«Il a lu ‹nous venons en paix› hier»", ("‹", "nous venons en paix")),
        ('«Il a lu "nous venons en paix" hier»', ('"', "nous venons en paix")),
        ("«Il a lu «nous venons en paix» hier»", ("«", "nous venons en paix")),
    ],
)
def test_a_nested_quotation_is_one_of_its_own(text, inner):
    outer, nested = quoted(text)
    assert outer[0] == "«" and outer[2] == 0
    assert (nested[0], nested[1], nested[2]) == (*inner, 1)


@pytest.mark.parametrize(
    "text",
    [
        "L'homme n'a pas dit qu'il partirait aujourd'hui.",  # apostrophes
        'Un écran de 12" ou de 14" suffit.',  # inch marks
        "Il mesure 5'11\" selon sa fiche.",
    ],
)
def test_no_false_quotation(text):
    assert quoted(text) == []


def test_an_english_paragraph_holds_no_quotation():
    text = 'Le texte.\n\nHe said "we are leaving" and it\'s a "draft".\n\nLa suite.'
    parsed = parse_text(text)
    assert [b.lang for b in parsed.blocks] == ["fr", "en", "fr"]
    french = [(i, b.start, b.end) for i, b in enumerate(parsed.blocks) if b.lang == "fr"]
    assert find_in_blocks(parsed.text, french)[0] == []


CONTINUED = (
    "«Nous partons demain, et nous ne reviendrons pas.\n\n"
    "«Nous l'avons décidé ensemble», a-t-il conclu."
)


def test_a_quotation_continued_over_paragraphs():
    found, unbalanced = find_in_blocks(CONTINUED, _blocks(CONTINUED), frozenset({0, 1}))
    assert unbalanced == []
    (quote,) = found
    assert len(quote.segments) == 2
    assert quote.inner(CONTINUED) == (
        "Nous partons demain, et nous ne reviendrons pas. Nous l'avons décidé ensemble"
    )


def test_twin_a_heading_does_not_continue_a_quotation():
    """The same text where the first block is a heading: the « there pairs with nothing."""
    found, unbalanced = find_in_blocks(CONTINUED, _blocks(CONTINUED), frozenset({1}))
    assert [u.char for u in unbalanced] == ["«"]
    assert [q.inner(CONTINUED) for q in found] == ["Nous l'avons décidé ensemble"]


def _blocks(text: str) -> list[tuple[int, int, int]]:
    second = text.index("\n\n") + 2
    return [(0, 0, second - 2), (1, second, len(text))]


@pytest.mark.parametrize(
    ("text", "words", "incise"),
    [
        (
            "«Nous ne partirons pas, a-t-il dit, avant la fin de l'année»",
            "Nous ne partirons pas avant la fin de l'année",
            ", a-t-il dit,",
        ),
        ("«C'est fini, poursuit-il, pour de bon»", "C'est fini pour de bon", ", poursuit-il,"),
        ("«C'est fini, selon lui, pour de bon»", "C'est fini pour de bon", ", selon lui,"),
        (
            "«Rien n'est joué, ajoute le ministre, tout reste possible»",
            "Rien n'est joué tout reste possible",
            ", ajoute le ministre,",
        ),
        (
            "«Rien n'est joué, a déclaré M. Dupont lundi, tout reste possible»",
            "Rien n'est joué tout reste possible",
            ", a déclaré M. Dupont lundi,",
        ),
        (
            "«Nous partons, estime-t-elle. La suite viendra»",
            "Nous partons. La suite viendra",
            ", estime-t-elle",
        ),
    ],
)
def test_an_incise_is_narration(text, words, incise):
    (quote,) = find_quotations(text, 0, len(text), 0)[0]
    assert quote.inner(text) == words
    assert [text[a:b] for a, b in quote.incises] == [incise]


@pytest.mark.parametrize(
    "text",
    [
        "«Par respect pour la souveraineté, et comme demandé par le Parlement, nous partons»",
        "«Nous partons, dans le calme et la dignité, vers le nord»",
        "«La France, le Royaume-Uni et l'Allemagne, réunis à Paris, ont signé»",
    ],
)
def test_twin_a_clause_between_commas_is_not_always_an_incise(text):
    (quote,) = find_quotations(text, 0, len(text), 0)[0]
    assert quote.incises == ()
    assert quote.inner(text) == text[1:-1]


@pytest.mark.parametrize(
    ("line", "place", "country", "agency", "date"),
    [
        (
            "BERLIN (Allemagne), 9 nov 1989 (AFP) - Le mur",
            "BERLIN",
            "Allemagne",
            "AFP",
            "1989-11-09",
        ),
        ("PARIS, 9 novembre (Reuters) - Le", "PARIS", None, "Reuters", None),
        ("WASHINGTON (AFP) - Le", "WASHINGTON", None, "AFP", None),
        ("GENÈVE, 1er mars 2021 (ATS) - Le", "GENÈVE", None, "ATS", "2021-03-01"),
        ("BRUXELLES 12/03/2020 (BELGA) = Le", "BRUXELLES", None, "BELGA", "2020-03-12"),
        ("NEW YORK, 3 janv 2020 (AP) — Le", "NEW YORK", None, "AP", "2020-01-03"),
    ],
)
def test_datelines_of_the_main_agencies(line, place, country, agency, date):
    dateline = find_dateline(line, 0, len(line))
    assert dateline is not None
    assert (dateline.place, dateline.country, dateline.agency, dateline.edtf()) == (
        place,
        country,
        agency,
        date,
    )
    assert line[dateline.end :] == "Le" or line[dateline.end :].startswith("Le")


@pytest.mark.parametrize(
    "line",
    [
        "Le ministre (PS) a parlé.",  # a party in parentheses is not an agency dateline
        "Selon l'AFP, rien n'est joué.",
        "PARIS est une ville.",
    ],
)
def test_twin_no_dateline_in_prose(line):
    assert find_dateline(line, 0, len(line)) is None


@pytest.mark.parametrize(
    ("ending", "credit"),
    [
        ("Fin du texte. (ats/afp/bc)", "ats/afp/bc"),
        ("Fin du texte. (AFP)", "AFP"),
        ("Fin du texte.\n\nafp/jm", "afp/jm"),
        ("Fin du texte.\n\njm/ib", "jm/ib"),
        ("Fin du texte.\n\n© AFP", "© AFP"),
        ("Fin du texte.\n\n-- Reuters", "-- Reuters"),
        (
            "Fin du texte.\n\n(Reportage Jean Dupont; version française Marie Durand)",
            "(Reportage Jean Dupont; version française Marie Durand)",
        ),
    ],
)
def test_credits_of_the_main_agencies(ending, credit):
    parsed = parse_text("PARIS (AFP) - Début du texte.\n\n" + ending)
    assert parsed.credit == credit
    assert parsed.blocks[-1].text.endswith("Fin du texte.")
    assert parsed.rebuilt() == parsed.text


@pytest.mark.parametrize(
    "ending",
    [
        "Il a conclu (en riant).",  # a sentence in parentheses is prose
        "Fin du texte.\n\n(Il avait 82 ans.)",
        "La liste A/B reste ouverte.",
    ],
)
def test_twin_prose_is_not_a_credit(ending):
    parsed = parse_text("Début du texte.\n\n" + ending)
    assert parsed.credit is None
