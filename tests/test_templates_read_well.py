"""The shipped message templates read well for any goal: the example plan's, the one
`init` writes and the built-in ones, each with a reminder of its own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.drafts.drafts import DEFAULT_TEMPLATES
from generator.model.vocabulary import MessageKind
from tests.conftest import EXAMPLE_PLAN, TODAY
from tests.helpers import REPO

SKELETON = REPO / "generator" / "skeleton" / "plans"
GOALS = [
    "Head of Logistics at a regional 3PL by 2029",
    "supply-chain planning lead",
    "to run a plant in Germany within three years",
]


def with_goal(tmp_path: Path, plans: Path, goal: str) -> Path:
    """A copy of the plan with this goal and a company of its first sector, Ada at it."""
    copy = tmp_path / "plans"
    shutil.copytree(plans, copy)
    plan_file = copy / "plan.yaml"
    text = plan_file.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^  goal: .*$", f"  goal: {goal}", text)
    assert count == 1
    plan_file.write_text(text, encoding="utf-8")
    sector = re.search(r"(?m)^  - name: (.*)$", text)
    assert sector is not None
    (copy / "companies" / "aaa-test.yaml").write_text(
        f"name: Aaa Test\nsector: {sector.group(1)}\nwhy: Growing fast\n"
        "people: [{name: Ada Kral, linkedin: linkedin.com/in/ada-kral}]\n",
        encoding="utf-8",
    )
    return copy


@pytest.mark.parametrize("plans", [EXAMPLE_PLAN, SKELETON], ids=["example", "init"])
@pytest.mark.parametrize("goal", GOALS)
def test_the_goal_always_follows_a_colon(tmp_path: Path, plans: Path, goal: str) -> None:
    """Set off by a colon, a job title and a sentence read equally well ("My goal: to run
    a plant…"), where "My goal for the next few years is Supply-chain planning lead" did
    not."""
    plan = load_plan(with_goal(tmp_path, plans, goal), TODAY)
    person = next(p for p in plan.plan.people if p.name == "Ada Kral")
    mentions = 0
    for kind, draft in plan.drafts[person].items():
        for found in re.finditer(re.escape(goal), draft.text):
            mentions += 1
            assert draft.text[: found.start()].endswith(": "), (kind, draft.text)
    assert mentions >= 2


def test_built_in_templates_set_the_goal_off_with_a_colon() -> None:
    for kind, text in DEFAULT_TEMPLATES.items():
        for found in re.finditer(r"\{\{ me\.goal \}\}", text):
            assert text[: found.start()].endswith(": "), kind


@pytest.mark.parametrize("plans", [EXAMPLE_PLAN, SKELETON], ids=["example", "init"])
def test_every_message_kind_has_its_own_template(tmp_path: Path, plans: Path) -> None:
    """The reminder is written in the plan, in its own tone: not the keep-alive text."""
    plan = load_plan(with_goal(tmp_path, plans, GOALS[0]), TODAY)
    assert set(plan.plan.messages) == set(MessageKind)
    person = next(p for p in plan.plan.people if p.name == "Ada Kral")
    reminder = plan.drafts[person][MessageKind.REMINDER].text
    assert "How are things" not in reminder
    assert "How are things" in plan.drafts[person][MessageKind.FOLLOW_UP].text
    assert set(DEFAULT_TEMPLATES) == set(MessageKind)


@pytest.mark.parametrize("plans", [EXAMPLE_PLAN, SKELETON], ids=["example", "init"])
def test_a_name_or_goal_ending_in_a_full_stop_gets_one_stop(tmp_path: Path, plans: Path) -> None:
    copy = with_goal(tmp_path, plans, "to run a plant in Germany within three years.")
    company = copy / "companies" / "aaa-test.yaml"
    company.write_text(
        company.read_text(encoding="utf-8").replace("Aaa Test", "Frost Chain Sp. z o.o."),
        encoding="utf-8",
    )
    plan = load_plan(copy, TODAY)
    person = next(p for p in plan.plan.people if p.name == "Ada Kral")
    texts = [draft.text for draft in plan.drafts[person].values()]
    assert any("Sp. z o.o." in text for text in texts)
    assert all(not re.search(r"\w\.\.(\s|$)", text) for text in texts), texts


def test_an_ellipsis_in_a_template_stays(tmp_path: Path) -> None:
    copy = with_goal(tmp_path, SKELETON, GOALS[0])
    (copy / "companies" / "aaa-test.yaml").write_text(
        "name: Aaa Test\nsector: Your first sector\npeople:\n"
        "  - name: Ada Kral\n    linkedin: linkedin.com/in/ada-kral\n"
        "    messages: {invite: 'Hi {{ person.first_name }}... and more.. even two.'}\n",
        encoding="utf-8",
    )
    plan = load_plan(copy, TODAY)
    person = next(p for p in plan.plan.people if p.name == "Ada Kral")
    assert plan.drafts[person][MessageKind.INVITE].text == "Hi Ada... and more.. even two."
