"""Typed fields: each checks one value of a plan file and collects located problems.

A field's `clean` returns the plain Python value, or `INVALID` after recording why.
A `Mapping` owns its keys' requiredness and defaults (`Required`, `Optional`), so the
schema is the one place that says what a plan file may hold and what is assumed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.drafts.sandbox import TemplateRefused, check_syntax
from generator.errors import Location, Problem, Severity
from generator.model.model import Template as TemplateValue
from generator.reading.yaml_source import LocatedList, LocatedMap, Mark


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class Record:
    """A validated mapping: a value for every key of its schema, and where it starts."""

    values: dict[str, Any]
    location: Location
    value_locations: dict[str, Location] = field(default_factory=dict)

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

    def at(self, mark: Mark) -> Location:
        return Location(self.path, mark[0] + 1, mark[1] + 1)

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
    return _shown(str(value))


def _shown(text: str, limit: int = 60) -> str:
    """A value quoted for a message: escaped, and cut when long."""
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(cut)


def child(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


class Field(ABC):
    @abstractmethod
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any: ...


_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Either kind of character text may not hold, found in one pass.
_ODD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_ODD_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


class Text(Field):
    """Text of bounded length, free of control characters and broken Unicode."""

    def __init__(self, *, max_length: int = 300, multiline: bool = False) -> None:
        self.max_length = max_length
        self.multiline = multiline

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if not isinstance(value, str):
            hint = " (put it in quotes to use it as text)" if isinstance(value, int | float) else ""
            return ctx.error(location, where, f"expected text; got {describe(value)}{hint}")
        text = value.strip()
        if not text:
            return ctx.error(location, where, "expected text; got an empty string")
        odd = (_ODD if self.multiline else _ODD_IN_LINE).search(text)
        if odd and _SURROGATE.match(odd.group()):
            message = "a broken character (a lone UTF-16 surrogate such as \\ud800); remove it"
            return ctx.error(location, where, message)
        if odd:
            code = ord(odd.group())
            message = f"a control character (U+{code:04X}) in the text; remove it"
            return ctx.error(location, where, message)
        if len(text) > self.max_length:
            message = f"{len(text)} characters; at most {self.max_length} fit here"
            return ctx.error(location, where, message)
        return text


class Name(Text):
    """A name: short, one line, single spaces (so "Ewa  Kot" is Ewa Kot, and one name
    cannot hide as two); invisible characters are worth a warning."""

    def __init__(self) -> None:
        super().__init__(max_length=150)

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        text = super().clean(ctx, value, where, location)
        if text is INVALID:
            return text
        text = " ".join(text.split())
        if _INVISIBLE.search(text):
            message = f"{_shown(text)} holds an invisible character (zero-width or direction mark)"
            ctx.warn(location, where, f"{message}; retype the name")
        return text


class Url(Text):
    def __init__(self) -> None:
        super().__init__(max_length=500)

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        text = super().clean(ctx, value, where, location)
        if text is INVALID:
            return text
        if not is_web_address(text):
            expected = "expected a web address starting with https:// or http://"
            return ctx.error(location, where, f"{expected}; got {_shown(text)}")
        return text


def is_web_address(text: str) -> bool:
    """http(s), a host with a dot, no spaces or control characters, and parseable."""
    if re.search(r"[\s\x00-\x1f\x7f<>\"\\]", text):
        return False
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host) and "." in (host or "")


_LINKEDIN_HOST = re.compile(r"^(?:https?://)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com(/.*)$", re.I)


def complete_linkedin(text: str) -> str:
    """`linkedin.com/in/x`, as LinkedIn displays it, as a full address."""
    match = _LINKEDIN_HOST.match(text.strip())
    return "https://www.linkedin.com" + match.group(1) if match else text


class LinkedInUrl(Url):
    """A profile address; `linkedin.com/in/x`, as LinkedIn displays it, is completed."""

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if isinstance(value, str):
            if re.fullmatch(r"[\w-]+", value.strip()):
                expected = "expected a web address; a LinkedIn profile is written"
                return ctx.error(location, where, f"{expected} linkedin.com/in/{value.strip()}")
            value = complete_linkedin(value)
            host = _host(value.strip())
            if value.strip() and host != "linkedin.com" and not host.endswith(".linkedin.com"):
                elsewhere = f" ({host} is not LinkedIn)" if host else ""
                message = "expected a LinkedIn profile address (https://www.linkedin.com/in/…)"
                return ctx.error(location, where, f"{message}; got {_shown(value)}{elsewhere}")
        return super().clean(ctx, value, where, location)


def _host(text: str) -> str:
    """The host a web address names, with or without its scheme; "" when none."""
    try:
        host = urlsplit(text if "://" in text else f"https://{text}").hostname
    except ValueError:
        return ""
    return (host or "").lower()


# One address: no display name, no header tricks (?cc=, ;bcc=), nothing to quote.
_EMAIL = re.compile(
    r"[^\s@?;,<>()\[\]\\:\"%/&=]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+"
)


class Email(Text):
    def __init__(self) -> None:
        super().__init__(max_length=254)

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        text = super().clean(ctx, value, where, location)
        if text is INVALID:
            return text
        if not _EMAIL.fullmatch(text):
            expected = "expected one e-mail address (name@example.com)"
            return ctx.error(location, where, f"{expected}; got {_shown(text)}")
        return text


class Integer(Field):
    def __init__(self, *, minimum: int, maximum: int) -> None:
        self.minimum = minimum
        self.maximum = maximum

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        expected = f"expected a whole number from {self.minimum} to {self.maximum}"
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.error(location, where, f"{expected}; got {describe(value)}")
        if not self.minimum <= value <= self.maximum:
            shown = value if abs(value) < 10**12 else "a huge number"
            return ctx.error(location, where, f"{expected}; got {shown}")
        return value


class Boolean(Field):
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if not isinstance(value, bool):
            return ctx.error(location, where, f"expected true or false; got {describe(value)}")
        return value


# Dates a plan can sensibly hold; the limits keep date arithmetic far from its edges.
FIRST_YEAR, LAST_YEAR = 1900, 2999


class Date(Field):
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        expected = "expected a date as YYYY-MM-DD"
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return ctx.error(location, where, f"{expected}; got {describe(value)}")
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            return ctx.error(location, where, f"{expected}; got {value!r} ({exc})")
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            message = f"{expected} between {FIRST_YEAR} and {LAST_YEAR}; got {value!r}"
            return ctx.error(location, where, message)
        return day


TIME_EXPECTED = 'expected a time of day as HH:MM on the 24-hour clock, such as "09:30"'
_TIME = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


def parse_time(text: str) -> dt.time | None:
    """`9:30` or `09:30` → 09:30; None for anything else (seconds, am/pm, 24:00)."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


class Time(Field):
    """A time of day, written in quotes ("10:00"): a YAML 1.1 reader takes a bare
    10:00 for the number 600."""

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if isinstance(value, str):
            found = parse_time(value)
            if found is not None:
                return found
        hint = " in quotes" if isinstance(value, int | float) else ""
        return ctx.error(location, where, f"{TIME_EXPECTED}{hint}; got {describe(value)}")


class Choice(Field):
    """One of an enum's values; the case does not matter, a near miss gets a suggestion."""

    def __init__(self, choices: type[StrEnum]) -> None:
        self.choices = choices
        self.by_word = {choice.value.casefold(): choice for choice in choices}

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if isinstance(value, str):
            found = self.by_word.get(value.strip().casefold())
            if found is not None:
                return found
        names = [choice.value for choice in self.choices]
        message = f"expected one of {', '.join(names)}; got {describe(value)}"
        if isinstance(value, str):
            close = difflib.get_close_matches(value.strip().casefold(), names, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean '{close[0]}'?"
        return ctx.error(location, where, message)


class Template(Text):
    """A Jinja2 message template; a syntax error points at the template's own line."""

    def __init__(self) -> None:
        super().__init__(max_length=5000, multiline=True)

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        text = super().clean(ctx, value, where, location)
        if text is INVALID:
            return text
        try:
            check_syntax(value)
        except TemplateRefused as exc:
            line = _template_line(ctx, location, exc.lineno)
            return ctx.error(line, where, f"not a valid Jinja template: {exc.message}")
        start = _template_line(ctx, location, 1)
        return TemplateValue(str(value), start, block=start != location)


def _template_line(ctx: Context, value_at: Location, lineno: int | None) -> Location:
    """The file line of a template's line `lineno`.

    Only a literal block (`|`) keeps the template's lines as they are in the file, one
    line below the key; folded and quoted text is re-flowed, so those point at the value.
    """
    first = ctx.line_text(value_at.line)[value_at.col - 1 :].lstrip()
    if lineno and first[:1] == "|":
        line = value_at.line + lineno
        text = ctx.line_text(line)
        if text.strip():
            return Location(ctx.path, line, len(text) - len(text.lstrip()) + 1)
    return value_at


class ListOf(Field):
    def __init__(self, item: Field, *, noun: str, label_key: str | None = None) -> None:
        self.item = item
        self.noun = noun
        self.label_key = label_key

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if not isinstance(value, LocatedList):
            return ctx.error(location, where, f"expected a list; got {describe(value)}")
        named = isinstance(self.item, Mapping) and self.item.is_named
        if value and named and all(isinstance(item, str | int | float) for item in value):
            return ctx.error(location, where, self._words_instead_of_mappings(value))
        items = []
        for index, (item, mark) in enumerate(zip(value, value.item_marks, strict=True)):
            item_at = ctx.at(mark)
            item_where = self._label(child(where, index), item)
            if item is None:
                ctx.error(item_at, item_where, "empty list item")
                continue
            cleaned = self.item.clean(ctx, item, item_where, item_at)
            if cleaned is not INVALID:
                items.append(cleaned)
        return items

    def _label(self, where: str, item: Any) -> str:
        if self.label_key and isinstance(item, LocatedMap):
            label = item.get(self.label_key)
            if isinstance(label, str) and label.strip():
                return f"{where} ({_shown(label.strip(), 40)[1:-1]})"
        return where

    def _words_instead_of_mappings(self, value: LocatedList) -> str:
        example = "\n".join(f"  - name: {item}" for item in value[:3])
        return (
            f"each {self.noun} is a mapping with at least a name, not a plain word; "
            f"write one per line:\n{example}"
        )


class _UseDefaults:
    """Default of an optional mapping: the mapping with every key at its default."""


DEFAULTS: Any = _UseDefaults()


@dataclass(frozen=True)
class Key:
    name: str
    field: Field
    required: bool = False
    default: Any = None


def Required(name: str, kind: Field) -> Key:
    return Key(name, kind, required=True)


def Optional(name: str, kind: Field, default: Any = None) -> Key:
    return Key(name, kind, default=default)


class Mapping(Field):
    def __init__(self, *keys: Key) -> None:
        self.keys = {key.name: key for key in keys}

    @property
    def is_named(self) -> bool:
        return "name" in self.keys and self.keys["name"].required

    def defaults(self, location: Location) -> Record:
        return Record(
            {name: self._default(key, location) for name, key in self.keys.items()}, location
        )

    def _default(self, key: Key, location: Location) -> Any:
        if key.default is DEFAULTS:
            assert isinstance(key.field, Mapping)
            return key.field.defaults(location)
        if isinstance(key.default, list | dict):
            return type(key.default)()
        return key.default

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if not isinstance(value, LocatedMap):
            return ctx.error(location, where, f"expected a mapping; got {describe(value)}")
        start = ctx.at(value.start)
        record = Record({}, start)
        complete = True
        previous: Any = None
        for name, item in value.items():
            key_at = ctx.at(value.key_marks[name])
            if not isinstance(name, str) or name not in self.keys:
                ctx.error(key_at, where, self._unknown_key(value, name, previous))
                previous = name
                continue
            previous = name
            spec = self.keys[name]
            item_at = ctx.at(value.value_marks[name])
            record.value_locations[name] = item_at
            if item is None:
                if spec.required:
                    ctx.error(key_at, child(where, name), "a value is required")
                    complete = False
                else:
                    self._warn_if_commented_out(ctx, key_at, child(where, name))
                continue
            cleaned = spec.field.clean(ctx, item, child(where, name), item_at)
            if cleaned is INVALID:
                complete = complete and not spec.required
                continue
            record.values[name] = cleaned
        for name, spec in self.keys.items():
            if spec.required and name not in value:
                ctx.error(start, where, f"missing required key '{name}'")
                complete = False
            if name not in record.values:
                record.values[name] = self._default(spec, start)
        return record if complete else INVALID

    def _warn_if_commented_out(self, ctx: Context, key_at: Location, where: str) -> None:
        """`hook: #LogisticsDays` is an empty value and a comment, not a hashtag."""
        rest = ctx.line_text(key_at.line)[key_at.col - 1 :]
        key, colon, after = rest.partition(":")
        if colon and after.strip().startswith("#"):
            text = after.strip().replace('"', '\\"')
            message = (
                'this value is empty: in YAML, "#" after a space starts a comment. '
                f'To write it as text, put it in quotes: {key.strip()}: "{text}"'
            )
            ctx.warn(key_at, where, message)

    def _unknown_key(self, value: LocatedMap, key: Any, previous: Any) -> str:
        name = str(key)
        shown = _shown(name)  # a key may hold anything, even line breaks: escaped
        flow_cut = key in value.bare_keys and previous in self.keys and name.isprintable()
        if flow_cut and isinstance(value.get(previous), str):
            cut = value[previous]
            whole = f"{cut}, {name}".replace('"', '\\"')
            return (
                f"{shown} is not a key: in {{…}} a comma ends a value, so {previous} was "
                f'cut at the comma; put the text in quotes: {previous}: "{whole}"'
            )
        close = difflib.get_close_matches(name, list(self.keys), n=1, cutoff=0.6)
        if close:
            return f"unknown key {shown}; did you mean '{close[0]}'?"
        return f"unknown key {shown}; expected one of {', '.join(self.keys)}"
