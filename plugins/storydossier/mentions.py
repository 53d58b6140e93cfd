"""Link the words of one text that name an actor: a step of `textpass`.

The longest alias wins where aliases overlap; an alias shared by two actors links to
none (the editor is warned). Each mention keeps its sentence, for the actor's page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .matching import Hit, longest_first
from .texts import Block, ParsedText
from .views import Mention


@dataclass
class Linking:
    mentions: list[Mention] = field(default_factory=list)
    ambiguous: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # key, actors


def link_mentions(
    parsed: ParsedText, hits: list[Hit], block_anchors: list[str], source_id: str
) -> Linking:
    result = Linking()
    usable: list[Hit] = []
    for hit in hits:
        actors = hit.actor_ids()
        if len(actors) > 1:
            result.ambiguous.append((hit.key, tuple(actors)))
        elif actors:
            usable.append(hit)
    for hit in longest_first(usable):
        index = _block_at(parsed.blocks, hit.start, hit.end)
        if index is None:
            continue
        block = parsed.blocks[index]
        result.mentions.append(
            Mention(
                hit.actor_ids()[0],
                source_id,
                block_anchors[index],
                hit.start,
                hit.end,
                parsed.text[hit.start : hit.end],
                _sentence(parsed.text, block, hit.start, hit.end),
            )
        )
    return result


def _block_at(blocks: list[Block], start: int, end: int) -> int | None:
    for index, block in enumerate(blocks):
        if block.start <= start and end <= block.end:
            return index
    return None


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
