"""The watch service: grade each submission seconds after a pupil hands it in.

It looks at nbgrader's exchange (each class's ``inbound/`` folder) a few times a second. A new
submission is collected with nbgrader's own collect, graded by the worker pool (one pupil's
lesson is never graded twice at once) and its result put in the outbox; then a pool job
writes its feedback and releases it for the pupil to fetch, while a delivery loop sends the
outbox to the classroom app (the XP does not wait for the feedback page). Everything
it has handled is remembered in the outbox database, so a restart does not grade again.

It runs as a JupyterHub service (``robocole grade watch``) or as any long-lived process.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from grader.course import Course
from grader.gradebook import use_wal
from grader.inbound import ready_entries
from grader.outbox import Outbox, ResultPoster, deliver_due
from grader.pipeline import GradeResult, GradingOptions, WorkerPool, collect

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submission:
    """One folder in a course's ``inbound/``: ``<pupil>+<lesson>+<timestamp>+<random>``."""

    course_id: str
    student: str
    lesson: str
    name: str

    @property
    def seen_key(self) -> str:
        return f"{self.course_id}/{self.name}"

    @property
    def job(self) -> tuple[str, str, str]:
        return (self.course_id, self.student, self.lesson)


def inbound_submissions(exchange: Path) -> list[Submission]:
    found = []
    for inbound in sorted(exchange.glob("robocole-*/inbound")):
        for entry in ready_entries(inbound):  # not while nbgrader is still writing
            parts = entry.name.split("+")
            if len(parts) >= 3 and entry.is_dir():
                found.append(Submission(inbound.parent.name, parts[0], parts[1], entry.name))
    return found


class WatchService:
    """Notices, collects, grades, releases feedback and queues results for delivery."""

    def __init__(
        self,
        courses_root: Path,
        exchange: Path,
        outbox: Outbox,
        options: GradingOptions,
        *,
        poster: ResultPoster | None = None,
        workers: int | None = None,
        poll_interval: float = 0.2,
    ) -> None:
        self.courses_root = Path(courses_root)
        self.exchange = Path(exchange)
        self.outbox = outbox
        self.options = options
        self.poster = poster
        self.poll_interval = poll_interval
        self.pool = WorkerPool(options, workers)
        self._running: dict[tuple[str, str, str], tuple[Future[GradeResult], list[str]]] = {}
        # Feedback pages being written after their grade was queued for the classroom app:
        # the same pupil's lesson is not graded again until its page is written.
        self._feedback: dict[tuple[str, str, str], Future[None]] = {}
        # A submission that could not be collected (no course yet…) is tried again later,
        # not on every pass.
        self._retry_at: dict[tuple[str, str, str], float] = {}
        self.retry_delay = 30.0
        self._stop = threading.Event()

    def course(self, course_id: str) -> Course:
        return Course(course_id, self.courses_root / course_id, self.exchange)

    def dispatch(self) -> int:
        """Collect and start grading new submissions; returns how many were started."""
        waiting: dict[tuple[str, str, str], list[Submission]] = {}
        for submission in inbound_submissions(self.exchange):
            if not self.outbox.seen(submission.seen_key):
                waiting.setdefault(submission.job, []).append(submission)
        started = 0
        for job, submissions in waiting.items():
            if job in self._running or job in self._feedback:
                continue  # graded again when the current grading of this lesson ends
            if self._retry_at.get(job, 0.0) > time.monotonic():
                continue
            course_id, student, lesson = job
            course = self.course(course_id)
            use_wal(course.root / "gradebook.db")
            try:
                collect(course, lesson, student)  # nbgrader keeps the latest submission
            except Exception:
                log.exception("collecting %s", submissions[-1].seen_key)
                self._retry_at[job] = time.monotonic() + self.retry_delay
                continue
            self._retry_at.pop(job, None)
            future = self.pool.submit(course, student, lesson)
            self._running[job] = (future, [s.seen_key for s in submissions])
            started += 1
        return started

    def harvest(self) -> list[GradeResult]:
        """Queue the results of finished gradings in the outbox."""
        finished = []
        for job, written in list(self._feedback.items()):
            if written.done():
                del self._feedback[job]
                if written.cancelled() or written.exception() is not None:
                    # A worker died: the grade was posted, the page is missing.
                    log.error("no feedback page for %s (a grading worker died)", "/".join(job))
        for job, (future, keys) in list(self._running.items()):
            if not future.done():
                continue
            del self._running[job]
            try:
                result = future.result()
            except Exception:
                log.exception("grading %s", "/".join(job))
                continue  # not marked seen: tried again on the next pass
            self.outbox.put(result.payload())
            for key in keys:
                self.outbox.mark_seen(key)
            queued = self.pool.submit_feedback(self.course(job[0]), result)
            if queued is not None:
                self._feedback[job] = queued
            finished.append(result)
        return finished

    def deliver(self) -> int:
        return deliver_due(self.outbox, self.poster) if self.poster is not None else 0

    def run_once(self) -> None:
        self.harvest()
        self.dispatch()
        self.deliver()

    def run(self) -> None:
        """Run until ``stop()`` (or Ctrl-C); one bad pass is logged and the next goes on."""
        log.info("watching %s", self.exchange)
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:
                log.exception("watch pass failed")
            self._stop.wait(self.poll_interval)

    def idle(self) -> bool:
        return not self._running and not self._feedback

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        self.stop()
        # A graded submission is already marked as handled: its feedback page is written
        # before the workers stop, or it would never be.
        for job, written in self._feedback.items():
            try:
                written.result(timeout=120)
            except Exception:
                log.exception("feedback of %s", "/".join(job))
        self._feedback.clear()
        self.pool.close()
        if self.poster is not None:
            self.poster.close()

    def __enter__(self) -> WatchService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
