"""Surgical YAML edits: golden files, refusals, scalar writing and random edit sequences.

Set PLAYBOOK_UPDATE_GOLDEN=1 to rewrite each after.yaml from the actual output; then
read every changed after.yaml by eye before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.editing.yaml_edit import (
    COMPANY_KEYS,
    PERSON_KEYS,
    Edit,
    EditRefused,
    add_inbound,
    add_item,
    add_person,
    add_touch,
    company_file,
    format_scalar,
    remove_fields,
    remove_item,
    set_fields,
    set_person_fields,
)
from generator.reading.yaml_source import read_nodes

EDITS = Path(__file__).parent / "fixtures" / "edits"
UPDATE = os.environ.get("PLAYBOOK_UPDATE_GOLDEN") == "1"
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read(path: Path) -> str:
    """The file's text exactly: byte-order mark and CRLF kept."""
    return path.read_bytes().decode("utf-8")


def lines(text: str) -> list[str]:
    return [line.rstrip("\r") for line in text.split("\n")]


def keeps_lines(before: str, after: str, changed: tuple[str, ...] = ()) -> bool:
    """Whether every line of `before` (but those allowed to change) is in `after`, in order."""
    remaining = iter(lines(after))
    return all(line in remaining for line in lines(before) if line not in changed)


def data(text: str) -> Any:
    """The values as the plan reader (which the editor uses too) reads them."""
    return read_nodes(text.removeprefix("\ufeff"))[1]


# ---------------------------------------------------------------- golden files


@dataclass(frozen=True)
class Case:
    name: str
    edit: Callable[[str], Edit]
    line: int
    changed: tuple[str, ...] = field(default=())  # lines of before.yaml the edit may alter


def touch(person: int, date: str, action: str, **rest: str) -> Callable[[str], Edit]:
    return lambda text: add_touch(text, person, {"date": date, "action": action, **rest})


def chain(*edits: Callable[[str], Edit]) -> Callable[[str], Edit]:
    def run(text: str) -> Edit:
        edit = Edit(text, 0)
        for step in edits:
            edit = step(edit.text)
        return edit

    return run


NOTES = (
    "Coffee in Stary Browar: she knows the hub",
    "#LogisticsDays",
    "yes",
    "010",
    'He said "hi"',
)

CASES = [
    Case(
        "touch_flow_comments_middle",
        touch(0, "2026-03-24", "messaged", channel="linkedin", note="Thanked him"),
        17,
    ),
    Case("touch_block_middle", touch(0, "2026-02-10", "messaged", note="Sent the profile"), 12),
    Case("touch_before_all", touch(0, "2026-01-15", "met", channel="meeting"), 8),
    Case("touch_same_day_after", touch(0, "2026-02-03", "replied"), 9),
    Case("touch_indent3", touch(0, "2026-01-11", "messaged"), 9),
    Case("touch_indent4", touch(0, "2026-02-01", "replied", channel="email"), 9),
    Case("touch_people_not_indented", touch(1, "2026-05-02", "invited", channel="linkedin"), 11),
    Case("touch_no_touches_key", touch(0, "2026-06-01", "invited", channel="linkedin"), 11),
    Case("touch_no_touches_not_indented", touch(0, "2026-06-01", "invited"), 7),
    Case(
        "touch_empty_list",
        touch(0, "2026-06-01", "invited"),
        7,
        changed=("    touches: []   # none yet",),
    ),
    Case("touch_empty_value", touch(0, "2026-06-01", "invited"), 7),
    Case(
        "touch_flow_list",
        touch(0, "2026-05-03", "messaged", note="Hi, again"),
        5,
        changed=(
            "    touches: [{date: 2026-05-01, action: invited}, {date: 2026-05-09, action: connected}]   # short",
        ),
    ),
    Case(
        "touch_flow_person",
        touch(0, "2026-06-01", "invited", note="From: the fair"),
        4,
        changed=("  - {name: Ola Wrona, role: COO}   # met at the fair",),
    ),
    Case(
        "touch_flow_person_touches",
        touch(1, "2026-06-01", "connected"),
        5,
        changed=(
            "  - {name: Adam Sowa, role: CTO, touches: [{date: 2026-05-01, action: invited}]}",
        ),
    ),
    Case("touch_crlf", touch(0, "2026-03-24", "connected", note="Fast: 1 day"), 7),
    Case("touch_bom", touch(0, "2026-03-24", "connected"), 8),
    Case("touch_no_final_newline", touch(0, "2026-03-24", "connected"), 7),
    Case("touch_no_final_newline_new_key", touch(0, "2026-03-24", "connected"), 7),
    Case(
        "touch_quoted_notes",
        chain(
            *(touch(0, f"2026-01-{i + 6:02d}", "messaged", note=n) for i, n in enumerate(NOTES)),
            *(touch(1, f"2026-01-{i + 6:02d}", "messaged", note=n) for i, n in enumerate(NOTES)),
        ),
        28,
    ),
    Case(
        "person_append",
        lambda text: add_person(
            text,
            {
                "name": "Tadeusz Wójcik",
                "role": "CEO: owner",
                "linkedin": "https://www.linkedin.com/in/tadeusz-example",
                "touches": [{"date": "2026-04-01", "action": "invited", "channel": "linkedin"}],
            },
        ),
        17,
    ),
    Case(
        "person_append_block_touches",
        lambda text: add_person(
            text,
            {
                "name": "Jan Kowal",
                "messages": {"invite": "Hi {{ person.first_name }}!\nLet's connect."},
                "touches": [{"date": "2026-01-11", "action": "invited", "note": "yes"}],
            },
        ),
        9,
    ),
    Case(
        "person_no_people",
        lambda text: add_person(text, {"name": "Olga Nowak", "role": "Plant Manager"}),
        9,
    ),
    Case(
        "person_empty_people",
        lambda text: add_person(text, {"name": "Olga Nowak", "focus": "operations"}),
        4,
        changed=("people: []   # none yet",),
    ),
    Case(
        "fields_block",
        lambda text: set_person_fields(
            text,
            0,
            {"email": "robert@odra.example", "linkedin": "https://www.linkedin.com/in/robert"},
        ),
        7,
    ),
    Case(
        "fields_no_anchor",
        lambda text: set_person_fields(text, 1, {"email": "agnieszka@odra.example"}),
        12,
    ),
    Case(
        "fields_flow_person",
        chain(
            lambda text: set_person_fields(text, 0, {"email": "ola@kalina.example"}),
            lambda text: set_person_fields(text, 1, {"first_name": "Adam", "country": "Poland"}),
        ),
        5,
        changed=(
            "  - {name: Ola Wrona, role: COO, touches: [{date: 2026-05-01, action: invited}]}",
            "  - {name: Adam Sowa, role: CTO}",
        ),
    ),
    Case(
        "set_block_person",
        chain(
            lambda text: set_fields(
                text,
                ("people", 0),
                {
                    "role": "Managing Director",
                    "linkedin": "https://www.linkedin.com/in/robert-lis",
                    "email": "robert@odra.example",
                    "hook": "We both studied in Opole",
                    "country": "Poland",
                },
                PERSON_KEYS,
            ),
            lambda text: set_fields(
                text, ("people", 1), {"email": "aga@odra.example", "first_name": "Aga"}, PERSON_KEYS
            ),
        ),
        18,
        changed=(
            "    role: Plant Manager          # since 2024",
            "    email: old@odra.example      # private?",
            "    hook: >",
            "      We both studied",
            "      in Opole",
            "    email:",
        ),
    ),
    Case(
        "set_flow_person",
        chain(
            lambda text: set_fields(
                text,
                ("people", 0),
                {"role": "Chief Operating Officer", "email": "ola@kalina.example"},
                PERSON_KEYS,
            ),
            lambda text: set_fields(
                text, ("people", 1), {"hook": "Met at the fair: stand 4"}, PERSON_KEYS
            ),
        ),
        5,
        changed=(
            "  - {name: Ola Wrona, role: COO, touches: [{date: 2026-05-01, action: invited}]}   "
            "# met at the fair",
            "  - {name: Adam Sowa}",
        ),
    ),
    Case(
        "remove_fields_person",
        chain(
            lambda text: remove_fields(text, ("people", 0), ("hook", "email")),
            lambda text: remove_fields(text, ("people", 1), ("email",)),
        ),
        7,
        changed=(
            "    email: old@odra.example      # private?",
            "    hook: >",
            "      We both studied",
            "      in Opole",
            "  - {name: Adam Sowa, role: CTO, email: adam@odra.example}",
        ),
    ),
    Case(
        "me_set_remove",
        chain(
            lambda text: set_fields(
                text,
                ("me",),
                {"name": "Marta Kowalska", "goal": "Head of Logistics at a 3PL by 2029"},
                ("name", "headline", "goal", "location", "country", "linkedin", "email"),
            ),
            lambda text: remove_fields(text, ("me",), ("email", "country")),
        ),
        7,
        changed=(
            "  name: Your Name                          # as on LinkedIn",
            "  goal: The role you want in a few years   # what I want",
            "  country: Your Country                    # optional: else taken from location",
            "  email: you@example.com                   # optional",
        ),
    ),
    Case(
        "sectors_add_remove",
        chain(
            lambda text: add_item(text, ("sectors",), {"name": "Cold chain", "why": "Fast: 9%"}, 2),
            lambda text: remove_item(text, ("sectors",), 1),
        ),
        7,
        changed=("  - name: Automation",),
    ),
    Case(
        "sectors_flow",
        chain(
            lambda text: add_item(text, ("sectors",), {"name": "Cold chain"}, 2),
            lambda text: remove_item(text, ("sectors",), 0),
        ),
        2,
        changed=(
            "sectors: [{name: Battery cells}, {name: Automation}, {name: Recruitment, "
            "recruiters: true}]",
        ),
    ),
    Case(
        "company_sector",
        lambda text: set_fields(text, (), {"sector": "Heat pumps"}, COMPANY_KEYS),
        2,
        changed=('sector: "HVAC"   # the plan\'s sector',),
    ),
    Case(
        "inbound_empty",
        lambda text: add_inbound(
            text, {"date": "2026-02-01", "who": "Anna Lis", "channel": "email", "relevance": 3}
        ),
        1,
    ),
    Case(
        "inbound_comments_only",
        lambda text: add_inbound(
            text,
            {"date": "2026-02-01", "who": "Anna Lis", "about": "#LogisticsDays", "relevance": 2},
        ),
        3,
    ),
    Case(
        "inbound_flow_empty",
        lambda text: add_inbound(text, {"date": "2026-02-01", "who": "Anna Lis"}),
        2,
        changed=("[]",),
    ),
    Case(
        "inbound_middle",
        lambda text: add_inbound(
            text,
            {
                "date": "2026-03-02",
                "who": "Katharina Richter",
                "company": "Oderbrücke Personalberatung",
                "channel": "linkedin",
                "about": "Plant director, Legnica: 2027",
                "relevance": 4,
            },
        ),
        9,
    ),
    Case(
        "inbound_first",
        lambda text: add_inbound(text, {"date": "2025-12-30", "who": "Ewa Nowak", "relevance": 5}),
        1,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_golden(case: Case) -> None:
    folder = EDITS / case.name
    before = read(folder / "before.yaml")
    edit = case.edit(before)
    if UPDATE:
        (folder / "after.yaml").write_bytes(edit.text.encode("utf-8"))
    assert edit.text == read(folder / "after.yaml")
    assert edit.line == case.line
    assert keeps_lines(before, edit.text, case.changed)


def test_every_fixture_folder_has_a_case() -> None:
    folders = {path.name for path in EDITS.iterdir() if path.is_dir()}
    assert folders == {case.name for case in CASES} | {"company_file"}


def test_crlf_stays_crlf_and_bom_stays() -> None:
    crlf = add_touch(
        read(EDITS / "touch_crlf" / "before.yaml"), 1, {"date": "2026-04-01", "action": "invited"}
    ).text
    assert crlf.count("\n") == crlf.count("\r\n")
    bom = read(EDITS / "touch_bom" / "before.yaml")
    assert add_person(bom, {"name": "Anna"}).text.startswith("\ufeff# with a byte-order mark\n")


def test_company_file() -> None:
    company = {
        "people": [
            {
                "touches": [
                    {"note": "At the fair: stand 4", "action": "met", "date": "2026-05-01"}
                ],
                "name": "Ola Wrona",
                "messages": {"invite": "Hi {{ person.first_name }}!"},
                "focus": "operations",
            },
            {"name": "Adam Sowa", "email": "adam@kalina.example"},
        ],
        "priority": 2,
        "why": "New plant near Wrocław; needs a plant manager",
        "name": "Kalina Home",
        "sector": "Appliances",
        "website": "https://kalina.example",
        "country": "Poland",
    }
    text = company_file(company)
    after = EDITS / "company_file" / "after.yaml"
    if UPDATE:
        after.write_bytes(text.encode("utf-8"))
    assert text == read(after)
    assert data(text) == company


# ---------------------------------------------------------------- refusals

ODRA = read(EDITS / "touch_flow_comments_middle" / "before.yaml")


def refusal(call: Callable[[], object]) -> str:
    with pytest.raises(EditRefused) as info:
        call()
    return str(info.value)


def test_person_out_of_range() -> None:
    new = {"date": "2026-04-01", "action": "invited"}
    assert refusal(lambda: add_touch(ODRA, 4, new)) == "people[4] does not exist in this file"
    assert refusal(lambda: add_touch(ODRA, -1, new)) == "people[-1] does not exist in this file"
    assert refusal(lambda: set_person_fields(ODRA, 2, {"email": "a@b.example"})) == (
        "people[2] does not exist in this file"
    )


def test_not_yaml() -> None:
    broken = "name: Odra\npeople: [\n  - name: x\n"
    assert refusal(lambda: add_touch(broken, 0, {"date": "2026-04-01", "action": "invited"})) == (
        "the file is not valid YAML (line 3: a value is missing here: after a comma, or a [ or { "
        "that is never closed)"
    )
    assert refusal(lambda: add_inbound("a: b: c\n", {"date": "2026-04-01", "who": "X"})) == (
        "the file is not valid YAML (line 1: a colon followed by a space inside a value; YAML "
        'reads it as a new key. Put the text in quotes: a: "b: c")'
    )


def test_key_already_present() -> None:
    assert refusal(lambda: set_person_fields(ODRA, 0, {"linkedin": "https://x.example"})) == (
        "people[0] already has the key 'linkedin'"
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: add_touch("name: X\n", 0, {"date": "2026-01-01", "action": "met"}),
            "this file has no people list",
        ),
        (
            lambda: add_touch("people: 3\n", 0, {"date": "2026-01-01", "action": "met"}),
            "people is not a list in this file",
        ),
        (
            lambda: add_touch("people: [3]\n", 0, {"date": "2026-01-01", "action": "met"}),
            "people[0] is not a mapping",
        ),
        (
            lambda: add_touch("- 1\n", 0, {"date": "2026-01-01", "action": "met"}),
            "this file does not hold a company mapping",
        ),
        (lambda: add_touch(ODRA, 0, {"date": "2026-01-01"}), "a touch needs a date and an action"),
        (
            lambda: add_touch(ODRA, 0, {"date": "2026-01-01", "action": "met", "mood": "good"}),
            "a touch cannot have the key 'mood'",
        ),
        (
            lambda: add_touch(
                "people:\n  - name: X\n    touches: 4\n", 0, {"date": "2026-01-01", "action": "met"}
            ),
            "people[0] has touches that are not a list",
        ),
        (
            lambda: add_person("people: {a: 1}\n", {"name": "X"}),
            "people is not a list in this file",
        ),
        (lambda: add_person("name: X\n", {}), "a new person needs at least one field"),
        (lambda: set_person_fields(ODRA, 0, {}), "there are no fields to add"),
        (
            lambda: set_person_fields(ODRA, 0, {"touches": "x"}),
            "a person's field cannot have the key 'touches'",
        ),
        (
            lambda: add_inbound("name: X\n", {"date": "2026-01-01", "who": "X"}),
            "the file does not hold a list of inbound entries",
        ),
        (
            lambda: add_inbound("", {"date": "2026-01-01", "who": "X", "relevance": "3"}),
            "the value of 'relevance' must be a whole number",
        ),
        (lambda: add_inbound("", {"who": "X"}), "an inbound entry needs a date"),
        (lambda: company_file({"sector": "X"}), "a company needs a name"),
    ],
)
def test_other_refusals(call: Callable[[], object], message: str) -> None:
    assert refusal(call) == message


SECTORS = read(EDITS / "sectors_add_remove" / "before.yaml")
ROBERT = read(EDITS / "set_block_person" / "before.yaml")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: set_fields(ROBERT, ("people", 0), {}, PERSON_KEYS), "there is nothing to set"),
        (
            lambda: set_fields(ROBERT, ("people", 0), {"mood": "good"}, PERSON_KEYS),
            "this mapping cannot have the key 'mood'",
        ),
        (
            lambda: set_fields(ROBERT, ("people", 0), {"touches": "none"}, PERSON_KEYS),
            "the value of 'touches' is not text",
        ),
        (
            lambda: set_fields(ROBERT, ("people", 5), {"role": "x"}, PERSON_KEYS),
            "there is no item 5 here",
        ),
        (
            lambda: set_fields("me: &m {name: A}\nyou: *m\n", ("you",), {"name": "B"}, ("name",)),
            "line 1: an alias (*name) repeats a value written elsewhere; plans do not use "
            "anchors and aliases: write the value out",
        ),
        (
            lambda: remove_fields(ROBERT, ("people", 0), ("name",)),
            "'name' starts a list item; remove the whole item instead",
        ),
        (
            lambda: remove_fields(ROBERT, ("people", 1), ("hook",)),
            "there is no hook to remove",
        ),
        (lambda: remove_item(SECTORS, ("sectors",), 3), "there is no item 3 to remove"),
        (lambda: remove_item(SECTORS, ("me",), 0), "me is not a list"),
        (
            lambda: add_item(SECTORS, ("sectors",), {"name": ["x"]}),
            "the value of 'name' must be text, a number or true/false",
        ),
    ],
)
def test_setting_and_removing_refusals(call: Callable[[], object], message: str) -> None:
    assert refusal(call) == message


@given(st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1))
def test_any_value_set_reads_back_and_keeps_every_other_line(value: str) -> None:
    for where in (("people", 0), ("people", 1)):
        edit = set_fields(ROBERT, where, {"role": value, "hook": value}, PERSON_KEYS)
        person = data(edit.text)["people"][where[1]]
        assert person["role"] == value and person["hook"] == value
        assert keeps_lines(
            ROBERT,
            edit.text,
            (
                "    role: Plant Manager          # since 2024",
                "    role: HR",
                "    hook: >",
                "      We both studied",
                "      in Opole",
            ),
        )


def test_an_alias_of_a_list_is_refused_as_check_refuses_it() -> None:
    # An alias shares one list between two people: adding to one would change both.
    shared = "people:\n  - name: A\n    touches: &t\n      - {date: 2026-01-01, action: met}\n  - name: B\n    touches: *t\n"
    message = refusal(lambda: add_touch(shared, 0, {"date": "2026-02-01", "action": "met"}))
    assert message == (
        "line 3: an alias (*name) repeats a value written elsewhere; plans do not use anchors "
        "and aliases: write the value out"
    )


def test_never_returns_text_that_reads_back_differently(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.editing import yaml_edit

    def misplaced(src: Any, node: Any, k: int, fields: Any) -> tuple[str, int]:
        return src.body.replace("role: Plant Manager", "role: Plant Director"), 0

    monkeypatch.setattr(yaml_edit, "_put_touch", misplaced)
    message = refusal(lambda: add_touch(ODRA, 0, {"date": "2026-02-01", "action": "met"}))
    assert message == "the new text would not read back as the same data"


# ---------------------------------------------------------------- format_scalar


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Plant Manager", "Plant Manager"),
        ("Wrocław", "Wrocław"),
        ("https://www.linkedin.com/in/x", "https://www.linkedin.com/in/x"),
        ("Short call; on hold", "Short call; on hold"),
        ("2026-03-23", "2026-03-23"),
        ("2026-02-30", '"2026-02-30"'),
        ("2026-3-5", "2026-3-5"),
        (
            "Coffee in Stary Browar: she knows the hub",
            '"Coffee in Stary Browar: she knows the hub"',
        ),
        ("#LogisticsDays", '"#LogisticsDays"'),
        ("C# or F#", "C# or F#"),
        ("a #tag", '"a #tag"'),
        ("see #5", '"see #5"'),
        ('He said "hi"', 'He said "hi"'),
        ('"hi" he said', '"\\"hi\\" he said"'),
        ("back\\slash", "back\\slash"),
        ("yes", '"yes"'),
        ("NO", '"NO"'),
        ("on", '"on"'),
        ("~", '"~"'),
        ("null", '"null"'),
        ("010", '"010"'),
        ("1e3", '"1e3"'),
        ("12:30", '"12:30"'),
        ("0x1F", '"0x1F"'),
        (".inf", '".inf"'),
        ("", '""'),
        (" padded", '" padded"'),
        ("ends:", '"ends:"'),
        ("- dash", '"- dash"'),
        ("line\nbreak", '"line\\nbreak"'),
        ("tab\there", '"tab\\there"'),
        ("bell\x07", '"bell\\x07"'),
        ("nbsp\xa0x", '"nbsp\\xA0x"'),
        ("sep\u2028x", '"sep\\u2028x"'),
        (3, "3"),
        (True, "true"),
        (False, "false"),
    ],
)
def test_format_scalar(value: object, written: str) -> None:
    assert format_scalar(value) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Hi, again", '"Hi, again"'),
        ("a[1]", '"a[1]"'),
        ("{x}", '"{x}"'),
        ("a?b", '"a?b"'),  # plain in a block, a key inside braces
        ("Plant Manager", "Plant Manager"),
    ],
)
def test_format_scalar_in_flow(value: str, written: str) -> None:
    assert format_scalar(value, flow=True) == written


def test_format_scalar_refuses_other_types() -> None:
    with pytest.raises(TypeError, match=r"^cannot write a float as a YAML scalar$"):
        format_scalar(1.5)


def reads_back(document: str, value: str) -> bool:
    ruamel = YAML(typ="rt").load(document)
    pyyaml = yaml.safe_load(document)
    return all(
        isinstance(d, dict) and d["k"] == value and isinstance(d["k"], str)
        for d in (ruamel, pyyaml)
    )


TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs")))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_reads_back(value: str) -> None:
    assume(DATE.fullmatch(value) is None)
    assert reads_back(f"k: {format_scalar(value)}\n", value)
    assert reads_back(f"{{k: {format_scalar(value, flow=True)}}}\n", value)


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_control_characters_are_escaped(value: str) -> None:
    assume(DATE.fullmatch(value) is None)
    assert reads_back(f"k: {format_scalar(value)}\n", value)


@settings(max_examples=50, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)))
def test_dates_are_plain_and_read_back_as_text(date: dt.date) -> None:
    written = format_scalar(date.isoformat())
    assert written == date.isoformat()
    assert data(f"k: {written}\n") == {"k": date.isoformat()}


# ---------------------------------------------------------------- random edit sequences

BASE_FLOW = read(EDITS / "touch_flow_comments_middle" / "before.yaml")
BASE_BLOCK = read(EDITS / "touch_indent3" / "before.yaml")
BASE_MIXED = """\
# Kalina Home
name: Kalina Home   # trading name
sector: Appliances
people:
- name: Ola Wrona
  role: COO   # since 2024
  # touches come later
- name: Adam Sowa
  touches:
  # first
  - date: 2026-05-01
    action: invited

  - {date: 2026-05-09, action: connected, note: "Quick: one day"}
# the end
"""
BASE_CRLF = BASE_FLOW.replace("\n", "\r\n")
BASES = [BASE_FLOW, BASE_BLOCK, BASE_MIXED, BASE_CRLF]

NOTE = st.text(st.sampled_from(list("ab Zź:#,\"'{}[]-?!ółŁ")), max_size=12)
TOUCH = st.builds(
    lambda date, action, note: (
        {"date": date.isoformat(), "action": action} | ({} if note is None else {"note": note})
    ),
    st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
    st.sampled_from(["invited", "connected", "messaged", "replied", "met"]),
    st.none() | NOTE,
)
STEP = st.one_of(
    st.tuples(st.just("touch"), st.integers(0, 50), TOUCH),
    st.tuples(
        st.just("person"),
        st.text(st.sampled_from(list("Anna Łódź:#")), min_size=1, max_size=10),
        st.lists(TOUCH, max_size=2),
    ),
)


def expected_touches(touches: list[dict[str, str]], new: dict[str, str]) -> list[dict[str, str]]:
    earlier = [i + 1 for i, t in enumerate(touches) if t["date"] <= new["date"]]
    at = earlier[-1] if earlier else 0
    return [*touches[:at], new, *touches[at:]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(BASES), st.lists(STEP, max_size=8))
def test_random_edit_sequences(base: str, steps: list[tuple[Any, ...]]) -> None:
    text, model = base, plain(data(base))
    for kind, target, payload in steps:
        people = model["people"]
        if kind == "touch":
            index = target % len(people)
            text = add_touch(text, index, payload).text
            people[index]["touches"] = expected_touches(people[index].get("touches") or [], payload)
        else:
            person = {"name": target} | ({"touches": payload} if payload else {})
            text = add_person(text, person).text
            people.append(person)
    assert keeps_lines(base, text)
    assert plain(data(text)) == model
    if "\r\n" in base:
        assert text.count("\n") == text.count("\r\n")


def plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


BLOCK_HOOK = (
    "name: Kessel\nsector: A\npeople:\n  - name: Ada Kral\n    hook: {header}\n"
    "      first line\n      second line\n\n\n# a comment\n"
)


@pytest.mark.parametrize(
    ("header", "kept"),
    [("|", False), ("|-", False), ("|+", True), (">", False), (">+", True), ("|2+", True)],
)
def test_an_edit_after_a_block_scalar_keeps_its_trailing_blank_lines_where_they_belong(
    header: str, kept: bool
) -> None:
    """The blank lines after a block scalar are its own only under keep chomping (`+`):
    then the new person goes after them, else before them."""
    before = BLOCK_HOOK.format(header=header)
    edit = add_person(before, {"name": "Bo Lind"})
    head = f"name: Kessel\nsector: A\npeople:\n  - name: Ada Kral\n    hook: {header}\n"
    body = "      first line\n      second line\n"
    if kept:
        assert edit.text == head + body + "\n\n  - name: Bo Lind\n# a comment\n"
        assert edit.line == 10
    else:
        assert edit.text == head + body + "  - name: Bo Lind\n\n\n# a comment\n"
        assert edit.line == 8
    assert data(edit.text)["people"][0]["hook"] == data(before)["people"][0]["hook"]


@pytest.mark.parametrize("header", ["|", "|+"])
def test_an_edit_after_a_block_scalar_at_the_end_of_the_file(header: str) -> None:
    before = (
        f"name: Kessel\nsector: A\npeople:\n  - name: Ada Kral\n    hook: {header}\n      one\n"
    )
    edit = add_person(before, {"name": "Bo Lind"})
    assert edit.text == before + "  - name: Bo Lind\n"


FLOW_SECTORS = "sectors: [{name: A}, {name: B}, {name: C}]  # three\nme: {name: X}\n"
BLOCK_SECTORS = "sectors:\n  - name: A\n  - name: B\n\n  - name: C\nme: {name: X}\n"
UNINDENTED_SECTORS = "sectors:\n- name: A\n  why: a\n- name: B\nme: {name: X}\n"
NEW_SECTOR = {"name": "N", "recruiters": True}


@pytest.mark.parametrize(
    ("before", "index", "after", "line"),
    [
        (FLOW_SECTORS, 0, "sectors: [{name: B}, {name: C}]  # three\nme: {name: X}\n", 1),
        (FLOW_SECTORS, 1, "sectors: [{name: A}, {name: C}]  # three\nme: {name: X}\n", 1),
        (FLOW_SECTORS, 2, "sectors: [{name: A}, {name: B}]  # three\nme: {name: X}\n", 1),
        (BLOCK_SECTORS, 0, "sectors:\n  - name: B\n\n  - name: C\nme: {name: X}\n", 2),
        (BLOCK_SECTORS, 1, "sectors:\n  - name: A\n\n  - name: C\nme: {name: X}\n", 4),
        (BLOCK_SECTORS, 2, "sectors:\n  - name: A\n  - name: B\nme: {name: X}\n", 4),
        (UNINDENTED_SECTORS, 0, "sectors:\n- name: B\nme: {name: X}\n", 2),
        (UNINDENTED_SECTORS, 1, "sectors:\n- name: A\n  why: a\nme: {name: X}\n", 4),
    ],
)
def test_remove_item_whole_files(before: str, index: int, after: str, line: int) -> None:
    edit = remove_item(before, ("sectors",), index)
    assert (edit.text, edit.line) == (after, line)


@pytest.mark.parametrize(
    ("before", "index", "after", "line"),
    [
        (
            FLOW_SECTORS,
            0,
            "sectors: [{name: N, recruiters: true}, {name: A}, {name: B}, {name: C}]  # three\n"
            "me: {name: X}\n",
            1,
        ),
        (
            FLOW_SECTORS,
            None,
            "sectors: [{name: A}, {name: B}, {name: C}, {name: N, recruiters: true}]  # three\n"
            "me: {name: X}\n",
            1,
        ),
        (
            BLOCK_SECTORS,
            0,
            "sectors:\n  - name: N\n    recruiters: true\n  - name: A\n  - name: B\n\n"
            "  - name: C\nme: {name: X}\n",
            2,
        ),
        (
            BLOCK_SECTORS,
            1,
            "sectors:\n  - name: A\n  - name: N\n    recruiters: true\n  - name: B\n\n"
            "  - name: C\nme: {name: X}\n",
            3,
        ),
        (
            BLOCK_SECTORS,
            None,
            "sectors:\n  - name: A\n  - name: B\n\n  - name: C\n  - name: N\n"
            "    recruiters: true\nme: {name: X}\n",
            6,
        ),
        (
            UNINDENTED_SECTORS,
            1,
            "sectors:\n- name: A\n  why: a\n- name: N\n  recruiters: true\n- name: B\n"
            "me: {name: X}\n",
            4,
        ),
    ],
)
def test_add_item_whole_files(before: str, index: int | None, after: str, line: int) -> None:
    edit = add_item(before, ("sectors",), NEW_SECTOR, index)
    assert (edit.text, edit.line) == (after, line)


def test_a_person_added_to_a_flow_list_of_people_stays_on_its_line() -> None:
    before = "name: Kessel\nsector: A\npeople: [{name: Ada Kral}]  # the team\n"
    edit = add_person(
        before, {"name": "Bo Lind", "touches": [{"date": "2026-11-02", "action": "invited"}]}
    )
    assert edit.text == (
        "name: Kessel\nsector: A\npeople: [{name: Ada Kral}, {name: Bo Lind, touches: "
        "[{date: 2026-11-02, action: invited}]}]  # the team\n"
    )
    assert edit.line == 3


@pytest.mark.parametrize(
    ("date", "after"),
    [
        ("2026-11-02", "[{date: 2026-11-01, who: A}, {date: 2026-11-02, who: B}]\n"),
        ("2026-10-02", "[{date: 2026-10-02, who: B}, {date: 2026-11-01, who: A}]\n"),
    ],
)
def test_an_inbound_entry_added_to_a_flow_list_goes_by_its_date(date: str, after: str) -> None:
    edit = add_inbound("[{date: 2026-11-01, who: A}]\n", {"date": date, "who": "B"})
    assert (edit.text, edit.line) == (after, 1)


@pytest.mark.parametrize(
    ("before", "after", "line"),
    [
        ("sectors: []\nme: {name: X}\n", "sectors:\n  - name: N\nme: {name: X}\n", 2),
        (
            "sectors: []  # none\nme: {name: X}\n",
            "sectors:  # none\n  - name: N\nme: {name: X}\n",
            2,
        ),
        ("me:\n  name: X\nsectors: []\n", "me:\n  name: X\nsectors:\n  - name: N\n", 4),
    ],
)
def test_an_item_added_to_an_empty_list_starts_a_block(before: str, after: str, line: int) -> None:
    edit = add_item(before, ("sectors",), {"name": "N"})
    assert (edit.text, edit.line) == (after, line)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda: add_item("me: {name: X}\n", ("sectors",), {"name": "N"}),
            "there is no 'sectors' here",
        ),
        (
            lambda: add_item("sectors:\n  - name: A\n", ("sectors", 0, "x"), {"name": "N"}),
            "there is no 'x' here",
        ),
        (
            lambda: add_item("sectors:\n  - name: A\n", ("sectors", 1), {"name": "N"}),
            "there is no item 1 here",
        ),
        (lambda: remove_item("sectors: {a: 1}\n", ("sectors",), 0), "sectors is not a list"),
        (lambda: add_item("sectors: 5\n", ("sectors",), {"name": "N"}), "sectors is not a list"),
        (lambda: add_item("{a: 1}\n", (), {"name": "N"}), "the file is not a list"),
        (
            lambda: add_item("sectors: [a]\n", ("sectors", 0), {"name": "N"}),
            "sectors.0 is not a list",
        ),
    ],
)
def test_edits_refused_where_the_path_leads_nowhere(edit: Callable[[], Edit], message: str) -> None:
    with pytest.raises(EditRefused) as refused:
        edit()
    assert str(refused.value) == message


# ---------------------------------------------------------------- what each refusal says

NEW_TOUCH = {"date": "2026-01-01", "action": "met"}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: add_person("- 1\n", {"name": "X"}), "this file does not hold a company mapping"),
        (lambda: add_person("people: 3\n", {"name": "X"}), "people is not a list in this file"),
        (lambda: add_person("name: X\n", {"mood": "x"}), "a person cannot have the key 'mood'"),
        (lambda: add_person("name: X\n", {"name": 3}), "the value of 'name' must be text"),
        (
            lambda: add_person("name: X\n", {"name": "Y", "messages": "hi"}),
            "messages must be a mapping",
        ),
        (
            lambda: add_person("name: X\n", {"name": "Y", "messages": {"invite": 3}}),
            "the value of 'messages.invite' must be text",
        ),
        (
            lambda: add_person("name: X\n", {"name": "Y", "touches": [3]}),
            "each touch must be a mapping",
        ),
        (
            lambda: add_person("name: X\n", {"name": "Y", "touches": "x"}),
            "a list of values was expected",
        ),
        (
            lambda: add_touch("people:\n  - name: X\n", 0, {**NEW_TOUCH, "action": 3}),
            "the value of 'action' must be text",
        ),
        (
            lambda: set_person_fields(ODRA, 0, {"email": 3}),  # type: ignore[dict-item]
            "the value of 'email' must be text",
        ),
        (
            lambda: add_inbound("3\n", {"date": "2026-01-01", "who": "X"}),
            "the file does not hold a list of inbound entries",
        ),
        (
            lambda: add_inbound("", {"date": "2026-01-01", "mood": "x"}),
            "an inbound entry cannot have the key 'mood'",
        ),
        (lambda: company_file({"name": "X", "mood": "x"}), "a company cannot have the key 'mood'"),
        (lambda: company_file({"name": "X", "people": "Anna"}), "a list of values was expected"),
        (lambda: company_file({"name": "X", "people": ["Anna"]}), "each person must be a mapping"),
        (
            lambda: set_fields("me: {name: A}\n", ("me",), {"name": ["x"]}, ("name",)),
            "the value of 'name' must be text, a number or true/false",
        ),
        (
            lambda: remove_fields("me: {name: A}\n", ("me",), ("role", "hook")),
            "there is no role or hook to remove",
        ),
        (
            lambda: add_item("a: &n ~\nsectors: *n\n", ("sectors",), {"name": "x"}),
            "the value is an alias (*name) of another one; edit it by hand",
        ),
    ],
)
def test_each_refusal_says_why(call: Callable[[], object], message: str) -> None:
    assert refusal(call) == message


def test_set_person_fields_takes_every_key_but_messages_and_touches() -> None:
    hook = set_person_fields("people:\n  - name: X\n", 0, {"hook": "Met at the fair"})
    assert hook.text == "people:\n  - name: X\n    hook: Met at the fair\n"
    assert refusal(lambda: set_person_fields(ODRA, 0, {"messages": "x"})) == (
        "a person's field cannot have the key 'messages'"
    )


def test_a_missing_key_before_a_present_one_still_removes_the_present_one() -> None:
    edit = remove_fields("me:\n  name: A\n  role: B\n", ("me",), ("hook", "role"))
    assert edit == Edit("me:\n  name: A\n", 3)


def test_the_line_of_several_fields_set_is_the_first_that_changed() -> None:
    text = "me:\n  name: A\n  role: B\n  email: a-very-long-address-indeed@example.org\n"
    edit = set_fields(text, ("me",), {"name": "Zed", "email": "z@x.org"}, ("name", "role", "email"))
    assert edit == Edit("me:\n  name: Zed\n  role: B\n  email: z@x.org\n", 2)
    later = set_fields(text, ("me",), {"role": "C", "email": "z@x.org"}, ("role", "email"))
    assert later == Edit("me:\n  name: A\n  role: C\n  email: z@x.org\n", 3)


def test_a_value_set_in_a_flow_mapping_is_quoted_as_flow_needs() -> None:
    edit = set_fields("me: {name: A}\n", ("me",), {"name": "a, b"}, ("name",))
    assert edit.text == 'me: {name: "a, b"}\n'


@pytest.mark.parametrize(
    ("edit", "after", "line"),
    [
        (
            lambda: add_touch("people:\n  - {name: X, touches: []}\n", 0, NEW_TOUCH),
            "people:\n  - {name: X, touches: [{date: 2026-01-01, action: met}]}\n",
            2,
        ),
        (lambda: add_item("[]\n", (), {"name": "N"}), "[{name: N}]\n", 1),
        (
            lambda: set_fields("me: {}\n", ("me",), {"name": "A"}, ("name",)),
            "me: {name: A}\n",
            1,
        ),
        (
            lambda: set_person_fields("people:\n  - {}\n", 0, {"role": "A"}),
            "people:\n  - {role: A}\n",
            2,
        ),
        (
            lambda: add_touch("people:\n  - &p\n    name: X\n", 0, NEW_TOUCH),
            "people:\n  - &p\n    name: X\n    touches:\n      - date: 2026-01-01\n"
            "        action: met\n",
            5,
        ),
        (
            lambda: set_fields("me:\n  name:\n  role: B\n", ("me",), {"name": "A"}, ("name",)),
            "me:\n  name: A\n  role: B\n",
            2,
        ),
        (
            lambda: set_fields(
                "me:\n  hook: |\n    long text\n", ("me",), {"hook": "s"}, ("hook",)
            ),
            "me:\n  hook: s\n",
            2,
        ),
        (
            lambda: set_fields("me:\n  hook: |\n    long text", ("me",), {"hook": "s"}, ("hook",)),
            "me:\n  hook: s",
            2,
        ),
        (
            lambda: set_fields("me:\r  hook: |\r    long\r", ("me",), {"hook": "s"}, ("hook",)),
            "me:\r  hook: s\r",
            2,
        ),
        (
            lambda: set_fields(
                'me:\n  name: "a\n    b"   # c\n', ("me",), {"name": "Z"}, ("name",)
            ),
            "me:\n  name: Z   # c\n",
            2,
        ),
        (
            lambda: set_fields(
                "me:\n  hook: >\n    long text\n  name: A\n", ("me",), {"hook": "s"}, ("hook",)
            ),
            "me:\n  hook: s\n  name: A\n",
            2,
        ),
        (lambda: add_person("{name: X}\n", {"name": "Y"}), "{name: X, people: [{name: Y}]}\n", 1),
        (
            lambda: add_person("{name: X, people: [{name: A}]}\n", {"name": "Y"}),
            "{name: X, people: [{name: A}, {name: Y}]}\n",
            1,
        ),
        (
            lambda: add_person("{name: X, people: ~}\n", {"name": "Y"}),
            "{name: X, people: [{name: Y}]}\n",
            1,
        ),
        (lambda: remove_item("s: [a, b, c]\n", ("s",), 1), "s: [a, c]\n", 1),
        (lambda: remove_item("s: [a, b, c]\n", ("s",), 2), "s: [a, b]\n", 1),
        (lambda: remove_item("s: [a, b]\n", ("s",), 0), "s: [b]\n", 1),
        (lambda: remove_item("s: [a]\n", ("s",), 0), "s: []\n", 1),
        (lambda: remove_item("s:\n  - a\n\n  - b", ("s",), 1), "s:\n  - a\n", 2),
        (lambda: remove_item("s:\r\n  - a\r\n\r\n  - b\r\n", ("s",), 1), "s:\r\n  - a\r\n", 2),
        (lambda: remove_item("\n- a\n- b\n", (), 0), "- b\n", 1),
        (lambda: add_person("name: X\r", {"name": "Y"}), "name: X\rpeople:\r  - name: Y\r", 3),
        (
            lambda: add_person(
                "people:\n  - {name: A}\n", {"name": "Y", "touches": [NEW_TOUCH] * 2}
            ),
            "people:\n  - {name: A}\n  - {name: Y, touches: [{date: 2026-01-01, action: met}, "
            "{date: 2026-01-01, action: met}]}\n",
            3,
        ),
    ],
)
def test_edits_at_the_edges_of_the_yaml_grammar(
    edit: Callable[[], Edit], after: str, line: int
) -> None:
    assert edit() == Edit(after, line)


FULL_PERSON = {"name": "Y", "messages": {"invite": "Hi"}, "touches": [NEW_TOUCH]}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            " name: X\n people:\n   - name: A\n",
            " name: X\n people:\n   - name: A\n   - name: Y\n     messages:\n       invite: Hi\n"
            "     touches:\n       - date: 2026-01-01\n         action: met\n",
        ),
        (
            "people:\n  -   {name: A}\n",
            "people:\n  -   {name: A}\n"
            "  -   {name: Y, messages: {invite: Hi}, touches: [{date: 2026-01-01, action: met}]}\n",
        ),
        (
            "people:\n  -   name: A\n",
            "people:\n  -   name: A\n  -   name: Y\n      messages:\n        invite: Hi\n"
            "      touches:\n        -   date: 2026-01-01\n            action: met\n",
        ),
        (
            "people:\n- name: A\n",
            "people:\n- name: A\n- name: Y\n  messages:\n    invite: Hi\n"
            "  touches:\n  - date: 2026-01-01\n    action: met\n",
        ),
        (
            "people:\n  - name: A\n    messages:\n        invite: Hello\n",
            "people:\n  - name: A\n    messages:\n        invite: Hello\n  - name: Y\n"
            "    messages:\n        invite: Hi\n"
            "    touches:\n      - date: 2026-01-01\n        action: met\n",
        ),
        (
            "people:\n  - name: A\n    touches:\n      - {date: 2026-01-02, action: met}\n",
            "people:\n  - name: A\n    touches:\n      - {date: 2026-01-02, action: met}\n"
            "  - name: Y\n    messages:\n      invite: Hi\n"
            "    touches:\n      - {date: 2026-01-01, action: met}\n",
        ),
        (
            "people:\n  - name: A\n",
            "people:\n  - name: A\n  - name: Y\n    messages:\n      invite: Hi\n"
            "    touches:\n      - date: 2026-01-01\n        action: met\n",
        ),
    ],
)
def test_a_new_person_is_written_as_the_file_writes_people(before: str, after: str) -> None:
    assert add_person(before, FULL_PERSON).text == after


def test_a_new_company_file_writes_its_values_as_a_block_does() -> None:
    assert company_file({"name": "A, B Logistics"}) == "name: A, B Logistics\n"


def test_a_first_touch_follows_the_touches_of_a_later_person() -> None:
    before = (
        "people:\n  - name: A\n  - name: B\n    touches:\n"
        "        -   date: 2026-01-02\n            action: met\n"
    )
    after = (
        "people:\n  - name: A\n    touches:\n        -   date: 2026-01-01\n            action: met\n"
        "  - name: B\n    touches:\n        -   date: 2026-01-02\n            action: met\n"
    )
    assert add_touch(before, 0, NEW_TOUCH) == Edit(after, 4)
