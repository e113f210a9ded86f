"""The sandbox: each layer is probed for real, and grading is refused without the minimum."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from grader.errors import SandboxUnavailable
from grader.sandbox import (
    MINIMUM_PROTECTIONS,
    Mounts,
    ProbeReport,
    SandboxPolicy,
    probe,
    pupil_entries,
    require_minimum,
    sandbox_command,
)


def test_the_probe_proves_every_layer_on_this_machine(tmp_path: Path) -> None:
    secret = tmp_path / "gradebook.db"
    secret.write_text("answers")
    report = probe(SandboxPolicy(), [tmp_path, secret])
    layers = ("bubblewrap", "watchdog", "seccomp", "no-user-namespaces", "tmpfs-limits")
    if report.details["landlock_abi"]:  # where the kernel has Landlock (this machine: ABI 7)
        layers += ("landlock",)
        assert report.details["landlock_signal_refused"] is True
    for layer in (*MINIMUM_PROTECTIONS, *layers):
        assert layer in report.protections
    assert report.details["uid"] != 0
    assert report.details["tcp"] is False and report.details["udp"] is False
    assert report.details["visible"] == {str(tmp_path): False, str(secret): False}
    assert report.details["rlimits"] == {
        "cpu": 20,
        "as": 1024**3,
        "nproc": 64,
        "fsize": 8 * 1024**2,
        "nofile": 256,
        "core": 0,
    }
    require_minimum(report)


def test_grading_is_refused_when_a_minimum_layer_is_missing() -> None:
    report = ProbeReport(("timeout", "rlimits", "filesystem-isolation"), {})
    with pytest.raises(SandboxUnavailable, match="non-root"):
        require_minimum(report)


@pytest.mark.skipif(os.geteuid() != 0, reason="the grader drops privileges only as root")
def test_a_missing_sandbox_user_is_a_sentence_to_act_on() -> None:
    with pytest.raises(SandboxUnavailable, match="useradd"):
        probe(SandboxPolicy(user="robocole-no-such-user"))


@pytest.mark.skipif(os.geteuid() != 0, reason="the grader drops privileges only as root")
def test_root_is_never_the_sandbox_user() -> None:
    with pytest.raises(SandboxUnavailable, match="root"):
        probe(SandboxPolicy(user="root"))


def test_only_the_pupils_plain_files_are_shown(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("1,2")
    (tmp_path / "pictures").mkdir()
    (tmp_path / "lesson.ipynb").write_text("{}")
    (tmp_path / "timestamp.txt").write_text("now")
    (tmp_path / ".hidden").write_text("x")
    (tmp_path / "key").symlink_to("/etc/shadow")
    assert [p.name for p in pupil_entries(tmp_path)] == ["data.csv", "pictures"]


def test_the_launch_command_clears_the_environment_and_mounts_no_course(tmp_path: Path) -> None:
    command = sandbox_command(SandboxPolicy(), ["python"], Mounts.for_kernel(SandboxPolicy()))
    assert "--clearenv" in command and "--unshare-all" in command
    assert "--die-with-parent" in command
    joined = " ".join(command)
    assert "courses" not in joined and "gradebook" not in joined
    # The limits are applied inside the sandbox, just before the interpreter.
    prlimit = next(i for i, part in enumerate(command) if part.endswith("prlimit"))
    assert command.index("--unshare-all") < prlimit < command.index("python")


@pytest.mark.skipif(os.geteuid() != 0, reason="the grader drops privileges only as root")
def test_an_interpreter_the_sandbox_user_cannot_read_is_named(tmp_path: Path) -> None:
    hidden = tmp_path / "private"
    hidden.mkdir(mode=0o700)
    policy = SandboxPolicy(python_paths=(str(hidden),))
    with pytest.raises(SandboxUnavailable, match="chmod o\\+rx"):
        probe(policy)


def _fake_bwrap(folder: Path, script: str) -> Path:
    """A ``bwrap`` first on PATH, readable by the sandbox user (setpriv runs it as them)."""
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    fake = folder / "bwrap"
    fake.write_text("#!/bin/bash\n" + script)
    fake.chmod(0o755)
    return folder


#: bubblewrap as installed, with the host's network given back (issue 17).
SHARES_THE_NETWORK = """
args=()
for a in "$@"; do args+=("$a"); [ "$a" = "--unshare-all" ] && args+=("--share-net"); done
exec /usr/bin/bwrap "${args[@]}"
"""
#: A "bwrap" that keeps the environment it is given and isolates nothing.
ISOLATES_NOTHING = """
while [ $# -gt 0 ]; do
  case "$1" in --) shift; break;; --setenv) export "$2=$3"; shift 3;; *) shift;; esac
done
cd /
exec "$@"
"""


@pytest.fixture
def public_tmp() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="rbt-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_bwrap_that_shares_the_network_is_refused(
    public_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "PATH", f"{_fake_bwrap(public_tmp / 'bin', SHARES_THE_NETWORK)}:/usr/bin:/bin"
    )
    report = probe(SandboxPolicy())
    assert report.details["host_loopback"] is True  # it really reached the host's listener
    assert "no-network" not in report.protections
    with pytest.raises(SandboxUnavailable, match="réseau"):
        require_minimum(report)


def test_a_bwrap_that_isolates_nothing_is_refused(
    public_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", f"{_fake_bwrap(public_tmp / 'bin', ISOLATES_NOTHING)}:/usr/bin:/bin")
    report = probe(SandboxPolicy())
    assert report.details["canary"] is True
    for layer in ("filesystem-isolation", "no-network", "bubblewrap"):
        assert layer not in report.protections
    with pytest.raises(SandboxUnavailable, match="un fichier hors"):
        require_minimum(report)


def test_the_probe_forks_and_allocates_past_the_limits_and_is_stopped() -> None:
    report = probe(SandboxPolicy(max_processes=16))
    assert report.details["fork_stopped"] is True
    assert isinstance(report.details["forked"], int) and report.details["forked"] <= 16
    assert report.details["allocated"] is False
    assert report.failures == ()


def test_without_the_seccomp_filter_the_probe_does_not_record_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("grader.sandbox.filter_file", lambda: None)
    report = probe(SandboxPolicy())
    assert "seccomp" not in report.protections
    assert report.details["seccomp"] == {
        "io_uring_setup": False,
        "keyctl": False,
        "ptrace": False,
        "perf_event_open": False,
    }
    # bubblewrap's --disable-userns still holds without the filter.
    assert "no-user-namespaces" in report.protections


def test_shared_memory_and_dev_are_bounded_in_the_sandbox() -> None:
    report = probe(SandboxPolicy(shm_bytes=2 * 1024 * 1024, tmp_bytes=4 * 1024 * 1024))
    assert report.details["shm_filled"] is False
    assert report.details["tmp_filled"] is False
    assert report.details["dev_written"] is False
    assert report.details["root_written"] is False  # bubblewrap's root tmpfs is read-only
    assert "tmpfs-limits" in report.protections
