"""Charts as inline SVG, drawn from numbers alone: no JavaScript, nothing fetched.

Colours come from classes styled in playbook.css, so charts follow the light and dark
scheme; the attributes here are fallbacks. Every chart has a <title> and a <desc>
holding the same numbers as text, every bar or segment a tooltip with its number, and
meaning never rests on colour alone: segments carry their label where it fits, are
parted by a gap, and keep the legend's order.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from generator.characters import NOT_IN_XML, any_of

WIDTH = 480
FONT = 15
# Roughly how wide a character of the chart font is, to shorten labels that do not fit.
CHAR_WIDTH = FONT * 0.58
# Numbers above the bars of a bar chart are a little smaller, and never closer than this.
VALUE_FONT = 13
VALUE_GAP = 3


_NOT_XML = any_of(NOT_IN_XML)


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


def _text(
    x: float, y: float, text: object, anchor: str = "start", css: str = "label", size: int = 0
) -> str:
    font = f' font-size="{size}"' if size else ""
    return (
        f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{font} '
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


# Fallback fills, for when the stylesheet is not there (the light scheme's colours).
FILLS = {
    "bar": "#00695c",
    "seg-1": "#00695c",
    "seg-2": "#6a1b9a",
    "seg-3": "#a63a00",
    "seg-4": "#545454",
    "seg-5": "#1565c0",
    "seg-6": "#7a5900",
}


def _rect(x: float, y: float, width: float, height: float, css: str, tooltip: str = "") -> str:
    shape = (
        f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
        f'height="{max(height, 0):.1f}" fill="{FILLS.get(css, FILLS["bar"])}"'
    )
    if tooltip:
        return f"{shape}><title>{_x(tooltip)}</title></rect>"
    return shape + "/>"


def value_step(values: Sequence[int], slot: float) -> int:
    """Label every n-th bar, so that the widest number fits its room with a gap:
    1 when they all fit, 2 when every other one does, and so on."""
    widest = max((len(str(value)) for value in values), default=1) * VALUE_FONT * 0.58
    step = 1
    while step * slot < widest + VALUE_GAP:
        step += 1
    return step


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
        tooltip = f"{label}: {value} {extra}".strip()
        body.append(
            _rect(label_width, y + 3, span * value / longest, row_height - 8, "bar", tooltip)
        )
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
    """Bars over time, oldest left, with an optional dashed target line.

    Numbers stand above the bars, as many as fit side by side (counted back from the
    latest bar); every bar's number is in its tooltip and in the description.
    """
    height, left, right, top, bottom = 220, 34, 12, 16, 28
    plot_height = height - top - bottom
    peak = max([value for _, value in bars] + [target or 0, 1])
    scale = plot_height / (peak * 1.15)
    slot = (WIDTH - left - right) / max(len(bars), 1)
    step = value_step([value for _, value in bars], slot)
    body = [
        f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{WIDTH - right}" '
        f'y2="{height - bottom}" stroke="currentColor" stroke-opacity="0.4"/>'
    ]
    labels = []
    for index, (label, value) in enumerate(bars):
        x = left + index * slot
        bar_height = value * scale
        top_y = height - bottom - bar_height
        body.append(
            _rect(x + slot * 0.15, top_y, slot * 0.7, bar_height, "bar", f"{label}: {value}")
        )
        if show_values and value and (len(bars) - 1 - index) % step == 0:
            labels.append(_text(x + slot / 2, top_y - 4, value, "middle", "value", VALUE_FONT))
        if (len(bars) - 1 - index) % label_every == 0:
            half = CHAR_WIDTH * len(label) / 2
            centre = min(max(x + slot / 2, half), WIDTH - half)
            body.append(_text(centre, height - bottom + 18, label, "middle"))
    description = ", ".join(f"{label}: {value}" for label, value in bars)
    if target is not None:
        y = height - bottom - target * scale
        body.append(
            f'<line class="target" x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" '
            f'stroke="#bf360c" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        body.append(_text(left - 4, y + 4, target, "end", "target-label"))
        description += f". Target: {target} a week."
    # The numbers go on top of the target line, with a halo (playbook.css) that keeps
    # them readable where the line runs through.
    return _svg(title, description, height, body + labels)


def segment_label(segment: Segment, width: float) -> str:
    """What fits on a segment: its name and number, else the number, else nothing."""
    for text in (f"{segment.label} {segment.value}", str(segment.value)):
        if CHAR_WIDTH * len(text) + 8 <= width:
            return text
    return ""


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
                if not segment.value:
                    continue
                width = span * segment.value / total
                tooltip = f"{label}, {segment.label}: {segment.value}"
                body.append(_rect(x, y + 3, width, row_height - 8, segment.css, tooltip))
                shown = segment_label(segment, width)
                if shown:
                    css = f"on-bar on-{segment.css}"
                    body.append(_text(x + width / 2, y + 16, shown, "middle", css))
                if x > label_width:
                    body.append(
                        f'<line class="gap" x1="{x:.1f}" y1="{y + 3}" x2="{x:.1f}" '
                        f'y2="{y + row_height - 5}" stroke="#fff" stroke-width="2"/>'
                    )
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
