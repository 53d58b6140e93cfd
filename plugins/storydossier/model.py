"""Typed records of a dossier: what `annotations.yml` may hold, and nothing else.

The model is the editor's contract. Loading (`loading.py`) validates YAML data against
it; `dossier schema` publishes its JSON Schema for editor autocompletion. Every model
forbids unknown fields, so a misspelt key is reported instead of silently ignored.
Cross-references between records (a gloss's speaker is an actor id...) are checked in
`loading.py`, where the line of each reference is known.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from .dates import DateError, DateValue, parse_date
from .langs import Lang


def _check_id(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
        suggestion = _slug(value)
        raise ValueError(
            f"`{value}` is not a valid id: use lower-case letters, digits and single hyphens"
            + (f", e.g. `{suggestion}`" if suggestion else "")
        )
    return value


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(
            f"`{value}` is not a web address: links must start with https:// (or http://)"
        )
    if any(ch.isspace() or ch in "<>\"'`" for ch in value):
        raise ValueError(f"`{value}` contains spaces or quotes; a web address cannot")
    return value


def _check_edtf(value: str) -> str:
    try:
        parse_date(value)
    except DateError as error:
        raise ValueError(str(error)) from None
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("this text is empty; write it or delete the field")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Url = Annotated[str, AfterValidator(_check_url)]
Edtf = Annotated[
    str,
    AfterValidator(_check_edtf),
    Field(
        description=(
            "An EDTF date or interval: 2020-01-06, 2020-01, 2020-01-03~, 2019-12-31/2020-01-01"
        )
    ),
]
Text = Annotated[str, AfterValidator(_not_blank)]


class Record(BaseModel):
    """Base of every record: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Localized(Record):
    """An editor-written text in French, English, or both."""

    fr: Text | None = None
    en: Text | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> Localized:
        if self.fr is None and self.en is None:
            raise ValueError("give the text in `fr`, in `en`, or in both")
        return self

    def get(self, lang: Lang) -> str | None:
        return self.fr if lang == "fr" else self.en

    def pick(self, lang: Lang) -> str:
        """The text in `lang`, or in the other language when only that one is given."""
        return self.get(lang) or self.fr or self.en or ""


class DossierInfo(Record):
    """The dossier as a whole: shown on the home page and in the exports."""

    title: Localized
    summary: Localized


class BlockLanguage(Record):
    """Overrides the automatic language of one paragraph of a text."""

    starts_with: Text = Field(description="The first words of the paragraph, as in the text")
    lang: Lang


class PostCredit(Record):
    """Who wrote a post (a tweet, a message) that a text quotes, and where it is."""

    starts_with: Text = Field(description="The first words of the post, as in the text")
    author: Localized = Field(description="Who posted it: a name, or who they are")
    url: Url | None = Field(None, description="The post itself")


class Translation(Record):
    """The dossier's own English translation of a text, in `dossier/translations/`."""

    file: Text = Field(description="File name inside dossier/translations/")
    translator: Text = Field(description="Who translated it, as the English edition credits it")


class Source(Record):
    """One news text in `dossier/sources/`."""

    id: Id
    file: Text = Field(description="File name inside dossier/sources/")
    title: Localized
    outlet: Text | None = Field(None, description="Where the text was published")
    agency: Id | None = Field(None, description="Actor id of the news agency behind the copy")
    published: Edtf | None = Field(
        None, description="Publication date; defaults to the text's own `date` marker"
    )
    url: Url | None = Field(None, description="The original article")
    language: Lang = "fr"
    blocks: list[BlockLanguage] = Field(
        default_factory=list, description="Paragraphs whose language the parser guesses wrong"
    )
    posts: list[PostCredit] = Field(
        default_factory=list, description="Authors and addresses of the posts the text quotes"
    )
    summary: Localized | None = Field(
        None, description="What the text says, in a sentence or two; shown where no translation is"
    )
    translation: Translation | None = Field(
        None, description="The dossier's English translation, aligned block by block"
    )


class Role(Record):
    """A position an actor held, with when they held it."""

    title: Localized
    dates: Edtf | None = Field(None, description="When the role was held, e.g. 2019-10/2023-09")


class ExactAlias(Record):
    """An alias matched only with the capitals as written («Aigle», not «aigle»)."""

    words: Text
    case_sensitive: Literal[True] = Field(
        description="Match these words only with this capitalisation"
    )


Alias = Annotated[Text | ExactAlias, Field(union_mode="left_to_right")]


class Aliases(Record):
    """How texts refer to an actor, in each language: an alias listed under `fr` links in
    French text only, under `en` in English text only (exact words, any case, unless
    given as `{words: ..., case_sensitive: true}`)."""

    fr: list[Alias] = Field(default_factory=list)
    en: list[Alias] = Field(default_factory=list)

    def of(self, lang: Lang) -> list[str]:
        return [_words(a) for a in (self.fr if lang == "fr" else self.en)]

    def all(self) -> list[tuple[Lang, str]]:
        return [("fr", a) for a in self.of("fr")] + [("en", a) for a in self.of("en")]

    def entries(self) -> list[tuple[Lang, str, bool]]:
        """(language, words, case-sensitive) of every alias."""
        return [
            (lang, _words(a), isinstance(a, ExactAlias))
            for lang in ("fr", "en")
            for a in (self.fr if lang == "fr" else self.en)
        ]


def _words(alias: str | ExactAlias) -> str:
    return alias.words if isinstance(alias, ExactAlias) else alias


class Actor(Record):
    """A person, organisation or group that the texts name or describe."""

    id: Id
    name: Text
    name_en: Text | None = Field(None, description="The name in English, where it differs")
    kind: Literal["person", "organisation", "group"]
    roles: list[Role] = Field(default_factory=list)
    affiliation: Text | None = Field(None, description="Side or country, used to group actors")
    affiliation_en: Text | None = Field(None, description="The affiliation in English")
    aliases: Aliases = Field(default_factory=Aliases)
    not_in: list[Text] = Field(
        default_factory=list,
        description=(
            "Phrases in which the actor's names do not name the actor "
            "(a place named after a person: «Cap Kennedy»)"
        ),
    )
    bio: Localized | None = None
    wikidata: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")] | None = Field(
        None, description="Wikidata item id, e.g. Q7821399"
    )

    def name_in(self, lang: Lang) -> str:
        return (self.name_en or self.name) if lang == "en" else self.name

    def affiliation_in(self, lang: Lang) -> str | None:
        return (self.affiliation_en or self.affiliation) if lang == "en" else self.affiliation


class Provenance(Record):
    """Where an English wording is published, as a journalist cites it."""

    url: Url = Field(description="The page that reports the English")
    outlet: Text | None = Field(None, description="Who published it: Reuters, The Guardian")
    headline: Text | None = Field(None, description="The headline of that page")
    date: Edtf | None = Field(None, description="When it was published")
    archive: Url | None = Field(None, description="An archived copy of the page")


def _provenance_kind(value: object) -> str:
    return "[record]" if isinstance(value, dict | Provenance) else "[address]"


# An address, or a record: told apart by their shape, so a mistake in either gets one
# message (the tags hold "[" so that loading leaves them out of the field path).
ProvenanceEntry = Annotated[
    Annotated[Url, Tag("[address]")] | Annotated[Provenance, Tag("[record]")],
    Discriminator(_provenance_kind),
]


def provenance_url(entry: str | Provenance) -> str:
    return entry.url if isinstance(entry, Provenance) else entry


Fidelity = Literal["verbatim", "condensed", "paraphrase", "unverified"]


class Gloss(Record):
    """A French quotation paired with the English original it translates."""

    id: Id
    fr: Text = Field(description="The French quotation as the text gives it, without « »")
    en: Text | None = Field(None, description="The English original, as reported")
    speaker: Id = Field(description="The actor id of who said or wrote it")
    said: Edtf | None = Field(None, description="When it was said")
    where: Localized | None = Field(None, description="Where or in what setting it was said")
    provenance: list[ProvenanceEntry] = Field(
        default_factory=list,
        description=(
            "Where the English wording is reported: an address, or "
            "{url, outlet, headline, date, archive}"
        ),
    )
    fidelity: Fidelity = Field(description="How faithful the French is to the English")
    note: Localized | None = Field(None, description="Translator's note")
    sources: list[Id] = Field(
        default_factory=list, description="Restrict to these texts; empty means every text"
    )
    post: Text | None = Field(
        None, description="Words of an English post embedded in a text that carries the original"
    )

    @model_validator(mode="after")
    def _english_is_sourced(self) -> Gloss:
        if self.fidelity != "unverified":
            if self.en is None:
                raise ValueError(
                    "a gloss without `en` must have `fidelity: unverified`; "
                    "never write an English wording no source supports"
                )
            if not self.provenance:
                raise ValueError(
                    f"fidelity `{self.fidelity}` needs `provenance:` (the address that reports "
                    "the English); without one, use `fidelity: unverified`"
                )
        return self


class NoOriginal(Record):
    """A quotation that has no English original (said in French, or unknown)."""

    fr: Text
    reason: Localized
    sources: list[Id] = Field(default_factory=list)


class DatedBy(Record):
    """The words of a text that date an event («lundi», «la veille»)."""

    source: Id
    phrase: Text


class Event(Record):
    """Something that happened, placed on the chronology."""

    id: Id
    date: Edtf
    title: Localized
    text: Localized | None = None
    actors: list[Id] = Field(default_factory=list)
    sources: list[Id] = Field(default_factory=list)
    dated_by: list[DatedBy] = Field(default_factory=list)

    @property
    def when(self) -> DateValue:
        return parse_date(self.date)


class Dossier(Record):
    """The whole annotation file."""

    dossier: DossierInfo
    sources: list[Source] = Field(min_length=1)
    actors: list[Actor] = Field(default_factory=list)
    glosses: list[Gloss] = Field(default_factory=list)
    no_original: list[NoOriginal] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
