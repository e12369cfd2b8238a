"""`playbook init DIR`: start your own private playbook in a new folder.

The way `mkdocs new` starts a project: a commented plan to fill in, one commented
example company, an empty inbound log, the site configuration and home page, a
Makefile that calls this installation's `playbook`, and a git repository with no
remote, so the plan never lives in (or gets pushed with) the tool's own clone.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import string
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.editing.atomic import commit
from generator.errors import PlaybookError, shown

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
# Templates that name this installation's `playbook`.
TEMPLATES = {"Makefile.in": "Makefile", "README.md.in": "README.md"}


@dataclass
class InitReport:
    folder: Path
    created: list[str]
    git: str
    warning: str = ""


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


def init_playbook(folder: Path) -> InitReport:
    """Write the playbook's files all at once or none (a full disk leaves nothing); files
    an interrupted `init` left, exactly as it writes them, are taken as written."""
    contents = _contents()
    present = {name for name in contents if os.path.lexists(folder / name)}
    same = {name for name in present if _holds(folder / name, contents[name])}
    plan = "plans/plan.yaml"
    if present == set(contents) or (plan in present and plan not in same):
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
        for name in contents:
            made += _make_folders((folder / name).parent)
        commit({}, creates={folder / n: text for n, text in contents.items() if n not in same})
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
    return InitReport(folder, list(contents), _git_init(folder), warning)


def _contents() -> dict[str, str]:
    """Every file of a new playbook, by its place in it."""
    words = playbook_words()
    values = {
        "playbook": playbook_command(),
        "playbook_shown": shlex.join(words),
        "playbook_folder": str(Path(words[0]).parent),
    }
    contents = {
        target: (SKELETON / source).read_text(encoding="utf-8") for source, target in FILES.items()
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


def _git_init(folder: Path) -> str:
    git = shutil.which("git")
    if git is None:
        return "git is not installed: keep this folder under version control yourself"
    if (folder / ".git").exists():
        return "the folder is already a git repository; left as it is"
    result = subprocess.run(
        [git, "init", "--quiet", str(folder)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        return f"git init failed ({result.stderr.strip()}); the files are in place"
    return "a new git repository with no remote: the plan stays on this machine"
