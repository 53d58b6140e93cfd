"""Read one YAML file into plain Python data plus the line and column of every value.

First stage of loading. PyYAML's SafeLoader composes the node tree; this module builds
the data itself so that it can refuse what silently loses or endangers an editor's work:
duplicate keys (PyYAML keeps the last one), aliases (the "billion laughs" expansion),
and tags that would build Python objects. Dates stay strings: EDTF is parsed later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import DossierError, Problem, Severity

Path = tuple[str | int, ...]

ALIAS_REFUSED = "YAML aliases (`*name`) are not allowed in annotations: write the value out"
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


class _AliasRefused(yaml.MarkedYAMLError):
    """An alias (`*name`) was met: refused before anything is expanded."""


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamps (dates stay text) and without aliases."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            # types-PyYAML leaves peek_event unannotated; it returns the next event
            peek: Callable[[], yaml.Event] = self.peek_event
            event = peek()
            mark = event.start_mark if isinstance(event.start_mark, yaml.error.Mark) else None
            raise _AliasRefused(None, None, "alias refused", mark)
        return super().compose_node(parent, index)


_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _RESOLVERS

if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):
        """libyaml's C composer (about 10x faster). It does not expand aliases: an aliased
        node is the same object as its anchor's, which `_Builder` detects and refuses."""

    _FastLoader.yaml_implicit_resolvers = _RESOLVERS
    LOADER: type = _FastLoader
else:  # pragma: no cover - PyYAML built without libyaml
    LOADER = _Loader


@dataclass
class Marks:
    """Where each value (and each mapping key) of a YAML document stands."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (None, None))

    def problem(
        self, path: Path, message: str, *, key: bool = False, severity: Severity = "error"
    ) -> Problem:
        line, column = self.at(path, key=key)
        return Problem(self.file, line, column, message, severity)


def _tag_refused(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return f"the tag `{shown}` is not allowed: annotations hold only text, lists and mappings"


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _friendly_yaml_error(error: yaml.YAMLError) -> tuple[int | None, int | None, str]:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    if isinstance(error, _AliasRefused):
        text = ALIAS_REFUSED
    elif "'\\t'" in problem or "tab" in problem.lower():
        text = "tab character found: YAML indentation must use spaces, not tabs"
    elif "could not determine a constructor" in problem:
        text = "this tag is not allowed: annotations hold only text, numbers, lists and mappings"
    else:
        text = f"YAML syntax error: {problem}"
        if context:
            text += f" ({context})"
        text += "; check the indentation and the quotes on this line or the one before"
    return line, column, text


class _Builder:
    def __init__(self, file: str, loader: Any):
        self.marks = Marks(file)
        self.loader = loader
        self.problems: list[Problem] = []
        self.seen: set[int] = set()  # ids of nodes already built: a second visit is an alias

    def fail(self, node: Node, message: str) -> None:
        line, column = _position(node)
        self.problems.append(Problem(self.marks.file, line, column, message))

    def build(self, node: Node, path: Path, parent: Node | None = None) -> Any:
        if id(node) in self.seen:
            # the C composer shares an aliased node with its anchor: refuse it here
            line, column = _position(parent or node)
            raise DossierError(
                [
                    Problem(
                        self.marks.file,
                        line,
                        column,
                        ALIAS_REFUSED,
                    )
                ]
            )
        self.seen.add(id(node))
        self.marks.values[path] = _position(node)
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                self.fail(node, _tag_refused(node.tag))
                return None
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.fail(node, _tag_refused(node.tag))
                return None
            return [self.build(item, (*path, i), node) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.tag not in _PLAIN_TAGS:
            self.fail(node, _tag_refused(node.tag))
            return None
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: MappingNode, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.fail(key_node, "YAML merge keys (`<<`) are not allowed: write the fields out")
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self.fail(key_node, "a mapping key must be a plain word")
                continue
            key = self.loader.construct_object(key_node)
            if key in first_seen:
                self.fail(
                    key_node,
                    f"duplicate key `{key}` (first given on line {first_seen[key]}): "
                    "YAML would keep only the last one; merge the two or delete one",
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1
            key_path = (*path, key)
            self.marks.keys[key_path] = _position(key_node)
            result[key] = self.build(value_node, key_path, node)
        return result


def load_yaml(text: str, file: str) -> tuple[Any, Marks]:
    """Parse `text` (the content of `file`); raise DossierError listing every problem."""
    loader = LOADER(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as error:
        line, column, message = _friendly_yaml_error(error)
        raise DossierError([Problem(file, line, column, message)]) from None
    finally:
        loader.dispose()
    if root is None:
        raise DossierError(
            [Problem(file, 1, 1, "the file is empty: it needs at least `dossier:` and `sources:`")]
        )
    builder = _Builder(file, loader)
    data = builder.build(root, ())
    if builder.problems:
        raise DossierError(builder.problems)
    return data, builder.marks
