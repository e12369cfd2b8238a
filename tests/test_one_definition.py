"""One definition each of a control character, a date and a close match, and every place
that needs one agrees with it at its edges."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import click
import pytest

from generator.characters import BIDI_CONTROLS, CONTROLS, CONTROLS_BUT_LAYOUT, any_of
from generator.cli import TEXT, _day
from generator.editing.yaml_edit import format_scalar
from generator.errors import Location, terminal_safe
from generator.importing.csvfile import clean
from generator.model.names import FIELD_CUTOFF, NAME_CUTOFF, close_matches, nearest_word
from generator.reading.fields import Context, Date, NotADate, Text, parse_date

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
SOURCES = sorted(GENERATOR.rglob("*.py"))


def _relative(path: Path) -> str:
    return path.relative_to(GENERATOR).as_posix()


# ---------------------------------------------------------------- one place each


def test_character_ranges_are_written_only_in_characters_py() -> None:
    """A range of escapes ("\\x00-\\x1f", "\\u202a-\\u202e") anywhere else is a second
    definition of which characters text may carry."""
    a_range = re.compile(r"\\x[0-9a-fA-F]{2}-\\x|\\u[0-9a-fA-F]{4}-\\u")
    found = [_relative(p) for p in SOURCES if a_range.search(p.read_text(encoding="utf-8"))]
    assert found == ["characters.py"]


def _calls(name: str) -> list[str]:
    """Modules that call or name an attribute `name` (`difflib.get_close_matches`)."""
    found = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.Attribute) and n.attr == name for n in ast.walk(tree)):
            found.append(_relative(path))
    return found


def test_dates_are_read_in_one_place() -> None:
    assert _calls("fromisoformat") == ["reading/fields.py"]


def test_close_matches_are_found_in_one_place() -> None:
    assert _calls("get_close_matches") == ["model/names.py"]
    assert _calls("SequenceMatcher") == ["model/names.py"]


# ---------------------------------------------------------------- control characters

# (character, a control character, one a multi-line text may hold)
EDGES = [
    ("\x00", True, False),
    ("\x08", True, False),
    ("\t", True, True),
    ("\n", True, True),
    ("\x0b", True, False),
    ("\r", True, False),
    ("\x1f", True, False),
    (" ", False, True),
    ("~", False, True),
    ("\x7f", True, False),
    ("\x80", True, False),
    ("\x9f", True, False),
    ("\xa0", False, True),
    ("é", False, True),
]


@pytest.mark.parametrize(("char", "control", "in_text"), EDGES)
def test_the_ranges_at_their_edges(char: str, control: bool, in_text: bool) -> None:
    assert bool(any_of(CONTROLS).search(char)) is control
    assert bool(any_of(CONTROLS_BUT_LAYOUT).search(char)) is not in_text


def _field_accepts(text: str, multiline: bool) -> bool:
    ctx = Context(Path("f.yaml"), "")
    Text(multiline=multiline).clean(ctx, f"a{text}b", "note", Location(Path("f.yaml"), 1, 1))
    return not ctx.problems


def _option_accepts(text: str) -> bool:
    try:
        TEXT.convert(f"a{text}b", None, None)
    except click.BadParameter:
        return False
    return True


@pytest.mark.parametrize(("char", "control", "in_text"), EDGES)
def test_every_reader_of_text_agrees(char: str, control: bool, in_text: bool) -> None:
    """A plan's field, a command's option, the terminal, LinkedIn's cells: the same
    characters are controls to each."""
    assert _field_accepts(char, multiline=False) is not control
    assert _field_accepts(char, multiline=True) is in_text
    assert _option_accepts(char) is in_text
    assert (terminal_safe(f"a{char}b") == f"a{char}b") is in_text
    # A cell of LinkedIn's export: a control becomes a space, whitespace folds.
    assert clean(f"a{char}b") == ("a b" if control else " ".join(f"a{char}b".split()))


@pytest.mark.parametrize("char", ["\u202a", "\u202e", "\u2066", "\u2069"])
def test_direction_overrides_are_kept_off_the_terminal(char: str) -> None:
    assert any_of(BIDI_CONTROLS).search(char)
    assert terminal_safe(f"a{char}b") != f"a{char}b"
    assert clean(f"a{char}b") == "a b"


@pytest.mark.parametrize("char", ["\u2029", "\u2065", "\u206a"])
def test_next_to_the_direction_overrides_nothing_is_escaped(char: str) -> None:
    assert terminal_safe(f"a{char}b") == f"a{char}b"


# ---------------------------------------------------------------- dates

DATES = [
    ("2026-11-26", dt.date(2026, 11, 26)),
    ("1900-01-01", dt.date(1900, 1, 1)),
    ("2999-12-31", dt.date(2999, 12, 31)),
    ("2028-02-29", dt.date(2028, 2, 29)),
    ("1899-12-31", "range"),
    ("3000-01-01", "range"),
    ("2026-02-29", "calendar"),
    ("2026-13-01", "calendar"),
    ("2026-1-01", "shape"),
    ("26-11-2026", "shape"),
    ("２０２６-１１-２６", "shape"),  # fullwidth digits are not YYYY
    ("20261126", "shape"),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_parse_date(text: str, expected: dt.date | str) -> None:
    if isinstance(expected, dt.date):
        assert parse_date(text) == expected
        return
    with pytest.raises(NotADate) as raised:
        parse_date(text)
    assert raised.value.reason == expected


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_the_plan_the_command_line_and_the_editor_agree(text: str, expected: dt.date | str) -> None:
    ctx = Context(Path("f.yaml"), "")
    read = Date().clean(ctx, text, "date", Location(Path("f.yaml"), 1, 1))
    try:
        given: dt.date | None = _day(text)
    except click.BadParameter:
        given = None
    if isinstance(expected, dt.date):
        assert read == given == expected
        assert not ctx.problems
    else:
        assert ctx.problems and given is None
    # The editor writes a real day unquoted, in any year; not a day that does not exist.
    if isinstance(expected, dt.date) or expected == "range":
        assert format_scalar(text) == text
    if expected == "calendar":
        assert format_scalar(text) == f'"{text}"'


def test_a_date_in_a_plan_may_have_spaces_around_it_an_option_may_not() -> None:
    ctx = Context(Path("f.yaml"), "")
    assert Date().clean(ctx, " 2026-11-26 ", "date", Location(Path("f.yaml"), 1, 1)) == dt.date(
        2026, 11, 26
    )
    with pytest.raises(click.BadParameter):
        _day(" 2026-11-26")


# ---------------------------------------------------------------- close matches


def test_a_word_is_suggested_from_the_cutoff_up() -> None:
    # difflib's ratio: twice the letters in common over both lengths.
    assert nearest_word("abcxy", ["abcde"]) == "abcde"  # 6/10 = the word cutoff
    assert nearest_word("abxyz", ["abcde"]) is None  # 4/10
    assert nearest_word("abxy", ["abcd"]) is None  # 4/8: under the word cutoff
    assert nearest_word("abxy", ["abcd"], cutoff=FIELD_CUTOFF) == "abcd"  # at the field one
    assert nearest_word("axyz", ["abcd"], cutoff=FIELD_CUTOFF) is None  # 2/8


def test_names_need_to_be_nearer_than_words() -> None:
    # 8/10 is a name's cutoff; 7/10 is not near enough for a name.
    assert NAME_CUTOFF == 0.8
    assert close_matches("abcdx", [("abcde", 1)]) == [1]
    assert close_matches("abcxy", [("abcde", 1)]) == []
    assert close_matches("ÁBCDX", [("abcde", 1)]) == [1], "without case and accents"
