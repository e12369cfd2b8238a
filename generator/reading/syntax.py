"""YAML syntax errors in plain words, at the place a person has to fix.

libyaml reports where it gave up, in parser terms ("expected <block end>"). The traps
newcomers hit are few and recognisable: a colon or a quote inside a value, a line
indented one space off, a quote or bracket never closed, a tab. Each gets its fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.errors import Location, Problem

_KEY = re.compile(r"\s*(?:-\s+)?[^\s#:][^:#]*?:(?:\s|$)")


def syntax_problem(path: Path, text: str, exc: yaml.YAMLError) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(path, text, exc)
    assert isinstance(exc, yaml.MarkedYAMLError)
    lines = text.split("\n")
    context = (exc.context or "").strip()
    problem = (exc.problem or "").strip()
    mark = exc.problem_mark or exc.context_mark
    opened = exc.context_mark
    if "escape" in problem:
        return _at(
            path,
            mark,
            "a backslash escape YAML does not accept here (\\ud800 and its like are half a "
            "character); remove it, or use single quotes to keep the backslash as text",
        )
    if "quoted scalar" in context and opened is not None:
        return _at(path, opened, "this quoted text is never closed; add the closing quote")
    if "flow sequence" in context and opened is not None:
        return _at(path, opened, _unclosed("[", "]"))
    if "flow mapping" in context and opened is not None:
        return _at(path, opened, _unclosed("{", "}"))
    if "nesting depth" in problem:
        return _at(path, mark, "the YAML is nested too deeply to be a plan")
    if "tab character" in problem:
        return _at(path, mark, "a tab character here; indent YAML with spaces, not tabs")
    if "single document" in context:
        return _at(path, mark, "a second document (---) starts here; a plan file holds one")
    if "simple key" in context and opened is not None:
        return _at(path, opened, "this line has no colon after its key; write key: value")
    if "flow node" in context:
        return _at(
            path,
            mark,
            "a value is missing here: after a comma, or a [ or { that is never closed",
        )
    if mark is None:
        return Problem(Location(path), f"YAML syntax error: {problem or context}")
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    if "mapping values are not allowed" in problem:
        if _colon_inside_value(line_text, mark.column):
            return _at(path, mark, _quote_advice(line_text, "a colon followed by a space"))
        return _indentation(path, lines, mark)
    unclosed = _unclosed_quote(lines, mark.line)
    if unclosed is not None:
        number, column = unclosed
        message = "this quoted text is never closed; add the closing quote"
        return Problem(Location(path, number + 1, column + 1), message)
    if "expected key" in problem or "block end" in problem or "indicator" in problem:
        indent = len(line_text) - len(line_text.lstrip(" "))
        if mark.column > indent and any(quote in line_text[: mark.column] for quote in "\"'"):
            message = "text after the closing quote; put the whole value in quotes"
            return _at(path, mark, f"{message}, or leave the quotes out")
        return _indentation(path, lines, mark)
    detail = f"{problem} ({context})" if context else problem
    return _at(path, mark, f"YAML syntax error: {detail}")


def _at(path: Path, mark: yaml.Mark | None, message: str) -> Problem:
    if mark is None:
        return Problem(Location(path), message)
    return Problem(Location(path, mark.line + 1, mark.column + 1), message)


def _unclosed(opening: str, closing: str) -> str:
    return (
        f"this {opening} is never closed; add the {closing} (or a missing comma), "
        "or write the items one per line in block style"
    )


def _colon_inside_value(line: str, column: int) -> bool:
    """A `key: value: more` line, where libyaml stopped at the second colon."""
    key = _KEY.match(line)
    return key is not None and key.end() <= column


def _quote_advice(line: str, what: str) -> str:
    key = _KEY.match(line)
    if key is None:
        return f"{what} inside a value; put the text in quotes"
    value = line[key.end() :].split(" #", 1)[0].strip()
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    shown = f'{key.group().strip()} "{quoted}"'
    return f"{what} inside a value; YAML reads it as a new key. Put the text in quotes: {shown}"


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#:"'][^:#]*?:\s+)?(["'])""")


def _unclosed_quote(lines: list[str], last: int) -> tuple[int, int] | None:
    """The first value, up to line `last`, that opens a quote and does not close it on
    its line: libyaml then reads on to the next quote and reports trouble far below."""
    for number, line in enumerate(lines[: last + 1]):
        match = _QUOTED_VALUE.match(line)
        if match is None:
            continue
        quote, start = match.group(1), match.end()
        rest = line[start:]
        if quote == '"':
            closed = re.search(r'(?<!\\)"', rest.replace("\\\\", "")) is not None
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return number, start - 1
    return None


def _key_column(line: str) -> int:
    """The 1-based column where the line's key starts (after a list dash)."""
    stripped = line.lstrip(" ")
    column = len(line) - len(stripped) + 1
    if stripped.startswith("- "):
        column += len(stripped) - len(stripped[1:].lstrip(" "))
    return column


def _indentation(path: Path, lines: list[str], mark: yaml.Mark) -> Problem:
    """An indentation slip: compare the line with the content line above it."""
    line = lines[mark.line] if mark.line < len(lines) else ""
    column = len(line) - len(line.lstrip(" ")) + 1
    above = _previous_content_line(lines, mark.line)
    if above is None:
        message = "indentation: this line does not line up with the YAML around it"
        return Problem(Location(path, mark.line + 1, column), message)
    sibling = _sibling_item(lines, mark.line, column) if line.lstrip(" ").startswith("-") else None
    if sibling is not None:
        number, dash = sibling
        message = (
            f"indentation: this list item starts at column {column}, but the item on line "
            f"{number + 1} of the same list starts at column {dash}; start the items of a "
            "list at the same column, with spaces"
        )
        return Problem(Location(path, mark.line + 1, column), message)
    number, text = above
    expected = _key_column(text)
    if expected == column:
        message = (
            f"indentation: this line or line {number + 1} above it is out of line with "
            "the keys around them; each key of a mapping starts at the same column"
        )
    else:
        message = (
            f"indentation: this line starts at column {column}, but the key on line "
            f"{number + 1} above it starts at column {expected}; indent keys of the same "
            "mapping to the same column, with spaces"
        )
    return Problem(Location(path, mark.line + 1, column), message)


def _sibling_item(lines: list[str], index: int, column: int) -> tuple[int, int] | None:
    """The list this item slipped out of: among the items above whose dash is a column
    or two off this one's (up to a line further left than that), the closest column,
    the outer list on a tie; (line index, dash column), or None."""
    found: list[tuple[int, int, int]] = []
    for number in range(min(index, len(lines)) - 1, -1, -1):
        stripped = lines[number].lstrip(" ")
        if not stripped.strip() or stripped.startswith("#"):
            continue
        dash = len(lines[number]) - len(stripped) + 1
        if dash < column - 2:
            break
        if stripped.startswith("- ") and 0 < abs(dash - column) <= 2:
            found.append((abs(dash - column), dash, number))
    if not found:
        return None
    _, dash, number = min(found)
    return number, dash


def _previous_content_line(lines: list[str], index: int) -> tuple[int, str] | None:
    for number in range(min(index, len(lines)) - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number, lines[number]
    return None


def _reader_problem(path: Path, text: str, exc: yaml.reader.ReaderError) -> Problem:
    position = max(0, int(exc.position))
    before = text[:position]
    line = before.count("\n") + 1
    col = position - (before.rfind("\n") + 1) + 1
    character = exc.character
    code = character if isinstance(character, int) else ord(str(character)[:1] or " ")
    message = f"a control character (U+{code:04X}) that YAML files may not contain; remove it"
    return Problem(Location(path, line, col), message)
