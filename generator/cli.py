"""The `playbook` command line: parse options, call one library function, print the result.

Every line that can hold user text goes through `echo` (errors through their own
`show`), which shows control characters escaped, so a name cannot drive the terminal.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.checking import load_plan
from generator.commands.build import build_site, write_markdown
from generator.commands.check import run_check
from generator.commands.edit import (
    InboundDetails,
    PersonDetails,
    add_company,
    add_person,
    log_touch,
    record_inbound,
)
from generator.commands.import_linkedin import import_linkedin, report_lines
from generator.commands.init import init_playbook
from generator.commands.next_week import next_text
from generator.commands.serve import serve_site
from generator.commands.status import status_data, status_text
from generator.editing.session import EditReport
from generator.errors import echo, terminal_safe
from generator.importing.linkedin import Connection
from generator.model.vocabulary import Action, Channel, Focus
from generator.reading.fields import FIRST_YEAR, LAST_YEAR, TIME_EXPECTED, parse_time
from generator.wording import plural

EXAMPLES = """
\b
Examples:
  playbook init ~/my-playbook          start your own private playbook
  playbook check                       find every mistake, as file:line:column
  playbook next                        this week's outreach, with the drafts
  playbook log "Jan Nowak" invited --channel linkedin
  playbook inbound "Anna Zielinska" --channel phone --relevance 4
  playbook build                       the site in site/ (what `make site` runs)
  playbook --today 2026-11-26 status --json
"""


class _Text(click.ParamType[str]):
    """Text for the plan: no control characters, no broken Unicode (as from a
    mis-encoded terminal), so what is written is what the plan accepts."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
            self.fail("holds bytes that are not UTF-8 text; retype it", param, ctx)
        if any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text):
            self.fail("holds a control character; retype it", param, ctx)
        return text.strip()


TEXT = _Text()


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
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise click.BadParameter(f"expected a date as YYYY-MM-DD; got {value!r}")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"no such date: {value!r} ({exc})") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise click.BadParameter(
            f"expected a date between {FIRST_YEAR} and {LAST_YEAR}; got {value!r}"
        )
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
    help=(
        "Also write the generated pages into this new folder, as the Markdown MkDocs "
        "reads (user text escaped as HTML entities)."
    ),
)
@plan_options
@click.pass_obj
def build(settings: Settings, config_file: Path, markdown_dir: Path | None) -> None:
    """Check the plan and build the site into site/ (a failed build keeps the old one)."""
    if markdown_dir is not None:
        pages = write_markdown(settings.plans_dir, settings.today, markdown_dir)
        echo(f"{pages} Markdown pages written to {markdown_dir}/")
    report = build_site(
        config_file,
        settings.plans_dir,
        settings.today,
        on_wait=lambda: echo("Waiting for another build of this playbook to finish…", err=True),
    )
    count = plural(report.warnings, "warning", "warnings")
    warnings = f"; {count} (see playbook check)" if report.warnings else ""
    echo(f"Site built in {report.site_dir}/ ({report.page_count} pages){warnings}.")
    echo(f"Open {report.site_dir / 'index.html'} in your browser.")


@cli.command(epilog="\b\nExamples:\n  playbook serve\n  playbook serve --port 8001")
@config_option
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="The port on 127.0.0.1 to serve the preview on.",
)
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


class _Words(click.Choice[str]):
    """One of a vocabulary's words, in any case, with a suggestion for a near miss."""

    def __init__(self, kind: type[StrEnum]) -> None:
        super().__init__([member.value for member in kind], case_sensitive=False)
        self.noun = kind.__name__.upper()

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return self.noun

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        words = [str(choice) for choice in self.choices]
        if str(value).casefold() in words:
            return str(value).casefold()
        near = difflib.get_close_matches(str(value).casefold(), words, n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else ""
        self.fail(f"{value!r} is not one of {', '.join(words)}{hint}", param, ctx)


def _choice(kind: type[StrEnum]) -> _Words:
    return _Words(kind)


def _report(report: EditReport) -> None:
    if report.written:
        for change in report.changes:
            echo(str(change))
    else:
        echo(report.diff.rstrip("\n") or "(no change)")
        echo("Dry run: nothing was written.")


dry_run_option = click.option(
    "--dry-run", is_flag=True, help="Print the change as a diff instead of writing it."
)
date_option = click.option(
    "--date",
    "day",
    callback=lambda ctx, param, value: None if value is None else _day(value),
    metavar="YYYY-MM-DD",
    help="When it happened (default: --today).",
)


def _clock_time(value: str | None) -> dt.time | None:
    if value is None:
        return None
    found = parse_time(value)
    if found is None:
        raise click.BadParameter(f"{TIME_EXPECTED}; got {value!r}")
    return found


@cli.command(
    epilog="\b\nExamples:\n"
    '  playbook log "Jan Nowak" invited --channel linkedin\n'
    "  playbook log zolkiewska replied --note 'Happy to talk in January'\n"
    '  playbook log "Anna Nowak" met --company "Volta Cells" --date 2026-12-03 --at 10:00'
)
@click.argument("person", type=TEXT)
@click.argument("action", type=_choice(Action))
@date_option
@click.option("--channel", type=_choice(Channel), help="How: phone, email, linkedin, …")
@click.option("--note", default="", type=TEXT, help="What was said, in a sentence.")
@click.option(
    "--company", type=TEXT, help="The person's company, when the name fits several people."
)
@click.option(
    "--at",
    "at",
    callback=lambda ctx, param, value: _clock_time(value),
    metavar="HH:MM",
    help="The time of a meeting or call: a timed event in `export ics`.",
)
@dry_run_option
@plan_options
@click.pass_obj
def log(
    settings: Settings,
    person: str,
    action: str,
    day: dt.date | None,
    channel: str | None,
    note: str,
    company: str | None,
    at: dt.time | None,
    dry_run: bool,
) -> None:
    """Record a touch with PERSON (a name, or part of one: no accents needed).

    A date after today records something booked, such as a meeting (`--at` gives its
    time): it shows under "Coming up" and counts once it has happened.
    """
    report = log_touch(
        settings.plans_dir,
        settings.today,
        person,
        Action(action.lower()),
        date=day,
        channel=Channel(channel.lower()) if channel else None,
        note=note,
        company=company,
        at=at,
        dry_run=dry_run,
    )
    _report(report)


@cli.group()
def add() -> None:
    """Add a company or a person to the plan."""


@add.command(
    name="company",
    epilog="\b\nExample:\n"
    '  playbook add company "Vistula Freight" --sector "Third-party logistics" \\\n'
    '    --country Poland --priority 1 --why "Fastest-growing 3PL in the region"',
)
@click.argument("name", type=TEXT)
@click.option("--sector", required=True, type=TEXT, help="A sector of plan.yaml.")
@click.option("--country", default="", type=TEXT, help="Where the company is.")
@click.option("--website", default="", type=TEXT, help="https://…")
@click.option("--why", default="", type=TEXT, help="The criteria it meets.")
@click.option("--priority", type=click.IntRange(1, 3), help="1 (highest) to 3.")
@dry_run_option
@plan_options
@click.pass_obj
def add_company_command(settings: Settings, /, name: str, dry_run: bool, **values: Any) -> None:
    """Add the company NAME, in a new file of its own under plans/companies/."""
    report = add_company(settings.plans_dir, settings.today, name, dry_run=dry_run, **values)
    _report(report)


@add.command(
    name="person",
    epilog="\b\nExample:\n"
    '  playbook add person "Jan Nowak" --company "Vistula Freight" \\\n'
    "    --role COO --focus operations --linkedin linkedin.com/in/jan-nowak",
)
@click.argument("name", type=TEXT)
@click.option("--company", required=True, type=TEXT, help="A company of the plan.")
@click.option("--role", default="", type=TEXT, help="Their job title.")
@click.option("--focus", type=_choice(Focus), help="operations, hr, recruiter or other.")
@click.option("--first-name", default="", type=TEXT, help="When it is not the first word of NAME.")
@click.option("--country", default="", type=TEXT, help="When not the company's.")
@click.option("--linkedin", default="", type=TEXT, help="Their profile address.")
@click.option("--email", default="", type=TEXT, help="One e-mail address.")
@click.option("--hook", default="", type=TEXT, help="The personal angle of the message.")
@dry_run_option
@plan_options
@click.pass_obj
def add_person_command(
    settings: Settings, /, name: str, company: str, focus: str | None, dry_run: bool, **values: Any
) -> None:
    """Add the person NAME to a company's file."""
    details = PersonDetails(focus=Focus(focus.lower()) if focus else None, **values)
    _report(add_person(settings.plans_dir, settings.today, name, company, details, dry_run))


@cli.command(
    epilog="\b\nExample:\n"
    '  playbook inbound "Anna Zielińska" --company "Hays Poland" --channel phone \\\n'
    '    --about "Logistics director role in Poznań" --relevance 4'
)
@click.argument("who", type=TEXT)
@date_option
@click.option("--company", default="", type=TEXT, help="Their company (in the plan or not).")
@click.option("--channel", type=_choice(Channel), help="phone, email, linkedin, meeting, other.")
@click.option("--about", default="", type=TEXT, help="The offer or project, in a line.")
@click.option("--relevance", type=click.IntRange(1, 5), help="1 to 5: how relevant to your goal.")
@dry_run_option
@plan_options
@click.pass_obj
def inbound(
    settings: Settings,
    /,
    who: str,
    day: dt.date | None,
    channel: str | None,
    dry_run: bool,
    **values: Any,
) -> None:
    """Record an inbound contact from WHO: a call, an e-mail, an offer."""
    details = InboundDetails(
        date=day, channel=Channel(channel.lower()) if channel else None, **values
    )
    _report(record_inbound(settings.plans_dir, settings.today, who, details, dry_run))


@cli.group(name="import")
def import_group() -> None:
    """Read data exported from other services into the plan."""


@import_group.command(
    name="linkedin",
    epilog="\b\nExamples:\n"
    "  playbook import linkedin ~/Downloads/Basic_LinkedInDataExport_11-26-2026.zip\n"
    "  playbook import linkedin Connections.csv --dry-run",
)
@click.argument("file", type=click.Path(path_type=Path))
@dry_run_option
@plan_options
@click.pass_obj
def import_linkedin_command(settings: Settings, file: Path, dry_run: bool) -> None:
    """Match LinkedIn's Connections.csv (or the export zip) to the plan.

    People in the plan get a `connected` touch and their missing LinkedIn address and
    e-mail; connections at target companies are listed for step 3.
    """

    def progress(rows: list[Connection]) -> Iterator[Connection]:
        if not sys.stdout.isatty() or len(rows) < 500:
            yield from rows
            return
        with click.progressbar(rows, label="Matching connections") as bar:
            yield from bar

    report = import_linkedin(settings.plans_dir, settings.today, file, dry_run, progress)
    echo("\n".join(report_lines(report, dry_run)))


@cli.command(
    epilog="\b\nExamples:\n"
    "  playbook export csv --output contacts.csv\n"
    "  playbook export vcard --output contacts.vcf\n"
    "  playbook export ics --output week.ics\n"
    "  playbook export ics --todo --output tasks.ics"
)
@click.argument("format", type=click.Choice(["csv", "vcard", "ics"], case_sensitive=False))
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of the terminal.",
)
@click.option(
    "--todo",
    is_flag=True,
    help="ics: the batch, follow-ups and pending invitations as to-dos, not events.",
)
@plan_options
@click.pass_obj
def export(settings: Settings, format: str, output: Path | None, todo: bool) -> None:
    """Contacts as CSV or vCard; the week's work (batch, follow-ups, booked
    meetings) as an iCalendar file of events (to-dos with --todo)."""
    # Imported here: the calendar and vCard libraries cost every other command time.
    from generator.commands.export import export_data, write_export

    if todo and format.lower() != "ics":
        raise click.UsageError("--todo is for `export ics` only")
    data = export_data(
        load_plan(settings.plans_dir, settings.today),
        format.lower(),
        to_file=output is not None,
        todo=todo,
    )
    if output is None:
        text = data.decode("utf-8")
        click.echo(terminal_safe(text) if sys.stdout.isatty() else text, nl=False)
        return
    write_export(output, data)
    echo(f"{output}: written")


@cli.command(epilog="\b\nExample:\n  playbook init ~/my-playbook\n  cd ~/my-playbook && make site")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start your own private playbook in FOLDER (a new folder, or one without a plan)."""
    report = init_playbook(folder)
    echo(f"Created your playbook in {folder}/:")
    for name in report.created:
        echo(f"  {name}")
    echo(f"git: {report.git}.")
    if report.warning:
        echo(f"warning: {report.warning}.")
    echo("")
    echo("Next: fill in plans/plan.yaml, then run `make site` there (or `make serve`).")


def main() -> None:
    cli(prog_name="playbook")
