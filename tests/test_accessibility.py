"""axe-core finds no serious or critical problem on the seven kinds of page (home, this
week, scoreboard, a sector, a company, a person, the error page), at a desktop and a
phone width, in the light and the dark scheme: for the example plan, and for a plan
begun with `playbook init` and a few commands.

axe-core is vendored (tests/vendor/axe-core, its licence beside it) so a clean clone
needs nothing from the network. One browser runs every check; each page is loaded
once per scheme and measured at both widths.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.checking import load_plan
from generator.cli import cli
from tests.conftest import EXAMPLE_PLAN, TODAY
from tests.helpers import build
from tests.test_browser import built_site, require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")
FAILING = ("serious", "critical")

EXAMPLE_PAGES = {
    "home": "index.html",
    "this week": "this-week/index.html",
    "scoreboard": "scoreboard/index.html",
    "sector": "sectors/heat-pumps-and-hvac/index.html",
    "company": "companies/nordwarme-anlagenbau.html",
    "person": "people/jurgen-hoffmann.html",
    "error page": "404.html",
}

AT_REST = "*, *::before, *::after { transition: none !important; animation: none !important; }"
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => ["serious", "critical"].includes(v.impact))
    .map(v => `${v.impact} ${v.id}: ` + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
}"""


def test_the_vendored_axe_core_is_the_pinned_release() -> None:
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256
    assert data.startswith(f"/*! axe v{AXE_VERSION}\n".encode())
    assert b"Mozilla Public" in data[:600]
    assert (AXE.parent / "LICENSE").read_text(encoding="utf-8").startswith("Mozilla Public License")


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_site(tmp_path_factory.mktemp("example"), EXAMPLE_PLAN)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A playbook as a newcomer starts one: `init`, then a company and two people."""
    require_chromium()
    folder = tmp_path_factory.mktemp("new") / "mine"
    run("init", str(folder))
    situation = load_plan(folder / "plans", TODAY)
    sector = situation.plan.sectors[0]
    plans = ["--plans", str(folder / "plans"), "--today", TODAY.isoformat()]
    company = ["--company", "Vistula Freight"]
    run(*plans, "add", "company", "Vistula Freight", "--sector", sector.name, "--priority", "1")
    jan = ["--focus", "operations", "--linkedin", "linkedin.com/in/jan-nowak-example"]
    run(*plans, "add", "person", "Jan Nowak", *company, *jan)
    anna = ["--focus", "hr", "--email", "anna@vistula.example"]
    run(*plans, "add", "person", "Anna Zielińska", *company, *anna)
    run(*plans, "log", "Jan Nowak", "invited", "--channel", "linkedin", "--date", "2026-11-02")
    run(*plans, "log", "Jan Nowak", "connected", "--date", "2026-11-04")
    code, output = build(folder)
    assert code == 0, output
    pages = {
        **EXAMPLE_PAGES,
        "sector": f"sectors/{situation[sector].slug}/index.html",
        "company": "companies/vistula-freight.html",
        "person": "people/jan-nowak.html",
    }
    return folder / "site", pages


def audit(browser: Any, site: Path, pages: dict[str, str]) -> list[str]:
    """Every serious or critical violation, as 'page, width, scheme: rule: where'."""
    found = []
    for scheme in SCHEMES:
        context = browser.new_context(
            color_scheme=scheme, viewport={"width": WIDTHS[0], "height": 900}
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        for kind, relative in pages.items():
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            page.goto((site / relative).as_uri())
            # The page at rest: no fade of the tabs half-way while axe measures colours.
            page.add_style_tag(content=AT_REST)
            page.add_script_tag(path=str(AXE))
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                found += [f"{kind}, {width} px, {scheme}: {v}" for v in page.evaluate(RUN_AXE)]
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    found.append(f"{kind}, {width} px, {scheme}: the page scrolls sideways")
        context.close()
    return found


def test_the_example_plan_has_no_serious_or_critical_violation(
    chromium: Any, example_site: Path
) -> None:
    assert audit(chromium, example_site, EXAMPLE_PAGES) == []


def test_a_new_playbook_has_no_serious_or_critical_violation(
    chromium: Any, new_site: tuple[Path, dict[str, str]]
) -> None:
    site, pages = new_site
    assert audit(chromium, site, pages) == []


def search_audit(browser: Any, site: Path, query: str) -> list[str]:
    """The violations with Material's search dialog open and showing results for
    `query`, at both widths and in both schemes."""
    found = []
    for scheme in SCHEMES:
        for width in WIDTHS:
            context = browser.new_context(
                color_scheme=scheme, viewport={"width": width, "height": 900}
            )
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.goto((site / "index.html").as_uri())
            page.add_style_tag(content=AT_REST)
            # On a phone the search box opens from the header's search button.
            opener = page.locator("label.md-header__button[for=__search]")
            if opener.is_visible():
                opener.click()
            page.locator("input.md-search__input").click()
            page.keyboard.type(query, delay=20)
            page.locator(".md-search-result__item").first.wait_for()
            page.add_script_tag(path=str(AXE))
            shown = page.locator(".md-search-result__meta").inner_text()
            assert "matching" in shown, shown
            found += [f"search, {width} px, {scheme}: {v}" for v in page.evaluate(RUN_AXE)]
            context.close()
    return found


def test_the_search_dialog_with_results_has_no_serious_or_critical_violation(
    chromium: Any, example_site: Path
) -> None:
    assert search_audit(chromium, example_site, "Hoffmann") == []


def test_every_copy_button_says_whose_draft_it_copies(chromium: Any, example_site: Path) -> None:
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    for relative in ("this-week/index.html", "people/jurgen-hoffmann.html"):
        page.goto((example_site / relative).as_uri())
        page.wait_for_selector("button[data-md-type=copy][aria-label]", state="attached")
        names = page.eval_on_selector_all(
            "button[data-md-type=copy]", "buttons => buttons.map(b => b.getAttribute('aria-label'))"
        )
        assert names and all(name and name.startswith("Copy the ") for name in names), names
    assert names == [
        "Copy the LinkedIn note to Jürgen Hoffmann",
        "Copy the subject of the e-mail to Jürgen Hoffmann",
        "Copy the e-mail to Jürgen Hoffmann",
        "Copy the follow-up to Jürgen Hoffmann",
    ]
    languages = page.eval_on_selector_all("pre.pb-draft", "pres => pres.map(p => p.lang)")
    assert languages == ["de", "de", "de", "de"], "his drafts are read with a German voice"
    assert page.locator(".md-search").get_attribute("aria-label") == "Search"
    page.close()
