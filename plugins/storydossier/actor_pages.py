"""The contexts of the actor index and of an actor's profile, in one edition: used by
`render` for `actors.html` and `actor.html`. Plain Python.

The index puts first those the texts quote, then those they mention most; its groups
are named in the plural and counts are said in words («6 citations · 4 mentions»).
A profile's headings fit the kind of actor (French headings in a form that fits any
gender); a section with nothing in it is left out; the actor's own name is not repeated
under each of their quotations; mentions come one per sentence, the words that name
the actor marked, the sentence shown as the text gives it (no marks added around it).
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis
from .labels import LABELS
from .langs import Lang
from .model import Actor, Localized
from .present import Link, Presenter
from .views import Mention

KINDS = ("person", "organisation", "group")


@dataclass(frozen=True)
class ActorRow:
    link: Link
    role: Localized | None
    counts: str  # «6 citations · 4 mentions»; empty when the texts neither quote nor name them
    quoted: int
    mentioned: int


@dataclass(frozen=True)
class SentenceShown:
    """One sentence that names the actor: where, and its pieces (text, marked?)."""

    source: Link
    lang: Lang
    pieces: list[tuple[str, bool]]


Group = tuple[str, str, list[tuple[str, list[ActorRow]]]]  # kind, heading, affiliations


def actor_rows(analysis: Analysis, shown: Presenter) -> list[Group]:
    """(kind, its plural heading, [(affiliation, rows)]): the most quoted first."""
    lang = shown.lang
    mentions = analysis.edition_mentions(lang)
    groups: list[Group] = []
    for kind in KINDS:
        by_affiliation: dict[str, list[ActorRow]] = {}
        for actor in analysis.dossier.actors:
            if actor.kind == kind:
                row = _row(analysis, shown, actor, len(mentions.get(actor.id, [])))
                by_affiliation.setdefault(actor.affiliation_in(lang) or "—", []).append(row)
        if not by_affiliation:
            continue
        for rows in by_affiliation.values():
            rows.sort(key=lambda r: (-r.quoted, -r.mentioned, r.link.text))
        ordered = sorted(
            by_affiliation.items(),
            key=lambda item: (-item[1][0].quoted, -sum(r.mentioned for r in item[1]), item[0]),
        )
        groups.append((kind, LABELS[lang][f"kinds_{kind}"], ordered))
    groups.sort(key=lambda g: -max(r.quoted for _, rows in g[2] for r in rows))
    return groups


def _row(analysis: Analysis, shown: Presenter, actor: Actor, mentioned: int) -> ActorRow:
    quoted = len(analysis.said_by(actor.id))
    parts = [
        shown.count(number, key)
        for number, key in ((quoted, "quotations_count"), (mentioned, "mentions_count"))
        if number
    ]
    role = actor.roles[0].title if actor.roles else None
    return ActorRow(shown.actor(actor.id), role, " · ".join(parts), quoted, mentioned)


def said_heading(actor: Actor, lang: Lang) -> str:
    return LABELS[lang][f"said_{actor.kind}"]


def sentences(
    analysis: Analysis, shown: Presenter, mentions: list[Mention], lang_of: dict[str, Lang]
) -> list[SentenceShown]:
    """The sentences that name the actor, each once, its naming words marked."""
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for mention in mentions:
        key = (mention.source_id, mention.block_anchor, mention.context)
        grouped.setdefault(key, []).append(mention.words)
    return [
        SentenceShown(shown.source(source_id, anchor), lang_of[source_id], _marked(context, words))
        for (source_id, anchor, context), words in grouped.items()
    ]


def _marked(sentence: str, words: list[str]) -> list[tuple[str, bool]]:
    """`sentence` cut into pieces, each occurrence of `words` marked (longest first)."""
    spans: list[tuple[int, int]] = []
    for word in sorted(set(words), key=len, reverse=True):
        at = sentence.find(word)
        while at >= 0:
            end = at + len(word)
            if all(end <= s or at >= e for s, e in spans):
                spans.append((at, end))
            at = sentence.find(word, end)
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        if start > position:
            pieces.append((sentence[position:start], False))
        pieces.append((sentence[start:end], True))
        position = end
    if position < len(sentence):
        pieces.append((sentence[position:], False))
    return pieces
