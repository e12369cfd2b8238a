"""Charts as inline SVG, drawn from numbers alone: no JavaScript, nothing fetched.

Colours come from classes styled in playbook.css with Material's palette variables, so
charts follow the light and dark scheme; the attributes here are fallbacks. Every chart
has a <title> and a <desc> holding the same numbers as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 480
FONT = 15
# Roughly how wide a character of the chart font is, to shorten labels that do not fit.
CHAR_WIDTH = FONT * 0.58


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: object) -> str:
    """Text for SVG: escaped, and without the control characters XML forbids."""
    return html.escape(_NOT_XML.sub("", str(text)), quote=True)


@dataclass(frozen=True)
class Segment:
    label: str
    value: int
    css: str


TITLE_HEIGHT = 28


def _svg(title: str, description: str, height: int, body: list[str]) -> str:
    """One SVG element on a single line, so Markdown keeps it as one raw HTML block.

    The drawing is shifted down to make room for the visible title.
    """
    total = height + TITLE_HEIGHT
    return (
        f'<svg class="pb-chart" viewBox="0 0 {WIDTH} {total}" width="100%" role="img" '
        f'aria-label="{_x(title)}" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="{FONT}" font-family="inherit">'
        f"<title>{_x(title)}</title><desc>{_x(description)}</desc>"
        f'<text class="chart-title" x="0" y="17" font-weight="700" fill="currentColor">'
        f"{_x(title)}</text>"
        f'<g transform="translate(0 {TITLE_HEIGHT})">' + "".join(body) + "</g></svg>"
    )


def _text(x: float, y: float, text: object, anchor: str = "start", css: str = "label") -> str:
    return (
        f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
        f'fill="currentColor">{_x(text)}</text>'
    )


def fit(label: str, width: float) -> str:
    """Shorten a label to about `width` pixels, ending in an ellipsis."""
    room = max(4, int(width / CHAR_WIDTH))
    return label if len(label) <= room else label[: room - 1].rstrip() + "…"


def _label(x: float, y: float, label: str, width: float) -> str:
    """A right-aligned row label; the whole text stays in a tooltip when it is shortened."""
    shown = fit(label, width)
    if shown == label:
        return _text(x, y, label, "end")
    return (
        f'<text class="label" x="{x:.1f}" y="{y:.1f}" text-anchor="end" fill="currentColor">'
        f"<title>{_x(label)}</title>{_x(shown)}</text>"
    )


# Fallback fills, for when the stylesheet is not there (the CSS uses the same hues).
FILLS = {
    "bar": "#009485",
    "seg-1": "#00897b",
    "seg-2": "#8e24aa",
    "seg-3": "#f4511e",
    "seg-4": "#757575",
    "seg-5": "#1e88e5",
    "seg-6": "#fbc02d",
}


def _rect(x: float, y: float, width: float, height: float, css: str) -> str:
    return (
        f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
        f'height="{max(height, 0):.1f}" fill="{FILLS.get(css, FILLS["bar"])}"/>'
    )


def horizontal_bars(
    title: str, rows: Sequence[tuple[str, int, str]], note: Sequence[str] | None = None
) -> str:
    """One bar per row: (label, value, text shown after the value)."""
    row_height, label_width, top = 26, 130, 8
    height = top + row_height * len(rows) + 8
    longest = max((value for _, value, _ in rows), default=0) or 1
    span = WIDTH - label_width - 175
    body = []
    for index, (label, value, extra) in enumerate(rows):
        y = top + index * row_height
        body.append(_label(label_width - 8, y + 16, label, label_width - 12))
        body.append(_rect(label_width, y + 3, span * value / longest, row_height - 8, "bar"))
        shown = f"{value}  {extra}".rstrip()
        body.append(_text(label_width + span * value / longest + 6, y + 16, shown))
    description = "; ".join(f"{label}: {value} {extra}".strip() for label, value, extra in rows)
    if note:
        description += ". " + " ".join(note)
    return _svg(title, description, height, body)


def vertical_bars(
    title: str,
    bars: Sequence[tuple[str, int]],
    target: int | None = None,
    label_every: int = 1,
    show_values: bool = True,
) -> str:
    """Bars over time, oldest left, with an optional dashed target line."""
    height, left, right, top, bottom = 220, 34, 12, 16, 28
    plot_height = height - top - bottom
    peak = max([value for _, value in bars] + [target or 0, 1])
    scale = plot_height / (peak * 1.15)
    slot = (WIDTH - left - right) / max(len(bars), 1)
    body = [
        f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{WIDTH - right}" '
        f'y2="{height - bottom}" stroke="currentColor" stroke-opacity="0.4"/>'
    ]
    for index, (label, value) in enumerate(bars):
        x = left + index * slot
        bar_height = value * scale
        body.append(
            _rect(x + slot * 0.15, height - bottom - bar_height, slot * 0.7, bar_height, "bar")
        )
        if show_values and value:
            body.append(
                _text(x + slot / 2, height - bottom - bar_height - 4, value, "middle", "value")
            )
        if (len(bars) - 1 - index) % label_every == 0:
            half = CHAR_WIDTH * len(label) / 2
            centre = min(max(x + slot / 2, half), WIDTH - half)
            body.append(_text(centre, height - bottom + 18, label, "middle"))
    description = ", ".join(f"{label}: {value}" for label, value in bars)
    if target is not None:
        y = height - bottom - target * scale
        body.append(
            f'<line class="target" x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" '
            f'stroke="#ff6e42" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        body.append(_text(left - 4, y + 4, target, "end", "target-label"))
        description += f". Target: {target} a week."
    return _svg(title, description, height, body)


def stacked_rows(
    title: str, groups: Sequence[tuple[str, Sequence[tuple[str, Sequence[Segment]]]]]
) -> str:
    """Per group a heading line, then one stacked bar per row (each segment a share of the
    row's total), and one legend at the bottom. Headings get the whole width, so long
    sector names are not cut."""
    row_height, label_width, heading_height = 26, 64, 22
    legend: dict[str, str] = {}
    body = []
    span = WIDTH - label_width - 8
    y = 4
    for heading, rows in groups:
        body.append(_text(0, y + 16, fit(heading, WIDTH), css="heading"))
        y += heading_height
        for label, segments in rows:
            total = sum(segment.value for segment in segments) or 1
            body.append(_label(label_width - 8, y + 16, label, label_width - 8))
            x = float(label_width)
            for segment in segments:
                legend.setdefault(segment.label, segment.css)
                width = span * segment.value / total
                body.append(_rect(x, y + 3, width, row_height - 8, segment.css))
                if segment.value and width > 24:
                    css = f"on-bar on-{segment.css}"
                    body.append(_text(x + width / 2, y + 16, segment.value, "middle", css))
                x += width
            y += row_height
        y += 6
    legend_y, x = y + 14, 0.0
    for name, css in sorted(legend.items(), key=lambda item: item[1]):
        width = 30 + CHAR_WIDTH * len(name)
        if x + width > WIDTH:
            legend_y, x = legend_y + 22, 0.0
        body.append(_rect(x, legend_y - 11, 13, 13, css))
        body.append(_text(x + 18, legend_y, name))
        x += width
    description = "; ".join(
        f"{heading}, {label}: " + ", ".join(f"{s.label} {s.value}" for s in segments)
        for heading, rows in groups
        for label, segments in rows
    )
    return _svg(title, description, legend_y + 10, body)
