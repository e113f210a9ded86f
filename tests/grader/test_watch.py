"""The watch service, end to end with nbgrader's real exchange and a live classroom stand-in."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from grader.course import Course
from grader.outbox import Outbox, ResultPoster
from grader.pipeline import GradingOptions
from grader.sandbox import SandboxPolicy
from grader.watch import WatchService, inbound_submissions
from tests.grader.helpers import (
    CORRECT,
    answered,
    make_course,
    pupil_fetch_feedback,
    pupil_submit,
    release,
    wait_until,
)
from tests.grader.standin import TOKEN, LiveApp, create_standin

OPTIONS = GradingOptions(
    policy=SandboxPolicy(cell_timeout=2, notebook_timeout=30), protections=("bubblewrap",)
)


@pytest.fixture
def course(tmp_path: Path) -> Course:
    course = make_course(tmp_path / "courses", "K7MPQA", exchange=tmp_path / "exchange")
    release(course)
    return course


@pytest.fixture
def app() -> Any:
    return create_standin()


@pytest.fixture
def server(app: Any) -> Iterator[LiveApp]:
    with LiveApp(app) as live:
        yield live


def running(service: WatchService) -> threading.Thread:
    thread = threading.Thread(target=service.run, daemon=True)
    thread.start()
    return thread


def test_a_submission_is_graded_released_and_posted_once(
    course: Course, app: Any, server: LiveApp, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "grader" / "outbox.db")
    home = tmp_path / "pupils"
    service = WatchService(
        course.root.parent,
        tmp_path / "exchange",
        outbox,
        OPTIONS,
        poster=ResultPoster(server.url, TOKEN),
        workers=2,
        poll_interval=0.05,
    )
    with service:
        thread = running(service)
        pupil_submit(course, "k7mpqa-03", answered(course, CORRECT), home)
        wrong = {**CORRECT, "robot-1-c-reponse": "def somme(pas):\n    return 0"}
        pupil_submit(course, "k7mpqa-04", answered(course, wrong), home)
        assert wait_until(lambda: len(app.config["recorded"]) == 2, timeout=60)
        service.stop()
        thread.join(timeout=10)

    posted = {body["username"]: body for body in app.config["recorded"].values()}
    assert posted["k7mpqa-03"]["lesson_id"] == "robot-1"
    assert posted["k7mpqa-03"]["protections"] == ["bubblewrap"]
    assert [e["passed"] for e in posted["k7mpqa-03"]["exercises"]] == [True, True, True]
    assert [e["passed"] for e in posted["k7mpqa-04"]["exercises"]] == [True, True, False]
    assert posted["k7mpqa-04"]["idempotency_key"].startswith("robocole-k7mpqa/k7mpqa-04/robot-1/")
    # The pupil fetches French feedback with nbgrader's own fetch_feedback.
    fetched = pupil_fetch_feedback(course, "k7mpqa-04", home)
    page = fetched[0].read_text() if fetched else ""
    assert "Tes résultats" in page
    # Nothing fetched from another site (nbgrader's template loads MathJax from a CDN).
    assert "<script src" not in page and "cdnjs" not in page
    assert '<html lang="fr">' in page

    # A restarted service remembers what it handled: nothing is graded or posted again.
    posts = app.config["posts"]
    again = WatchService(course.root.parent, tmp_path / "exchange", outbox, OPTIONS, workers=1)
    with again:
        assert again.dispatch() == 0
    assert app.config["posts"] == posts
    assert len(inbound_submissions(tmp_path / "exchange")) == 2


def test_results_wait_in_the_outbox_while_the_app_is_down(
    course: Course, app: Any, server: LiveApp, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    app.config["down"] = True
    service = WatchService(
        course.root.parent,
        tmp_path / "exchange",
        outbox,
        OPTIONS,
        poster=ResultPoster(server.url, TOKEN),
        workers=1,
        poll_interval=0.05,
    )
    with service:
        pupil_submit(course, "k7mpqa-05", answered(course, CORRECT), tmp_path / "pupils")
        assert wait_until(lambda: (service.run_once(), outbox.counts()["pending"] == 1)[1], 60)
        assert app.config["recorded"] == {}
        app.config["down"] = False
        # The backoff after the failure is one second.
        assert wait_until(lambda: (service.run_once(), len(app.config["recorded"]) == 1)[1], 10)
    assert outbox.counts() == {"pending": 0, "delivered": 1, "rejected": 0}


def test_the_service_survives_a_dead_worker(course: Course, tmp_path: Path) -> None:
    import os
    import signal

    from grader.pipeline import WorkerPool
    from tests.grader.helpers import submit_collected

    submit_collected(course, "k7mpqa-06", answered(course, CORRECT))
    with WorkerPool(OPTIONS, workers=1) as pool:
        assert pool.submit(course, "k7mpqa-06", "robot-1").result(timeout=60).status == "graded"
        for pid in list(pool._executor._processes):  # the OOM killer, say
            os.kill(pid, signal.SIGKILL)
        assert wait_until(lambda: pool._executor._broken, timeout=10)
        result = pool.submit(course, "k7mpqa-06", "robot-1").result(timeout=60)
    assert [e.passed for e in result.exercises] == [True, True, True]


def test_a_submission_for_a_course_not_set_up_waits_quietly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inbound = tmp_path / "exchange" / "robocole-zz9" / "inbound"
    submission = inbound / "zz9-01+robot-1+2026-11-22 10:00:00.000000 UTC+abc"
    submission.mkdir(parents=True)
    (submission / "timestamp.txt").write_text("2026-11-22 10:00:00.000000 UTC")
    (submission / "submission_secret.txt").write_text("0" * 128)  # nbgrader's last file
    service = WatchService(
        tmp_path / "courses", tmp_path / "exchange", Outbox(tmp_path / "o.db"), OPTIONS, workers=1
    )
    with service:
        assert service.dispatch() == 0
        assert service.dispatch() == 0  # not tried again at once
    assert len([r for r in caplog.records if r.levelname == "ERROR"]) == 1
    assert service.idle()
