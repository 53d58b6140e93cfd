"""The register of quotations: every gloss of the dossier, as one row a journalist can
check or cite. Plain Python, used by `render` (the register page, one per edition) and
`exports.register_csv` (the same rows as CSV).

A row holds the French as the texts published it, the English original, the speaker,
when it was said, how faithful the French is, where the English is reported, and each
place a text quotes it; its citation is ready to paste, in the edition's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis
from .labels import LABELS
from .langs import Lang
from .model import Gloss
from .present import FIDELITIES, Fidelity, GlossCard, Link, Presenter, Source, When

EXPORT_CSV = "quotations.csv"  # the register's rows, beside the page


@dataclass(frozen=True)
class RegisterRow:
    gloss_id: str
    french: str
    english: str | None
    speaker: Link
    speaker_id: str
    said: When | None
    fidelity: Fidelity
    provenance: list[Source]
    places: list[Link]  # each place a text quotes it, linked to the quotation
    source_ids: list[str]
    citation: str  # ready to paste, in the edition's language


@dataclass(frozen=True)
class Choice:
    """One value a filter offers: its key (an id), its label, how many rows have it."""

    key: str
    label: str
    count: int


def register_rows(analysis: Analysis, shown: Presenter, page_url: str) -> list[RegisterRow]:
    """One row per gloss, in the YAML's order (the story's order, as the editor wrote it)."""
    return [_row(analysis, shown, gloss, page_url) for gloss in analysis.dossier.glosses]


def _row(analysis: Analysis, shown: Presenter, gloss: Gloss, page_url: str) -> RegisterRow:
    uses = analysis.gloss_uses.get(gloss.id, [])
    french = _as_published(analysis, gloss)
    card = shown.card(gloss)
    places = [shown.source(use.source_id, use.anchor) for use in uses]
    return RegisterRow(
        gloss.id,
        french,
        gloss.en,
        card.speaker,
        gloss.speaker,
        card.said,
        card.fidelity,
        card.provenance,
        places,
        sorted({use.source_id for use in uses}),
        _citation(shown.lang, gloss, french, card.speaker.text, card, page_url),
    )


def _as_published(analysis: Analysis, gloss: Gloss) -> str:
    """The French as a text quotes it (its first use), else as the gloss gives it."""
    for use in analysis.gloss_uses.get(gloss.id, []):
        for quote in analysis.sources[use.source_id].quotes:
            if quote.anchor == use.anchor:
                return quote.text
    return gloss.fr


def _citation(
    lang: Lang, gloss: Gloss, french: str, speaker: str, card: GlossCard, page_url: str
) -> str:
    labels = LABELS[lang]
    when = " – ".join(text for _, text in card.said.parts) if card.said else None
    provenance = card.provenance
    head = ", ".join(part for part in (speaker, when) if part)
    english = f"“{gloss.en}”" if gloss.en else labels["cite_no_original"]
    sources = "; ".join(f"{p.text} <{p.href}>" for p in provenance)
    parts = [f"{head}: {english}" if lang == "en" else f"{head} : {english}"]
    if sources:
        parts.append(f"{labels['cite_reported']} {sources}")
    parts.append(f"{labels['cite_french']} «{french}»")
    parts.append(f"{labels['cite_via']} {page_url}")
    return ". ".join(parts) + "."


def choices(analysis: Analysis, lang: Lang) -> dict[str, list[Choice]]:
    """What each filter offers: speakers, fidelities and texts, with how many rows
    (glosses) have each; read from the glosses, so no row need be prepared for it."""
    speakers: dict[str, int] = {}
    texts: dict[str, int] = {}
    fidelities: dict[str, int] = {}
    for gloss in analysis.dossier.glosses:
        speakers[gloss.speaker] = speakers.get(gloss.speaker, 0) + 1
        fidelities[gloss.fidelity] = fidelities.get(gloss.fidelity, 0) + 1
        for source_id in {use.source_id for use in analysis.gloss_uses.get(gloss.id, [])}:
            texts[source_id] = texts.get(source_id, 0) + 1
    labels = LABELS[lang]
    return {
        "speaker": [
            Choice(a, analysis.actors[a].name_in(lang), n)
            for a, n in sorted(speakers.items(), key=lambda i: analysis.actors[i[0]].name)
        ],
        "fidelity": [
            Choice(key, labels[f"fid_{key}"], fidelities[key])
            for key in FIDELITIES
            if key in fidelities
        ],
        "text": [
            Choice(s, analysis.sources[s].source.title.pick(lang), texts[s])
            for s in analysis.sources
            if s in texts
        ],
    }


def filter_style(options: dict[str, list[Choice]]) -> str:
    """The CSS that filters the register without JavaScript: a checked choice hides the
    rows without it (ids only: validated as [a-z0-9-])."""
    attribute = {"speaker": "data-speaker", "fidelity": "data-fidelity", "text": "data-texts"}
    rules = []
    for name, values in options.items():
        for choice in values:
            rules.append(
                f".dz-register-page:has(#f-{name}-{choice.key}:checked) "
                f"tbody tr:not([{attribute[name]}~={choice.key}]){{display:none}}"
            )
    return "<style>" + "".join(rules) + "</style>"
