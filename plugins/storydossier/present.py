"""The pieces every generated page shows, prepared in Python for one interface language.

Used by `render`: links with their relative address, dates as text at their precision,
a gloss's facts, and each block's inline content with its quotations resolved to their
glosses. Templates receive these and only lay them out: no template looks a record up,
picks a language, filters a list or builds a link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit

from .analysis import Analysis
from .dates import DateValue, parse_date
from .labels import LABELS, with_colon
from .langs import Lang
from .model import Gloss, Localized, Provenance
from .pages import PageKey
from .urls import relative_url
from .views import InciseNode, MentionNode, Node, QuoteView, SourceView, TextNode

FIDELITIES = ("verbatim", "condensed", "paraphrase", "unverified")


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Source:
    """Where an English wording is published: «Reuters, 6 janvier 2020 — headline»."""

    text: str
    href: str
    archive: str | None = None


@dataclass(frozen=True)
class When:
    """A date as shown: one (iso, text) part, or two for an interval."""

    parts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Fidelity:
    key: str
    label: str
    help: str
    short: str = ""  # one word, for the legend's summary line


@dataclass(frozen=True)
class GlossCard:
    """The facts about one gloss: who, when, where, how faithful, from where."""

    speaker: Link
    said: When | None
    where: Localized | None
    fidelity: Fidelity
    provenance: list[Source]
    note: Localized | None
    post: Link | None


@dataclass(frozen=True)
class QuoteShown:
    """One quotation of a text, with what the reader can open about it."""

    anchor: str
    status: str
    gloss_id: str = ""
    fidelity: Fidelity | None = None
    english: list[str] = field(default_factory=list)
    cards: list[GlossCard] = field(default_factory=list)
    reason: Localized | None = None  # why it has no English original
    number: int = 0  # a glossed quotation's note number on its page (1, 2, ...)
    lang: str = "fr"  # of its words in the text: English where a translation holds it
    french: str | None = None  # in a translation: the French as the text published it
    loose: bool = False  # a note with no place in the text (not in the translation)


@dataclass(frozen=True)
class Inline:
    kind: Literal["text", "mention", "quote", "incise"]
    text: str = ""
    href: str = ""
    quote: QuoteShown | None = None
    children: list[Inline] = field(default_factory=list)
    first: bool = True  # a quotation's first segment carries its anchor
    last: bool = True  # its last segment carries the English and the details
    follows_mention: bool = False  # a mention right after another, a space between
    tail: str = ""  # a glossed quotation's last word, kept on one line with its chip


def host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


class Presenter:
    """Prepares shared pieces for the page at `current_url`, in one interface language."""

    def __init__(
        self, analysis: Analysis, lang: Lang, urls: dict[PageKey, str], current_url: str
    ) -> None:
        self.analysis = analysis
        self.lang = lang
        self.labels = LABELS[lang]
        self.urls = urls
        self.current_url = current_url
        self._numbers: dict[str, int] = {}  # quotation anchor -> its note number here
        self._french: dict[str, str] | None = None  # on a translation: anchor -> French

    def href(self, key: PageKey, anchor: str | None = None) -> str:
        target = self.urls[key] + (f"#{anchor}" if anchor else "")
        return relative_url(target, self.current_url)

    def actor(self, actor_id: str) -> Link:
        name = self.analysis.actors[actor_id].name_in(self.lang)
        return Link(name, self.href(PageKey.actor(actor_id)))

    def source(self, source_id: str, anchor: str | None = None) -> Link:
        title = self.analysis.sources[source_id].source.title.pick(self.lang)
        return Link(title or source_id, self.href(PageKey.source(source_id), anchor))

    def when(self, value: DateValue | str | None) -> When | None:
        if value is None:
            return None
        date = parse_date(value) if isinstance(value, str) else value
        if date.end is not None:
            return When(
                (
                    (date.start.iso(), date.start.text(self.lang)),
                    (date.end.iso(), date.end.text(self.lang)),
                )
            )
        return When(((date.iso(), date.text(self.lang)),))

    def fidelity(self, key: str) -> Fidelity:
        labels = self.labels
        return Fidelity(
            key, labels[f"fid_{key}"], labels[f"fid_{key}_help"], labels[f"fid_{key}_short"]
        )

    def count(self, number: int, key: str) -> str:
        """`2 citations`, `1 citation`; French takes the singular for 0 too."""
        singular = number < 2 if self.lang == "fr" else number == 1
        return f"{number} {self.labels[key + '_one' if singular else key]}"

    def coverage(self, done: int, total: int) -> str:
        """`3 citations sur 4 glosées`, `1 citation sur 1 glosée`; the total decides."""
        singular = total < 2 if self.lang == "fr" else total == 1
        return self.labels["coverage_one" if singular else "coverage"].format(
            done=done, total=total
        )

    def colon(self, key: str) -> str:
        """A label followed by the colon of the interface language: «Dit par :», "Said by:"."""
        return with_colon(self.lang, self.labels[key])

    def card(self, gloss: Gloss) -> GlossCard:
        post = self.analysis.posts.get(gloss.id)
        return GlossCard(
            speaker=self.actor(gloss.speaker),
            said=self.when(gloss.said),
            where=gloss.where,
            fidelity=self.fidelity(gloss.fidelity),
            provenance=[self.provenance(entry) for entry in gloss.provenance],
            note=gloss.note,
            post=Link(
                self.labels["post_link"],
                self.href(PageKey.source(post.source_id), post.block_anchor),
            )
            if post
            else None,
        )

    def provenance(self, entry: str | Provenance) -> Source:
        """A provenance as a journalist cites it; a bare address shows its site."""
        if not isinstance(entry, Provenance):
            return Source(host(entry), entry)
        when = self.when(entry.date)
        head = ", ".join(
            part
            for part in (entry.outlet, " – ".join(text for _, text in when.parts) if when else None)
            if part
        )
        text = " — ".join(part for part in (head, entry.headline) if part) or host(entry.url)
        return Source(text, entry.url, entry.archive)

    def translating(self, french: SourceView) -> None:
        """The page shows `french`'s translation: its quotations are English originals,
        and their notes give the French as the text published it."""
        self._french = {quote.anchor: quote.text for quote in french.quotes}

    def quote(self, view: QuoteView) -> QuoteShown:
        if view.uses:
            glosses = [self.analysis.glosses[use.gloss_id] for use in view.uses]
            # numbered in reading order; a quotation over paragraphs keeps one number
            number = self._numbers.setdefault(view.anchor, len(self._numbers) + 1)
            french = self._french.get(view.anchor) if self._french is not None else None
            return QuoteShown(
                view.anchor,
                view.status,
                gloss_id=glosses[0].id,
                fidelity=self.fidelity(glosses[0].fidelity),
                english=[] if french else [g.en for g in glosses if g.en],
                cards=[self.card(g) for g in glosses],
                number=number,
                lang="en" if french else "fr",
                french=french,
            )
        if view.no_original is not None:
            reason = self.analysis.no_original(view.no_original).reason
            return QuoteShown(view.anchor, "no_original", reason=reason)
        return QuoteShown(view.anchor, view.status)

    def loose_note(self, french: QuoteView, gloss_id: str) -> QuoteShown:
        """The note of a French quotation that the translation does not hold as an
        English original: what the French said, and what is known of the original."""
        gloss = self.analysis.glosses[gloss_id]
        return QuoteShown(
            french.anchor,
            french.status,
            gloss_id=gloss.id,
            fidelity=self.fidelity(gloss.fidelity),
            english=[gloss.en] if gloss.en else [],
            cards=[self.card(gloss)],
            french=french.text,
            loose=True,
        )

    def inline(self, nodes: tuple[Node, ...]) -> list[Inline]:
        shown = [self._inline(node) for node in nodes]
        for at in range(2, len(shown)):
            # «la presse le général Milley»: two names the reader must see as two links
            before, space, node = shown[at - 2], shown[at - 1], shown[at]
            between_is_space = space.kind == "text" and not space.text.strip()
            if before.kind == node.kind == "mention" and between_is_space:
                shown[at] = replace(node, follows_mention=True)
        return shown

    def _inline(self, node: Node) -> Inline:
        if isinstance(node, TextNode):
            return Inline("text", node.text)
        children = self.inline(node.children)
        if isinstance(node, MentionNode):
            href = self.href(PageKey.actor(node.actor_id))
            return Inline("mention", href=href, children=children)
        if isinstance(node, InciseNode):
            return Inline("incise", children=children)
        quote = self.quote(node.quote)
        shown = Inline("quote", quote=quote, children=children, first=node.first, last=node.last)
        return _tie_last_word(shown) if quote.cards and node.last else shown


def _tie_last_word(quote: Inline) -> Inline:
    """Move the quotation's last word (with its closing mark) out of its children into
    `tail`, which the page sets with the chip in one unbreakable piece: a chip never
    starts a line alone. A quotation ending in a name or a nested quotation is left.
    Only a plain space separates words here: a no-break space before » already ties."""
    if not quote.children or quote.children[-1].kind != "text":
        return quote
    text = quote.children[-1].text
    cut = text.rfind(" ") + 1  # 0: the text is one word, all of it the tail
    head = [Inline("text", text[:cut])] if cut else []
    return replace(quote, children=[*quote.children[:-1], *head], tail=text[cut:])


def by_name(presenter: Presenter) -> Callable[[str], str]:
    """Sort key of actor ids by the actor's name."""
    return lambda actor_id: presenter.analysis.actors[actor_id].name_in(presenter.lang)
