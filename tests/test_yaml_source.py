"""The fast located parser: YAML 1.2 values, positions, refusals, syntax messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from generator.reading.files import read_text
from generator.reading.yaml_source import LocatedList, LocatedMap, parse_yaml
from tests.conftest import EXAMPLE_PLAN, SMALL_PLAN

P = Path("f.yaml")


def problems_of(text: str) -> list[str]:
    data, problems = parse_yaml(P, text)
    assert data is None
    return [str(p) for p in problems]


def plain(value: Any) -> Any:
    """ruamel's or our containers as plain Python, for comparing values."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def ruamel_round_trip(text: str) -> Any:
    """The loader of the previous version: ruamel.yaml round-trip, dates kept as text."""
    from ruamel.yaml.constructor import RoundTripConstructor

    class TextDates(RoundTripConstructor):  # type: ignore[misc]
        pass

    TextDates.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node)
    )
    yaml = YAML(typ="rt")
    yaml.Constructor = TextDates
    return yaml.load(text)


EXAMPLE_FILES = sorted([*EXAMPLE_PLAN.rglob("*.yaml"), *SMALL_PLAN.rglob("*.yaml")])


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_same_values_as_the_round_trip_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data, problems = parse_yaml(path, text)
    assert problems == []
    assert plain(data) == plain(ruamel_round_trip(text))


def test_yaml_12_scalars() -> None:
    text = (
        "a: NO\nb: 010\nc: 12:30\nd: 2026-02-30\ne: yes\nf: true\ng: ~\nh: 0x1F\n"
        "i: 1_000\nj: 1.5\nk: .inf\nl: 0o17\nm: off\nn: '010'\n"
    )
    data, problems = parse_yaml(P, text)
    assert problems == []
    expected = {
        "a": "NO", "b": 10, "c": "12:30", "d": "2026-02-30", "e": "yes", "f": True, "g": None,
        "h": 31, "i": 1000, "j": 1.5, "k": float("inf"), "l": 15, "m": "off", "n": "010",
    }  # fmt: skip
    assert data == expected
    assert plain(ruamel_round_trip(text)) == expected


def test_positions_of_keys_values_and_items() -> None:
    data, _ = parse_yaml(P, "name: X\npeople:\n  - name: A\n    touches: [{date: 1}]\n")
    assert isinstance(data, LocatedMap)
    assert data.key_marks["people"] == (1, 0)
    people = data["people"]
    assert isinstance(people, LocatedList) and people.item_marks == [(2, 4)]
    touches = people[0]["touches"]
    assert touches.flow and touches.item_marks == [(3, 14)]
    assert touches[0].value_marks["date"] == (3, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: B\n\tsector: x\n",
            "f.yaml:2:1: a tab character here; indent YAML with spaces, not tabs",
        ),
        (
            "name: 'B\nsector: x\n",
            "f.yaml:1:7: this quoted text is never closed; add the closing quote",
        ),
        ('a: 1\nb: "x\n', "f.yaml:2:4: this quoted text is never closed; add the closing quote"),
        (
            "name: B\nname: C\n",
            "f.yaml:2:1: duplicate key 'name'; each key may appear only once in a mapping",
        ),
        (
            "a: [1, 2\n",
            "f.yaml:1:4: this [ is never closed; add the ] (or a missing comma), "
            "or write the items one per line in block style",
        ),
        (
            "touches:\n  - {date: 2026-01-01, action: invited\n  - {date: 2026-01-02}\n",
            "f.yaml:2:5: this { is never closed; add the } (or a missing comma), "
            "or write the items one per line in block style",
        ),
        (
            "people:\n  - name: A\n    note: Coffee in Stary Browar: she knows the hub\n",
            "f.yaml:3:33: a colon followed by a space inside a value; YAML reads it as a new "
            'key. Put the text in quotes: note: "Coffee in Stary Browar: she knows the hub"',
        ),
        (
            "people:\n  - name: A\n    role: X\n   focus: hr\n",
            "f.yaml:4:4: indentation: this line starts at column 4, but the key on line 3 above it "
            "starts at column 5; indent keys of the same mapping to the same column, with spaces",
        ),
        (
            "people:\n  - name: A\n    role: X\n      focus: hr\n",
            "f.yaml:4:7: indentation: this line starts at column 7, but the key on line 3 above it "
            "starts at column 5; indent keys of the same mapping to the same column, with spaces",
        ),
        (
            'name: "Vistula" Freight\nsector: x\n',
            "f.yaml:1:17: text after the closing quote; put the whole value in quotes, "
            "or leave the quotes out",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "f.yaml:2:1: a second document (---) starts here; a plan file holds one",
        ),
        (
            "name: X\x07\n",
            "f.yaml:1:8: a control character (U+0007) that YAML files may not contain; remove it",
        ),
        (
            "a: 1\nb: \x1b[0m\n",
            "f.yaml:2:4: a control character (U+001B) that YAML files may not contain; remove it",
        ),
        ("priority: !!int abc\n", "f.yaml:1:11: expected a whole number; got 'abc'"),
        (
            "a: !!binary aGk=\n",
            "f.yaml:1:4: a YAML tag (tag:yaml.org,2002:binary) here; plans do not use tags",
        ),
        (
            "a: " + "[" * 3000 + "]" * 3000 + "\n",
            "f.yaml:1:1003: the YAML is nested too deeply to be a plan",
        ),
        (
            "a: " + "[" * 40 + "]" * 40 + "\n",
            "f.yaml:1:36: the YAML is nested too deeply to be a plan",
        ),
        (
            "- &p {name: A}\n- *p\n",
            "f.yaml:1:3: an alias (*name) repeats a value written elsewhere; plans do not use "
            "anchors and aliases: write the value out",
        ),
        (
            "- &p {name: A}\n- <<: *p\n  role: B\n",
            "f.yaml:2:3: a merge key (<<) copies keys from elsewhere; plans do not use it: "
            "write the keys out",
        ),
        ("[a, b]: 1\n", "f.yaml:1:1: a key must be a plain word, not a list or mapping"),
        (
            'people:\n  - name: A\n    role: "Senior, Supply\n    focus: hr\n'
            '    touches:\n      - date: 2026-01-01\n        note: "Coffee: x"\n',
            "f.yaml:3:11: this quoted text is never closed; add the closing quote",
        ),
        (
            "people:\n  - name: Ewa Kot\n     role: X\n",
            "f.yaml:3:6: indentation: this line starts at column 6, but the key on line 2 "
            "above it starts at column 5; indent keys of the same mapping to the same column, "
            "with spaces",
        ),
        (
            "people:\n  - name: A\n    touches:\n      - {date: 2026-01-01, action: met}\n"
            " - name: B\n",
            "f.yaml:5:2: indentation: this list item starts at column 2, but the item on line 2 "
            "of the same list starts at column 3; start the items of a list at the same column, "
            "with spaces",
        ),
        (  # two columns off: still the list's item
            "people:\n  - name: A\n    - name: B\n",
            "f.yaml:3:5: indentation: this list item starts at column 5, but the item on line 2 "
            "of the same list starts at column 3; start the items of a list at the same column, "
            "with spaces",
        ),
        (  # two columns off both lists: the outer one, not the touches above
            "people:\n  - name: A\n    touches:\n      - {date: 2026-01-01, action: met}\n"
            "    - name: B\n",
            "f.yaml:5:5: indentation: this list item starts at column 5, but the item on line 2 "
            "of the same list starts at column 3; start the items of a list at the same column, "
            "with spaces",
        ),
        (  # three columns off: under the key above it, more likely
            "people:\n  - name: A\n     - name: B\n",
            "f.yaml:3:6: indentation: this line starts at column 6, but the key on line 2 "
            "above it starts at column 5; indent keys of the same mapping to the same column, "
            "with spaces",
        ),
        (
            "people:\n  - name: A\n   - name: B\n",
            "f.yaml:3:4: indentation: this list item starts at column 4, but the item on line 2 "
            "of the same list starts at column 3; start the items of a list at the same column, "
            "with spaces",
        ),
        (
            "people:\n  - name: A\n    touches:\n      - {date: 2026-01-01, action: met}\n"
            "     - {date: 2026-01-02, action: met}\n",
            "f.yaml:5:6: indentation: this list item starts at column 6, but the item on line 4 "
            "of the same list starts at column 7; start the items of a list at the same column, "
            "with spaces",
        ),
        (
            "touches:\n  - date: 2026-01-01\n    action connected\n",
            "f.yaml:3:5: this line has no colon after its key; write key: value",
        ),
        (
            "name: x\nbad: [\n",
            "f.yaml:3:1: a value is missing here: after a comma, or a [ or { that is never closed",
        ),
    ],
)
def test_problems_are_located_and_say_how_to_fix_them(text: str, expected: str) -> None:
    assert problems_of(text) == [expected]


def test_many_aliases_are_refused_at_once() -> None:
    """999 aliases of one anchored person: refused at the first, in no time."""
    text = "people:\n  - &p {name: A, role: B}\n" + "  - *p\n" * 999
    assert problems_of(text)[0].startswith("f.yaml:2:5: an alias")


def test_a_comma_inside_a_flow_value_is_a_key_without_a_colon() -> None:
    data, _ = parse_yaml(P, "- {date: 2026-01-01, note: Talk to Lukas, their head}\n")
    assert data[0].bare_keys == {"their head"}
    assert data[0]["note"] == "Talk to Lukas"


def test_files_are_read_as_text_with_lf(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: Caf\xc3\xa9\r\nsector: x\r\n")
    assert read_text(path, tmp_path) == ("name: Café\nsector: x\n", [])
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    text, problems = read_text(path, tmp_path)
    assert text is None
    assert [str(p) for p in problems] == [
        f"{path}:2:7: the file is not UTF-8 text (byte 0xE9); save it with UTF-8 encoding"
    ]
