"""Shared helpers for tests that build real sites."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HAND_WRITTEN = ("index.md", "method.md", "assets")


def make_project(root: Path, plans: Path) -> Path:
    """A playbook folder like the repository: mkdocs.yml, hand-written content, the plan."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content").mkdir()
    for name in HAND_WRITTEN:
        source = REPO / "content" / name
        if source.is_dir():
            shutil.copytree(source, root / "content" / name)
        else:
            shutil.copy(source, root / "content" / name)
    shutil.copytree(plans, root / "plans")
    os.symlink(REPO / "generator", root / "generator")
    return root


def build(project: Path, today: str = "2026-11-26") -> tuple[int, str]:
    """Run `playbook build` on a project folder; returns (exit code, output)."""
    from click.testing import CliRunner

    from generator.cli import cli

    result = CliRunner().invoke(
        cli,
        [
            "--plans",
            str(project / "plans"),
            "--today",
            today,
            "build",
            "--config",
            str(project / "mkdocs.yml"),
        ],
    )
    return result.exit_code, result.output


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a file in place; the text to replace must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def golden_update_requested() -> bool:
    return os.environ.get("PLAYBOOK_UPDATE_GOLDEN") == "1"
