"""Which language a block of agency copy is in: French prose, or English (a quoted post,
a transcript line such as `Armstrong: Houston, Tranquility Base here.`).

Used by `texts.parse_text` for each block. Function words decide when they are many
(a paragraph); accents, guillemets or an elision with no English word mark a short line
as French; any other short line is classified by py3langid (a naive Bayes model shipped
inside the package, restricted to French and English; no download at run time). When
neither is confident, the block keeps the text's language and is reported as unsure,
so the editor can say which it is with `blocks:` (`diagnostics`). Measured on
tests/data/short_lines.tsv by tests/test_language.py.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .langs import Lang

if TYPE_CHECKING:  # the model and numpy load on first need, not at import
    from py3langid.langid import LanguageIdentifier

SURE_ENGLISH = 0.9  # py3langid's probability of English above which a line is English
SURE_FRENCH = 0.35  # ... and below which it is French
_EN_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "in",
        "on",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "that",
        "this",
        "with",
        "for",
        "from",
        "at",
        "by",
        "we",
        "i",
        "you",
        "he",
        "she",
        "they",
        "us",
        "our",
        "my",
        "your",
        "his",
        "her",
        "their",
        "not",
        "have",
        "has",
        "had",
        "just",
        "after",
        "before",
        "about",
        "which",
        "what",
        "who",
        "where",
        "when",
        "there",
        "can",
        "can't",
        "don't",
        "i've",
        "i'm",
        "should",
        "would",
        "will",
        "number",
        "one",
        "beyond",
        "regard",
        "read",
        "once",
        "tell",
    ]
)
_FR_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "et",
        "de",
        "du",
        "à",
        "au",
        "aux",
        "est",
        "sont",
        "était",
        "a",
        "ont",
        "été",
        "il",
        "elle",
        "ils",
        "elles",
        "nous",
        "vous",
        "je",
        "que",
        "qui",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "ce",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "ne",
        "pas",
        "plus",
        "mais",
        "ou",
        "où",
        "selon",
        "lors",
        "après",
        "avant",
        "lui",
        "se",
    ]
)


def guess_language(text: str) -> Lang | None:
    """'fr' or 'en' from function words, or None when the text gives too little to tell."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower().replace("’", "'"))
    english = sum(w in _EN_WORDS for w in words)
    french = sum(w in _FR_WORDS for w in words)
    if english + french < 3:
        return None
    if english >= 2 * french + 2:
        return "en"
    if french >= english:
        return "fr"
    return None


def block_language(text: str, default: Lang) -> tuple[Lang, bool]:
    """(language, sure): function words first, then the model; unsure keeps `default`."""
    guessed = guess_language(text)
    if guessed is not None:
        return guessed, True
    if not re.search(r"[^\W\d_]{2,}", text):
        return default, True  # numbers and signs: nothing to tell a language by
    if _FRENCH_SIGNS.search(text) and not _english_words(text):
        return "fr", True  # accents, guillemets or an elision, and no English word
    english = english_probability(text)
    if english >= SURE_ENGLISH:
        return "en", True
    if english <= SURE_FRENCH:
        return "fr", True
    return default, False


_FRENCH_SIGNS = re.compile(r"[éèêëàâùûçœîïô«»]|\b[cdjlmnst]['’][a-zàâéèêîôûh]", re.IGNORECASE)


def _english_words(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return any(w in _EN_WORDS and w not in _FR_WORDS for w in words)


def english_probability(text: str) -> float:
    """py3langid's probability that `text` is English rather than French."""
    lang, probability = _identifier().classify(text)
    return float(probability if lang == "en" else 1 - probability)


@cache
def _identifier() -> LanguageIdentifier:
    """The model, loaded on first need (most paragraphs are decided by function words)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["fr", "en"])
    return identifier
