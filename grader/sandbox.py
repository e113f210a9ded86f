"""The sandbox every pupil kernel runs in, and the probe that proves it works.

A pupil kernel is launched by one command, outermost first:

1. ``setpriv`` drops to the unprivileged sandbox user (when the grader runs as root);
2. ``bwrap`` (bubblewrap) gives it new user, pid, network, ipc and uts namespaces: no network
   but a private loopback, a read-only view of the Python it needs, a small private tmpfs as
   its home holding read-only copies of the pupil's own files, and nothing else;
3. ``prlimit`` caps CPU time, memory, processes, file size and open files, and disables core
   dumps. It runs *inside* the new user namespace on purpose: the process cap then counts
   only this sandbox's processes, so one pupil's fork bomb cannot starve another pupil's
   kernel that runs at the same time under the same uid.

The answer keys, hidden tests and gradebook live in the course folder, which is never
mounted: the sandbox sees the pupil's files and the Python installation only.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from grader.errors import SandboxUnavailable
from grader.kernel_guard import launcher_source
from grader.seccomp import filter_file
from robocole.i18n import gettext as _

#: The layers without which the grader refuses to grade (see the issue and DESIGN.md).
MINIMUM_PROTECTIONS = ("non-root", "rlimits", "timeout", "filesystem-isolation", "no-network")
#: Where the pupil's folder appears inside the sandbox.
SANDBOX_HOME = "/home/eleve"
#: Top-level system folders the kernel's Python may need, mounted read-only.
SYSTEM_PATHS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
#: What bubblewrap says when the sandbox user cannot reach a folder to mount.
_UNREADABLE = re.compile(r"Can't find source path (.+): Permission denied")
#: Files of the pupil's folder that are not theirs to read back (nbgrader's own).
NOT_PUPIL_FILES = ("timestamp.txt",)


#: The platform's own packages that lessons import in the pupil's kernel: the robot simulator
#: (``include="robot"``) and the words it speaks.
LESSON_PACKAGES = ("robot_firmware", "robocole")


def lesson_package_paths() -> list[str]:
    """The folders of ``LESSON_PACKAGES`` when they live outside the virtual env.

    Installed from a wheel they are in the env already. From an editable install (a
    checkout, as ``scripts/setup.sh`` makes) the env only points at the checkout: each
    package's own folder is shown too, never the whole checkout, which holds the
    curriculum's answer keys."""
    prefixes = [Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()]
    found = []
    for name in LESSON_PACKAGES:
        spec = importlib.util.find_spec(name)
        for location in (spec.submodule_search_locations or []) if spec else []:
            folder = Path(location).resolve()
            if not any(folder.is_relative_to(prefix) for prefix in prefixes):
                found.append(str(folder))
    return found


@dataclass(frozen=True)
class SandboxPolicy:
    """The limits of one pupil kernel. Every value is a cap per kernel."""

    user: str = "robocole-sandbox"
    cpu_seconds: int = 20
    memory_bytes: int = 1024 * 1024 * 1024
    max_processes: int = 64
    max_file_bytes: int = 8 * 1024 * 1024
    max_open_files: int = 256
    home_bytes: int = 32 * 1024 * 1024
    tmp_bytes: int = 16 * 1024 * 1024
    shm_bytes: int = 8 * 1024 * 1024
    #: Resident memory of the whole sandbox, all its processes together: the kernel manager
    #: kills the sandbox past it (this machine has no cgroup v2 to ask the kernel for it).
    sandbox_memory_bytes: int = 1536 * 1024 * 1024
    #: Seconds one cell may run before it is interrupted. A child's exercise runs in ≈0.1 s
    #: (the slowest cells of the curriculum, robot challenges in the simulator, take 0.15 s):
    #: 3 s leaves a slow, busy machine 20 times that, and a loop costs 3 s, not 30.
    cell_timeout: int = 3
    #: Seconds a whole notebook may take before the watchdog kills the sandbox (SIGKILL).
    notebook_timeout: int = 60
    #: Workers fork kernels from a warm sandbox (warm.py) instead of starting each afresh.
    warm: bool = True
    #: Paths mounted read-only for the interpreter: the virtual env, its base Python, and the
    #: platform's packages a lesson's world imports (``lesson_package_paths``).
    python_paths: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            dict.fromkeys((sys.prefix, sys.base_prefix, *lesson_package_paths()))
        )
    )
    python: str = sys.executable

    def rlimit_arguments(self) -> list[str]:
        cpu_hard = self.cpu_seconds + 2  # SIGXCPU first, then the kernel's SIGKILL
        return [
            f"--cpu={self.cpu_seconds}:{cpu_hard}",
            f"--as={self.memory_bytes}",
            f"--nproc={self.max_processes}",
            f"--fsize={self.max_file_bytes}",
            f"--nofile={self.max_open_files}",
            "--core=0",
        ]


def sandbox_identity(policy: SandboxPolicy) -> tuple[int, int] | None:
    """The uid and gid to drop to, or None when the grader already runs unprivileged."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(policy.user)
    except KeyError:
        raise SandboxUnavailable(
            _(
                "The sandbox user %(user)s does not exist: create it with "
                "'useradd --system --no-create-home %(user)s'.",
                user=policy.user,
            )
        ) from None
    if entry.pw_uid == 0:
        raise SandboxUnavailable(_("The sandbox user %(user)s must not be root.", user=policy.user))
    return entry.pw_uid, entry.pw_gid


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants, read from /proc (the sandbox's processes on the host)."""
    found: list[int] = []
    pending = [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as handle:
                pending += [int(child) for child in handle.read().split()]
        except (OSError, ValueError):
            continue  # the process ended while we looked
    return found


def pupil_entries(folder: Path) -> list[Path]:
    """The pupil's own files to show in the sandbox: regular files and folders, no links.

    A submitted symbolic link is skipped: bubblewrap would follow it on the host side and
    could expose a file outside the pupil's folder (for example the gradebook).
    """
    if not folder.is_dir():
        return []
    entries = []
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink() or entry.name.startswith(".") or entry.suffix == ".ipynb":
            continue
        if entry.name in NOT_PUPIL_FILES:
            continue
        if entry.is_file() or entry.is_dir():
            entries.append(entry)
    return entries


def _system_mounts() -> list[str]:
    arguments: list[str] = []
    for path in SYSTEM_PATHS:
        if os.path.islink(path):
            arguments += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            arguments += ["--ro-bind", path, path]
    return arguments


class Mounts:
    """Host paths shown in the sandbox, as bubblewrap arguments.

    bubblewrap resolves each host path as the sandbox user, so the interpreter must be
    readable by that user. The pupil's files are first copied by the grader into the
    kernel's own runtime folder: the course folder is never opened by the sandbox user, and a
    submitted symbolic link is never followed on the host.
    """

    def __init__(self) -> None:
        self.arguments: list[str] = []

    def bind(self, host: Path | str, dest: str, *, writable: bool = False) -> None:
        self.arguments += ["--bind" if writable else "--ro-bind", str(host), dest]

    @classmethod
    def for_kernel(
        cls,
        policy: SandboxPolicy,
        *,
        runtime_dir: Path | None = None,
        pupil_files: Sequence[Path] = (),
    ) -> Mounts:
        """The interpreter and the pupil's files read-only, the runtime folder writable.

        ``runtime_dir`` (the kernel's connection file and IPC sockets) is the only host folder
        mounted writable, at the same path so both sides agree on the socket names.
        """
        mounts = cls()
        for path in policy.python_paths:
            mounts.bind(path, path)
        for entry in pupil_files:
            mounts.bind(entry, f"{SANDBOX_HOME}/{entry.name}")
        if runtime_dir is not None:
            mounts.bind(runtime_dir, str(runtime_dir), writable=True)
        return mounts


def stage_pupil_files(pupil_folder: Path, staging: Path) -> list[Path]:
    """Copy the pupil's own files into ``staging`` (made by the grader) and list them."""
    staged = []
    staging.mkdir(parents=True, exist_ok=True)
    for entry in pupil_entries(pupil_folder):
        target = staging / entry.name
        if entry.is_dir():
            shutil.copytree(entry, target, symlinks=True)
        else:
            shutil.copyfile(entry, target)
        staged.append(target)
    return staged


def sandbox_command(
    policy: SandboxPolicy,
    inner: Sequence[str],
    mounts: Mounts,
    *,
    extra_environment: Mapping[str, str] | None = None,
    as_pid_1: bool = False,
) -> list[str]:
    """The full launch command that runs ``inner`` inside the sandbox."""
    bwrap = shutil.which("bwrap")
    prlimit = shutil.which("prlimit")
    if bwrap is None or prlimit is None:
        raise SandboxUnavailable(
            _("Bubblewrap is missing: install it with 'apt-get install bubblewrap'.")
        )
    command: list[str] = []
    identity = sandbox_identity(policy)
    if identity is not None:
        uid, gid = identity
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            raise SandboxUnavailable(_("setpriv is missing: install util-linux."))
        command += [
            setpriv,
            f"--reuid={uid}",
            f"--regid={gid}",
            "--clear-groups",
            "--no-new-privs",
            "--",
        ]
    seccomp = filter_file()
    if seccomp is not None:
        # bubblewrap reads the filter from a file descriptor: the shell opens it (as the
        # grader, before setpriv), then becomes the rest of the command.
        command = ["/bin/sh", "-c", 'exec "$@" 9<"$0"', str(seccomp), *command]
    command += [
        bwrap,
        "--unshare-all",  # user, pid, net, ipc, uts, cgroup: no network at all
        # Pupil code cannot make user namespaces of its own (nor any other: seccomp.py).
        "--unshare-user",
        "--disable-userns",
        *(["--seccomp", "9"] if seccomp is not None else []),
        "--die-with-parent",
        *(["--as-pid-1"] if as_pid_1 else []),  # the warm sandbox's zygote (warm.py)
        "--hostname",
        "robocole",
        "--clearenv",  # never leak the grader's environment (API token) to pupil code
        *_system_mounts(),
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--size",
        str(policy.shm_bytes),
        "--tmpfs",
        "/dev/shm",
        "--remount-ro",  # /dev is a tmpfs too, of no size limit: nothing is written there
        "/dev",
        "--size",
        str(policy.tmp_bytes),
        "--tmpfs",
        "/tmp",
        "--size",
        str(policy.home_bytes),
        "--tmpfs",
        SANDBOX_HOME,
        *mounts.arguments,
        # bubblewrap's root is a tmpfs of no size limit, writable by the sandbox user: once
        # everything is mounted on it, it becomes read-only (the tmpfs above keep their sizes).
        "--remount-ro",
        "/",
    ]
    environment = {
        "HOME": SANDBOX_HOME,
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "IPYTHONDIR": "/tmp/ipython",
        "JUPYTER_RUNTIME_DIR": "/tmp/jupyter",
        "JUPYTER_PLATFORM_DIRS": "1",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "MPLBACKEND": "Agg",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        **(extra_environment or {}),
    }
    for name, value in environment.items():
        command += ["--setenv", name, value]
    command += ["--chdir", SANDBOX_HOME, "--", prlimit, *policy.rlimit_arguments(), "--"]
    return command + list(inner)


# The probe runs inside a real sandbox and tries what pupil code would try: it tests
# properties (can it reach the host, read a file outside, fork or allocate past the limits?),
# not the command line, so a bubblewrap that isolates nothing is found out.
_PROBE_SCRIPT = r"""
import json, os, resource, socket
report = {"uid": os.getuid(), "euid": os.geteuid(), "pid": os.getpid(),
          "hostname": socket.gethostname()}
names = {"cpu": resource.RLIMIT_CPU, "as": resource.RLIMIT_AS, "nproc": resource.RLIMIT_NPROC,
         "fsize": resource.RLIMIT_FSIZE, "nofile": resource.RLIMIT_NOFILE,
         "core": resource.RLIMIT_CORE}
report["rlimits"] = {k: resource.getrlimit(v)[0] for k, v in names.items()}
def reach(kind, address):
    s = socket.socket(socket.AF_INET, kind)
    s.settimeout(1)
    try:
        if kind == socket.SOCK_STREAM:
            s.connect(address)
        else:
            s.sendto(b"x", address)
        return True
    except OSError:
        return False
    finally:
        s.close()
report["tcp"] = reach(socket.SOCK_STREAM, ("192.0.2.1", 80))
report["udp"] = reach(socket.SOCK_DGRAM, ("192.0.2.1", 53))
report["host_loopback"] = reach(socket.SOCK_STREAM, ("127.0.0.1", int(os.environ["PROBE_PORT"])))
report["interfaces"] = sorted(name for _, name in socket.if_nameindex())
hidden = json.loads(os.environ.get("ROBOCOLE_PROBE_PATHS", "[]"))
report["visible"] = {p: os.path.exists(p) for p in hidden}
try:
    with open(os.environ["PROBE_CANARY"]) as canary:
        report["canary"] = canary.read() == os.environ["PROBE_CANARY_TEXT"]
except OSError:
    report["canary"] = False
# Fork past the process cap: children wait on a pipe, then all end together.
cap = report["rlimits"]["nproc"]
read_end, write_end = os.pipe()
children, stopped = [], False
for _ in range(max(cap, 0) + 8):
    try:
        child = os.fork()
    except OSError:
        stopped = True
        break
    if child == 0:
        os.close(write_end)
        os.read(read_end, 1)
        os._exit(0)
    children.append(child)
os.close(write_end)
for child in children:
    os.waitpid(child, 0)
report["forked"], report["fork_stopped"] = len(children), stopped
# System calls the seccomp filter refuses, chosen so that only a filter answers EPERM:
# without one, io_uring_setup(1, NULL) and perf_event_open(NULL) say EFAULT, keyctl finds
# the session keyring and ptrace(PTRACE_PEEKDATA) of itself, untraced, says ESRCH.
import ctypes, errno
libc = ctypes.CDLL(None, use_errno=True)
def refused(number, *args):
    ctypes.set_errno(0)
    answer = libc.syscall(number, *args)
    return answer == -1 and ctypes.get_errno() == errno.EPERM
report["seccomp"] = {"io_uring_setup": refused(425, 1, None),
                     "keyctl": refused(250, 0, -3, 0),
                     "ptrace": refused(101, 2, os.getpid(), 0, 0),
                     "perf_event_open": refused(298, None, 0, -1, -1, 0)}
report["userns"] = libc.unshare(0x10000000) == 0  # CLONE_NEWUSER
def fill(path, size):
    try:
        with open(path, "wb") as handle:
            for _ in range(size // 2**20 + 2):
                handle.write(b"0" * 2**20)
        return True
    except OSError:
        return False
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
sizes = json.loads(os.environ["PROBE_SIZES"])
report["shm_filled"] = fill("/dev/shm/probe", sizes["shm"])
report["tmp_filled"] = fill("/tmp/probe", sizes["tmp"])
report["dev_written"] = fill("/dev/probe", 0)
report["root_written"] = fill("/probe", 0)
# Landlock (kernel_guard.landlock, as every kernel applies it): then a signal to pid 1,
# outside the sandbox's Landlock domain, is refused.
report["landlock_abi"] = landlock(["/tmp", "/dev/shm", os.environ.get("HOME", "/")])
try:
    os.kill(1, 0)
    report["landlock_signal_refused"] = False
except PermissionError:
    report["landlock_signal_refused"] = True
# Allocate past the memory cap.
try:
    block = bytearray(report["rlimits"]["as"] + 64 * 1024 * 1024)
    report["allocated"] = True
    del block
except (MemoryError, OverflowError, ValueError):
    report["allocated"] = False
print(json.dumps(report))
"""


@dataclass(frozen=True)
class ProbeReport:
    """What the probe saw, and the protections it proved."""

    protections: tuple[str, ...]
    details: dict[str, object]
    #: One sentence for each attack that succeeded (then grading is refused).
    failures: tuple[str, ...] = ()

    def missing(self) -> list[str]:
        return [p for p in MINIMUM_PROTECTIONS if p not in self.protections]


def probe(policy: SandboxPolicy, hidden_paths: Sequence[Path] = ()) -> ProbeReport:
    """Run a tiny program in a real sandbox and record which protections it proved.

    ``hidden_paths`` (the course folders, the grader's database) must not be visible.
    """
    return start_probe(policy, hidden_paths).report()


class RunningProbe:
    """A probe started in its sandbox; ``report()`` waits for it and reads what it found.

    It owns what the probe tries to reach: a listener on the host's loopback and a canary
    file outside the sandbox, both removed when the report is read.
    """

    def __init__(
        self,
        policy: SandboxPolicy,
        process: subprocess.Popen[str],
        listener: socket.socket,
        canary_dir: Path,
    ) -> None:
        self.policy = policy
        self.process = process
        self.listener = listener
        self.canary_dir = canary_dir

    def report(self) -> ProbeReport:
        try:
            stdout, stderr = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired as error:
            with contextlib.suppress(OSError):
                os.killpg(self.process.pid, signal.SIGKILL)  # the probe's children too
            self.process.communicate()
            raise SandboxUnavailable(
                _("The sandbox does not start (%(error)s).", error=str(error))
            ) from error
        finally:
            self.listener.close()
            shutil.rmtree(self.canary_dir, ignore_errors=True)
        completed = subprocess.CompletedProcess(
            self.process.args, self.process.returncode, stdout, stderr
        )
        return _read_probe(self.policy, completed)


def start_probe(policy: SandboxPolicy, hidden_paths: Sequence[Path] = ()) -> RunningProbe:
    """Start the probe of ``probe()`` and return at once (it runs while the grader starts)."""
    hidden = [str(Path(p).resolve()) for p in hidden_paths]
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    # World-readable on purpose: only the sandbox stands between it and pupil code.
    canary_dir = Path(tempfile.mkdtemp(prefix="rbp-", dir="/tmp"))
    canary_dir.chmod(0o755)
    canary = canary_dir / "canary"
    text = secrets.token_hex(8)
    canary.write_text(text)
    canary.chmod(0o644)
    environment = {
        "ROBOCOLE_PROBE_PATHS": json.dumps(hidden),
        "PROBE_PORT": str(listener.getsockname()[1]),
        "PROBE_CANARY": str(canary),
        "PROBE_CANARY_TEXT": text,
        "PROBE_SIZES": json.dumps({"shm": policy.shm_bytes, "tmp": policy.tmp_bytes}),
    }
    try:
        command = sandbox_command(
            policy,
            [policy.python, "-c", launcher_source() + _PROBE_SCRIPT],
            Mounts.for_kernel(policy),
            extra_environment=environment,
        )
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
    except OSError as error:
        listener.close()
        shutil.rmtree(canary_dir, ignore_errors=True)
        raise SandboxUnavailable(
            _("The sandbox does not start (%(error)s).", error=str(error))
        ) from error
    except BaseException:
        listener.close()
        shutil.rmtree(canary_dir, ignore_errors=True)
        raise
    return RunningProbe(policy, process, listener, canary_dir)


def _read_probe(policy: SandboxPolicy, completed: subprocess.CompletedProcess[str]) -> ProbeReport:
    if completed.returncode != 0:
        message = (completed.stderr.strip().splitlines()[-1:] or ["?"])[0]
        unreadable = _UNREADABLE.search(message)
        if unreadable:
            raise SandboxUnavailable(
                _(
                    "The sandbox user %(user)s cannot read %(path)s: make its folders readable "
                    "(chmod o+rx) or install Python where every user can read it.",
                    user=policy.user,
                    path=unreadable.group(1),
                )
            )
        raise SandboxUnavailable(_("The sandbox does not start (%(error)s).", error=message))
    try:
        details: dict[str, object] = json.loads(completed.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise SandboxUnavailable(
            _("The sandbox does not start (%(error)s).", error="probe")
        ) from None
    protections = ["timeout", "watchdog"]  # enforced by the kernel manager, host side
    failures: list[str] = []
    uid = details.get("uid")
    # Inside the user namespace the uid is the outer one (bwrap maps it as is).
    if isinstance(uid, int) and uid != 0 and details.get("euid") != 0:
        protections.append("non-root")
    else:
        failures.append(_("Pupil code ran as root."))
    rlimits = details.get("rlimits")
    forked = details.get("forked")
    fork_held = (
        details.get("fork_stopped") is True
        and isinstance(forked, int)
        and forked <= policy.max_processes
    )
    if not fork_held:
        failures.append(_("Pupil code could start more programs than the limit."))
    if details.get("allocated") is not False:
        failures.append(_("Pupil code could use more memory than the limit."))
    if rlimits == _expected_rlimits(policy) and fork_held and details.get("allocated") is False:
        protections.append("rlimits")
    visible = details.get("visible")
    hidden = isinstance(visible, dict) and not any(visible.values())
    if details.get("canary") is not False or not hidden:
        failures.append(_("Pupil code could read a file outside its sandbox."))
    else:
        protections.append("filesystem-isolation")
    offline = (
        details.get("tcp") is False
        and details.get("udp") is False
        and details.get("host_loopback") is False
        and details.get("interfaces") in ([], ["lo"])
    )
    if offline:
        protections.append("no-network")
    else:
        failures.append(_("Pupil code could reach the network (the server's own included)."))
    seccomp = details.get("seccomp")
    if isinstance(seccomp, dict) and seccomp and all(v is True for v in seccomp.values()):
        protections.append("seccomp")
    if details.get("userns") is False:
        protections.append("no-user-namespaces")
    else:
        failures.append(_("Pupil code could make a user namespace of its own."))
    filled = (details.get(k) for k in ("shm_filled", "tmp_filled", "dev_written", "root_written"))
    if all(value is False for value in filled):
        protections.append("tmpfs-limits")
    if policy.sandbox_memory_bytes > 0:
        protections.append("memory-budget")  # enforced by the kernel manager, host side
    abi = details.get("landlock_abi")
    if isinstance(abi, int) and abi >= 1 and (abi < 6 or details.get("landlock_signal_refused")):
        protections.append("landlock")
    # bubblewrap's namespaces, seen from inside: its own pids, its own host name, and no
    # host file (the canary above).
    pid = details.get("pid")
    if (
        isinstance(pid, int)
        and pid <= 3
        and details.get("hostname") == "robocole"
        and "filesystem-isolation" in protections
    ):
        protections.append("bubblewrap")
    return ProbeReport(tuple(protections), details, tuple(failures))


def _expected_rlimits(policy: SandboxPolicy) -> dict[str, int]:
    return {
        "cpu": policy.cpu_seconds,
        "as": policy.memory_bytes,
        "nproc": policy.max_processes,
        "fsize": policy.max_file_bytes,
        "nofile": policy.max_open_files,
        "core": 0,
    }


def require_minimum(report: ProbeReport) -> None:
    """Refuse to grade when an attack of the probe succeeded or a minimum layer is missing."""
    missing = report.missing()
    if missing or report.failures:
        sentence = _(
            "Grading refused: these protections do not work here: %(missing)s.",
            missing=", ".join(missing) or "-",
        )
        raise SandboxUnavailable(" ".join([*report.failures, sentence]))
