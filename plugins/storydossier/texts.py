"""Raw agency copy -> blocks (headings, paragraphs, embedded posts) plus metadata.

The first analysis stage, applied to each text as it comes from the agency. Parsing is
lossless: `ParsedText.pieces` cover every character of the (newline-normalised) text,
and each piece is either a block shown on the page, a separator (blank lines), or
metadata shown on the page (the inline `date 2020-01` marker, the dateline, credits
such as `(ats/nxp)` or `afp/jm`: see `datelines`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .datelines import Dateline, find_credits, find_dateline
from .langs import Lang
from .language import block_language

BlockKind = Literal["heading", "paragraph", "post"]
PieceKind = Literal["block", "separator", "marker", "dateline", "credit"]

_MARKER = re.compile(
    r"\A(?P<lead>[ \t]*)date[ \t]+(?P<value>\d{4}(?:-\d{2}){0,2}[~?%]?)(?P<gap>[ \t]+|\n+)"
)
_SEPARATOR = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"’”»)\s]*$")


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
    dateline: Dateline | None = None  # e.g. HOUSTON (Texas), 21 juil 1969 (AFP) -
    unsure: list[int] = field(default_factory=list)  # blocks whose language is a guess

    def rebuilt(self) -> str:
        """Concatenate every piece: equals `text` (the losslessness invariant)."""
        return "".join(self.text[p.start : p.end] for p in self.pieces)

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def block_at(self, start: int, end: int) -> int | None:
        """Index of the block holding the span [start, end) of the text, if any."""
        for index, block in enumerate(self.blocks):
            if block.start <= start and end <= block.end:
                return index
        return None


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
    body_start = 0
    marker = _MARKER.match(text)
    if marker:
        parsed.date_marker = marker["value"]
        parsed.marker_text = marker.group(0)
        parsed.pieces.append(Piece("marker", 0, marker.end()))
        body_start = marker.end()
    body_end = find_credits(text, body_start, len(text))
    if body_start < body_end < len(text):
        parsed.credit_text = text[body_end:]
        parsed.credit = _credit_value(parsed.credit_text)
    else:
        body_end = len(text)
    chunks = _chunks(text, body_start, body_end)
    headline = _take_dateline(parsed, chunks)
    _add_blocks(parsed, chunks, (body_start, body_end), default_lang, overrides or {}, headline)
    return parsed


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of text between blank lines, without their outer blank space."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for sep in _SEPARATOR.finditer(text, start, end):
        spans.append((cursor, sep.start()))
        cursor = sep.end()
    spans.append((cursor, end))
    chunks = []
    for chunk_start, chunk_end in spans:
        chunk = text[chunk_start:chunk_end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            chunks.append((chunk_start + lead, chunk_end - trail))
    return chunks


def _take_dateline(parsed: ParsedText, chunks: list[tuple[int, int]]) -> bool:
    """Find the dateline at the start of the first chunk, or of the second after a
    one-line headline; cut it from its chunk. True when the first chunk is a headline."""
    for index in range(min(2, len(chunks))):
        start, end = chunks[index]
        if index == 1 and not _is_headline(parsed.text[slice(*chunks[0])]):
            break
        dateline = find_dateline(parsed.text, start, end)
        if dateline is not None:
            parsed.dateline = dateline
            chunks[index] = (dateline.end, end)
            if dateline.end >= end:
                del chunks[index]
            return index == 1
    return False


def _is_headline(text: str) -> bool:
    return "\n" not in text and len(text) <= 200


def _add_blocks(
    parsed: ParsedText,
    chunks: list[tuple[int, int]],
    body: tuple[int, int],
    default_lang: Literal["fr", "en"],
    overrides: dict[str, Literal["fr", "en"]],
    headline: bool,
) -> None:
    text, dateline = parsed.text, parsed.dateline
    position = body[0]
    for index, (start, end) in enumerate(chunks):
        if dateline is not None and position <= dateline.start < end:
            if dateline.start > position:
                parsed.pieces.append(Piece("separator", position, dateline.start))
            parsed.pieces.append(Piece("dateline", dateline.start, dateline.end))
            position = dateline.end
        if start > position:
            parsed.pieces.append(Piece("separator", position, start))
        block_text = text[start:end]
        lang, sure = _block_language(block_text, default_lang, overrides)
        if not sure:
            parsed.unsure.append(len(parsed.blocks))
        if lang != default_lang:
            kind: BlockKind = "post"
        elif (headline and index == 0) or _is_heading(block_text, index, len(chunks)):
            kind = "heading"
        else:
            kind = "paragraph"
        parsed.blocks.append(Block(kind, start, end, block_text, parsed.line_of(start), lang))
        parsed.pieces.append(Piece("block", start, end))
        position = end
    if dateline is not None and position <= dateline.start:  # a dateline alone
        if dateline.start > position:
            parsed.pieces.append(Piece("separator", position, dateline.start))
        parsed.pieces.append(Piece("dateline", dateline.start, dateline.end))
        position = dateline.end
    if body[1] > position:
        parsed.pieces.append(Piece("separator", position, body[1]))
    if parsed.credit is not None:
        parsed.pieces.append(Piece("credit", body[1], len(text)))


def _credit_value(written: str) -> str:
    """A credit as shown in exports: `ats/nxp` for `(ats/nxp)`, lines joined by ` · `."""
    lines = [line.strip() for line in written.strip().splitlines() if line.strip()]
    if len(lines) == 1 and re.fullmatch(r"\([^()]*\)", lines[0]) and " " not in lines[0]:
        return lines[0][1:-1]
    return " · ".join(lines)


def _block_language(text: str, default: Lang, overrides: dict[str, Lang]) -> tuple[Lang, bool]:
    """The block's language, and whether it is sure (an editor's `blocks:` entry is)."""
    for starts_with, lang in overrides.items():
        if text.startswith(starts_with):
            return lang, True
    return block_language(text, default)
