"""The zygote: one process that has imported JupyterLab once and forks each pupil's server.

A class logs in at once on a 2-core school server. A new Python process spends a few CPU
seconds importing jupyter_server, JupyterLab, JupyterHub's single-user code and nbgrader
before it serves anything, and 30 of them at once do not fit in 30 seconds. This process
does those imports once, as root, and creates nothing else: no application, no event loop, no
thread, no socket but the one to the hub. For each server the hub asks for, it forks a child
that first becomes the pupil exactly as JupyterHub's ``LocalProcessSpawner`` makes its
children (``set_user_setuid``: a new session, the pupil's limits, group, supplementary groups
and uid, the home folder, the environment the spawner computed) and only then runs
``jupyterhub-singleuser`` in that process. One child serves one pupil and never runs anything
for another; the imported code's memory pages are shared copy-on-write between children.

What the imports leave behind, and why a fork of it is safe (checked in ``check_forkable`` and
in tests/hub_config/test_zygote.py):
- threads: none may exist at fork time (a forked thread's locks would stay held): refused;
- random state: ``random`` reseeds itself in every child (its own ``os.register_at_fork``);
  secrets, tokens and uuid4 come from ``os.urandom``; the child reseeds ``random`` again;
- module-level caches of paths and environment: jupyter_core and jupyter_server read
  ``os.environ`` and the home folder when called, not at import; ``tempfile``'s cached
  folder is cleared in the child; send2trash computes the trash folder and uid at import,
  so it is executed again in the child (``PER_USER_MODULES``); the only other import-time
  environment read is JupyterHub's choice of single-user app (``JUPYTERHUB_SINGLEUSER_APP``,
  ``_EXTENSION``), so a spawner whose environment sets those does not use the zygote;
- the string hash seed is the zygote's, shared by all children (as in any pre-forking server);
- user site-packages are off (``python -s``): a pupil's server never imports code from a
  pupil's home.
The zygote reaps its children, and dies with the hub (``PR_SET_PDEATHSIG``).

Protocol, one JSON line each way on the socket the hub passes (``--socket-fd``): the zygote
says ``{"ready": true, "pid": …}`` after importing, then answers each ``Launch`` with
``{"pid": …}`` or ``{"error": "…"}``.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import importlib
import json
import os
import random
import resource
import signal
import socket
import sys
import tempfile
import threading
import traceback
from dataclasses import asdict, dataclass
from typing import IO, Any

# What a pupil's server imports before it answers (measured with ``python -X importtime``):
# jupyter_server and its service handlers, JupyterLab, JupyterHub's single-user extension,
# and nbgrader's pupil-side handlers (loaded on first use by hub_config.pupil_server, so
# their import is shared here instead of paid by each server that opens the list).
PRELOAD: tuple[str, ...] = (
    "jupyterhub.singleuser",
    "jupyterhub.singleuser.extension",
    "jupyter_server.serverapp",
    "jupyter_server.services.api.handlers",
    "jupyter_server.services.config.handlers",
    "jupyter_server.services.contents.handlers",
    "jupyter_server.files.handlers",
    "jupyter_server.services.kernels.handlers",
    "jupyter_server.kernelspecs.handlers",
    "jupyter_server.services.kernelspecs.handlers",
    "jupyter_server.nbconvert.handlers",
    "jupyter_server.services.nbconvert.handlers",
    "jupyter_server.services.security.handlers",
    "jupyter_server.services.sessions.handlers",
    "jupyter_server.services.shutdown",
    "jupyter_server.view.handlers",
    "jupyter_server.services.events.handlers",
    "jupyterlab.labapp",
    "jupyterlab_server",
    "jupyterlab.extensions.pypi",  # a teacher's extension manager (pupils' is read-only)
    "hub_config.pupil_server",
    # Imported on JupyterLab's first requests (kernel specs, files): once here instead.
    "ipykernel.kernelspec",
    "IPython.paths",
    "anyio",
    "anyio.lowlevel",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.validate_assignment",
)

# What each child runs, with the server command's arguments: jupyterhub-singleuser's main.
ENTRY = "jupyterhub.singleuser:main"
# Modules that read the user's home or uid when imported: executed again in each child, as
# the pupil (found by tests/hub_config/test_zygote.py; send2trash put deleted files in
# root's trash folder otherwise).
PER_USER_MODULES = ("send2trash.plat_other",)
PR_SET_PDEATHSIG = 1
PR_SET_NAME = 15
# Process names (``ps``, ``top``, ``pgrep -x``; 15 bytes at most). A forked server's command
# line stays the zygote's: Linux lets only CAP_SYS_RESOURCE rewrite it.
ZYGOTE_NAME = b"robocole-zygote"
SERVER_NAME = b"singleuser"


@dataclass(frozen=True)
class Launch:
    """One server to start: the command's arguments and who runs it (LocalProcessSpawner's)."""

    argv: list[str]
    env: dict[str, str]
    uid: int
    gid: int
    groups: list[int]
    home: str
    limits: list[tuple[int, int]]

    def to_line(self) -> bytes:
        return json.dumps(asdict(self)).encode() + b"\n"

    @classmethod
    def from_line(cls, line: bytes) -> Launch:
        data = json.loads(line)
        launch = cls(
            argv=[str(a) for a in data["argv"]],
            env={str(k): str(v) for k, v in data["env"].items()},
            uid=int(data["uid"]),
            gid=int(data["gid"]),
            groups=[int(g) for g in data["groups"]],
            home=str(data["home"]),
            limits=[(int(kind), int(value)) for kind, value in data["limits"]],
        )
        # The zygote is root: it never starts a root server.
        if launch.uid == 0 or launch.gid == 0 or 0 in launch.groups:
            raise ValueError("refusing to start a server as root")
        if not launch.argv:
            raise ValueError("empty command")
        return launch


def preload(modules: list[str]) -> list[str]:
    """Import what a server needs; a module that is not installed is skipped (a teacher-only
    or optional extension), any other import error is the zygote's failure."""
    loaded = []
    for name in modules:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            print(f"zygote: {name} not preloaded: {error}", file=sys.stderr)
            continue
        loaded.append(name)
    return loaded


def check_forkable() -> None:
    """Refuse to serve if the imports left state a child must not inherit."""
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if others:
        raise RuntimeError(f"threads started while importing: {others}")
    from traitlets.config import SingletonConfigurable

    if SingletonConfigurable.initialized():
        raise RuntimeError("an application was created while importing")


def _prctl(option: int, value: int | bytes) -> None:
    ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


def _reap(_signum: int, _frame: object) -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def become(launch: Launch) -> None:
    """In the child, before running anything else: what set_user_setuid and Popen do."""
    os.setsid()  # LocalProcessSpawner's start_new_session: the hub's signals stay the hub's
    for kind, value in launch.limits:  # as root, before giving root up
        resource.setrlimit(kind, (value, value))
    os.setgid(launch.gid)
    os.setgroups(launch.groups)
    os.setuid(launch.uid)
    if os.getuid() != launch.uid or os.geteuid() != launch.uid or os.getegid() != launch.gid:
        raise PermissionError("could not switch to the pupil's user")
    os.chdir(launch.home)
    os.environ.clear()  # also unsetenv: the C environment a kernel inherits is the pupil's
    os.environ.update(launch.env)
    tempfile.tempdir = None  # computed again from the pupil's TMPDIR and rights
    for name in PER_USER_MODULES:
        if name in sys.modules:
            # In place: functions imported elsewhere see the pupil's values.
            importlib.reload(sys.modules[name])
    random.seed()
    sys.argv = list(launch.argv)


def _run_child(launch: Launch, entry: str, closing: list[IO[bytes] | socket.socket]) -> None:
    """The child's whole life: never returns into the zygote's loop."""
    code = 1
    try:
        for name in ("SIGCHLD", "SIGTERM", "SIGHUP"):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        _prctl(PR_SET_NAME, SERVER_NAME)
        for handle in closing:
            handle.close()
        become(launch)
        module, _, function = entry.partition(":")
        getattr(importlib.import_module(module), function)(launch.argv[1:])
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            import atexit

            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve(sock: socket.socket, entry: str = ENTRY) -> None:
    reader = sock.makefile("rb")
    writer = sock.makefile("wb")

    def answer(message: dict[str, Any]) -> None:
        writer.write(json.dumps(message).encode() + b"\n")
        writer.flush()

    answer({"ready": True, "pid": os.getpid()})
    for line in reader:
        try:
            launch = Launch.from_line(line)
        except (ValueError, KeyError, TypeError) as error:
            answer({"error": f"bad launch request: {error}"})
            continue
        pid = os.fork()
        if pid == 0:
            _run_child(launch, entry, [reader, writer, sock])
        answer({"pid": pid})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket-fd", type=int, required=True)
    parser.add_argument(
        "--preload", default=",".join(PRELOAD), help="modules to import, separated by commas"
    )
    parser.add_argument("--entry", default=ENTRY, help="module:function each child runs")
    args = parser.parse_args(argv)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # the hub's child: dies with it
    _prctl(PR_SET_NAME, ZYGOTE_NAME)
    sock = socket.socket(fileno=args.socket_fd)
    preload([name for name in args.preload.split(",") if name])
    check_forkable()
    # Objects made by the imports are never freed: keep the collector from touching (and so
    # copying) their pages in every child.
    gc.collect()
    gc.freeze()
    signal.signal(signal.SIGCHLD, _reap)
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the hub went away
        serve(sock, args.entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
