"""One LinkedIn member, however their profile address is written.

`https://nl.linkedin.com/in/Jan-Nowak/`, `linkedin.com/in/jan-nowak?trk=x` and
`http://www.linkedin.com/in/jan%2Dnowak` are one profile: the scheme, `www.`, a country
or mobile subdomain, the port, a query, a fragment, a trailing slash or a language
suffix (`/en`), the case and percent-encoding do not change who it is. Two people of a
plan with one profile key are one member listed twice; the import takes a profile key
in LinkedIn's export as proof of who someone is.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

_PROFILE = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)*linkedin\.com(?::\d+)?/(in|pub)/([^?#\s]+)", re.IGNORECASE
)


def profile_key(url: str) -> str:
    """`linkedin.com/in/<slug>` in one form for any address of one profile; "" for an
    address that is not a LinkedIn profile (a company page, another site)."""
    match = _PROFILE.match(url.strip())
    if match is None:
        return ""
    kind, path = match.group(1).lower(), match.group(2)
    parts = [unicodedata.normalize("NFC", unquote(part)).lower() for part in path.split("/")]
    parts = [part for part in parts if part]
    if not parts:
        return ""
    # /in/<slug>/en (a profile in another language) is the same member; old public
    # addresses (/pub/<name>/<a>/<b>/<c>) need every part.
    kept = parts[:1] if kind == "in" else parts
    return f"linkedin.com/{kind}/{'/'.join(kept)}"


def profile_url(url: str) -> str:
    """The address as the plan writes it: https://www.linkedin.com/in/<slug>, keeping
    the slug's own spelling; anything that is not a profile address as given."""
    match = _PROFILE.match(url.strip())
    if match is None:
        return url.strip()
    kind, parts = match.group(1).lower(), [p for p in match.group(2).split("/") if p]
    if not parts:
        return url.strip()
    kept = parts[:1] if kind == "in" else parts
    return f"https://www.linkedin.com/{kind}/{'/'.join(kept)}"
