"""The context of a source page, in one edition: used by `render` for `source.html`.

The French edition shows the agency's text. The English edition shows the dossier's
translation when there is one, each English original standing in it as the speaker's
words (its note gives the French as published); a text not translated yet is shown in
French, with a notice, its English summary and every English original in the notes.
Plain Python; templates only lay out what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .analysis import Analysis
from .datelines import Dateline
from .labels import LABELS
from .langs import Lang
from .model import Localized, PostCredit
from .pages import PageKey
from .present import FIDELITIES, Inline, Link, Presenter, QuoteShown, host
from .views import BlockView


@dataclass(frozen=True)
class BlockShown:
    kind: str
    anchor: str
    lang: str
    nodes: list[Inline]
    notes: list[QuoteShown]  # the glossed quotations that end here, as the block's notes
    author: str | None = None  # a quoted post's author, in the interface language
    author_url: str | None = None  # and the post itself
    loose: list[QuoteShown] | None = None  # notes with no place in the text (translation)
    twin: list[Inline] | None = None  # the same block in the other language, to read beside
    twin_lang: str = ""


@dataclass(frozen=True)
class Heading:
    """The page's title in the edition's language, and the original's when it differs."""

    text: str
    lang: str
    original: str | None = None
    original_lang: str = "fr"


def source_context(analysis: Analysis, shown: Presenter, source_id: str) -> dict[str, Any]:
    """Everything `source.html` lays out for the text `source_id` in `shown.lang`."""
    view = analysis.sources[source_id]
    source, dateline = view.source, view.parsed.dateline
    lang, labels = shown.lang, LABELS[shown.lang]
    translation = analysis.translation_read(source_id, lang)
    done, total = view.coverage
    context: dict[str, Any] = {
        "heading": _heading(source.title, source.language, lang),
        "text_lang": "en" if translation else source.language,
        "outlet": source.outlet,
        "agency": shown.actor(source.agency) if source.agency else None,
        "agency_text": dateline.agency if dateline and not source.agency else None,
        "place": _place(dateline) if dateline else None,
        "published": shown.when(view.published),
        "credit_text": view.parsed.credit_text,
        "original": Link(host(source.url), source.url) if source.url else None,
        "speakers": [shown.actor(a) for a in analysis.speakers(source_id)],
        "coverage": shown.coverage(done, total),
        "fidelities": [shown.fidelity(key) for key in FIDELITIES],
        "modes": translation is None,  # reading modes act on the French and its glosses
        "translator": translation.translator if translation else None,
        "notice": None,
        "summary": None,
    }
    if translation is None and lang != source.language:
        context["notice"] = labels["no_translation"]
        context["summary"] = _pick(source.summary, lang)
    if translation is not None:
        shown.translating(view)
        # a translated block has its French block's kind (an English post stays a post)
        kinds = [b.block.kind for b in view.blocks]
        blocks = [
            _block(analysis, shown, source_id, b, "en", kind)
            for b, kind in zip(translation.blocks, kinds, strict=True)
        ]
        _add_loose_notes(analysis, shown, source_id, blocks)
        blocks = _with_twins(blocks, [shown.inline(b.nodes) for b in view.blocks], "fr")
    else:
        blocks = [
            _block(analysis, shown, source_id, b, b.block.lang, b.block.kind) for b in view.blocks
        ]
    other = analysis.translations.get(source_id) if translation is None else None
    if other is not None:  # the French edition of a translated text: its English beside
        blocks = _with_twins(blocks, [shown.inline(b.nodes) for b in other.blocks], "en")
    context["blocks"] = blocks
    context["parallel"] = next((b.twin_lang for b in blocks if b.twin), None)
    context["french_page"] = shown.href(PageKey.source(source_id)) if translation else None
    return context


def _heading(title: Localized, text_lang: Lang, lang: Lang) -> Heading:
    own = title.get(lang)
    if own is None:
        return Heading(title.pick(lang), text_lang)
    original = title.get(text_lang) if lang != text_lang else None
    return Heading(own, lang, original if original != own else None, text_lang)


def _pick(value: Localized | None, lang: Lang) -> tuple[str, str] | None:
    """(text, its language) of `value` in `lang`, or in the other language."""
    if value is None:
        return None
    text = value.get(lang)
    return (text, lang) if text is not None else (value.pick(lang), "fr" if lang == "en" else "en")


def _block(
    analysis: Analysis, shown: Presenter, source_id: str, block: BlockView, lang: str, kind: str
) -> BlockShown:
    nodes = shown.inline(block.nodes)
    notes = _ending_here(nodes)
    credit: PostCredit | None = analysis.post_credits.get((source_id, block.anchor))
    if credit is None:
        return BlockShown(kind, block.anchor, lang, nodes, notes)
    author = credit.author.pick(shown.lang)
    return BlockShown(kind, block.anchor, lang, nodes, notes, author, credit.url)


def _add_loose_notes(
    analysis: Analysis, shown: Presenter, source_id: str, blocks: list[BlockShown]
) -> None:
    """The glossed quotations of each French block that the translation does not hold
    as English originals (no original is known, or it was not written in): each is a
    note after its translated block, telling what the French said."""
    placed = {use.gloss_id for view in analysis.translations[source_id].quotes for use in view.uses}
    french = analysis.sources[source_id]
    for quote in french.quotes:
        left = [use for use in quote.uses if use.gloss_id not in placed]
        if not left:
            continue
        index = quote.quotation.segments[-1].block
        note = shown.loose_note(quote, left[0].gloss_id)
        blocks[index] = replace(blocks[index], loose=[*(blocks[index].loose or []), note])


def _with_twins(
    blocks: list[BlockShown], others: list[list[Inline]], lang: str
) -> list[BlockShown]:
    """Each heading and paragraph with its aligned block in the other language (a post
    is the same English in both)."""
    return [
        replace(block, twin=other, twin_lang=lang) if block.kind != "post" else block
        for block, other in zip(blocks, others, strict=True)
    ]


def _ending_here(nodes: list[Inline]) -> list[QuoteShown]:
    """The glossed quotations whose last segment is among `nodes`, in reading order
    (a quotation nested in another comes first: its closing mark does, and so does its
    number)."""
    found: list[QuoteShown] = []
    for node in nodes:
        found += _ending_here(node.children)
        if node.kind == "quote" and node.quote is not None and node.quote.cards and node.last:
            found.append(node.quote)
    return found


def _place(dateline: Dateline) -> str:
    """Where the dispatch was filed, as its dateline says: `HOUSTON (Texas)`."""
    return dateline.place + (f" ({dateline.country})" if dateline.country else "")
