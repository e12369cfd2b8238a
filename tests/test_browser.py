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


def _require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is required under CI=true (apt-get install chromium)")
    pytest.skip("Chromium is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _require_chromium()
    project = make_project(tmp_path_factory.mktemp("browser"), SMALL_PLAN)
    code, output = build(project)
    assert code == 0, output
    return project / "site"


@pytest.fixture
def browser_page(site: Path) -> Iterator[tuple[Any, list[str], list[str]]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(10_000)
        outside: list[str] = []
        errors: list[str] = []
        local = ("file:", "data:", "about:", "blob:")
        page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        yield page, outside, errors
        browser.close()


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

    page.locator("button.md-code__button[data-md-type=copy]").first.click()
    page.wait_for_selector(".md-dialog--active", timeout=5000)
    assert "Copied" in page.locator(".md-dialog").inner_text()

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
