"""Read one YAML file into ruamel's round-trip nodes, turning every failure into a Problem.

Plans are parsed only here, as YAML 1.2 by ruamel.yaml, so `NO` stays text and `010`
is ten. Dates are kept as text (the schema checks them) so that an impossible date
such as 2026-02-30 becomes a located message instead of a bare ValueError.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from generator.errors import Location, Problem


class _TextDatesConstructor(RoundTripConstructor):
    def construct_text_timestamp(self, node: Any, values: Any = None) -> str:
        return str(self.construct_scalar(node))


_TextDatesConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _TextDatesConstructor.construct_text_timestamp
)


def make_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDatesConstructor
    return yaml


@dataclass
class SourceFile:
    """A parsed file: `data` is None when the file is empty or could not be parsed."""

    path: Path
    text: str
    data: Any


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8 (a byte-order mark allowed); line endings become LF."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(Location(path), "file not found")]
    except OSError as exc:
        return None, [Problem(Location(path), f"cannot read the file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        message = f"the file is not UTF-8 text (byte 0x{byte:02X}); save it with UTF-8 encoding"
        return None, [Problem(Location(path, line, col), message)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse_yaml(path: Path, text: str) -> tuple[Any, list[Problem]]:
    try:
        return make_yaml().load(text), []
    except MarkedYAMLError as exc:
        return None, [_syntax_problem(path, exc)]
    except ReaderError as exc:
        line, col = _line_col(text, exc.position)
        code = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
        )
        message = f"a control character (U+{code:04X}) that YAML files may not contain; remove it"
        return None, [Problem(Location(path, line, col), message)]
    except RecursionError:
        return None, [Problem(Location(path), "YAML nested too deeply to read")]
    except (YAMLError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, [Problem(Location(path), f"cannot read this YAML: {exc}")]


def _line_col(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def load_source(path: Path) -> tuple[SourceFile | None, list[Problem]]:
    text, problems = read_text(path)
    if text is None:
        return None, problems
    data, problems = parse_yaml(path, text)
    if problems:
        return None, problems
    return SourceFile(path, text, data), []


_DUPLICATE_KEY = re.compile(r'found duplicate key "(?P<key>.*?)" with value')


def _syntax_problem(path: Path, exc: MarkedYAMLError) -> Problem:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    if "quoted scalar" in context and exc.context_mark is not None:
        mark = exc.context_mark
        message = "YAML syntax error: this quoted text is never closed; add the closing quote"
    elif "'\\t'" in problem:
        message = "YAML syntax error: a tab character here; indent YAML with spaces, not tabs"
    elif (match := _DUPLICATE_KEY.search(problem)) is not None:
        message = f"duplicate key '{match['key']}'; each key may appear only once in a mapping"
    else:
        message = f"YAML syntax error: {problem}"
        if context:
            message += f" ({context})"
    if mark is None:
        return Problem(Location(path), message)
    return Problem(Location(path, mark.line + 1, mark.column + 1), message)
