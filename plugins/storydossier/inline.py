"""Nest the quotations and mentions of one block into a tree: a step of `textpass`.

Templates walk the tree to write a paragraph: text, quotations (which may hold nested
quotations and mentions) and mentions. A mention that crosses a quotation's edge is
dropped rather than cut in two; nothing is nested inside a mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .texts import Block
from .views import Mention, MentionNode, Node, QuoteNode, QuoteView, TextNode


@dataclass
class _Open:
    """A quotation or mention while the tree is being built."""

    start: int
    end: int
    quote: QuoteView | None = None
    actor_id: str = ""
    children: list[_Open] = field(default_factory=list)


def inline_tree(
    text: str, block: Block, quotes: list[QuoteView], mentions: list[Mention]
) -> tuple[Node, ...]:
    intervals = [_Open(q.quotation.start, q.quotation.end, quote=q) for q in quotes]
    intervals += [_Open(m.start, m.end, actor_id=m.actor_id) for m in mentions]
    intervals.sort(key=lambda n: (n.start, -n.end, n.quote is None))
    roots: list[_Open] = []
    stack: list[_Open] = []
    for node in intervals:
        while stack and node.start >= stack[-1].end:
            stack.pop()
        if stack and node.end > stack[-1].end:
            continue
        if stack and stack[-1].quote is None:
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
        children = _fill(text, node.children, node.start, node.end)
        if node.quote is not None:
            result.append(QuoteNode(node.start, node.end, node.quote, children))
        else:
            result.append(MentionNode(node.start, node.end, node.actor_id, children))
        cursor = node.end
    if end > cursor:
        result.append(TextNode(cursor, end, text[cursor:end]))
    return tuple(result)
