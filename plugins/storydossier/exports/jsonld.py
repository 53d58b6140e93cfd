"""schema.org JSON-LD for each generated page: articles, quotations, people, events.

Built from an `Analysis` (core, no MkDocs); the plugin puts the `<script>` in each
page's head. Ids are the pages' addresses, absolute when the site's URL is known.
"""

from __future__ import annotations

import json
from typing import Any

from ..analysis import Analysis
from ..model import Event
from ..pages import CHRONOLOGY, PageKey
from ..views import QuoteView

Node = dict[str, Any]


class _Graph:
    """Builds the nodes of one page's graph, with ids from the pages' addresses."""

    def __init__(self, analysis: Analysis, urls: dict[PageKey, str], site_url: str) -> None:
        self.analysis = analysis
        self.urls = urls
        self.site_url = site_url

    def id(self, key: PageKey, anchor: str = "") -> str:
        target = self.urls[key] + (f"#{anchor}" if anchor else "")
        return (self.site_url.rstrip("/") + "/" + target) if self.site_url else target

    def person(self, actor_id: str) -> Node:
        actor = self.analysis.actors[actor_id]
        node: Node = {
            "@type": "Person" if actor.kind == "person" else "Organization",
            "@id": self.id(PageKey.actor(actor.id)),
            "name": actor.name,
        }
        if actor.wikidata:
            node["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
        if actor.bio:
            node["description"] = actor.bio.pick("fr")
        return node

    def article(self, source_id: str) -> Node:
        view = self.analysis.sources[source_id]
        node: Node = {
            "@type": "NewsArticle",
            "@id": self.id(PageKey.source(source_id)),
            "headline": view.source.title.pick("fr"),
            "inLanguage": view.source.language,
        }
        if view.published:
            node["datePublished"] = view.published.iso()
        if view.source.url:
            node["url"] = view.source.url
        if view.source.agency:
            node["publisher"] = self.person(view.source.agency)
        node["hasPart"] = [
            self.quotation(source_id, quote, use_index, node["@id"])
            for quote in view.quotes
            for use_index in range(len(quote.uses))
        ]
        return node

    def quotation(self, source_id: str, quote: QuoteView, use_index: int, article: str) -> Node:
        use = quote.uses[use_index]
        gloss = self.analysis.glosses[use.gloss_id]
        node: Node = {
            "@type": "Quotation",
            "@id": self.id(PageKey.source(source_id), use.anchor),
            "text": gloss.fr,
            "inLanguage": "fr",
            "creator": self.person(gloss.speaker),
            "isBasedOn": {"@id": article},
        }
        if gloss.en:
            node["translationOfWork"] = {
                "@type": "Quotation",
                "text": gloss.en,
                "inLanguage": "en",
                "creator": {"@id": self.id(PageKey.actor(gloss.speaker))},
            }
        return node

    def event(self, event: Event) -> Node:
        when = event.when
        node: Node = {
            "@type": "Event",
            "@id": self.id(CHRONOLOGY, event.id),
            "name": event.title.pick("fr"),
            "startDate": when.start.iso(),
        }
        if when.end is not None:
            node["endDate"] = when.end.iso()
        return node


def jsonld_for(
    analysis: Analysis, key: PageKey, urls: dict[PageKey, str], site_url: str
) -> dict[str, Any]:
    """The schema.org graph of the page `key`; `urls` are site-relative."""
    graph = _Graph(analysis, urls, site_url)
    nodes: list[Node] = []
    if key.kind == "source":
        nodes.append(graph.article(key.ident))
    elif key.kind == "actor":
        nodes.append(graph.person(key.ident))
        nodes += [graph.event(e) for e in analysis.events_sorted if key.ident in e.actors]
    elif key.kind == "chronology":
        nodes += [graph.event(e) for e in analysis.events_sorted]
    elif key.kind == "actors":
        nodes += [graph.person(actor.id) for actor in analysis.dossier.actors]
    return {"@context": "https://schema.org", "@graph": nodes}


def jsonld_script(graph: dict[str, Any]) -> str:
    """A <script> element safe to put in HTML: no `<` can close it early."""
    payload = json.dumps(graph, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{payload}</script>'
