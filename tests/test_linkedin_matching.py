"""Who in LinkedIn's export is who in the plan: profile address, e-mail, name and company."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import load_plan
from generator.cli import cli
from generator.importing.export import Export
from generator.importing.linkedin import parse_connections
from generator.importing.matching import (
    Certainty,
    Doubt,
    Fit,
    Match,
    company_fit,
    company_words,
    match_export,
)
from generator.importing.messages import parse_messages
from generator.model.profiles import profile_key, profile_url
from tests.conftest import SMALL_PLAN, TODAY
from tests.helpers import replace_in

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ME = "https://www.linkedin.com/in/lucja-test-example"


# --- profile addresses -----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/jan-nowak-example",
        "http://linkedin.com/in/jan-nowak-example",
        "https://www.linkedin.com/in/jan-nowak-example/",
        "https://nl.linkedin.com/in/jan-nowak-example",
        "https://m.linkedin.com/in/Jan-Nowak-Example/en",
        "HTTPS://WWW.LINKEDIN.COM/IN/JAN-NOWAK-EXAMPLE?trk=people#about",
        "linkedin.com/in/jan%2Dnowak%2Dexample",
        "  www.linkedin.com:443/in/jan-nowak-example  ",
    ],
)
def test_one_profile_however_its_address_is_written(url: str) -> None:
    assert profile_key(url) == "linkedin.com/in/jan-nowak-example"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "https://www.linkedin.com/in/j%C3%BCrgen-wei%C3%9F",
            "https://de.linkedin.com/in/Jürgen-Weiß/",
        ),
        ("https://www.linkedin.com/in/ju%cc%88rgen", "https://www.linkedin.com/in/jürgen"),
    ],
)
def test_percent_encoding_and_unicode_forms_are_one_profile(one: str, other: str) -> None:
    assert profile_key(one) == profile_key(other) != ""


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "https://www.linkedin.com/in/jan-nowak-example",
            "https://www.linkedin.com/in/jan-nowak-example-2",
        ),
        ("https://www.linkedin.com/in/jurgen-weiss", "https://www.linkedin.com/in/jürgen-weiß"),
        ("https://www.linkedin.com/in/jan-nowak", "https://www.linkedin.com/pub/jan-nowak/1/2/3"),
    ],
)
def test_other_profiles_are_other_members(one: str, other: str) -> None:
    assert profile_key(one) != profile_key(other)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/company/volta-cells",
        "https://www.linkedin.com/in/",
        "https://notlinkedin.com/in/jan",
        "https://www.xing.com/profile/Jan_Nowak",
        "",
    ],
)
def test_addresses_that_are_no_profile_have_no_key(url: str) -> None:
    assert profile_key(url) == ""


def test_the_plan_writes_the_address_as_linkedin_shows_it() -> None:
    assert profile_url("https://pl.linkedin.com/in/Piotr-Zolc/?trk=x") == (
        "https://www.linkedin.com/in/Piotr-Zolc"
    )


# --- company names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "ours", "fit"),
    [
        ("Kuehne+Nagel", "Kühne + Nagel", Fit.SAME),
        ("Kuehne + Nagel AG", "Kühne+Nagel", Fit.SAME),
        ("KUEHNE & NAGEL", "Kühne + Nagel", Fit.SAME),
        ("Nordwaerme Anlagenbau GmbH", "Nordwärme Anlagenbau", Fit.SAME),
        ("Volta Cells Sp. z o.o.", "Volta Cells", Fit.SAME),
        ("ZF Group", "ZF", Fit.SAME),
        ("Hays plc", "Hays", Fit.SAME),
        ("DHL Supply Chain Poland", "DHL Supply Chain", Fit.SAME),
        ("TalentBridge", "Talent Bridge", Fit.SAME),
        ("DHL", "DHL Supply Chain", Fit.BRAND),
        ("Bosch", "Bosch Car Multimedia", Fit.BRAND),
        ("Continental Mabor", "Continental", Fit.BRAND),
        ("DHL Express", "DHL Supply Chain", Fit.NONE),
        ("Chain", "DHL Supply Chain", Fit.NONE),
        ("Bridge", "Talent Bridge", Fit.NONE),
        ("Nagel", "Kühne + Nagel", Fit.NONE),
        ("GmbH", "Volta Cells", Fit.NONE),
        ("", "Volta Cells", Fit.NONE),
    ],
)
def test_company_names_fit(given: str, ours: str, fit: Fit) -> None:
    assert company_fit(company_words(given), company_words(ours)) is fit


def test_a_legal_form_alone_is_kept() -> None:
    assert company_words("Group") == ("group",)
    assert company_words("AG") == ("ag",)


# --- matching -----------------------------------------------------------------------------


def matches(connections: str = "", messages: str = "", plans: Path = SMALL_PLAN) -> list[Match]:
    export = Export()
    if connections:
        export.connections.append(parse_connections(HEADER + connections))
    if messages:
        export.messages.append(parse_messages(MESSAGES + messages))
    return match_export(load_plan(plans, TODAY).plan, export).matches


def only(found: list[Match]) -> Match:
    assert len(found) == 1, found
    return found[0]


def who(match: Match) -> str:
    return f"{match.person.name} ({match.person.company.name})" if match.person else ""


MESSAGES = (
    '"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    '"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS",'
    '"IS MESSAGE DRAFT","IS CONVERSATION DRAFT"\n'
)


def test_an_identical_address_is_the_person_whatever_the_name_and_company() -> None:
    match = only(
        matches(
            "Johnny,Nowak-Smith,https://de.linkedin.com/in/JAN-NOWAK-EXAMPLE/,,Acme,CEO,01 Jan 2026\n"
        )
    )
    assert (match.certainty, who(match), match.how) == (
        Certainty.CERTAIN,
        "Jan Nowak (Volta Cells)",
        "profile address",
    )


def test_an_identical_email_is_the_person_whatever_the_name_and_address() -> None:
    match = only(
        matches(
            "A.,N.,https://www.linkedin.com/in/someone-else,Anna.Nowak@Nordic-Robotics.example,"
            "Globex,HR,01 Jan 2026\n"
        )
    )
    assert (match.certainty, who(match), match.how) == (
        Certainty.CERTAIN,
        "Anna Nowak (Nordic Robotics)",
        "e-mail",
    )


def test_the_same_name_at_the_same_company_is_the_person_without_an_address() -> None:
    match = only(
        matches("Piotr,Zolc,https://www.linkedin.com/in/pz,,Talent Bridge Sp. z o.o.,x,\n")
    )
    assert (match.certainty, who(match), match.how) == (
        Certainty.CERTAIN,
        "Piotr Żółć (Talent Bridge)",
        "name and company",
    )


def test_the_same_name_and_company_under_another_address_is_uncertain() -> None:
    match = only(matches("Ewa,Kot,https://www.linkedin.com/in/ewa-kot-2,,Talent Bridge,x,\n"))
    assert (match.certainty, match.why, [p.name for p in match.candidates]) == (
        Certainty.UNCERTAIN,
        Doubt.OTHER_ADDRESS,
        ["Ewa Kot"],
    )


def test_the_same_name_elsewhere_is_uncertain_or_another_member() -> None:
    # Piotr has no address in the plan: he may have moved on.
    moved = only(matches("Piotr,Zolc,https://www.linkedin.com/in/pz,,Globex,x,\n"))
    assert (moved.certainty, moved.why) == (Certainty.UNCERTAIN, Doubt.ANOTHER_COMPANY)
    # Ewa has another address: someone else.
    other = only(matches("Ewa,Kot,https://www.linkedin.com/in/ewa-kot-2,,Globex,x,\n"))
    assert (other.certainty, [p.name for p in other.candidates]) == (
        Certainty.NAMESAKE,
        ["Ewa Kot"],
    )


def test_a_name_with_no_company_to_compare_is_uncertain() -> None:
    found = matches(
        messages=(
            f"c1,,Piotr Żółć,https://www.linkedin.com/in/pz,Łucja Test,{ME},"
            "2026-11-10 10:00:00 UTC,,Hi,INBOX,,No,No\n"
        )
    )
    match = only(found)
    assert (match.certainty, match.why, who(match)) == (Certainty.UNCERTAIN, Doubt.NO_COMPANY, "")


def test_namesakes_at_one_company_are_uncertain_unless_one_is_spelt_exactly(
    small_plan: Path,
) -> None:
    volta = small_plan / "companies" / "volta-cells.yaml"
    replace_in(
        volta,
        "  - name: Anna Nowak\n",
        "  - name: Anna Nowák\n    role: Buyer\n  - name: Anna Nowak\n",
    )
    exact = only(
        matches("Anna,Nowak,https://www.linkedin.com/in/an,,Volta Cells,x,\n", plans=small_plan)
    )
    assert (exact.certainty, who(exact)) == (Certainty.CERTAIN, "Anna Nowak (Volta Cells)")
    folded = only(
        matches("Anna,NOWAK,https://www.linkedin.com/in/an,,Volta Cells,x,\n", plans=small_plan)
    )
    assert (folded.certainty, folded.why) == (Certainty.UNCERTAIN, Doubt.NAMESAKES_HERE)
    assert [p.name for p in folded.candidates] == ["Anna Nowák", "Anna Nowak"]


def test_two_members_for_one_person_are_both_uncertain() -> None:
    found = matches(
        "Piotr,Zolc,https://www.linkedin.com/in/pz-1,,Talent Bridge,x,\n"
        "Piotr,Żółć,https://www.linkedin.com/in/pz-2,,Talent Bridge,y,\n"
    )
    assert [(m.certainty, m.why) for m in found] == [
        (Certainty.UNCERTAIN, Doubt.SEVERAL_PROFILES)
    ] * 2


def test_an_address_wins_over_a_name_for_the_same_person() -> None:
    """The plan's Jan Nowak is the one with his address; a namesake at his company with
    another address is someone else, not a second Jan."""
    found = matches(
        "Jan,Nowak,https://www.linkedin.com/in/jan-nowak-example,,Volta Cells,COO,\n"
        "Jan,Nowak,https://www.linkedin.com/in/jan-nowak-plumber,,Volta Cells,Plumber,\n"
    )
    assert [(m.certainty, m.how) for m in found] == [
        (Certainty.CERTAIN, "profile address"),
        (Certainty.NAMESAKE, ""),
    ]


def test_a_shared_email_is_uncertain(small_plan: Path) -> None:
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        "    focus: hr\n",
        "    focus: hr\n    email: jan.nowak@volta-cells.example\n",
    )
    match = only(matches("X,Y,,jan.nowak@volta-cells.example,Globex,x,\n", plans=small_plan))
    assert (match.certainty, match.why) == (Certainty.UNCERTAIN, Doubt.SHARED_EMAIL)
    assert sorted(p.name for p in match.candidates) == ["Anna Nowak", "Jan Nowak"]


def test_strangers_at_companies_of_the_plan_and_elsewhere() -> None:
    export = Export()
    export.connections.append(
        parse_connections(
            HEADER
            + "Ola,Kruk,https://www.linkedin.com/in/ola,,Volta Cells Sp. z o.o.,HR,\n"
            + "Ala,Kot,https://www.linkedin.com/in/ala,,Globex,HR,\n"
        )
    )
    matching = match_export(load_plan(SMALL_PLAN, TODAY).plan, export)
    match = only(matching.matches)
    assert (match.certainty, match.company.name if match.company else None) == (
        Certainty.STRANGER,
        "Volta Cells",
    )
    assert matching.elsewhere_connections == 1
    assert matching.connected_keys == {"linkedin.com/in/ola", "linkedin.com/in/ala"}


# --- `check`: one profile, two people -------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("https://PL.linkedin.com/in/Jan-Nowak-Example/", True),
        ("linkedin.com/in/jan-nowak-example", True),
        ("https://www.linkedin.com/in/jan-nowak-example-2", False),
    ],
)
def test_check_names_both_people_with_one_profile(
    small_plan: Path, address: str, problem: bool
) -> None:
    talent = small_plan / "companies" / "talent-bridge.yaml"
    replace_in(talent, "https://www.linkedin.com/in/ewa-kot-example", address)
    result = CliRunner().invoke(
        cli, ["--plans", str(small_plan), "--today", "2026-11-26", "check"], catch_exceptions=False
    )
    volta = small_plan / "companies" / "volta-cells.yaml"
    expected = (
        f"{volta}:8:5: Jan Nowak (Volta Cells) has the LinkedIn profile of Ewa Kot (Talent "
        f"Bridge, {talent}:14:5): one profile is one person; keep one of them, or correct the "
        "address"
    )
    assert (result.exit_code == 1) is problem
    assert (expected in result.output) is problem
