"""The one door to MkDocs and Material: the version check, the nav made in `on_nav`,
partial rebuilds, the search index completed after them, and the pieces of
generator/site/internals.py."""

from __future__ import annotations

import ast
import json
import logging
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Navigation, get_navigation

from generator.cli import cli
from generator.site import internals
from generator.site.nav import MAX_COMPANIES_IN_NAV, expand_nav
from generator.site.plugin import PlaybookPlugin
from generator.site.session import SiteSession
from tests.bench import write_plan
from tests.conftest import SMALL_PLAN, TODAY
from tests.helpers import REPO, make_project, replace_in
from tests.test_serve import rebuilder

TESTED = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1", "mkdocs-macros-plugin": "1.5.0"}
INSTALL = (
    'Install the versions Playbook is tested with: pip install "mkdocs>=1.6,<2" '
    '"mkdocs-material>=9.7,<10" "mkdocs-macros-plugin>=1.3,<2" (nothing was built)'
)


def versions(**changed: str | None) -> Callable[[str], str | None]:
    found = {**TESTED, **{name.replace("_", "-"): v for name, v in changed.items()}}
    return found.get


# --- the version check ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("distribution", "version", "known"),
    [
        ("mkdocs", "1.5.3", False),
        ("mkdocs", "1.6.0", True),
        ("mkdocs", "1.6.1", True),
        ("mkdocs", "1.99.0", True),
        ("mkdocs", "2.0.0", False),
        ("mkdocs", "2.0.0a1", False),  # MkDocs 2 drops plugins, its previews too
        ("mkdocs", "not a version", False),
        ("mkdocs-material", "9.6.23", False),
        ("mkdocs-material", "9.7.0", True),
        ("mkdocs-material", "9.8.1", True),
        ("mkdocs-material", "9.99.0", True),
        ("mkdocs-material", "10.0.0", False),
        ("mkdocs-macros-plugin", "1.2.9", False),
        ("mkdocs-macros-plugin", "1.3.0", True),
        ("mkdocs-macros-plugin", "1.99.0", True),
        ("mkdocs-macros-plugin", "2.0.0", False),
    ],
)
def test_versions_at_the_edges_of_the_tested_ranges(
    distribution: str, version: str, known: bool
) -> None:
    problems = internals.version_problems({**TESTED, distribution: version}.get)
    assert (problems == []) is known, problems


def test_the_installed_versions_are_known() -> None:
    assert internals.version_problems() == []


def test_an_unknown_version_is_one_message_naming_every_problem() -> None:
    with pytest.raises(internals.UnsupportedVersion) as raised:
        internals.check_versions(versions(mkdocs="2.0.0", mkdocs_material=None))
    assert raised.value.format_message() == (
        "MkDocs 2.0.0 is installed, but Playbook is tested with mkdocs>=1.6,<2; "
        "Material for MkDocs is not installed (Playbook needs mkdocs-material>=9.7,<10). " + INSTALL
    )


@pytest.fixture
def mkdocs_2(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process believes MkDocs 2.0.0 is installed."""
    monkeypatch.setattr(internals, "_installed", versions(mkdocs="2.0.0"))
    internals.checked_once.cache_clear()
    yield
    internals.checked_once.cache_clear()


UNKNOWN_MKDOCS = "MkDocs 2.0.0 is installed, but Playbook is tested with mkdocs>=1.6,<2. " + INSTALL


@pytest.mark.parametrize("command", [["build"], ["serve", "--port", "8765"]])
def test_playbook_refuses_an_unknown_mkdocs_before_doing_anything(
    tmp_path: Path, mkdocs_2: None, command: list[str]
) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    before = sorted(p.name for p in project.iterdir())
    result = CliRunner().invoke(
        cli,
        ["--plans", str(project / "plans"), *command, "--config", str(project / "mkdocs.yml")],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert result.output == UNKNOWN_MKDOCS + "\n"
    assert sorted(p.name for p in project.iterdir()) == before


@pytest.mark.slow
def test_plain_mkdocs_build_refuses_an_unknown_mkdocs(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    script = (
        "import sys\n"
        "from generator.site import internals\n"
        f"internals._installed = {{**{TESTED!r}, 'mkdocs': '2.0.0'}}.get\n"
        "from mkdocs.__main__ import cli\n"
        "sys.argv = ['mkdocs', 'build', '-q']\n"
        "cli()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=project, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  {UNKNOWN_MKDOCS}"], done.stderr
    assert not (project / "site").exists()


# --- the navigation, made in on_nav ------------------------------------------------------


def _plugin(config: MkDocsConfig, plans: Path) -> PlaybookPlugin:
    plugin = config.plugins["playbook"]
    assert isinstance(plugin, PlaybookPlugin)
    plugin.attach(SiteSession(plans_dir=plans, today=TODAY))
    return plugin


def _config(project: Path, nav: list[object]) -> MkDocsConfig:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.nav = nav
    return config


def ours(project: Path, nav: list[object]) -> Navigation:
    """The navigation as the plugins make it from mkdocs.yml's `nav`."""
    config = _config(project, nav)
    _plugin(config, project / "plans")
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    return config.plugins.on_nav(get_navigation(files, config), config=config, files=files)


def mkdocs_own(project: Path, nav: list[object]) -> Navigation:
    """The navigation MkDocs makes had mkdocs.yml listed every entry itself."""
    config = _config(project, nav)
    plugin = _plugin(config, project / "plans")
    config = config.plugins.on_config(config)
    assert plugin.session is not None
    config.nav = expand_nav(config.nav, plugin.session.nav_entries())
    files = config.plugins.on_files(get_files(config), config=config)
    return get_navigation(files, config)


def shape(nav: Navigation) -> tuple[object, ...]:
    """Everything a theme reads from a navigation: the tree, each item's parent, and the
    reading order of its pages."""

    def item(entry: StructureItem) -> object:
        parent = entry.parent.title if entry.parent else None
        url = getattr(entry, "url", None)
        children = [item(child) for child in entry.children or []]
        return (type(entry).__name__, entry.title, url, parent, children)

    order = [
        (
            page.url,
            page.previous_page and page.previous_page.url,
            page.next_page and page.next_page.url,
        )
        for page in nav.pages
    ]
    return ([item(entry) for entry in nav.items], order, nav.homepage and nav.homepage.url)


NAV = [
    {"Home": "index.md"},
    {"Scoreboard": "scoreboard/index.md"},
    {"Sectors": "sectors/index.md"},
    {"Method": "method.md"},
]


@pytest.mark.parametrize(
    "nav",
    [
        NAV,
        [{"Home": "index.md"}, "sectors/index.md", {"Method": "method.md"}],
        [{"Home": "index.md"}, {"Markets & firms": "sectors/index.md"}],
    ],
)
def test_the_nav_is_the_one_mkdocs_makes_from_the_whole_list(
    tmp_path: Path, nav: list[object]
) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    made = shape(ours(project, nav))
    assert made == shape(mkdocs_own(project, nav))
    sectors = [entry for entry in made[0] if entry[0] == "Section"]  # type: ignore[index]
    assert len(sectors) == 1


def test_a_nav_without_the_sectors_page_is_left_alone(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", SMALL_PLAN)
    config = _config(project, [{"Home": "index.md"}, {"Method": "method.md"}])
    plugin = _plugin(config, project / "plans")
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = get_navigation(files, config)
    assert plugin.on_nav(nav, config=config, files=files) is nav


@pytest.mark.parametrize(
    ("companies", "listed"),
    [
        (MAX_COMPANIES_IN_NAV - 1, True),
        (MAX_COMPANIES_IN_NAV, True),
        (MAX_COMPANIES_IN_NAV + 1, False),
    ],
)
def test_companies_leave_the_nav_above_the_limit(
    tmp_path: Path, companies: int, listed: bool
) -> None:
    plans = write_plan(tmp_path / "src", companies * 3)
    project = make_project(tmp_path / "p", plans)
    nav = ours(project, NAV)
    assert shape(nav) == shape(mkdocs_own(project, NAV))
    urls = [page.url for page in nav.pages]
    assert sum(url.startswith("companies/") for url in urls) == (companies if listed else 0)
    assert sum(url.startswith("sectors/") for url in urls) == 4  # the index and 3 sectors
    assert not [url for url in urls if url.startswith("people/")]


# --- partial rebuilds ----------------------------------------------------------------------


@pytest.mark.slow
def test_a_partial_rebuild_writes_only_what_changed(tmp_path: Path) -> None:
    """The dirty-build invariant (plugin.py): a generated page is rewritten only when its
    Markdown changed; hand-written pages always; the index stays whole."""
    project = make_project(tmp_path / "p", SMALL_PLAN)
    lines: list[str] = []
    served = rebuilder(project, tmp_path / "served", lines)
    served()
    site = tmp_path / "served"
    written = {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}
    time.sleep(0.02)
    volta = project / "plans" / "companies" / "volta-cells.yaml"
    replace_in(volta, "role: HR Business Partner", "role: HR Director")
    served()
    assert lines[-1].startswith("rebuilt 2 changed pages"), lines
    rewritten = {
        str(path.relative_to(site))
        for path in site.rglob("*.html")
        if path.stat().st_mtime_ns != written[path]
    }
    assert rewritten == {
        "companies/volta-cells.html",
        "people/anna-nowak-volta-cells.html",
        "index.html",  # hand-written, reads the plan through macros
        "method.html",  # hand-written
        "404.html",  # a theme page, made by every build
    }
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert "people/jan-nowak.html" in pages  # not rendered by this build, still found


def test_pages_are_rendered_once_per_plan_loaded(
    small_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.site.session as session_module

    calls: list[int] = []
    real = session_module.all_pages

    def counting(plan: object) -> dict[str, str]:
        calls.append(1)
        return real(plan)  # type: ignore[arg-type]

    monkeypatch.setattr(session_module, "all_pages", counting)
    session = SiteSession(plans_dir=small_plan, today=TODAY)
    session.load()
    session.render()
    session.render()
    assert (len(calls), session.generation, session.changed) == (1, 1, None)
    session.load()  # the same files: a new plan all the same, rendered and compared
    session.render()
    assert (len(calls), session.generation, session.changed) == (2, 2, set())
    replace_in(small_plan / "companies" / "volta-cells.yaml", "priority: 1", "priority: 2")
    session.load()
    session.render()
    assert len(calls) == 3 and session.changed and "companies/volta-cells.md" in session.changed


# --- internals.py, piece by piece ------------------------------------------------------------


def test_the_search_index_is_split_by_page_and_written_as_material_writes_it(
    tmp_path: Path,
) -> None:
    data = {
        "config": {"lang": ["en"], "separator": "[\\s\\-]+", "fields": {"title": {"boost": 1e3}}},
        "docs": [
            {"location": "index.html", "title": "Home", "text": "Hi"},
            {"location": "index.html#steps", "title": "Steps", "text": "Four"},
            {"location": "people/ana.html", "title": "Ana Łęcka", "text": "Kraków"},
            {"location": "elsewhere.html", "title": "Other", "text": ""},
        ],
    }
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir()
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    index = internals.SearchIndex.read(str(tmp_path))
    assert index is not None
    pages = index.by_page({"index.html": "index.md", "people/ana.html": "people/ana.md"})
    assert pages == {
        "index.md": data["docs"][:2],
        "people/ana.md": [data["docs"][2]],
        "elsewhere.html": [data["docs"][3]],
    }
    index.write([*pages["people/ana.md"], *pages["index.md"]])
    expected = {**data, "docs": [data["docs"][2], *data["docs"][:2]]}
    assert path.read_text(encoding="utf-8") == json.dumps(expected, separators=(",", ":"))
    assert internals.SearchIndex.read(str(tmp_path / "nothing")) is None


def test_an_index_of_another_shape_is_one_message(tmp_path: Path) -> None:
    from mkdocs.exceptions import PluginError

    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir()
    path.write_text('{"config": {}, "pages": []}', encoding="utf-8")
    with pytest.raises(PluginError, match="not the search index this version of Playbook knows"):
        internals.SearchIndex.read(str(tmp_path))


def test_the_error_page_reads_from_the_site_folder(tmp_path: Path) -> None:
    page = tmp_path / "404.html"
    page.write_text(
        '<html><head><link href="/assets/a.css"><script src="/assets/b.js"></script></head>'
        '<body><a href="/index.html">Home</a><a href="//cdn.example/x">x</a>'
        '<script id="__config">{"base": "/", "search": "/assets/search.js"}</script></body></html>',
        encoding="utf-8",
    )
    internals.relative_error_page(page)
    fixed = page.read_text(encoding="utf-8")
    assert fixed == (
        '<html><head><link href="assets/a.css"><script src="assets/b.js"></script></head>'
        '<body><a href="index.html">Home</a><a href="//cdn.example/x">x</a>'
        '<script id="__config">{"base": ".", "search": "assets/search.js"}</script></body></html>'
    )
    assert internals.error_page_for_server(fixed.encode()) == (
        fixed.replace("<head>", '<head><base href="/">').encode()
    )
    internals.relative_error_page(tmp_path / "missing.html")  # no 404 page: nothing to do
    assert not (tmp_path / "missing.html").exists()


def _record(name: str, level: int, message: str) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, message, None, None)


def test_only_mkdocs_own_noise_is_kept_quiet() -> None:
    noise = [
        _record("mkdocs.commands.build", logging.WARNING, internals.DIRTY_BUILD_WARNING + ", …"),
        _record("mkdocs.livereload", logging.WARNING, '"GET /missing.html HTTP/1.1" code 404'),
    ]
    heard = [
        _record("mkdocs.commands.build", logging.WARNING, "Doc file 'a.md' links to 'b.md'"),
        _record("mkdocs.plugins.playbook", logging.WARNING, '"GET " in a message of ours'),
    ]
    assert [internals.is_mkdocs_noise(r) for r in noise + heard] == [True, True, False, False]


def test_a_macros_error_is_one_line() -> None:
    report = (
        "# _Macro Rendering Error_\n\n_File_: `index.md`\n\n"
        "_UndefinedError_: 'me' has no attribute 'nme'\n\n```\nTraceback (most recent call last):\n"
        '  File "x.py", line 1\n```'
    )
    assert internals.macros_error_line(report) == (
        "index.md: 'me' has no attribute 'nme' (in a {{ … }} of the page)"
    )
    assert internals.macros_error_line(
        "Something broke\nTraceback (most recent call last):\n x"
    ) == ("Something broke")


@pytest.mark.parametrize("custom_dir", [False, True])
def test_theme_additions_come_after_the_users_own_and_once(
    tmp_path: Path, custom_dir: bool
) -> None:
    lines = ["site_name: T", "theme:", "  name: material"]
    if custom_dir:
        (tmp_path / "mine").mkdir()
        lines.append("  custom_dir: mine")
    lines += ["extra:", "  polyfills: [https://unpkg.com/iframe-worker/shim, keep.js]"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    theme = tmp_path / "ours"
    for _ in range(2):
        internals.use_theme_additions(config, theme, "a.css", "b.js")
    dirs = config.theme.dirs
    assert dirs.index(str(theme)) == (1 if custom_dir else 0)
    assert dirs.count(str(theme)) == 1
    assert "material" in dirs[dirs.index(str(theme)) + 1]
    assert (config.extra_css, [str(s) for s in config.extra_javascript]) == (["a.css"], ["b.js"])
    assert config.extra["polyfills"] == ["keep.js", internals.WORKER_SHIM]


def test_the_site_package_never_says_any() -> None:
    """The adapter is typed with MkDocs' own types: no `Any` anywhere in site/."""
    for path in sorted((REPO / "generator" / "site").glob("*.py")):
        names = {
            node.id for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Name)
        } | {
            alias.name for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) for alias in node.names
        }  # fmt: skip
        assert "Any" not in names, path
