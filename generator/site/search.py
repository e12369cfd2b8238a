"""The search index: whole after a partial rebuild, and forgiving of accents.

Material's search plugin indexes the pages a build renders. A partial rebuild renders
only the pages that changed, so the entries of every page are kept in the session
and the index is written from all of them, in the order a full build writes it.
Accents are forgiven in the browser: the search worker folds every word it indexes
and every word searched ("Poznan" finds "Poznań" and highlights it; see
theme/assets/playbook/search-fold.js), and the opened page marks the same words
(playbook.js).
"""

from __future__ import annotations

from typing import Any


def search_plugin(plugins: Any) -> Any | None:
    """Material's search plugin among the configured ones, if any."""
    for plugin in plugins.values():
        if hasattr(plugin, "search_index") or type(plugin).__name__ == "SearchPlugin":
            return plugin
    return None
