"""Screenshots of the example playbook for the README (`make screenshots`).

Builds nothing itself: run `make site` first. Pages are captured from file://, in the
light and the dark scheme, into tests/screenshots/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "screenshots"
PAGES = {
    "home": "index.html",
    "company": "companies/nordwarme-anlagenbau.html",
    "person": "people/jurgen-hoffmann.html",
    "scoreboard": "scoreboard/index.html",
    "this-week": "this-week/index.html",
}


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = REPO / "site"
    if not (site / "index.html").exists():
        print("site/ is missing: run `make site` first", file=sys.stderr)
        return 1
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            page = browser.new_page(viewport={"width": 1280, "height": 860}, color_scheme=scheme)
            for name, relative in PAGES.items():
                page.goto((site / relative).as_uri())
                page.wait_for_timeout(200)
                page.screenshot(path=OUT / f"{name}-{scheme}.png")
                print(OUT / f"{name}-{scheme}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
