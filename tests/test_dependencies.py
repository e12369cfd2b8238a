"""pyproject.toml's ranges against the pins in requirements/*.lock, and against the
versions the site adapter accepts at run time."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from generator.site import internals
from tests.helpers import REPO

# Its version API has not changed in years and MkDocs needs it anyway; an upper bound
# would only fight other packages over it.
NO_UPPER_BOUND = {"packaging"}


def requirements() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["dependencies"]]


def pins(lock: str) -> dict[str, Version]:
    found = {}
    for line in (REPO / "requirements" / lock).read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line.split("#", 1)[0].strip())
        if match:
            found[canonicalize_name(match.group(1))] = Version(match.group(2))
    return found


@pytest.mark.parametrize("requirement", requirements(), ids=lambda r: r.name)
def test_every_dependency_is_pinned_inside_its_range(requirement: Requirement) -> None:
    pinned = pins("runtime.lock").get(canonicalize_name(requirement.name))
    assert pinned is not None, f"{requirement.name} is not pinned in runtime.lock"
    assert requirement.specifier.contains(pinned), f"{requirement.name}=={pinned}: {requirement}"


@pytest.mark.parametrize("requirement", requirements(), ids=lambda r: r.name)
def test_no_dependency_can_jump_a_major_version(requirement: Requirement) -> None:
    if canonicalize_name(requirement.name) in NO_UPPER_BOUND:
        return
    uppers = [spec for spec in requirement.specifier if spec.operator in ("<", "<=", "~=", "==")]
    assert uppers, f"{requirement} has no upper bound"


def test_the_adapter_checks_the_same_ranges_pip_installs() -> None:
    declared = {canonicalize_name(r.name): str(r.specifier) for r in requirements()}
    for distribution, (wanted, _) in internals.SUPPORTED.items():
        assert declared[distribution] == str(Requirement(f"x{wanted}").specifier), distribution


def test_the_locks_do_not_pin_one_package_twice() -> None:
    runtime, dev = pins("runtime.lock"), pins("dev.lock")
    assert not runtime.keys() & dev.keys()
