"""Load and validate a dossier folder: `annotations.yml` plus the texts in `sources/`.

The entry point of the core: `load_dossier(folder)` returns a `LoadedDossier` (the typed
model, the texts, the YAML marks and the warnings) or raises `DossierError` listing
every error, each as `file:line:col: field: message` with a suggestion where one exists.
Nothing here touches the site being built.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model
from .dates import DateError, parse_date
from .normalise import normalise_pattern
from .placeholders import stub_placeholders
from .problems import DossierError, Problem, did_you_mean
from .texts import date_marker
from .yamlmarks import Marks, load_yaml

ANNOTATIONS = "annotations.yml"
SOURCES_DIR = "sources"
TRANSLATIONS_DIR = "translations"
# Limits that keep a build's time bounded: a news text or an annotation file larger than
# this is a mistake (a wrong file, a paste gone wrong), not a dossier.
MAX_TEXT_BYTES = 5 * 1024 * 1024
MAX_YAML_BYTES = 5 * 1024 * 1024


@dataclass
class LoadedDossier:
    """A valid dossier: the model, each source's text, and where each YAML value stands."""

    folder: Path
    dossier: model.Dossier
    texts: dict[str, str]
    marks: Marks
    warnings: list[Problem] = field(default_factory=list)
    translations: dict[str, str] = field(default_factory=dict)  # source id -> its English
    _files: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def annotations_file(self) -> Path:
        return self.folder / ANNOTATIONS

    def source_file(self, source_id: str) -> str:
        if not self._files:
            self._files = {s.id: s.file for s in self.dossier.sources}
        return display_path(self.folder / SOURCES_DIR / self._files[source_id])

    def translation_file(self, source_id: str) -> str:
        source = next(s for s in self.dossier.sources if s.id == source_id)
        assert source.translation is not None
        return display_path(self.folder / TRANSLATIONS_DIR / source.translation.file)


def display_path(path: Path) -> str:
    """A path as the editor knows it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def load_dossier(folder: Path | str) -> LoadedDossier:
    """Read and validate `folder`; raise DossierError with every error found."""
    folder = Path(folder)
    yaml_path = folder / ANNOTATIONS
    shown = display_path(yaml_path)
    try:
        raw = yaml_path.read_bytes()
    except FileNotFoundError:
        raise DossierError(
            [Problem(shown, None, None, f"no annotation file: create `{ANNOTATIONS}` in {folder}")]
        ) from None
    if len(raw) > MAX_YAML_BYTES:
        raise DossierError(
            [
                Problem(
                    shown,
                    None,
                    None,
                    f"the file is {len(raw) / 2**20:.1f} MB; annotations are limited to "
                    f"{MAX_YAML_BYTES // 2**20} MB: check that this is the right file",
                )
            ]
        )
    text = _decode(raw, shown)
    data, marks = load_yaml(text, shown)
    if not isinstance(data, dict):
        raise DossierError(
            [marks.problem((), "the annotation file must be a mapping starting with `dossier:`")]
        )
    placeholders = stub_placeholders(data)
    left = [marks.problem(path, message) for path, message in placeholders]
    try:
        dossier = model.Dossier.model_validate(data)
    except ValidationError as error:
        # a placeholder's own invalid value (`ACTOR-ID`, `YYYY-MM-DD`) is said once
        said = {path[:3] for path, _ in placeholders}
        others = _explain(error, data, marks, skip=said)
        raise DossierError(left + others) from None
    if left:
        raise DossierError(left)

    errors: list[Problem] = []
    warnings: list[Problem] = []
    _check_ids_and_references(dossier, marks, errors)
    _check_patterns(dossier, marks, errors)
    _check_same_french(dossier, marks, errors)
    texts = _read_sources(dossier, folder, marks, errors, warnings)
    translations = _read_translations(dossier, folder, marks, errors, warnings)
    if errors:
        raise DossierError(errors)
    return LoadedDossier(folder, dossier, texts, marks, warnings, translations)


def _decode(raw: bytes, shown: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise DossierError(
            [
                Problem(
                    shown,
                    line,
                    None,
                    f"not UTF-8: byte 0x{raw[error.start]:02X} at offset {error.start} "
                    "cannot be read; save the file as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


# --- pydantic errors in the editor's words -------------------------------------------------

_TYPE_WORDS = {
    "string_type": "text",
    "list_type": "a list (lines starting with `- `)",
    "model_type": "a mapping of fields (`name: value` lines)",
    "dict_type": "a mapping of fields (`name: value` lines)",
    "model_attributes_type": "a mapping of fields (`name: value` lines)",
    "int_type": "a whole number",
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (a yes/no value; put it in quotes to make it text)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"`{value}`"


def _field_path(loc: Iterable[Any]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _model_fields_at(loc: tuple[Any, ...]) -> list[str]:
    """Names of the fields allowed at `loc` (a path of keys and list indexes)."""
    current: Any = model.Dossier
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _unwrap(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """The record type inside a field's annotation (through lists, unions, Annotated);
    of a union, the member that is a record, where there is one."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union, types.UnionType):
            args = [_unwrap(a) for a in typing.get_args(annotation) if a is not type(None)]
            records = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            return (records or args)[0]
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _lookup(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _explain(
    error: ValidationError, data: Any, marks: Marks, skip: set[tuple[Any, ...]] | None = None
) -> list[Problem]:
    """Pydantic's errors in the editor's words; errors at paths in `skip` are left out."""
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for item in error.errors(include_url=False):
        loc = tuple(p for p in item["loc"] if isinstance(p, int) or "[" not in str(p))
        if skip and loc[:3] in skip:
            continue
        kind = item["type"]
        key = (loc, kind)
        if key in seen:
            continue
        seen.add(key)
        where = _field_path(loc)
        if kind == "extra_forbidden":
            name = str(loc[-1])
            allowed = _model_fields_at(loc[:-1])
            hint = did_you_mean(name, allowed) or (
                f"; allowed here: {', '.join(allowed)}" if allowed else ""
            )
            message = f"{where}: unknown field `{name}`{hint}"
            if " " in name and _lookup(data, loc) is None:
                message += (
                    "; if these words belong to the text before them, put that whole text "
                    "in quotes (inside `{ }`, a comma starts a new field)"
                )
            problems.append(marks.problem(loc, message, key=True))
            continue
        if kind == "missing":
            name = str(loc[-1])
            message = f"{where}: missing field `{name}`, which is required here"
            problems.append(marks.problem(loc[:-1], message))
            continue
        given = item.get("input")
        if kind == "literal_error":
            expected = item.get("ctx", {}).get("expected", "")
            options = [o.strip(" '") for o in str(expected).replace(" or ", ",").split(",")]
            message = f"{where}: {_describe(given)} is not allowed; use one of {expected}"
            message += did_you_mean(str(given), [o for o in options if o])
        elif kind in ("value_error", "assertion_error"):
            message = f"{where}: {str(item['msg']).removeprefix('Value error, ')}"
        elif kind in _TYPE_WORDS:
            message = f"{where}: expected {_TYPE_WORDS[kind]}, found {_describe(given)}"
        elif kind == "string_pattern_mismatch":
            message = f"{where}: {_describe(given)} does not have the expected form"
            if loc and loc[-1] == "wikidata":
                message += " (a Wikidata id is Q followed by digits, e.g. Q7821399)"
        elif kind == "too_short":
            message = f"{where}: the list is empty; it needs at least one entry"
        else:
            message = f"{where}: {item['msg']}"
        problems.append(marks.problem(loc, message))
    return problems


# --- cross-references ------------------------------------------------------------------------


def _check_ids_and_references(dossier: model.Dossier, marks: Marks, errors: list[Problem]) -> None:
    ids: dict[str, list[str]] = {}
    for collection in ("sources", "actors", "glosses", "events"):
        first: dict[str, int] = {}
        for index, record in enumerate(getattr(dossier, collection)):
            if record.id in first:
                line = marks.at((collection, first[record.id], "id"))[0]
                errors.append(
                    marks.problem(
                        (collection, index, "id"),
                        f"{collection}[{index}].id: duplicate id `{record.id}` "
                        f"(already used on line {line}); ids must be unique",
                    )
                )
            else:
                first[record.id] = index
        ids[collection] = list(first)

    def check(path: tuple[Any, ...], value: str, collection: str) -> None:
        if value not in ids[collection]:
            kind = {"actors": "actor", "sources": "source"}[collection]
            errors.append(
                marks.problem(
                    path,
                    f"{_field_path(path)}: unknown {kind} id `{value}`"
                    + (
                        did_you_mean(value, ids[collection])
                        or f"; known: {', '.join(ids[collection])}"
                    ),
                )
            )

    for i, record in enumerate(dossier.sources):
        if record.agency is not None:
            check(("sources", i, "agency"), record.agency, "actors")
    for i, gloss in enumerate(dossier.glosses):
        check(("glosses", i, "speaker"), gloss.speaker, "actors")
        for j, source_id in enumerate(gloss.sources):
            check(("glosses", i, "sources", j), source_id, "sources")
    for i, entry in enumerate(dossier.no_original):
        for j, source_id in enumerate(entry.sources):
            check(("no_original", i, "sources", j), source_id, "sources")
    for i, event in enumerate(dossier.events):
        for j, actor in enumerate(event.actors):
            check(("events", i, "actors", j), actor, "actors")
        for j, source_id in enumerate(event.sources):
            check(("events", i, "sources", j), source_id, "sources")
        for j, dating in enumerate(event.dated_by):
            check(("events", i, "dated_by", j, "source"), dating.source, "sources")


def _check_patterns(dossier: model.Dossier, marks: Marks, errors: list[Problem]) -> None:
    """A gloss or alias that folds to nothing could match anywhere: refuse it."""
    for i, gloss in enumerate(dossier.glosses):
        if not any(c.isalnum() for c in normalise_pattern(gloss.fr)):
            errors.append(
                marks.problem(("glosses", i, "fr"), f"glosses[{i}].fr: no words to match")
            )
    for i, actor in enumerate(dossier.actors):
        for lang in ("fr", "en"):
            for j, alias in enumerate(actor.aliases.of(lang)):
                if not any(c.isalnum() for c in normalise_pattern(alias)):
                    path = ("actors", i, "aliases", lang, j)
                    errors.append(marks.problem(path, f"{_field_path(path)}: no words to match"))


def _check_same_french(dossier: model.Dossier, marks: Marks, errors: list[Problem]) -> None:
    """Two glosses (or no-original marks) of the same French for the same texts: which
    one applies would be a guess. A restricted one beside a general one is the way to
    say "in this text, the English is different", and is allowed."""
    by_words: dict[str, list[tuple[str, int, str, list[str]]]] = {}
    entries = [("glosses", i, f" `{g.id}`", g.fr, g.sources) for i, g in enumerate(dossier.glosses)]
    entries += [("no_original", i, "", n.fr, n.sources) for i, n in enumerate(dossier.no_original)]
    for collection, index, name, french, sources in entries:
        same = by_words.setdefault(normalise_pattern(french), [])
        for other_collection, other_index, other_name, other_sources in same:
            shared = set(sources) & set(other_sources)
            if (sources or other_sources) and not shared:
                continue
            line = marks.at((other_collection, other_index, "fr"))[0]
            scope = f"for {', '.join(sorted(shared))}" if shared else "for every text"
            errors.append(
                marks.problem(
                    (collection, index, "fr"),
                    f"{collection}[{index}].fr{name}: the same French as "
                    f"{other_collection}[{other_index}]{other_name} (line {line}), "
                    f"{scope}: keep one of them, or restrict one to its text with `sources:` "
                    "(a gloss restricted to a text replaces a general one there)",
                )
            )
        same.append((collection, index, name, sources))


# --- source files ----------------------------------------------------------------------------


def _read_sources(
    dossier: model.Dossier,
    folder: Path,
    marks: Marks,
    errors: list[Problem],
    warnings: list[Problem],
) -> dict[str, str]:
    sources_dir = folder / SOURCES_DIR
    available = sorted(p.name for p in sources_dir.glob("*.txt")) if sources_dir.is_dir() else []
    texts: dict[str, str] = {}
    declared: dict[Path, int] = {}  # resolved file -> index of the source that has it
    for index, source in enumerate(dossier.sources):
        try:
            path = _source_path(source, index, sources_dir, available, marks)
            first = declared.setdefault(path.resolve(), index)
            if first != index:
                _same_file(dossier, first, index, marks)
            texts[source.id] = _read_text(path, source, index, marks)
        except DossierError as error:
            errors.extend(error.problems)
            continue
        _check_published(source, texts[source.id], marks, index, warnings)
    warnings += _undeclared(
        sources_dir,
        available,
        {path.name for path in declared},
        "this text is not declared in {annotations}: add it under `sources:` "
        "(with `file: {name}`) to publish it, or move it out of the folder",
    )
    return texts


def _undeclared(
    folder: Path, available: list[str], declared: set[str], wording: str
) -> list[Problem]:
    """A warning for each file of `folder` that no record declares (`wording` takes
    {annotations} and {name}); a link to a file elsewhere is not the folder's."""
    real = folder.resolve()
    return [
        Problem(
            display_path(folder / name),
            None,
            None,
            wording.format(annotations=ANNOTATIONS, name=name),
            "warning",
        )
        for name in available
        if name not in declared and (folder / name).resolve().is_relative_to(real)
    ]


def _same_file(dossier: model.Dossier, first: int, index: int, marks: Marks) -> None:
    """One file declared twice would be published twice, under two ids."""
    line = marks.at(("sources", first, "file"))[0]
    raise DossierError(
        [
            marks.problem(
                ("sources", index, "file"),
                f"sources[{index}].file: `{dossier.sources[index].file}` is already the text "
                f"of `{dossier.sources[first].id}` (sources[{first}], line {line}); one file "
                "is one text: remove one of the two records, or point it at its own file",
            )
        ]
    )


def _source_path(
    source: model.Source, index: int, sources_dir: Path, available: list[str], marks: Marks
) -> Path:
    """The text file of `source`, inside the sources folder; DossierError otherwise."""
    return _file_in(("sources", index, "file"), source.file, sources_dir, available, marks)


def _file_in(
    at: tuple[str | int, ...], name: str, folder: Path, available: list[str], marks: Marks
) -> Path:
    """The file `name` given at YAML path `at`, inside `folder`; DossierError otherwise."""
    where, shown = _field_path(at), display_path(folder)
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        message = f"`{name}` must be a file name inside {shown}/ (no `..`, no absolute path)"
    elif not (folder / relative).resolve().is_relative_to(folder.resolve()):
        message = f"`{name}` is a link to a file outside {shown}/; copy the text in instead"
    elif not (folder / relative).is_file():
        message = f"no file `{name}` in {shown}/" + (
            did_you_mean(name, available)
            or (f"; files there: {', '.join(available)}" if available else "")
        )
    else:
        return folder / relative
    raise DossierError([marks.problem(at, f"{where}: {message}")])


def _read_text(path: Path, source: model.Source, index: int, marks: Marks) -> str:
    return _read_file(path, ("sources", index, "file"), source.file, marks)


def _read_file(path: Path, at: tuple[str | int, ...], name: str, marks: Marks) -> str:
    """The text of `path`, decoded; DossierError if it is too large or not UTF-8."""
    raw = path.read_bytes()
    if len(raw) > MAX_TEXT_BYTES:
        raise DossierError(
            [
                marks.problem(
                    at,
                    f"{_field_path(at)}: `{name}` is larger than "
                    f"{MAX_TEXT_BYTES // 2**20} MB ({len(raw) / 2**20:.1f} MB); "
                    "split it into several texts",
                )
            ]
        )
    return _decode(raw, display_path(path))


def _read_translations(
    dossier: model.Dossier,
    folder: Path,
    marks: Marks,
    errors: list[Problem],
    warnings: list[Problem],
) -> dict[str, str]:
    """Each declared translation's text; a file in the folder that no text declares is
    reported, as an undeclared text is."""
    where = folder / TRANSLATIONS_DIR
    available = sorted(p.name for p in where.glob("*.txt")) if where.is_dir() else []
    texts: dict[str, str] = {}
    for index, source in enumerate(dossier.sources):
        if source.translation is None:
            continue
        at: tuple[str | int, ...] = ("sources", index, "translation", "file")
        try:
            path = _file_in(at, source.translation.file, where, available, marks)
            texts[source.id] = _read_file(path, at, source.translation.file, marks)
        except DossierError as error:
            errors.extend(error.problems)
    warnings += _undeclared(
        where,
        available,
        {s.translation.file for s in dossier.sources if s.translation is not None},
        "this translation is not declared in {annotations}: give its text "
        "`translation: {{file: {name}, translator: ...}}` under `sources:`, or "
        "move it out of the folder",
    )
    return texts


def _check_published(
    source: model.Source, text: str, marks: Marks, index: int, warnings: list[Problem]
) -> None:
    marker = date_marker(text)
    if marker is None or source.published is None:
        return
    try:
        agrees = parse_date(marker).iso() == parse_date(source.published).iso()
    except DateError:
        return
    if not agrees:
        warnings.append(
            marks.problem(
                ("sources", index, "published"),
                f"sources[{index}].published: `{source.published}` differs from the text's own "
                f"marker `date {marker}`; keep one of the two",
                severity="warning",
            )
        )
