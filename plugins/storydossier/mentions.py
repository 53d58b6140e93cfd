"""Link the words of one text that name an actor: a step of `textpass`.

An alias links only in text of the language it is listed under (the actor's `name` in
both); a case-sensitive alias only with its capitals; no alias inside a phrase the
actor's record lists under `not_in` («Cap Kennedy» is a place, not Kennedy). The
longest alias wins where aliases overlap; words that may name two actors link to
neither, and the editor is told with the sentence. Each mention keeps its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .matching import ActorTarget, ExclusionTarget, Hit, Pattern, longest_first
from .texts import Block, ParsedText
from .views import Mention


@dataclass(frozen=True)
class Ambiguous:
    """Words that may name several actors, where they first stand in the text."""

    key: str
    actors: tuple[str, ...]
    offset: int
    sentence: str


@dataclass
class Linking:
    mentions: list[Mention] = field(default_factory=list)
    ambiguous: list[Ambiguous] = field(default_factory=list)


def link_mentions(
    parsed: ParsedText, hits: list[Hit], block_anchors: list[str], source_id: str
) -> Linking:
    result = Linking()
    excluded = _exclusions(hits)
    usable: list[tuple[Hit, str, int]] = []
    for hit in hits:
        index = parsed.block_at(hit.start, hit.end)
        if index is None:
            continue
        block = parsed.blocks[index]
        words = parsed.text[hit.start : hit.end]
        actors = sorted(
            {
                p.target.actor_id
                for p in hit.patterns
                if isinstance(p.target, ActorTarget)
                and _applies(p, block.lang, words)
                and not _inside(hit, excluded.get(p.target.actor_id, []))
            }
        )
        if len(actors) > 1:
            sentence = _sentence(parsed.text, block, hit.start, hit.end)
            result.ambiguous.append(Ambiguous(hit.key, tuple(actors), hit.start, sentence))
        elif actors:
            usable.append((hit, actors[0], index))
    by_hit = {id(hit): (actor_id, index) for hit, actor_id, index in usable}
    for hit in longest_first([hit for hit, _, _ in usable]):
        actor_id, index = by_hit[id(hit)]
        block = parsed.blocks[index]
        result.mentions.append(
            Mention(
                actor_id,
                source_id,
                block_anchors[index],
                hit.start,
                hit.end,
                parsed.text[hit.start : hit.end],
                _sentence(parsed.text, block, hit.start, hit.end),
            )
        )
    return result


def _applies(pattern: Pattern, lang: str, words: str) -> bool:
    """An alias applies in its language, and with its capitals if it is case-sensitive."""
    if pattern.lang is not None and pattern.lang != lang:
        return False
    if pattern.exact is None:
        return True
    return _capitals(words) == _capitals(pattern.exact)


def _capitals(words: str) -> list[bool]:
    return [c.isupper() for c in words if c.isalpha()]


def _exclusions(hits: list[Hit]) -> dict[str, list[tuple[int, int]]]:
    """Actor id -> spans of the phrases where its names do not name it."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for hit in hits:
        for pattern in hit.patterns:
            if isinstance(pattern.target, ExclusionTarget):
                spans.setdefault(pattern.target.actor_id, []).append((hit.start, hit.end))
    return spans


def _inside(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(start <= hit.start and hit.end <= end for start, end in spans)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý])")


def _sentence(text: str, block: Block, start: int, end: int) -> str:
    """The sentence of `block` around [start, end), for mention context."""
    begin = block.start
    for match in _SENTENCE_BREAK.finditer(text, block.start, start):
        begin = match.end()
    stop = block.end
    following = _SENTENCE_BREAK.search(text, end, block.end)
    if following:
        stop = following.start()
    return " ".join(text[begin:stop].split())
