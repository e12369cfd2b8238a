"""Escaping user text for the places it lands: Markdown, tables, HTML attributes, links.

User text is written into Markdown with every character that Markdown, HTML, the
table syntax or a template engine could act on turned into an HTML entity. The
browser shows the characters; no parser on the way gives them a meaning.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup

_SIGNIFICANT = set("\\`*_{}[]()#+-.!|<>&~^=:\"'$%@")


def _entities(text: str) -> str:
    return "".join(f"&#{ord(c)};" if c in _SIGNIFICANT else c for c in text)


def md(text: object) -> Markup:
    """Inline text: whitespace folded to single spaces, specials as entities."""
    return Markup(_entities(" ".join(str(text).split())))


_SAFE_SCHEMES = ("http", "https", "mailto")


def safe_url(url: str) -> str | None:
    """The URL if it is http, https or mailto with no whitespace or control characters."""
    if re.search(r"[\s\x00-\x1f\x7f]", url):
        return None
    scheme = urlsplit(url).scheme.lower()
    return url if scheme in _SAFE_SCHEMES else None


def link(url: str, label: object | None = None) -> Markup:
    """An HTML link to a safe URL, or the label as plain text when the URL is not safe."""
    shown = md(label if label is not None else url)
    target = safe_url(url)
    if target is None:
        return shown
    # Entities in the address too: Markdown would otherwise read a backtick or an
    # asterisk in it as code or emphasis and break the tag. Browsers decode them.
    return Markup(f'<a href="{_entities(target)}">{shown}</a>')


def mailto(email: str) -> Markup:
    return link(f"mailto:{email}", email)


def fence(text: str) -> str:
    """A backtick fence longer than any run of backticks inside the text."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)
