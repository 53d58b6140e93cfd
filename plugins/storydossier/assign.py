"""Pair the quotations of one text with the glosses and no-original marks that match.

A step of `textpass`. Each quotation's own words (its spans: without marks, incises or
the « that opens a continued paragraph) are scanned by the dossier's matcher, so one
gloss matches a quotation across an incise or a paragraph break. Output: one
`QuoteView` per quotation (its uses, status and anchor) plus what the editor is warned
about (a gloss's words outside any quotation, a general gloss replaced here).

Rules: a gloss or mark belongs to the innermost quotation holding it; within one
quotation the longest match wins; a nested quotation is glossed on its own as well;
of the patterns sharing one French wording, one restricted to this text replaces a
general one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .anchors import AnchorSet, quote_anchor_stem
from .matching import GlossTarget, Hit, Matcher, NoOriginalTarget, longest_first
from .normalise import normalise_short
from .quotes import Quotation, join_spans
from .texts import ParsedText
from .views import GlossUse, QuoteStatus, QuoteView


@dataclass
class Assignment:
    """What the gloss step yields for one text."""

    quotes: list[QuoteView] = field(default_factory=list)
    stray: list[tuple[str, int]] = field(default_factory=list)  # (gloss id, line)
    overridden: list[str] = field(default_factory=list)  # gloss ids replaced in this text


def assign_glosses(
    parsed: ParsedText,
    quotations: list[Quotation],
    matcher: Matcher,
    text_hits: list[Hit],
    block_anchors: list[str],
    source_id: str,
) -> Assignment:
    """`text_hits`: the matcher's hits on the whole text (for words outside quotations)."""
    result = Assignment()
    _stray(parsed, quotations, text_hits, result)
    chosen = [
        longest_first(_quotation_hits(parsed.text, q, quotations, matcher, source_id))
        for q in quotations
    ]
    spans = [(hit.start, hit.end) for hits in chosen for hit in hits]
    anchors = AnchorSet()
    for quotation, hits in zip(quotations, chosen, strict=True):
        uses: list[GlossUse] = []
        no_original: int | None = None
        for hit in hits:
            patterns = hit.quotation_patterns()
            result.overridden.extend(
                p.target.gloss_id
                for p in hit.patterns
                if p.general and p not in patterns and isinstance(p.target, GlossTarget)
            )
            for pattern in patterns:
                target = pattern.target
                if isinstance(target, GlossTarget):
                    anchor = anchors.unique(f"q-{target.gloss_id}")
                    block_anchor = block_anchors[quotation.block]
                    uses.append(
                        GlossUse(
                            target.gloss_id, source_id, anchor, block_anchor, hit.start, hit.end
                        )
                    )
                elif isinstance(target, NoOriginalTarget):
                    no_original = target.index
        inner = quotation.inner(parsed.text)
        status = _status(parsed.text, quotation, spans, bool(uses), no_original is not None)
        anchor = uses[0].anchor if uses else anchors.unique(quote_anchor_stem(inner))
        line = parsed.line_of(quotation.start)
        result.quotes.append(
            QuoteView(quotation, anchor, line, inner, status, tuple(uses), no_original)
        )
    return result


def _quotation_hits(
    text: str, quotation: Quotation, quotations: list[Quotation], matcher: Matcher, source_id: str
) -> list[Hit]:
    """Hits of glosses and marks in the quotation's own words, at their offsets in the
    text; those entirely inside a quotation nested in it belong to that one."""
    words, offsets = join_spans(text, quotation.spans)
    nested = [
        q
        for q in quotations
        if q.depth > quotation.depth and quotation.start < q.start < quotation.end
    ]
    hits: list[Hit] = []
    for hit in matcher.scan(normalise_short(words), source_id):
        if not hit.quotation_patterns():
            continue
        start, end = offsets[hit.start], offsets[hit.end - 1] + 1
        if any(q.inner_start <= start and end <= q.inner_end for q in nested):
            continue
        hits.append(Hit(start, end, hit.key, hit.patterns))
    return hits


def _stray(
    parsed: ParsedText, quotations: list[Quotation], hits: list[Hit], result: Assignment
) -> None:
    """A gloss's words found outside every quotation: the editor is told."""
    for hit in hits:
        patterns = hit.quotation_patterns()
        if not patterns or any(q.start <= hit.start and hit.end <= q.end for q in quotations):
            continue
        line = parsed.line_of(hit.start)
        result.stray.extend(
            (p.target.gloss_id, line) for p in patterns if isinstance(p.target, GlossTarget)
        )


def _status(
    text: str,
    quotation: Quotation,
    spans: list[tuple[int, int]],
    glossed: bool,
    marked: bool,
) -> QuoteStatus:
    letters = [i for start, end in quotation.spans for i in range(start, end) if text[i].isalnum()]
    covered = [i for i in letters if any(s <= i < e for s, e in spans)]
    if not covered:
        return "unglossed"
    if len(covered) < len(letters):
        return "partial"
    if glossed:
        return "glossed"
    return "no_original" if marked else "covered"
