"""Typographic normalisation for matching, with a map back to the original offsets.

Used by the matcher: glosses and aliases are compared with texts after folding the
variants that French copy mixes freely (curly and straight apostrophes, every kind of
space, composed and decomposed accents, `…` and `...`, letter case). Each normalised
character remembers the span of original characters it came from, so a match found in
the normalised text maps back to exactly the original words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_APOSTROPHES = dict.fromkeys(map(ord, "’‘ʼ′`´"), "'")
_INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad"
)


@dataclass(frozen=True)
class Normalised:
    """`text` folded for matching; `starts[i]:ends[i]` is the original span of text[i]."""

    text: str
    starts: list[int]
    ends: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalised [start, end) (end > start)."""
        return self.starts[start], self.ends[end - 1]


@functools.lru_cache(maxsize=8192)
def _fold(cluster: str) -> str:
    folded = unicodedata.normalize("NFKC", cluster).translate(_APOSTROPHES).casefold()
    return folded.replace("…", "...").replace("«", '"').replace("»", '"')


# Characters that fold one-to-one with str.lower(): ASCII letters, digits and
# punctuation (less ` and ', which map to '), and precomposed Latin-1 letters (less ß,
# which folds to "ss"). Runs of them, most of any French text, skip the per-character path.
_SIMPLE_RUN = re.compile(r"[!-&(-_a-~0-9A-Za-zÀ-ÖØ-Þà-öø-ÿ]+")


def _normalise(original: str) -> Normalised:
    """Fold `original` for matching (see module docstring); fast path for simple runs."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position, length = 0, len(original)
    for run in _SIMPLE_RUN.finditer(original):
        start, end = run.span()
        if end < length and unicodedata.combining(original[end]):
            end -= 1  # the last letter and its combining marks form one cluster
        if end <= start:
            continue
        if start > position:
            _fold_slowly(original, position, start, out, starts, ends)
        out.append(original[start:end].lower())
        starts.extend(range(start, end))
        ends.extend(range(start + 1, end + 1))
        position = end
    if position < length:
        _fold_slowly(original, position, length, out, starts, ends)
    return Normalised("".join(out), starts, ends)


def _reference_normalise(original: str) -> Normalised:
    """The per-character definition, kept for the property test of the fast path."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    _fold_slowly(original, 0, len(original), out, starts, ends)
    return Normalised("".join(out), starts, ends)


def _fold_slowly(
    original: str, index: int, length: int, out: list[str], starts: list[int], ends: list[int]
) -> None:
    """Append the folding of original[index:length]; `out` may hold multi-char chunks."""
    while index < length:
        char = original[index]
        if char in _INVISIBLE:
            index += 1
            continue
        if char.isspace():
            end = index + 1
            while end < length and (original[end].isspace() or original[end] in _INVISIBLE):
                end += 1
            if out and out[-1].endswith(" "):
                ends[-1] = end
            else:
                out.append(" ")
                starts.append(index)
                ends.append(end)
            index = end
            continue
        end = index + 1
        while end < length and unicodedata.combining(original[end]):
            end += 1
        for folded_char in _fold(original[index:end]):
            out.append(folded_char)
            starts.append(index)
            ends.append(end)
        index = end


@functools.lru_cache(maxsize=4096)
def normalise(original: str) -> Normalised:
    """Fold a text for matching, memoised by content (results are never mutated): under
    `mkdocs serve`, an edit to a gloss folds no text again. Patterns do not go through
    this cache, so thousands of short glosses never evict the texts."""
    return _normalise(original)


def normalise_short(original: str) -> Normalised:
    """Fold a short string (a quotation's words) without the cache, which keeps whole
    texts: a dossier's thousands of quotations would evict them."""
    return _normalise(original)


def normalise_pattern(text: str) -> str:
    """Fold a gloss's French or an alias: also drops outer guillemets and a final stop."""
    folded = _normalise(text).text.strip()
    while folded and folded[0] in "\"' ":
        folded = folded[1:]
    while folded and folded[-1] in "\"' .":
        folded = folded[:-1]
    return folded


def is_word_char(char: str) -> bool:
    """Letters and digits. (A combining mark needs no rule here: it is folded with the
    letter it follows, and the matcher never takes part of one original character.)"""
    return char.isalnum() or char == "_"
