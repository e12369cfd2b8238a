"""Escaping user text for the places it lands: Markdown, tables, HTML attributes, links.

User text is written into Markdown with every character that Markdown, HTML, the
table syntax or a template engine could act on turned into an HTML entity. The
browser shows the characters; no parser on the way gives them a meaning.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from generator.characters import CONTROLS

_SIGNIFICANT = set("\\`*_{}[]()#+-.!|<>&~^=:\"'$%@")


def _entities(text: str) -> str:
    return "".join(f"&#{ord(c)};" if c in _SIGNIFICANT else c for c in text)


def escape_inline(text: object) -> Markup:
    """Inline text: whitespace folded to single spaces, specials as entities."""
    return Markup(_entities(" ".join(str(text).split())))


_SAFE_SCHEMES = ("http", "https", "mailto")
_NOT_IN_URL = re.compile(rf"[\s{CONTROLS}]")


def safe_url(url: str) -> str | None:
    """The URL if it is http, https or mailto, parseable, with no whitespace or controls."""
    if _NOT_IN_URL.search(url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in _SAFE_SCHEMES else None


def link(url: str, label: object | None = None, css: str = "") -> Markup:
    """An HTML link to a safe URL, or the label as plain text when the URL is not safe."""
    shown = escape_inline(label if label is not None else url)
    target = safe_url(url)
    if target is None:
        return shown
    # Entities in the address too: Markdown would otherwise read a backtick or an
    # asterisk in it as code or emphasis and break the tag. Browsers decode them.
    css_attribute = f' class="{css}"' if css else ""
    return Markup(f'<a href="{_entities(target)}"{css_attribute}>{shown}</a>')


def mailto_url(email: str, subject: str = "", body: str = "") -> str:
    """A mailto: address with the subject and body prefilled, percent-encoded (RFC 6068)."""
    query = []
    if subject:
        query.append("subject=" + quote(subject, safe=""))
    if body:
        query.append("body=" + quote(body.replace("\n", "\r\n"), safe=""))
    address = quote(email, safe="@")
    return f"mailto:{address}" + ("?" + "&".join(query) if query else "")


def mailto(email: str, subject: str = "", body: str = "", label: object | None = None) -> Markup:
    return link(mailto_url(email, subject, body), email if label is None else label)


def code_text(text: str) -> Markup:
    """Text for inside a raw `<pre><code>`: escaped, its line breaks as `&#10;` so the
    block stays on one line and Markdown leaves it alone. Drafts are plain text: no
    highlighter runs over them; the theme still gives the block its copy button."""
    return Markup(html.escape(text, quote=False).replace("\n", "&#10;"))
