"""Only regular files inside the plans folder are read; anything else is a message that
never shows what a link points at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.errors import InvalidPlan
from tests.conftest import TODAY


def problems(plan: Path) -> list[str]:
    with pytest.raises(InvalidPlan) as raised:
        load_plan(plan, TODAY)
    return [str(p).replace(f"{plan}/", "") for p in raised.value.problems]


def test_a_link_outside_the_plans_folder_is_refused_unread(
    small_plan: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (small_plan / "companies" / "passwd.yaml").symlink_to(secret)
    found = problems(small_plan)
    assert found == [
        "companies/passwd.yaml: a link to a file outside the plans folder; "
        "plan files must live in it"
    ]
    assert "root" not in "\n".join(found)


def test_a_link_inside_the_plans_folder_is_read(small_plan: Path) -> None:
    target = small_plan / "shared.yml.txt"
    (small_plan / "companies" / "volta-cells.yaml").rename(target)
    (small_plan / "companies" / "volta-cells.yaml").symlink_to(target)
    assert len(load_plan(small_plan, TODAY).plan.companies) == 3


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.symlink_to(p.parent / "nowhere.yaml"), "a link to a file that does not exist"),
        (lambda p: p.symlink_to(p), "a link that loops back on itself"),
        (lambda p: p.mkdir(), "a folder named like a company file; a company is one YAML file"),
        (lambda p: os.mkfifo(p), "not a regular file (a device, pipe or socket)"),
        (
            lambda p: p.symlink_to("/dev/zero"),
            "a link to a file outside the plans folder; plan files must live in it",
        ),
    ],
    ids=["dangling", "loop", "folder", "fifo", "device"],
)
def test_what_cannot_be_a_company_file_is_named(small_plan: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    make(small_plan / "companies" / "odd.yaml")
    assert problems(small_plan) == [f"companies/odd.yaml: {expected}"]


def test_a_fifo_plan_file_does_not_block(small_plan: Path) -> None:
    (small_plan / "inbound.yaml").unlink()
    os.mkfifo(small_plan / "inbound.yaml")
    assert problems(small_plan) == ["inbound.yaml: not a regular file (a device, pipe or socket)"]


def test_a_huge_file_is_refused_before_reading(small_plan: Path) -> None:
    with (small_plan / "companies" / "huge.yaml").open("wb") as stream:
        stream.truncate(11 * 1024 * 1024)
    assert problems(small_plan) == [
        "companies/huge.yaml: the file is 11 MB; a plan file may hold at most 10 MB"
    ]


def test_companies_that_is_a_file_is_named(small_plan: Path) -> None:
    for path in (small_plan / "companies").iterdir():
        path.unlink()
    (small_plan / "companies").rmdir()
    (small_plan / "companies").write_text("name: X\n", encoding="utf-8")
    assert problems(small_plan) == [
        "companies: 'companies' must be a folder holding one YAML file per company"
    ]
