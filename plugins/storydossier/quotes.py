"""Find the quotations of a French text, in every form French press copy uses.

Second analysis stage (`textpass`), run over the French blocks `texts.parse_text` found:
- «…» with or without (narrow) no-break spaces inside, “…” and straight "…" (wire copy
  often lacks the right characters), ‹…› and any of these nested in another;
- a quotation continued over paragraphs: each continued paragraph opens with « and only
  the last closes it; the quotation is one, with a segment per paragraph;
- the narrator's incise inside the marks («Nous ne partirons pas, a-t-il dit, avant la
  fin»): see `incises`; the quotation's words are its spans without it.
Editorial «(...)» or «(de lettre)» stay inside. An inch mark (`17"`) is not a quotation
mark. Guillemets that pair with nothing are reported, never guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass

from .incises import find_incises

_SPACES = " \u00a0\u202f\u2009\t\n"
OPENERS = {"«": "»", "“": "”", "‹": "›", '"': '"'}
_CLOSERS = {"»": "«", "”": "“", "›": "‹"}
_OPEN_BEFORE = _SPACES + "([{—–-/«“‹'’"  # what may stand before an opening straight quote


@dataclass(frozen=True)
class Segment:
    """The part of a quotation that stands in one block."""

    block: int
    start: int  # at the opening (or continuing) mark
    end: int  # after the closing mark, or at the end of a continued paragraph


@dataclass(frozen=True)
class Quotation:
    """One quotation; offsets are into the whole (newline-normalised) text."""

    start: int  # at the opening mark
    end: int  # after the closing mark
    depth: int  # 0 for an outer quotation, 1 inside another...
    segments: tuple[Segment, ...]
    spans: tuple[tuple[int, int], ...]  # the quoted words, without marks and incises
    incises: tuple[tuple[int, int], ...] = ()  # the narrator's words inside the marks
    mark: str = "«"

    @property
    def block(self) -> int:
        """Index of the block where the quotation opens."""
        return self.segments[0].block

    @property
    def inner_start(self) -> int:
        return self.spans[0][0]

    @property
    def inner_end(self) -> int:
        return self.spans[-1][1]

    def inner(self, text: str) -> str:
        """The quoted words: its spans joined, without the incises and continuation marks."""
        return join_spans(text, self.spans)[0]


@dataclass(frozen=True)
class Unbalanced:
    offset: int
    char: str


def join_spans(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, list[int]]:
    """The spans' words as one string, and for each of its characters the offset in `text`
    (a joining space maps to the end of the span before it)."""
    pieces: list[str] = []
    offsets: list[int] = []
    for start, end in spans:
        if pieces and start < end and not _starts_with_punctuation(text[start]):
            pieces.append(" ")
            offsets.append(offsets[-1])
        pieces.append(text[start:end])
        offsets.extend(range(start, end))
    return "".join(pieces), offsets


def _starts_with_punctuation(char: str) -> bool:
    return char in ".,;:!?…"


def find_quotations(
    text: str, start: int, end: int, block: int
) -> tuple[list[Quotation], list[Unbalanced]]:
    """Quotations of one block text[start:end], in order of their opening mark."""
    return find_in_blocks(text, [(block, start, end)])


def find_in_blocks(
    text: str, blocks: list[tuple[int, int, int]], paragraphs: frozenset[int] = frozenset()
) -> tuple[list[Quotation], list[Unbalanced]]:
    """Quotations of the French blocks `(index, start, end)`, in document order; a « left
    open at the end of a paragraph (an index in `paragraphs`: not a heading) continues
    into the next block if that one is a paragraph too and opens with «."""
    finder = _Finder(text, paragraphs)
    for position, (index, start, end) in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        finder.block(index, start, end, following)
    finder.found.sort(key=lambda q: q.start)
    finder.unbalanced.sort(key=lambda u: u.offset)
    return finder.found, finder.unbalanced


@dataclass
class _Open:
    mark: str
    offset: int
    segments: list[Segment]  # earlier paragraphs of a continued quotation


class _Finder:
    def __init__(self, text: str, paragraphs: frozenset[int]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.found: list[Quotation] = []
        self.unbalanced: list[Unbalanced] = []
        self.carried: _Open | None = None  # a « continued from the paragraph before

    def block(
        self, index: int, start: int, end: int, following: tuple[int, int, int] | None
    ) -> None:
        stack: list[_Open] = []
        position = start
        if self.carried is not None:
            stack.append(self.carried)
            mark = self._after_opening(start, end)
            self.carried.segments.append(Segment(index, mark, end))  # end fixed on close
            position = mark + 1
        for offset in range(position, end):
            self._mark(index, offset, start, end, stack)
        self._close_block(index, end, stack, following)

    def _mark(self, index: int, offset: int, start: int, end: int, stack: list[_Open]) -> None:
        char = self.text[offset]
        if char == '"':
            role = self._straight(offset, start, end, stack)
            if role == "open":
                stack.append(_Open(char, offset, []))
            elif role == "close":
                self._close(index, offset, char, stack)
        elif char in OPENERS:
            stack.append(_Open(char, offset, []))
        elif char in _CLOSERS:
            self._close(index, offset, _CLOSERS[char], stack)

    def _straight(self, offset: int, start: int, end: int, stack: list[_Open]) -> str:
        """Whether a straight " opens, closes, or is an inch mark (''): by what stands
        around it, as a reader tells."""
        before = self.text[offset - 1] if offset > start else " "
        after = self.text[offset + 1] if offset + 1 < end else " "
        straight_open = any(o.mark == '"' for o in stack)
        if straight_open and before not in _SPACES:
            return "close"
        if before.isdigit() and not straight_open:
            return ""  # 17" : inches, not a quotation
        if before in _OPEN_BEFORE and after not in _SPACES:
            return "open"
        return "close"

    def _close(self, index: int, offset: int, wanted: str, stack: list[_Open]) -> None:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].mark == wanted:
                break
        else:
            self.unbalanced.append(Unbalanced(offset, self.text[offset]))
            return
        for dropped in stack[depth + 1 :]:
            self.unbalanced.append(Unbalanced(dropped.offset, dropped.mark))
        opening = stack[depth]
        del stack[depth:]
        segments = [*opening.segments[:-1]] if opening.segments else []
        if opening.segments:
            last = opening.segments[-1]
            segments.append(Segment(last.block, last.start, offset + 1))
        else:
            segments.append(Segment(index, opening.offset, offset + 1))
        self.found.append(self._quotation(opening, segments, offset + 1, depth))

    def _quotation(
        self, opening: _Open, segments: list[Segment], end: int, depth: int
    ) -> Quotation:
        spans: list[tuple[int, int]] = []
        for number, segment in enumerate(segments):
            inner_start = segment.start + 1
            last = number == len(segments) - 1
            inner_end = segment.end - 1 if last else segment.end
            spans.append(self._trim(inner_start, inner_end))
        words, incises = find_incises(self.text, spans)
        return Quotation(opening.offset, end, depth, tuple(segments), words, incises, opening.mark)

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in _SPACES:
            start += 1
        while end > start and self.text[end - 1] in _SPACES:
            end -= 1
        return start, end

    def _after_opening(self, start: int, end: int) -> int:
        """Offset of the « that opens a continued paragraph (after any spaces)."""
        offset = start
        while offset < end and self.text[offset] in _SPACES:
            offset += 1
        return offset

    def _close_block(
        self, index: int, end: int, stack: list[_Open], following: tuple[int, int, int] | None
    ) -> None:
        """At a paragraph's end: an outer « goes on if the next paragraph opens with «;
        anything else still open pairs with nothing."""
        self.carried = None
        if stack and stack[0].mark == "«" and following is not None:
            _next_index, next_start, next_end = following
            opening = self._after_opening(next_start, next_end)
            continues = (
                _next_index == index + 1  # no English post between
                and {index, _next_index} <= self.paragraphs
                and self.text[opening : opening + 1] == "«"
            )
            if continues:
                self.carried = stack[0]
                if not self.carried.segments:
                    self.carried.segments.append(Segment(index, self.carried.offset, end))
                else:
                    last = self.carried.segments[-1]
                    self.carried.segments[-1] = Segment(last.block, last.start, end)
                stack = stack[1:]
        for left in stack:
            self.unbalanced.append(Unbalanced(left.offset, left.mark))
