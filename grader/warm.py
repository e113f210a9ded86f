"""A warm sandbox per worker: pupil kernels forked from a process that has ipykernel loaded.

Starting a kernel is mostly importing ipykernel and IPython (≈0.35 s of CPU here); forking
a process that already imported them costs ≈0.14 s. Each grading worker keeps one sandbox
(the same ``setpriv`` → ``bwrap`` → ``prlimit`` command as a fresh kernel, with
``--as-pid-1``) whose first process, the *zygote*, imports ipykernel and then forks one kernel
per submission. Pupils of one worker follow each other, never overlap, and are kept apart:

- before every kernel, the zygote kills every other process of the sandbox (as its pid 1,
  ``kill(-1, SIGKILL)`` reaches them all, even those that left their session) and empties the
  home folder, ``/tmp`` and ``/dev/shm``; the home then receives the next pupil's files only;
- the zygote is not dumpable, so pupil code cannot trace it or read its memory, and as pid 1
  of the namespace it ignores the signals pupil code may send it;
- each kernel is a fresh process: it starts from the zygote's clean memory, with its own
  CPU-time count, and nothing of the previous pupil's interpreter.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import IO

from grader.errors import SandboxUnavailable
from grader.kernel_guard import launcher_source
from grader.sandbox import (
    Mounts,
    SandboxPolicy,
    process_tree,
    pupil_entries,
    sandbox_command,
    sandbox_identity,
)
from robocole.i18n import gettext as _

#: Where the next pupil's files wait, read-only, inside the warm sandbox.
INBOX = "/run/pupil"

ZYGOTE = r"""
import ctypes, gc, json, os, shutil, signal, sys, time
gc.disable()  # until the imports are frozen below (see gc.freeze)
# No debugger in a pupil kernel: grading never asks for one, and ipykernel would import
# debugpy (≈0.3 s of CPU) in every kernel. ipykernel runs without it when it cannot import.
sys.modules["debugpy"] = None
import ipykernel.kernelapp
from ipykernel.kernelapp import IPKernelApp
# Everything a kernel imports while it starts, imported once here instead of in every kernel.
import ipykernel.ipkernel, ipykernel.zmqshell, ipykernel.debugger
import IPython.core.completer, IPython.core.completerlib, IPython.core.debugger
import IPython.core.oinspect, IPython.extensions.storemagic, IPython.utils.wildcard
import tornado.gen, tornado.locks, tornado.platform.asyncio, tornado.queues
import bdb, cmd, code, faulthandler, pdb, unicodedata
# IPython tokenizes every cell; the tokenizer compiles its big regular expression on first use
# (≈7 ms of CPU per kernel). Compiled here on a constant line, every kernel inherits it.
import io, tokenize
list(tokenize.generate_tokens(io.StringIO("x = 1\n").readline))

HOME, INBOX, RUNTIME = os.environ["HOME"], sys.argv[1], sys.argv[2]
ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0: no ptrace, no /proc/1/mem
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel at once

def empty(folder, keep=()):
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        path = os.path.join(folder, name)
        if path in keep:
            continue
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                os.unlink(path)
            except OSError:
                pass

def others():
    return [p for p in os.listdir("/proc") if p.isdigit() and p != "1"]

def sweep(keep=()):
    deadline = time.monotonic() + 2
    while others() and time.monotonic() < deadline:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            break
        time.sleep(0.002)
    for folder in (HOME, "/tmp", "/dev/shm"):
        empty(folder, keep=(RUNTIME,))
    # The runtime folder is shared with the host: only the next kernel's file stays.
    empty(RUNTIME, keep=keep)

def spawn(connection_file, arguments):
    sweep(keep=(connection_file, connection_file + ".guard"))
    for name in os.listdir(INBOX):
        source, target = os.path.join(INBOX, name), os.path.join(HOME, name)
        try:
            if os.path.isdir(source):
                shutil.copytree(source, target, symlinks=True)
            else:
                shutil.copyfile(source, target)
        except OSError:
            pass  # too big for the home's size or the file-size cap: the pupil's code says so
    pid = os.fork()
    if pid == 0:
        try:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            os.chdir(HOME)
            launch(connection_file, arguments)  # kernel_guard's launcher: sealed tests
        finally:
            os._exit(0)
    return pid

# Each kernel would otherwise touch (copy) the pages of every imported object on its first
# garbage collection: frozen, they stay shared (≈35% less CPU for a kernel to start).
gc.collect()
gc.freeze()
gc.enable()
reply = sys.stdout
reply.write('{"ready": true}\n')
reply.flush()
for line in sys.stdin:
    request = json.loads(line)
    if request["op"] == "spawn":
        answer = {"pid": spawn(request["connection_file"], request["arguments"])}
    else:
        sweep()
        answer = {"swept": True}
    reply.write(json.dumps(answer) + "\n")
    reply.flush()
"""


def _running(pid: int) -> bool:
    """Whether a process runs (not ended, not a zombie), whoever started it."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def remove_orphans(folder: Path = Path("/tmp")) -> list[Path]:
    """Remove the folders of warm sandboxes whose grader was killed outright; those removed.

    A grader that ends normally removes its own; one killed with SIGKILL cannot.
    """
    removed = []
    for path in folder.glob("rb[wis]-*-*"):
        pid = path.name.split("-")[1]
        if pid.isdigit() and not _running(int(pid)) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


class WarmSandbox:
    """One long-lived sandbox whose zygote forks a fresh kernel per submission.

    ``launch()`` starts the zygote without waiting for it, so a grader can start its workers'
    sandboxes while it does other work; the first use waits until the zygote is ready. A
    sandbox launched by a parent process and used by a forked worker works the same: its
    liveness is read from /proc, not from ``Popen.poll()``, which only the parent may call.
    """

    def __init__(self, policy: SandboxPolicy, start_timeout: float = 60.0) -> None:
        self.policy = policy
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[str] | None = None
        self.runtime_dir: Path | None = None
        self.inbox: Path | None = None
        self._ready = False

    def __deepcopy__(self, memo: dict[int, object]) -> WarmSandbox:
        # A handle on one running sandbox: traitlets copies configurations, not sandboxes.
        return self

    # -- the zygote's life ------------------------------------------------------------------
    def launch(self) -> WarmSandbox:
        """Start the zygote (if not started) without waiting until it is ready."""
        if self.process is None:
            self._launch()
        return self

    def _launch(self) -> None:
        identity = sandbox_identity(self.policy)
        remove_orphans()
        # The launching process's pid in the name: a later grader knows whose they were.
        self.runtime_dir = Path(tempfile.mkdtemp(prefix=f"rbw-{os.getpid()}-", dir="/tmp"))
        self.inbox = Path(tempfile.mkdtemp(prefix=f"rbi-{os.getpid()}-", dir="/tmp"))
        if identity is not None:
            os.chown(self.runtime_dir, *identity)
            os.chown(self.inbox, *identity)
        mounts = Mounts.for_kernel(self.policy, runtime_dir=self.runtime_dir)
        mounts.bind(self.inbox, INBOX)
        command = sandbox_command(
            self.policy,
            [self.policy.python, "-c", launcher_source() + ZYGOTE, INBOX, str(self.runtime_dir)],
            mounts,
            as_pid_1=True,
        )
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        self._ready = False

    def _ensure(self) -> subprocess.Popen[str]:
        if self.process is None or not _running(self.process.pid):
            self.close()
            self._launch()
        assert self.process is not None
        if not self._ready:
            if self._read(self.start_timeout).get("ready") is not True:
                self.close()
                raise SandboxUnavailable(
                    _("The sandbox does not start (%(error)s).", error="zygote")
                )
            self._ready = True
        return self.process

    def _read(self, timeout: float) -> dict[str, object]:
        assert self.process is not None and self.process.stdout is not None
        stream: IO[str] = self.process.stdout
        ready, _w, _x = select.select([stream], [], [], timeout)
        line = stream.readline() if ready else ""
        if not line:
            self.close()
            raise SandboxUnavailable(
                _("The sandbox does not start (%(error)s).", error="no answer")
            )
        answer: dict[str, object] = json.loads(line)
        return answer

    def _ask(self, request: dict[str, object], timeout: float = 30.0) -> dict[str, object]:
        process = self._ensure()
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
        except BrokenPipeError:
            self.close()
            raise
        return self._read(timeout)

    # -- what the kernel manager uses -------------------------------------------------------
    def prepare(self) -> Path:
        """Start the sandbox if needed; its runtime folder (connection files, sockets)."""
        self._ensure()
        assert self.runtime_dir is not None
        return self.runtime_dir

    def spawn(self, connection_file: str, arguments: list[str], pupil_folder: Path | None) -> int:
        """Fork a fresh kernel for one pupil; its pid as the host sees it."""
        self._ensure()
        assert self.inbox is not None
        for entry in self.inbox.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        if pupil_folder is not None:
            for entry in pupil_entries(pupil_folder):
                if entry.is_dir():
                    shutil.copytree(entry, self.inbox / entry.name, symlinks=True)
                else:
                    shutil.copyfile(entry, self.inbox / entry.name)
            identity = sandbox_identity(self.policy)
            for path in self.inbox.rglob("*"):
                if identity is not None:
                    os.chown(path, *identity, follow_symlinks=False)
        answer = self._ask(
            {"op": "spawn", "connection_file": connection_file, "arguments": arguments}
        )
        inner = int(answer["pid"])  # type: ignore[call-overload]
        host = self._host_pid(inner)
        if host is None:
            raise SandboxUnavailable(_("The sandbox does not start (%(error)s).", error="fork"))
        return host

    def sweep(self) -> None:
        """Kill every process of the sandbox but the zygote, and empty its folders."""
        if self.process is not None and _running(self.process.pid):
            try:
                self._ask({"op": "sweep"})
            except (OSError, SandboxUnavailable):
                self.close()  # a zygote that does not answer is replaced

    def pids(self) -> list[int]:
        """Host pids of the sandbox's processes, the zygote excluded."""
        if self.process is None:
            return []
        # bwrap itself, then the zygote (pid 1 inside)
        return process_tree(self.process.pid)[2:]

    def _host_pid(self, inner: int) -> int | None:
        for pid in self.pids():
            try:
                with open(f"/proc/{pid}/status") as handle:
                    for line in handle:
                        if line.startswith("NSpid:") and int(line.split()[-1]) == inner:
                            return pid
            except (OSError, ValueError):
                continue
        return None

    def close(self) -> None:
        if self.process is not None:
            # The whole session: setpriv became bwrap, whose pid namespace ends with it.
            with contextlib.suppress(OSError):
                os.killpg(self.process.pid, signal.SIGKILL)
            # Reaped by the process that launched it (a worker's wait() returns at once).
            self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()
            self.process = None
        for folder in (self.runtime_dir, self.inbox):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        self.runtime_dir = self.inbox = None
        self._ready = False
