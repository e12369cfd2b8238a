"""Typed fields: each checks one value of a plan file and collects located problems.

A field's `clean` returns the plain Python value, or `INVALID` after recording why.
A `Mapping` owns its keys' requiredness and defaults (`Required`, `Optional`), so the
schema is the one place that says what a plan file may hold and what is assumed.
"""

from __future__ import annotations

import datetime as dt
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.characters import CONTROLS, CONTROLS_BUT_LAYOUT, INVISIBLE, SURROGATES, any_of
from generator.drafts.sandbox import TemplateRefused, check_syntax
from generator.errors import Location, Problem, Severity
from generator.model.model import Template as TemplateValue
from generator.model.names import nearest_word
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


_SURROGATE = any_of(SURROGATES)
# Either kind of character text may not hold, found in one pass.
_ODD = any_of(CONTROLS_BUT_LAYOUT, SURROGATES)
_ODD_IN_LINE = any_of(CONTROLS, SURROGATES)
# What ends a web address, or has no place in one.
_NOT_IN_ADDRESS = re.compile(rf"[\s{CONTROLS}<>\"\\]")
_INVISIBLE = any_of(INVISIBLE)


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
    if _NOT_IN_ADDRESS.search(text):
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


# What a profile address looks like, for every message that refuses one.
LINKEDIN_EXPECTED = (
    "expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, as the "
    "browser shows it (https://www.linkedin.com/in/anna-nowak)"
)
_PROFILE_NAME = re.compile(r"[\w-]+")
_LINKEDIN_HOSTS = ("linkedin.com", "www.linkedin.com")


class LinkedInUrl(Url):
    """A profile address; `linkedin.com/in/x`, as LinkedIn displays it, is completed."""

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        if isinstance(value, str) and value.strip():
            value = complete_linkedin(value)
            host = _host(value.strip())
            if host != "linkedin.com" and not host.endswith(".linkedin.com"):
                meant = _profile_meant(value.strip(), host)
                if meant:
                    hint = f"; {meant} would do"
                else:
                    hint = f" ({host} is not LinkedIn)" if "." in host else ""
                message = f"{LINKEDIN_EXPECTED}; got {_shown(value)}{hint}"
                return ctx.error(location, where, message)
        return super().clean(ctx, value, where, location)


def _profile_meant(text: str, host: str) -> str:
    """The profile address a near miss surely means: a bare name ("anna-nowak"), or an
    address whose host is LinkedIn mistyped ("linkedin/anna-nowak", "linkedn.com/in/…");
    "" for anything else (an address elsewhere is not LinkedIn's)."""
    if _PROFILE_NAME.fullmatch(text):
        return f"linkedin.com/in/{text}"
    looks_like_linkedin = "." not in host and "linkedin" in host
    if not (looks_like_linkedin or nearest_word(host, _LINKEDIN_HOSTS, cutoff=0.85)):
        return ""
    path = urlsplit(text if "://" in text else f"https://{text}").path
    segments = [s for s in path.split("/") if s and s != "in"]
    if len(segments) == 1 and _PROFILE_NAME.fullmatch(segments[0]):
        return f"linkedin.com/in/{segments[0]}"
    return ""


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


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class NotADate(ValueError):
    """Why a text is not a date: its `reason` is "shape" (not YYYY-MM-DD), "calendar"
    (no such day, as 2026-02-30: `str(exc)` says why) or "range" (a year a plan cannot
    hold)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason


def calendar_date(text: str) -> dt.date:
    """The day `YYYY-MM-DD` names, in any year; NotADate (shape or calendar) otherwise."""
    if _DATE.fullmatch(text) is None:
        raise NotADate("shape")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise NotADate("calendar", str(exc)) from None


_UNPADDED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")


def meant_date(value: str) -> str:
    """The YYYY-MM-DD a day written another way surely means ("28.11.2026", "2026-1-5"),
    or "" when it is no day or the order of day and month cannot be told (03/04/2026)."""
    text = value.strip()
    if unpadded := _UNPADDED.fullmatch(text):
        year, month, day = (int(part) for part in unpadded.groups())
        return _iso(year, month, day)
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match is None:
        return ""
    first, separator, second, year_text = match.groups()
    a, b = int(first), int(second)
    if separator == "." or a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return ""
    return _iso(int(year_text), month, day)


def _iso(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> dt.date:
    """The day `YYYY-MM-DD` names, between FIRST_YEAR and LAST_YEAR: the one reading of
    a date, in plan files and on the command line. NotADate says what is wrong."""
    day = calendar_date(text)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise NotADate("range")
    return day


class Date(Field):
    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        expected = "expected a date as YYYY-MM-DD"
        if not isinstance(value, str):
            return ctx.error(location, where, f"{expected}; got {describe(value)}")
        try:
            return parse_date(value.strip())
        except NotADate as exc:
            if exc.reason == "shape":
                message = f"{expected}; got {describe(value)}"
            elif exc.reason == "calendar":
                message = f"{expected}; got {value!r} ({exc})"
            else:
                message = f"{expected} between {FIRST_YEAR} and {LAST_YEAR}; got {value!r}"
            return ctx.error(location, where, message)


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
            close = nearest_word(value.strip().casefold(), names)
            if close:
                message += f"; did you mean '{close}'?"
        return ctx.error(location, where, message)


# ISO 639-1: the two-letter language codes (`lang` in HTML, the keys of `messages`).
_ISO_639_1_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs "
    "cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha "
    "he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn "
    "ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb "
    "nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw "
    "ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
ISO_639_1 = frozenset(_ISO_639_1_CODES.split())
# A language code as HTML's `lang` takes it: `de`, `pt-BR`, `sr-Latn`, `es-419`.
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2})((?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|\d{3}))*)")


def language_shaped(text: str) -> bool:
    """Written like a language code (whether or not the code exists)."""
    return bool(_LANGUAGE_TAG.fullmatch(text.strip()))


def normal_language(text: str) -> str:
    """`DE` → `de`, `pt_br` → `pt-BR`, `sr-latn` → `sr-Latn`: the form HTML documents use."""
    primary, *subtags = re.split(r"[-_]", text.strip())
    shaped = [
        tag.upper() if len(tag) == 2 else tag.capitalize() if len(tag) == 4 else tag
        for tag in subtags
    ]
    return "-".join([primary.lower(), *shaped])


class Language(Field):
    """A language code (ISO 639-1, optionally with a region): `de`, `en-GB`, `pt-BR`."""

    def clean(self, ctx: Context, value: Any, where: str, location: Location) -> Any:
        expected = "expected a two-letter language code such as de, en or pl (ISO 639-1)"
        if not isinstance(value, str) or not language_shaped(value):
            return ctx.error(location, where, f"{expected}; got {describe(value)}")
        code = normal_language(value)
        if code.split("-")[0] not in ISO_639_1:
            return ctx.error(location, where, f"{expected}; '{code}' is not one")
        return code


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


@dataclass(frozen=True)
class Sections:
    """Keys a mapping takes beyond its own: each a language code naming a section of the
    same shape (`de:` in `messages`, holding the templates in German)."""

    field: Field
    # How the unknown-key message names such a key.
    noun: str


class Mapping(Field):
    def __init__(self, *keys: Key, sections: Sections | None = None) -> None:
        self.keys = {key.name: key for key in keys}
        self.sections = sections

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
        sections: dict[str, Location] = {}
        for name, item in value.items():
            key_at = ctx.at(value.key_marks[name])
            if self._is_section(name):
                item_at = ctx.at(value.value_marks[name])
                self._section(ctx, record, sections, (name, item), where, (key_at, item_at))
                previous = name
                continue
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

    def _is_section(self, name: Any) -> bool:
        return (
            self.sections is not None
            and isinstance(name, str)
            and name not in self.keys
            and language_shaped(name)
        )

    def _section(
        self,
        ctx: Context,
        record: Record,
        seen: dict[str, Location],
        pair: tuple[str, Any],
        where: str,
        at: tuple[Location, Location],
    ) -> None:
        """One language section: its code checked and written the standard way."""
        assert self.sections is not None
        name, item = pair
        key_at, item_at = at
        code = Language().clean(ctx, name, child(where, name), key_at)
        if code is INVALID:
            return
        if code in seen:
            first = seen[code]
            message = f"the templates in '{code}' are already given at line {first.line}"
            ctx.error(key_at, child(where, name), message)
            return
        seen[code] = key_at
        cleaned = self.sections.field.clean(ctx, item, child(where, name), item_at)
        if cleaned is not INVALID:
            record.values[code] = cleaned
            record.value_locations[code] = item_at

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
        close = nearest_word(name, self.keys)
        if close:
            return f"unknown key {shown}; did you mean '{close}'?"
        more = f", or {self.sections.noun}" if self.sections else ""
        return f"unknown key {shown}; expected one of {', '.join(self.keys)}{more}"
