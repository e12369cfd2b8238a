"""Screenshots of the example playbook (`make screenshots`).

Builds nothing itself: run `make site` first. Pages are captured from file://, in the
light and the dark scheme, at a desktop and a phone width. The README shows the
desktop ones (tests/screenshots/); the phone ones go to tests/screenshots/phone/.
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
WIDTHS = {"": (1280, 860), "phone/": (390, 844)}


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = REPO / "site"
    if not (site / "index.html").exists():
        print("site/ is missing: run `make site` first", file=sys.stderr)
        return 1
    full_page = "--full" in sys.argv
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for folder, (width, height) in WIDTHS.items():
            (OUT / folder).mkdir(parents=True, exist_ok=True)
            for scheme in ("light", "dark"):
                page = browser.new_page(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                for name, relative in PAGES.items():
                    page.goto((site / relative).as_uri())
                    page.wait_for_timeout(200)
                    target = OUT / folder / f"{name}-{scheme}.png"
                    page.screenshot(path=target, full_page=full_page)
                    print(target)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
