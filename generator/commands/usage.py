"""How the command line reports a mistake in its own words and options.

click answers a wrong option with its usage lines, a "Try --help" line and then the
error; every other mistake in Playbook is one line naming what to fix. `PlaybookGroup`
turns click's usage errors into that one line: the option or argument first, then
what was expected, then where help is (`--date: expected YYYY-MM-DD, the year first
(5 March 2027 is 2027-03-05); got '28.11.'`).
"""

from __future__ import annotations

from typing import Any

import click

from generator.errors import PlaybookError
from generator.model.names import nearest_word


class UsageMistake(PlaybookError):
    """A command typed wrongly: one line, exit status 2 as click's own."""

    exit_code = 2


def _name(param: click.Parameter | None, ctx: click.Context | None) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return param.human_readable_name


def one_line(exc: click.UsageError) -> str:
    """The error as one line: what is wrong, and where to look."""
    ctx = exc.ctx
    help_hint = f" ({ctx.command_path} --help shows how)" if ctx is not None else ""
    if isinstance(exc, click.MissingParameter):
        name = _name(exc.param, ctx)
        return f"{name}: missing{help_hint}" if name else f"{exc.format_message()}{help_hint}"
    if isinstance(exc, click.BadParameter):
        name = _name(exc.param, ctx) or str(exc.param_hint or "")
        message = exc.message.rstrip(".")
        return f"{name}: {message}" if name else message
    if isinstance(exc, click.NoSuchOption):
        near = f"; did you mean {exc.possibilities[0]}?" if exc.possibilities else ""
        return f"{exc.option_name}: no such option{near}{help_hint}"
    message = exc.message.rstrip(".")
    if message.startswith("Got unexpected extra argument"):
        extra = message.partition("(")[2].rstrip(")")
        return (
            f"unexpected extra words: {extra} (a name with spaces goes in quotes: "
            f'"Jan Nowak"){help_hint}'
        )
    return f"{message[:1].lower()}{message[1:]}{help_hint}"


class PlaybookGroup(click.Group):
    """The `playbook` group: usage errors of any command as one line; an unknown
    command gets a suggestion."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            raise _mistake(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _mistake(exc) from None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        return _resolve(super(), ctx, args)


class PlaybookSubgroup(click.Group):
    """A group under `playbook` (add, remove, …): an unknown command gets a suggestion."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        return _resolve(super(), ctx, args)


def _resolve(
    group: Any, ctx: click.Context, args: list[str]
) -> tuple[str | None, click.Command | None, list[str]]:
    try:
        resolved: tuple[str | None, click.Command | None, list[str]]
        resolved = group.resolve_command(ctx, args)
        return resolved
    except click.UsageError:
        name = args[0] if args else ""
        known = ctx.command.list_commands(ctx) if isinstance(ctx.command, click.Group) else []
        near = nearest_word(name, known)
        hint = f"; did you mean '{near}'?" if near else f"; the commands are {', '.join(known)}"
        raise UsageMistake(f"{ctx.command_path} has no command '{name}'{hint}") from None


def _mistake(exc: click.UsageError) -> click.ClickException:
    # Asked for help by giving no command at all: click shows the help, as it should.
    if type(exc).__name__ == "NoArgsIsHelpError":
        return exc
    return UsageMistake(one_line(exc))
