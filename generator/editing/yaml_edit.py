"""Surgical edits to the plan's YAML files that keep every byte the user wrote.

An edit never dumps the document: a YAML dumper would re-flow long lines and change
quoting. Each edit reads the text once with the plan's own reader (libyaml, YAML
1.2, `reading.yaml_source.read_nodes`) into nodes, whose marks say where every value
starts and ends, and into data (to know what should change, and to check the
result). New text is spliced in at those places, so comments, key order, quoting,
flow or block style, indentation, blank lines, line endings and a byte-order mark
stay as they were. The new text is read back and must equal the old data plus the
one intended change, or the edit is refused. Reading with the checker's reader means
a file `playbook check` accepts is read by the editor exactly as `check` reads it,
and an edit costs about what reading the file does.

Choices where files differ:
- inserted lines use the file's first line break (CRLF or LF);
- a file without a final newline keeps lacking one: text appended at its end is
  preceded by the line break it needs and not followed by one;
- a person written in flow style (`- {name: X}`) is edited in flow style;
- an empty `touches:`/`people:` (nothing, `~` or `[]`) becomes a block list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.reading.fields import NotADate, calendar_date
from generator.reading.syntax import syntax_problem
from generator.reading.yaml_source import Refused, read_nodes

TOUCH_KEYS = ("date", "time", "action", "channel", "note")
PERSON_KEYS = (
    "name",
    "first_name",
    "role",
    "focus",
    "country",
    "linkedin",
    "email",
    "hook",
    "messages",
    "touches",
)
INBOUND_KEYS = ("date", "who", "company", "channel", "about", "relevance")
COMPANY_KEYS = ("name", "sector", "country", "website", "why", "priority", "people")

_NOT_SAME = "the new text would not read back as the same data"
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}")
# A time such as 10:00 is a number (600) to a YAML 1.1 reader; 09:30 is not, but
# every time is quoted alike.
_CLOCK = re.compile(r"[0-9]+(?::[0-9]+)+")
_BREAK = re.compile(r"\r\n|\r|\n")
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_COMMENT_GAP = re.compile(r"( +)#")

# Writes one list item given (dash column, columns from dash to content, flow style).
_Writer = Callable[[int, int, bool], list[str]]
_Splice = tuple[str, int]  # the new body, and an offset on the line where the change starts


class EditRefused(Exception):
    """The edit cannot be made safely; str(exc) is one plain sentence saying why."""


@dataclass(frozen=True)
class Edit:
    """The whole new file text, and the 1-based line where the inserted or changed text starts."""

    text: str
    line: int


# ---------------------------------------------------------------- public edits


def add_touch(text: str, person: int, touch: Mapping[str, str]) -> Edit:
    """Add a touch to people[person], in date order and in the style of its neighbours."""
    fields = _touch_fields(touch)
    src = _read(text)
    node = _person_node(src, person)
    expected = _plain(src.data)
    entry = _person_data(expected, person)
    touches = entry.get("touches")
    touches = [] if touches is None else touches
    if not isinstance(touches, list):
        raise EditRefused(f"people[{person}] has touches that are not a list")
    k = _date_index(touches, str(fields["date"]))
    entry["touches"] = [*touches[:k], dict(fields), *touches[k:]]
    body, focus = _put_touch(src, node, k, fields)
    return _finish(src, body, focus, expected)


def add_person(text: str, person: Mapping[str, object]) -> Edit:
    """Append a person at the end of the company's people list, creating the list if needed."""
    fields = _person_fields(person)
    src = _read(text)
    root = src.root
    if not isinstance(root, MappingNode):
        raise EditRefused("this file does not hold a company mapping")
    expected = _plain(src.data)
    people = expected.get("people")
    people = [] if people is None else people
    if not isinstance(people, list):
        raise EditRefused("people is not a list in this file")
    expected["people"] = [*people, _plain(fields)]
    body, focus = _put_person(src, root, fields)
    return _finish(src, body, focus, expected)


def set_person_fields(text: str, person: int, values: Mapping[str, str]) -> Edit:
    """Add fields that people[person] lacks, before its messages and touches."""
    if not values:
        raise EditRefused("there are no fields to add")
    fields = _fields(values, PERSON_KEYS[:-2], "a person's field")
    for key, value in fields.items():
        _need_text(value, key)
    src = _read(text)
    node = _person_node(src, person)
    for key in fields:
        if _pair(node, key) is not None:
            raise EditRefused(f"people[{person}] already has the key '{key}'")
    expected = _plain(src.data)
    _person_data(expected, person).update(fields)
    body, focus = _put_fields(src, node, fields)
    return _finish(src, body, focus, expected)


def add_inbound(text: str, entry: Mapping[str, object]) -> Edit:
    """Add an entry to inbound.yaml's list, in date order."""
    fields = _inbound_fields(entry)
    src = _read(text)
    old = _plain(src.data)
    old = [] if old is None else old
    if not isinstance(old, list):
        raise EditRefused("the file does not hold a list of inbound entries")
    k = _date_index(old, str(fields["date"]))
    expected = [*old[:k], _plain(fields), *old[k:]]
    body, focus = _put_inbound(src, k, fields)
    return _finish(src, body, focus, expected)


def company_file(company: Mapping[str, object]) -> str:
    """The text of a new company file, in block style, keys in the conventional order."""
    fields = _fields(company, COMPANY_KEYS, "a company")
    if "name" not in fields:
        raise EditRefused("a company needs a name")
    for key, value in fields.items():
        if key == "priority":
            _need_int(value, key)
        elif key == "people":
            fields[key] = [_person_fields(_need_mapping(p, "each person")) for p in _list(value)]
        else:
            _need_text(value, key)
    lines: list[str] = []
    for key, value in fields.items():
        if key == "people" and value:
            lines.append("people:")
            for person in _list(value):
                lines += _person_item(person, 2, 2, False, _Layout())
        else:
            lines.append(f"{key}: {_inline(value)}")
    text = "\n".join(lines) + "\n"
    if _plain(_load(text)) != _plain(fields):
        raise EditRefused(_NOT_SAME)
    return text


def format_scalar(value: object, *, flow: bool = False) -> str:
    """Write one value: ints as digits, text plain when that reads back the same, else quoted.

    Text is plain only when YAML 1.2 (ruamel.yaml, what the project reads) and YAML 1.1
    (PyYAML, what other tools read) both give the same string back. A YYYY-MM-DD date
    is written plain, as users write it: the project reads dates as text.
    `flow=True` is for a value inside `{…}` or `[…]`, where `,[]{}` end a plain scalar.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"cannot write a {type(value).__name__} as a YAML scalar")
    if _is_date(value) or (_plain_ok(value, flow) and not _CLOCK.fullmatch(value)):
        return value
    return '"' + "".join(_escape(ch) for ch in value) + '"'


# ---------------------------------------------------------------- scalars


def _is_date(text: str) -> bool:
    try:
        calendar_date(text)
    except NotADate:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _plain_ok(text: str, flow: bool) -> bool:
    """Plain only when no rule forbids it and every reader gives the same text back."""
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or not text.isprintable():
        return False
    if flow and not _FLOW_INDICATORS.isdisjoint(text):
        return False
    return _reads_back(text, flow)


def _reads_back(text: str, flow: bool) -> bool:
    """Read `k: text` with ruamel.yaml (YAML 1.2) and PyYAML (YAML 1.1, C and Python)."""
    doc = f"{{k: {text}}}\n" if flow else f"k: {text}\n"
    loaders = [pyyaml.SafeLoader, getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)]
    try:
        values = [pyyaml.load(doc, Loader=loader) for loader in loaders]
        values.append(_checker().load(doc))
        values.append(read_nodes(doc)[1])
    except Exception:
        return False
    return all(
        isinstance(value, dict) and isinstance(value.get("k"), str) and value["k"] == text
        for value in values
    )


@functools.cache
def _checker() -> Any:
    """A plain round-trip reader (dates are dates here, so date-like text gets quoted)."""
    return YAML(typ="rt")


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isprintable():
        return ch
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02X}"
    if code < 0x10000:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def _inline(value: object, flow: bool = False) -> str:
    """A value on one line: a scalar, or a flow collection of scalars."""
    if isinstance(value, Mapping):
        pairs = (f"{key}: {_inline(item, True)}" for key, item in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item, True) for item in value) + "]"
    return format_scalar(value, flow=flow)


# ---------------------------------------------------------------- the caller's values


def _fields(given: Mapping[str, object], keys: tuple[str, ...], what: str) -> dict[str, object]:
    """The given fields in the conventional key order; an unknown key is refused."""
    for key in given:
        if key not in keys:
            raise EditRefused(f"{what} cannot have the key '{key}'")
    return {key: given[key] for key in keys if key in given}


def _need_text(value: object, key: str) -> None:
    if not isinstance(value, str):
        raise EditRefused(f"the value of '{key}' must be text")


def _need_int(value: object, key: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise EditRefused(f"the value of '{key}' must be a whole number")


def _need_mapping(value: object, what: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise EditRefused(f"{what} must be a mapping")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise EditRefused("a list of values was expected")
    return list(value)


def _touch_fields(touch: Mapping[str, object]) -> dict[str, object]:
    fields = _fields(touch, TOUCH_KEYS, "a touch")
    if "date" not in fields or "action" not in fields:
        raise EditRefused("a touch needs a date and an action")
    for key, value in fields.items():
        _need_text(value, key)
    return fields


def _person_fields(person: Mapping[str, object]) -> dict[str, object]:
    fields = _fields(person, PERSON_KEYS, "a person")
    if not fields:
        raise EditRefused("a new person needs at least one field")
    for key, value in fields.items():
        if key == "touches":
            fields[key] = [_touch_fields(_need_mapping(t, "each touch")) for t in _list(value)]
        elif key == "messages":
            fields[key] = messages = dict(_need_mapping(value, "messages"))
            for kind, message in messages.items():
                _need_text(message, f"messages.{kind}")
        else:
            _need_text(value, key)
    return fields


def _inbound_fields(entry: Mapping[str, object]) -> dict[str, object]:
    fields = _fields(entry, INBOUND_KEYS, "an inbound entry")
    if "date" not in fields:
        raise EditRefused("an inbound entry needs a date")
    for key, value in fields.items():
        (_need_int if key == "relevance" else _need_text)(value, key)
    return fields


def _date_index(items: list[Any], date: str) -> int:
    """After the last item dated on or before `date`, else first: the order a reader expects."""
    index = 0
    for i, item in enumerate(items):
        when = item.get("date") if isinstance(item, dict) else None
        if isinstance(when, str) and when <= date:
            index = i + 1
    return index


# ---------------------------------------------------------------- reading and checking


@dataclass(frozen=True)
class _Source:
    bom: str
    body: str  # the text without its byte-order mark
    nl: str  # the line break that inserted lines use
    data: Any  # the values, as the plan reader reads them (dates as text)
    root: Any  # the document's node, or None for an empty document


def _read(text: str) -> _Source:
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    try:
        root, data = read_nodes(body)
    except (pyyaml.MarkedYAMLError, pyyaml.reader.ReaderError) as exc:
        problem = syntax_problem(Path("file"), body, exc)
        line = problem.location.line
        where = f"line {line}: " if line > 0 else ""
        raise EditRefused(f"the file is not valid YAML ({where}{problem.message})") from exc
    except Refused as exc:
        raise EditRefused(f"line {exc.mark[0] + 1}: {exc.message}") from exc
    except pyyaml.YAMLError as exc:
        raise EditRefused(f"the file is not valid YAML ({exc})") from exc
    found = _BREAK.search(body)
    return _Source(bom, body, found.group() if found else "\n", data, root)


def read_data(text: str) -> Any:
    """A plan file's values as the editor (and `check`) read them: dicts, lists, text
    (dates too), numbers; EditRefused when it is not YAML a plan may hold."""
    return _read(text).data


def _load(body: str) -> Any:
    try:
        return read_nodes(body)[1]
    except (pyyaml.YAMLError, Refused) as exc:
        raise EditRefused(_NOT_SAME) from exc


def _finish(src: _Source, body: str, focus: int, expected: Any) -> Edit:
    """Return the edit only if the new text reads back as exactly the expected data."""
    if _plain(_load(body)) != expected:
        raise EditRefused(_NOT_SAME)
    return Edit(src.bom + body, len(_BREAK.findall(body, 0, focus)) + 1)


def _plain(value: Any) -> Any:
    """Read data as plain dicts, lists, str and int, to compare with expectations."""
    if isinstance(value, Mapping):
        return {_plain_key(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    for kind in (str, int, float):
        if isinstance(value, kind):
            return kind(value)
    return value


def _plain_key(key: Any) -> Any:
    return str(key) if isinstance(key, str) else key


def _person_node(src: _Source, index: int) -> Any:
    root = src.root
    if not isinstance(root, MappingNode):
        raise EditRefused("this file does not hold a company mapping")
    pair = _pair(root, "people")
    if pair is None:
        raise EditRefused("this file has no people list")
    people = pair[1]
    if not isinstance(people, SequenceNode):
        raise EditRefused("people is not a list in this file")
    if not 0 <= index < len(people.value):
        raise EditRefused(f"people[{index}] does not exist in this file")
    node = people.value[index]
    if not isinstance(node, MappingNode):
        raise EditRefused(f"people[{index}] is not a mapping")
    return node


def _person_data(data: Any, index: int) -> dict[str, Any]:
    """people[index] in the plain data; nodes and data disagree only through aliases."""
    people = data.get("people") if isinstance(data, dict) else None
    if not isinstance(people, list) or not isinstance(people[index], dict):
        raise EditRefused(f"people[{index}] is not a plain mapping in this file")
    return people[index]  # type: ignore[no-any-return]


# ---------------------------------------------------------------- nodes and text


def _pair(mapping: Any, key: str) -> tuple[Any, Any] | None:
    for key_node, value in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value
    return None


def _is_flow(node: Any) -> bool:
    return bool(getattr(node, "flow_style", False))


def _is_block(node: Any, kind: type) -> bool:
    return isinstance(node, kind) and not _is_flow(node)


def _is_null(node: Any) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL


def _is_empty(node: Any) -> bool:
    """A value written as nothing at all (`key:`), which has no text to point at."""
    return _is_null(node) and node.start_mark.index == node.end_mark.index


def _is_empty_list(node: Any) -> bool:
    """Nothing, `~` or `[]`: a value that becomes a block list."""
    return _is_null(node) or (isinstance(node, SequenceNode) and _is_flow(node) and not node.value)


def _line_start(body: str, at: int) -> int:
    while at > 0 and body[at - 1] not in "\r\n":
        at -= 1
    return at


def _next_line(body: str, at: int) -> int:
    found = _BREAK.search(body, at)
    return found.end() if found else len(body)


def _prev_line(body: str, start: int) -> tuple[int, str] | None:
    """The line before the one starting at `start`, as (its start, its text)."""
    if start == 0:
        return None
    end = start - 2 if body[start - 2 : start] == "\r\n" else start - 1
    begin = _line_start(body, end)
    return begin, body[begin:end]


def _col(body: str, node: Any) -> int:
    """The column a node's content starts at: a tag or an anchor before a block
    collection (`people: !!seq`) moves its start mark, not where its entries are."""
    tagged = body[node.start_mark.index : node.start_mark.index + 1] in ("!", "&")
    if tagged and _is_block(node, MappingNode) and node.value:
        return int(node.value[0][0].start_mark.column)
    if _is_block(node, SequenceNode) and node.value:
        dash = _dash(body, node.value[0])
        return dash - _line_start(body, dash)
    return int(node.start_mark.column)


def _dash(body: str, item: Any) -> int:
    """Where the `-` of a block list item is."""
    return body.rfind("-", 0, item.start_mark.index)


def _after(body: str, node: Any) -> int:
    """Where a line may go after a node: the start of the line after its last content.

    Block collections end where their last value ends, before any comments and blank
    lines that follow, so new lines join the node they belong to.
    """
    if isinstance(node, MappingNode | SequenceNode) and not _is_flow(node) and node.value:
        last = node.value[-1]
        if isinstance(node, MappingNode):
            key, value = last
            return _after_value(body, key.end_mark.index, value)
        return _after_value(body, _dash(body, last), last)
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        return _after_block_scalar(body, node)
    return _next_line(body, node.end_mark.index)


def _after_value(body: str, lead: int, value: Any) -> int:
    """After a value that follows a key or a dash at offset `lead`.

    An empty value has no text of its own, and an alias (`*name`) has the marks of
    the anchored node, which lies earlier in the file: both end on the line of `lead`.
    """
    if _is_empty(value) or value.start_mark.index < lead:
        return _next_line(body, lead)
    return _after(body, value)


def _after_block_scalar(body: str, node: Any) -> int:
    """After a `|` or `>` scalar's last line with text; after its trailing blank lines if `+`.

    Its end mark lies past the blank lines that follow it, which belong to the scalar
    only under keep chomping (`|+`); otherwise new lines go above them.
    """
    end = node.end_mark.index
    at = _line_start(body, end)
    if body[at:end].strip():
        return _next_line(body, end)
    header = _BLOCK_HEADER.match(body, node.start_mark.index)
    if header is not None and "+" in header.group():
        return at
    first = _next_line(body, node.start_mark.index)
    while at > first and (prev := _prev_line(body, at)) is not None and not prev[1].strip():
        at = prev[0]
    return at


def _above_comments(body: str, key: Any) -> int:
    """The start of a key's line, or of the comment lines just above it at its indentation."""
    at = _line_start(body, key.start_mark.index)
    col = key.start_mark.column
    while (prev := _prev_line(body, at)) is not None:
        start, line = prev
        if not line.lstrip(" ").startswith("#") or len(line) - len(line.lstrip(" ")) != col:
            break
        at = start
    return at


def _separated(body: str, seq: Any) -> bool:
    """Whether every item of a block list after the first has a blank line above it."""
    if len(seq.value) < 2:
        return False
    for item in seq.value[1:]:
        prev = _prev_line(body, _line_start(body, _dash(body, item)))
        while prev is not None and prev[1].lstrip().startswith("#"):  # a comment on the item
            prev = _prev_line(body, prev[0])
        if prev is None or prev[1].strip():
            return False
    return True


# ---------------------------------------------------------------- splicing


def _insert_lines(body: str, at: int, lines: list[str], nl: str) -> _Splice:
    """Put whole lines before offset `at`, a line start or the end of the text."""
    block = "".join(line + nl for line in lines)
    lead = 0
    while lead < len(lines) and not lines[lead]:
        lead += 1
    focus = at + lead * len(nl)
    if at == len(body) and body and not body.endswith(("\n", "\r")):
        return body + nl + block[: -len(nl)], focus + len(nl)
    return body[:at] + block + body[at:], focus


def _insert(body: str, at: int, text: str) -> _Splice:
    return body[:at] + text + body[at:], at


def _block_after_key(src: _Source, key: Any, value: Any, lines: list[str]) -> _Splice:
    """Turn an empty value (nothing, `~`, `[]`) into a block list on the lines after its key."""
    body = src.body
    if _is_empty(value):
        return _insert_lines(body, _next_line(body, key.end_mark.index), lines, src.nl)
    start = value.start_mark.index
    while start > key.end_mark.index and body[start - 1] in " \t":
        start -= 1
    body = body[:start] + body[value.end_mark.index :]
    return _insert_lines(body, _next_line(body, key.end_mark.index), lines, src.nl)


def _block_for_root(src: _Source, seq: Any, lines: list[str]) -> _Splice:
    """Turn a top-level `[]` into a block list where it stood."""
    body, start = src.body, seq.start_mark.index
    end = seq.end_mark.index
    while end < len(body) and body[end] in " \t":
        end += 1
    body = body[:start] + body[end:]
    line = _line_start(body, start)
    if body[line : _next_line(body, line)].strip():
        return _insert_lines(body, _next_line(body, line), lines, src.nl)
    return _insert_lines(body[:line] + body[_next_line(body, line) :], line, lines, src.nl)


def _flow_insert(body: str, seq: Any, k: int, item: str) -> _Splice:
    """Insert an item into a flow list `[…]` at index k."""
    items = seq.value
    if not items:
        return _insert(body, seq.start_mark.index + 1, item)
    if k < len(items):
        return _insert(body, items[k].start_mark.index, item + ", ")
    return _insert(body, items[-1].end_mark.index, ", " + item)


def _flow_add(body: str, mapping: Any, before: Any, pairs: str) -> _Splice:
    """Add `key: value` pairs to a flow mapping `{…}`, before a key or at its end."""
    if before is not None:
        return _insert(body, before.start_mark.index, pairs + ", ")
    if mapping.value:
        return _insert(body, mapping.value[-1][1].end_mark.index, ", " + pairs)
    return _insert(body, mapping.start_mark.index + 1, pairs)


def _block_insert(src: _Source, seq: Any, k: int, write: _Writer, gap: int) -> _Splice:
    """Insert an item into a block list at index k, written like its nearest neighbour."""
    body, items = src.body, seq.value
    near = items[k - 1] if k else items[0]
    col = _col(body, seq)
    if _col(body, near) > col:
        gap = _col(body, near) - col
    lines = write(col, max(gap, 2), isinstance(near, MappingNode) and _is_flow(near))
    blank = [""] if _separated(body, seq) else []
    if k == 0:
        return _insert_lines(body, _line_start(body, _dash(body, items[0])), lines + blank, src.nl)
    return _insert_lines(body, _after(body, items[k - 1]), blank + lines, src.nl)


# ---------------------------------------------------------------- writing items


@dataclass(frozen=True)
class _Layout:
    """How a company file indents its lists, read from its people and their touches."""

    offset: int = 2  # columns from `people:` to the dashes of its items
    gap: int = 2  # columns from a person's dash to its keys
    touch_offset: int = 2  # columns from `touches:` to the dashes of its items
    touch_gap: int = 2  # columns from a touch's dash to its keys
    step: int = 2  # columns from `messages:` to its keys
    flow_touches: bool = False  # whether touches are written `- {date: …}`


def _layout(body: str, root: Any) -> _Layout:
    pair = _pair(root, "people") if isinstance(root, MappingNode) else None
    if pair is None or not isinstance(pair[1], SequenceNode) or _is_flow(pair[1]):
        return _Layout()
    key, seq = pair
    offset = _col(body, seq) - key.start_mark.column
    persons = [p for p in seq.value if isinstance(p, MappingNode) and not _is_flow(p)]
    gap = _col(body, persons[0]) - _col(body, seq) if persons else 2
    touch_offset, touch_gap, flow_touches = offset, gap, False
    step = offset or 2
    for found in (_pair(p, "touches") for p in persons):
        if found is None or not _is_block(found[1], SequenceNode) or not found[1].value:
            continue
        key, touches = found
        touch_offset = _col(body, touches) - key.start_mark.column
        touch_gap = max(_col(body, touches.value[0]) - _col(body, touches), 2)
        flow_touches = _is_flow(touches.value[0])
        break
    for found in (_pair(p, "messages") for p in persons):
        if found is not None and _is_block(found[1], MappingNode):
            step = _col(body, found[1]) - found[0].start_mark.column
            break
    return _Layout(offset, max(gap, 2), touch_offset, touch_gap, step, flow_touches)


def _as_item(lines: list[str], col: int, gap: int) -> list[str]:
    """Turn a block mapping written at col + gap into a list item with its dash at col."""
    return [" " * col + "-" + " " * (gap - 1) + lines[0].lstrip(" "), *lines[1:]]


def _flat_item(fields: Mapping[str, object], col: int, gap: int, flow: bool) -> list[str]:
    """A touch or an inbound entry as a list item."""
    if flow:
        return [" " * col + "-" + " " * (gap - 1) + _inline(fields)]
    pad = " " * (col + gap)
    return _as_item([f"{pad}{key}: {format_scalar(v)}" for key, v in fields.items()], col, gap)


def _person_item(
    person: Mapping[str, object], col: int, gap: int, flow: bool, layout: _Layout
) -> list[str]:
    if flow:
        return [" " * col + "-" + " " * (gap - 1) + _inline(person)]
    pad, lines = " " * (col + gap), []
    for key, value in person.items():
        if key == "messages" and value:
            lines.append(f"{pad}messages:")
            inner = pad + " " * layout.step
            lines += [f"{inner}{kind}: {format_scalar(m)}" for kind, m in _mapping(value).items()]
        elif key == "touches" and value:
            lines.append(f"{pad}touches:")
            dash = col + gap + layout.touch_offset
            for touch in _list(value):
                lines += _flat_item(touch, dash, layout.touch_gap, layout.flow_touches)
        else:
            lines.append(f"{pad}{key}: {_inline(value)}")
    return _as_item(lines, col, gap)


def _mapping(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}


# ---------------------------------------------------------------- where each edit goes


def _put_touch(src: _Source, node: Any, k: int, fields: Mapping[str, object]) -> _Splice:
    body, layout = src.body, _layout(src.body, src.root)
    pair = _pair(node, "touches")
    if _is_flow(node):
        return _put_flow_item(body, node, pair, "touches", k, _inline(fields))
    if pair is None:
        col = _col(body, node)
        lines = [" " * col + "touches:"]
        lines += _flat_item(fields, col + layout.touch_offset, layout.touch_gap, False)
        new, focus = _insert_lines(body, _after(body, node), lines, src.nl)
        return new, _next_line(new, focus)  # the touch's own line, not `touches:`
    key, value = pair
    if _is_empty_list(value):
        dash = key.start_mark.column + layout.touch_offset
        return _block_after_key(src, key, value, _flat_item(fields, dash, layout.touch_gap, False))
    if isinstance(value, SequenceNode) and _is_flow(value):
        return _flow_insert(body, value, k, _inline(fields))
    if isinstance(value, SequenceNode):
        return _block_insert(src, value, k, functools.partial(_flat_item, fields), layout.touch_gap)
    raise EditRefused("the person's touches are not a list")


def _put_flow_item(body: str, node: Any, pair: Any, key: str, k: int, item: str) -> _Splice:
    """A mapping written `{name: X, …}` (a person, or a whole company) gets its new
    touch or person in flow style too."""
    if pair is None:
        return _flow_add(body, node, None, f"{key}: [{item}]")
    value = pair[1]
    if isinstance(value, SequenceNode):
        return _flow_insert(body, value, k, item)
    if _is_null(value):
        start, end = value.start_mark.index, value.end_mark.index
        return body[:start] + f"[{item}]" + body[end:], start
    raise EditRefused(f"{key} is not a list in this file")


def _put_person(src: _Source, root: Any, fields: Mapping[str, object]) -> _Splice:
    body, layout = src.body, _layout(src.body, root)

    def write(col: int, gap: int, flow: bool) -> list[str]:
        return _person_item(fields, col, gap, flow, layout)

    pair = _pair(root, "people")
    if _is_flow(root):
        count = len(pair[1].value) if pair is not None and pair[1].tag == _SEQ else 0
        return _put_flow_item(body, root, pair, "people", count, _inline(fields))
    if pair is None:
        col = _col(body, root)
        lines = [" " * col + "people:", *write(col + layout.offset, layout.gap, False)]
        new, focus = _insert_lines(body, len(body), lines, src.nl)
        return new, _next_line(new, focus)  # the person's own line, not `people:`
    key, value = pair
    if _is_empty_list(value):
        lines = write(key.start_mark.column + layout.offset, layout.gap, False)
        return _block_after_key(src, key, value, lines)
    if isinstance(value, SequenceNode) and _is_flow(value):
        return _flow_insert(body, value, len(value.value), _inline(fields))
    if isinstance(value, SequenceNode):
        return _block_insert(src, value, len(value.value), write, layout.gap)
    raise EditRefused("people is not a list in this file")


def _put_fields(src: _Source, node: Any, fields: Mapping[str, object]) -> _Splice:
    body = src.body
    keys = [key for key, _ in node.value]
    anchor = next((k for k in keys if getattr(k, "value", None) in ("messages", "touches")), None)
    if _is_flow(node):
        pairs = ", ".join(f"{key}: {format_scalar(v, flow=True)}" for key, v in fields.items())
        return _flow_add(body, node, anchor, pairs)
    pad = " " * _col(body, node)
    lines = [f"{pad}{key}: {format_scalar(v)}" for key, v in fields.items()]
    if anchor is None or anchor is keys[0]:
        return _insert_lines(body, _after(body, node), lines, src.nl)
    return _insert_lines(body, _above_comments(body, anchor), lines, src.nl)


def _put_inbound(src: _Source, k: int, fields: Mapping[str, object]) -> _Splice:
    root = src.root

    write = functools.partial(_flat_item, fields)
    if root is None or _is_empty(root):
        return _insert_lines(src.body, len(src.body), write(0, 2, False), src.nl)
    if _is_empty_list(root):
        return _block_for_root(src, root, write(root.start_mark.column, 2, False))
    if isinstance(root, SequenceNode) and _is_flow(root):
        return _flow_insert(src.body, root, k, _inline(fields))
    return _block_insert(src, root, k, write, 2)


# ---------------------------------------------------------------- setting and removing

# Where a mapping or list is in a file: keys and list indexes from the top.
KeyPath = tuple[str | int, ...]


def set_fields(
    text: str, where: KeyPath, values: Mapping[str, object], order: tuple[str, ...]
) -> Edit:
    """Give keys of the mapping at `where` new scalar values: a key it has keeps its
    place (and its comment), a key it lacks goes where `order` puts it among the keys
    it has. The line reported is the first that changed."""
    if not values:
        raise EditRefused("there is nothing to set")
    fields = _fields(values, order, "this mapping")
    for key, value in fields.items():
        if not isinstance(value, str | int):
            raise EditRefused(f"the value of '{key}' must be text, a number or true/false")
    src = _read(text)
    expected = _plain(src.data)
    _data_at(expected, where, dict).update(_plain(fields))
    body, first = src.body, len(src.body)
    for key, value in fields.items():
        part = _read(body)
        node = _node_at(part.root, where, MappingNode)
        pair = _pair(node, key)
        if pair is None:
            later = order[order.index(key) + 1 :]
            body, focus = _add_pair(part, node, key, value, later)
        else:
            body, focus = _replace_value(part, *pair, value, flow=_is_flow(node))
        # A later change never moves an earlier one that starts before it.
        first = min(first, focus)
    return _finish(src, body, first, expected)


def remove_fields(text: str, where: KeyPath, keys: tuple[str, ...]) -> Edit:
    """Remove keys (with their values and the comments on their lines) from the
    mapping at `where`."""
    src = _read(text)
    expected = _plain(src.data)
    data = _data_at(expected, where, dict)
    for key in keys:
        data.pop(key, None)
    body, focus = src.body, len(src.body)
    for key in keys:
        part = _read(body)
        node = _node_at(part.root, where, MappingNode)
        pair = _pair(node, key)
        if pair is None:
            continue
        start, end = _pair_span(part.body, node, *pair)
        body = part.body[:start] + part.body[end:]
        focus = min(focus, start)  # what starts after a removal is not the first change
    if body == src.body:
        raise EditRefused(f"there is no {' or '.join(keys)} to remove")
    return _finish(src, body, focus, expected)


def add_item(
    text: str, where: KeyPath, item: Mapping[str, object], index: int | None = None
) -> Edit:
    """Insert a mapping of scalars into the list at `where` (at its end by default),
    written like its neighbours."""
    fields = dict(item)
    for key, value in fields.items():
        if not isinstance(value, str | int):
            raise EditRefused(f"the value of '{key}' must be text, a number or true/false")
    src = _read(text)
    expected = _plain(src.data)
    items = _data_at(expected, where, list)
    k = len(items) if index is None else index
    items.insert(k, _plain(fields))
    key, seq = _pair_at(src.root, where)
    write = functools.partial(_flat_item, fields)
    if _is_empty_list(seq) and key is not None:
        lines = write(key.start_mark.column + 2, 2, False)
        body, focus = _block_after_key(src, key, seq, lines)
        return _finish(src, body, focus, expected)
    if not isinstance(seq, SequenceNode):
        raise EditRefused("the place for the new item is not a list")
    if _is_flow(seq):
        body, focus = _flow_insert(src.body, seq, k, _inline(fields))
    else:
        body, focus = _block_insert(src, seq, k, write, 2)
    return _finish(src, body, focus, expected)


def remove_item(text: str, where: KeyPath, index: int) -> Edit:
    """Remove items[index] of the list at `where`, with the blank line that set it apart."""
    src = _read(text)
    expected = _plain(src.data)
    items = _data_at(expected, where, list)
    if not 0 <= index < len(items):
        raise EditRefused(f"there is no item {index} to remove")
    del items[index]
    seq = _node_at(src.root, where, SequenceNode)
    body, nodes = src.body, seq.value
    node = nodes[index]
    if _is_flow(seq):
        if len(nodes) == 1:
            start, end = node.start_mark.index, node.end_mark.index
        elif index + 1 < len(nodes):
            start, end = node.start_mark.index, nodes[index + 1].start_mark.index
        else:
            start, end = nodes[index - 1].end_mark.index, node.end_mark.index
        return _finish(src, body[:start] + body[end:], start, expected)
    start, end = _line_start(body, _dash(body, node)), _after(body, node)
    before = _prev_line(body, start)
    if before is not None and not before[1].strip():
        # The blank line that set the item apart goes with it: the one after it, if any.
        if end < len(body) and not body[end : _next_line(body, end)].strip():
            end = _next_line(body, end)
        else:
            start = before[0]
    new = body[:start] + body[end:]
    focus = start
    while focus < len(new) and not new[focus : _next_line(new, focus)].strip():
        focus = _next_line(new, focus)  # report the line that now stands there
    last = _line_start(new, len(new.rstrip("\r\n")))  # past the end: the last line instead
    return _finish(src, new, min(focus, last), expected)


def _data_at(data: Any, where: KeyPath, kind: type) -> Any:
    for step in where:
        if isinstance(step, int):
            if not isinstance(data, list) or not 0 <= step < len(data):
                raise EditRefused(f"there is no item {step} here")
            data = data[step]
        else:
            if not isinstance(data, dict) or step not in data:
                raise EditRefused(f"there is no '{step}' here")
            data = data[step]
    if kind is list and data is None:
        return []
    if not isinstance(data, kind):
        what = "a list" if kind is list else "a mapping"
        raise EditRefused(f"{'.'.join(map(str, where)) or 'the file'} is not {what}")
    return data


def _pair_at(root: Any, where: KeyPath) -> tuple[Any, Any]:
    """The node at `where`, and the key node it is the value of (None at the top or in a list)."""
    key, node = None, root
    for step in where:
        if isinstance(step, int):
            if not isinstance(node, SequenceNode) or not 0 <= step < len(node.value):
                raise EditRefused(f"there is no item {step} here")
            key, node = None, node.value[step]
        else:
            pair = _pair(node, step) if isinstance(node, MappingNode) else None
            if pair is None:
                raise EditRefused(f"there is no '{step}' here")
            key, node = pair
    if node is not None and key is not None and node.start_mark.index < key.end_mark.index:
        raise EditRefused("the value is an alias (*name) of another one; edit it by hand")
    return key, node


def _node_at(root: Any, where: KeyPath, kind: type) -> Any:
    node = _pair_at(root, where)[1]
    if not isinstance(node, kind):
        raise EditRefused(f"{'.'.join(map(str, where)) or 'the file'} is not written as expected")
    return node


def _replace_value(src: _Source, key: Any, value: Any, new: object, *, flow: bool) -> _Splice:
    """Write a new scalar where the old value stands; what follows it on the line stays."""
    body = src.body
    if not isinstance(value, ScalarNode):
        raise EditRefused(f"the value of '{key.value}' is not text")
    scalar = format_scalar(new, flow=flow)
    if _is_empty(value):
        colon = body.index(":", key.end_mark.index) + 1
        return body[:colon] + " " + scalar + body[colon:], colon + 1
    start = value.start_mark.index
    if start < key.end_mark.index:
        raise EditRefused(f"the value of '{key.value}' is an alias (*name); edit it by hand")
    if body.startswith("&", start):
        raise EditRefused(
            f"the value of '{key.value}' is repeated elsewhere by an alias (*name); edit it by hand"
        )
    if value.style in ("|", ">"):
        end = _after_block_scalar(body, value)
        last = end == len(body) and not body.endswith(("\n", "\r"))
        return body[:start] + scalar + ("" if last else src.nl) + body[end:], start
    end = value.end_mark.index
    gap = _COMMENT_GAP.match(body, end)
    if gap is not None and "\n" not in body[start:end]:
        # A comment after the value keeps its column where there is room.
        spaces = max(1, len(gap.group(1)) - (len(scalar) - (end - start)))
        return body[:start] + scalar + " " * spaces + body[gap.end(1) :], start
    return body[:start] + scalar + body[end:], start


def _add_pair(src: _Source, node: Any, key: str, value: object, later: tuple[str, ...]) -> _Splice:
    """Add `key: value` before the first key that `later` names, else at the end."""
    body = src.body
    keys = [k for k, _ in node.value]
    anchor = next((k for k in keys if getattr(k, "value", None) in later), None)
    if _is_flow(node):
        return _flow_add(body, node, anchor, f"{key}: {format_scalar(value, flow=True)}")
    line = [" " * node.start_mark.column + f"{key}: {format_scalar(value)}"]
    if (
        anchor is not None
        and not body[_line_start(body, anchor.start_mark.index) : anchor.start_mark.index].strip()
    ):
        return _insert_lines(body, _above_comments(body, anchor), line, src.nl)
    return _insert_lines(body, _after(body, node), line, src.nl)


def _pair_span(body: str, node: Any, key: Any, value: Any) -> tuple[int, int]:
    """The text of one `key: value` pair: whole lines in a block mapping."""
    pairs = node.value
    at = next(i for i, (k, _) in enumerate(pairs) if k is key)
    if _is_flow(node):
        if at + 1 < len(pairs):
            return key.start_mark.index, pairs[at + 1][0].start_mark.index
        if at:
            return pairs[at - 1][1].end_mark.index, value.end_mark.index
        return key.start_mark.index, value.end_mark.index
    start = _line_start(body, key.start_mark.index)
    if body[start : key.start_mark.index].strip():
        raise EditRefused(f"'{key.value}' starts a list item; remove the whole item instead")
    return start, _after_value(body, key.end_mark.index, value)
