"""Problems found in the user's input, and the errors that carry them to the command line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import NamedTuple

import click

from generator.characters import BIDI_CONTROLS, CONTROLS, CONTROLS_BUT_LAYOUT, SURROGATES, any_of

# Controls (but newline and tab), and bidirectional overrides.
_UNSAFE = any_of(CONTROLS_BUT_LAYOUT, BIDI_CONTROLS)
_STYLE = re.compile(r"\x1b\[[0-9;]*m")
# In a file name even a newline or a tab is shown escaped: a name is one line.
_UNSAFE_IN_NAME = any_of(CONTROLS, BIDI_CONTROLS, SURROGATES)


def shown(path: object) -> str:
    """A file name as it may be printed: every control character (and an undecodable
    byte) escaped, so a name cannot drive the terminal or fake another line."""
    return _UNSAFE_IN_NAME.sub(lambda m: repr(m.group())[1:-1], str(path))


def terminal_safe(text: str) -> str:
    """Escape control characters and broken Unicode in text for a terminal, keeping our
    own colour codes."""
    parts = _STYLE.split(text)
    styles = _STYLE.findall(text)
    safe = [_UNSAFE.sub(lambda m: repr(m.group())[1:-1], part) for part in parts]
    out = [safe[0]]
    for style, part in zip(styles, safe[1:], strict=True):
        out += [style, part]
    return "".join(out).encode("utf-8", "backslashreplace").decode("utf-8")


def echo(text: str = "", err: bool = False) -> None:
    click.echo(terminal_safe(text), err=err)


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


class Location(NamedTuple):
    """A 1-based position in a file; line 0 means the file as a whole.

    A named tuple, not a dataclass: the reader makes one for every key and value of a
    plan, and a tuple is several times cheaper to make."""

    path: Path
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        path = shown(self.path)
        if self.line <= 0:
            return path
        return f"{path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.location}: {prefix}{self.message}"

    def styled(self) -> str:
        """The same line with colour; click drops the colour when not on a terminal."""
        where = click.style(f"{self.location}:", bold=True)
        if self.severity is Severity.WARNING:
            return f"{where} {click.style('warning:', fg='yellow')} {self.message}"
        return f"{where} {click.style(self.message, fg='red')}"


class PlaybookError(click.ClickException):
    """An error the user can fix; shown as one message, never as a traceback."""

    exit_code = 1

    def format_message(self) -> str:
        return self.message

    def show(self, file: object = None) -> None:
        echo(self.format_message(), err=True)


class InvalidPlan(PlaybookError):
    """The plan has errors; every one of them is listed."""

    def __init__(self, problems: list[Problem], heading: str = "") -> None:
        # The errors first: they are what stops the command; the warnings follow.
        self.problems = sorted(sort_problems(problems), key=lambda p: not p.is_error)
        self.heading = heading
        errors = sum(1 for p in self.problems if p.is_error)
        self.summary = f"{errors} {'error' if errors == 1 else 'errors'} found"
        lines = [*([heading] if heading else []), *map(str, self.problems), self.summary]
        super().__init__("\n".join(lines))

    def show(self, file: object = None) -> None:
        if self.heading:
            echo(self.heading, err=True)
        for problem in self.problems:
            echo(problem.styled(), err=True)
        echo(self.summary, err=True)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (str(p.location.path), p.location.line, p.location.col))
