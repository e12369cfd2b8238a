"""The palette passes WCAG 2.2 AA contrast in both schemes: computed from playbook.css
and Material's own colours (the backgrounds it draws on), as a browser would."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import material
import pytest

from generator.site.plugin import THEME_DIR

CSS = (THEME_DIR / "assets" / "playbook" / "playbook.css").read_text(encoding="utf-8")
MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

RGB = tuple[float, float, float]


def block(selector: str, css: str = CSS) -> dict[str, str]:
    """The custom properties set in the first rule for `selector`."""
    match = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert match is not None, selector
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", match.group(1)))


def hex_colour(text: str) -> tuple[RGB, float]:
    digits = text.strip().lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    alpha = channels[3] if len(channels) == 4 else 1.0
    return (channels[0], channels[1], channels[2]), alpha


def over(colour: RGB, alpha: float, below: RGB) -> RGB:
    r, g, b = (alpha * c + (1 - alpha) * d for c, d in zip(colour, below, strict=True))
    return r, g, b


def luminance(colour: RGB) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def slate() -> dict[str, tuple[RGB, float]]:
    """Material's dark scheme colours, from its own palette stylesheet."""
    palette = next(MATERIAL_CSS.glob("palette.*.min.css")).read_text(encoding="utf-8")
    main = next(MATERIAL_CSS.glob("main.*.min.css")).read_text(encoding="utf-8")
    hue = float(re.search(r"--md-hue:\s*(\d+)deg", main).group(1))  # type: ignore[union-attr]
    scheme = block("[data-md-color-scheme=slate]", palette)
    colours = {}
    for name in (
        "--md-default-bg-color",
        "--md-code-bg-color",
        "--md-default-fg-color",
        "--md-default-fg-color--light",
        "--md-default-fg-color--lightest",
    ):
        s, lum, a = re.findall(r"([\d.]+)%?", scheme[name].split(")", 1)[1])[:3]
        r, g, b = colorsys.hls_to_rgb(hue / 360, float(lum) / 100, float(s) / 100)
        colours[name] = ((r, g, b), float(a))
    return colours


WHITE: RGB = (1.0, 1.0, 1.0)
DARK = slate()
DARK_BG = over(*DARK["--md-default-bg-color"], WHITE)
DARK_CODE_BG = over(*DARK["--md-code-bg-color"], DARK_BG)
LIGHT_CODE_BG = hex_colour("#f5f5f5")[0]

PRIMARY = block('[data-md-color-primary="custom"]')
ACCENT = block('[data-md-color-accent="custom"]')
DARK_PRIMARY = block('[data-md-color-scheme="slate"][data-md-color-primary="custom"]')
DARK_ACCENT = block('[data-md-color-scheme="slate"][data-md-color-accent="custom"]')
LIGHT_CHART = block(':root, [data-md-color-scheme="default"]')
DARK_CHART = block('[data-md-color-scheme="slate"]')


def colour(value: str) -> RGB:
    return hex_colour(value)[0]


def test_the_header_and_tabs_are_readable() -> None:
    header = colour(PRIMARY["--md-primary-fg-color"])
    assert contrast(colour(PRIMARY["--md-primary-bg-color"]), header) >= 4.5


@pytest.mark.parametrize(
    ("links", "accent", "background"),
    [
        (PRIMARY["--md-typeset-a-color"], ACCENT["--md-accent-fg-color"], WHITE),
        (DARK_PRIMARY["--md-typeset-a-color"], DARK_ACCENT["--md-accent-fg-color"], DARK_BG),
    ],
    ids=["light", "dark"],
)
def test_links_and_their_hover_and_focus_colour_read_on_the_page(
    links: str, accent: str, background: RGB
) -> None:
    assert contrast(colour(links), background) >= 4.5
    assert contrast(colour(accent), background) >= 4.5


def test_the_copy_button_is_visible_at_rest() -> None:
    light = over((0.0, 0.0, 0.0), 0x8A / 255, LIGHT_CODE_BG)  # Material's fg--light
    assert contrast(light, LIGHT_CODE_BG) >= 3
    dark = over(*DARK["--md-default-fg-color--light"], DARK_CODE_BG)
    assert contrast(dark, DARK_CODE_BG) >= 3


@pytest.mark.parametrize(
    ("chart", "background"), [(LIGHT_CHART, WHITE), (DARK_CHART, DARK_BG)], ids=["light", "dark"]
)
def test_chart_colours_read_on_the_page_and_their_numbers_on_them(
    chart: dict[str, str], background: RGB
) -> None:
    fills = [name for name in chart if re.fullmatch(r"--pb-chart-(\d|bar)", name)]
    assert len(fills) == 7
    on = colour(chart["--pb-chart-on"])
    for name in fills:
        fill = colour(chart[name])
        assert contrast(fill, background) >= 4.5, name
        assert contrast(on, fill) >= 4.5, name
    assert contrast(colour(chart["--pb-chart-target"]), background) >= 4.5


def test_stage_pills_keep_the_text_readable_in_both_schemes() -> None:
    tints = re.findall(r"\.pb-stage--(\w+) \{ --pb-stage-bg: (#[0-9a-f]{8});", CSS)
    assert len(tints) == 6
    light_text = over((0.0, 0.0, 0.0), 0xDE / 255, WHITE)
    for stage, tint in tints:
        rgb, alpha = hex_colour(tint)
        light_pill = over(rgb, alpha, WHITE)
        assert contrast(light_text, light_pill) >= 4.5, stage
        dark_pill = over(rgb, alpha, DARK_BG)
        dark_text = over(*DARK["--md-default-fg-color"], dark_pill)
        assert contrast(dark_text, dark_pill) >= 4.5, stage


@pytest.mark.parametrize(
    ("scheme", "background", "band"),
    [
        (LIGHT_CHART, WHITE, ((0.0, 0.0, 0.0), 0x12 / 255)),  # Material's fg--lightest
        (DARK_CHART, DARK_BG, DARK["--md-default-fg-color--lightest"]),
    ],
    ids=["light", "dark"],
)
def test_the_search_result_count_reads_on_its_grey_band(
    scheme: dict[str, str], background: RGB, band: tuple[RGB, float]
) -> None:
    under = over(*band, background)
    text = over(*hex_colour(scheme["--pb-search-meta"]), under)
    assert contrast(text, under) >= 4.5
