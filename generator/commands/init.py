"""`playbook init DIR`: start your own private playbook in a new folder.

The way `mkdocs new` starts a project: a commented plan to fill in, one commented
example company, an empty inbound log, the site configuration and home page, a
Makefile that calls this installation's `playbook`, and a git repository with no
remote, so the plan never lives in (or gets pushed with) the tool's own clone.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shlex
import shutil
import string
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import atomic
from generator.commands.edit import checked, checked_option
from generator.editing import yaml_edit
from generator.errors import PlaybookError, shown
from generator.model.names import fold
from generator.model.placeholders import SECTORS as SECTOR_PLACEHOLDERS
from generator.reading import schema
from generator.reading.load import check_text

SKELETON = Path(__file__).resolve().parent.parent / "skeleton"
# Skeleton file → its place in the new playbook.
FILES = {
    "plans/plan.yaml": "plans/plan.yaml",
    "plans/companies/example-company.yaml": "plans/companies/example-company.yaml",
    "plans/inbound.yaml": "plans/inbound.yaml",
    "mkdocs.yml": "mkdocs.yml",
    "content/index.md": "content/index.md",
    "content/method.md": "content/method.md",
    "gitignore": ".gitignore",
}
EXAMPLE_COMPANY = "plans/companies/example-company.yaml"
PLAN = "plans/plan.yaml"
COMPANIES = "plans/companies"
# Templates that name this installation's `playbook`.
TEMPLATES = {"Makefile.in": "Makefile", "README.md.in": "README.md"}


ME_KEYS = tuple(schema.ME.keys)
SECTOR_KEYS = tuple(schema.SECTOR.keys)
RECRUITERS = "Recruitment"  # the skeleton's sector for recruitment firms
IDENTS = ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT")
FALLBACK_NAME, FALLBACK_EMAIL = "Playbook", "playbook@localhost"
FIRST_COMMIT = "A new playbook, as playbook init wrote it"


def playbook_words() -> list[str]:
    """How the new playbook calls this installation: its `playbook` script, else the
    interpreter running this one."""
    script = Path(sys.executable).parent / "playbook"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "generator"]


def playbook_command() -> str:
    """The command for a Makefile: each word quoted for the shell, `$` doubled for make."""
    return " ".join(shlex.quote(word) for word in playbook_words()).replace("$", "$$")


def _inside_this_clone(folder: Path) -> bool:
    """A playbook made inside the tool's own clone would travel with its `git push`."""
    clone = SKELETON.parent.parent
    return (clone / ".git").exists() and folder.resolve().is_relative_to(clone)


@dataclass(frozen=True)
class Setup:
    """What `init` can write into the new plan instead of the placeholders.

    None leaves a placeholder for the user to fill in (and `check` to point at); ""
    removes an optional key. `sectors` replace the two placeholder sectors (the
    recruitment sector stays)."""

    name: str | None = None
    headline: str | None = None
    goal: str | None = None
    location: str | None = None
    linkedin: str | None = None
    email: str | None = None
    sectors: tuple[str, ...] = ()

    @property
    def given(self) -> bool:
        return self != Setup()


@dataclass
class InitReport:
    folder: Path
    created: list[str]
    git: str
    warning: str = ""
    set_up: bool = False  # the plan holds the user's own details, not the placeholders

    @property
    def next_steps(self) -> list[str]:
        if self.set_up:
            first = "Next, in that folder: `playbook add company NAME --sector SECTOR` for each"
            first += " company,"
        else:
            first = "Next: fill in plans/plan.yaml (by hand, or with `playbook me` and"
            first += " `playbook rename sector`),"
        return [
            first,
            "then `make site` (or `make serve`); `playbook check` lists any placeholder left.",
        ]


# Each `me` key init asks for: the question, and whether a blank answer is allowed.
QUESTIONS = {
    "name": ("Your name, as on LinkedIn", False),
    "headline": ("Who you are, in one line (e.g. Supply-chain analyst, 5 years in FMCG)", False),
    "goal": ("What you want, in a few years (e.g. Head of Logistics at a 3PL by 2029)", False),
    "location": ("Where you live, City, Country (Enter to skip)", True),
    "linkedin": ("Your LinkedIn profile, linkedin.com/in/… (Enter to skip)", True),
    "email": ("Your e-mail address (Enter to skip)", True),
}
MAX_SECTORS = 3


def ask_setup(setup: Setup, ask: Callable[[str, bool, Callable[[str], str]], str]) -> Setup:
    """Complete `setup` by asking for what it lacks: `ask(question, optional, check)`
    returns an answer that `check` accepted."""
    answers: dict[str, str] = {}
    for key, (question, optional) in QUESTIONS.items():
        if getattr(setup, key) is None:
            answers[key] = ask(question, optional, _checker(key))
    sectors = list(setup.sectors)
    while not setup.sectors and len(sectors) < MAX_SECTORS:
        number = len(sectors) + 1
        optional = number > 1
        question = f"Sector {number} you aim at" + (" (Enter when done)" if optional else "")
        answer = ask(question, optional, _sector_checker(sectors))
        if not answer:
            break
        sectors.append(answer)
    return dataclasses.replace(setup, **answers, sectors=tuple(sectors))


def _checker(key: str) -> Callable[[str], str]:
    """An answer checked as plan.yaml's key; PlaybookError says what was expected."""
    return lambda value: str(checked(schema.ME.keys[key].field, value.strip()))


def _sector_checker(chosen: list[str]) -> Callable[[str], str]:
    def check(value: str) -> str:
        name = str(checked(schema.SECTOR.keys["name"].field, value.strip()))
        if name and any(fold(name) == fold(other) for other in chosen):
            raise PlaybookError(f"'{name}' is one of your sectors already")
        return name

    return check


def plan_text(setup: Setup) -> str:
    """The skeleton's plan.yaml with what `setup` gives in place of the placeholders,
    comments kept; checked as a plan file before anything is written."""
    path = SKELETON / "plans" / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    values = {key: getattr(setup, key) for key in QUESTIONS}
    fields = {}
    for key, value in values.items():
        if value:
            fields[key] = checked_option(schema.ME.keys[key].field, value, f"--{key}")
        elif value == "" and QUESTIONS[key][1]:
            continue
        elif value == "":
            raise PlaybookError(f"--{key}: the plan needs your {key}; nothing was written")
    blank = [key for key, value in values.items() if value == ""]
    if setup.location is not None:
        blank.append("country")  # the home country comes from the location
    try:
        if fields:
            text = yaml_edit.set_fields(text, ("me",), fields, ME_KEYS).text
        if blank:
            text = yaml_edit.remove_fields(text, ("me",), tuple(blank)).text
        if setup.sectors:
            text = _sectors(text, setup.sectors)
    except yaml_edit.EditRefused as exc:  # the skeleton itself is wrong: a bug of ours
        raise PlaybookError(f"cannot write the plan: {exc}") from None
    problems = [p for p in check_text(path, text, "plan").problems if p.is_error]
    if problems:
        raise PlaybookError(f"{problems[0].message}; nothing was written")
    return text


def _sectors(text: str, names: tuple[str, ...]) -> str:
    """Rename the placeholder sectors, add or remove some so the plan has `names`
    (a name for the recruitment firms is the sector the skeleton has already)."""
    own: list[str] = []
    for name in names:
        try:
            own.append(_sector_checker(own)(name))
        except PlaybookError as exc:
            raise PlaybookError(f"--sector: {exc.message}; nothing was written") from None
    own = [name for name in own if name and fold(name) != fold(RECRUITERS)]
    if not own:
        raise PlaybookError("--sector: name at least one sector besides recruitment firms")
    placeholders = len(SECTOR_PLACEHOLDERS)
    for index, name in enumerate(own[:placeholders]):
        text = yaml_edit.set_fields(text, ("sectors", index), {"name": name}, SECTOR_KEYS).text
        # The placeholder's reason is a hint for the example, not the user's reason.
        text = yaml_edit.remove_fields(text, ("sectors", index), ("why",)).text
    for index, name in enumerate(own[placeholders:], start=placeholders):
        text = yaml_edit.add_item(text, ("sectors",), {"name": name}, index).text
    for index in reversed(range(len(own), placeholders)):
        text = yaml_edit.remove_item(text, ("sectors",), index).text
    return text


def init_playbook(folder: Path, setup: Setup | None = None, commit: bool = True) -> InitReport:
    """Write the playbook's files all at once or none (a full disk leaves nothing); files
    an interrupted `init` left, exactly as it writes them, are taken as written."""
    setup = setup or Setup()
    files = dict(FILES)
    if setup.given:  # set up by command: no commented example to delete later
        del files[EXAMPLE_COMPANY]
    plan = plan_text(setup) if setup.given else None
    contents = _contents(files, plan)
    present = {name for name in contents if os.path.lexists(folder / name)}
    same = {name for name in present if _holds(folder / name, contents[name])}
    if present == set(contents) or (PLAN in present and PLAN not in same):
        raise PlaybookError(
            f"{shown(folder)} already holds a plan (plans/plan.yaml); nothing was written"
        )
    clashes = [name for name in contents if name in present - same]
    if clashes:
        raise PlaybookError(
            f"{shown(folder)} already has {', '.join(clashes)}; choose a new folder "
            "(nothing was written)"
        )
    made: list[Path] = []
    try:
        for place in [*((folder / name).parent for name in contents), folder / COMPANIES]:
            made += _make_folders(place)
        new = {folder / name: text for name, text in contents.items() if name not in same}
        atomic.commit({}, creates=new)
    except OSError as exc:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                path.rmdir()
        where = shown(exc.filename) if exc.filename else shown(folder)
        raise PlaybookError(
            f"cannot create the playbook: {exc.strerror or exc} ({where}); nothing was written"
        ) from None
    warning = ""
    if _inside_this_clone(folder):
        warning = (
            "this folder is inside Playbook's own clone: a `git push` of the clone could "
            "carry your plan; a folder elsewhere is safer"
        )
    return InitReport(folder, list(contents), _git_init(folder, commit), warning, setup.given)


def _contents(files: dict[str, str], plan: str | None) -> dict[str, str]:
    """Every file of the new playbook, by its place in it."""
    contents = {
        target: (SKELETON / source).read_text(encoding="utf-8") for source, target in files.items()
    }
    if plan is not None:
        contents[PLAN] = plan
    words = playbook_words()
    values = {
        "playbook": playbook_command(),
        "playbook_shown": shlex.join(words),
        "playbook_folder": str(Path(words[0]).parent),
    }
    for source, target in TEMPLATES.items():
        template = string.Template((SKELETON / source).read_text(encoding="utf-8"))
        contents[target] = template.substitute(values)
    return contents


def _holds(path: Path, text: str) -> bool:
    try:
        return path.is_file() and path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _make_folders(folder: Path) -> list[Path]:
    """Create a folder and its missing parents; the ones made, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return list(reversed(missing))


def _git(git: str, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [git, "-C", str(folder), *args], capture_output=True, text=True, check=False
    )


def _git_init(folder: Path, commit: bool) -> str:
    git = shutil.which("git")
    if git is None:
        return "git is not installed: keep this folder under version control yourself"
    if (folder / ".git").exists():
        return "the folder is already a git repository; left as it is (nothing committed)"
    result = _git(git, folder, "init", "--quiet")
    if result.returncode != 0:
        return f"git init failed ({result.stderr.strip()}); the files are in place"
    done = "a new git repository with no remote: the plan stays on this machine"
    if not commit:
        return done
    return f"{done}; {_first_commit(git, folder)}"


def _first_commit(git: str, folder: Path) -> str:
    """Commit the new files, so `git diff` shows every change from the first edit on.

    Without a name and e-mail for git, this one commit is made as "Playbook"; nothing
    is stored in git's configuration, so the user's own commits still ask for theirs."""
    fallback: list[str] = []
    if any(_git(git, folder, "var", ident).returncode for ident in IDENTS):
        fallback = ["-c", f"user.name={FALLBACK_NAME}", "-c", f"user.email={FALLBACK_EMAIL}"]
    added = _git(git, folder, "add", "--all")
    made = (
        added.returncode == 0
        and not (
            result := _git(git, folder, *fallback, "commit", "--quiet", "-m", FIRST_COMMIT)
        ).returncode
    )
    if not made:
        failure = (added.stderr if added.returncode else result.stderr).strip().splitlines()
        why = failure[-1] if failure else "no reason given"
        return f"the first commit failed ({why}): commit the files yourself"
    if fallback:
        return (
            f"first commit made as '{FALLBACK_NAME}', as git does not know your name yet "
            '(git config --global user.name "…"; git config --global user.email …)'
        )
    return "first commit made"
