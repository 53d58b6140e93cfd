"""Analyse a loaded dossier: the coordinator between `loading` and every output.

Builds the dossier's one matcher, has each text analysed (`textpass`, through
`textcache` when the plugin keeps one across `mkdocs serve` rebuilds), links the
records into the texts (`crosslinks`), gathers the editor's warnings (`diagnostics`)
and returns a frozen `Analysis`: the views pages and exports read, with the records
they refer to by id.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from .crosslinks import credit_posts, find_datings, link_posts
from .dates import parse_date
from .diagnostics import (
    ambiguous_alias,
    credit_missing,
    dating_missing,
    gloss_not_found,
    misaligned,
    post_missing,
    publication_warnings,
    retranslated,
    text_warnings,
    unreferenced_actors,
)
from .langs import Lang
from .loading import LoadedDossier
from .matching import (
    ActorTarget,
    ExclusionTarget,
    GlossTarget,
    Matcher,
    NoOriginalTarget,
    Pattern,
)
from .model import Actor, Dossier, Event, Gloss, NoOriginal, PostCredit
from .problems import DossierError, Problem
from .textcache import AnalysisCache
from .textpass import TextResult
from .translation import Misalignment, TranslationView, analyse_translation
from .views import DatingPhrase, GlossUse, Mention, PostLink, SourceView


@dataclass(frozen=True)
class Analysis:
    """The analysed dossier. Views refer to glosses by id: resolve them here."""

    loaded: LoadedDossier
    sources: Mapping[str, SourceView]
    gloss_uses: Mapping[str, list[GlossUse]]
    mentions: Mapping[str, list[Mention]]
    posts: Mapping[str, PostLink]  # gloss id -> embedded English post
    datings: Mapping[str, list[DatingPhrase]]  # event id -> phrases found
    warnings: list[Problem]
    post_credits: Mapping[tuple[str, str], PostCredit]  # (source id, anchor) -> credit
    translations: Mapping[str, TranslationView]  # source id -> its English translation

    @property
    def dossier(self) -> Dossier:
        return self.loaded.dossier

    @functools.cached_property
    def actors(self) -> dict[str, Actor]:
        """Actors by id (built once: every page's JSON-LD looks them up)."""
        return {a.id: a for a in self.dossier.actors}

    @functools.cached_property
    def glosses(self) -> dict[str, Gloss]:
        return {g.id: g for g in self.dossier.glosses}

    @functools.cached_property
    def _by_edition(self) -> dict[Lang, dict[str, list[Mention]]]:
        return {}

    def translation_read(self, source_id: str, lang: Lang) -> TranslationView | None:
        """The translation edition `lang` reads the text in: its own when the text is in
        another language and has one, else None (the text is read as it is)."""
        if lang == self.sources[source_id].source.language:
            return None
        return self.translations.get(source_id)

    def edition_mentions(self, lang: Lang) -> dict[str, list[Mention]]:
        """Actor id -> mentions as an edition shows them: the English edition reads a
        translated text in its translation, any other text as it is (built once)."""
        if lang in self._by_edition:
            return self._by_edition[lang]
        found: dict[str, list[Mention]] = defaultdict(list)
        for source_id, view in self.sources.items():
            translation = self.translation_read(source_id, lang)
            for mention in translation.mentions if translation else view.mentions:
                found[mention.actor_id].append(mention)
        self._by_edition[lang] = dict(found)
        return self._by_edition[lang]

    def no_original(self, index: int) -> NoOriginal:
        return self.dossier.no_original[index]

    @functools.cached_property
    def events_sorted(self) -> list[Event]:
        """Events by earliest instant, then precision."""
        return sorted(self.dossier.events, key=lambda e: (parse_date(e.date).sort_key(), e.id))

    def speakers(self, source_id: str) -> list[str]:
        """Actor ids of those quoted in a text, in order of first quotation."""
        seen: dict[str, None] = {}
        for quote in self.sources[source_id].quotes:
            for use in quote.uses:
                seen.setdefault(self.glosses[use.gloss_id].speaker)
        return list(seen)

    def said_by(self, actor_id: str) -> list[tuple[Gloss, list[GlossUse]]]:
        """The actor's glosses in the YAML's order, each with where it is quoted."""
        return [
            (gloss, self.gloss_uses.get(gloss.id, []))
            for gloss in self.dossier.glosses
            if gloss.speaker == actor_id
        ]


def build_matcher(dossier: Dossier) -> Matcher:
    patterns: list[tuple[str, Pattern]] = []
    for gloss in dossier.glosses:
        patterns.append((gloss.fr, Pattern(GlossTarget(gloss.id), frozenset(gloss.sources))))
    for index, entry in enumerate(dossier.no_original):
        patterns.append((entry.fr, Pattern(NoOriginalTarget(index), frozenset(entry.sources))))
    for actor in dossier.actors:
        target = ActorTarget(actor.id)
        for lang, alias, exact in actor.aliases.entries():
            pattern = Pattern(target, frozenset(), lang, alias if exact else None)
            patterns.append((alias, pattern))
        patterns.append((actor.name, Pattern(target, frozenset())))
        if actor.name_en:
            patterns.append((actor.name_en, Pattern(target, frozenset(), "en")))
        for phrase in actor.not_in:
            patterns.append((phrase, Pattern(ExclusionTarget(actor.id), frozenset())))
    return Matcher(patterns)


def analyse(loaded: LoadedDossier, cache: AnalysisCache | None = None) -> Analysis:
    """Analyse every text of `loaded` against its annotations.

    With a `cache`, a text is analysed again only if it, its record, or a pattern that
    may occur in it changed.
    """
    dossier = loaded.dossier
    matcher = build_matcher(dossier)
    cache = cache if cache is not None else AnalysisCache()
    cache.start(matcher)
    results = {
        s.id: cache.result(s, loaded.texts[s.id], loaded.source_file(s.id), matcher)
        for s in dossier.sources
    }
    views = {source_id: result.view for source_id, result in results.items()}
    warnings = list(loaded.warnings) + _text_warnings(loaded, results)
    gloss_uses: dict[str, list[GlossUse]] = defaultdict(list)
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for view in views.values():
        for quote in view.quotes:
            for use in quote.uses:
                gloss_uses[use.gloss_id].append(use)
        for mention in view.mentions:
            mentions[mention.actor_id].append(mention)
    warnings += _unused_glosses(loaded, results, gloss_uses)
    posts, posts_missing = link_posts(dossier, views)
    warnings += [post_missing(loaded, index) for index in posts_missing]
    credits, credits_missing = credit_posts(dossier, views)
    warnings += [credit_missing(loaded, i, j) for i, j in credits_missing]
    datings, datings_missing = find_datings(dossier, views)
    warnings += [dating_missing(loaded, i, j) for i, j in datings_missing]
    warnings += publication_warnings(loaded, views)
    warnings += unreferenced_actors(loaded, mentions)
    translations, problems = _translations(loaded, views, matcher)
    warnings += problems
    return Analysis(
        loaded,
        views,
        dict(gloss_uses),
        dict(mentions),
        posts,
        datings,
        warnings,
        credits,
        translations,
    )


def _translations(
    loaded: LoadedDossier, views: Mapping[str, SourceView], matcher: Matcher
) -> tuple[dict[str, TranslationView], list[Problem]]:
    """Each text's translation; a misaligned one is an error (DossierError), a quotation
    rendered in the translation's own words a warning."""
    glosses = {g.id: g for g in loaded.dossier.glosses}
    found: dict[str, TranslationView] = {}
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for source_id, text in loaded.translations.items():
        record = views[source_id].source.translation
        assert record is not None
        file = loaded.translation_file(source_id)
        result = analyse_translation(
            views[source_id], text, file, record.translator, glosses, matcher
        )
        if isinstance(result, Misalignment):
            errors.append(misaligned(loaded, source_id, result))
            continue
        found[source_id] = result
        warnings += [retranslated(loaded, result, r) for r in result.retranslated]
    if errors:
        raise DossierError(errors)
    return found, warnings


def _text_warnings(loaded: LoadedDossier, results: Mapping[str, TextResult]) -> list[Problem]:
    """Each text's warnings in order; an ambiguous alias once, after its first text."""
    warnings: list[Problem] = []
    reported: set[str] = set()
    for result in results.values():
        warnings += text_warnings(result)
        for found in result.findings.ambiguous:
            if found.key not in reported:
                reported.add(found.key)
                warnings.append(ambiguous_alias(loaded, found, result.view))
    return warnings


def _unused_glosses(
    loaded: LoadedDossier,
    results: Mapping[str, TextResult],
    gloss_uses: Mapping[str, list[GlossUse]],
) -> list[Problem]:
    """A warning for each gloss that pairs no quotation, with the likeliest reason."""
    stray: dict[str, tuple[str, int]] = {}
    replaced: dict[str, list[str]] = defaultdict(list)
    for source_id, result in results.items():
        for gloss_id, line in result.findings.stray:
            stray.setdefault(gloss_id, (result.view.file, line))
        for gloss_id in result.findings.overridden:
            replaced[gloss_id].append(source_id)
    views = {source_id: result.view for source_id, result in results.items()}
    return [
        gloss_not_found(loaded, index, views, stray.get(gloss.id), replaced.get(gloss.id, []))
        for index, gloss in enumerate(loaded.dossier.glosses)
        if gloss.id not in gloss_uses
    ]
