"""The dossier's English translation of one text, read against the French: a step of
`analysis`, plain Python.

The translation follows the French block by block (one blank line between blocks): the
same number of blocks, a heading where the French has one, and the English posts the
French quotes copied as they are. Inside each translated block, every glossed quotation
of the French block should stand as its English original, found with the tolerant,
word-bounded matching used for French; it then becomes a quotation of the translation,
under the French quotation's anchor (so a link to a quotation lands in either edition).
A quotation the translation renders in its own words, where a sourced original exists,
is returned as a finding for `diagnostics` to word, as is the first block that does not
correspond.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass

from .matching import Matcher
from .mentions import link_mentions
from .model import Gloss
from .normalise import is_word_char, normalise, normalise_pattern
from .quotes import Quotation, Segment
from .textpass import block_views, parse_cached
from .texts import Block, ParsedText
from .views import BlockView, GlossUse, Mention, QuoteView, SourceView


@dataclass(frozen=True)
class Misalignment:
    """The first block of the translation that does not correspond to the French."""

    index: int  # block index, 0-based
    french: Block | None  # None: the French has no block there
    english: Block | None  # None: the translation has no block there
    post: bool = False  # the French block is an English post the translation changed


@dataclass(frozen=True)
class Retranslated:
    """A glossed quotation whose English original the translated block does not hold."""

    gloss_id: str
    block: int
    line: int  # of the translated block


@dataclass(frozen=True)
class TranslationView:
    """A text's English translation, analysed: its blocks aligned with the French ones
    (same anchors), the English originals it holds as quotations, its mentions."""

    source_id: str
    file: str
    translator: str
    parsed: ParsedText
    blocks: tuple[BlockView, ...]
    quotes: tuple[QuoteView, ...]
    mentions: tuple[Mention, ...]
    retranslated: tuple[Retranslated, ...]


def analyse_translation(
    french: SourceView,
    text: str,
    file: str,
    translator: str,
    glosses: Mapping[str, Gloss],
    matcher: Matcher,
) -> TranslationView | Misalignment:
    """The translation of `french`, or the first block where it departs from it."""
    parsed = parse_cached(text, "en", ())
    misaligned = _misalignment(french.parsed, parsed)
    if misaligned is not None:
        return misaligned
    anchors = [block.anchor for block in french.blocks]
    norm = normalise(parsed.text)
    quotes: list[QuoteView] = []
    missing: list[Retranslated] = []
    claimed: list[tuple[int, int]] = []  # an English original is one quotation's only
    wanted = [
        (quote, use, english)
        for quote in french.quotes
        for use in quote.uses
        if (english := glosses[use.gloss_id].en) is not None  # unverified: the note says so
    ]
    spans = _block_starts(parsed)  # each translated block in the normalised text
    # the longest first: a short original inside a longer one takes its own occurrence
    for quote, use, english in sorted(wanted, key=lambda item: -len(item[2])):
        found = _find(spans, norm.text, english, quote.quotation, claimed)
        if found is None:
            block = parsed.blocks[quote.quotation.segments[-1].block]
            missing.append(Retranslated(use.gloss_id, quote.quotation.block, block.line))
            continue
        claimed.append(found)
        start, end = _with_marks(parsed.text, *norm.original_span(*found))
        quotes.append(_original(parsed, anchors, quote, use, start, end))
    missing.sort(key=lambda r: (r.block, r.gloss_id))
    quotes.sort(key=lambda q: q.quotation.start)
    mentions = link_mentions(
        parsed, matcher.scan(norm, french.source.id), anchors, french.source.id
    )
    return TranslationView(
        french.source.id,
        file,
        translator,
        parsed,
        block_views(parsed, anchors, quotes, mentions.mentions),
        tuple(quotes),
        tuple(mentions.mentions),
        tuple(missing),
    )


def _misalignment(french: ParsedText, english: ParsedText) -> Misalignment | None:
    for index in range(max(len(french.blocks), len(english.blocks))):
        fr = french.blocks[index] if index < len(french.blocks) else None
        en = english.blocks[index] if index < len(english.blocks) else None
        if fr is None or en is None:
            return Misalignment(index, fr, en)
        if fr.kind == "post":
            if normalise(fr.text).text.split() != normalise(en.text).text.split():
                return Misalignment(index, fr, en, post=True)
        elif fr.kind != en.kind:
            return Misalignment(index, fr, en)
    return None


def _find(
    spans: list[tuple[int, int]],
    folded: str,
    english: str,
    quotation: Quotation,
    claimed: list[tuple[int, int]],
) -> tuple[int, int] | None:
    """Where, in the translated blocks the French quotation spans (`spans`: each block's
    normalised extent), its English original stands (normalised offsets), on word
    boundaries, overlapping no claimed span."""
    wanted = normalise_pattern(english)
    if not wanted:
        return None
    first, last = quotation.segments[0].block, quotation.segments[-1].block
    for index in range(first, last + 1):
        lo, hi = spans[index]
        at = folded.find(wanted, lo, hi)
        while at >= 0:
            end = at + len(wanted)
            before = folded[at - 1] if at > 0 else " "
            after = folded[end] if end < len(folded) else " "
            free = all(end <= lo_ or at >= hi_ for lo_, hi_ in claimed)
            if free and not is_word_char(before) and not is_word_char(after):
                return at, end
            at = folded.find(wanted, at + 1, hi)
    return None


_OPENING = "\"“‘'«"
_CLOSING = "\"”’'»"


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The original's span widened to the quotation marks around it, and to a comma or
    stop the translation puts inside the closing mark (“…,” he said): the chip then
    follows the whole quotation, as it does in French."""
    if start > 0 and text[start - 1] in _OPENING:
        start -= 1
    if end + 1 < len(text) and text[end] in ".,;!?" and text[end + 1] in _CLOSING:
        end += 2
    elif end < len(text) and text[end] in _CLOSING:
        end += 1
    return start, end


def _block_starts(parsed: ParsedText) -> list[tuple[int, int]]:
    """Each block's [start, end) in the normalised text (normalising keeps the order)."""
    starts = normalise(parsed.text).starts
    return [
        (bisect_left(starts, block.start), bisect_left(starts, block.end))
        for block in parsed.blocks
    ]


def _original(
    parsed: ParsedText,
    anchors: list[str],
    french: QuoteView,
    use: GlossUse,
    start: int,
    end: int,
) -> QuoteView:
    index = parsed.block_at(start, end)
    assert index is not None  # found inside a block
    quotation = Quotation(
        start, end, 0, (Segment(index, start, end),), ((start, end),), (), mark="“"
    )
    in_translation = GlossUse(
        use.gloss_id, use.source_id, french.anchor, anchors[index], start, end
    )
    return QuoteView(
        quotation,
        french.anchor,
        parsed.line_of(start),
        parsed.text[start:end],
        "glossed",
        (in_translation,),
    )
