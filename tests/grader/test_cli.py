"""``robocole grade``: a whole class from the command line, with results sent to the app."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from grader.outbox import Outbox
from tests.grader.helpers import CORRECT, answered, make_course, submit_collected
from tests.grader.standin import TOKEN, LiveApp, create_standin


def robocole(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "robocole", "grade", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ROBOCOLE_LANG": "fr", **(env or {})},
    )


@pytest.fixture
def app() -> Any:
    return create_standin()


@pytest.fixture
def server(app: Any) -> Iterator[LiveApp]:
    with LiveApp(app) as live:
        yield live


def test_grade_class_grades_everyone_and_sends_the_results(
    tmp_path: Path, app: Any, server: LiveApp
) -> None:
    course = make_course(tmp_path / "courses", "CL4SSE")
    submit_collected(course, "cl4sse-01", answered(course, CORRECT))
    submit_collected(course, "cl4sse-02", answered(course, {}))
    outbox = tmp_path / "outbox.db"
    result = robocole(
        "class", "CL4SSE", "robot-1",
        "--courses-root", str(tmp_path / "courses"),
        "--exchange", str(tmp_path / "no-exchange"),
        "--outbox", str(outbox),
        "--api-url", server.url,
        "--cell-timeout", "3",
        env={"ROBOCOLE_GRADER_TOKEN": TOKEN},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2/2" in result.stderr  # the progress bar
    assert "3 exercices réussis sur 6" in result.stdout
    assert "2 résultats envoyés" in result.stdout
    assert "bubblewrap" in result.stdout
    assert sorted(body["username"] for body in app.config["recorded"].values()) == [
        "cl4sse-01",
        "cl4sse-02",
    ]
    assert Outbox(outbox).counts() == {"pending": 0, "delivered": 2, "rejected": 0}


def test_an_unknown_class_is_one_french_sentence(tmp_path: Path) -> None:
    result = robocole("class", "NOPE42", "robot-1", "--courses-root", str(tmp_path))
    assert result.returncode == 2
    assert "robocole-nope42" in result.stderr and "Traceback" not in result.stderr


def test_grading_is_refused_without_the_sandbox_user(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("the grader drops privileges only as root")
    (tmp_path / "courses" / "robocole-cl4sse" / "source").mkdir(parents=True)
    result = robocole(
        "class", "CL4SSE", "robot-1", "--courses-root", str(tmp_path / "courses"),
        "--outbox", str(tmp_path / "outbox.db"), "--sandbox-user", "robocole-no-such-user",
    )  # fmt: skip
    assert result.returncode == 2
    assert "useradd" in result.stderr and "Traceback" not in result.stderr


def test_probe_lists_the_active_protections() -> None:
    result = robocole("probe")
    assert result.returncode == 0, result.stderr
    assert "Protections actives" in result.stdout and "bubblewrap" in result.stdout
