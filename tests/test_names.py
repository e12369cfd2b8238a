"""How commands find the person or company a name means: an exact spelling wins,
namesakes are listed with their companies, near misses get a suggestion, and company
names that look alike are worth a warning."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.model.lookup import TYPO_MIN_LENGTH, looks_alike, near_duplicates
from tests.conftest import TODAY
from tests.helpers import snapshot
from tests.test_cli_edit import run


def company(plans: Path, slug: str, text: str) -> Path:
    path = plans / "companies" / f"{slug}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def weiss(small_plan: Path) -> Path:
    """Jürgen Weiß at one company, Jürgen Weiss at another; two Ana Sousa."""
    company(
        small_plan,
        "saxonia",
        "name: Saxonia Akku\nsector: Battery cells\npeople:\n"
        "  - name: Jürgen Weiß\n    email: jw@saxonia.example\n"
        "  - name: Ana Sousa\n    email: ana@saxonia.example\n",
    )
    company(
        small_plan,
        "rhein",
        "name: Rhein Robotik\nsector: Automation\npeople:\n"
        "  - name: Jürgen Weiss\n    email: jw@rhein.example\n"
        "  - name: Ana Sousa\n    email: ana@rhein.example\n",
    )
    return small_plan


def test_an_exact_name_wins_over_one_that_only_folds_to_it(weiss: Path) -> None:
    saxonia = weiss / "companies" / "saxonia.yaml"
    code, output = run(weiss, "log", "Jürgen Weiß", "invited")
    assert (code, output) == (0, f"{saxonia}:7: Jürgen Weiß: invited on 2026-11-26\n")
    rhein = weiss / "companies" / "rhein.yaml"
    code, output = run(weiss, "log", "Jürgen Weiss", "invited")
    assert (code, output) == (0, f"{rhein}:7: Jürgen Weiss: invited on 2026-11-26\n")


def test_an_exact_name_typed_in_decomposed_unicode_still_wins(weiss: Path) -> None:
    """A terminal may send "ü" as u plus a combining accent."""
    typed = unicodedata.normalize("NFD", "Jürgen Weiß")
    assert typed != "Jürgen Weiß"
    code, output = run(weiss, "log", typed, "invited")
    assert code == 0
    assert output.endswith("Jürgen Weiß: invited on 2026-11-26\n")


def test_a_folded_name_that_fits_two_says_to_type_it_as_spelled(weiss: Path) -> None:
    before = snapshot(weiss)
    code, output = run(weiss, "log", "jurgen weiss", "invited")
    assert code == 1
    assert output == (
        "'jurgen weiss' matches 2 people:\n"
        "  Jürgen Weiss (Rhein Robotik)\n"
        "  Jürgen Weiß (Saxonia Akku)\n"
        "Type the name as the plan spells it, or choose one with --company, e.g. "
        "--company 'Rhein Robotik'.\n"
    )
    assert snapshot(weiss) == before


def test_namesakes_are_listed_with_their_companies(weiss: Path) -> None:
    before = snapshot(weiss)
    code, output = run(weiss, "log", "Ana Sousa", "invited")
    assert code == 1
    assert output == (
        "2 people are called 'Ana Sousa':\n"
        "  Ana Sousa (Rhein Robotik)\n"
        "  Ana Sousa (Saxonia Akku)\n"
        "Choose one with --company, e.g. --company 'Rhein Robotik'.\n"
    )
    assert "Give the full name" not in output
    assert snapshot(weiss) == before
    code, output = run(weiss, "log", "Ana Sousa", "invited", "--company", "saxonia")
    assert code == 0
    assert output.endswith("Ana Sousa: invited on 2026-11-26\n")


def test_part_of_a_name_that_fits_several_asks_for_the_full_name(small_plan: Path) -> None:
    code, output = run(small_plan, "log", "nowak", "invited")
    assert code == 1
    assert output == (
        "'nowak' matches 3 people:\n"
        "  Anna Nowak (Nordic Robotics)\n"
        "  Jan Nowak (Volta Cells)\n"
        "  Anna Nowak (Volta Cells)\n"
        "Give the full name, or choose the company with --company.\n"
    )


def test_nobody_called_so_gives_the_command_to_add_them(small_plan: Path) -> None:
    code, output = run(small_plan, "log", "Marek Zieliński", "met")
    assert (code, output) == (
        1,
        "nobody called 'Marek Zieliński' in the plan; add them first: "
        "playbook add person 'Marek Zieliński' --company …\n",
    )
    code, output = run(small_plan, "log", "Marek Zieliński", "met", "--company", "volta")
    assert (code, output) == (
        1,
        "nobody called 'Marek Zieliński' at Volta Cells; add them first: "
        "playbook add person 'Marek Zieliński' --company 'Volta Cells'\n",
    )


def test_an_inbound_entry_by_exact_name_is_that_person(weiss: Path) -> None:
    (weiss / "inbound.yaml").write_text(
        "- date: 2026-11-20\n  who: Jürgen Weiß\n  channel: phone\n", encoding="utf-8"
    )
    plan = load_plan(weiss, TODAY)
    entry = plan.plan.inbound[0]
    assert entry.person is not None and entry.person.company.name == "Saxonia Akku"


# ---------------------------------------------------------------- companies


@pytest.fixture
def bosch(small_plan: Path) -> Path:
    company(small_plan, "bosch", "name: Bosch Car Multimedia\nsector: Automation\n")
    return small_plan


def test_a_mistyped_company_suggests_the_close_one(bosch: Path) -> None:
    before = snapshot(bosch)
    code, output = run(bosch, "add", "person", "Ola Wrona", "--company", "Bosh")
    assert (code, output) == (
        1,
        "no company called 'Bosh' in the plan; did you mean 'Bosch Car Multimedia'?\n",
    )
    code, output = run(bosch, "add", "person", "Ola Wrona", "--company", "Car Multimedai")
    assert output == (
        "no company called 'Car Multimedai' in the plan; did you mean 'Bosch Car Multimedia'?\n"
    )
    code, output = run(bosch, "add", "person", "Ola Wrona", "--company", "Siemens")
    assert output == (
        "no company called 'Siemens' in the plan; add it first: "
        "playbook add company Siemens --sector …\n"
    )
    assert snapshot(bosch) == before


def test_add_company_warns_about_a_look_alike(small_plan: Path) -> None:
    company(small_plan, "dhl", "name: DHL Supply Chain\nsector: Automation\n")
    code, output = run(small_plan, "add", "company", "DHL", "--sector", "Automation")
    assert code == 0
    path = small_plan / "companies" / "dhl-2.yaml"
    assert output == (
        f"{path}:1: new company DHL\n"
        f"warning: 'DHL' looks like 'DHL Supply Chain' ({small_plan / 'companies' / 'dhl.yaml'}): "
        "the same company twice? If so, keep one: playbook remove company DHL\n"
    )
    code, output = run(small_plan, "check")
    assert (
        f"{small_plan / 'companies' / 'dhl.yaml'}:1:1: warning: company 'DHL Supply Chain' "
        f"looks like 'DHL' ({path}): the same company twice? If so, merge them into one file\n"
    ) in output


def test_add_company_warns_about_a_typo_of_a_longer_name(bosch: Path) -> None:
    """The rule `--company` suggests by: "Bosh" is a typo away from the first word of
    "Bosch Car Multimedia"; "Bsh" is not near enough, "Siemens" nothing like it."""
    multimedia = bosch / "companies" / "bosch.yaml"
    for name in ("Bsh", "Siemens"):
        code, output = run(bosch, "add", "company", name, "--sector", "Automation", "--dry-run")
        assert code == 0
        assert "warning" not in output
    code, output = run(bosch, "add", "company", "Bosh", "--sector", "Automation")
    assert (code, output) == (
        0,
        f"{bosch / 'companies' / 'bosh.yaml'}:1: new company Bosh\n"
        f"warning: 'Bosh' looks like 'Bosch Car Multimedia' ({multimedia}): the same company "
        "twice? If so, keep one: playbook remove company Bosh\n",
    )


def test_add_company_names_every_look_alike_the_closest_first(bosch: Path) -> None:
    companies = bosch / "companies"
    company(bosch, "bosh", "name: Bosh\nsector: Automation\n")
    code, output = run(bosch, "add", "company", "Bosch", "--sector", "Automation", "--dry-run")
    assert code == 0
    assert output.splitlines()[-1] == (
        f"warning: 'Bosch' looks like 'Bosh' ({companies / 'bosh.yaml'}) and 'Bosch Car "
        f"Multimedia' ({companies / 'bosch.yaml'}): the same company twice? If so, keep one: "
        "playbook remove company Bosch"
    )
    for index, name in enumerate(("Bosch Thermotechnik", "Bosch Rexroth", "Bosch Siemens")):
        company(bosch, f"more-{index}", f"name: {name}\nsector: Automation\n")
    code, output = run(bosch, "add", "company", "Bosch", "--sector", "Automation", "--dry-run")
    assert output.splitlines()[-1].startswith("warning: 'Bosch' looks like 'Bosh' (")
    assert output.splitlines()[-1].count("' (") == 3
    assert " and 2 more: the same company twice?" in output.splitlines()[-1]


def test_check_gives_one_warning_per_pair(small_plan: Path) -> None:
    company(small_plan, "a", "name: Kühne + Nagel\nsector: Automation\n")
    company(small_plan, "b", "name: Kuehne+Nagel\nsector: Automation\n")
    plan = load_plan(small_plan, TODAY)
    alike = [w for w in plan.warnings if "looks like" in w.message]
    assert [str(w.location.path.name) for w in alike] == ["b.yaml"]


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("DHL", "DHL Supply Chain", True),  # the words of one start the other
        ("DHL Supply", "DHL Supply Chain", True),
        ("DHL Express", "DHL Supply Chain", False),  # same first word only
        ("Supply Chain", "DHL Supply Chain", False),  # words in the middle
        ("Bosch GmbH", "Bosch", True),  # a legal form tells nothing apart
        ("Kühne + Nagel", "Kuehne+Nagel", True),  # one letter apart without spaces
        ("Bosch", "Bosh", True),  # one letter missing
        ("Bosch", "Bosck", True),  # one letter changed
        ("Bosch", "Boschx", True),  # one letter extra
        ("Bosch", "Bos", False),  # two letters apart
        ("Bosch", "Bsoch", False),  # two swapped letters are two changes
        ("Abcd", "Abce", True),  # TYPO_MIN_LENGTH letters: a typo
        ("Abc", "Abd", False),  # one letter fewer: too short to tell
        ("Company 1", "Company 12", False),  # a digit is never a typo
        ("Plant 1", "Plant 2", False),
        ("Hays", "Hays Poland", True),
        ("Volta Cells", "Nordic Robotics", False),
    ],
)
def test_look_alike_names(a: str, b: str, alike: bool) -> None:
    assert TYPO_MIN_LENGTH == 4
    assert looks_alike(a, b) is alike
    assert looks_alike(b, a) is alike


def test_near_duplicates_finds_each_pair_once_in_file_order(small_plan: Path) -> None:
    names = ["DHL Supply Chain", "Bosch", "DHL", "Bosh", "Zefir", "DHL Express"]
    for index, name in enumerate(names):
        company(small_plan, f"c{index}", f"name: {name}\nsector: Automation\n")
    plan = load_plan(small_plan, TODAY)
    pairs = [(a.name, b.name) for a, b in near_duplicates(plan.plan.companies)]
    assert pairs == [("DHL", "DHL Supply Chain"), ("Bosh", "Bosch"), ("DHL Express", "DHL")]
