"""Tables without empty columns: a column with nothing in any row is left out.

Pages are written as Markdown pipe tables. User text reaches them escaped (a `|` in it
is an entity), so every `|` on a table line is a cell border.
"""

from __future__ import annotations

import re

# A cell that says nothing: empty, or the dash a page writes for "not known".
_EMPTY_CELL = {"", "–"}
_SEPARATOR = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip()[1:-1].split("|")]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _without_empty_columns(table: list[str]) -> list[str]:
    header, separator, *rows = (_cells(line) for line in table)
    if not rows:
        return table
    keep = [
        index
        for index in range(len(header))
        if any(index < len(row) and row[index] not in _EMPTY_CELL for row in rows)
    ]
    if len(keep) == len(header):
        return table
    return [
        _row([cells[i] for i in keep if i < len(cells)]) for cells in (header, separator, *rows)
    ]


def drop_empty_columns(markdown: str) -> str:
    """Every pipe table of a page, minus the columns that are empty in every row."""
    lines = markdown.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        if (
            lines[index].startswith("|")
            and index + 1 < len(lines)
            and _SEPARATOR.match(lines[index + 1])
        ):
            end = index + 2
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            out += _without_empty_columns(lines[index:end])
            index = end
        else:
            out.append(lines[index])
            index += 1
    return "\n".join(out)
