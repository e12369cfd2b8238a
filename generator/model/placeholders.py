"""The values `playbook init` writes for the user to replace, and how to spot them.

An untouched plan from `init` loads and builds (so the new site shows at once), but a
placeholder is not a plan: `check` warns about each one left, with the command that
replaces it, and step 1 is not done while a sector is still a placeholder.
"""

from __future__ import annotations

import shlex

from generator.errors import Problem, Severity
from generator.model.model import Plan, Sector
from generator.model.names import fold

# me's keys as plans/plan.yaml of the skeleton writes them (tests hold the two together).
ME = {
    "name": "Your Name",
    "headline": "What you do today, in one line",
    "goal": "The role you want in a few years",
    "location": "Your City, Your Country",
    "country": "Your Country",
    "linkedin": "https://www.linkedin.com/in/your-profile",
    "email": "you@example.com",
}
SECTORS = ("Your first sector", "Your second sector")
_FOLDED_SECTORS = frozenset(fold(name) for name in SECTORS)
# The keys a plan cannot do without; the others may go instead of being filled in.
REQUIRED = ("name", "headline", "goal")


def is_placeholder_sector(sector: Sector) -> bool:
    return fold(sector.name) in _FOLDED_SECTORS


def _me_left(plan: Plan) -> list[str]:
    """The keys of `me` that still hold their placeholder, in the skeleton's order."""
    return [
        key
        for key, placeholder in ME.items()
        if (value := getattr(plan.me, key)) and fold(value) == fold(placeholder)
    ]


def placeholder_warnings(plan: Plan) -> list[Problem]:
    """A warning for each placeholder of `init` still in the plan."""
    problems = []
    for key in _me_left(plan):
        where = plan.me.key_locations.get(key, plan.location)
        fix = f"write yours: playbook me --{key} …"
        if key not in REQUIRED:
            fix = f"write yours (playbook me --{key} …) or remove it (playbook me --{key} '')"
        message = f"me.{key}: still the placeholder '{ME[key]}' from playbook init; {fix}"
        problems.append(Problem(where, message, Severity.WARNING))
    for index, sector in enumerate(plan.sectors):
        if is_placeholder_sector(sector):
            message = (
                f"sectors[{index}]: '{sector.name}' is still a placeholder from playbook init; "
                f"name the sector: playbook rename sector {shlex.quote(sector.name)} …"
            )
            problems.append(Problem(sector.location, message, Severity.WARNING))
    return problems


def placeholder_summary(plan: Plan) -> str | None:
    """What `check` adds to its summary while placeholders are left: how many, and what
    to fill in first (who you are, then the sectors); None for a plan without any."""
    me_left = _me_left(plan)
    sectors_left = [s for s in plan.sectors if is_placeholder_sector(s)]
    count = len(me_left) + len(sectors_left)
    if not count:
        return None
    first = []
    if me_left:
        keys = [key for key in me_left if key in REQUIRED] or me_left
        options = " ".join(f"--{key} …" for key in keys)
        first.append(f"who you are (playbook me {options})")
    if sectors_left:
        first.append("your sectors (playbook rename sector OLD NEW)")
    left = "1 placeholder" if count == 1 else f"{count} placeholders"
    return (
        f"{left} from playbook init {'is' if count == 1 else 'are'} left, each named above "
        f"with the command that replaces it: first {', then '.join(first)}."
    )
