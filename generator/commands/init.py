"""`playbook init DIR`: start your own private playbook in a new folder.

The way `mkdocs new` starts a project: a commented plan to fill in, one commented
example company, an empty inbound log, the site configuration and home page, a
Makefile that calls this installation's `playbook`, and a git repository with no
remote, so the plan never lives in (or gets pushed with) the tool's own clone.
"""

from __future__ import annotations

import shlex
import shutil
import string
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.errors import PlaybookError

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
    if (folder / "plans" / "plan.yaml").exists():
        raise PlaybookError(f"{folder} already holds a plan (plans/plan.yaml); nothing was written")
    targets = [*FILES.values(), *TEMPLATES.values()]
    clashes = [name for name in targets if (folder / name).exists()]
    if clashes:
        raise PlaybookError(
            f"{folder} already has {', '.join(clashes)}; choose a new folder (nothing was written)"
        )
    try:
        for source, target in FILES.items():
            path = folder / target
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SKELETON / source, path)
        words = playbook_words()
        values = {
            "playbook": playbook_command(),
            "playbook_shown": shlex.join(words),
            "playbook_folder": str(Path(words[0]).parent),
        }
        for source, target in TEMPLATES.items():
            template = string.Template((SKELETON / source).read_text(encoding="utf-8"))
            (folder / target).write_text(template.substitute(values), encoding="utf-8")
    except OSError as exc:
        raise PlaybookError(
            f"cannot create the playbook: {exc.strerror} ({exc.filename})"
        ) from None
    warning = ""
    if _inside_this_clone(folder):
        warning = (
            "this folder is inside Playbook's own clone: a `git push` of the clone could "
            "carry your plan; a folder elsewhere is safer"
        )
    return InitReport(folder, targets, _git_init(folder), warning)


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
