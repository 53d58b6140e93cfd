"""Where a gloss's French and the nearest passage of a text differ, in words.

Used by `diagnostics` for a gloss that matches no quotation: instead of both texts cut
at a fixed length (which hides a typo near the end of a long gloss), the editor sees
each differing stretch with a word of context, e.g. `«n'aurait pas dû» where the text
has «n'aurait jamais dû»`.
"""

from __future__ import annotations

import difflib

from .normalise import normalise_pattern

CONTEXT = 1  # words shown on each side of a difference
MAX_SHOWN = 3  # differences listed; more are counted


def word_differences(gloss: str, passage: str) -> str:
    """The differing stretches of `gloss` against `passage`, in plain words."""
    ours, theirs = gloss.split(), passage.split()
    matcher = difflib.SequenceMatcher(
        None, [_key(w) for w in ours], [_key(w) for w in theirs], autojunk=False
    )
    parts: list[str] = []
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    for _tag, i1, i2, j1, j2 in changes[:MAX_SHOWN]:
        said = " ".join(ours[max(i1 - CONTEXT, 0) : i2 + CONTEXT])
        found = " ".join(theirs[max(j1 - CONTEXT, 0) : j2 + CONTEXT])
        parts.append(f"the gloss has «{said}» where the text has «{found}»")
    if len(changes) > MAX_SHOWN:
        parts.append(f"and {len(changes) - MAX_SHOWN} more difference(s)")
    return "; ".join(parts)


def _key(word: str) -> str:
    """Words compare as the matcher compares them: case, accents' forms, apostrophes."""
    return normalise_pattern(word)
