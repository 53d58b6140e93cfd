"""Raw agency copy -> blocks (headings, paragraphs, embedded posts) plus metadata.

The first analysis stage, applied to each text as it comes from the agency. Parsing is
lossless: `ParsedText.pieces` cover every character of the (newline-normalised) text,
and each piece is either a block shown on the page, a separator (blank lines), or
metadata shown on the page (the inline `date 2020-01` marker, the `(ats/nxp)` credit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "post"]
PieceKind = Literal["block", "separator", "marker", "credit"]

_MARKER = re.compile(
    r"\A(?P<lead>[ \t]*)date[ \t]+(?P<value>\d{4}(?:-\d{2}){0,2}[~?%]?)(?P<gap>[ \t]+|\n+)"
)
_CREDIT = re.compile(
    r"(?P<gap>[ \t\n]*)\((?P<credit>[a-z]{2,8}(?:/[a-z]{2,8})*)\)(?P<trail>\s*)\Z", re.I
)
_SEPARATOR = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"’”»)\s]*$")

_EN_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "in",
        "on",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "that",
        "this",
        "with",
        "for",
        "from",
        "at",
        "by",
        "we",
        "i",
        "you",
        "he",
        "she",
        "they",
        "us",
        "our",
        "my",
        "your",
        "his",
        "her",
        "their",
        "not",
        "have",
        "has",
        "had",
        "just",
        "after",
        "before",
        "about",
        "which",
        "what",
        "who",
        "where",
        "when",
        "there",
        "can",
        "can't",
        "don't",
        "i've",
        "i'm",
        "should",
        "would",
        "will",
        "number",
        "one",
        "beyond",
        "regard",
        "read",
        "once",
        "tell",
    ]
)
_FR_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "et",
        "de",
        "du",
        "à",
        "au",
        "aux",
        "est",
        "sont",
        "était",
        "a",
        "ont",
        "été",
        "il",
        "elle",
        "ils",
        "elles",
        "nous",
        "vous",
        "je",
        "que",
        "qui",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "ce",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "ne",
        "pas",
        "plus",
        "mais",
        "ou",
        "où",
        "selon",
        "lors",
        "après",
        "avant",
        "lui",
        "se",
    ]
)


def guess_language(text: str) -> Literal["fr", "en"] | None:
    """'fr' or 'en' from function words, or None when the text gives too little to tell."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower().replace("’", "'"))
    english = sum(w in _EN_WORDS for w in words)
    french = sum(w in _FR_WORDS for w in words)
    if english + french < 3:
        return None
    if english >= 2 * french + 2:
        return "en"
    if french >= english:
        return "fr"
    return None


@dataclass(frozen=True)
class Block:
    """A unit shown on the page, with its place in the text."""

    kind: BlockKind
    start: int
    end: int
    text: str
    line: int
    lang: Literal["fr", "en"]


@dataclass(frozen=True)
class Piece:
    kind: PieceKind
    start: int
    end: int


@dataclass
class ParsedText:
    """A text split into blocks; `text` is the newline-normalised original."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    date_marker: str | None = None  # the marker's value, e.g. "2020-01"
    marker_text: str | None = None  # the marker as written, e.g. " date 2020-01 "
    credit: str | None = None  # e.g. "ats/nxp"
    credit_text: str | None = None  # as written, e.g. " (ats/nxp)"

    def rebuilt(self) -> str:
        """Concatenate every piece: equals `text` (the losslessness invariant)."""
        return "".join(self.text[p.start : p.end] for p in self.pieces)

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def normalise_newlines(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _is_heading(text: str, index: int, total: int) -> bool:
    if index == 0 or index == total - 1 or "\n" in text.strip():
        return False
    stripped = text.strip()
    return len(stripped) <= 90 and not _SENTENCE_END.search(stripped.rstrip("»” \u00a0\u202f"))


def date_marker(text: str) -> str | None:
    """The value of an inline `date 2020-01` marker opening `text`, if there is one."""
    marker = _MARKER.match(normalise_newlines(text[:200]))  # the marker opens the text
    return marker["value"] if marker else None


def parse_text(
    raw: str,
    *,
    default_lang: Literal["fr", "en"] = "fr",
    overrides: dict[str, Literal["fr", "en"]] | None = None,
) -> ParsedText:
    """Split `raw` into blocks. `overrides` maps a block's first words to its language."""
    text = normalise_newlines(raw)
    parsed = ParsedText(text)
    body_start, body_end = 0, len(text)

    marker = _MARKER.match(text)
    if marker:
        parsed.date_marker = marker["value"]
        parsed.marker_text = marker.group(0)
        parsed.pieces.append(Piece("marker", 0, marker.end()))
        body_start = marker.end()

    credit = _CREDIT.search(text, body_start)
    if credit and credit.start() > body_start:
        parsed.credit = credit["credit"]
        parsed.credit_text = credit.group(0)
        body_end = credit.start()

    # Blocks are the runs between blank lines; leading/trailing blank space is a separator.
    spans: list[tuple[int, int]] = []
    cursor = body_start
    for sep in _SEPARATOR.finditer(text, body_start, body_end):
        spans.append((cursor, sep.start()))
        cursor = sep.end()
    spans.append((cursor, body_end))

    contents = []
    for start, end in spans:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            contents.append((start + lead, end - trail))

    position = body_start
    for index, (start, end) in enumerate(contents):
        if start > position:
            parsed.pieces.append(Piece("separator", position, start))
        block_text = text[start:end]
        lang = _block_language(block_text, default_lang, overrides or {})
        if lang != default_lang:
            kind: BlockKind = "post"
        elif _is_heading(block_text, index, len(contents)):
            kind = "heading"
        else:
            kind = "paragraph"
        parsed.blocks.append(Block(kind, start, end, block_text, parsed.line_of(start), lang))
        parsed.pieces.append(Piece("block", start, end))
        position = end
    if body_end > position:
        parsed.pieces.append(Piece("separator", position, body_end))
    if parsed.credit is not None:
        parsed.pieces.append(Piece("credit", body_end, len(text)))
    return parsed


def _block_language(
    text: str, default: Literal["fr", "en"], overrides: dict[str, Literal["fr", "en"]]
) -> Literal["fr", "en"]:
    for starts_with, lang in overrides.items():
        if text.startswith(starts_with):
            return lang
    return guess_language(text) or default
