"""Pair the quotations of one text with the glosses and no-original marks that match.

A step of `textpass`. Input: the quotations found in the text and the matcher's hits;
output: one `QuoteView` per quotation (its uses, status and anchor) plus the facts the
editor is warned about (a gloss's words outside any « », a general gloss replaced here).

Rules: a gloss or mark applies only inside a quotation, to the innermost one holding it;
the longest match wins, and a nested quotation is glossed on its own as well; of the
patterns sharing one French wording, one restricted to this text replaces a general one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .anchors import AnchorSet, quote_anchor_stem
from .matching import GlossTarget, Hit, NoOriginalTarget, longest_first
from .quotes import Quotation
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
    hits: list[Hit],
    block_anchors: list[str],
    source_id: str,
) -> Assignment:
    result = Assignment()
    inside = _hits_inside(parsed, quotations, hits, result)
    chosen = _chosen(inside)
    per_quote: dict[int, list[Hit]] = defaultdict(list)
    for hit, holder in inside:
        if id(hit) in chosen:
            per_quote[holder.start].append(hit)
    spans = [(h.start, h.end) for h, _ in inside if id(h) in chosen]
    anchors = AnchorSet()
    for quotation in quotations:
        uses: list[GlossUse] = []
        no_original: int | None = None
        for hit in per_quote.get(quotation.start, []):
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
                    use = GlossUse(
                        target.gloss_id, source_id, anchor, block_anchor, hit.start, hit.end
                    )
                    uses.append(use)
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


def _hits_inside(
    parsed: ParsedText, quotations: list[Quotation], hits: list[Hit], result: Assignment
) -> list[tuple[Hit, Quotation]]:
    """Hits of glosses and marks with the quotation holding them; the others are stray."""
    inside: list[tuple[Hit, Quotation]] = []
    for hit in hits:
        patterns = hit.quotation_patterns()
        if not patterns:
            continue
        holder = _innermost(quotations, hit.start, hit.end)
        if holder is not None:
            inside.append((hit, holder))
            continue
        line = parsed.line_of(hit.start)
        result.stray.extend(
            (p.target.gloss_id, line) for p in patterns if isinstance(p.target, GlossTarget)
        )
    return inside


def _chosen(inside: list[tuple[Hit, Quotation]]) -> set[int]:
    """Ids of the hits that apply: the longest first; a quotation nested in another is
    glossed on its own too, even when a longer gloss covers the outer one."""
    chosen = set(map(id, longest_first([h for h, _ in inside])))
    nested: dict[int, list[Hit]] = defaultdict(list)
    for hit, holder in inside:
        if holder.depth > 0 and id(hit) not in chosen:
            nested[holder.start].append(hit)
    for hits_here in nested.values():
        chosen.update(map(id, longest_first(hits_here)))
    return chosen


def _innermost(quotations: list[Quotation], start: int, end: int) -> Quotation | None:
    best = None
    for quotation in quotations:
        if (
            quotation.inner_start <= start
            and end <= quotation.inner_end
            and (best is None or quotation.depth > best.depth)
        ):
            best = quotation
    return best


def _status(
    text: str,
    quotation: Quotation,
    spans: list[tuple[int, int]],
    glossed: bool,
    marked: bool,
) -> QuoteStatus:
    letters = [i for i in range(quotation.inner_start, quotation.inner_end) if text[i].isalnum()]
    covered = [i for i in letters if any(s <= i < e for s, e in spans)]
    if not covered:
        return "unglossed"
    if len(covered) < len(letters):
        return "partial"
    if glossed:
        return "glossed"
    return "no_original" if marked else "covered"
