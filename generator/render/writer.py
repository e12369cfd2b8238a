"""Write generated pages into the folders the generator owns, touching only what changed."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import PlaybookError


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _target(docs_dir: Path, relative: str, owned: tuple[str, ...]) -> Path:
    path = (docs_dir / relative).resolve()
    root = docs_dir.resolve()
    if not any(path.is_relative_to(root / folder) for folder in owned):
        raise PlaybookError(f"refusing to write {relative}: outside the generated folders")
    return path


def write_pages(docs_dir: Path, pages: dict[str, str], owned: tuple[str, ...]) -> WriteReport:
    """Make the owned folders hold exactly `pages`; unchanged files are left as they are."""
    report = WriteReport()
    wanted = {_target(docs_dir, relative, owned): relative for relative in pages}
    for path, relative in sorted(wanted.items()):
        text = pages[relative]
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            report.unchanged += 1
            continue
        atomic_write(path, text)
        report.written.append(relative)
    root = docs_dir.resolve()
    for folder in owned:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                report.removed.append(path.relative_to(root).as_posix())
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return report
