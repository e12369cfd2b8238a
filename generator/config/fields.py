"""Typed fields that check one YAML node each and collect located problems.

Each field's `clean` returns the plain Python value, or `INVALID` after recording why.
A mapping field returns a `Record`: the cleaned values plus where the mapping starts.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq

from generator.errors import Location, Problem, Severity


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class Record:
    """A validated mapping: its clean values and where it starts in its file."""

    values: dict[str, Any]
    location: Location
    value_locations: dict[str, Location] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def where(self, key: str) -> Location:
        return self.value_locations.get(key, self.location)


@dataclass
class Context:
    """The file being checked and the problems found so far."""

    path: Path
    text: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, location: Location, where: str, message: str) -> Any:
        self.problems.append(Problem(location, _prefixed(where, message)))
        return INVALID

    def warn(self, location: Location, where: str, message: str) -> None:
        self.problems.append(Problem(location, _prefixed(where, message), Severity.WARNING))

    def at(self, line0: int, col0: int) -> Location:
        return Location(self.path, line0 + 1, col0 + 1)

    def line_text(self, line1: int) -> str:
        lines = self.text.split("\n")
        return lines[line1 - 1] if 0 < line1 <= len(lines) else ""


def _prefixed(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


def describe(value: Any) -> str:
    """How a wrong value is named in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, AbcMapping):
        return "a mapping (key: value pairs)"
    if isinstance(value, list):
        return "a list"
    return repr(str(value))


def child(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def node_location(ctx: Context, node: Any, fallback: Location) -> Location:
    if isinstance(node, CommentedBase) and getattr(node.lc, "line", None) is not None:
        return ctx.at(node.lc.line, node.lc.col)
    return fallback


def _position(
    ctx: Context, lookup: Callable[[Any], tuple[int, int]], key: Any, fallback: Location
) -> Location:
    """Where ruamel saw a node; merged keys (`<<: *anchor`) have no position of their own."""
    try:
        return ctx.at(*lookup(key))
    except (KeyError, IndexError, TypeError):
        return fallback


class Field(ABC):
    def __init__(self, *, required: bool = False) -> None:
        self.required = required

    @abstractmethod
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any: ...


class Text(Field):
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if isinstance(value, str):
            if not value.strip():
                return ctx.error(location, where, "expected text; got an empty string")
            return str(value).strip()
        hint = " (put it in quotes to use it as text)" if isinstance(value, int | float) else ""
        return ctx.error(location, where, f"expected text; got {describe(value)}{hint}")


class Url(Text):
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        text = super().clean(ctx, value, where, location)
        if text is INVALID:
            return text
        if not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", text, re.IGNORECASE):
            expected = "expected a web address starting with https:// or http://"
            return ctx.error(location, where, f"{expected}; got {text!r}")
        return text


class Email(Text):
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        text = super().clean(ctx, value, where, location)
        if text is INVALID:
            return text
        if not re.fullmatch(r"[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+", text):
            return ctx.error(location, where, f"expected an e-mail address; got {text!r}")
        return text


class Integer(Field):
    def __init__(self, *, minimum: int, maximum: int | None = None, required: bool = False):
        super().__init__(required=required)
        self.minimum = minimum
        self.maximum = maximum

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if self.maximum is None:
            expected = f"expected a whole number of at least {self.minimum}"
        else:
            expected = f"expected a whole number from {self.minimum} to {self.maximum}"
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.error(location, where, f"{expected}; got {describe(value)}")
        number = int(value)
        if number < self.minimum or (self.maximum is not None and number > self.maximum):
            return ctx.error(location, where, f"{expected}; got {number}")
        return number


class Boolean(Field):
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if not isinstance(value, bool):
            return ctx.error(location, where, f"expected true or false; got {describe(value)}")
        return value


class Date(Field):
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        expected = "expected a date as YYYY-MM-DD"
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return ctx.error(location, where, f"{expected}; got {describe(value)}")
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            return ctx.error(location, where, f"{expected}; got {value!r} ({exc})")


class Choice(Field):
    def __init__(self, choices: tuple[str, ...], *, required: bool = False) -> None:
        super().__init__(required=required)
        self.choices = choices

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if isinstance(value, str) and value.strip() in self.choices:
            return value.strip()
        allowed = ", ".join(self.choices)
        return ctx.error(location, where, f"expected one of {allowed}; got {describe(value)}")


_TEMPLATE_SYNTAX = jinja2.Environment(autoescape=False)


class Template(Text):
    """A Jinja2 template; a syntax error points at the template's own line."""

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        text = super().clean(ctx, value, where, location)
        if text is INVALID:
            return text
        try:
            _TEMPLATE_SYNTAX.parse(value)
        except jinja2.TemplateSyntaxError as exc:
            return ctx.error(
                _template_line(ctx, location, exc.lineno),
                where,
                f"not a valid Jinja template: {exc.message}",
            )
        return str(value)


def _template_line(ctx: Context, value_at: Location, lineno: int) -> Location:
    """The file line of a template's line `lineno`.

    Only a literal block (`|`) keeps the template's lines as they are in the file, one
    line below the key; folded and quoted text is re-flowed, so those point at the value.
    """
    first = ctx.line_text(value_at.line)[value_at.col - 1 :].lstrip()
    if first[:1] == "|":
        line = value_at.line + lineno
        text = ctx.line_text(line)
        if text.strip():
            return Location(ctx.path, line, len(text) - len(text.lstrip()) + 1)
    return value_at


class ListOf(Field):
    def __init__(self, item: Field, *, required: bool = False) -> None:
        super().__init__(required=required)
        self.item = item

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if not isinstance(value, CommentedSeq):
            return ctx.error(location, where, f"expected a list; got {describe(value)}")
        items = []
        for index, item in enumerate(value):
            item_at = _position(ctx, value.lc.item, index, location)
            item_where = child(where, index)
            if item is None:
                ctx.error(item_at, item_where, "empty list item")
                continue
            cleaned = self.item.clean(ctx, item, item_where, item_at)
            if cleaned is not INVALID:
                items.append(cleaned)
        return items


class Mapping(Field):
    def __init__(self, fields: dict[str, Field], *, required: bool = False) -> None:
        super().__init__(required=required)
        self.fields = fields

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if not isinstance(value, CommentedMap):
            return ctx.error(location, where, f"expected a mapping; got {describe(value)}")
        start = node_location(ctx, value, location)
        record = Record({}, start)
        for key in value:
            key_at = _position(ctx, value.lc.key, key, start)
            if not isinstance(key, str) or key not in self.fields:
                ctx.error(key_at, where, self._unknown_key(key))
                continue
            item = value[key]
            item_at = _position(ctx, value.lc.value, key, key_at)
            record.value_locations[key] = item_at
            if item is None:
                if self.fields[key].required:
                    ctx.error(key_at, child(where, key), "a value is required")
                continue
            cleaned = self.fields[key].clean(ctx, item, child(where, key), item_at)
            if cleaned is not INVALID:
                record.values[key] = cleaned
        complete = True
        for key, spec in self.fields.items():
            if spec.required and key not in value:
                ctx.error(start, where, f"missing required key '{key}'")
            if spec.required and key not in record.values:
                complete = False
        return record if complete else INVALID

    def _unknown_key(self, key: Any) -> str:
        name = str(key)
        matches = difflib.get_close_matches(name, list(self.fields), n=1, cutoff=0.6)
        if matches:
            return f"unknown key '{name}'; did you mean '{matches[0]}'?"
        return f"unknown key '{name}'; expected one of {', '.join(self.fields)}"
