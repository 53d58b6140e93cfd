"""Exports others can reuse: dossier.json, chronology.ics and schema.org JSON-LD.

Built from an `Analysis` (core, no MkDocs). `dossier.json` has a versioned shape described
by pydantic models, whose JSON Schema is published beside it; `chronology.ics` follows
RFC 5545 through the icalendar library; `jsonld_for` gives each page's schema.org graph.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar
from pydantic import BaseModel, ConfigDict

from .analysis import Analysis
from .dates import DateValue, parse_date
from .model import Localized

FORMAT = "storydossier/dossier"
VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExportText(_Out):
    fr: str | None = None
    en: str | None = None


class ExportDate(_Out):
    edtf: str
    iso: str
    earliest: str
    latest: str
    precision: str
    approximate: bool
    uncertain: bool


class ExportBlock(_Out):
    anchor: str
    kind: str
    lang: str
    start: int
    end: int
    line: int


class ExportQuotation(_Out):
    anchor: str
    text: str
    start: int
    end: int
    line: int
    status: str
    glosses: list[str]
    no_original_reason: ExportText | None = None


class ExportBlockLanguage(_Out):
    starts_with: str
    lang: str


class ExportNoOriginal(_Out):
    fr: str
    reason: ExportText
    sources: list[str]


class ExportSource(_Out):
    id: str
    file: str
    title: ExportText
    outlet: str | None
    agency: str | None
    published: ExportDate | None
    date_marker: str | None
    credit: str | None
    url: str | None
    language: str
    language_overrides: list[ExportBlockLanguage]
    text: str
    blocks: list[ExportBlock]
    quotations: list[ExportQuotation]


class ExportMention(_Out):
    source: str
    anchor: str
    words: str
    start: int
    end: int
    context: str


class ExportRole(_Out):
    title: ExportText
    dates: ExportDate | None


class ExportActor(_Out):
    id: str
    name: str
    kind: str
    affiliation: str | None
    roles: list[ExportRole]
    aliases: dict[str, list[str]]
    bio: ExportText | None
    wikidata: str | None
    mentions: list[ExportMention]


class ExportMatch(_Out):
    source: str
    anchor: str
    paragraph: str
    start: int
    end: int


class ExportGloss(_Out):
    id: str
    fr: str
    en: str | None
    speaker: str
    said: ExportDate | None
    where: ExportText | None
    provenance: list[str]
    fidelity: str
    note: ExportText | None
    sources: list[str]
    post: str | None
    post_anchor: str | None
    matches: list[ExportMatch]


class ExportDating(_Out):
    source: str
    phrase: str
    anchor: str | None


class ExportEvent(_Out):
    id: str
    date: ExportDate
    title: ExportText
    text: ExportText | None
    actors: list[str]
    sources: list[str]
    dated_by: list[ExportDating]


class ExportDossier(_Out):
    """The whole analysed dossier. Offsets are into the newline-normalised text."""

    format: str
    version: int
    title: ExportText
    summary: ExportText
    sources: list[ExportSource]
    actors: list[ExportActor]
    glosses: list[ExportGloss]
    no_original: list[ExportNoOriginal]
    events: list[ExportEvent]


def _text(value: Localized | None) -> ExportText | None:
    return None if value is None else ExportText(fr=value.fr, en=value.en)


def _date(value: DateValue | str | None) -> ExportDate | None:
    if value is None:
        return None
    parsed = parse_date(value) if isinstance(value, str) else value
    return ExportDate(
        edtf=parsed.raw,
        iso=parsed.iso(),
        earliest=parsed.earliest.isoformat(),
        latest=parsed.latest.isoformat(),
        precision=parsed.precision,
        approximate=parsed.approximate,
        uncertain=parsed.uncertain,
    )


def dossier_export(analysis: Analysis) -> ExportDossier:
    dossier = analysis.dossier
    sources = []
    for view in analysis.sources.values():
        source = view.source
        sources.append(
            ExportSource(
                id=source.id,
                file=source.file,
                title=_text(source.title),
                outlet=source.outlet,
                agency=source.agency,
                published=_date(view.published),
                date_marker=view.parsed.date_marker,
                credit=view.parsed.credit,
                url=source.url,
                language=source.language,
                language_overrides=[
                    ExportBlockLanguage(starts_with=b.starts_with, lang=b.lang)
                    for b in source.blocks
                ],
                text=view.parsed.text,
                blocks=[
                    ExportBlock(
                        anchor=b.anchor,
                        kind=b.block.kind,
                        lang=b.block.lang,
                        start=b.block.start,
                        end=b.block.end,
                        line=b.block.line,
                    )
                    for b in view.blocks
                ],
                quotations=[
                    ExportQuotation(
                        anchor=q.anchor,
                        text=q.text,
                        start=q.quotation.start,
                        end=q.quotation.end,
                        line=q.line,
                        status=q.status,
                        glosses=[u.gloss.id for u in q.uses],
                        no_original_reason=_text(q.no_original.reason) if q.no_original else None,
                    )
                    for q in view.quotes
                ],
            )
        )
    actors = [
        ExportActor(
            id=a.id,
            name=a.name,
            kind=a.kind,
            affiliation=a.affiliation,
            roles=[ExportRole(title=_text(r.title), dates=_date(r.dates)) for r in a.roles],
            aliases={"fr": list(a.aliases.fr), "en": list(a.aliases.en)},
            bio=_text(a.bio),
            wikidata=a.wikidata,
            mentions=[
                ExportMention(
                    source=m.source_id,
                    anchor=m.block_anchor,
                    words=m.words,
                    start=m.start,
                    end=m.end,
                    context=m.context,
                )
                for m in analysis.mentions.get(a.id, [])
            ],
        )
        for a in dossier.actors
    ]
    glosses = [
        ExportGloss(
            id=g.id,
            fr=g.fr,
            en=g.en,
            speaker=g.speaker,
            said=_date(g.said),
            where=_text(g.where),
            provenance=list(g.provenance),
            fidelity=g.fidelity,
            note=_text(g.note),
            sources=list(g.sources),
            post=g.post,
            post_anchor=analysis.posts[g.id].block_anchor if g.id in analysis.posts else None,
            matches=[
                ExportMatch(
                    source=u.source_id,
                    anchor=u.anchor,
                    paragraph=u.block_anchor,
                    start=u.start,
                    end=u.end,
                )
                for u in analysis.gloss_uses.get(g.id, [])
            ],
        )
        for g in dossier.glosses
    ]
    events = [
        ExportEvent(
            id=e.id,
            date=_date(e.date),
            title=_text(e.title),
            text=_text(e.text),
            actors=list(e.actors),
            sources=list(e.sources),
            dated_by=[
                ExportDating(source=d.source_id, phrase=d.phrase, anchor=d.block_anchor)
                for d in analysis.datings.get(e.id, [])
            ],
        )
        for e in analysis.events_sorted()
    ]
    return ExportDossier(
        format=FORMAT,
        version=VERSION,
        title=_text(dossier.dossier.title),
        summary=_text(dossier.dossier.summary),
        sources=sources,
        actors=actors,
        glosses=glosses,
        no_original=[
            ExportNoOriginal(fr=n.fr, reason=_text(n.reason), sources=list(n.sources))
            for n in dossier.no_original
        ],
        events=events,
    )


def dossier_json(analysis: Analysis) -> str:
    return dossier_export(analysis).model_dump_json(indent=1) + "\n"


def dossier_json_schema() -> str:
    schema = ExportDossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{FORMAT} version {VERSION}"
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


# --- iCalendar ---------------------------------------------------------------------------------


def _stamp() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")  # reproducible builds
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)


def chronology_ics(analysis: Analysis, lang: str) -> bytes:
    """All-day events; exclusive end dates; reduced precision said in the description."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//storydossier//chronology//EN")
    calendar.add("version", "2.0")
    title = analysis.dossier.dossier.title
    calendar.add("x-wr-calname", title.pick(lang))
    stamp = _stamp()
    for event in analysis.events_sorted():
        when = event.when
        entry = icalendar.Event()
        entry.add("uid", f"{event.id}@storydossier")
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title.pick(lang))
        entry.add("dtstart", when.earliest)
        entry.add("dtend", when.latest + timedelta(days=1))
        notes = []
        if event.text:
            notes.append(event.text.pick(lang))
        if when.precision != "day":
            notes.append(
                f"Date known to the {when.precision} only ({when.raw}); "
                "the span covers the whole period."
            )
        if when.approximate or when.uncertain:
            notes.append(f"Approximate or uncertain date ({when.raw}).")
        if notes:
            entry.add("description", "\n".join(notes))
        calendar.add_component(entry)
    return calendar.to_ical()


# --- schema.org JSON-LD -----------------------------------------------------------------------


def jsonld_for(analysis: Analysis, key: str, urls: dict[str, str], site_url: str) -> dict[str, Any]:
    """The schema.org graph of one generated page.

    `urls` maps page keys to site-relative URLs; ids are absolute when `site_url` is set.
    """

    def absolute(path: str) -> str:
        page_key, _, anchor = path.partition("#")
        target = urls[page_key] + (f"#{anchor}" if anchor else "")
        return (site_url.rstrip("/") + "/" + target) if site_url else target

    def person(actor_id: str) -> dict[str, Any]:
        actor = analysis.actors[actor_id]
        node: dict[str, Any] = {
            "@type": "Person" if actor.kind == "person" else "Organization",
            "@id": absolute(f"actor:{actor.id}"),
            "name": actor.name,
        }
        if actor.wikidata:
            node["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
        if actor.bio:
            node["description"] = actor.bio.pick("fr")
        return node

    def article(source_id: str) -> dict[str, Any]:
        view = analysis.sources[source_id]
        node: dict[str, Any] = {
            "@type": "NewsArticle",
            "@id": absolute(f"source:{source_id}"),
            "headline": view.source.title.pick("fr"),
            "inLanguage": view.source.language,
        }
        if view.published:
            node["datePublished"] = view.published.iso()
        if view.source.url:
            node["url"] = view.source.url
        if view.source.agency:
            node["publisher"] = person(view.source.agency)
        return node

    kind, _, ident = key.partition(":")
    graph: list[dict[str, Any]] = []
    if kind == "source":
        node = article(ident)
        node["hasPart"] = []
        for quote in analysis.sources[ident].quotes:
            for use in quote.uses:
                gloss = use.gloss
                quotation: dict[str, Any] = {
                    "@type": "Quotation",
                    "@id": absolute(f"source:{ident}#{use.anchor}"),
                    "text": gloss.fr,
                    "inLanguage": "fr",
                    "creator": person(gloss.speaker),
                    "isBasedOn": {"@id": node["@id"]},
                }
                if gloss.en:
                    quotation["translationOfWork"] = {
                        "@type": "Quotation",
                        "text": gloss.en,
                        "inLanguage": "en",
                        "creator": {"@id": absolute(f"actor:{gloss.speaker}")},
                    }
                node["hasPart"].append(quotation)
        graph.append(node)
    elif kind == "actor":
        graph.append(person(ident))
        for event in analysis.events_sorted():
            if ident in event.actors:
                graph.append(_event(event, absolute))
    elif kind == "chronology":
        graph.extend(_event(event, absolute) for event in analysis.events_sorted())
    elif kind == "actors":
        graph.extend(person(actor.id) for actor in analysis.dossier.actors)
    return {"@context": "https://schema.org", "@graph": graph}


def _event(event: Any, absolute: Any) -> dict[str, Any]:
    when = event.when
    node = {
        "@type": "Event",
        "@id": absolute(f"chronology#{event.id}"),
        "name": event.title.pick("fr"),
        "startDate": when.start.iso(),
    }
    if when.end is not None:
        node["endDate"] = when.end.iso()
    return node


def jsonld_script(graph: dict[str, Any]) -> str:
    """A <script> element safe to put in HTML: no `<` can close it early."""
    payload = json.dumps(graph, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{payload}</script>'
