"""Every process the platform started, found and stopped, even after the hub died.

JupyterHub starts the proxy, its services and the pupils' servers in sessions of their own (so
a Ctrl-C meant for the hub does not hit them), and the zygote forks the servers. When the hub
dies without cleaning up, those processes lose their parent, and Linux gives them to the
nearest "child subreaper" ancestor, else to init. ``robocole up`` makes itself that subreaper
(``PR_SET_CHILD_SUBREAPER``), so whatever the platform started stays below it in the process
tree, and ``stop_tree`` ends all of it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import time
from collections.abc import Collection
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    """Orphaned descendants become our children instead of init's."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


def _parents() -> dict[int, tuple[int, str]]:
    """Each live process: its parent and its state letter."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it ended while we looked
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry.name)] = (int(fields[1]), fields[0])
    return found


def descendants(root: int) -> list[int]:
    """Every live (not zombie) process below ``root``, parents before children."""
    children: dict[int, list[int]] = {}
    states = {}
    for pid, (parent, state) in _parents().items():
        children.setdefault(parent, []).append(pid)
        states[pid] = state
    order, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop(0)
        if states.get(pid) not in ("Z", "X"):
            order.append(pid)
        todo.extend(children.get(pid, []))
    return order


def reap_children(keep: Collection[int] = ()) -> None:
    """Collect our exited children (orphans given to us), except those in ``keep``, whose
    owners (``subprocess.Popen``) wait for them themselves."""
    me = os.getpid()
    for pid, (parent, state) in _parents().items():
        if parent == me and state == "Z" and pid not in keep:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)


def stop_tree(root: int, grace: float = 10.0, keep: Collection[int] = ()) -> list[int]:
    """SIGTERM every process below ``root``, SIGKILL what is left after ``grace`` seconds.

    Returns the pids that were still running and had to be stopped."""
    found = descendants(root)
    for pid in found:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        reap_children(keep)
        if not descendants(root):
            return found
        time.sleep(0.1)
    # New processes may appear while stopping (a server forked at the last moment): repeat.
    for _ in range(5):
        left = descendants(root)
        if not left:
            break
        for pid in left:
            _signal(pid, signal.SIGKILL)
        time.sleep(0.2)
        reap_children(keep)
    return found


def _signal(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)
