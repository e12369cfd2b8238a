from __future__ import annotations

from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.errors import InvalidPlan
from tests.conftest import TODAY

VOLTA = "companies/volta-cells.yaml"


def edit(plan: Path, name: str, old: str, new: str) -> None:
    path = plan / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(plan: Path) -> list[str]:
    with pytest.raises(InvalidPlan) as raised:
        load_plan(plan, TODAY)
    return [str(p).replace(f"{plan}/", "") for p in raised.value.problems]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            VOLTA,
            "focus: operations",
            "focus: ceo",
            "companies/volta-cells.yaml:10:12: people[0] (Jan Nowak).focus: "
            "expected one of operations, hr, recruiter, other; got 'ceo'",
        ),
        (
            VOLTA,
            "action: connected",
            "action: waved",
            "companies/volta-cells.yaml:16:36: people[0] (Jan Nowak).touches[1].action: expected one of "
            "invited, connected, messaged, replied, met, referred, declined, followed_up, withdrawn; got 'waved'",
        ),
        (
            VOLTA,
            "channel: linkedin}\n      - {date: 2026-10-05",
            "channel: fax}\n      - {date: 2026-10-05",
            "companies/volta-cells.yaml:15:54: people[0] (Jan Nowak).touches[0].channel: "
            "expected one of phone, email, linkedin, meeting, other; got 'fax'",
        ),
        (
            VOLTA,
            "date: 2026-10-05",
            "date: 2026-02-30",
            "companies/volta-cells.yaml:16:16: people[0] (Jan Nowak).touches[1].date: expected a date as "
            "YYYY-MM-DD; got '2026-02-30' (day is out of range for month)",
        ),
        (
            VOLTA,
            "date: 2026-10-05",
            "date: 5 Oct 2026",
            "companies/volta-cells.yaml:16:16: people[0] (Jan Nowak).touches[1].date: "
            "expected a date as YYYY-MM-DD; got '5 Oct 2026'",
        ),
        (
            VOLTA,
            "priority: 1",
            "priority: 4",
            "companies/volta-cells.yaml:6:11: priority: expected a whole number from 1 to 3; got 4",
        ),
        (
            VOLTA,
            "priority: 1",
            "priority: high",
            "companies/volta-cells.yaml:6:11: priority: "
            "expected a whole number from 1 to 3; got 'high'",
        ),
        (
            VOLTA,
            "role: Chief Operating Officer",
            "role: [COO]",
            "companies/volta-cells.yaml:9:11: people[0] (Jan Nowak).role: expected text; got a list",
        ),
        (
            VOLTA,
            "    focus: operations",
            "    focus: operations\n    focuss: hr",
            "companies/volta-cells.yaml:11:5: people[0] (Jan Nowak): unknown key 'focuss'; "
            "did you mean 'focus'?",
        ),
        (
            VOLTA,
            "why: New gigafactory near Wrocław",
            "reason: New gigafactory near Wrocław",
            "companies/volta-cells.yaml:5:1: unknown key 'reason'; expected one of name, sector, "
            "country, website, why, priority, language, people",
        ),
        (
            VOLTA,
            "sector: Battery cells",
            "sector: Battery cell",
            "companies/volta-cells.yaml:2:9: sector: 'Battery cell' is not a sector of plan.yaml; "
            "did you mean 'Battery cells'?",
        ),
        (
            VOLTA,
            "  - name: Anna Nowak\n",
            "  - nmae: Anna Nowak\n",
            "companies/volta-cells.yaml:18:5: people[1]: unknown key 'nmae'; did you mean 'name'?\n"
            "companies/volta-cells.yaml:18:5: people[1]: missing required key 'name'",
        ),
        (
            VOLTA,
            "website: https://volta-cells.example",
            "website: volta-cells.example",
            "companies/volta-cells.yaml:4:10: website: expected a web address starting with "
            "https:// or http://; got 'volta-cells.example'",
        ),
        (
            VOLTA,
            "email: jan.nowak@volta-cells.example",
            "email: jan.nowak",
            "companies/volta-cells.yaml:12:12: people[0] (Jan Nowak).email: expected one e-mail address (name@example.com); "
            "got 'jan.nowak'",
        ),
        (
            "plan.yaml",
            "  invites_per_week: 3",
            "  invites_per_week: 0",
            "plan.yaml:13:21: targets.invites_per_week: expected a whole number from 1 to 10000; got 0",
        ),
        (
            "plan.yaml",
            "    recruiters: true",
            "    recruiters: yes",
            "plan.yaml:19:17: sectors[2].recruiters: expected true or false; got 'yes'",
        ),
        (
            "plan.yaml",
            "{{ me.headline }}.{% if",
            "{{ me.headline }.{% if",
            "plan.yaml:22:5: messages.invite: not a valid Jinja template: unexpected '}'",
        ),
        (
            "plan.yaml",
            "    {{ me.headline }}. I'd",
            "    {% if x %}{{ me.headline }}. I'd",
            "plan.yaml:29:5: messages.email: not a valid Jinja template: Unexpected end of "
            "template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. "
            "The innermost block that needs to be closed is 'if'.",
        ),
        (
            "plan.yaml",
            "  - name: Automation\n",
            "  - name: Automation\n  - name: automation\n",
            "plan.yaml:18:5: sectors: sector 'automation' is already listed at line 17",
        ),
        (
            "plan.yaml",
            "  goal: Plant quality director by 2029\n",
            "",
            "plan.yaml:3:3: me: missing required key 'goal'",
        ),
        (
            "inbound.yaml",
            "  relevance: 4",
            "  relevance: 9",
            "inbound.yaml:6:14: [0].relevance: expected a whole number from 1 to 5; got 9",
        ),
        (
            "inbound.yaml",
            "  channel: phone",
            "  channel: pigeon",
            "inbound.yaml:4:12: [0].channel: expected one of phone, email, linkedin, meeting, "
            "other; got 'pigeon'",
        ),
    ],
)
def test_each_defect_is_reported_where_it_is(
    small_plan: Path, name: str, old: str, new: str, expected: str
) -> None:
    edit(small_plan, name, old, new)
    assert problems_of(small_plan) == expected.split("\n")


def test_all_problems_are_collected_across_files(small_plan: Path) -> None:
    edit(small_plan, VOLTA, "priority: 1", "priority: 0")
    edit(small_plan, "companies/talent-bridge.yaml", "focus: recruiter", "focus: headhunter")
    edit(small_plan, "inbound.yaml", "relevance: 2", "relevance: 0")
    assert len(problems_of(small_plan)) == 3


def test_a_company_file_of_comments_is_a_warning(small_plan: Path) -> None:
    (small_plan / "companies" / "blank.yaml").write_text("# nothing yet\n", encoding="utf-8")
    plan = load_plan(small_plan, TODAY)
    assert len(plan.plan.companies) == 3
    assert str(plan.warnings[0]).replace(f"{small_plan}/", "") == (
        "companies/blank.yaml:1:1: warning: the file holds no company yet; "
        "expected one company: a mapping with at least name and sector "
        "(an example to copy? delete it once you have your own: playbook remove company blank)"
    )


def test_an_empty_plan_file_is_an_error(small_plan: Path) -> None:
    (small_plan / "plan.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert problems_of(small_plan) == [
        "plan.yaml:1:1: the file is empty; "
        "expected a mapping with me, targets, sectors and messages"
    ]


def test_company_file_that_is_a_list(small_plan: Path) -> None:
    (small_plan / "companies" / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert problems_of(small_plan) == ["companies/list.yaml:1:1: expected a mapping; got a list"]


def test_person_without_a_name(small_plan: Path) -> None:
    edit(small_plan, VOLTA, "  - name: Anna Nowak\n", "  - name:\n")
    assert problems_of(small_plan) == [
        "companies/volta-cells.yaml:18:5: people[1].name: a value is required"
    ]


def test_two_people_with_one_name_in_one_company(small_plan: Path) -> None:
    edit(small_plan, VOLTA, "  - name: Anna Nowak\n", "  - name: Jan Nowak\n")
    assert problems_of(small_plan) == [
        "companies/volta-cells.yaml:18:5: people: person 'Jan Nowak' is already listed at line 8"
    ]


def test_duplicate_company_names_across_files(small_plan: Path) -> None:
    edit(small_plan, "companies/nordic-robotics.yaml", "name: Nordic Robotics", "name: Volta Cells")
    assert problems_of(small_plan) == [
        "companies/volta-cells.yaml:1:1: company 'Volta Cells' is already listed at "
        "companies/nordic-robotics.yaml:1:1"
    ]


def test_anchors_and_merge_keys_are_refused(small_plan: Path) -> None:
    path = small_plan / VOLTA
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - &base\n    name: Base Person\n    focus: hr\n"
        + "  - <<: *base\n    name: Merged Person\n",
        encoding="utf-8",
    )
    assert problems_of(small_plan) == [
        "companies/volta-cells.yaml:26:5: a merge key (<<) copies keys from elsewhere; "
        "plans do not use it: write the keys out"
    ]


def test_targets_have_an_upper_bound(small_plan: Path) -> None:
    edit(small_plan, "plan.yaml", "  invites_per_week: 3", "  keep_alive_days: 1000000")
    assert problems_of(small_plan) == [
        "plan.yaml:13:20: targets.keep_alive_days: expected a whole number from 1 to 3650; got 1000000"
    ]


def test_missing_plan_file(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [
        "plan.yaml: file not found; run playbook in your playbook's folder (cd into the "
        "folder playbook init made) or name the plans folder with --plans DIR"
    ]


def test_missing_inbound_file_is_an_empty_log(small_plan: Path) -> None:
    (small_plan / "inbound.yaml").unlink()
    assert load_plan(small_plan, TODAY).plan.inbound == ()


def test_bom_and_crlf_plan_loads(small_plan: Path) -> None:
    path = small_plan / VOLTA
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    plan = load_plan(small_plan, TODAY)
    assert [c.name for c in plan.plan.companies] == [
        "Nordic Robotics",
        "Talent Bridge",
        "Volta Cells",
    ]


def test_a_date_more_than_a_year_ahead_is_a_warning(small_plan: Path) -> None:
    edit(small_plan, VOLTA, "date: 2026-10-20", "date: 2027-12-20")
    plan = load_plan(small_plan, TODAY)
    assert str(plan.warnings[0]).replace(f"{small_plan}/", "") == (
        "companies/volta-cells.yaml:17:16: warning: date 2027-12-20 is more than a year "
        "after today (2026-11-26); a typo?"
    )


def test_a_booked_meeting_is_no_warning(small_plan: Path) -> None:
    edit(small_plan, VOLTA, "date: 2026-10-20", "date: 2026-12-20")
    plan = load_plan(small_plan, TODAY)
    assert not [w for w in plan.warnings if "2026-12-20" in str(w)]


@pytest.mark.parametrize(
    ("days", "problem"),
    [
        ("0", "expected a whole number from 1 to 365; got 0"),
        ("1", None),
        ("365", None),
        ("366", "expected a whole number from 1 to 365; got 366"),
    ],
)
def test_the_wait_before_a_reminder_is_business_days_within_a_year(
    small_plan: Path, days: str, problem: str | None
) -> None:
    edit(small_plan, "plan.yaml", "  invites_per_week: 3", f"  follow_up_after_days: {days}")
    if problem:
        expected = [f"plan.yaml:13:25: targets.follow_up_after_days: {problem}"]
        assert problems_of(small_plan) == expected
    else:
        assert load_plan(small_plan, TODAY).plan.targets.follow_up_after_days == int(days)
