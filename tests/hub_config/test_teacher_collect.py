"""The grader waits until nbgrader's submit has finished writing a submission.

nbgrader's real ``ExchangeSubmit`` runs; the test looks at the exchange the way the watch
service does at the two moments that matter: after the files are copied (timestamp and secret
not written yet) and after the last file is written.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from nbgrader.exchange.default import ExchangeSubmit

from grader.course import Course
from grader.inbound import ABANDONED_AFTER, being_written, ready_entries, submission_complete
from grader.watch import inbound_submissions
from tests.grader.helpers import CORRECT, answered, make_course, pupil_submit, release

# nbgrader 0.9.6's gradebook makes SQLAlchemy 2 warn on every new submission: third-party noise.
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


@pytest.fixture
def course(tmp_path: Path) -> Course:
    from grader.startup import prepare_environment

    prepare_environment()  # nbgrader runs alembic by name
    course = make_course(tmp_path / "courses", "K7MPQA", exchange=tmp_path / "exchange")
    release(course)
    return course


def test_a_submission_is_seen_only_once_nbgrader_finished_writing_it(
    course: Course, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exchange = tmp_path / "exchange"
    home = tmp_path / "pupils"
    pupil_submit(course, "k7mpqa-01", answered(course, CORRECT), home)  # a first, whole one
    assert [s.student for s in inbound_submissions(exchange)] == ["k7mpqa-01"]

    seen: dict[str, list[str]] = {}
    copy, set_perms = ExchangeSubmit.do_copy, ExchangeSubmit.set_perms

    def copying(self: Any, src: str, dest: str, log: Any = None) -> None:
        copy(self, src, dest, log)
        if "/inbound/" in dest:  # the notebook is there, nbgrader's last files are not
            seen.setdefault("copied", [s.name for s in inbound_submissions(exchange)])

    def finishing(self: Any, *args: Any, **kwargs: Any) -> None:
        seen.setdefault("written", [s.name for s in inbound_submissions(exchange)])
        set_perms(self, *args, **kwargs)

    monkeypatch.setattr(ExchangeSubmit, "do_copy", copying)
    monkeypatch.setattr(ExchangeSubmit, "set_perms", finishing)
    time.sleep(0.01)  # a distinct nbgrader timestamp
    pupil_submit(course, "k7mpqa-01", answered(course, CORRECT), home)

    # While the second one is written, neither is collected: nbgrader's collect would take
    # the newest, half-written one.
    assert seen["copied"] == []
    assert len(seen["written"]) == 2  # the secret, nbgrader's last file, is whole
    assert len(inbound_submissions(exchange)) == 2


def test_an_abandoned_submission_does_not_hold_the_lesson_back(tmp_path: Path) -> None:
    inbound = tmp_path / "inbound"
    crashed = inbound / "k7mpqa-02+robot-1+2026-11-22 10:00:00.000000 UTC+abc"
    crashed.mkdir(parents=True)
    (crashed / "robot-1.ipynb").write_text("{}")
    other = inbound / "k7mpqa-03+robot-1+2026-11-22 10:00:01.000000 UTC+def"
    other.mkdir()
    (other / "timestamp.txt").write_text("2026-11-22 10:00:01.000000 UTC")
    (other / "submission_secret.txt").write_text("f" * 128)

    assert submission_complete(other) and not submission_complete(crashed)
    assert being_written(crashed)
    assert ready_entries(inbound) == [other]  # another pupil is not held back
    old = time.time() - ABANDONED_AFTER - 1
    os.utime(crashed, (old, old))
    assert ready_entries(inbound) == [crashed, other]
