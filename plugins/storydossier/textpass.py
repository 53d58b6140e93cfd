"""The analysis of one text, as a pure function of the text, its record and the patterns.

Called by `analysis` for every text (through `textcache` under `mkdocs serve`). Named
steps, each in its own module: parse the agency copy (`texts`), find the quotations of
its French blocks (`quotes`), scan it once with the dossier's matcher (`matching`),
pair quotations with glosses (`assign`), link actor mentions (`mentions`), nest both
into each block's inline tree (`inline`). Nothing here builds a message: what the
editor should hear about is returned as findings, worded by `diagnostics`.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from .anchors import block_anchors
from .assign import assign_glosses
from .dates import parse_date
from .inline import inline_tree
from .langs import Lang
from .matching import Matcher
from .mentions import Ambiguous, link_mentions
from .model import Source
from .normalise import normalise
from .quotes import Quotation, Segment, Unbalanced, find_in_blocks
from .texts import ParsedText, parse_text
from .views import BlockView, Mention, QuoteView, SourceView

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class TextFindings:
    """What the editor may need to fix in one text, as facts (offsets, ids)."""

    empty: bool
    bidi: tuple[int, str] | None  # offset and character of an invisible direction control
    unbalanced: tuple[Unbalanced, ...]
    stray: tuple[tuple[str, int], ...]  # (gloss id, line) of a gloss's words outside « »
    overridden: tuple[str, ...]  # general gloss ids replaced here by a restricted one
    ambiguous: tuple[Ambiguous, ...]  # words that may name several actors


@dataclass(frozen=True)
class TextResult:
    """Everything the analysis of one text yields."""

    view: SourceView
    folded: str  # the folded text, where `textcache` looks for changed patterns
    findings: TextFindings


def analyse_text(source: Source, text: str, file: str, matcher: Matcher) -> TextResult:
    """Blocks, quotations, gloss uses, mentions and findings of one text."""
    overrides = tuple((b.starts_with, b.lang) for b in source.blocks)
    parsed = parse_cached(text, source.language, overrides)
    anchors = block_anchors(parsed.blocks)
    quotations, unbalanced = _quotations(parsed)
    norm = normalise(parsed.text)
    hits = matcher.scan(norm, source.id)
    assigned = assign_glosses(parsed, quotations, matcher, hits, anchors, source.id)
    linked = link_mentions(parsed, hits, anchors, source.id)
    blocks = block_views(parsed, anchors, assigned.quotes, linked.mentions)
    dated_by_dateline = parsed.dateline.edtf() if parsed.dateline else None
    published_raw = source.published or parsed.date_marker or dated_by_dateline
    view = SourceView(
        source,
        file,
        parsed,
        blocks,
        tuple(assigned.quotes),
        tuple(linked.mentions),
        parse_date(published_raw) if published_raw else None,
    )
    bidi = _BIDI.search(parsed.text)
    findings = TextFindings(
        empty=not parsed.blocks,
        bidi=(bidi.start(), bidi.group()) if bidi else None,
        unbalanced=tuple(unbalanced),
        stray=tuple(assigned.stray),
        overridden=tuple(dict.fromkeys(assigned.overridden)),
        ambiguous=tuple(linked.ambiguous),
    )
    return TextResult(view, norm.text, findings)


@functools.lru_cache(maxsize=4096)
def parse_cached(text: str, lang: Lang, overrides: tuple[tuple[str, Lang], ...]) -> ParsedText:
    """Parsing depends only on the text and its settings: under `mkdocs serve`, an edit
    to a gloss or an actor does not parse the texts again."""
    return parse_text(text, default_lang=lang, overrides=dict(overrides))


def _quotations(parsed: ParsedText) -> tuple[list[Quotation], list[Unbalanced]]:
    """The quotations of the French blocks, and the marks left unpaired."""
    french = [(i, b.start, b.end) for i, b in enumerate(parsed.blocks) if b.lang == "fr"]
    paragraphs = frozenset(i for i, b in enumerate(parsed.blocks) if b.kind == "paragraph")
    return find_in_blocks(parsed.text, french, paragraphs)


def block_views(
    parsed: ParsedText, anchors: list[str], quotes: list[QuoteView], mentions: list[Mention]
) -> tuple[BlockView, ...]:
    segments: dict[int, list[tuple[QuoteView, int, Segment]]] = defaultdict(list)
    for quote in quotes:
        for number, segment in enumerate(quote.quotation.segments):
            segments[segment.block].append((quote, number, segment))
    mentions_by_block: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        mentions_by_block[mention.block_anchor].append(mention)
    return tuple(
        BlockView(
            block,
            anchors[index],
            inline_tree(parsed.text, block, segments[index], mentions_by_block[anchors[index]]),
        )
        for index, block in enumerate(parsed.blocks)
    )
