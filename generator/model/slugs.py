"""URL-safe slugs: lowercase ASCII letters, digits and single hyphens, never empty.

A slug can never hold `/`, `.` or `\\`, so no name can turn into a path outside the
folder a page is written to.

Latin letters are reduced to their base letter, exactly as `names.strip_accents` does
(so "Müller" stays `muller`, never `mueller`, and no existing page moves); letters of
other scripts are transliterated by `anyascii` ("Иван Петров" → `ivan-petrov`,
"Γιώργος" → `giorgos`). Symbols and emoji are left out, as before.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from anyascii import anyascii

from generator.model.names import strip_accents

# Modern Greek digraphs (ELOT 743, as on Greek passports): "Παπαδόπουλος" is
# Papadopoulos, not Papadopoylos; "Ευάγγελος" is Evangelos; alpha or epsilon before
# upsilon is "af"/"ef" before a voiceless consonant or at the end of a word.
_GREEK_OU = re.compile(r"ο[υύ]", re.IGNORECASE)
_GREEK_NG = re.compile(r"γγ", re.IGNORECASE)
_GREEK_AU_EU = re.compile(r"([αε])[υύ](?=(.?))", re.IGNORECASE)
_VOICELESS = frozenset("θκξπστφχψς")


def _greek_digraphs(text: str) -> str:
    text = _GREEK_OU.sub("ou", text)
    text = _GREEK_NG.sub("ng", text)
    return _GREEK_AU_EU.sub(_au_eu, text)


def _au_eu(match: re.Match[str]) -> str:
    after = match.group(2).lower()
    voiceless = not after.isalpha() or after in _VOICELESS
    return anyascii(match.group(1)).lower() + ("f" if voiceless else "v")


def _transliterated(text: str) -> str:
    """Each character as today's rule has it when that gives ASCII; another script's
    letter or digit through anyascii; anything else (symbols, emoji) left out."""
    parts = []
    for char in unicodedata.normalize("NFC", _greek_digraphs(text)):
        base = strip_accents(char)
        if base.isascii():
            parts.append(base)
        elif unicodedata.category(char)[0] in "LN":
            # One ideograph or Hangul syllable is one word: 张伟 → "zhang wei".
            gap = " " if unicodedata.name(char, "").startswith(("CJK", "HANGUL")) else ""
            parts.append(anyascii(char) + gap)
    return "".join(parts)


def slugify(text: str, fallback: str = "item") -> str:
    """`Łukasz Żółć` → `lukasz-zolc`, `Олена Коваль` → `olena-koval`; text with nothing
    to spell in ASCII (emoji, symbols) gets a stable short hash."""
    ascii_text = _transliterated(text).encode("ascii", "ignore").decode("ascii").lower()
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
