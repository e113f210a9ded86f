"""The kernel manager that launches every pupil kernel in the sandbox.

It plugs into jupyter_client where it offers a seam: the kernel launch command
(``format_kernel_cmd``) and the connection file. The kernel talks over IPC sockets in a
private runtime folder, because the sandbox has no network, not even the host's loopback.
A watchdog kills the whole sandbox with SIGKILL when the notebook's time is over, whatever
the kernel or the client are doing; shutting down never waits for a polite exit. Its client
(``SandboxKernelClient``) is ready as soon as the kernel answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import Any as AnyTrait
from traitlets import DottedObjectName, Type, Unicode

from grader.integrity import write_guard_key
from grader.kernel_guard import TEST_REQUEST, launcher_source
from grader.sandbox import (
    Mounts,
    SandboxPolicy,
    process_tree,
    sandbox_command,
    sandbox_identity,
    stage_pupil_files,
)
from grader.warm import WarmSandbox

#: Seconds between two looks at the sandbox's memory (a look costs ≈0.1 ms per process).
MEMORY_CHECK_SECONDS = 0.1


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


class SandboxKernelClient(AsyncKernelClient):  # type: ignore[misc]
    """jupyter_client's async client, ready as soon as the kernel answers on shell and IOPub.

    jupyter_client's ``wait_for_ready`` ends by waiting for 0.2 s of silence on IOPub, to drop
    the status messages of its own ``kernel_info`` requests: 0.2 s per pupil kernel spent
    waiting. nbclient ignores IOPub messages that answer other requests, so here they are
    drained without waiting. The handshake is the same: a ``kernel_info_reply`` on shell, then
    a message on IOPub (ipykernel welcomes each subscriber), or ask again.
    """

    #: The nonce of the next ``execute`` when it is a test cell (sent as a sealed test).
    test_nonce: str | None = None

    def execute(self, code: str, *args: Any, **kwargs: Any) -> str:
        """jupyter_client's execute, or a sealed test request (kernel_guard) for a test cell."""
        nonce, self.test_nonce = self.test_nonce, None
        if nonce is None:
            return str(super().execute(code, *args, **kwargs))
        message = self.session.msg(TEST_REQUEST, {"code": code, "nonce": nonce})
        self.shell_channel.send(message)
        return str(message["header"]["msg_id"])

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (60.0 if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=0.5)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.2)
                except Empty:
                    pass  # IOPub not connected yet: ask again
                else:
                    self._handle_kernel_info_reply(reply)
                    break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:
            try:
                await self.iopub_channel.get_msg(timeout=0)
            except Empty:
                break


class WarmProvisioner(LocalProvisioner):  # type: ignore[misc]
    """Launches a kernel by asking the worker's warm sandbox to fork one."""

    warm: WarmSandbox
    pupil_folder: Path | None = None
    arguments: list[str]

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        manager = self.parent
        assert isinstance(manager, SandboxKernelManager)
        self.pid = self.warm.spawn(manager.connection_file, self.arguments, self.pupil_folder)
        self.pgid = None
        return self.connection_info

    @property
    def has_process(self) -> bool:
        return self.pid is not None

    async def poll(self) -> int | None:
        return None if _alive(self.pid) else 1

    async def wait(self) -> int | None:
        while _alive(self.pid):
            await asyncio.sleep(0.02)
        return 1

    async def send_signal(self, signum: int) -> None:
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signum)

    async def kill(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        await self.send_signal(signal.SIGKILL)


class SandboxKernelManager(AsyncKernelManager):
    """An async kernel manager whose kernels run in the Robocole sandbox."""

    policy = AnyTrait(
        None, allow_none=True, help="The SandboxPolicy (limits and sandbox user) to apply."
    ).tag(config=True)
    pupil_folder = Unicode(
        "", help="The pupil's submitted folder; its files are shown read-only in the sandbox."
    ).tag(config=True)
    client_class = DottedObjectName("grader.kernel.SandboxKernelClient")
    client_factory = Type(SandboxKernelClient, klass=AsyncKernelClient)
    warm_sandbox = AnyTrait(
        None,
        allow_none=True,
        help="The worker's WarmSandbox: kernels are forked there instead of started afresh.",
    ).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        # Whatever the notebook claims, a pupil kernel is the sandboxed Python kernel.
        kwargs["kernel_name"] = "python3"
        super().__init__(**kwargs)
        self.transport = "ipc"
        self.runtime_dir: Path | None = None
        self.watchdog_fired = False
        self._watchdog: asyncio.TimerHandle | None = None
        self._memory_check: asyncio.TimerHandle | None = None
        #: True once the sandbox's processes together used more than the memory budget.
        self.memory_exceeded = False
        self._mounts: Mounts | None = None
        #: The key this kernel signs its test verdicts with (integrity.py), new per kernel.
        self.guard_key = b""

    @property
    def sandbox_policy(self) -> SandboxPolicy:
        return self.policy if isinstance(self.policy, SandboxPolicy) else SandboxPolicy()

    @property
    def warm(self) -> WarmSandbox | None:
        return self.warm_sandbox if isinstance(self.warm_sandbox, WarmSandbox) else None

    def _prepare_warm(self, warm: WarmSandbox) -> None:
        runtime = warm.prepare()
        name = f"k-{uuid.uuid4().hex[:8]}"
        self.connection_file = str(runtime / f"{name}.json")
        self.ip = str(runtime / name)
        self.kernel_id = self.kernel_id or str(uuid.uuid4())
        provisioner = WarmProvisioner(
            kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self
        )
        provisioner.warm = warm
        provisioner.pupil_folder = Path(self.pupil_folder) if self.pupil_folder else None
        provisioner.arguments = []
        self.provisioner = provisioner

    def _prepare_runtime(self) -> None:
        policy = self.sandbox_policy
        identity = sandbox_identity(policy)
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
        identity = sandbox_identity(self.sandbox_policy)
        if identity is not None and self.connection_file:
            # The kernel reads it as the sandbox user; it holds only this kernel's key.
            os.chown(self.connection_file, *identity)
        if self.connection_file:
            self.guard_key = write_guard_key(self.connection_file, identity)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        arguments = ["--HistoryManager.enabled=False", *(extra_arguments or [])]
        if isinstance(self.provisioner, WarmProvisioner):
            self.provisioner.arguments = arguments
            return ["ipykernel_launcher", "-f", self.connection_file, *arguments]  # forked
        assert self._mounts is not None, "start_kernel prepares the runtime folder first"
        policy = self.sandbox_policy
        # kernel_guard's launcher: ipykernel with sealed tests, installed before pupil code.
        launch = launcher_source() + "\nlaunch(sys.argv[1], sys.argv[2:])\n"
        inner = [policy.python, "-c", launch, self.connection_file]
        inner += ["--HistoryManager.enabled=False", *(extra_arguments or [])]
        return sandbox_command(policy, inner, self._mounts)

    async def start_kernel(self, **kwargs: Any) -> None:  # type: ignore[override]
        self.watchdog_fired = False
        warm = self.warm
        if warm is not None:
            self._prepare_warm(warm)
        else:
            self._prepare_runtime()
        # The kernel's own banner is noise in the grader's log; its errors show as a timeout.
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        await super().start_kernel(**kwargs)
        loop = asyncio.get_running_loop()
        self._watchdog = loop.call_later(self.sandbox_policy.notebook_timeout, self._kill_now)
        self.memory_exceeded = False
        if self.sandbox_policy.sandbox_memory_bytes > 0:
            self._memory_check = loop.call_later(MEMORY_CHECK_SECONDS, self._check_memory)

    def sandbox_memory(self) -> int:
        """Bytes of memory the sandbox's processes use together (their PSS: shared pages
        count once, split between the processes that share them)."""
        total = 0
        for pid in self._sandbox_pids():
            try:
                with open(f"/proc/{pid}/smaps_rollup") as handle:
                    for line in handle:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1]) * 1024
                            break
            except (OSError, ValueError):
                continue  # the process ended while we looked
        return total

    def _check_memory(self) -> None:
        """Kill the sandbox past its memory budget: the limit of all its processes together
        (each one's own cap, RLIMIT_AS, lets several of them add up to much more)."""
        self._memory_check = None
        if self.sandbox_memory() > self.sandbox_policy.sandbox_memory_bytes:
            self.memory_exceeded = True
            self._kill_now(watchdog=False)
            return
        loop = asyncio.get_running_loop()
        self._memory_check = loop.call_later(MEMORY_CHECK_SECONDS, self._check_memory)

    def _sandbox_pids(self) -> list[int]:
        """Host pids of every process in the sandbox (bubblewrap's descendants)."""
        if self.warm is not None:
            return self.warm.pids()
        process = getattr(self.provisioner, "process", None)
        if process is None:
            return []
        return process_tree(process.pid)[1:]

    def process_count(self) -> int:
        """How many processes run in the sandbox (bubblewrap's two included)."""
        return len(self._sandbox_pids())

    def _kernel_pid(self) -> int | None:
        """The host pid of the kernel: the descendant of bubblewrap that runs ipykernel."""
        if isinstance(self.provisioner, WarmProvisioner):
            return self.provisioner.pid if _alive(self.provisioner.pid) else None
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

    def lower_priority(self) -> None:
        """Give the kernel and its processes the lowest CPU priority (nice 19).

        For a cell that runs much longer than a child's exercise (a loop that never ends):
        it keeps running until its timeout, on CPU time nobody else wants, instead of taking
        a core from the other pupils' grading. The next kernel starts at normal priority.
        """
        pid = self._kernel_pid()
        if pid is None:
            return
        for process in process_tree(pid):
            # Linux keeps a priority per thread: a sealed test runs in a thread of its own
            # (kernel_guard.py), so each thread is lowered, not only the main one.
            try:
                threads = [int(tid) for tid in os.listdir(f"/proc/{process}/task")]
            except (OSError, ValueError):
                threads = [process]
            for thread in threads:
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, thread, 19)

    async def interrupt_kernel(self) -> None:  # type: ignore[override]
        # Signal the kernel alone: bubblewrap, in the same process group, would die of it.
        pid = self._kernel_pid()
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGINT)

    def _kill_now(self, watchdog: bool = True) -> None:
        """SIGKILL the sandbox: bubblewrap's pid namespace takes every process with it."""
        self.watchdog_fired = self.watchdog_fired or watchdog
        if isinstance(self.provisioner, WarmProvisioner):
            pid = self.provisioner.pid
            if pid is not None and _alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            if self.warm is not None:
                self.warm.sweep()  # and every process the pupil's code left behind
            return
        process = getattr(self.provisioner, "process", None)
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            process.kill()

    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:  # type: ignore[override]
        # A pupil kernel holds nothing worth a polite shutdown: kill it at once.
        for timer in (self._watchdog, self._memory_check):
            if timer is not None:
                timer.cancel()
        self._watchdog = self._memory_check = None
        self._kill_now()
        self.watchdog_fired = False
        await super().shutdown_kernel(now=True, restart=restart)
        self._remove_runtime()

    async def cleanup_resources(self, restart: bool = False) -> None:  # type: ignore[override]
        await super().cleanup_resources(restart=restart)
        self._remove_runtime()

    def _remove_runtime(self) -> None:
        if self.warm is not None and self.connection_file:
            # The warm sandbox's runtime folder stays; this kernel's files go.
            for path in Path(self.connection_file).parent.glob(Path(self.ip).name + "*"):
                path.unlink(missing_ok=True)
            return
        if self.runtime_dir is not None:
            shutil.rmtree(self.runtime_dir, ignore_errors=True)
            self.runtime_dir = None
