"""The language of short lines: measured on tests/data/short_lines.tsv, 60 short French
and English lines as agency copy carries them (transcript lines, one-line posts,
headings, subheadings).

The function-word heuristic alone cannot tell most of them (it abstains); with
py3langid, every line it is sure of is right, and the few it is not sure of keep the
text's language and are reported to the editor (who says which with `blocks:`).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from storydossier.language import block_language, guess_language

LINES = Path(__file__).resolve().parent / "data" / "short_lines.tsv"


def rows() -> list[tuple[str, str]]:
    with LINES.open(encoding="utf-8") as handle:
        return [(r["lang"], r["line"]) for r in csv.DictReader(handle, delimiter="\t")]


def test_the_set_has_both_languages():
    langs = [lang for lang, _ in rows()]
    assert langs.count("fr") >= 30 and langs.count("en") >= 30


def test_function_words_alone_tell_few_short_lines():
    """Why a model is used: the heuristic abstains on most short lines."""
    told = [guess_language(line) for _, line in rows()]
    assert sum(t is not None for t in told) <= len(told) // 4
    assert all(t is None or t == lang for t, (lang, _) in zip(told, rows(), strict=True))


@pytest.mark.parametrize("default", ["fr", "en"])
def test_every_sure_answer_is_right_and_few_are_unsure(default):
    results = [(lang, *block_language(line, default)) for lang, line in rows()]
    wrong = [(lang, got) for lang, got, sure in results if sure and got != lang]
    unsure = [lang for lang, _got, sure in results if not sure]
    assert wrong == []
    assert len(unsure) <= 8, unsure
    sure_right = sum(1 for lang, got, sure in results if sure and got == lang)
    print(f"default {default}: {sure_right}/{len(results)} sure and right, {len(unsure)} unsure")


def test_transcript_lines_are_english():
    for line in (
        "Armstrong: Houston, Tranquility Base here. The Eagle has landed.",
        "Milley: It was a mistake.",
        "Reporter: Is the letter real?",
    ):
        assert block_language(line, "fr") == ("en", True), line


def test_french_subheadings_stay_french():
    """The twin: short French lines are not taken for English."""
    for line in ("Retrait sécurisé et efficace", "Le Pentagone dément", "Bilan provisoire"):
        assert block_language(line, "fr") == ("fr", True), line
