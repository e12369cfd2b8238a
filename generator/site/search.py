"""The search index: whole after a partial rebuild, and forgiving of accents.

Material's search plugin indexes the pages a build renders. A partial rebuild renders
only the pages that changed, so the entries of every page are kept in the session
and the index is written from all of them, in the order a full build writes it.
Each entry also gets a `folded` field: its words without accents ("Poznan" for
"Poznań"), which the search worker indexes like the text, so a query typed without
accents finds the page, as it does on LinkedIn.
"""

from __future__ import annotations

import re
from typing import Any

from generator.model.names import strip_accents

FOLDED_FIELD = "folded"
_WORD = re.compile(r"\w+")


def folded_words(*texts: str) -> str:
    """The words that change when their accents go, without accents, once each."""
    words: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(text):
            plain = strip_accents(word)
            if plain != word and plain.isascii():
                words.setdefault(plain, None)
    return " ".join(words)


def with_folded(entry: dict[str, Any]) -> dict[str, Any]:
    text = re.sub(r"<[^>]*>", " ", str(entry.get("text", "")))
    folded = folded_words(str(entry.get("title", "")), text)
    if folded:
        return {**entry, FOLDED_FIELD: folded}
    return entry


def search_plugin(plugins: Any) -> Any | None:
    """Material's search plugin among the configured ones, if any."""
    for plugin in plugins.values():
        if hasattr(plugin, "search_index") or type(plugin).__name__ == "SearchPlugin":
            return plugin
    return None
