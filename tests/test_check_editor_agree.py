"""`check` and the editing commands agree on every file: a file `check` accepts is one
every edit can change, and what the edit leaves `check` accepts too.

Issue 14 found files `check` passed that every edit refused (a tab after a value or
before a comment, `!!str` tags, an inbound.yaml holding only `~`). The editor now
reads with the checker's own reader, so they see the same document; these tests run
every edit on an odd-layout corpus (tests/fixtures/odd_layouts) and on layouts
hypothesis makes up, and fail on any file where the two disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.editing import yaml_edit
from generator.editing.yaml_edit import EditRefused
from generator.reading import schema
from generator.reading.files import as_text
from generator.reading.load import NOT_EDITABLE, check_text
from generator.reading.yaml_source import read_nodes

CORPUS = Path(__file__).parent / "fixtures" / "odd_layouts"
COMPANIES = sorted((CORPUS / "companies").iterdir())
INBOUND = sorted((CORPUS / "inbound").iterdir())
PLANS = sorted((CORPUS / "plan").iterdir())
ME = tuple(schema.ME.keys)
SECTOR = tuple(schema.SECTOR.keys)
DATES = ("2025-01-01", "2026-03-02", "2027-12-31")  # before, among and after the touches


def accepted(text: str, kind: str) -> Any:
    """What `check` makes of the file: its content, or None when it refuses the file
    (then no command edits it: editing starts from a plan that checks)."""
    checked = check_text(Path(f"{kind}.yaml"), as_text(text), kind)
    if any(problem.is_error for problem in checked.problems) or checked.content is None:
        return None
    return checked.content


def warned(text: str, kind: str) -> bool:
    """Whether `check` warns that the editing commands cannot change part of the file."""
    problems = check_text(Path(f"{kind}.yaml"), as_text(text), kind).problems
    return any(NOT_EDITABLE in problem.message for problem in problems)


Edit = Callable[[str], yaml_edit.Edit]


def edits(text: str, kind: str) -> list[tuple[str, Edit]]:
    """Every edit a command can make to this file."""
    if kind == "plan":
        return plan_edits(text)
    if kind == "inbound":
        entry = {"who": "Nia Nowa", "relevance": 3}
        return [
            (f"inbound on {day}", partial(yaml_edit.add_inbound, entry={**entry, "date": day}))
            for day in DATES
        ]
    data = read_nodes(text.removeprefix("\ufeff"))[1]
    found: list[tuple[str, Edit]] = [
        ("add person", partial(yaml_edit.add_person, person={"name": "Nia Nowa", "focus": "hr"})),
        ("rename the sector", partial(_set, where=(), values={"sector": "Robots"})),
    ]
    for index, person in enumerate(data.get("people") or []):
        for day in DATES:
            touch = {"date": day, "action": "met", "note": "Coffee: at the fair"}
            found.append((f"touch {index} {day}", partial(_add_touch, index=index, touch=touch)))
        missing = {"email": "nia@example.com", "role": "Lead"}
        missing = {key: value for key, value in missing.items() if key not in person}
        if missing:
            found.append((f"fields {index}", partial(_set_fields, index=index, values=missing)))
        where = ("people", index)
        values = {"role": "Head of Quality", "hook": "Met: at the fair"}
        found.append((f"set {index}", partial(_set, where=where, values=values)))
        if "role" in person:
            found.append((f"clear role {index}", partial(_clear, where=where, keys=("role",))))
    return found


def _set(text: str, where: tuple[str | int, ...], values: dict[str, str]) -> yaml_edit.Edit:
    keys = yaml_edit.PERSON_KEYS if where else yaml_edit.COMPANY_KEYS
    return yaml_edit.set_fields(text, where, values, keys)


def _clear(text: str, where: tuple[str | int, ...], keys: tuple[str, ...]) -> yaml_edit.Edit:
    return yaml_edit.remove_fields(text, where, keys)


def plan_edits(text: str) -> list[tuple[str, Edit]]:
    """`playbook me` and the sector commands."""
    sectors = len(read_nodes(text.removeprefix("\ufeff"))[1]["sectors"])
    me = {"name": "Nia Nowa", "location": "Kraków, Poland", "goal": "Head: of quality"}
    return [
        ("me", partial(yaml_edit.set_fields, where=("me",), values=me, order=ME)),
        ("me without e-mail", partial(yaml_edit.remove_fields, where=("me",), keys=("email",))),
        ("add sector", partial(yaml_edit.add_item, where=("sectors",), item={"name": "Robots"})),
        (
            "rename sector",
            partial(
                yaml_edit.set_fields, where=("sectors", 0), values={"name": "Robots"}, order=SECTOR
            ),
        ),
        ("remove sector", partial(yaml_edit.remove_item, where=("sectors",), index=sectors - 1)),
    ]


def _add_touch(text: str, index: int, touch: dict[str, str]) -> yaml_edit.Edit:
    return yaml_edit.add_touch(text, index, touch)


def _set_fields(text: str, index: int, values: dict[str, str]) -> yaml_edit.Edit:
    return yaml_edit.set_person_fields(text, index, values)


def disagreements(text: str, kind: str) -> list[str]:
    if accepted(text, kind) is None:
        return []
    found = []
    for name, edit in edits(text, kind):
        try:
            result = edit(text)
        except EditRefused as exc:
            if not warned(text, kind):
                found.append(f"{name}: check accepts the file, the edit refuses it: {exc}")
            continue
        if accepted(result.text, kind) is None:
            found.append(f"{name}: the edit leaves a file check refuses:\n{result.text}")
    return found


@pytest.mark.parametrize("path", COMPANIES, ids=lambda p: p.name)
def test_every_edit_works_on_every_company_file_check_accepts(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert disagreements(text, "company") == []


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_every_edit_works_on_every_plan_file_check_accepts(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert accepted(text, "plan") is not None
    assert disagreements(text, "plan") == []


@pytest.mark.parametrize("path", INBOUND, ids=lambda p: p.name)
def test_every_edit_works_on_every_inbound_file_check_accepts(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    assert disagreements(text, "inbound") == []


def test_check_warns_exactly_about_the_files_with_an_alias() -> None:
    warnings = {
        path.name
        for path in [*COMPANIES, *INBOUND]
        if warned(path.read_text(encoding="utf-8"), "inbound" if path in INBOUND else "company")
    }
    assert warnings == {"anchor-alias-text.yaml"}


def test_an_anchored_value_is_refused_by_name() -> None:
    text = (CORPUS / "companies" / "anchor-alias-text.yaml").read_text(encoding="utf-8")
    for index, message in (
        (0, "the value of 'role' is repeated elsewhere by an alias (*name); edit it by hand"),
        (1, "the value of 'role' is an alias (*name); edit it by hand"),
    ):
        with pytest.raises(EditRefused) as refused:
            _set(text, ("people", index), {"role": "Lead"})
        assert str(refused.value) == message


def test_the_corpus_holds_the_constructs_of_issue_14() -> None:
    """The files the issue named are in the corpus, and check accepts them."""
    for name in ("tab-after-value", "tab-before-comment", "str-tags", "tab-after-colon"):
        text = (CORPUS / "companies" / f"{name}.yaml").read_text(encoding="utf-8")
        assert accepted(text, "company") is not None, name
    for name in ("tilde", "null-word", "tilde-with-comment"):
        text = (CORPUS / "inbound" / f"{name}.yaml").read_text(encoding="utf-8")
        assert accepted(text, "inbound") is not None, name


# ---------------------------------------------------------------- made-up layouts

_words = st.sampled_from(["Ida Berg", "Ola Lis", "Plant Manager", "Kraków", "Zażółć"])
_space = st.sampled_from(["", " ", "  ", "\t", " \t"])  # after a value, before a comment


@st.composite
def scalars(draw: st.DrawFn, text: str) -> str:
    style = draw(st.sampled_from(["plain", "single", "double", "tag"]))
    return {
        "plain": text,
        "single": f"'{text}'",
        "double": f'"{text}"',
        "tag": f"!!str {text}",
    }[style]


@st.composite
def lines_end(draw: st.DrawFn) -> str:
    """What may follow a value on its line: spaces, tabs, a comment."""
    space = draw(_space)
    if draw(st.booleans()):
        return f"{space or ' '}# note"
    return space


@st.composite
def company_files(draw: st.DrawFn) -> str:
    offset = draw(st.sampled_from([0, 2, 4]))  # from `people:` to its dashes
    gap = draw(st.sampled_from([2, 3, 4]))  # from a dash to the keys
    lines = [
        f"name: {draw(scalars('Berg Works'))}{draw(lines_end())}",
        f"sector: Automation{draw(lines_end())}",
    ]
    if draw(st.booleans()):
        lines.insert(0, "# a company of mine")
    people = draw(st.integers(0, 3))
    if people == 0:
        lines.append("people:" + draw(st.sampled_from(["", " ~", " []", " null"])))
    else:
        lines.append(f"people:{draw(lines_end())}")
    dash = " " * offset
    keys = " " * (offset + gap)
    for number in range(people):
        name = f"Person {number}"
        if draw(st.booleans()) and number:
            lines.append("")
        if draw(st.integers(0, 4)) == 0:
            lines.append(f"{dash}- {{name: {name}, focus: hr}}{draw(lines_end())}")
            continue
        lines.append(f"{dash}-{' ' * (gap - 1)}name: {draw(scalars(name))}{draw(lines_end())}")
        if draw(st.booleans()):
            lines.append(f"{keys}role: {draw(scalars(draw(_words)))}{draw(lines_end())}")
        touches = draw(st.sampled_from(["none", "empty", "null", "flow", "block", "block-flow"]))
        if touches == "empty":
            lines.append(f"{keys}touches: []")
        elif touches == "null":
            lines.append(f"{keys}touches:" + draw(st.sampled_from(["", " ~", " null"])))
        elif touches == "flow":
            lines.append(f"{keys}touches: [{{date: 2026-03-01, action: invited}}]")
        elif touches in ("block", "block-flow"):
            lines.append(f"{keys}touches:{draw(lines_end())}")
            inner = " " * (offset + gap + draw(st.sampled_from([0, 2, 4])))
            for day in ("2026-03-01", "2026-05-01")[: draw(st.integers(1, 2))]:
                if touches == "block-flow":
                    lines.append(f"{inner}- {{date: {day}, action: invited}}{draw(lines_end())}")
                else:
                    lines.append(f"{inner}- date: {day}{draw(lines_end())}")
                    lines.append(f"{inner}  action: invited{draw(lines_end())}")
    if draw(st.booleans()):
        lines.append("# the end")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    return ("\ufeff" if draw(st.booleans()) else "") + text


@st.composite
def inbound_files(draw: st.DrawFn) -> str:
    start = draw(st.sampled_from(["", "~", "null", "[]", "# log", "---", "~ # none yet"]))
    lines = [start] if start else []
    for number in range(draw(st.integers(0, 3))):
        day = f"2026-0{number + 2}-01"
        if draw(st.booleans()):
            lines.append(f"- {{date: {day}, who: {draw(_words)}}}{draw(lines_end())}")
        else:
            lines.append(f"- date: {day}{draw(lines_end())}")
            lines.append(f"  who: {draw(scalars(draw(_words)))}{draw(lines_end())}")
    if any(line.startswith("-") for line in lines):
        lines = [line for line in lines if line not in ("~", "null", "[]", "~ # none yet")]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + (newline if draw(st.booleans()) else "")


@given(company_files())
def test_check_and_editor_agree_on_made_up_company_files(text: str) -> None:
    assert disagreements(text, "company") == [], text


@given(inbound_files())
def test_check_and_editor_agree_on_made_up_inbound_files(text: str) -> None:
    assert disagreements(text, "inbound") == [], text
