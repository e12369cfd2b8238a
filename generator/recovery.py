"""At the start of a command: finish off what a killed command left in the plans folder.

A command killed while writing leaves temporary copies of plan files, and perhaps a
journal of a change it had begun (see `atomic`). The next command that finds them,
when no other command holds the playbook's lock, undoes the unfinished change and
removes the copies, and says so once.
"""

from __future__ import annotations

from pathlib import Path

from generator import atomic, locking
from generator.errors import echo, shown


def settle(plans_dir: Path) -> None:
    """Undo a killed command's unfinished change and remove its temporary copies; does
    nothing while another command is at work on the playbook (they are its own)."""
    if not atomic.pending(plans_dir):
        return
    lock = locking.acquire([locking.playbook_folder(plans_dir)], on_wait=None, blocking=False)
    if lock is None:
        return
    try:
        restored = atomic.recover(plans_dir)
    finally:
        lock.release()
    if restored:
        names = ", ".join(shown(path) for path in restored)
        echo(
            f"An earlier playbook command was stopped while it wrote the plan; its unfinished "
            f"change was undone ({names} as before).",
            err=True,
        )
