"""Per-text results kept from one analysis to the next (`mkdocs serve` rebuilds).

`analysis` asks the cache for each text; the cache hands back the kept `TextResult`
when it is still what `textpass.analyse_text` would compute, and otherwise computes
and keeps a new one. Results are frozen and refer to glosses by id, so a kept result
is returned as it is: nothing handed out earlier is ever changed.
"""

from __future__ import annotations

from .matching import Matcher, Pattern
from .model import Source
from .textpass import TextResult, analyse_text

KeptKey = tuple[str, str, str]  # (source record as JSON, display path, text)


class AnalysisCache:
    """A kept result is reused when the text, its source record and its display path
    are unchanged and no pattern that changed (added, removed, or now meaning another
    gloss, actor or set of texts) occurs in its folded text. The occurrence test is a
    plain substring test: it may redo a text needlessly, never keep one it should redo.
    """

    def __init__(self) -> None:
        self._groups: dict[str, tuple[Pattern, ...]] = {}
        self._changed: list[str] = []
        self._results: dict[str, tuple[KeptKey, TextResult]] = {}
        self.reused = 0
        self.analysed = 0

    def start(self, matcher: Matcher) -> None:
        """Begin an analysis with `matcher`: note which patterns changed since the last."""
        old, new = self._groups, matcher.groups
        self._groups = dict(new)
        self._changed = [key for key in old.keys() | new.keys() if old.get(key) != new.get(key)]
        self.reused = self.analysed = 0

    def result(self, source: Source, text: str, file: str, matcher: Matcher) -> TextResult:
        """The analysis of one text: kept if still valid, computed otherwise."""
        key: KeptKey = (source.model_dump_json(), file, text)
        kept = self._results.get(source.id)
        if (
            kept is not None
            and kept[0] == key
            and not any(pattern in kept[1].folded for pattern in self._changed)
        ):
            self.reused += 1
            return kept[1]
        result = analyse_text(source, text, file, matcher)
        self.analysed += 1
        self._results[source.id] = (key, result)
        return result
