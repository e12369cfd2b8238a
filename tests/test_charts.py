from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from generator.checking import load_plan
from generator.render import scoreboard
from generator.render.charts import (
    CHAR_WIDTH,
    VALUE_FONT,
    VALUE_GAP,
    Segment,
    horizontal_bars,
    segment_label,
    stacked_rows,
    value_step,
    vertical_bars,
)
from tests.conftest import SMALL_PLAN, TODAY

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def bars(root: ET.Element, css: str = "bar") -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if r.get("class") == css]


def test_every_chart_has_title_and_text_alternative() -> None:
    plan = load_plan(SMALL_PLAN, TODAY)
    charts = [
        scoreboard.funnel_chart(plan),
        scoreboard.weekly_chart(plan),
        scoreboard.inbound_chart(plan),
        scoreboard.coverage_chart(plan),
    ]
    for chart in charts:
        root = parse(str(chart))
        assert root.get("role") == "img"
        assert root.find(f"{SVG}title") is not None
        assert root.find(f"{SVG}desc") is not None
        assert "\n" not in str(chart), "one line, so Markdown keeps it as one block"


def test_funnel_has_a_bar_per_stage() -> None:
    root = parse(str(scoreboard.funnel_chart(load_plan(SMALL_PLAN, TODAY))))
    assert len(bars(root)) == 6
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert desc.text.startswith("identified: 1; invited: 1 (reached by 5)")
    assert "invited→connected: 80%" in desc.text


def test_weekly_chart_has_26_bars_and_a_target_line() -> None:
    root = parse(str(scoreboard.weekly_chart(load_plan(SMALL_PLAN, TODAY))))
    assert len(bars(root)) == 26
    targets = [line for line in root.iter(f"{SVG}line") if line.get("class") == "target"]
    assert len(targets) == 1


def test_inbound_chart_has_12_months() -> None:
    root = parse(str(scoreboard.inbound_chart(load_plan(SMALL_PLAN, TODAY))))
    assert len(bars(root)) == 12
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "label"]
    assert labels[0] == "Dec" and labels[-1] == "Nov"


def test_coverage_has_a_heading_and_two_rows_per_sector() -> None:
    root = parse(str(scoreboard.coverage_chart(load_plan(SMALL_PLAN, TODAY))))
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert desc.text.count(", focus:") == 3 and desc.text.count(", where:") == 3
    headings = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "heading"]
    assert headings == ["Battery cells", "Automation", "Recruitment"]


def test_long_sector_names_are_not_cut_in_the_coverage_chart() -> None:
    name = "Heat pumps and HVAC manufacturers"
    svg = stacked_rows("t", [(name, [("focus", [Segment("a", 1, "seg-1")])])])
    headings = [t.text for t in parse(svg).iter(f"{SVG}text") if t.get("class") == "heading"]
    assert headings == [name]


def test_labels_are_escaped() -> None:
    svg = horizontal_bars("<b>&", [("<script>", 3, "x & y")])
    root = parse(svg)
    assert "<script>" not in svg
    assert [t.text for t in root.iter(f"{SVG}text")][1] == "<script>"


def test_large_numbers_stay_inside_the_drawing() -> None:
    weekly = vertical_bars("w", [(str(i), 5000 if i == 3 else i) for i in range(26)], target=40)
    root = parse(weekly)
    height = float(root.get("viewBox", "0 0 0 0").split()[3])
    for rect in bars(root):
        assert float(rect.get("y", "0")) >= 0 and float(rect.get("height", "0")) <= height


@given(
    st.lists(
        st.tuples(st.text(max_size=30), st.lists(st.integers(0, 10_000), min_size=1, max_size=4)),
        max_size=6,
    )
)
def test_stacked_rows_are_always_well_formed(rows: list[tuple[str, list[int]]]) -> None:
    data = [
        (label, [("row", [Segment(f"s{i}", v, f"seg-{i + 1}") for i, v in enumerate(values)])])
        for label, values in rows
    ]
    root = parse(stacked_rows("t", data))
    assert root.tag == f"{SVG}svg"


def test_one_person_and_five_thousand_both_render() -> None:
    for count in (1, 5000):
        svg = horizontal_bars("f", [("identified", count, ""), ("met", count // 3, "")])
        assert len(bars(parse(svg))) == 2


def test_long_labels_are_shortened_with_the_full_text_kept() -> None:
    label = "Third-party logistics and contract warehousing"
    svg = horizontal_bars("t", [(label, 3, "")])
    root = parse(svg)
    texts = [t for t in root.iter(f"{SVG}text") if t.get("class") == "label"]
    title = texts[0].find(f"{SVG}title")
    assert title is not None and title.text == label
    assert title.tail is not None and title.tail.endswith("…") and len(title.tail) <= 18


def value_labels(root: ET.Element) -> list[ET.Element]:
    return [t for t in root.iter(f"{SVG}text") if t.get("class") == "value"]


def test_numbers_above_26_weekly_bars_never_run_together() -> None:
    """Three weeks of 15 on a 15 target once read "151515" along the target line."""
    weeks = [(f"w{i}", 15) for i in range(26)]
    root = parse(vertical_bars("w", weeks, target=15))
    labels = value_labels(root)
    xs = [float(t.get("x", "0")) for t in labels]
    width = 2 * VALUE_FONT * 0.58
    assert all(b - a >= width + VALUE_GAP for a, b in pairwise(xs))
    assert labels[-1].text == "15" and xs[-1] == max(xs), "the latest week is always labelled"
    assert len(bars(root)) == 26
    tooltips = [r.find(f"{SVG}title") for r in bars(root)]
    assert all(t is not None and t.text and t.text.endswith(": 15") for t in tooltips)
    kinds = [child.get("class") for child in root.iter() if child.get("class")]
    assert kinds.index("target") < kinds.index("value"), "numbers are drawn over the line"


def test_value_step_is_the_fewest_skips_that_fit() -> None:
    two_digits = 2 * VALUE_FONT * 0.58
    exact = two_digits + VALUE_GAP
    assert value_step([15], exact) == 1
    assert value_step([15], exact - 0.1) == 2
    assert value_step([15], exact / 2) == 2
    assert value_step([15], exact / 2 - 0.1) == 3
    assert value_step([5], exact) == 1


def test_single_digits_label_every_bar() -> None:
    root = parse(vertical_bars("w", [(f"w{i}", 1 + i % 9) for i in range(26)], target=5))
    assert len(value_labels(root)) == 26


def test_segments_carry_their_name_where_it_fits_and_empty_ones_are_not_drawn() -> None:
    svg = stacked_rows(
        "t",
        [
            (
                "S",
                [
                    (
                        "focus",
                        [
                            Segment("operations", 30, "seg-1"),
                            Segment("hr", 1, "seg-2"),
                            Segment("other", 0, "seg-4"),
                        ],
                    )
                ],
            )
        ],
    )
    root = parse(svg)
    on_bar = [t.text for t in root.iter(f"{SVG}text") if "on-bar" in (t.get("class") or "")]
    assert on_bar == ["operations 30"]
    assert len(bars(root, "seg-4")) == 1, "only the legend's swatch"
    assert segment_label(Segment("hr", 12, "seg-2"), CHAR_WIDTH * 5 + 8) == "hr 12"
    assert segment_label(Segment("hr", 12, "seg-2"), CHAR_WIDTH * 5 + 7.9) == "12"
    assert segment_label(Segment("hr", 12, "seg-2"), CHAR_WIDTH * 2 + 7.9) == ""
