"""`language` on a person or company, and templates per language in `messages`."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.errors import InvalidPlan
from generator.metrics.situation import Situation
from generator.model.model import Person
from generator.model.vocabulary import MessageKind
from generator.reading.fields import ISO_639_1, normal_language
from tests.conftest import TODAY
from tests.helpers import replace_in

PLAN = "plan.yaml"
VOLTA = "companies/volta-cells.yaml"

GERMAN = """  de:
    invite: |
      Hallo {{ person.first_name }}, ich bin {{ me.name }}.
    email_subject: "Vorstellung: {{ me.name }}"
    email: |
      Hallo {{ person.first_name }},

      mein Name ist {{ me.name }}.
    follow_up: |
      Hallo {{ person.first_name }}, ein kurzer Gruß.
    reminder: |
      Hallo {{ person.first_name }}, ich erinnere kurz an meine Nachricht.
"""


def add_german(plans: Path, section: str = GERMAN) -> None:
    path = plans / PLAN
    path.write_text(path.read_text(encoding="utf-8") + section, encoding="utf-8")


def person(plan: Situation, name: str, company: str = "Volta Cells") -> Person:
    people = plan.plan.people
    return next(p for p in people if p.name == name and p.company.name == company)


def problems_of(plans: Path) -> list[str]:
    with pytest.raises(InvalidPlan) as raised:
        load_plan(plans, TODAY)
    return [str(p).replace(f"{plans}/", "") for p in raised.value.problems]


def warnings_of(plan: Situation) -> list[str]:
    return [str(p).replace(f"{plan.plan.plans_dir}/", "") for p in plan.warnings]


def test_a_company_language_writes_to_its_people_in_it(small_plan: Path) -> None:
    add_german(small_plan)
    replace_in(small_plan / VOLTA, "priority: 1\n", "priority: 1\nlanguage: de\n")
    plan = load_plan(small_plan, TODAY)
    jan = person(plan, "Jan Nowak")
    assert plan.drafts[jan][MessageKind.INVITE].text == "Hallo Jan, ich bin Łucja Test."
    assert {draft.language for draft in plan.drafts[jan].values()} == {"de"}
    other = person(plan, "Åsa Lindqvist", "Nordic Robotics")
    assert plan.drafts[other][MessageKind.INVITE].text.startswith("Hi Åsa, I'm Łucja Test")
    assert plan.drafts[other][MessageKind.INVITE].language == "", (
        "the plan does not say its language"
    )


def test_a_person_language_wins_over_the_company(small_plan: Path) -> None:
    add_german(small_plan)
    replace_in(small_plan / VOLTA, "priority: 1\n", "priority: 1\nlanguage: de\n")
    replace_in(
        small_plan / VOLTA,
        "    role: HR Business Partner\n",
        "    role: HR Business Partner\n    language: en\n",
    )
    replace_in(small_plan / PLAN, "messages:\n", "messages:\n  language: en\n")
    plan = load_plan(small_plan, TODAY)
    anna = person(plan, "Anna Nowak")
    assert plan.drafts[anna][MessageKind.INVITE].text.startswith("Hi Anna, I'm Łucja Test")
    assert {draft.language for draft in plan.drafts[anna].values()} == {"en"}
    assert not [w for w in warnings_of(plan) if "written to in" in w], (
        "English people get the plan's templates, which are English"
    )


def test_a_template_left_out_comes_from_the_plan_and_is_named(small_plan: Path) -> None:
    only_invite = "  de:\n    invite: Hallo {{ person.first_name }}.\n"
    add_german(small_plan, only_invite)
    replace_in(small_plan / VOLTA, "priority: 1\n", "priority: 1\nlanguage: de\n")
    plan = load_plan(small_plan, TODAY)
    jan = person(plan, "Jan Nowak")
    assert plan.drafts[jan][MessageKind.INVITE].language == "de"
    assert plan.drafts[jan][MessageKind.FOLLOW_UP].text == "Hi Jan, a short hello from Łucja Test."
    assert plan.drafts[jan][MessageKind.FOLLOW_UP].language == ""
    assert (
        "companies/volta-cells.yaml:9:5: warning: Jan Nowak and 1 other are to be written to "
        "in 'de', but messages has no 'de' templates for email_subject, email, reminder, follow_up: those "
        "drafts use the others. Add them under messages: de:, or say the language of the "
        "plan's templates (messages: language:)"
    ) in warnings_of(plan)


def test_every_template_in_the_language_means_no_warning(small_plan: Path) -> None:
    add_german(small_plan)
    replace_in(small_plan / VOLTA, "priority: 1\n", "priority: 1\nlanguage: de\n")
    plan = load_plan(small_plan, TODAY)
    assert not [w for w in warnings_of(plan) if "written to in" in w]


def test_templates_in_the_plan_language_need_no_section(small_plan: Path) -> None:
    replace_in(small_plan / PLAN, "messages:\n", "messages:\n  language: pl\n")
    replace_in(small_plan / VOLTA, "priority: 1\n", "priority: 1\nlanguage: pl\n")
    plan = load_plan(small_plan, TODAY)
    assert {d.language for d in plan.drafts[person(plan, "Jan Nowak")].values()} == {"pl"}
    assert not [w for w in warnings_of(plan) if "written to in" in w]
    replace_in(small_plan / PLAN, "  language: pl\n", "  language: en\n")
    plan = load_plan(small_plan, TODAY)
    assert [w for w in warnings_of(plan) if "written to in 'pl'" in w]


def test_a_person_s_own_template_is_in_their_language(small_plan: Path) -> None:
    replace_in(
        small_plan / VOLTA,
        "    role: HR Business Partner\n",
        "    role: HR Business Partner\n    language: sv\n    messages:\n"
        "      invite: Hej {{ person.first_name }}!\n",
    )
    plan = load_plan(small_plan, TODAY)
    anna = person(plan, "Anna Nowak")
    assert plan.drafts[anna][MessageKind.INVITE].text == "Hej Anna!"
    assert plan.drafts[anna][MessageKind.INVITE].language == "sv"
    assert plan.drafts[anna][MessageKind.EMAIL].language == ""


def test_language_codes_are_written_the_standard_way(small_plan: Path) -> None:
    replace_in(small_plan / VOLTA, "priority: 1\n", "priority: 1\nlanguage: PT_br\n")
    plan = load_plan(small_plan, TODAY)
    assert person(plan, "Jan Nowak").company.language == "pt-BR"
    assert normal_language("sr-latn") == "sr-Latn"
    assert normal_language("es-419") == "es-419"
    assert len(ISO_639_1) == 184


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            VOLTA,
            "priority: 1\n",
            "priority: 1\nlanguage: German\n",
            "companies/volta-cells.yaml:7:11: language: expected a two-letter language code "
            "such as de, en or pl (ISO 639-1); got 'German'",
        ),
        (
            VOLTA,
            "priority: 1\n",
            "priority: 1\nlanguage: xx\n",
            "companies/volta-cells.yaml:7:11: language: expected a two-letter language code "
            "such as de, en or pl (ISO 639-1); 'xx' is not one",
        ),
        (
            PLAN,
            "messages:\n",
            "messages:\n  xx:\n    invite: Hi\n",
            "plan.yaml:21:3: messages.xx: expected a two-letter language code such as de, en "
            "or pl (ISO 639-1); 'xx' is not one",
        ),
        (
            PLAN,
            "messages:\n",
            "messages:\n  de:\n    invit: Hallo\n",
            "plan.yaml:22:5: messages.de: unknown key 'invit'; did you mean 'invite'?",
        ),
        (
            PLAN,
            "messages:\n",
            "messages:\n  de:\n    invite: Hallo\n  DE:\n    invite: Hallo\n",
            "plan.yaml:23:3: messages.DE: the templates in 'de' are already given at line 21",
        ),
        (
            PLAN,
            "messages:\n",
            "messages:\n  de: Hallo\n",
            "plan.yaml:21:7: messages.de: expected a mapping; got 'Hallo'",
        ),
        (
            PLAN,
            "messages:\n",
            "messages:\n  greeting: Hallo\n",
            "plan.yaml:21:3: messages: unknown key 'greeting'; expected one of language, invite, "
            "email_subject, email, reminder, follow_up, or a language code (de, fr, …) holding templates "
            "in that language",
        ),
        (
            VOLTA,
            "    role: HR Business Partner\n",
            "    role: HR Business Partner\n    messages:\n      de:\n        invite: Hallo\n",
            "companies/volta-cells.yaml:21:7: people[1] (Anna Nowak).messages: unknown key 'de'; "
            "expected one of invite, email_subject, email, reminder, follow_up",
        ),
    ],
)
def test_a_wrong_language_is_reported_where_it_is(
    small_plan: Path, file: str, old: str, new: str, expected: str
) -> None:
    replace_in(small_plan / file, old, new)
    assert problems_of(small_plan) == [expected]


def test_a_broken_template_in_a_language_is_reported_as_its_own(small_plan: Path) -> None:
    add_german(small_plan, "  de:\n    invite: Hallo {{ person.nick }}\n")
    replace_in(small_plan / VOLTA, "priority: 1\n", "priority: 1\nlanguage: de\n")
    replace_in(
        small_plan / PLAN, "Hi {{ person.first_name }}, I'm", "Hi {{ person.nickname }}, I'm"
    )
    problems = problems_of(small_plan)
    assert len(problems) == 2
    assert problems[0].startswith(
        "plan.yaml:22:5: messages.invite: cannot write the draft for Åsa Lindqvist and 3 other "
        "people: no such field 'nickname'"
    )
    assert problems[1].startswith(
        "plan.yaml:35:13: messages.de.invite: cannot write the draft for Jan Nowak and 1 other "
        "person: no such field 'nick'"
    )
