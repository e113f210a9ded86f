"""The sandbox: each layer is probed for real, and grading is refused without the minimum."""

from __future__ import annotations

import os
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
    for layer in (*MINIMUM_PROTECTIONS, "no-network", "bubblewrap", "watchdog"):
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
