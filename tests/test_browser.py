"""A real browser walks the built site from file:// with no network and no JS errors."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SMALL_PLAN
from tests.helpers import build, make_project

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is required under CI=true (apt-get install chromium)")
    pytest.skip("Chromium is not installed")


def built_site(folder: Path, plans: Path) -> Path:
    """The site of a project made from `plans`, for a browser to open."""
    require_chromium()
    project = make_project(folder, plans)
    code, output = build(project)
    assert code == 0, output
    return project / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(tmp_path_factory.mktemp("browser"), SMALL_PLAN)


@pytest.fixture
def browser_page(site: Path, chromium: Any) -> Iterator[tuple[Any, list[str], list[str]]]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(10_000)
    outside: list[str] = []
    errors: list[str] = []
    local = ("file:", "data:", "about:", "blob:")
    page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page, outside, errors
    context.close()


def test_walk_search_and_copy_offline(site: Path, browser_page: Any) -> None:
    page, outside, errors = browser_page
    page.goto((site / "index.html").as_uri())
    assert page.locator("h1").inner_text() == "Łucja Test"

    page.get_by_role("link", name="Sectors", exact=True).first.click()
    page.locator("article").get_by_role("link", name="Battery cells").click()
    assert page.locator("h1").inner_text() == "Battery cells"
    page.locator("article").get_by_role("link", name="Volta Cells").click()
    assert page.locator("h1").inner_text() == "Volta Cells"
    page.locator("article").get_by_role("link", name="Jan Nowak").first.click()
    assert page.locator("h1").inner_text() == "Jan Nowak"
    assert page.url.endswith("/people/jan-nowak.html")

    # The drafts are in tabs, the one for the next step open: Jan has met, so the follow-up.
    button = page.locator("pre.pb-draft:visible button[data-md-type=copy]")
    button.first.wait_for()  # Material adds the copy buttons once its script has run
    assert button.count() == 1
    assert button.get_attribute("aria-label") == "Copy the follow-up to Jan Nowak"
    button.click()
    page.wait_for_selector(".md-dialog--active", timeout=5000)
    assert "Copied" in page.locator(".md-dialog").inner_text()
    assert page.locator(".md-dialog__inner").get_attribute("aria-live") == "polite"
    assert (
        page.evaluate("navigator.clipboard.readText()") == "Hi Jan, a short hello from Łucja Test."
    )
    page.get_by_text("E-mail", exact=True).click()
    names = page.locator("pre.pb-draft:visible button[data-md-type=copy]")
    assert [names.nth(i).get_attribute("aria-label") for i in range(names.count())] == [
        "Copy the subject of the e-mail to Jan Nowak",
        "Copy the e-mail to Jan Nowak",
    ]
    names.nth(1).click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "Dear Jan,\n\nQuality engineer, 8 years in automotive. "
        "I'd like to learn how Volta Cells builds its teams.\n\nŁucja Test"
    )

    page.locator("input.md-search__input").click()
    page.keyboard.type("Lindqvist", delay=20)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10000)
    assert "Lindqvist" in first.inner_text()
    first.locator("a").first.click()
    assert page.locator("h1").inner_text() == "Åsa Lindqvist"

    assert outside == []
    assert errors == []


def search(page: Any, query: str) -> str:
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("")
    page.keyboard.type(query, delay=20)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10000)
    text: str = first.inner_text()
    page.keyboard.press("Escape")
    return text


def test_search_forgives_accents(site: Path, browser_page: Any) -> None:
    page, outside, errors = browser_page
    page.goto((site / "index.html").as_uri())
    assert "Żółć" in search(page, "Zolc")
    assert "Wrocław" in search(page, "Wroclaw")
    assert "Lindqvist" in search(page, "Asa")
    assert outside == [] and errors == []


def test_a_search_without_accents_is_highlighted_in_results_and_on_the_page(
    site: Path, browser_page: Any
) -> None:
    page, outside, errors = browser_page
    page.goto((site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type("Wroclaw", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    marks = page.locator(".md-search-result mark")
    assert marks.count() > 0
    assert {marks.nth(i).text_content() for i in range(marks.count())} == {"Wrocław"}
    link = page.locator('.md-search-result__item a[href*="jan-nowak.html?h=wroclaw"]').first
    link.click()
    page.locator("article mark").first.wait_for(timeout=5000)
    assert [m.inner_text() for m in page.locator("article mark").all()] == ["Wrocław"]
    assert page.locator("mark mark").count() == 0
    assert outside == [] and errors == []


def test_drafts_are_not_what_search_finds(site: Path, browser_page: Any) -> None:
    """Every draft says "a short hello": a page matches for a person's own words only."""
    page, outside, errors = browser_page
    page.goto((site / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type("hello", delay=20)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="No matching documents").wait_for(timeout=10000)
    assert page.locator(".md-search-result__item").count() == 0
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("Katowice", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert outside == [] and errors == []


def test_the_error_page_searches_and_leads_home_from_a_file(site: Path, browser_page: Any) -> None:
    page, outside, errors = browser_page
    page.goto((site / "404.html").as_uri())
    assert page.locator("h1").inner_text() == "Page not found"
    assert search(page, "Lindqvist").startswith("Åsa Lindqvist")
    page.locator("article").get_by_role("link", name="Home").click()
    assert page.locator("h1").inner_text() == "Łucja Test"
    assert outside == [] and errors == []


def test_a_match_in_the_folded_inbound_log_opens_it(site: Path, browser_page: Any) -> None:
    page, outside, errors = browser_page
    page.goto((site / "scoreboard" / "index.html").as_uri() + "?h=katowice")
    page.locator("article mark").first.wait_for(timeout=5000)
    assert page.evaluate("document.querySelector('details.pb-log').open")
    assert page.locator("article mark").first.inner_text() == "Katowice"
    page.goto((site / "scoreboard" / "index.html").as_uri())
    assert not page.evaluate("document.querySelector('details.pb-log').open")
    assert outside == [] and errors == []
