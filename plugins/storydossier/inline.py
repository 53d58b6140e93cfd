"""Nest the quotations, incises and mentions of one block into a tree: a `textpass` step.

Templates walk the tree to write a paragraph: text, quotations (which may hold nested
quotations, the narrator's incises and mentions) and mentions. A mention that crosses a
quotation's edge is dropped rather than cut in two; nothing is nested inside a mention.
A quotation continued over paragraphs appears in each block as one segment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .quotes import Segment
from .texts import Block
from .views import (
    InciseNode,
    Mention,
    MentionNode,
    Node,
    QuoteNode,
    QuoteView,
    TextNode,
)

_Kind = Literal["quote", "incise", "mention"]
_ORDER = {"quote": 0, "incise": 1, "mention": 2}


@dataclass
class _Open:
    """A quotation segment, incise or mention while the tree is being built."""

    kind: _Kind
    start: int
    end: int
    quote: QuoteView | None = None
    segment: int = 0  # which segment of the quotation
    actor_id: str = ""
    children: list[_Open] = field(default_factory=list)


def inline_tree(
    text: str,
    block: Block,
    quotes: list[tuple[QuoteView, int, Segment]],
    mentions: list[Mention],
) -> tuple[Node, ...]:
    """`quotes`: the quotations with a segment in this block, with that segment."""
    intervals: list[_Open] = []
    for quote, number, segment in quotes:
        intervals.append(_Open("quote", segment.start, segment.end, quote, number))
        intervals += [
            _Open("incise", start, end)
            for start, end in quote.quotation.incises
            if segment.start <= start and end <= segment.end
        ]
    intervals += [_Open("mention", m.start, m.end, actor_id=m.actor_id) for m in mentions]
    intervals.sort(key=lambda n: (n.start, -n.end, _ORDER[n.kind]))
    roots: list[_Open] = []
    stack: list[_Open] = []
    for node in intervals:
        while stack and node.start >= stack[-1].end:
            stack.pop()
        if stack and (node.end > stack[-1].end or stack[-1].kind == "mention"):
            continue
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return _fill(text, roots, block.start, block.end)


def _fill(text: str, nodes: list[_Open], start: int, end: int) -> tuple[Node, ...]:
    result: list[Node] = []
    cursor = start
    for node in nodes:
        if node.start > cursor:
            result.append(TextNode(cursor, node.start, text[cursor : node.start]))
        result.append(_node(text, node))
        cursor = node.end
    if end > cursor:
        result.append(TextNode(cursor, end, text[cursor:end]))
    return tuple(result)


def _node(text: str, node: _Open) -> Node:
    children = _fill(text, node.children, node.start, node.end)
    if node.kind == "mention":
        return MentionNode(node.start, node.end, node.actor_id, children)
    if node.kind == "incise":
        return InciseNode(node.start, node.end, children)
    assert node.quote is not None
    count = len(node.quote.quotation.segments)
    return QuoteNode(
        node.start, node.end, node.quote, children, node.segment == 0, node.segment == count - 1
    )
