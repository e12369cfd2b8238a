"""Parse one plan file fast, with the position of every key and value.

libyaml (through PyYAML's C parser) builds the node tree; a resolver with the YAML 1.2
core schema gives each plain scalar its type, as ruamel.yaml's round-trip loader does
(`NO` stays text, `010` is ten, `12:30` is text). Dates stay text: the schema checks
them, so an impossible date is a located message. Aliases of collections, merge keys
and tags on collections are refused: a plan has no use for them, and aliases can make
a small file expand to gigabytes. An alias of a text is allowed, but the texts that
aliases repeat count against the same budget as the file (`MAX_REPEATED`): 3,000
aliases of a megabyte cost what a 10 MB file costs, not what 3 GB would.

The editing commands read files with this same reader (`read_nodes`), so a file
`check` accepts is one the editor sees exactly as `check` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from generator.errors import Location, Problem
from generator.reading.syntax import syntax_problem

Mark = tuple[int, int]  # 0-based line and column

MAX_DEPTH = 32
# Characters that aliases may repeat in one file: what a plan file may hold.
MAX_REPEATED = 10 * 1024 * 1024
# Texts up to this long are not tracked: repeating them costs what writing them does.
_SHORT = 64

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Yaml12Resolver(BaseResolver):
    """The YAML 1.2 core schema, with the patterns ruamel.yaml uses for version 1.2."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """PyYAML's own `resolve`, minus the path resolvers plans never use: it runs once
        per scalar, so its speed is the parser's."""
        if kind is ScalarNode:
            if implicit[0]:
                for tag, pattern in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if pattern.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


_RESOLVERS = [
    (_BOOL, r"true|True|TRUE|false|False|FALSE", "tTfF"),
    (
        _FLOAT,
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
        r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)"
        r"|\.(?:nan|NaN|NAN)",
        "-+0123456789.",
    ),
    (
        _INT,
        r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+",
        "-+0123456789",
    ),
    (_MERGE, r"<<", "<"),
    (_NULL, r"~|null|Null|NULL|", ["~", "n", "N", ""]),
]
for _tag, _pattern, _first in _RESOLVERS:
    _Yaml12Resolver.add_implicit_resolver(_tag, re.compile(f"^(?:{_pattern})$"), list(_first))


class _Composer(CParser, _Yaml12Resolver):
    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        _Yaml12Resolver.__init__(self)


class LocatedMap(dict[Any, Any]):
    """A mapping that remembers where it, each key and each value start."""

    def __init__(self, start: Mark, flow: bool) -> None:
        super().__init__()
        self.start = start
        self.flow = flow
        self.key_marks: dict[Any, Mark] = {}
        self.value_marks: dict[Any, Mark] = {}
        # Keys written with no colon after them (`{a: b, c}`): in flow style a comma
        # inside a value splits it, and the rest turns into such a key.
        self.bare_keys: set[Any] = set()


class LocatedList(list[Any]):
    """A list that remembers where it and each item start."""

    def __init__(self, start: Mark, flow: bool) -> None:
        super().__init__()
        self.start = start
        self.flow = flow
        self.item_marks: list[Mark] = []


def _mark(node: Node) -> Mark:
    return node.start_mark.line, node.start_mark.column


class Refused(Exception):
    """A construct plans do not use, at a 0-based mark; str(exc) says why."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


@dataclass
class _Builder:
    """Turns nodes into plain values; a collection may be used once (no aliases)."""

    seen: set[int] = field(default_factory=set)
    texts: set[int] = field(default_factory=set)
    repeated: int = 0

    def value(self, node: Node, depth: int = 0) -> Any:
        if isinstance(node, ScalarNode):
            if len(node.value) > _SHORT:
                self._count_repeats(node)
            return _scalar(node)
        if depth > MAX_DEPTH:
            raise Refused(_mark(node), "the YAML is nested too deeply to be a plan")
        if id(node) in self.seen:
            raise Refused(
                _mark(node),
                "an alias (*name) repeats a value written elsewhere; plans do not use "
                "anchors and aliases: write the value out",
            )
        self.seen.add(id(node))
        if isinstance(node, SequenceNode):
            return self._sequence(node, depth)
        if isinstance(node, MappingNode):
            return self._mapping(node, depth)
        raise Refused(_mark(node), "unexpected YAML node")  # pragma: no cover

    def _count_repeats(self, node: ScalarNode) -> None:
        """A long text met again is an alias of it: its length counts once more."""
        if id(node) not in self.texts:
            self.texts.add(id(node))
            return
        self.repeated += len(node.value)
        if self.repeated > MAX_REPEATED:
            raise Refused(
                _mark(node),
                "aliases (*name) repeat this text more than a plan file may hold (10 MB); "
                "write the text out where it is needed",
            )

    def _sequence(self, node: SequenceNode, depth: int) -> LocatedList:
        _check_tag(node, _SEQ)
        result = LocatedList(_mark(node), bool(node.flow_style))
        for item in node.value:
            result.append(self.value(item, depth + 1))
            result.item_marks.append(_mark(item))
        return result

    def _mapping(self, node: MappingNode, depth: int) -> LocatedMap:
        _check_tag(node, _MAP)
        result = LocatedMap(_mark(node), bool(node.flow_style))
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise Refused(
                    _mark(key_node),
                    "a merge key (<<) copies keys from elsewhere; plans do not use it: "
                    "write the keys out",
                )
            key = self.value(key_node, depth + 1)
            if isinstance(key, LocatedMap | LocatedList):
                raise Refused(_mark(key_node), "a key must be a plain word, not a list or mapping")
            if key in result:
                raise Refused(
                    _mark(key_node),
                    f"duplicate key '{key}'; each key may appear only once in a mapping",
                )
            result[key] = self.value(value_node, depth + 1)
            result.key_marks[key] = _mark(key_node)
            result.value_marks[key] = _mark(value_node)
            if (
                result.flow
                and isinstance(value_node, ScalarNode)
                and value_node.value == ""
                and value_node.start_mark.index == key_node.end_mark.index
            ):
                result.bare_keys.add(key)
        return result


def _check_tag(node: Node, expected: str) -> None:
    if node.tag != expected:
        raise Refused(_mark(node), f"a YAML tag ({node.tag}) here; plans do not use tags")


def _scalar(node: ScalarNode) -> Any:
    text = node.value
    if node.tag == _STR:
        return text
    if node.tag == _NULL:
        return None
    if node.tag == _BOOL:
        return text.lower() == "true"
    if node.tag == _INT:
        return _integer(node)
    if node.tag == _FLOAT:
        try:
            return _float(text)
        except ValueError:  # `._` matches the pattern but is no number: it is text
            return text
    raise Refused(_mark(node), f"a YAML tag ({node.tag}) here; plans do not use tags")


def _integer(node: ScalarNode) -> int:
    text = node.value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    bases = {"0b": 2, "0o": 8, "0x": 16}
    try:
        if digits[:2] in bases:
            return sign * int(digits[2:], bases[digits[:2]])
        return sign * int(digits)
    except ValueError:
        raise Refused(_mark(node), f"expected a whole number; got {node.value!r}") from None


def _float(text: str) -> float:
    cleaned = text.replace("_", "").lower()
    if cleaned.endswith(".inf"):
        return float("-inf") if cleaned.startswith("-") else float("inf")
    if cleaned == ".nan":
        return float("nan")
    return float(cleaned)


# The last large texts read, with their nodes and values (never changed once built):
# an edit reads the file the plan check before it has just read, and the check after
# it reads the text the edit has just verified, so each is parsed once, not twice.
_RECENT: dict[str, tuple[Node | None, Any]] = {}
_RECENT_SIZE = 2
_WORTH_KEEPING = 64 * 1024


def read_nodes(text: str) -> tuple[Node | None, Any]:
    """The document's node tree (with marks) and its values, as `parse_yaml` reads them.
    Raises yaml.YAMLError for a syntax error and `Refused` for what plans do not use."""
    found = _RECENT.get(text) if len(text) >= _WORTH_KEEPING else None
    if found is not None:
        return found
    node = _Composer(text).get_single_node()
    result = node, None if node is None else _Builder().value(node)
    if len(text) >= _WORTH_KEEPING:
        _RECENT[text] = result
        while len(_RECENT) > _RECENT_SIZE:
            del _RECENT[next(iter(_RECENT))]
    return result


def parse_yaml(path: Path, text: str) -> tuple[Any, list[Problem]]:
    """The file's values (LocatedMap/LocatedList/scalars), or None and the problem."""
    try:
        return read_nodes(text)[1], []
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError) as exc:
        return None, [syntax_problem(path, text, exc)]
    except yaml.YAMLError as exc:
        return None, [Problem(Location(path), f"cannot read this YAML: {exc}")]
    except Refused as refused:
        line, col = refused.mark
        return None, [Problem(Location(path, line + 1, col + 1), refused.message)]
