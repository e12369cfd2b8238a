"""Matching names the way people type them: no case, no accents, any spacing.

"zolkiewska" finds "Żółkiewska", "Hoforras" finds "Hőforrás", as on LinkedIn.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TypeVar

# Letters that Unicode does not decompose into a base letter plus an accent.
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "\u0131": "i",  # dotless i
    }
)


class _Marks(dict[int, int | None]):
    """A str.translate table that drops combining marks, each character looked up in
    Unicode once: a large export folds at C speed."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def strip_accents(text: str) -> str:
    """`Łukasz Żółć` → `Lukasz Zolc`; letters without a Latin base are kept."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text.translate(_SPECIAL)).translate(_MARKS)


def fold(text: str) -> str:
    """The form two names are compared in."""
    return " ".join(strip_accents(text).casefold().split())


T = TypeVar("T")

# How alike a typed word must be to a known one (difflib's ratio) to be offered as what
# was meant. A name of a person or a company is long and from an open list: only a
# near-identical one. A key, a vocabulary word or a command is short and from a fixed
# list: a looser match helps. A field of a message template, looser still ("fname" for
# "first_name").
NAME_CUTOFF = 0.8
WORD_CUTOFF = 0.6
FIELD_CUTOFF = 0.5


def nearest_word(word: str, words: Iterable[str], cutoff: float = WORD_CUTOFF) -> str | None:
    """The known word nearest to a typed one, if near enough: "did you mean" for keys,
    vocabulary words, commands and template fields (compared as given)."""
    near = difflib.get_close_matches(word, list(words), n=1, cutoff=cutoff)
    return near[0] if near else None


def likeness(a: str, b: str) -> float:
    """How alike two names are, from 0 to 1, compared without case and accents: to put
    the closest of several near names first."""
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


def close_matches(query: str, candidates: Iterable[tuple[str, T]], n: int = 3) -> list[T]:
    """The candidates whose names are nearly the query (typos, a missing letter), compared
    without case and accents."""
    by_name: dict[str, list[T]] = {}
    for name, item in candidates:
        by_name.setdefault(fold(name), []).append(item)
    folded = fold(query)
    names = difflib.get_close_matches(folded, list(by_name), n=n, cutoff=NAME_CUTOFF)
    if not names:
        return []
    # Only the nearest names: "Jan Nowack" is Jan Nowak, not also Anna Nowak.
    best = difflib.SequenceMatcher(None, folded, names[0]).ratio()
    nearest = [m for m in names if difflib.SequenceMatcher(None, folded, m).ratio() >= best - 0.05]
    return [item for name in nearest for item in by_name[name]]


def listing(names: Sequence[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    quoted = [f"'{name}'" for name in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
