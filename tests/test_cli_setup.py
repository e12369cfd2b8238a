"""`set`, `me`, `add sector`, `rename sector`, `remove sector`, `remove company`,
`remove person`: exact
output, whole files compared, and nothing written when an edit is refused."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import snapshot
from tests.test_cli_edit import run

VOLTA = "companies/volta-cells.yaml"
PLAN = "plan.yaml"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- set


def test_set_replaces_keys_in_place_and_adds_the_missing_ones(small_plan: Path) -> None:
    path = small_plan / VOLTA
    before = read(path)
    code, output = run(
        small_plan,
        "set", "Jan Nowak", "--email", "jan@volta.example", "--role", "Plant Director",
        "--country", "Germany", "--first-name", "Janek",
    )  # fmt: skip
    assert code == 0, output
    assert output == (
        f"{path}:9: Jan Nowak: first_name Janek, role Plant Director (was Chief Operating "
        "Officer), country Germany, email jan@volta.example (was jan.nowak@volta-cells.example)\n"
    )
    assert read(path) == before.replace(
        "    role: Chief Operating Officer\n    focus: operations\n",
        "    first_name: Janek\n    role: Plant Director\n    focus: operations\n"
        "    country: Germany\n",
    ).replace("jan.nowak@volta-cells.example", "jan@volta.example")


def test_set_in_the_shape_the_import_advice_prints(small_plan: Path) -> None:
    """`playbook set "NAME" --company C --linkedin URL`: the advice of `import linkedin`."""
    path = small_plan / VOLTA
    before = read(path)
    code, output = run(
        small_plan, "set", "Anna Nowak", "--company", "Volta Cells",
        "--linkedin", "linkedin.com/in/anna-nowak-example",
    )  # fmt: skip
    assert code == 0, output
    assert output == (
        f"{path}:21: Anna Nowak: linkedin https://www.linkedin.com/in/anna-nowak-example\n"
    )
    assert read(path) == before.replace(
        "    focus: hr\n    touches:\n",
        "    focus: hr\n    linkedin: https://www.linkedin.com/in/anna-nowak-example\n"
        "    touches:\n",
    )
    code, output = run(small_plan, "check")
    assert "no way to reach them" not in output


def test_set_an_empty_value_removes_the_key(small_plan: Path) -> None:
    path = small_plan / VOLTA
    before = read(path)
    code, output = run(small_plan, "set", "jan nowak", "--hook", "", "--role", "COO")
    assert code == 0, output
    assert output == (
        f"{path}:9: Jan Nowak: role COO (was Chief Operating Officer), hook removed "
        "(was We both spoke at Battery Days 2025)\n"
    )
    assert read(path) == before.replace(
        "    role: Chief Operating Officer\n", "    role: COO\n"
    ).replace("    hook: We both spoke at Battery Days 2025\n", "")


def test_set_to_what_is_there_changes_nothing(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(
        small_plan, "set", "Ewa Kot", "--linkedin", "linkedin.com/in/ewa-kot-example",
        "--focus", "recruiter", "--hook", "",
    )  # fmt: skip
    assert code == 0
    assert output == (
        "Ewa Kot has focus recruiter, linkedin https://www.linkedin.com/in/ewa-kot-example, "
        "no hook already; nothing to change\n"
    )
    assert snapshot(small_plan) == before


def test_set_checks_values_as_add_person_does(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "set", "Ewa Kot", "--linkedin", "xing.com/profile/Ewa_Kot")
    assert code == 1
    assert output == (
        "--linkedin: expected a LinkedIn profile address: linkedin.com/in/ and the profile's name, "
        "as the browser shows it (https://www.linkedin.com/in/anna-nowak); "
        "got 'xing.com/profile/Ewa_Kot' (xing.com is not LinkedIn); nothing was written\n"
    )
    code, output = run(small_plan, "set", "Ewa Kot", "--email", "ewa@")
    assert code == 1
    assert output == (
        "--email: expected one e-mail address (name@example.com); got 'ewa@'; nothing was written\n"
    )
    code, output = run(small_plan, "set", "Ewa Kot")
    assert code == 1
    assert output == (
        "nothing to set: give one or more of --first-name, --role, --focus, --country, "
        "--linkedin, --email, --hook\n"
    )
    code, output = run(small_plan, "set", "Ewa Kott", "--role", "Partner")
    assert code == 1
    assert output == (
        "nobody called 'Ewa Kott' in the plan; did you mean 'Ewa Kot' (Talent Bridge)?\n"
    )
    assert snapshot(small_plan) == before


def test_set_dry_run_shows_the_diff(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "set", "Ewa Kot", "--role", "Managing Partner", "--dry-run")
    assert code == 0
    path = small_plan / "companies" / "talent-bridge.yaml"
    assert output == (
        f"--- {path}\n+++ {path}\n@@ -12,7 +12,7 @@\n"
        "       - {date: 2026-05-06, action: connected}\n"
        "       - {date: 2026-05-20, action: messaged}\n"
        "   - name: Ewa Kot\n"
        "-    role: Partner\n"
        "+    role: Managing Partner\n"
        "     linkedin: https://www.linkedin.com/in/ewa-kot-example\n"
        "     focus: recruiter\n"
        "     touches:\n"
        "Dry run: nothing was written.\n"
    )
    assert snapshot(small_plan) == before


# ---------------------------------------------------------------- me


def test_me_shows_who_the_plan_says_you_are(small_plan: Path) -> None:
    code, output = run(small_plan, "me")
    assert code == 0
    assert output == (
        f"{small_plan / PLAN}: me\n"
        "  name: Łucja Test\n"
        "  headline: Quality engineer, 8 years in automotive\n"
        "  goal: Plant quality director by 2029\n"
        "  location: Kraków, Poland\n"
        "  linkedin: https://www.linkedin.com/in/lucja-test-example\n"
        "  email: lucja@example.com\n"
    )


def test_me_sets_and_removes_keys(small_plan: Path) -> None:
    path = small_plan / PLAN
    before = read(path)
    code, output = run(
        small_plan, "me", "--goal", "Plant director by 2030", "--country", "Poland",
        "--email", "",
    )  # fmt: skip
    assert code == 0, output
    assert output == (
        f"{path}:5: me: goal Plant director by 2030 (was Plant quality director by 2029), "
        "country Poland\n"
        f"{path}:9: me: email removed\n"
    )
    assert read(path) == before.replace(
        "  goal: Plant quality director by 2029\n", "  goal: Plant director by 2030\n"
    ).replace(
        "  location: Kraków, Poland\n", "  location: Kraków, Poland\n  country: Poland\n"
    ).replace("  email: lucja@example.com\n", "")


def test_me_refuses_to_drop_a_required_key(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "me", "--name", "")
    assert code == 1
    assert output == "--name: the plan needs your name; nothing was written\n"
    code, output = run(small_plan, "me", "--name", "Łucja Test")
    assert (code, output) == (0, "me already says so; nothing to change\n")
    assert snapshot(small_plan) == before


# ---------------------------------------------------------------- sectors


def test_add_sector_goes_before_the_recruiters_and_remove_takes_it_back(small_plan: Path) -> None:
    path = small_plan / PLAN
    before = read(path)
    code, output = run(small_plan, "add", "sector", "Cold chain", "--why", "Growing: 9% a year")
    assert code == 0, output
    assert output == f"{path}:18: new sector Cold chain\n"
    assert read(path) == before.replace(
        "  - name: Automation\n",
        '  - name: Automation\n  - name: Cold chain\n    why: "Growing: 9% a year"\n',
    )
    code, output = run(small_plan, "remove", "sector", "cold chain")
    assert (code, output) == (0, f"{path}:18: sector 'Cold chain' removed\n")
    assert read(path) == before


def test_add_sector_of_recruiters_goes_last_and_a_known_name_is_refused(small_plan: Path) -> None:
    path = small_plan / PLAN
    before = read(path)
    code, output = run(small_plan, "add", "sector", "Interim agencies", "--recruiters")
    assert code == 0, output
    assert read(path) == before.replace(
        "    recruiters: true\n",
        "    recruiters: true\n  - name: Interim agencies\n    recruiters: true\n",
    )
    after = snapshot(small_plan)
    code, output = run(small_plan, "add", "sector", "AUTOMATION")
    assert (code, output) == (
        1,
        "sector 'Automation' is already in plan.yaml; nothing was written\n",
    )
    assert snapshot(small_plan) == after


def test_rename_sector_changes_every_company_file_of_it(small_plan: Path) -> None:
    assert run(small_plan, "add", "company", "Cellforge", "--sector", "battery cells")[0] == 0
    plan, volta = small_plan / PLAN, small_plan / VOLTA
    cellforge = small_plan / "companies" / "cellforge.yaml"
    before = {path: read(path) for path in (plan, volta, cellforge)}
    code, output = run(small_plan, "rename", "sector", "Battery Cells", "Energy storage")
    assert code == 0, output
    assert output == (
        f"{plan}:15: sector 'Battery cells' renamed 'Energy storage'\n"
        f"{cellforge}:2: Cellforge: sector Energy storage\n"
        f"{volta}:2: Volta Cells: sector Energy storage\n"
        "3 files changed together.\n"
    )
    for path, text in before.items():
        old = "  - name: Battery cells\n" if path == plan else "sector: Battery cells\n"
        new = "  - name: Energy storage\n" if path == plan else "sector: Energy storage\n"
        assert read(path) == text.replace(old, new)
    assert run(small_plan, "check")[0] == 0


def test_rename_sector_with_a_why_changes_the_reason_too(small_plan: Path) -> None:
    plan, volta = small_plan / PLAN, small_plan / VOLTA
    before = {path: read(path) for path in (plan, volta)}
    code, output = run(
        small_plan, "rename", "sector", "Battery cells", "Energy storage", "--why", "Two new plants"
    )
    assert (code, output) == (
        0,
        f"{plan}:15: sector 'Battery cells' renamed 'Energy storage', why: Two new plants\n"
        f"{volta}:2: Volta Cells: sector Energy storage\n"
        "2 files changed together.\n",
    )
    assert read(plan) == before[plan].replace(
        "  - name: Battery cells\n    why: Where plant directors are hired next\n",
        "  - name: Energy storage\n    why: Two new plants\n",
    )
    assert read(volta) == before[volta].replace(
        "sector: Battery cells\n", "sector: Energy storage\n"
    )


def test_rename_sector_to_its_own_name_with_a_why_changes_only_the_why(small_plan: Path) -> None:
    plan = small_plan / PLAN
    before = snapshot(small_plan)
    code, output = run(
        small_plan, "rename", "sector", "Automation", "Automation", "--why", "Robots"
    )
    assert (code, output) == (0, f"{plan}:18: sector 'Automation', why: Robots\n")
    after = snapshot(small_plan)
    assert {path for path in before if before[path] != after[path]} == {"plan.yaml"}
    assert read(plan) == before["plan.yaml"].decode("utf-8").replace(
        "  - name: Automation\n", "  - name: Automation\n    why: Robots\n"
    )
    same = run(small_plan, "rename", "sector", "Automation", "Automation", "--why", "Robots")
    assert same == (0, "the sector is called 'Automation' already; nothing to change\n")


def test_rename_sector_is_all_or_nothing(small_plan: Path) -> None:
    """A company file that cannot be written (made read-only) stops the rename before
    any file, plan.yaml included, is written."""
    voltiq = small_plan / "companies" / "voltiq.yaml"
    voltiq.write_text("name: Voltiq\nsector:\tBattery cells\n", encoding="utf-8")
    voltiq.chmod(0o444)
    before = snapshot(small_plan)
    code, output = run(small_plan, "rename", "sector", "Battery cells", "Energy storage")
    assert code == 1
    assert output == (
        f"{voltiq} is read-only; make it writable (chmod u+w) to change it; nothing was written\n"
    )
    assert snapshot(small_plan) == before


def test_rename_sector_refusals(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "rename", "sector", "Automaton", "Robots")
    assert (code, output) == (
        1,
        "no sector called 'Automaton' in plan.yaml; did you mean 'Automation'?\n",
    )
    code, output = run(small_plan, "rename", "sector", "Automation", "recruitment")
    assert code == 1
    assert output.startswith("sector 'Recruitment' is already in plan.yaml; to join the two")
    code, output = run(small_plan, "rename", "sector", "Automation", "Automation")
    assert (code, output) == (0, "the sector is called 'Automation' already; nothing to change\n")
    assert snapshot(small_plan) == before


def test_remove_sector_only_when_it_holds_no_company(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "remove", "sector", "Automation")
    assert code == 1
    assert output == (
        "sector 'Automation' still holds 1 company (Nordic Robotics); remove them first "
        "(playbook remove company NAME) or move them to another sector (the sector: line of "
        "their files); nothing was written\n"
    )
    assert snapshot(small_plan) == before


# ---------------------------------------------------------------- remove company


def test_remove_company_with_people_needs_force(small_plan: Path) -> None:
    path = small_plan / "companies" / "talent-bridge.yaml"
    before = snapshot(small_plan)
    code, output = run(small_plan, "remove", "company", "talent bridge")
    assert code == 1
    assert output == (
        "Talent Bridge lists 2 people (7 touches); to remove them with it: "
        "playbook remove company 'Talent Bridge' --force; nothing was written\n"
    )
    assert snapshot(small_plan) == before
    code, output = run(small_plan, "remove", "company", "talent bridge", "--force", "--dry-run")
    assert code == 0
    assert output.startswith(f"--- {path}\n+++ /dev/null\n@@ -1,22 +0,0 @@\n-name: Talent Bridge\n")
    assert output.endswith(
        "Dry run: nothing was written.\n1 inbound contact names Talent Bridge: without the "
        "company, it counts as from outside the plan\n"
    )
    assert [line for line in output.splitlines() if line.startswith("+")] == ["+++ /dev/null"]
    assert snapshot(small_plan) == before
    code, output = run(small_plan, "remove", "company", "talent bridge", "--force")
    assert code == 0
    assert output == (
        f"{path}: Talent Bridge removed with 2 people\n"
        "1 inbound contact names Talent Bridge: without the company, it counts as from "
        "outside the plan\n"
    )
    del before["companies/talent-bridge.yaml"]
    assert snapshot(small_plan) == before


def test_remove_company_without_people(small_plan: Path) -> None:
    assert run(small_plan, "add", "company", "Cellforge", "--sector", "Battery cells")[0] == 0
    code, output = run(small_plan, "remove", "company", "cellforge")
    path = small_plan / "companies" / "cellforge.yaml"
    assert (code, output) == (0, f"{path}: Cellforge removed\n")
    assert not path.exists()


def test_remove_company_of_a_file_without_one(small_plan: Path) -> None:
    """init's example is all comments: named by its file, it goes."""
    example = small_plan / "companies" / "example-company.yaml"
    example.write_text("# name: Vistula Freight\n# sector: Logistics\n", encoding="utf-8")
    code, output = run(small_plan, "remove", "company", "example-company")
    assert (code, output) == (0, f"{example}: removed (it held no company, only comments)\n")
    assert not example.exists()
    code, output = run(small_plan, "remove", "company", "example-company")
    assert (code, output) == (1, "no company called 'example-company' in the plan\n")


def test_remove_company_suggests_a_close_name(small_plan: Path) -> None:
    code, output = run(small_plan, "remove", "company", "Volta-Cels")
    assert (code, output) == (
        1,
        "no company called 'Volta-Cels' in the plan; did you mean 'Volta Cells'?\n",
    )


def test_a_company_file_of_comments_says_how_to_remove_it(small_plan: Path) -> None:
    (small_plan / "companies" / "example-company.yaml").write_text("# soon\n", encoding="utf-8")
    code, output = run(small_plan, "check")
    assert code == 0
    assert (
        f"{small_plan / 'companies' / 'example-company.yaml'}:1:1: warning: the file holds no "
        "company yet; expected one company: a mapping with at least name and sector (an "
        "example to copy? delete it once you have your own: playbook remove company "
        "example-company)\n"
    ) in output


# ---------------------------------------------------------------- remove person


def test_remove_person_without_touches_takes_their_lines_only(small_plan: Path) -> None:
    path = small_plan / "companies" / "nordic-robotics.yaml"
    before = snapshot(small_plan)
    code, output = run(small_plan, "remove", "person", "Anna Nowak", "--company", "Nordic")
    assert (code, output) == (0, f"{path}:14: Anna Nowak removed from Nordic Robotics\n")
    expected = (
        before["companies/nordic-robotics.yaml"]
        .decode()
        .replace(
            "  - name: Anna Nowak\n    role: Talent Acquisition Lead\n"
            "    email: anna.nowak@nordic-robotics.example\n    focus: hr\n    country: Poland\n",
            "",
        )
    )
    assert read(path) == expected
    before["companies/nordic-robotics.yaml"] = expected.encode()
    assert snapshot(small_plan) == before


def test_remove_person_with_one_touch_needs_force(small_plan: Path) -> None:
    """Anna Nowak of Volta Cells has one touch: refused without --force."""
    before = snapshot(small_plan)
    code, output = run(small_plan, "remove", "person", "Anna Nowak", "--company", "Volta")
    assert (code, output) == (
        1,
        "Anna Nowak (Volta Cells) has 1 touch logged; to remove them with their history: "
        "playbook remove person 'Anna Nowak' --company 'Volta Cells' --force; "
        "nothing was written\n",
    )
    assert snapshot(small_plan) == before
    code, output = run(
        small_plan, "remove", "person", "Anna Nowak", "--company", "Volta", "--force"
    )
    path = small_plan / VOLTA
    assert (code, output) == (0, f"{path}:17: Anna Nowak removed from Volta Cells\n")
    assert read(path) == before[VOLTA].decode().split("  - name: Anna Nowak\n")[0]


def test_remove_person_named_by_an_inbound_contact_keeps_the_contact(small_plan: Path) -> None:
    inbound = read(small_plan / "inbound.yaml")
    code, output = run(small_plan, "remove", "person", "Ewa Kot", "--force")
    assert code == 0, output
    assert output.endswith(
        "removed from Talent Bridge\n1 inbound contact names Ewa Kot: it stays in "
        "inbound.yaml, linked to no person of the plan\n"
    )
    assert read(small_plan / "inbound.yaml") == inbound
    assert run(small_plan, "check")[0] == 0


def test_removing_the_last_person_leaves_a_company_as_add_company_makes_it(
    small_plan: Path,
) -> None:
    assert run(small_plan, "add", "company", "Cellforge", "--sector", "Battery cells")[0] == 0
    path = small_plan / "companies" / "cellforge.yaml"
    empty = read(path)
    assert (
        run(small_plan, "add", "person", "Ola Ek", "--company", "Cellforge", "--focus", "hr")[0]
        == 0
    )
    code, output = run(small_plan, "remove", "person", "Ola Ek", "--dry-run")
    assert code == 0 and output.endswith("Dry run: nothing was written.\n"), output
    assert "-  - name: Ola Ek\n" in output
    code, output = run(small_plan, "remove", "person", "Ola Ek")
    assert (code, output) == (0, f"{path}:3: Ola Ek removed from Cellforge\n")
    assert read(path) == empty
    assert run(small_plan, "check")[0] == 0


def test_remove_person_suggests_a_close_name(small_plan: Path) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "remove", "person", "Jan Nowack")
    assert (code, output) == (
        1,
        "nobody called 'Jan Nowack' in the plan; did you mean 'Jan Nowak' (Volta Cells)?\n",
    )
    assert snapshot(small_plan) == before
