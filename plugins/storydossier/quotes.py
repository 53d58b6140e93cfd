"""Find the «…» quotations of a French text.

Second analysis stage, run on each French block that `texts.parse_text` produced. Handles
guillemets with or without the (narrow) non-breaking spaces inside, nested «…«…»…»
quotations, and quotations interrupted by an editorial «(...)» or «(de lettre)» (these
stay inside the quotation). Unbalanced guillemets are reported, never guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass

_SPACES = " \u00a0\u202f\u2009\t\n"


@dataclass(frozen=True)
class Quotation:
    """One «…» in a text; offsets are into the whole (newline-normalised) text."""

    start: int  # at «
    end: int  # after »
    inner_start: int  # first character after « and its spaces
    inner_end: int  # after the last character before » and its spaces
    depth: int  # 0 for an outer quotation, 1 inside another...
    block: int  # index of the block that holds it

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


@dataclass(frozen=True)
class Unbalanced:
    offset: int
    char: str


def find_quotations(
    text: str, start: int, end: int, block: int
) -> tuple[list[Quotation], list[Unbalanced]]:
    """Quotations of text[start:end], in document order of their opening «."""
    found: list[Quotation] = []
    problems: list[Unbalanced] = []
    stack: list[int] = []
    for offset in range(start, end):
        char = text[offset]
        if char == "«":
            stack.append(offset)
        elif char == "»":
            if not stack:
                problems.append(Unbalanced(offset, char))
                continue
            opening = stack.pop()
            inner_start = opening + 1
            while inner_start < offset and text[inner_start] in _SPACES:
                inner_start += 1
            inner_end = offset
            while inner_end > inner_start and text[inner_end - 1] in _SPACES:
                inner_end -= 1
            found.append(Quotation(opening, offset + 1, inner_start, inner_end, len(stack), block))
    problems.extend(Unbalanced(offset, "«") for offset in stack)
    found.sort(key=lambda q: q.start)
    return found, problems
