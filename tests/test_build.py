"""End-to-end: the real `mkdocs build --strict` through `playbook build`."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SMALL_PLAN
from tests.helpers import build, make_project, replace_in, snapshot

pytestmark = pytest.mark.slow


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _parsed(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def attributes(page: str) -> list[tuple[str, str, str]]:
    """Every (tag, attribute, value) of a page, as a browser would read them."""
    return _parsed(page).attributes


def scripts(page: str) -> list[str]:
    return _parsed(page).scripts


def title_of(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match is not None
    return match.group(1).strip()


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("small"), SMALL_PLAN)
    code, output = build(project)
    assert code == 0, output
    return project


def test_one_page_per_sector_company_and_person(small_site: Path) -> None:
    site = small_site / "site"
    assert sorted(p.name for p in (site / "people").glob("*.html")) == [
        "anna-nowak-volta-cells.html",
        "anna-nowak.html",
        "asa-lindqvist.html",
        "ewa-kot.html",
        "jan-nowak.html",
        "piotr-zolc.html",
    ]
    assert len(list((site / "companies").glob("*.html"))) == 3
    assert len(list((site / "sectors").glob("*/index.html"))) == 3
    for page in ("index.html", "method.html", "this-week/index.html", "scoreboard/index.html"):
        assert (site / page).is_file(), page


def test_pages_have_titles_drafts_and_privacy_meta(small_site: Path) -> None:
    site = small_site / "site"
    jan = (site / "people" / "jan-nowak.html").read_text(encoding="utf-8")
    assert title_of(jan) == "Jan Nowak - Playbook"
    assert "Hi Jan, I&#x27;m Łucja Test: Quality engineer, 8 years in automotive." in jan or (
        "Hi Jan, I'm Łucja Test: Quality engineer, 8 years in automotive." in jan
    )
    assert jan.count('<pre class="pb-draft"') == 4
    assert 'class="highlight"' not in jan, "no highlighter runs over plain-text drafts"
    assert "142 of 300 characters" in jan
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in text, page
        assert "fonts.googleapis" not in text and "unpkg.com" not in text, page
        assert "Made with" not in text, page
        assert 'class="md-banner' not in text, f"{page}: an empty banner strip"
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"


def test_the_error_page_works_from_a_file(small_site: Path) -> None:
    page = (small_site / "site" / "404.html").read_text(encoding="utf-8")
    assert not re.findall(r'(?:href|src)="/(?!/)', page)
    assert 'href="assets/playbook/playbook.css"' in page
    config = json.loads(
        re.search(r'<script id="__config"[^>]*>(.*?)</script>', page, re.S).group(1)
    )  # type: ignore[union-attr]
    assert config["base"] == "." and config["search"].startswith("assets/javascripts/")
    assert "<h1>Page not found</h1>" in page
    links = re.findall(r'<li><a href="([^"]*)">([^<]*)</a></li>', page)
    assert links == [
        ("index.html", "Home"),
        ("this-week/index.html", "This week"),
        ("scoreboard/index.html", "Scoreboard"),
        ("sectors/index.html", "Sectors"),
        ("method.html", "Method"),
    ]


def test_drafts_and_boilerplate_stay_out_of_the_search_index(small_site: Path) -> None:
    script = (small_site / "site" / "search" / "search_index.js").read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("var __index = ").rstrip().rstrip(";"))
    text = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])
    assert "a short hello from" not in text, "follow-up drafts are not indexed"
    assert "I aim at" not in text, "invitations are not indexed"
    assert "Message drafts" not in text
    assert "Coffee in Wrocław" in text, "a person's notes are"
    assert "Piotr Żółć" in text and "Talent Bridge" in text


def test_a_name_leads_to_the_person_not_to_the_scoreboard(small_site: Path) -> None:
    """The scoreboard repeats what person pages hold (follow-ups due, calls from people
    of the plan): search skips those copies, and the charts' month labels ("Jan: 1"),
    but keeps calls from outside the plan, which no other page holds."""
    script = (small_site / "site" / "search" / "search_index.js").read_text(encoding="utf-8")
    docs = json.loads(script.removeprefix("var __index = ").rstrip().rstrip(";"))["docs"]
    scoreboard = " ".join(d["text"] for d in docs if d["location"].startswith("scoreboard/"))
    for name in ("Jan Nowak", "Ewa Kot", "Anna Nowak", "Åsa Lindqvist", "Piotr Żółć"):
        assert name not in scoreboard
    assert "Quality director role in Katowice" not in scoreboard
    assert "Someone Else" in scoreboard and "Interim quality manager" in scoreboard
    assert "Dec: " not in scoreboard and "per month" not in scoreboard
    ewa = " ".join(d["text"] for d in docs if d["location"].startswith("people/ewa-kot.html"))
    assert "Quality director role in Katowice" in ewa


def test_home_page_renders_macros(small_site: Path) -> None:
    home = (small_site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Plant quality director by 2029" in home
    assert "List the companies" in home
    assert "{{" not in home


def test_nav_lists_companies_but_never_people(small_site: Path) -> None:
    page = (small_site / "site" / "companies" / "volta-cells.html").read_text(encoding="utf-8")
    nav_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', page)
    assert "nordic-robotics.html" in nav_links
    assert "../sectors/automation/index.html" in nav_links
    assert not [link for link in nav_links if "people/" in link]


def test_nothing_is_written_outside_the_site(small_site: Path) -> None:
    """The generated pages exist only inside the build: content/ holds the hand-written
    pages, and no scratch folder is left beside the site."""
    assert sorted(p.name for p in (small_site / "content").iterdir()) == ["index.md", "method.md"]
    assert sorted(p.name for p in small_site.iterdir()) == [
        "content",
        "mkdocs.yml",
        "plans",
        "site",
    ]


def test_offline_search_index_is_inlined(small_site: Path) -> None:
    script = (small_site / "site" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    assert "Piotr" in script


def test_pages_of_removed_companies_vanish(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    assert build(project)[0] == 0
    (project / "plans" / "companies" / "nordic-robotics.yaml").unlink()
    code, output = build(project)
    assert code == 0, output
    site = project / "site"
    assert not (site / "companies" / "nordic-robotics.html").exists()
    assert not (site / "people" / "asa-lindqvist.html").exists()
    assert (site / "people" / "jan-nowak.html").exists()


def test_a_broken_plan_stops_the_build_and_changes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    volta = project / "plans" / "companies" / "volta-cells.yaml"
    volta.write_text(
        volta.read_text(encoding="utf-8").replace("focus: hr", "focus: boss"), encoding="utf-8"
    )
    code, output = build(project)
    assert code == 1
    assert (
        "people[1] (Anna Nowak).focus: expected one of operations, hr, recruiter, other; got 'boss'"
    ) in output
    assert not (project / "site").exists()


def test_a_template_error_names_the_template_and_the_person(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    plan = project / "plans" / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "{{ person.first_name }}, a short", "{{ person.nickname }}, a short"
        ),
        encoding="utf-8",
    )
    code, output = build(project)
    assert code == 1
    assert (
        f"{project / 'plans' / 'plan.yaml'}:31:5: messages.follow_up: cannot write the draft "
        "for Åsa Lindqvist and 5 other people: no such field 'nickname'; did you mean 'name'?"
        "\n1 error found"
    ) in output


def test_hostile_strings_render_literally(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURES / "hostile")
    code, output = build(project)
    assert code == 0, output
    site = project / "site"
    pages = {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")
    }
    everything = "\n".join(pages.values())
    for name, page in pages.items():
        for tag, attribute, value in attributes(page):
            assert not attribute.startswith("on"), f"{name}: <{tag} {attribute}={value!r}>"
            if attribute in ("href", "src", "action"):
                assert not value.strip().lower().startswith("javascript:"), f"{name}: {value}"
        assert "alert" not in "".join(scripts(page)), f"{name}: user text inside a script"
    assert "<b>Bold</b>" not in everything and "<i>sector</i>" not in everything
    assert (
        '<h1 id="eve-bboldb-77">Eve &#60;b&#62;Bold&#60;/b&#62; &#123;&#123; 7&#42;7 &#125;&#125;</h1>'
        in pages["index.html"]
    )
    evil = pages["companies/script-alert-company-script-corp.html"]
    assert "&lt;script&gt;alert(&#39;company&#39;)&lt;/script&gt; Corp" in evil or (
        "&#60;script&#62;alert&#40;&#39;company&#39;&#41;&#60;/script&#62; Corp" in evil
    )
    assert "{{ config.site_name }} {# comment #} [click](javascript:alert(1))" in html.unescape(
        evil
    )
    assert title_of(pages["people/title-script-alert-title-script.html"]).startswith(
        "&lt;/title&gt;"
    )
    assert all(not name.startswith("..") for name in pages)
    assert "people/etc-passwd.html" in pages
    assert "people/mhmd-ly.html" in pages, "an Arabic name is transliterated (no vowels written)"
    assert "محمد علي" in everything and "Zoë 😀 Émoji" in everything


def test_a_failed_mkdocs_build_changes_no_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    code, output = build(project)
    assert code == 0, output
    replace_in(
        project / "mkdocs.yml", "  - Method: method.md", "  - Method: method.md\n  - Gone: gone.md"
    )
    (project / "plans" / "companies" / "nordic-robotics.yaml").unlink()
    before = snapshot(project)
    code, output = build(project)
    assert code == 1
    assert "the site build failed; the old site is unchanged" in output
    assert "gone.md" in output
    assert snapshot(project) == before
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml", "plans", "site"]


def test_a_mistake_in_the_home_page_is_one_message(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    home = project / "content" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n{{ me.nam }}\n", encoding="utf-8")
    code, output = build(project)
    assert code == 1
    assert output.splitlines() == [
        "the site build failed; the old site is unchanged:",
        "warning: index.md: 'dict object' has no attribute 'nam' (in a {{ … }} of the page)",
    ]


def test_a_broken_theme_override_is_one_message(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    replace_in(
        project / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n"
    )
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text("{% extends 'base.html' %}{{ 1 + }}\n")
    code, output = build(project)
    assert code == 1
    assert output.splitlines()[0] == "the site build failed; the old site is unchanged:"
    assert "main.html:1: template syntax error: unexpected 'end of print statement'" in output
