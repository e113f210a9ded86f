"""The kernel manager that launches every pupil kernel in the sandbox.

It plugs into jupyter_client where it offers a seam: the kernel launch command
(``format_kernel_cmd``) and the connection file. The kernel talks over IPC sockets in a
private runtime folder, because the sandbox has no network, not even the host's loopback.
A watchdog kills the whole sandbox with SIGKILL when the notebook's time is over, whatever
the kernel or the client are doing; shutting down never waits for a polite exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from traitlets import Any as AnyTrait
from traitlets import Unicode

from grader.sandbox import Mounts, SandboxPolicy, _identity, sandbox_command, stage_pupil_files


class SandboxKernelManager(AsyncKernelManager):
    """An async kernel manager whose kernels run in the Robocole sandbox."""

    policy = AnyTrait(
        None, allow_none=True, help="The SandboxPolicy (limits and sandbox user) to apply."
    ).tag(config=True)
    pupil_folder = Unicode(
        "", help="The pupil's submitted folder; its files are shown read-only in the sandbox."
    ).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        # Whatever the notebook claims, a pupil kernel is the sandboxed Python kernel.
        kwargs["kernel_name"] = "python3"
        super().__init__(**kwargs)
        self.transport = "ipc"
        self.runtime_dir: Path | None = None
        self.watchdog_fired = False
        self._watchdog: asyncio.TimerHandle | None = None
        self._mounts: Mounts | None = None

    @property
    def sandbox_policy(self) -> SandboxPolicy:
        return self.policy if isinstance(self.policy, SandboxPolicy) else SandboxPolicy()

    def _prepare_runtime(self) -> None:
        policy = self.sandbox_policy
        identity = _identity(policy)
        # Short path: an IPC socket path must fit in 107 bytes.
        runtime = Path(tempfile.mkdtemp(prefix="rbg-", dir="/tmp"))
        staged: list[Path] = []
        if self.pupil_folder:
            staged = stage_pupil_files(Path(self.pupil_folder), runtime / "pupil")
        if identity is not None:
            for path in [runtime, *runtime.rglob("*")]:
                os.chown(path, *identity, follow_symlinks=False)
        self.runtime_dir = runtime
        self._mounts = Mounts.for_kernel(policy, runtime_dir=runtime, pupil_files=staged)
        self.connection_file = str(runtime / "kernel.json")
        self.ip = str(runtime / "k")

    def write_connection_file(self, **kwargs: Any) -> None:
        super().write_connection_file(**kwargs)
        identity = _identity(self.sandbox_policy)
        if identity is not None and self.connection_file:
            # The kernel reads it as the sandbox user; it holds only this kernel's key.
            os.chown(self.connection_file, *identity)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        assert self._mounts is not None, "start_kernel prepares the runtime folder first"
        policy = self.sandbox_policy
        inner = [policy.python, "-m", "ipykernel_launcher", "-f", self.connection_file]
        inner += ["--HistoryManager.enabled=False", *(extra_arguments or [])]
        return sandbox_command(policy, inner, self._mounts)

    async def start_kernel(self, **kwargs: Any) -> None:  # type: ignore[override]
        self.watchdog_fired = False
        self._prepare_runtime()
        # The kernel's own banner is noise in the grader's log; its errors show as a timeout.
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        await super().start_kernel(**kwargs)
        loop = asyncio.get_running_loop()
        self._watchdog = loop.call_later(self.sandbox_policy.notebook_timeout, self._kill_now)

    def _sandbox_pids(self) -> list[int]:
        """Host pids of every process in the sandbox (bubblewrap's descendants)."""
        process = getattr(self.provisioner, "process", None)
        if process is None:
            return []
        found: list[int] = []
        pending = [process.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            try:
                with open(f"/proc/{pid}/task/{pid}/children") as handle:
                    pending += [int(child) for child in handle.read().split()]
            except (OSError, ValueError):
                continue
        return found[1:]

    def process_count(self) -> int:
        """How many processes run in the sandbox (bubblewrap's two included)."""
        return len(self._sandbox_pids())

    def _kernel_pid(self) -> int | None:
        """The host pid of the kernel: the descendant of bubblewrap that runs ipykernel."""
        process = getattr(self.provisioner, "process", None)
        pending = [process.pid] if process is not None else []
        python = self.sandbox_policy.python.encode()
        while pending:
            pid = pending.pop()
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as handle:
                    # bubblewrap's own command line names ipykernel too: match argv[0].
                    if handle.read().split(b"\0", 1)[0] == python:
                        return pid
                with open(f"/proc/{pid}/task/{pid}/children") as handle:
                    pending += [int(child) for child in handle.read().split()]
            except (OSError, ValueError):
                continue
        return None

    async def interrupt_kernel(self) -> None:  # type: ignore[override]
        # Signal the kernel alone: bubblewrap, in the same process group, would die of it.
        pid = self._kernel_pid()
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGINT)

    def _kill_now(self) -> None:
        """SIGKILL the sandbox: bubblewrap's pid namespace takes every process with it."""
        self.watchdog_fired = True
        process = getattr(self.provisioner, "process", None)
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            process.kill()

    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:  # type: ignore[override]
        # A pupil kernel holds nothing worth a polite shutdown: kill it at once.
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        self._kill_now()
        self.watchdog_fired = False
        await super().shutdown_kernel(now=True, restart=restart)
        self._remove_runtime()

    async def cleanup_resources(self, restart: bool = False) -> None:  # type: ignore[override]
        await super().cleanup_resources(restart=restart)
        self._remove_runtime()

    def _remove_runtime(self) -> None:
        if self.runtime_dir is not None:
            shutil.rmtree(self.runtime_dir, ignore_errors=True)
            self.runtime_dir = None
