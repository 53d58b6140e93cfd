"""Stable, unique HTML anchors for the blocks and quotations of one text.

Used by `textpass` and `assign`. Anchors come from words (a paragraph's first words, a
gloss id), not positions, so a link stays valid when a paragraph is added above.
"""

from __future__ import annotations

from .model import _slug
from .texts import Block

_PREFIX = {"heading": "h", "paragraph": "p", "post": "post"}


class AnchorSet:
    """Hands out anchors, numbering repeats: `q-x`, `q-x-2`, `q-x-3`."""

    def __init__(self) -> None:
        self._used: dict[str, int] = {}

    def unique(self, anchor: str) -> str:
        anchor = anchor.rstrip("-") or "q"
        count = self._used.get(anchor, 0) + 1
        self._used[anchor] = count
        return anchor if count == 1 else f"{anchor}-{count}"


def block_anchors(blocks: list[Block]) -> list[str]:
    """Anchors from each block's first words (stable when a paragraph is added above)."""
    used = AnchorSet()
    return [
        used.unique(f"{_PREFIX[b.kind]}-{'-'.join(_slug(b.text).split('-')[:6])}") for b in blocks
    ]


def quote_anchor_stem(words: str) -> str:
    """The anchor stem of a quotation that no gloss names: its first words."""
    return "q-" + _slug(words)[:40]
