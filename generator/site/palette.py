"""A warning for a site colour that fails WCAG AA contrast.

Playbooks made before the AA palette say `primary: teal` (and `accent: deep orange`)
in their mkdocs.yml: Material's teal puts links at 3.8:1 on white and the header's
white text at 3.8:1 on teal, where AA asks 4.5:1. `check` and `build` warn once, at
the first palette entry with such a colour, and say what to write instead.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Location, Problem, Severity

# Material's named primary colours that fail AA somewhere: (its links on the white
# page, the header's text on it). tests/test_palette.py works these out again from
# Material's own stylesheet. The dark scheme draws links in lighter colours of its own,
# so there only the header counts.
LOW_CONTRAST = {
    "red": (3.45, 3.45),
    "pink": (4.33, 4.33),
    "blue": (3.19, 3.19),
    "light-blue": (2.71, 2.71),
    "cyan": (2.27, 2.27),
    "teal": (3.77, 3.77),
    "green": (2.81, 2.81),
    "light-green": (2.10, 2.10),
    "lime": (1.52, 11.35),
    "yellow": (1.21, 13.75),
    "amber": (1.63, 10.70),
    "orange": (1.94, 9.17),
    "deep-orange": (2.78, 2.78),
}
AA = 4.5
_FIX = (
    "write `primary: custom` and `accent: custom` in every palette entry for Playbook's "
    "own teal and orange (AA in both schemes), or pick indigo, deep purple, purple, "
    "brown, grey or blue grey"
)


def _get(node: Node, key: str) -> Node | None:
    if isinstance(node, MappingNode):
        for name, value in node.value:
            if isinstance(name, ScalarNode) and name.value == key and isinstance(value, Node):
                return value
    return None


def _too_faint(entry: Node) -> tuple[ScalarNode, str] | None:
    """The entry's `primary` node and what fails, if its colour fails AA."""
    primary = _get(entry, "primary")
    if not isinstance(primary, ScalarNode):
        return None
    ratios = LOW_CONTRAST.get(str(primary.value).strip().lower().replace(" ", "-"))
    if ratios is None:
        return None
    links, header = ratios
    scheme = _get(entry, "scheme")
    dark = isinstance(scheme, ScalarNode) and scheme.value == "slate"
    failing = []
    if links < AA and not dark:
        failing.append(f"links {links:.1f}:1 on white")
    if header < AA:
        failing.append(f"the header's text {header:.1f}:1")
    return (primary, " and ".join(failing)) if failing else None


def palette_warnings(config_file: Path) -> list[Problem]:
    """One warning for a theme colour below WCAG AA in mkdocs.yml; none when the file is
    missing or unreadable (MkDocs itself reports that at build time)."""
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    palette = _get(root, "theme") if root is not None else None
    palette = _get(palette, "palette") if palette is not None else None
    entries = palette.value if isinstance(palette, SequenceNode) else [palette]
    for entry in entries:
        if entry is None:
            continue
        found = _too_faint(entry)
        if found is not None:
            primary, failing = found
            mark = primary.start_mark
            where = Location(config_file, mark.line + 1, mark.column + 1)
            message = (
                f"theme.palette: primary '{primary.value}' fails WCAG AA contrast "
                f"({failing}; AA asks {AA}:1): {_FIX}"
            )
            return [Problem(where, message, Severity.WARNING)]
    return []
