"""What the analysis of the texts yields: frozen views that pages and exports read.

Produced by `textpass` (one text) and `analysis` (the whole dossier). Views refer to the
dossier's records by id (a gloss id, the index of a `no_original:` entry), never hold
them: a view kept from an earlier build stays true when a gloss's English or speaker
changes, and nothing has to be re-pointed. `Analysis` resolves the ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .dates import DateValue
from .model import Source
from .quotes import Quotation
from .texts import Block, ParsedText

QuoteStatus = Literal["glossed", "covered", "no_original", "partial", "unglossed"]
DONE_STATUSES: tuple[QuoteStatus, ...] = ("glossed", "covered", "no_original")


@dataclass(frozen=True)
class GlossUse:
    """One place in one text where a gloss's French quotation stands."""

    gloss_id: str
    source_id: str
    anchor: str
    block_anchor: str
    start: int
    end: int


@dataclass(frozen=True)
class QuoteView:
    """One quotation of a text, with the glosses or the no-original mark it has."""

    quotation: Quotation
    anchor: str
    line: int
    text: str  # the inner words, as in the text
    status: QuoteStatus
    uses: tuple[GlossUse, ...] = ()
    no_original: int | None = None  # index into the dossier's `no_original:` list


@dataclass(frozen=True)
class Mention:
    """Words of a text that name an actor."""

    actor_id: str
    source_id: str
    block_anchor: str
    start: int
    end: int
    words: str
    context: str


@dataclass(frozen=True)
class TextNode:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class QuoteNode:
    """A quotation's segment in one block: the whole quotation unless it runs over
    several paragraphs (then `first` and `last` say which segment this is)."""

    start: int
    end: int
    quote: QuoteView
    children: tuple[Node, ...] = ()
    first: bool = True
    last: bool = True


@dataclass(frozen=True)
class InciseNode:
    """The narrator's words inside a quotation's marks («, a-t-il dit,»)."""

    start: int
    end: int
    children: tuple[Node, ...] = ()


@dataclass(frozen=True)
class MentionNode:
    start: int
    end: int
    actor_id: str
    children: tuple[Node, ...] = ()


Node = TextNode | QuoteNode | InciseNode | MentionNode
"""A piece of a block's inline content: text, a quotation, an incise, or a mention."""


@dataclass(frozen=True)
class BlockView:
    block: Block
    anchor: str
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class PostLink:
    """Where the English post a gloss translates stands in a text."""

    source_id: str
    block_anchor: str


@dataclass(frozen=True)
class DatingPhrase:
    """Words of a text that date an event, and the paragraph they stand in."""

    event_id: str
    source_id: str
    phrase: str
    block_anchor: str | None


@dataclass(frozen=True)
class SourceView:
    """One analysed text: its blocks, quotations and mentions."""

    source: Source
    file: str
    parsed: ParsedText
    blocks: tuple[BlockView, ...]
    quotes: tuple[QuoteView, ...]
    mentions: tuple[Mention, ...]
    published: DateValue | None

    @property
    def coverage(self) -> tuple[int, int]:
        """(quotations glossed or marked, all quotations)."""
        done = sum(q.status in DONE_STATUSES for q in self.quotes)
        return done, len(self.quotes)

    def block_at(self, start: int, end: int) -> BlockView | None:
        """The block holding the span [start, end) of the text, if any."""
        index = self.parsed.block_at(start, end)
        return None if index is None else self.blocks[index]
