"""Problems found in a dossier, in the one format editors see everywhere.

Every stage (YAML reading, model validation, cross-references, text analysis) reports
`Problem`s; the MkDocs plugin and the `dossier check` command only print them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One message for the editor, anchored to a place in a file."""

    file: str
    line: int | None
    column: int | None
    message: str
    severity: Severity = "error"

    def location(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"


class DossierError(Exception):
    """The dossier cannot be built; `problems` says every reason found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return ' (did you mean `x`?)' for the closest candidate, or ''."""
    pool = sorted(set(candidates))
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in pool}
        close = [lowered[word.lower()]] if word.lower() in lowered else []
    return f" (did you mean `{close[0]}`?)" if close else ""
