"""`dossier.json`: the whole analysed dossier for others to reuse, and its JSON Schema.

Built from an `Analysis` (core, no MkDocs). The shape is versioned and described by the
pydantic models below, whose JSON Schema is published beside the file.
"""

from __future__ import annotations

import json
from typing import overload

from pydantic import BaseModel, ConfigDict

from ..analysis import Analysis
from ..dates import DateValue, parse_date
from ..model import Actor, Event, Gloss, Localized, PostCredit, Provenance, provenance_url
from ..views import QuoteView, SourceView

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
    text: str  # the quoted words: spans joined, without incises
    start: int
    end: int
    line: int
    status: str
    glosses: list[str]
    no_original_reason: ExportText | None = None
    mark: str = "«"  # the opening mark: « “ ‹ or "
    depth: int = 0  # 1 for a quotation nested in another
    spans: list[tuple[int, int]] = []  # the quoted words, as [start, end) offsets
    incises: list[tuple[int, int]] = []  # the narrator's words inside the marks


class ExportDateline(_Out):
    text: str
    place: str
    country: str | None
    agency: str
    date: str | None  # EDTF, when the dateline gives a year


class ExportBlockLanguage(_Out):
    starts_with: str
    lang: str


class ExportPostCredit(_Out):
    starts_with: str
    author: ExportText
    url: str | None
    anchor: str | None  # the post's block, when the text quotes it


class ExportNoOriginal(_Out):
    fr: str
    reason: ExportText
    sources: list[str]


class ExportOriginal(_Out):
    """An English original as the translation holds it: the gloss, its place."""

    gloss: str
    anchor: str
    paragraph: str
    start: int
    end: int


class ExportTranslation(_Out):
    file: str
    translator: str
    text: str
    originals: list[ExportOriginal]


class ExportSource(_Out):
    id: str
    file: str
    title: ExportText
    outlet: str | None
    agency: str | None
    published: ExportDate | None
    date_marker: str | None
    credit: str | None
    dateline: ExportDateline | None = None
    url: str | None
    language: str
    language_overrides: list[ExportBlockLanguage]
    posts: list[ExportPostCredit]
    summary: ExportText | None
    translation: ExportTranslation | None
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
    name_en: str | None
    kind: str
    affiliation: str | None
    affiliation_en: str | None
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


class ExportProvenance(_Out):
    url: str
    outlet: str | None
    headline: str | None
    date: ExportDate | None
    archive: str | None


class ExportGloss(_Out):
    id: str
    fr: str
    en: str | None
    speaker: str
    said: ExportDate | None
    where: ExportText | None
    provenance: list[str]  # the addresses
    provenance_records: list[ExportProvenance] = []  # with outlet, headline, date
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


@overload
def _text(value: Localized) -> ExportText: ...
@overload
def _text(value: Localized | None) -> ExportText | None: ...
def _text(value: Localized | None) -> ExportText | None:
    return None if value is None else ExportText(fr=value.fr, en=value.en)


@overload
def _date(value: DateValue | str) -> ExportDate: ...
@overload
def _date(value: DateValue | str | None) -> ExportDate | None: ...
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


def _post_credit(analysis: Analysis, source_id: str, credit: PostCredit) -> ExportPostCredit:
    anchors = [a for (s, a), c in analysis.post_credits.items() if s == source_id and c == credit]
    return ExportPostCredit(
        starts_with=credit.starts_with,
        author=_text(credit.author),
        url=credit.url,
        anchor=anchors[0] if anchors else None,
    )


def _translation(analysis: Analysis, source_id: str) -> ExportTranslation | None:
    view = analysis.translations.get(source_id)
    record = analysis.sources[source_id].source.translation
    if view is None or record is None:
        return None
    return ExportTranslation(
        file=record.file,
        translator=view.translator,
        text=view.parsed.text,
        originals=[
            ExportOriginal(
                gloss=use.gloss_id,
                anchor=use.anchor,
                paragraph=use.block_anchor,
                start=use.start,
                end=use.end,
            )
            for quote in view.quotes
            for use in quote.uses
        ],
    )


def _source(analysis: Analysis, view: SourceView) -> ExportSource:
    source = view.source
    return ExportSource(
        id=source.id,
        file=source.file,
        title=_text(source.title),
        outlet=source.outlet,
        agency=source.agency,
        published=_date(view.published),
        date_marker=view.parsed.date_marker,
        credit=view.parsed.credit,
        dateline=_dateline(view),
        url=source.url,
        language=source.language,
        language_overrides=[
            ExportBlockLanguage(starts_with=b.starts_with, lang=b.lang) for b in source.blocks
        ],
        posts=[_post_credit(analysis, source.id, credit) for credit in source.posts],
        summary=_text(source.summary),
        translation=_translation(analysis, source.id),
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
        quotations=[_quotation(analysis, q) for q in view.quotes],
    )


def _quotation(analysis: Analysis, quote: QuoteView) -> ExportQuotation:
    reason = None
    if quote.no_original is not None:
        reason = _text(analysis.no_original(quote.no_original).reason)
    return ExportQuotation(
        anchor=quote.anchor,
        text=quote.text,
        start=quote.quotation.start,
        end=quote.quotation.end,
        line=quote.line,
        status=quote.status,
        glosses=[u.gloss_id for u in quote.uses],
        no_original_reason=reason,
        mark=quote.quotation.mark,
        depth=quote.quotation.depth,
        spans=list(quote.quotation.spans),
        incises=list(quote.quotation.incises),
    )


def _dateline(view: SourceView) -> ExportDateline | None:
    dateline = view.parsed.dateline
    if dateline is None:
        return None
    return ExportDateline(
        text=view.parsed.text[dateline.start : dateline.end].strip(),
        place=dateline.place,
        country=dateline.country,
        agency=dateline.agency,
        date=dateline.edtf(),
    )


def _actor(analysis: Analysis, actor: Actor) -> ExportActor:
    return ExportActor(
        id=actor.id,
        name=actor.name,
        name_en=actor.name_en,
        kind=actor.kind,
        affiliation=actor.affiliation,
        affiliation_en=actor.affiliation_en,
        roles=[ExportRole(title=_text(r.title), dates=_date(r.dates)) for r in actor.roles],
        aliases={"fr": actor.aliases.of("fr"), "en": actor.aliases.of("en")},
        bio=_text(actor.bio),
        wikidata=actor.wikidata,
        mentions=[
            ExportMention(
                source=m.source_id,
                anchor=m.block_anchor,
                words=m.words,
                start=m.start,
                end=m.end,
                context=m.context,
            )
            for m in analysis.mentions.get(actor.id, [])
        ],
    )


def _gloss(analysis: Analysis, gloss: Gloss) -> ExportGloss:
    post = analysis.posts.get(gloss.id)
    return ExportGloss(
        id=gloss.id,
        fr=gloss.fr,
        en=gloss.en,
        speaker=gloss.speaker,
        said=_date(gloss.said),
        where=_text(gloss.where),
        provenance=[provenance_url(p) for p in gloss.provenance],
        provenance_records=[_provenance(p) for p in gloss.provenance],
        fidelity=gloss.fidelity,
        note=_text(gloss.note),
        sources=list(gloss.sources),
        post=gloss.post,
        post_anchor=post.block_anchor if post else None,
        matches=[
            ExportMatch(
                source=u.source_id,
                anchor=u.anchor,
                paragraph=u.block_anchor,
                start=u.start,
                end=u.end,
            )
            for u in analysis.gloss_uses.get(gloss.id, [])
        ],
    )


def _provenance(entry: str | Provenance) -> ExportProvenance:
    if not isinstance(entry, Provenance):
        return ExportProvenance(url=entry, outlet=None, headline=None, date=None, archive=None)
    return ExportProvenance(
        url=entry.url,
        outlet=entry.outlet,
        headline=entry.headline,
        date=_date(entry.date),
        archive=entry.archive,
    )


def _event(analysis: Analysis, event: Event) -> ExportEvent:
    return ExportEvent(
        id=event.id,
        date=_date(event.date),
        title=_text(event.title),
        text=_text(event.text),
        actors=list(event.actors),
        sources=list(event.sources),
        dated_by=[
            ExportDating(source=d.source_id, phrase=d.phrase, anchor=d.block_anchor)
            for d in analysis.datings.get(event.id, [])
        ],
    )


def dossier_export(analysis: Analysis) -> ExportDossier:
    dossier = analysis.dossier
    return ExportDossier(
        format=FORMAT,
        version=VERSION,
        title=_text(dossier.dossier.title),
        summary=_text(dossier.dossier.summary),
        sources=[_source(analysis, view) for view in analysis.sources.values()],
        actors=[_actor(analysis, actor) for actor in dossier.actors],
        glosses=[_gloss(analysis, gloss) for gloss in dossier.glosses],
        no_original=[
            ExportNoOriginal(fr=n.fr, reason=_text(n.reason), sources=list(n.sources))
            for n in dossier.no_original
        ],
        events=[_event(analysis, event) for event in analysis.events_sorted],
    )


def dossier_json(analysis: Analysis) -> str:
    return dossier_export(analysis).model_dump_json(indent=1) + "\n"


def dossier_json_schema() -> str:
    schema = ExportDossier.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{FORMAT} version {VERSION}"
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"
