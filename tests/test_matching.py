"""Quotation detection and gloss matching: typographic variants match, wrong words never do."""

import pytest
from storydossier.matching import ActorTarget, GlossTarget, Matcher, Pattern, longest_first
from storydossier.normalise import normalise
from storydossier.quotes import find_quotations

GLOSS = Pattern(GlossTarget("g"), frozenset())


def hits(pattern_text: str, text: str, pattern: Pattern = GLOSS):
    matcher = Matcher([(pattern_text, pattern)])
    return [text[h.start : h.end] for h in matcher.scan(normalise(text), "s")]


@pytest.mark.parametrize(
    "variant",
    [
        "«C'était un projet (de lettre) non signé»",
        "«\u00a0C’était un projet (de lettre) non signé\u00a0»",
        "« C\u2019était un\u202fprojet (de lettre)\nnon signé »",
        "«C'e\u0301tait un projet (de lettre) non signe\u0301»",  # NFD accents
        "«c'était un projet (de lettre) non signé.»",
    ],
)
def test_typographic_variants_match_the_same_gloss(variant):
    found = hits("C'était un projet (de lettre) non signé", variant)
    assert len(found) == 1
    assert found[0].startswith(("C", "c")) and found[0].rstrip(".").endswith(
        ("signé", "signe\u0301")
    )


def test_trailing_stop_inside_or_outside_the_guillemets():
    assert hits(
        "implique un retrait. Ce n'est pas ce qui se passe.",
        "Cela «implique un retrait. Ce n'est pas ce qui se passe».",
    ) == ["implique un retrait. Ce n'est pas ce qui se passe"]


def test_never_matches_inside_a_longer_word():
    assert hits("sécurisé et efficace", "de manière sécurisée et efficace") == []
    assert hits("sécurisé et efficace", "Retrait «sécurisé et efficace»") == [
        "sécurisé et efficace"
    ]


def test_longest_alias_wins_and_counts_once():
    alias = Pattern(ActorTarget("milley"), frozenset())
    matcher = Matcher(
        [("le général Milley", alias), ("Milley", alias), ("le général Mark Milley", alias)]
    )
    text = "a dit le général Mark Milley, puis le général Milley."
    chosen = longest_first(matcher.scan(normalise(text), "s"))
    assert [text[h.start : h.end] for h in chosen] == [
        "le général Mark Milley",
        "le général Milley",
    ]


def test_source_restriction():
    restricted = Pattern(GlossTarget("g"), frozenset({"other"}))
    assert hits("repositionner", "«repositionner»", restricted) == []


def test_quotations_nested_interrupted_and_unbalanced():
    text = "Il a dit «A (...) B «C» D» puis «E» et «F."
    found, unbalanced = find_quotations(text, 0, len(text), 0)
    assert [text[q.inner_start : q.inner_end] for q in found] == ["A (...) B «C» D", "C", "E"]
    assert [q.depth for q in found] == [0, 1, 0]
    assert [(u.char, u.offset) for u in unbalanced] == [("«", text.index("«F"))]


def test_guillemet_spaces_are_outside_the_inner_text():
    text = "«\u00a0Nous respectons votre décision\u202f»"
    (quote,), _ = find_quotations(text, 0, len(text), 0)
    assert quote.inner(text) == "Nous respectons votre décision"


def test_a_match_never_cuts_a_letter_from_its_combining_mark():
    """Found by Hypothesis: `0` matched inside `0\u0301`."""
    assert hits("0", "«0\u0301»") == []
    assert hits("signe", "«signe\u0301»") == []
    assert hits("signé", "«signe\u0301»") == ["signe\u0301"]


def test_a_match_never_takes_part_of_one_folded_character():
    """Found by Hypothesis: `1` matched `¼`, which folds to `1⁄4`."""
    assert hits("1", "«¼»") == []
    assert hits("1⁄4", "«¼»") == ["¼"]
