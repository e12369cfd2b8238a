"""The `playbook` command line: parse options, call one library function, print the result.

Every line that can hold user text goes through `echo` (errors through their own
`show`), which shows control characters escaped, so a name cannot drive the terminal.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.checking import load_plan
from generator.commands.build import build_site, write_markdown
from generator.commands.check import run_check
from generator.commands.next_week import next_text
from generator.commands.serve import serve_site
from generator.commands.status import status_data, status_text
from generator.errors import echo

EXAMPLES = """
\b
Examples:
  playbook check
  playbook build
  playbook serve --port 8001
  playbook --today 2026-11-26 status --json
  playbook next
"""


@dataclass
class Settings:
    plans_dir: Path
    today: dt.date
    today_given: bool = False


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    return _day(value)


def _day(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD; got {value!r}") from None
    if day.year < 1900:
        raise click.BadParameter(f"expected a date from 1900 on; got {value!r}")
    return day


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXAMPLES,
)
@click.version_option(__version__, prog_name="playbook")
@click.option(
    "--plans",
    "plans_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("plans"),
    show_default=True,
    help="The folder holding plan.yaml, companies/ and inbound.yaml.",
)
@click.option(
    "--today",
    callback=_parse_today,
    metavar="YYYY-MM-DD",
    help="Compute everything as of this date (default: the real date).",
)
@click.pass_context
def cli(ctx: click.Context, plans_dir: Path, today: dt.date) -> None:
    """Playbook: your strategic-networking plan, as a private website."""
    given = ctx.get_parameter_source("today") is click.core.ParameterSource.COMMANDLINE
    ctx.obj = Settings(plans_dir=plans_dir, today=today, today_given=given)


def _override_plans(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.ensure_object(Settings).plans_dir = value


def _override_today(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        settings = ctx.ensure_object(Settings)
        settings.today = _day(value)
        settings.today_given = True


def plan_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--plans` and `--today` after the command too, same meaning as before it."""
    command = click.option(
        "--today",
        callback=_override_today,
        expose_value=False,
        metavar="YYYY-MM-DD",
        help="As the group option: compute as of this date.",
    )(command)
    return click.option(
        "--plans",
        type=click.Path(file_okay=False, path_type=Path),
        callback=_override_plans,
        expose_value=False,
        help="As the group option: the plans folder.",
    )(command)


config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The MkDocs configuration of the playbook.",
)


@cli.command(epilog="\b\nExample:\n  playbook check --today 2026-11-26")
@plan_options
@click.pass_obj
def check(settings: Settings) -> None:
    """Validate every plan file; list each problem as path:line:col."""
    report = run_check(settings.plans_dir, settings.today)
    for warning in report.warnings:
        echo(warning.styled())
    echo(click.style(report.summary, fg="green"))


@cli.command(epilog="\b\nExamples:\n  playbook build\n  playbook build --markdown /tmp/pages")
@config_option
@click.option(
    "--markdown",
    "markdown_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write the generated pages as Markdown into this new folder, to read them.",
)
@plan_options
@click.pass_obj
def build(settings: Settings, config_file: Path, markdown_dir: Path | None) -> None:
    """Check the plan and build the site into site/ (a failed build keeps the old one)."""
    if markdown_dir is not None:
        count = write_markdown(settings.plans_dir, settings.today, markdown_dir)
        echo(f"{count} Markdown pages written to {markdown_dir}/")
    report = build_site(
        config_file,
        settings.plans_dir,
        settings.today,
        on_wait=lambda: echo("Waiting for another build of this playbook to finish…", err=True),
    )
    warnings = f"; {report.warnings} warnings (see playbook check)" if report.warnings else ""
    echo(f"Site built in {report.site_dir}/ ({report.page_count} pages){warnings}.")
    echo(f"Open {report.site_dir / 'index.html'} in your browser.")


@cli.command(epilog="\b\nExamples:\n  playbook serve\n  playbook serve --port 8001")
@config_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@plan_options
@click.pass_obj
def serve(settings: Settings, config_file: Path, port: int) -> None:
    """Live preview on http://127.0.0.1:PORT/, rebuilt when plans/ or content/ change."""
    today = settings.today if settings.today_given else None
    serve_site(config_file, settings.plans_dir, today, port, echo)


@cli.command(epilog="\b\nExamples:\n  playbook status\n  playbook status --json")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
@plan_options
@click.pass_obj
def status(settings: Settings, as_json: bool) -> None:
    """The scoreboard: the four steps, the funnel, inbound and what is due."""
    plan = load_plan(settings.plans_dir, settings.today)
    if as_json:
        click.echo(json.dumps(status_data(plan), ensure_ascii=False, indent=2))
    else:
        echo("\n".join(status_text(plan)))


@cli.command(name="next", epilog="\b\nExample:\n  playbook next --no-follow-ups")
@click.option("--no-follow-ups", is_flag=True, help="Leave out the follow-ups due.")
@plan_options
@click.pass_obj
def next_command(settings: Settings, no_follow_ups: bool) -> None:
    """This week's outreach with each draft, then what is pending, due and coming up."""
    plan = load_plan(settings.plans_dir, settings.today)
    echo("\n".join(next_text(plan, follow_ups=not no_follow_ups)))


def main() -> None:
    cli(prog_name="playbook")
