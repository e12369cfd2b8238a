"""Real processes running playbook commands at the same moment, for race and kill tests.

Each command runs in a child forked from the test process (the library is imported
once, so a child starts in milliseconds); the children wait on one pipe and start
together. A child may be given a `prepare` function, run in it before the command
(to make it kill itself at a chosen step).
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.cli import cli  # imported once here, not in every child


@dataclass(frozen=True)
class Outcome:
    code: int  # the exit code, or minus the signal that ended the process
    output: str


def run_together(
    commands: Sequence[Sequence[str]], prepare: Callable[[], None] | None = None
) -> list[Outcome]:
    """Run each command (`playbook` arguments) in its own process, all at once."""
    start_read, start_write = os.pipe()
    children: list[tuple[int, Path]] = []
    folder = Path(tempfile.mkdtemp(prefix="playbook-race-"))
    try:
        for number, args in enumerate(commands):
            output = folder / f"{number}.txt"
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                os.close(start_write)
                _child(list(args), start_read, output, prepare)
            children.append((pid, output))
        os.close(start_read)
        os.write(start_write, b"x" * len(children))
        os.close(start_write)
        outcomes = []
        for pid, output in children:
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status)
            text = output.read_text(encoding="utf-8") if output.exists() else ""
            outcomes.append(Outcome(code, text))
        return outcomes
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


def _child(
    args: list[str], start: int, output: Path, prepare: Callable[[], None] | None
) -> None:  # pragma: no cover - runs in the child
    code = 0
    stream = open(output, "w", encoding="utf-8")  # noqa: SIM115
    sys.stdout = sys.stderr = stream
    try:
        os.read(start, 1)
        if prepare is not None:
            prepare()
        cli.main(args, prog_name="playbook", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 99
    finally:
        stream.flush()
        os._exit(code)


def kill_self() -> None:  # pragma: no cover - runs in the child
    """Die as a power cut or `kill -9` would: no cleanup of any kind."""
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)
