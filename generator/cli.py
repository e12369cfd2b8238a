"""The `playbook` command line: parse options, call one library function, print the result."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from generator import __version__
from generator.commands.build import build_site
from generator.commands.check import run_check
from generator.commands.next_batch import next_text
from generator.commands.serve import serve_site
from generator.commands.status import status_data, status_text
from generator.config.load import load_plan


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


def plan_options(command: Callable[..., None]) -> Callable[..., None]:
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


@cli.command()
@plan_options
@click.pass_obj
def check(settings: Settings) -> None:
    """Validate every plan file; list each problem as path:line:col."""
    report = run_check(settings.plans_dir, settings.today)
    for warning in report.warnings:
        click.echo(warning.styled())
    click.echo(click.style(report.summary, fg="green"))


@cli.command()
@config_option
@plan_options
@click.pass_obj
def build(settings: Settings, config_file: Path) -> None:
    """Write the generated pages and build the site into site/."""
    report = build_site(config_file, settings.plans_dir, settings.today)
    changes = f"{len(report.pages.written)} pages written, {len(report.pages.removed)} removed"
    click.echo(f"{changes}; site built in {report.site_dir}/ ({report.page_count} pages)")
    click.echo(f"Open {report.site_dir / 'index.html'} in your browser.")


@cli.command()
@config_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@plan_options
@click.pass_obj
def serve(settings: Settings, config_file: Path, port: int) -> None:
    """Live preview on http://127.0.0.1:PORT/, rebuilt when plans/ or content/ change."""
    today = settings.today if settings.today_given else None
    serve_site(config_file, settings.plans_dir, today, port)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
@plan_options
@click.pass_obj
def status(settings: Settings, as_json: bool) -> None:
    """The scoreboard: the four steps, the funnel, inbound and what is due."""
    plan = load_plan(settings.plans_dir, settings.today)
    if as_json:
        click.echo(json.dumps(status_data(plan, settings.today), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(status_text(plan, settings.today)))


@cli.command(name="next")
@click.option("--no-follow-ups", is_flag=True, help="Show only this week's invitations.")
@plan_options
@click.pass_obj
def next_command(settings: Settings, no_follow_ups: bool) -> None:
    """This week's outreach batch with each invite draft, then the follow-ups due."""
    plan = load_plan(settings.plans_dir, settings.today)
    click.echo("\n".join(next_text(plan, settings.today, follow_ups=not no_follow_ups)))


def main() -> None:
    cli(prog_name="playbook")
