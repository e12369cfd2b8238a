"""Shared helpers for tests that build real sites."""

from __future__ import annotations

import gzip
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HAND_WRITTEN = ("index.md", "method.md")


def make_project(root: Path, plans: Path) -> Path:
    """A playbook folder like the repository: mkdocs.yml, hand-written content, the plan."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content").mkdir()
    for name in HAND_WRITTEN:
        shutil.copy(REPO / "content" / name, root / "content" / name)
    shutil.copytree(plans, root / "plans")
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
        catch_exceptions=False,
    )
    return result.exit_code, result.output


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path: to compare a tree before and after."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def site_files(site: Path) -> dict[str, bytes]:
    """A built site, file by file; compressed files (the sitemap) compared by content, as
    their header holds the time they were written."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            relative = path.relative_to(site).as_posix()
            files[relative] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a file in place; the text to replace must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def golden_update_requested() -> bool:
    return os.environ.get("PLAYBOOK_UPDATE_GOLDEN") == "1"


def append_to(path: Path, text: str) -> None:
    """Add lines at the end of a file."""
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def time_zone(name: str) -> Iterator[None]:
    """Run with this computer's clock in another time zone (as a fixture's body, or a
    one-round loop), then put it back."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
