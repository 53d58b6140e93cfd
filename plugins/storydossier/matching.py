"""One pass per text over every gloss, no-original mark and actor alias.

Built once per dossier: an Aho-Corasick automaton (pyahocorasick, in C) over the
normalised patterns. Scanning a text costs time linear in its length plus the hits,
whatever the number of glosses and aliases. Hits are kept only on word boundaries, so
«sécurisé» never matches inside «sécurisée».
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import ahocorasick

from .langs import Lang
from .normalise import Normalised, is_word_char, normalise_pattern


@dataclass(frozen=True)
class GlossTarget:
    """The pattern is a gloss's French: it pairs a quotation with its English."""

    gloss_id: str


@dataclass(frozen=True)
class NoOriginalTarget:
    """The pattern is a `no_original:` entry, by its place in that list."""

    index: int


@dataclass(frozen=True)
class ActorTarget:
    """The pattern is one of an actor's names or aliases."""

    actor_id: str


@dataclass(frozen=True)
class ExclusionTarget:
    """A phrase in which the actor's names do not name the actor («Cap Kennedy»)."""

    actor_id: str


QuotationTarget = GlossTarget | NoOriginalTarget
Target = GlossTarget | NoOriginalTarget | ActorTarget | ExclusionTarget


@dataclass(frozen=True)
class Pattern:
    target: Target
    sources: frozenset[str]  # empty: every source
    lang: Lang | None = None  # an alias applies in text of this language only
    exact: str | None = None  # a case-sensitive alias: its words as written

    @property
    def general(self) -> bool:
        """True when the pattern applies to every text (no `sources:` restriction)."""
        return not self.sources


@dataclass(frozen=True)
class Hit:
    """Original-text span [start, end) of a pattern occurrence, with what it may be."""

    start: int
    end: int
    key: str
    patterns: tuple[Pattern, ...]

    def quotation_patterns(self) -> tuple[Pattern, ...]:
        """The hit's glosses and no-original marks, the most specific scope only: a
        pattern restricted to this text replaces a general one of the same words."""
        found = tuple(
            p for p in self.patterns if isinstance(p.target, GlossTarget | NoOriginalTarget)
        )
        restricted = tuple(p for p in found if not p.general)
        return restricted or found

    def actor_ids(self) -> list[str]:
        """The actors this hit may name, sorted (more than one: an ambiguous alias)."""
        return sorted(
            {p.target.actor_id for p in self.patterns if isinstance(p.target, ActorTarget)}
        )


class Matcher:
    """All patterns of a dossier, matched together."""

    def __init__(self, patterns: list[tuple[str, Pattern]]):
        grouped: dict[str, dict[Pattern, None]] = defaultdict(dict)  # ordered sets
        for text, pattern in patterns:
            key = normalise_pattern(text)
            if key:
                grouped[key][pattern] = None
        self.groups = {key: tuple(group) for key, group in grouped.items()}
        self._automaton = ahocorasick.Automaton()
        for key, group in self.groups.items():
            everywhere = tuple(p for p in group if not p.sources)
            by_source: dict[str, tuple[Pattern, ...]] = defaultdict(tuple)
            for pattern in group:
                for source in pattern.sources:
                    by_source[source] += (pattern,)
            # Patterns restricted to a text are looked up by text, not filtered per hit:
            # a gloss repeated for each of 1,000 texts costs nothing in the other 999.
            self._automaton.add_word(key, (key, everywhere, dict(by_source)))
        self._empty = not self.groups
        if not self._empty:
            self._automaton.make_automaton()

    def scan(self, norm: Normalised, source_id: str) -> list[Hit]:
        """Every word-bounded hit in `norm` whose pattern applies to `source_id`."""
        if self._empty:
            return []
        text = norm.text
        hits = []
        for last, (key, everywhere, by_source) in self._automaton.iter(text):
            first = last - len(key) + 1
            if is_word_char(key[0]) and first > 0 and is_word_char(text[first - 1]):
                continue
            if is_word_char(key[-1]) and last + 1 < len(text) and is_word_char(text[last + 1]):
                continue
            # Never a part of one original character: "1" is not in "¼" (folded to "1⁄4").
            starts = norm.starts
            if first > 0 and starts[first] == starts[first - 1]:
                continue
            if last + 1 < len(text) and starts[last + 1] == starts[last]:
                continue
            applicable = everywhere + by_source.get(source_id, ())
            if applicable:
                start, end = norm.original_span(first, last + 1)
                hits.append(Hit(start, end, key, applicable))
        return hits


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, the longest winning (an alias inside a longer one counts once)."""
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= s or hit.start >= e for s, e in taken):
            chosen.append(hit)
            taken.append((hit.start, hit.end))
    return sorted(chosen, key=lambda h: h.start)
