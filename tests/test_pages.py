from __future__ import annotations

import html
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.render.pages import all_pages
from tests.conftest import FIXTURES, SMALL_PLAN, TODAY
from tests.helpers import golden_update_requested, replace_in

GOLDEN = FIXTURES / "golden" / "small"


def rendered() -> dict[str, str]:
    return all_pages(load_plan(SMALL_PLAN, TODAY))


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


def test_person_pages_hold_the_drafts_for_their_channel() -> None:
    pages = rendered()
    people = {path: text for path, text in pages.items() if path.startswith("people/")}
    assert len(people) == 6
    for path, text in people.items():
        assert '<label for="pb-draft-email">' in text
        no_profile = path in (
            "people/anna-nowak.md",
            "people/piotr-zolc.md",
            "people/anna-nowak-volta-cells.md",
        )
        assert ('<label for="pb-draft-invite">' in text) is not no_profile, path
        # The reminder only where it can serve: reached, and never answered.
        unanswered = path == "people/anna-nowak-volta-cells.md"
        assert ('<label for="pb-draft-reminder">' in text) is unanswered, path
        # The follow-up only for someone who answered (not identified, not unanswered).
        answered = path not in ("people/anna-nowak.md", "people/anna-nowak-volta-cells.md")
        assert ('<label for="pb-draft-follow-up">' in text) is answered, path
        # (invite,) subject, body, (reminder,) (follow-up)
        drafts = (2 if no_profile else 3) + unanswered + answered
        assert text.count('<pre class="pb-draft"') == drafts, path
        assert text.count(" checked>") == 1, path
        assert "```" not in text, "drafts are plain text: no highlighter runs over them"


def test_over_long_invite_is_flagged(small_plan: Path) -> None:
    replace_in(
        small_plan / "plan.yaml", "  invites_per_week: 3", "  invites_per_week: 3\n  note_limit: 50"
    )
    page = html.unescape(all_pages(load_plan(small_plan, TODAY))["people/jan-nowak.md"])
    assert ('<p class="admonition-title">Too long: 142 characters, LinkedIn allows 50</p>') in page
    assert "142 of 50 characters" in page


def test_email_links_open_the_draft_in_the_mail_app() -> None:
    page = html.unescape(rendered()["people/anna-nowak.md"])
    assert (
        'href="mailto:anna.nowak@nordic-robotics.example?subject=%C5%81ucja%20Test%3A%20Nordic'
        "%20Robotics&body=Dear%20Anna%2C%0D%0A%0D%0AQuality%20engineer"
    ) in page


def test_a_thin_company_offers_a_people_search(small_plan: Path) -> None:
    replace_in(
        small_plan / "companies" / "volta-cells.yaml", "    focus: hr\n", "    focus: other\n"
    )
    page = html.unescape(all_pages(load_plan(small_plan, TODAY))["companies/volta-cells.md"])
    assert '<div class="admonition note" data-search-exclude markdown>' in page
    assert "No hr contact yet." in page
    assert (
        'href="https://www.linkedin.com/search/results/people/?keywords=Volta+Cells+HR+OR+'
        'talent+acquisition+OR+people">people in hr at Volta Cells</a>'
    ) in page
