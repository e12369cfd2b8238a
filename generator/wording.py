"""Small wording helpers (numbers in words) shared by metrics, pages and terminal output."""

from __future__ import annotations


def percent(share: float | None) -> str:
    return "–" if share is None else f"{round(100 * share)}%"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
