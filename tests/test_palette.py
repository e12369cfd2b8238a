"""The palette passes WCAG 2.2 AA contrast in both schemes: computed from playbook.css
and Material's own colours (the backgrounds it draws on), as a browser would."""

from __future__ import annotations

import colorsys
import re
import shutil
from pathlib import Path

import material
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.site.palette import AA, LOW_CONTRAST, palette_warnings
from generator.site.plugin import THEME_DIR
from tests.conftest import SMALL_PLAN

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


def material_primaries() -> dict[str, tuple[float, float]]:
    """Each of Material's named primary colours: (its links on white, the header's text
    on it), worked out from Material's palette stylesheet."""
    palette = next(MATERIAL_CSS.glob("palette.*.min.css")).read_text(encoding="utf-8")
    props: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", palette):
        for selector in selectors.split(","):
            name = re.fullmatch(r"\[data-md-color-primary=([\w-]+)\]", selector.strip())
            if name:
                props.setdefault(name.group(1), {}).update(re.findall(r"(--[\w-]+):([^;]+)", body))
    ratios = {}
    for name, values in props.items():
        fill = values["--md-primary-fg-color"]
        if not fill.startswith("#"):
            continue  # white and black, written as hsla: neither is a pre-AA default
        header = colour(fill)
        text = over(*hex_colour(values["--md-primary-bg-color"]), header)
        links = colour(values.get("--md-typeset-a-color", fill))
        ratios[name] = (round(contrast(links, WHITE), 2), round(contrast(text, header), 2))
    return ratios


def test_the_colours_warned_about_are_those_below_aa_in_materials_own_stylesheet() -> None:
    computed = material_primaries()
    assert len(computed) == 19
    assert {name: r for name, r in computed.items() if min(r) < AA} == LOW_CONTRAST
    assert computed["grey"] == (6.86, 4.61), "just above AA: no warning"
    assert computed["pink"] == (4.33, 4.33), "just below: a warning"


OLD_SKELETON = """site_name: Playbook
theme:
  name: material
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: teal
      accent: deep orange
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: teal
      accent: deep orange
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  analytics: !ENV [NO_SUCH_VARIABLE, ""]
"""


def warnings_for(tmp_path: Path, text: str) -> list[str]:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return [str(problem) for problem in palette_warnings(config)]


def test_a_playbook_still_on_materials_teal_is_warned_once_with_file_and_line(
    tmp_path: Path,
) -> None:
    (warning,) = warnings_for(tmp_path, OLD_SKELETON)
    assert warning == (
        f"{tmp_path / 'mkdocs.yml'}:7:16: warning: theme.palette: primary 'teal' fails "
        "WCAG AA contrast (links 3.8:1 on white and the header's text 3.8:1; AA asks 4.5:1): "
        "write `primary: custom` and `accent: custom` in every palette entry for Playbook's "
        "own teal and orange (AA in both schemes), or pick indigo, deep purple, purple, "
        "brown, grey or blue grey"
    )


@pytest.mark.parametrize(
    ("palette", "warned"),
    [
        ("{scheme: default, primary: pink}", "primary 'pink' fails WCAG AA contrast (links 4.3:1"),
        ("{scheme: default, primary: grey}", None),
        ("{scheme: default, primary: Deep Orange}", "primary 'Deep Orange' fails"),
        ("{scheme: default, primary: custom}", None),
        ("[{scheme: slate, primary: yellow}]", None),  # black header text; dark-scheme links
        ("[{scheme: slate, primary: teal}]", "(the header's text 3.8:1; AA asks 4.5:1)"),
        ("[{scheme: default, primary: indigo}, {scheme: slate, primary: cyan}]", "'cyan'"),
        ("{scheme: default}", None),
    ],
)
def test_which_palettes_are_warned_about(tmp_path: Path, palette: str, warned: str | None) -> None:
    found = warnings_for(tmp_path, f"theme:\n  name: material\n  palette: {palette}\n")
    if warned is None:
        assert found == []
    else:
        (warning,) = found
        assert warned in warning


def test_no_warning_without_a_readable_mkdocs_yml(tmp_path: Path) -> None:
    assert palette_warnings(tmp_path / "mkdocs.yml") == []
    assert warnings_for(tmp_path, "theme: [unclosed\n") == []
    assert warnings_for(tmp_path, "") == []


def test_check_warns_about_the_playbooks_own_mkdocs_yml(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SMALL_PLAN, plans)
    (tmp_path / "mkdocs.yml").write_text(OLD_SKELETON, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", "2026-11-26", "check"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("theme.palette: primary 'teal'") == 1
    assert f"{tmp_path / 'mkdocs.yml'}:7:16: warning: theme.palette" in result.output
