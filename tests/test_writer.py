from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.errors import PlaybookError
from generator.render.writer import write_pages

OWNED = ("people", "companies")


def test_writes_new_pages_and_keeps_hand_written_ones(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("mine", encoding="utf-8")
    report = write_pages(tmp_path, {"people/a.md": "A\n", "companies/b.md": "B\n"}, OWNED)
    assert report.written == ["companies/b.md", "people/a.md"]
    assert (tmp_path / "people" / "a.md").read_text(encoding="utf-8") == "A\n"
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "mine"


def test_unchanged_pages_are_not_rewritten(tmp_path: Path) -> None:
    write_pages(tmp_path, {"people/a.md": "A\n"}, OWNED)
    page = tmp_path / "people" / "a.md"
    os.utime(page, ns=(1_000_000_000, 1_000_000_000))
    report = write_pages(tmp_path, {"people/a.md": "A\n"}, OWNED)
    assert (report.written, report.unchanged) == ([], 1)
    assert page.stat().st_mtime_ns == 1_000_000_000


def test_stale_generated_pages_vanish(tmp_path: Path) -> None:
    write_pages(tmp_path, {"people/a.md": "A\n", "people/old/b.md": "B\n"}, OWNED)
    (tmp_path / "method.md").write_text("hand", encoding="utf-8")
    report = write_pages(tmp_path, {"people/a.md": "A\n"}, OWNED)
    assert report.removed == ["people/old/b.md"]
    assert not (tmp_path / "people" / "old").exists()
    assert (tmp_path / "method.md").exists()


@pytest.mark.parametrize("relative", ["../escape.md", "people/../../escape.md", "index.md"])
def test_refuses_paths_outside_owned_folders(tmp_path: Path, relative: str) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(PlaybookError, match="outside the generated folders"):
        write_pages(docs, {relative: "x"}, OWNED)
    assert not (tmp_path / "escape.md").exists()
