"""URL-safe slugs: lowercase ASCII letters, digits and single hyphens, never empty.

A slug can never hold `/`, `.` or `\\`, so no name can turn into a path outside the
folder a page is written to.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from generator.model.names import strip_accents


def slugify(text: str, fallback: str = "item") -> str:
    """`Łukasz Żółć` → `lukasz-zolc`; text with no Latin letters gets a stable short hash."""
    ascii_text = strip_accents(text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if slug:
        return slug[:80].rstrip("-")
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{fallback}-{digest}"


def unique_slugs(names: Iterable[tuple[str, str]], fallback: str = "item") -> list[str]:
    """Slugs for (name, qualifier) pairs, in order; a clash adds the qualifier, then a number.

    The first holder of a name keeps the plain slug, so adding a namesake later does
    not move an existing page.
    """
    taken: set[str] = set()
    result = []
    for name, qualifier in names:
        base = slugify(name, fallback)
        candidate = base
        if candidate in taken and qualifier:
            candidate = f"{base}-{slugify(qualifier, fallback)}"
        number = 2
        unqualified = candidate
        while candidate in taken:
            candidate = f"{unqualified}-{number}"
            number += 1
        taken.add(candidate)
        result.append(candidate)
    return result
