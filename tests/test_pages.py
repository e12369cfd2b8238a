from __future__ import annotations

from pathlib import Path

import pytest

from generator.config.load import load_plan
from generator.render.pages import all_pages
from tests.conftest import FIXTURES, SMALL_PLAN, TODAY
from tests.helpers import golden_update_requested

GOLDEN = FIXTURES / "golden" / "small"


def rendered() -> dict[str, str]:
    return all_pages(load_plan(SMALL_PLAN, TODAY), TODAY)


def test_golden_page_set_is_complete() -> None:
    pages = rendered()
    if golden_update_requested():
        for relative, text in pages.items():
            path = GOLDEN / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert sorted(pages) == on_disk


@pytest.mark.parametrize(
    "relative",
    sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")),
)
def test_page_matches_golden_file(relative: str) -> None:
    assert rendered()[relative] == (GOLDEN / relative).read_text(encoding="utf-8")


def test_every_person_page_holds_three_drafts() -> None:
    pages = rendered()
    people = [text for path, text in pages.items() if path.startswith("people/")]
    assert len(people) == 6
    for text in people:
        assert "### LinkedIn invitation" in text
        assert "### E-mail" in text
        assert "### Follow-up" in text
        assert text.count("```text") == 4, "invite, subject, body, follow-up"


def test_over_long_invite_is_flagged(small_plan: Path) -> None:
    plan_file = small_plan / "plan.yaml"
    text = plan_file.read_text(encoding="utf-8").replace("note_limit", "note_limit")
    plan_file.write_text(
        text.replace("  invites_per_week: 3", "  invites_per_week: 3\n  note_limit: 50"),
        encoding="utf-8",
    )
    page = all_pages(load_plan(small_plan, TODAY), TODAY)["people/jan-nowak.md"]
    assert '!!! warning "Too long: 130 / 50 characters"' in page
