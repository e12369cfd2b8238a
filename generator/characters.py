"""The characters text must not carry unseen, each kind defined once.

A control character is the same thing in a plan's field, an option on the command line,
a message template's output, a cell of LinkedIn's export, a URL and a line printed to
the terminal: C0, DEL or C1. Each place builds its pattern from these ranges (regular
expression syntax, for a character class) and says what it adds or leaves out.
"""

from __future__ import annotations

import re

# Control characters: C0 (U+0000 to U+001F), DEL (U+007F) and C1 (U+0080 to U+009F).
CONTROLS = r"\x00-\x1f\x7f-\x9f"
# The same but the tab and the line break, which text of several lines holds.
CONTROLS_BUT_LAYOUT = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidirectional embeddings, overrides and isolates: they reorder what a screen shows.
BIDI_CONTROLS = r"\u202a-\u202e\u2066-\u2069"
# Lone UTF-16 surrogates: broken Unicode, what undecodable bytes are read as.
SURROGATES = r"\ud800-\udfff"
# Characters a name shows nothing of: zero-width spaces and joiners, direction marks,
# line and paragraph separators, bidirectional embeddings and overrides, invisible
# operators and the byte-order mark.
INVISIBLE = r"\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff"
# What an XML document (an SVG chart) cannot hold at all: the controls but tab, line
# feed and carriage return, and the two noncharacters U+FFFE and U+FFFF.
NOT_IN_XML = r"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"


def any_of(*ranges: str) -> re.Pattern[str]:
    """A pattern for one character of any of the ranges (`CONTROLS`, `SURROGATES` …)."""
    return re.compile(f"[{''.join(ranges)}]")
