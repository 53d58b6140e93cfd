"""Analyse a loaded dossier: blocks, quotations, glosses, mentions, anchors, warnings.

Sits between `loading` (a valid model plus texts) and every output (pages, exports).
Each text is normalised once and scanned once by the dossier's `Matcher`; everything a
page shows is decided here, so templates only lay it out. Problems an editor may fix
later (an unglossed quotation, a gloss that matches nothing, an actor no one refers to)
are returned as warnings with `file:line`.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from .dates import DateValue, parse_date
from .loading import LoadedDossier, display_path
from .matching import Hit, Matcher, Pattern, longest_first
from .model import Actor, Event, Gloss, NoOriginal, Source, _slug
from .normalise import normalise, normalise_pattern
from .problems import Problem
from .quotes import Quotation, find_quotations
from .texts import Block, ParsedText, parse_text

QuoteStatus = Literal["glossed", "covered", "no_original", "partial", "unglossed"]


@dataclass
class GlossUse:
    """One place in one text where a gloss's French quotation stands."""

    gloss: Gloss
    source_id: str
    anchor: str
    block_anchor: str
    start: int
    end: int


@dataclass
class QuoteView:
    quotation: Quotation
    anchor: str
    line: int
    text: str  # the inner words, as in the text
    status: QuoteStatus
    uses: list[GlossUse] = field(default_factory=list)
    no_original: NoOriginal | None = None


@dataclass
class Mention:
    actor_id: str
    source_id: str
    block_anchor: str
    start: int
    end: int
    words: str
    context: str


@dataclass
class Node:
    """A piece of a block's inline content: text, a quotation, or an actor mention."""

    kind: Literal["text", "quote", "mention"]
    start: int
    end: int
    text: str = ""
    quote: QuoteView | None = None
    actor_id: str | None = None
    children: list[Node] = field(default_factory=list)


@dataclass
class BlockView:
    block: Block
    anchor: str
    nodes: list[Node]


@dataclass
class PostLink:
    source_id: str
    block_anchor: str


@dataclass
class DatingPhrase:
    event_id: str
    source_id: str
    phrase: str
    block_anchor: str | None


@dataclass
class SourceView:
    source: Source
    file: str
    parsed: ParsedText
    blocks: list[BlockView]
    quotes: list[QuoteView]
    mentions: list[Mention]
    published: DateValue | None

    @property
    def coverage(self) -> tuple[int, int]:
        """(quotations glossed or marked, all quotations)."""
        done = sum(q.status in ("glossed", "covered", "no_original") for q in self.quotes)
        return done, len(self.quotes)

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for quote in self.quotes:
            for use in quote.uses:
                seen.setdefault(use.gloss.speaker)
        return list(seen)


@dataclass
class Analysis:
    loaded: LoadedDossier
    sources: dict[str, SourceView]
    gloss_uses: dict[str, list[GlossUse]]
    mentions: dict[str, list[Mention]]
    posts: dict[str, PostLink]  # gloss id -> embedded English post
    datings: dict[str, list[DatingPhrase]]  # event id -> phrases found
    warnings: list[Problem]
    _events_sorted: list[Event] | None = field(default=None, repr=False)

    @property
    def dossier(self):
        return self.loaded.dossier

    @functools.cached_property
    def actors(self) -> dict[str, Actor]:
        """Actors by id (built once: every page's JSON-LD looks them up)."""
        return {a.id: a for a in self.dossier.actors}

    def events_sorted(self) -> list[Event]:
        """Events by earliest instant, then precision (computed once per analysis)."""
        if self._events_sorted is None:
            self._events_sorted = sorted(
                self.dossier.events, key=lambda e: (parse_date(e.date).sort_key(), e.id)
            )
        return self._events_sorted


def build_matcher(loaded: LoadedDossier) -> Matcher:
    dossier = loaded.dossier
    patterns: list[tuple[str, Pattern]] = []
    for gloss in dossier.glosses:
        patterns.append((gloss.fr, Pattern("gloss", gloss.id, frozenset(gloss.sources))))
    for index, entry in enumerate(dossier.no_original):
        patterns.append((entry.fr, Pattern("no_original", str(index), frozenset(entry.sources))))
    for actor in dossier.actors:
        for _lang, alias in actor.aliases.all():
            patterns.append((alias, Pattern("alias", actor.id, frozenset())))
        patterns.append((actor.name, Pattern("alias", actor.id, frozenset())))
    return Matcher(patterns)


def analyse(loaded: LoadedDossier, cache: AnalysisCache | None = None) -> Analysis:
    """Analyse every text of `loaded` against its annotations.

    With a `cache` (the plugin keeps one across `mkdocs serve` rebuilds), a text is
    analysed again only if it, its settings, or a pattern that may occur in it changed;
    the others keep their result, re-pointed at the new gloss and no-original records.
    """
    dossier = loaded.dossier
    matcher = build_matcher(loaded)
    warnings: list[Problem] = list(loaded.warnings)
    gloss_by_id = {g.id: g for g in dossier.glosses}
    gloss_index = {g.id: i for i, g in enumerate(dossier.glosses)}
    gloss_uses: dict[str, list[GlossUse]] = defaultdict(list)
    stray_hits: dict[str, tuple[str, int]] = {}  # gloss id -> (file, line) outside « »
    mentions: dict[str, list[Mention]] = defaultdict(list)
    views: dict[str, SourceView] = {}
    ambiguous_reported: set[str] = set()
    changed = cache.changed_patterns(matcher) if cache is not None else []

    for source in dossier.sources:
        text = loaded.texts[source.id]
        file = loaded.source_file(source.id)
        result = None
        if cache is not None:
            kept_key = (source.model_dump_json(), file, text)
            result = cache.reusable(source.id, kept_key, changed)
        if result is None:
            result = _analyse_source(source, text, file, matcher, gloss_by_id, dossier.no_original)
            if cache is not None:
                cache.keep(source.id, kept_key, result)
        else:
            result.rebind(source, gloss_by_id, dossier.no_original)
        views[source.id] = result.view
        warnings.extend(result.warnings)
        for key, actors in result.ambiguous:
            if key not in ambiguous_reported:
                ambiguous_reported.add(key)
                warnings.append(_ambiguous_alias(loaded, key, actors))
        for gloss_id, where in result.stray:
            stray_hits.setdefault(gloss_id, where)
        for use in result.uses:
            gloss_uses[use.gloss.id].append(use)
        for mention in result.view.mentions:
            mentions[mention.actor_id].append(mention)

    for gloss in dossier.glosses:
        if gloss.id not in gloss_uses:
            warnings.append(
                _gloss_not_found(
                    loaded, gloss, gloss_index[gloss.id], views, stray_hits.get(gloss.id)
                )
            )

    posts = _link_posts(loaded, views, warnings)
    datings = _find_datings(loaded, views, warnings)
    _unreferenced_actors(loaded, mentions, warnings)
    return Analysis(loaded, views, dict(gloss_uses), dict(mentions), posts, datings, warnings)


@dataclass
class SourceResult:
    """Everything the analysis of one text yields, as kept by `AnalysisCache`."""

    view: SourceView = field(init=False)
    norm: str = ""  # the folded text, where changed patterns are looked for
    warnings: list[Problem] = field(default_factory=list)
    stray: list[tuple[str, tuple[str, int]]] = field(default_factory=list)
    uses: list[GlossUse] = field(default_factory=list)
    no_original: list[tuple[QuoteView, int]] = field(default_factory=list)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)

    def rebind(
        self, source: Source, gloss_by_id: dict[str, Gloss], no_originals: list[NoOriginal]
    ) -> None:
        """Point a kept result at this analysis's records (equal in all that matching
        reads; a gloss's English, speaker or note may have changed)."""
        self.view.source = source
        for use in self.uses:
            use.gloss = gloss_by_id[use.gloss.id]
        for view, index in self.no_original:
            view.no_original = no_originals[index]


KeptKey = tuple[str, str, str]


class AnalysisCache:
    """Per-text analyses kept from one analysis to the next, with the patterns they saw.

    A kept result is reused when the text, its source record and its display path are
    unchanged and no pattern that changed (added, removed, or now meaning another gloss,
    actor or set of texts) occurs in its folded text. The occurrence test is a plain
    substring test: it may redo a text needlessly, never keep one it should redo.
    """

    def __init__(self) -> None:
        self.groups: dict[str, tuple[Pattern, ...]] = {}
        self.results: dict[str, tuple[KeptKey, SourceResult]] = {}
        self.reused = 0
        self.analysed = 0

    def changed_patterns(self, matcher: Matcher) -> list[str]:
        old, new = self.groups, matcher.groups
        self.groups = dict(new)
        self.reused = self.analysed = 0
        return [key for key in old.keys() | new.keys() if old.get(key) != new.get(key)]

    def reusable(self, source_id: str, key: KeptKey, changed: list[str]) -> SourceResult | None:
        """The kept result for `source_id` if still valid; `key`: (source record as JSON,
        display path, text)."""
        kept = self.results.get(source_id)
        if kept is None or kept[0] != key:
            return None
        result = kept[1]
        if any(pattern in result.norm for pattern in changed):
            return None
        self.reused += 1
        return result

    def keep(self, source_id: str, key: KeptKey, result: SourceResult) -> None:
        self.analysed += 1
        self.results[source_id] = (key, result)


def _analyse_source(
    source: Source,
    text: str,
    file: str,
    matcher: Matcher,
    gloss_by_id: dict[str, Gloss],
    no_originals: list[NoOriginal],
) -> SourceResult:
    """Blocks, quotations, gloss uses, mentions and warnings of one text."""
    overrides = tuple((b.starts_with, b.lang) for b in source.blocks)
    parsed = _parse_cached(text, source.language, overrides)
    result = SourceResult()
    warnings = result.warnings
    block_anchors = _block_anchors(parsed.blocks)

    _check_text_hazards(parsed, file, warnings)
    quotations: list[Quotation] = []
    for index, block in enumerate(parsed.blocks):
        if block.lang != "fr":
            continue
        found, unbalanced = find_quotations(parsed.text, block.start, block.end, index)
        quotations.extend(found)
        for item in unbalanced:
            line, col = _line_col(parsed.text, item.offset)
            warnings.append(
                Problem(
                    file,
                    line,
                    col,
                    f"unbalanced `{item.char}`: this "
                    "guillemet has no partner in its paragraph; the quotation "
                    "is not shown as one",
                    "warning",
                )
            )

    norm = normalise(parsed.text)
    hits = matcher.scan(norm, source.id)
    quote_hits = [h for h in hits if h.patterns[0].kind != "alias"]
    alias_hits = [h for h in hits if h.patterns[0].kind == "alias"]

    # Glosses and no-original marks: only inside a quotation, longest first.
    inside: list[tuple[Hit, Quotation]] = []
    for hit in quote_hits:
        holder = _innermost(quotations, hit.start, hit.end)
        if holder is None:
            for pattern in hit.patterns:
                result.stray.append((pattern.ref, (file, parsed.line_of(hit.start))))
        else:
            inside.append((hit, holder))
    chosen = set(map(id, longest_first([h for h, _ in inside])))
    # A quotation nested in another is glossed on its own too, even when a longer
    # gloss covers the outer one: longest-first applies among its own hits.
    nested: dict[int, list[Hit]] = defaultdict(list)
    for hit, holder in inside:
        if holder.depth > 0 and id(hit) not in chosen:
            nested[holder.start].append(hit)
    for hits_here in nested.values():
        chosen.update(map(id, longest_first(hits_here)))
    per_quote: dict[int, list[Hit]] = defaultdict(list)
    for hit, holder in inside:
        if id(hit) in chosen:
            per_quote[holder.start].append(hit)

    quote_views: list[QuoteView] = []
    quote_anchors: dict[str, int] = {}
    covered_spans = [(h.start, h.end) for h, _ in inside if id(h) in chosen]
    for quotation in quotations:
        line = parsed.line_of(quotation.start)
        inner = quotation.inner(parsed.text)
        own = per_quote.get(quotation.start, [])
        uses: list[GlossUse] = []
        no_original, no_original_index = None, -1
        for hit in own:
            pattern = hit.patterns[0]
            if pattern.kind == "gloss":
                anchor = _unique(f"q-{pattern.ref}", quote_anchors)
                block_anchor = block_anchors[quotation.block]
                use = GlossUse(
                    gloss_by_id[pattern.ref],
                    source.id,
                    anchor,
                    block_anchor,
                    hit.start,
                    hit.end,
                )
                uses.append(use)
                result.uses.append(use)
            else:
                no_original_index = int(pattern.ref)
                no_original = no_originals[no_original_index]
        status = _status(parsed.text, quotation, covered_spans, uses, no_original)
        anchor = uses[0].anchor if uses else _unique("q-" + _slug(inner)[:40], quote_anchors)
        view = QuoteView(quotation, anchor, line, inner, status, uses, no_original)
        quote_views.append(view)
        if no_original is not None:
            result.no_original.append((view, no_original_index))
        if status in ("unglossed", "partial"):
            line, col = _line_col(parsed.text, quotation.start)
            what = "has no gloss" if status == "unglossed" else "is only partly glossed"
            warnings.append(
                Problem(
                    file,
                    line,
                    col,
                    f"quotation «{_short(inner)}» {what}: add a gloss for it under `glosses:` "
                    f"(`dossier quotes {source.id}` prints a stub), "
                    "or list it under `no_original:`",
                    "warning",
                )
            )

    # Actor mentions: longest alias first; an alias shared by two actors links to none.
    usable: list[Hit] = []
    for hit in alias_hits:
        actors = sorted({p.ref for p in hit.patterns})
        if len(actors) > 1:
            result.ambiguous.append((hit.key, actors))
            continue
        usable.append(hit)
    source_mentions = []
    for hit in longest_first(usable):
        block_index = _block_at(parsed.blocks, hit.start, hit.end)
        if block_index is None:
            continue
        block = parsed.blocks[block_index]
        mention = Mention(
            hit.patterns[0].ref,
            source.id,
            block_anchors[block_index],
            hit.start,
            hit.end,
            parsed.text[hit.start : hit.end],
            _sentence(parsed.text, block, hit.start, hit.end),
        )
        source_mentions.append(mention)

    blocks = []
    quotes_by_block: dict[int, list[QuoteView]] = defaultdict(list)
    for view in quote_views:
        quotes_by_block[view.quotation.block].append(view)
    mentions_by_block: dict[str, list[Mention]] = defaultdict(list)
    for mention in source_mentions:
        mentions_by_block[mention.block_anchor].append(mention)
    for index, block in enumerate(parsed.blocks):
        anchor = block_anchors[index]
        nodes = _inline_tree(parsed.text, block, quotes_by_block[index], mentions_by_block[anchor])
        blocks.append(BlockView(block, anchor, nodes))

    published_raw = source.published or parsed.date_marker
    result.view = SourceView(
        source,
        file,
        parsed,
        blocks,
        quote_views,
        source_mentions,
        parse_date(published_raw) if published_raw else None,
    )
    result.norm = norm.text
    return result


# --- helpers ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, lang: str, overrides: tuple[tuple[str, str], ...]) -> ParsedText:
    """Parsing depends only on the text and its settings: under `mkdocs serve`, an edit
    to a gloss or an actor does not parse the texts again."""
    return parse_text(text, default_lang=lang, overrides=dict(overrides))


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _check_text_hazards(parsed: ParsedText, file: str, warnings: list[Problem]) -> None:
    """What a reader could not see: an empty text, invisible bidirectional controls."""
    if not parsed.blocks:
        warnings.append(
            Problem(file, None, None, "this text is empty: its page will be blank", "warning")
        )
    found = _BIDI.search(parsed.text)
    if found:
        line, col = _line_col(parsed.text, found.start())
        warnings.append(
            Problem(
                file,
                line,
                col,
                f"invisible bidirectional control character U+{ord(found.group()):04X}: it can "
                "reorder what readers see; remove it unless the text needs it",
                "warning",
            )
        )


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _unique(anchor: str, used: dict[str, int]) -> str:
    anchor = anchor.rstrip("-") or "q"
    count = used.get(anchor, 0) + 1
    used[anchor] = count
    return anchor if count == 1 else f"{anchor}-{count}"


def _block_anchors(blocks: list[Block]) -> list[str]:
    """Anchors from each block's first words (stable when a paragraph is added above)."""
    used: dict[str, int] = {}
    prefix = {"heading": "h", "paragraph": "p", "post": "post"}
    anchors = []
    for block in blocks:
        words = _slug(block.text).split("-")[:6]
        anchors.append(_unique(f"{prefix[block.kind]}-{'-'.join(words)}", used))
    return anchors


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
    uses: list[GlossUse],
    no_original: NoOriginal | None,
) -> QuoteStatus:
    letters = [i for i in range(quotation.inner_start, quotation.inner_end) if text[i].isalnum()]
    covered = [i for i in letters if any(s <= i < e for s, e in spans)]
    if not covered:
        return "unglossed"
    if len(covered) < len(letters):
        return "partial"
    if uses:
        return "glossed"
    return "no_original" if no_original else "covered"


def _block_at(blocks: list[Block], start: int, end: int) -> int | None:
    for index, block in enumerate(blocks):
        if block.start <= start and end <= block.end:
            return index
    return None


_SENTENCE_BREAK = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý])")


def _sentence(text: str, block: Block, start: int, end: int) -> str:
    """The sentence of `block` around [start, end), for mention context."""
    begin = block.start
    for match in _SENTENCE_BREAK.finditer(text, block.start, start):
        begin = match.end()
    stop = block.end
    following = _SENTENCE_BREAK.search(text, end, block.end)
    if following:
        stop = following.start()
    return " ".join(text[begin:stop].split())


def _inline_tree(
    text: str, block: Block, quotes: list[QuoteView], mentions: list[Mention]
) -> list[Node]:
    """Nest quotations and mentions of a block; a mention crossing a quotation is dropped."""
    intervals = [Node("quote", q.quotation.start, q.quotation.end, quote=q) for q in quotes]
    intervals += [Node("mention", m.start, m.end, actor_id=m.actor_id) for m in mentions]
    intervals.sort(key=lambda n: (n.start, -n.end, n.kind != "quote"))
    roots: list[Node] = []
    stack: list[Node] = []
    for node in intervals:
        while stack and node.start >= stack[-1].end:
            stack.pop()
        if stack and node.end > stack[-1].end:
            continue
        if stack and stack[-1].kind == "mention":
            continue
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return _fill(text, roots, block.start, block.end)


def _fill(text: str, nodes: list[Node], start: int, end: int) -> list[Node]:
    result: list[Node] = []
    cursor = start
    for node in nodes:
        if node.start > cursor:
            result.append(Node("text", cursor, node.start, text[cursor : node.start]))
        node.children = _fill(text, node.children, node.start, node.end)
        result.append(node)
        cursor = node.end
    if end > cursor:
        result.append(Node("text", cursor, end, text[cursor:end]))
    return result


def _gloss_not_found(
    loaded: LoadedDossier,
    gloss: Gloss,
    index: int,
    views: dict[str, SourceView],
    stray: tuple[str, int] | None,
) -> Problem:
    path = ("glosses", index, "fr")
    if stray:
        return loaded.marks.problem(
            path,
            f"glosses[{index}].fr: «{_short(gloss.fr)}» appears in {stray[0]}:{stray[1]} but not "
            "between « »: a gloss pairs a quotation only",
            severity="warning",
        )
    wanted = normalise_pattern(gloss.fr)
    best: tuple[float, str] | None = None
    for view in views.values():
        if gloss.sources and view.source.id not in gloss.sources:
            continue
        for quote in view.quotes:
            ratio = difflib.SequenceMatcher(None, wanted, normalise_pattern(quote.text)).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, f"«{_short(quote.text)}» ({view.file}:{quote.line})")
    nearest = f"; nearest passage: {best[1]}" if best and best[0] > 0.3 else ""
    return loaded.marks.problem(
        path,
        f"glosses[{index}].fr: «{_short(gloss.fr)}» is not found in any quotation"
        f"{' of ' + ', '.join(gloss.sources) if gloss.sources else ''}{nearest}",
        severity="warning",
    )


def _ambiguous_alias(loaded: LoadedDossier, key: str, actors: list[str]) -> Problem:
    for i, actor in enumerate(loaded.dossier.actors):
        for lang, alias in actor.aliases.all():
            if normalise_pattern(alias) == key:
                path = (
                    "actors",
                    i,
                    "aliases",
                    lang,
                    actor.aliases.__getattribute__(lang).index(alias),
                )
                return loaded.marks.problem(
                    path,
                    f"alias «{alias}» belongs to several actors ({', '.join(actors)}); "
                    "its mentions are not linked: make it more specific in one of them",
                    severity="warning",
                )
    return Problem(
        display_path(loaded.annotations_file),
        None,
        None,
        f"«{key}» names several actors ({', '.join(actors)})",
        "warning",
    )


def _link_posts(
    loaded: LoadedDossier, views: dict[str, SourceView], warnings: list[Problem]
) -> dict[str, PostLink]:
    posts: dict[str, PostLink] = {}
    english = [
        (view.source.id, block, normalise(block.block.text).text)
        for view in views.values()
        for block in view.blocks
        if block.block.lang == "en"
    ]
    for index, gloss in enumerate(loaded.dossier.glosses):
        if gloss.post is None:
            continue
        wanted = normalise_pattern(gloss.post)
        for source_id, block, folded in english:
            if wanted in folded:
                posts[gloss.id] = PostLink(source_id, block.anchor)
                break
        else:
            warnings.append(
                loaded.marks.problem(
                    ("glosses", index, "post"),
                    f"glosses[{index}].post: «{_short(gloss.post)}» "
                    "is in no English post of the texts",
                    severity="warning",
                )
            )
    return posts


def _find_datings(
    loaded: LoadedDossier, views: dict[str, SourceView], warnings: list[Problem]
) -> dict[str, list[DatingPhrase]]:
    found: dict[str, list[DatingPhrase]] = defaultdict(list)
    for i, event in enumerate(loaded.dossier.events):
        for j, dating in enumerate(event.dated_by):
            view = views[dating.source]
            norm = normalise(view.parsed.text)
            wanted = normalise_pattern(dating.phrase)
            position = norm.text.find(wanted) if wanted else -1
            if position < 0:
                warnings.append(
                    loaded.marks.problem(
                        ("events", i, "dated_by", j, "phrase"),
                        f"events[{i}].dated_by[{j}].phrase: «{dating.phrase}» is not in the text "
                        f"`{dating.source}`; copy the words as the text gives them",
                        severity="warning",
                    )
                )
                continue
            start, _end = norm.original_span(position, position + len(wanted))
            block = _block_at(view.parsed.blocks, start, start + 1)
            anchor = view.blocks[block].anchor if block is not None else None
            found[event.id].append(DatingPhrase(event.id, dating.source, dating.phrase, anchor))
    return dict(found)


def _unreferenced_actors(
    loaded: LoadedDossier, mentions: dict[str, list[Mention]], warnings: list[Problem]
) -> None:
    dossier = loaded.dossier
    referenced = set(mentions) | {g.speaker for g in dossier.glosses}
    referenced.update(s.agency for s in dossier.sources if s.agency)
    for event in dossier.events:
        referenced.update(event.actors)
    for index, actor in enumerate(dossier.actors):
        if actor.id not in referenced:
            warnings.append(
                loaded.marks.problem(
                    ("actors", index, "id"),
                    f"actors[{index}]: `{actor.id}` is never mentioned, quoted or in an event: add "
                    "the words the texts use for them under `aliases:`, or remove the actor",
                    severity="warning",
                )
            )
