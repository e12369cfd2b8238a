"""The `playbook` command line: parse options, call one library function, print the result.

Every line that can hold user text goes through `echo` (errors through their own
`show`), which shows control characters escaped, so a name cannot drive the terminal.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.characters import CONTROLS_BUT_LAYOUT, SURROGATES, any_of
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
    set_person,
)
from generator.commands.import_linkedin import import_linkedin, report_lines
from generator.commands.init import Setup, ask_setup, init_playbook
from generator.commands.next_week import next_text
from generator.commands.serve import serve_site
from generator.commands.setup import (
    add_sector,
    remove_company,
    remove_person,
    remove_sector,
    rename_sector,
    set_me,
    show_me,
)
from generator.commands.status import status_data, status_text
from generator.commands.usage import PlaybookGroup, PlaybookSubgroup
from generator.editing.session import EditReport
from generator.errors import PlaybookError, echo, shown, terminal_safe
from generator.locking import tell_waiting
from generator.model.names import nearest_word
from generator.model.vocabulary import Action, Channel, Focus
from generator.reading.fields import (
    FIRST_YEAR,
    LAST_YEAR,
    TIME_EXPECTED,
    NotADate,
    meant_date,
    parse_date,
    parse_time,
)
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


_BROKEN = any_of(SURROGATES)
_CONTROL = any_of(CONTROLS_BUT_LAYOUT)


class _Text(click.ParamType[str]):
    """Text for the plan: no control characters, no broken Unicode (as from a
    mis-encoded terminal), so what is written is what the plan accepts."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if _BROKEN.search(text):
            self.fail("holds bytes that are not UTF-8 text; retype it", param, ctx)
        if _CONTROL.search(text):
            self.fail("holds a control character; retype it", param, ctx)
        return text.strip()


TEXT = _Text()


class _Whole(click.IntRange):
    """A whole number in a range, refused in the words the plan file uses."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        expected = f"expected a whole number from {self.min} to {self.max}"
        try:
            number = int(str(value).strip())
        except ValueError:
            self.fail(f"{expected}; got {value!r}", param, ctx)
        if not self.min <= number <= self.max:  # type: ignore[operator]
            self.fail(f"{expected}; got {number}", param, ctx)
        return number


@dataclass
class Settings:
    plans_dir: Path
    today: dt.date
    today_given: bool = False


def _parse_today(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    return _day(value)


# The format described, not a real day: a date near today would read as a default.
DATE_FORMAT = "expected YYYY-MM-DD, the year first (5 March 2027 is 2027-03-05)"


def _day(value: str) -> dt.date:
    try:
        return parse_date(value)
    except NotADate as exc:
        if exc.reason == "shape":
            meant = meant_date(value)
            guess = f"; did you mean {meant}?" if meant else ""
            message = f"{DATE_FORMAT}; got {value!r}{guess}"
        elif exc.reason == "calendar":
            message = f"no such date: {value!r} ({exc})"
        else:
            message = f"expected a date between {FIRST_YEAR} and {LAST_YEAR}; got {value!r}"
        raise click.BadParameter(message) from None


@click.group(
    name="playbook",
    cls=PlaybookGroup,
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
    echo(click.style(report.summary, fg="green" if report.ready else "yellow"))


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
        echo(f"{pages} Markdown pages written to {shown(markdown_dir)}/")
    report = build_site(
        config_file,
        settings.plans_dir,
        settings.today,
        on_wait=tell_waiting,
    )
    count = plural(report.warnings, "warning", "warnings")
    warnings = f"; {count} (see playbook check)" if report.warnings else ""
    echo(f"Site built in {shown(report.site_dir)}/ ({report.page_count} pages){warnings}.")
    echo(f"Open {shown(report.site_dir / 'index.html')} in your browser.")


@cli.command(epilog="\b\nExamples:\n  playbook serve\n  playbook serve --port 8001")
@config_option
@click.option(
    "--port",
    type=_Whole(1, 65535),
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
    situation = load_plan(settings.plans_dir, settings.today)
    if as_json:
        click.echo(json.dumps(status_data(situation), ensure_ascii=False, indent=2))
    else:
        echo("\n".join(status_text(situation)))


@cli.command(name="next", epilog="\b\nExample:\n  playbook next --no-follow-ups")
@click.option("--no-follow-ups", is_flag=True, help="Leave out the follow-ups due.")
@plan_options
@click.pass_obj
def next_command(settings: Settings, no_follow_ups: bool) -> None:
    """Who wrote to you first, this week's outreach with each draft, then what is pending,
    due and coming up."""
    situation = load_plan(settings.plans_dir, settings.today)
    echo("\n".join(next_text(situation, follow_ups=not no_follow_ups)))


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
        near = nearest_word(str(value).casefold(), words)
        hint = f"; did you mean '{near}'?" if near else ""
        self.fail(f"{value!r} is not one of {', '.join(words)}{hint}", param, ctx)


def _choice(kind: type[StrEnum]) -> _Words:
    return _Words(kind)


def _report(report: EditReport) -> None:
    if not report.changes:
        pass
    elif report.written:
        for change in report.changes:
            echo(str(change))
    else:
        echo(report.diff.rstrip("\n") or "(no change)")
        echo("Dry run: nothing was written.")
    for note in report.notes:
        echo(note)


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
    '  playbook log "Anna Nowak" met --company "Volta Cells" --date YYYY-MM-DD --at 10:00'
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


@cli.group(cls=PlaybookSubgroup)
def add() -> None:
    """Add a company, a person or a sector to the plan."""


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
@click.option("--priority", type=_Whole(1, 3), help="1 (highest) to 3.")
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


@add.command(
    name="sector",
    epilog="\b\nExamples:\n"
    '  playbook add sector "Battery cells" --why "Where plant directors are hired next"\n'
    '  playbook add sector "Executive search" --recruiters',
)
@click.argument("name", type=TEXT)
@click.option("--why", default="", type=TEXT, help="Why it matters for your goal.")
@click.option("--recruiters", is_flag=True, help="A sector of recruitment firms (the middlemen).")
@dry_run_option
@plan_options
@click.pass_obj
def add_sector_command(
    settings: Settings, name: str, why: str, recruiters: bool, dry_run: bool
) -> None:
    """Add the sector NAME to plan.yaml (before the recruitment firms, which stay last)."""
    _report(add_sector(settings.plans_dir, settings.today, name, why, recruiters, dry_run))


def _given(value: str | None) -> str:
    return value or ""


@cli.command(
    name="set",
    epilog="\b\nExamples:\n"
    '  playbook set "Markus Bauer" --linkedin linkedin.com/in/markus-bauer\n'
    "  playbook set nowak --email jan.nowak@vistula.example --role COO\n"
    '  playbook set "Ana Sousa" --company Galp --hook ""      (an empty value removes it)',
)
@click.argument("person", type=TEXT)
@click.option(
    "--company", type=TEXT, help="The person's company, when the name fits several people."
)
@click.option("--linkedin", type=TEXT, help="Their profile address.")
@click.option("--email", type=TEXT, help="One e-mail address.")
@click.option("--role", type=TEXT, help="Their job title.")
@click.option("--focus", type=_choice(Focus), help="operations, hr, recruiter or other.")
@click.option("--country", type=TEXT, help="When not the company's.")
@click.option("--first-name", type=TEXT, help="When it is not the first word of the name.")
@click.option("--hook", type=TEXT, help="The personal angle of the message.")
@dry_run_option
@plan_options
@click.pass_obj
def set_command(
    settings: Settings,
    /,
    person: str,
    company: str | None,
    focus: str | None,
    dry_run: bool,
    **values: str | None,
) -> None:
    """Set or replace keys of PERSON, someone already in the plan; an empty value
    ("") removes the key."""
    details = PersonDetails(
        focus=Focus(focus.lower()) if focus else None,
        **{key: _given(value) for key, value in values.items()},
    )
    clear = tuple(key for key, value in values.items() if value == "")
    report = set_person(
        settings.plans_dir, settings.today, person, details, company, clear, dry_run
    )
    _report(report)


@cli.command(
    name="me",
    epilog="\b\nExamples:\n"
    "  playbook me\n"
    '  playbook me --name "Marta Kowalska" --goal "Head of Logistics at a 3PL by 2029"\n'
    "  playbook me --email ''      (an empty value removes an optional key)",
)
@click.option("--name", type=TEXT, help="Your name, as on LinkedIn.")
@click.option("--headline", type=TEXT, help="Who you are, in one line.")
@click.option("--goal", type=TEXT, help="What you want, in a few years.")
@click.option("--location", type=TEXT, help="City, Country (the country is your home).")
@click.option("--country", type=TEXT, help="Your home country, when not the location's.")
@click.option("--linkedin", type=TEXT, help="Your profile address.")
@click.option("--email", type=TEXT, help="Your e-mail address.")
@dry_run_option
@plan_options
@click.pass_obj
def me_command(settings: Settings, /, dry_run: bool, **values: str | None) -> None:
    """Show who you are in the plan (me: in plan.yaml), or change it with the options."""
    if all(value is None for value in values.values()):
        echo("\n".join(show_me(settings.plans_dir, settings.today)))
        return
    _report(set_me(settings.plans_dir, settings.today, values, dry_run))


@cli.group(cls=PlaybookSubgroup)
def rename() -> None:
    """Rename a sector everywhere it is named."""


@rename.command(
    name="sector",
    epilog="\b\nExamples:\n"
    '  playbook rename sector "Your first sector" "Battery cells"\n'
    '  playbook rename sector "Battery cells" "Battery cells" --why "Three gigafactories by 2028"',
)
@click.argument("old", type=TEXT)
@click.argument("new", type=TEXT)
@click.option("--why", type=TEXT, help="The sector's new reason (its why: in plan.yaml).")
@dry_run_option
@plan_options
@click.pass_obj
def rename_sector_command(
    settings: Settings, old: str, new: str, why: str | None, dry_run: bool
) -> None:
    """Rename the sector OLD to NEW in plan.yaml and in every company file of it, in
    one change: all files or none. NEW may be OLD, to give it only a new --why."""
    _report(rename_sector(settings.plans_dir, settings.today, old, new, dry_run, why))


@cli.group(cls=PlaybookSubgroup)
def remove() -> None:
    """Remove a person, a company or an empty sector from the plan."""


@remove.command(
    name="company",
    epilog="\b\nExamples:\n"
    "  playbook remove company example-company      (init's commented example)\n"
    '  playbook remove company "DHL" --dry-run',
)
@click.argument("name", type=TEXT)
@click.option("--force", is_flag=True, help="Remove it even though it lists people.")
@dry_run_option
@plan_options
@click.pass_obj
def remove_company_command(settings: Settings, name: str, force: bool, dry_run: bool) -> None:
    """Remove the company NAME: its file goes (a file without a company, such as
    init's example, is named by its file name)."""
    _report(remove_company(settings.plans_dir, settings.today, name, force, dry_run))


@remove.command(
    name="person",
    epilog="\b\nExamples:\n"
    '  playbook remove person "Jan Nowak" --dry-run\n'
    '  playbook remove person "Ana Sousa" --company Galp --force      (with her touches)',
)
@click.argument("person", type=TEXT)
@click.option("--company", type=TEXT, help="Their company, when the name fits several people.")
@click.option("--force", is_flag=True, help="Remove them even though touches are logged.")
@dry_run_option
@plan_options
@click.pass_obj
def remove_person_command(
    settings: Settings, person: str, company: str | None, force: bool, dry_run: bool
) -> None:
    """Remove PERSON from their company's list of people (someone with touches logged
    only with --force)."""
    _report(remove_person(settings.plans_dir, settings.today, person, company, force, dry_run))


@remove.command(
    name="sector",
    epilog='\b\nExample:\n  playbook remove sector "Your second sector"',
)
@click.argument("name", type=TEXT)
@dry_run_option
@plan_options
@click.pass_obj
def remove_sector_command(settings: Settings, name: str, dry_run: bool) -> None:
    """Remove the sector NAME from plan.yaml; only a sector without companies."""
    _report(remove_sector(settings.plans_dir, settings.today, name, dry_run))


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
@click.option("--relevance", type=_Whole(1, 5), help="1 to 5: how relevant to your goal.")
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
    "  playbook import linkedin ~/Downloads/Basic_LinkedInDataExport_*.zip\n"
    "  playbook import linkedin ~/Downloads/Basic_LinkedInDataExport_11-26-2026/\n"
    "  playbook import linkedin Connections.csv messages.csv --dry-run",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="List every person you already know there, not the first 30.",
)
@dry_run_option
@plan_options
@click.pass_obj
def import_linkedin_command(
    settings: Settings, files: tuple[Path, ...], show_all: bool, dry_run: bool
) -> None:
    """Log what LinkedIn's data export proves: invitations, connections, messages, replies.

    FILES are the export's zips (Basic_… and Complete_…), the folder one unpacks to, or
    any of its Connections.csv, Invitations.csv and messages.csv. People in the plan get
    the touches they lack; what is not certain is listed with the command that settles
    it; connections at companies of the plan are listed for step 3.
    """
    report = import_linkedin(settings.plans_dir, settings.today, list(files), dry_run, _progress)
    echo("\n".join(report_lines(report, dry_run, show_all)))


def _progress(rows: Iterable[list[str]], length: int, label: str) -> Iterator[list[str]]:
    """A progress bar for a long file, on a terminal only (never in a pipe or a log)."""
    if length < 20_000 or not sys.stderr.isatty():
        yield from rows
        return
    with click.progressbar(rows, length=length, label=label, file=sys.stderr) as bar:
        yield from bar


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
    write_export(output, data, settings.plans_dir)
    echo(f"{shown(output)}: written")


@cli.command(
    epilog="\b\nExamples:\n"
    "  playbook init ~/my-playbook\n"
    "  playbook init ~/my-playbook --me       (asks who you are and your sectors)\n"
    '  playbook init ~/my-playbook --name "Marta Kowalska" --headline "…" --goal "…" \\\n'
    '    --sector "Third-party logistics" --sector "FMCG manufacturing"\n'
    "  cd ~/my-playbook && make site"
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--me", "ask", is_flag=True, help="Ask for what the options below do not give.")
@click.option("--name", type=TEXT, help="Your name, as on LinkedIn.")
@click.option("--headline", type=TEXT, help="Who you are, in one line.")
@click.option("--goal", type=TEXT, help="What you want, in a few years.")
@click.option("--location", type=TEXT, help="City, Country.")
@click.option("--linkedin", type=TEXT, help="Your profile address.")
@click.option("--email", type=TEXT, help="Your e-mail address.")
@click.option(
    "--sector",
    "sectors",
    multiple=True,
    type=TEXT,
    help="A sector you aim at (repeat it; one or two: recruitment firms are one of the 2–3).",
)
@click.option(
    "--no-commit", is_flag=True, help="Do not commit the new files (a first commit is the default)."
)
def init(folder: Path, ask: bool, no_commit: bool, **values: Any) -> None:
    """Start your own private playbook in FOLDER (a new folder, or one without a plan).

    The plan starts with placeholders to replace; the options (or --me, which asks)
    write yours instead.
    """
    setup = Setup(**values)
    if ask:
        echo("A few questions for your plan (you can change every answer later: playbook me):")
        setup = ask_setup(setup, _ask)
    report = init_playbook(folder, setup, commit=not no_commit)
    echo(f"Created your playbook in {shown(folder)}/:")
    for name in report.created:
        echo(f"  {name}")
    echo(f"git: {report.git}.")
    if report.warning:
        echo(f"warning: {report.warning}.")
    echo("")
    for line in report.next_steps:
        echo(line)


def _ask(question: str, optional: bool, check: Callable[[str], str]) -> str:
    """One question at the terminal, asked again until `check` accepts the answer."""

    def accepted(answer: str) -> str:
        try:
            return check(TEXT.convert(answer, None, None))
        except PlaybookError as exc:
            raise click.UsageError(exc.message) from None

    answer: str = click.prompt(
        question, default="" if optional else None, show_default=False, value_proc=accepted
    )
    return answer


def main() -> None:
    cli(prog_name="playbook")
