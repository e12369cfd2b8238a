"""`playbook serve`: a private live preview on 127.0.0.1 that rebuilds what changed.

One session lives for the whole run: each save re-reads the files that changed,
re-renders the pages and rebuilds only those whose Markdown differs (MkDocs' dirty
build), unless the nav, the hand-written pages or the configuration changed, which
takes a full build. An edit that breaks the plan keeps the last good site on screen
with the errors on every page. The server answers only to localhost names, so a web
page the user visits cannot read the playbook through DNS rebinding.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import functools
import html
import logging
import os
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from generator.commands.build import attach, load_mkdocs_config
from generator.errors import InvalidPlan, PlaybookError
from generator.site import publish
from generator.site.internals import PreviewServer, error_page_for_server, is_mkdocs_noise
from generator.site.nav import NavEntry
from generator.site.session import SiteSession

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

Echo = Callable[[str], None]


def free_port_after(port: int, tries: int = 50) -> int:
    """The first port after `port` that 127.0.0.1 can listen on now, to suggest one."""
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return candidate
    return port + 1 if port < 65535 else 8000


class PrivateServer(PreviewServer):
    """MkDocs' live-reload server, answering only to this machine's own names."""

    def __init__(self, builder: Callable[[], None], port: int, root: Path) -> None:
        super().__init__(
            builder=builder, host="127.0.0.1", port=port, root=str(root), polling_interval=0.3
        )
        names = ("localhost", "127.0.0.1", "[::1]")
        self.allowed_hosts = {*names, *(f"{name}:{port}" for name in names)}
        site = self.get_app()
        assert site is not None
        self.set_app(functools.partial(self.guard, site))

    def guard(
        self, site: WSGIApplication, environ: WSGIEnvironment, start_response: StartResponse
    ) -> Iterable[bytes]:
        """Refuse other host names (DNS rebinding) and null bytes, then serve the site."""
        host = str(environ.get("HTTP_HOST", "")).lower()
        if host not in self.allowed_hosts:
            start_response("403 Forbidden", [("Content-Type", "text/plain")])
            return [b"403 Forbidden: this preview answers only to localhost\n"]
        path = str(environ.get("PATH_INFO", ""))
        if "\x00" in path or "\x00" in str(environ.get("QUERY_STRING", "")):
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"400 Bad Request\n"]
        return site(environ, start_response)

    def open(self) -> None:
        """Bind the port now, so a busy port is one clear message before anything runs."""
        try:
            self.bind_now()
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                port = self.server_address[1]
                free = free_port_after(port)
                raise PlaybookError(
                    f"port {port} is busy (another preview?); choose another: "
                    f"make serve PORT={free}, or playbook serve --port {free}"
                ) from None
            raise PlaybookError(f"cannot listen on {self.url}: {exc.strerror}") from None


def _stamp(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and times of every file under the paths: what a full rebuild needs."""
    found = []
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in files:
            try:
                info = path.stat()
            except OSError:
                continue
            found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(found)


@dataclass
class Rebuilder:
    """The builder the server calls: never raises, always leaves a site to serve."""

    config_file: Path
    session: SiteSession
    site_dir: Path
    serve_url: str
    echo: Echo
    inputs: list[Path] = field(default_factory=list)
    _inputs_stamp: tuple[tuple[str, int, int], ...] = ()
    _nav: list[NavEntry] | None = None
    _problems: list[str] = field(default_factory=list)
    builds: int = 0

    def __call__(self) -> None:
        start = time.perf_counter()
        try:
            summary = self._rebuild()
        except Exception as exc:  # the server must keep serving; say what went wrong
            self.echo(f"rebuild failed: {_reason(exc)}")
            return
        if summary:
            self.echo(f"{summary} in {time.perf_counter() - start:.1f} s")

    def _rebuild(self) -> str:
        from mkdocs.commands.build import build

        try:
            self.session.load()
        except InvalidPlan as exc:
            self._show_problems_page(exc)
            return ""
        problems = self.session.problems
        if problems and problems != self._problems:
            self.echo("\n".join([*problems, "(the preview keeps the last version that worked)"]))
        self.session.render()
        nav = self.session.nav_entries()
        stamp = _stamp(self.inputs)
        # A partial build is safe only under the conditions listed in plugin.py
        # ("Partial rebuilds"): the same pages, nav, inputs and problems.
        full = (
            self.builds == 0
            or self.session.changed is None
            or nav != self._nav
            or problems != self._problems
            or stamp != self._inputs_stamp
        )
        config = load_mkdocs_config(self.config_file, site_dir=str(self.site_dir), strict=False)
        config.site_url = self.serve_url
        attach(config, self.session)
        build(config, serve_url=self.serve_url, dirty=not full)
        self.builds += 1
        self._nav, self._problems, self._inputs_stamp = nav, list(problems), stamp
        if problems:
            return "rebuilt with the last version of the plan that worked"
        if full:
            built = sum(1 for _ in self.site_dir.rglob("*.html"))
            return f"built {built} pages"
        changed = len(self.session.changed or ())
        return f"rebuilt {changed} changed {'page' if changed == 1 else 'pages'}"

    def _show_problems_page(self, exc: InvalidPlan) -> None:
        """No plan has loaded yet: a page listing the errors, reloaded once they are fixed."""
        lines = [str(problem) for problem in exc.problems]
        if lines != self._problems:
            self.echo("\n".join([*lines, "(fix these to see the playbook)"]))
        self._problems = lines
        items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
        page = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="robots" content="noindex, nofollow"><title>Playbook: plan errors</title>'
            "</head><body><h1>The plan has errors</h1><p>Fix them; this page reloads by "
            f"itself.</p><ul>{items}</ul></body></html>"
        )
        self.site_dir.mkdir(parents=True, exist_ok=True)
        (self.site_dir / "index.html").write_text(page, encoding="utf-8")


def _reason(exc: Exception) -> str:
    if isinstance(exc, PlaybookError):
        return exc.format_message()
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} ({exc.filename})" if exc.filename else str(exc)
    return f"{type(exc).__name__}: {exc}"


class _Echoing(logging.Handler):
    """MkDocs' warnings and errors as plain lines; its INFO chatter stays quiet."""

    def __init__(self, echo: Echo) -> None:
        super().__init__(logging.WARNING)
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        if not is_mkdocs_noise(record):
            self.echo(f"{record.levelname.lower()}: {record.getMessage()}")


SCRATCH_PREFIX = "playbook-serve-"


def _remove_stale_scratch() -> None:
    """Remove the site copies of previews that were killed (SIGKILL, a power cut): a
    running preview holds a lock on its copy, so only abandoned ones can be locked."""
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        try:
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # another preview is using it
        finally:
            os.close(descriptor)
        publish.remove(folder)


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        info = folder.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


class _FolderReturns(threading.Thread):
    """watchdog stops watching a folder that is deleted. When the plans folder is deleted
    or made again (a `git checkout`, a restore), watch the new one and ask for a
    rebuild, by a save in a folder the server watches, so the preview never goes stale
    silently."""

    def __init__(self, server: PrivateServer, folder: Path, poke: Path) -> None:
        super().__init__(daemon=True)
        self.server, self.folder, self.poke = server, folder, poke
        self.stopped = threading.Event()

    def run(self) -> None:
        last = _identity(self.folder)
        watching = last is not None  # as `Preview.open` left it
        while not self.stopped.wait(0.5):
            now = _identity(self.folder)
            if now == last:
                continue
            if now is not None:
                if watching:
                    self.server.unwatch(str(self.folder))
                self.server.watch(str(self.folder))
                watching = True
            self.poke.write_text(str(time.time_ns()), encoding="utf-8")
            last = now


class Preview:
    """A running preview: the server, its session and its scratch site folder."""

    def __init__(
        self, config_file: Path, plans_dir: Path, today: dt.date | None, port: int, echo: Echo
    ) -> None:
        config = load_mkdocs_config(config_file)
        self.echo = echo
        _remove_stale_scratch()
        self.scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
        # Held while running: what tells a later preview this copy is not abandoned.
        self._scratch_lock = os.open(self.scratch, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        fcntl.flock(self._scratch_lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.site_dir = self.scratch / "site"
        self.site_dir.mkdir()
        (self.scratch / "changes").mkdir()
        self.url = f"http://127.0.0.1:{port}/"
        session = SiteSession(plans_dir=plans_dir, today=today, keep_last_good=True)
        self.docs_dir = Path(config.docs_dir)
        custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        inputs = [self.docs_dir, config_file, *custom]
        self.rebuild = Rebuilder(config_file, session, self.site_dir, self.url, echo, inputs=inputs)
        self.server = PrivateServer(self.rebuild, port, self.site_dir)
        self.server.error_handler = self._error_page
        self.watched = [plans_dir, self.docs_dir, config_file, *custom, self.scratch / "changes"]
        self._plans_return = _FolderReturns(
            self.server, plans_dir, self.scratch / "changes" / "plans-folder"
        )
        self._log = _Echoing(echo)

    def _error_page(self, code: int) -> bytes | None:
        page = self.site_dir / f"{code}.html"
        if code == 404 and page.is_file():
            return error_page_for_server(page.read_bytes())
        return None

    def open(self) -> None:
        """Take the port, build once, start watching."""
        logging.getLogger("mkdocs").addHandler(self._log)
        self.server.open()
        self.rebuild()
        for path in self.watched:
            if path.exists():
                self.server.watch(str(path))
        self._plans_return.start()

    def run(self) -> None:
        self.server.run()

    def close(self) -> None:
        self._plans_return.stopped.set()
        self.server.shutdown()
        logging.getLogger("mkdocs").removeHandler(self._log)
        shutil.rmtree(self.scratch, ignore_errors=True)
        os.close(self._scratch_lock)


def _stop_on_signal(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve_site(
    config_file: Path, plans_dir: Path, today: dt.date | None, port: int, echo: Echo
) -> None:
    """Serve until interrupted; raises PlaybookError for what stops it from starting.

    SIGTERM and SIGHUP stop it like Ctrl+C, so its copy of the site is always removed.
    """
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _stop_on_signal)
    preview = Preview(config_file, plans_dir, today, port, echo)
    try:
        preview.open()
        echo(
            f"Serving the playbook on {preview.url} (only this machine can open it); Ctrl+C stops."
        )
        preview.run()
    except KeyboardInterrupt:
        echo("Stopped.")
    finally:
        preview.close()
