"""The editor's warnings about analysed texts, each naming the file, the line and the fix.

Called by `analysis` with the facts that `textpass` and `crosslinks` found (offsets,
ids, indexes into the YAML lists); this module only words them, as `Problem`s in the
one format of `problems.py`. Warnings are things an editor may fix later; with
`--strict` they stop the build.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from .dates import parse_date
from .loading import LoadedDossier, display_path
from .mentions import Ambiguous
from .model import Gloss
from .normalise import normalise_pattern
from .problems import Problem
from .textpass import TextResult
from .translation import Misalignment, Retranslated, TranslationView
from .views import Mention, QuoteView, SourceView
from .worddiff import word_differences


def text_warnings(result: TextResult) -> list[Problem]:
    """What a reader could not see or would see wrong in one text."""
    view, findings = result.view, result.findings
    file, text = view.file, view.parsed.text
    warnings: list[Problem] = []
    if findings.empty:
        warnings.append(_warn(file, None, None, "this text is empty: its page will be blank"))
    if findings.bidi is not None:
        offset, char = findings.bidi
        warnings.append(
            _warn(
                file,
                *_line_col(text, offset),
                f"invisible bidirectional control character U+{ord(char):04X}: it can "
                "reorder what readers see; remove it unless the text needs it",
            )
        )
    for item in findings.unbalanced:
        warnings.append(
            _warn(
                file,
                *_line_col(text, item.offset),
                f"unbalanced `{item.char}`: this guillemet has no partner in its paragraph; "
                "the quotation is not shown as one",
            )
        )
    for index in view.parsed.unsure:
        block = view.parsed.blocks[index]
        first_words = " ".join(block.text.split()[:4])
        other = "en" if block.lang == "fr" else "fr"
        warnings.append(
            _warn(
                file,
                block.line,
                1,
                f"the language of «{short(block.text)}» cannot be told for sure; it is shown "
                f"as `{block.lang}`. Say which it is in the text's record: "
                f'`blocks: [{{starts_with: "{first_words}", lang: {other}}}]` '
                f"(or `lang: {block.lang}` to keep it so)",
            )
        )
    for quote in view.quotes:
        if quote.status in ("unglossed", "partial"):
            what = "has no gloss" if quote.status == "unglossed" else "is only partly glossed"
            warnings.append(
                _warn(
                    file,
                    *_line_col(text, quote.quotation.start),
                    f"quotation «{short(quote.text)}» {what}: add a gloss for it under "
                    f"`glosses:` (`dossier quotes {view.source.id}` prints a stub), "
                    "or list it under `no_original:`",
                )
            )
    return warnings


def gloss_not_found(
    loaded: LoadedDossier,
    index: int,
    views: Mapping[str, SourceView],
    stray: tuple[str, int] | None,
    replaced_in: list[str],
) -> Problem:
    """A gloss that pairs no quotation: outside « », replaced everywhere, or a near miss."""
    gloss = loaded.dossier.glosses[index]
    path, where = ("glosses", index, "fr"), f"glosses[{index}].fr"
    if stray:
        message = (
            f"{where}: «{short(gloss.fr)}» appears in {stray[0]}:{stray[1]} but not "
            "between « »: a gloss pairs a quotation only"
        )
    elif replaced_in:
        texts = "that text" if len(replaced_in) == 1 else "those texts"
        message = (
            f"{where}: «{short(gloss.fr)}» is quoted only in {', '.join(replaced_in)}, where "
            f"{_replacing(loaded, gloss)} written for {texts} replaces it: remove this "
            "gloss, or keep it for texts that quote these words later"
        )
    else:
        scope = f" of {', '.join(gloss.sources)}" if gloss.sources else ""
        message = (
            f"{where}: «{short(gloss.fr)}» is not found in any quotation{scope}"
            f"{_nearest(gloss, views)}"
        )
    return loaded.marks.problem(path, message, severity="warning")


def _replacing(loaded: LoadedDossier, gloss: Gloss) -> str:
    wanted = normalise_pattern(gloss.fr)
    others = [
        f"`{other.id}` (line {loaded.marks.at(('glosses', i, 'id'))[0]})"
        for i, other in enumerate(loaded.dossier.glosses)
        if other.sources and normalise_pattern(other.fr) == wanted
    ]
    return "the gloss " + ", ".join(others) if len(others) == 1 else "a gloss"


def _nearest(gloss: Gloss, views: Mapping[str, SourceView]) -> str:
    """The most similar quotation of the texts in scope, and how it differs."""
    wanted = normalise_pattern(gloss.fr)
    best: tuple[float, str, SourceView, QuoteView] | None = None
    for view in views.values():
        if gloss.sources and view.source.id not in gloss.sources:
            continue
        for quote in view.quotes:
            folded = normalise_pattern(quote.text)
            ratio = difflib.SequenceMatcher(None, wanted, folded).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, quote.text, view, quote)
    if best is None or best[0] <= 0.3:
        return ""
    _ratio, passage, view, quote = best
    differences = word_differences(gloss.fr, _closest_stretch(gloss.fr, passage))
    return f"; nearest passage: «{short(passage)}» ({view.file}:{quote.line})" + (
        f": {differences}" if differences else ""
    )


def _closest_stretch(gloss: str, passage: str) -> str:
    """The run of words of `passage` as long as `gloss` that resembles it most."""
    words, size = passage.split(), len(gloss.split())
    if len(words) <= size:
        return passage
    folded = normalise_pattern(gloss)
    candidates = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return max(
        candidates,
        key=lambda c: difflib.SequenceMatcher(None, folded, normalise_pattern(c)).ratio(),
    )


def ambiguous_alias(loaded: LoadedDossier, found: Ambiguous, view: SourceView) -> Problem:
    """Words that may name several actors: not linked; the editor sees where."""
    names = ", ".join(found.actors)
    line = view.parsed.line_of(found.offset)
    where_found = f"in «{short(found.sentence, 120)}» ({view.file}:{line})"
    fix = (
        "its mentions are not linked: make it more specific in one of them, or list the "
        "phrase under `not_in:` of the actor it does not name"
    )
    for i, actor in enumerate(loaded.dossier.actors):
        for lang, alias in actor.aliases.all():
            if normalise_pattern(alias) == found.key:
                j = actor.aliases.of(lang).index(alias)
                return loaded.marks.problem(
                    ("actors", i, "aliases", lang, j),
                    f"alias «{alias}» may name several actors ({names}) {where_found}; {fix}",
                    severity="warning",
                )
    path = display_path(loaded.annotations_file)
    return _warn(path, None, None, f"«{found.key}» may name several actors ({names}) {where_found}")


def publication_warnings(loaded: LoadedDossier, views: Mapping[str, SourceView]) -> list[Problem]:
    """A text with no date at all; a dateline that contradicts the record."""
    warnings: list[Problem] = []
    for index, source in enumerate(loaded.dossier.sources):
        view = views[source.id]
        dateline = view.parsed.dateline
        said = dateline.edtf() if dateline else None
        if view.published is None:
            warnings.append(
                loaded.marks.problem(
                    ("sources", index, "id"),
                    f"sources[{index}]: `{source.id}` has no publication date: its record has "
                    "no `published:`, and the text no `date` marker nor a dateline with a "
                    "year; add `published:` (e.g. `published: 2020-01-06`, or `2020-01`)",
                    severity="warning",
                )
            )
        elif source.published and said and parse_date(source.published).iso() != said:
            warnings.append(
                loaded.marks.problem(
                    ("sources", index, "published"),
                    f"sources[{index}].published: `{source.published}` differs from the "
                    f"text's dateline ({said}); keep the one that is right",
                    severity="warning",
                )
            )
    return warnings


def post_missing(loaded: LoadedDossier, index: int) -> Problem:
    post = loaded.dossier.glosses[index].post or ""
    return loaded.marks.problem(
        ("glosses", index, "post"),
        f"glosses[{index}].post: «{short(post)}» is in no English post of the texts",
        severity="warning",
    )


def credit_missing(loaded: LoadedDossier, i: int, j: int) -> Problem:
    source = loaded.dossier.sources[i]
    credit = source.posts[j]
    return loaded.marks.problem(
        ("sources", i, "posts", j, "starts_with"),
        f"sources[{i}].posts[{j}].starts_with: no post quoted in `{source.file}` starts "
        f"with «{short(credit.starts_with)}»; copy the post's first words as the text "
        "gives them",
        severity="warning",
    )


def misaligned(loaded: LoadedDossier, source_id: str, found: Misalignment) -> Problem:
    """The first block where a translation departs from its French text."""
    french, english = found.french, found.english
    text_file, number = loaded.source_file(source_id), found.index + 1
    if english is None:
        assert french is not None
        what = (
            f"it ends after block {found.index}, but {text_file} goes on with block {number} "
            f"(line {french.line}: «{short(french.text)}»)"
        )
    elif french is None:
        what = f"its block {number} («{short(english.text)}») has no block of {text_file} to match"
    elif found.post:
        what = (
            f"its block {number} («{short(english.text)}») stands where {text_file} quotes an "
            f"English post (line {french.line}: «{short(french.text)}»), which the "
            "translation copies as it is"
        )
    else:
        what = (
            f"its block {number} («{short(english.text)}») is a {english.kind} where block "
            f"{number} of {text_file} (line {french.line}: «{short(french.text)}») is a "
            f"{french.kind}"
        )
    line = english.line if english is not None else None
    return Problem(
        loaded.translation_file(source_id),
        line,
        None,
        f"this translation does not follow {text_file} block by block: {what}; translate "
        "each block of the text as one block (blocks are separated by a blank line, a "
        "heading is a short line of its own)",
    )


def retranslated(loaded: LoadedDossier, view: TranslationView, found: Retranslated) -> Problem:
    """A quotation that the translation renders in its own words."""
    index = next(i for i, g in enumerate(loaded.dossier.glosses) if g.id == found.gloss_id)
    gloss = loaded.dossier.glosses[index]
    line = loaded.marks.at(("glosses", index, "en"))[0]
    return Problem(
        view.file,
        found.line,
        None,
        f"block {found.block + 1} gives «{short(gloss.fr)}» (gloss `{gloss.id}`) in the "
        f"translation's own words, but its English original is known: write “{gloss.en}” "
        f"there, as said ({display_path(loaded.annotations_file)}, line {line})",
        "warning",
    )


def dating_missing(loaded: LoadedDossier, i: int, j: int) -> Problem:
    dating = loaded.dossier.events[i].dated_by[j]
    return loaded.marks.problem(
        ("events", i, "dated_by", j, "phrase"),
        f"events[{i}].dated_by[{j}].phrase: «{dating.phrase}» is not in the text "
        f"`{dating.source}`; copy the words as the text gives them",
        severity="warning",
    )


def unreferenced_actors(
    loaded: LoadedDossier, mentions: Mapping[str, list[Mention]]
) -> list[Problem]:
    dossier = loaded.dossier
    referenced = set(mentions) | {g.speaker for g in dossier.glosses}
    referenced.update(s.agency for s in dossier.sources if s.agency)
    for event in dossier.events:
        referenced.update(event.actors)
    return [
        loaded.marks.problem(
            ("actors", index, "id"),
            f"actors[{index}]: `{actor.id}` is never mentioned, quoted or in an event: add "
            "the words the texts use for them under `aliases:`, or remove the actor",
            severity="warning",
        )
        for index, actor in enumerate(dossier.actors)
        if actor.id not in referenced
    ]


def short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _warn(file: str, line: int | None, column: int | None, message: str) -> Problem:
    return Problem(file, line, column, message, "warning")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
