"""One look for one thing: joins without dangling separators, one spelling of channels,
one stage pill, counts beside targets, and tables without empty columns."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from generator.checking import load_plan
from generator.model.vocabulary import Channel, Stage
from generator.render.pages import all_pages
from generator.render.tables import drop_empty_columns
from generator.render.terms import against_target, channel_label, joined, stage_pill
from tests.conftest import SMALL_PLAN, TODAY


def test_joined_leaves_out_what_is_empty() -> None:
    assert joined("a", "", "b") == "a · b"
    assert joined("", "a", None, "") == "a"
    assert joined("", "") == ""
    assert joined("<b>", Markup("<i>x</i>")) == "&#60;b&#62; · <i>x</i>"


def test_channels_have_one_spelling() -> None:
    assert [channel_label(c) for c in Channel] == [
        "phone",
        "e-mail",
        "LinkedIn",
        "meeting",
        "other",
    ]
    assert channel_label("not invited") == "not invited"


def test_every_stage_has_a_pill_that_says_what_it_means() -> None:
    for stage in Stage:
        pill = stage_pill(stage)
        assert pill.startswith(f'<abbr class="pb-stage pb-stage--{stage.value}" title="')
        assert pill.endswith(f">{stage.value}</abbr>")


def test_a_count_above_its_target_does_not_read_as_a_share() -> None:
    shown = str(against_target(14, 12))
    assert shown.startswith('14 <abbr class="pb-target" title="The number asked for')
    assert shown.endswith(">(target 12)</abbr>")


TABLE = """text

| Name | Note | Country |
|---|---|---|
| [A](a.md) |  | – |
| [B](b.md) |  | Poland |

| Only | Empty |
|---|---|
| x | – |
"""


def test_empty_columns_are_left_out_and_the_rest_kept() -> None:
    assert drop_empty_columns(TABLE) == (
        "text\n\n| Name | Country |\n| --- | --- |\n| [A](a.md) | – |\n| [B](b.md) | Poland |"
        "\n\n| Only |\n| --- |\n| x |\n"
    )


def test_a_table_with_a_value_in_every_column_is_untouched() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert drop_empty_columns(table) == table
    header_only = "| a | b |\n|---|---|\n"
    assert drop_empty_columns(header_only) == header_only


def pages() -> dict[str, str]:
    return all_pages(load_plan(SMALL_PLAN, TODAY))


def test_no_page_has_a_dangling_separator_or_a_share_that_is_a_target() -> None:
    for path, text in pages().items():
        shown = html.unescape(text)
        for line in shown.splitlines():
            assert not re.search(r"·\s*·|^\s*·|·\s*$|· –", line), f"{path}: {line}"
        assert not re.search(r"\b\d+ / \d+\b", shown), path


def test_names_in_tables_are_always_links_and_channels_spelled_one_way() -> None:
    plan = load_plan(SMALL_PLAN, TODAY)
    names = {c.name for c in plan.plan.companies} | {p.name for p in plan.plan.people}
    names |= {s.name for s in plan.plan.sectors}
    for path, text in all_pages(plan).items():
        for line in html.unescape(text).splitlines():
            if not line.startswith("| ") or line.startswith("| ---"):
                continue
            cells = [cell.strip() for cell in line.strip()[1:-1].split("|")]
            for cell in cells:
                assert cell not in names, f"{path}: '{cell}' is not a link"
                assert cell not in ("linkedin", "email"), f"{path}: '{cell}'"
