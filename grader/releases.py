"""What a teacher's "assign" does to a class's nbgrader course: release, take back, due date.

The operations the grader service answers over HTTP (``grader/release_api.py``), on the
machine (or pod) that holds the course folders and the exchange:

- ``release``: the lesson's pupil version is generated from the built curriculum (nbgrader's
  ``generate_assignment``) and put in the exchange (``release_assignment``). Releasing a
  lesson that is already in the exchange, unchanged, does nothing: assigning twice, or again
  after taking it back, never makes a second release nor touches pupils' submissions.
- ``unrelease``: nbgrader's own ``list --remove`` (pupils who fetched it keep their copy,
  submissions and grades stay).
- ``set_due``: the assignment's ``duedate`` in the class's gradebook, which nbgrader's
  collect and the formgrader use to tell late submissions.
- ``submissions``: who handed the lesson in, when, and how late (nbgrader's own numbers).
"""

from __future__ import annotations

import filecmp
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from grader.course import Course
from grader.errors import GraderError
from robocole.i18n import gettext as _


@dataclass(frozen=True)
class Submission:
    username: str
    submitted_at: str  # ISO 8601, UTC
    seconds_late: float


def _utc_naive(moment: datetime | None) -> datetime | None:
    # nbgrader stores naive UTC datetimes.
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _iso(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class CourseReleases:
    """The release operations on every class's course under ``courses_root``."""

    courses_root: Path
    exchange: Path
    curriculum: Path  # a built curriculum: <curriculum>/<language>/source/<lesson>/

    def course(self, class_code: str) -> Course:
        return Course.for_class(self.courses_root, class_code, self.exchange)

    def _generated_unchanged(self, course: Course, built: Path, lesson: str) -> bool:
        """The class's pupil version of ``lesson`` is generated from today's built sources."""
        source, ours = built / "source" / lesson, course.root / "source" / lesson
        if not ((course.root / "release" / lesson).is_dir() and ours.is_dir() and source.is_dir()):
            return False
        compared = filecmp.dircmp(source, ours)
        return not (compared.left_only or compared.right_only or compared.diff_files)

    def _outbound(self, course: Course, lesson: str) -> Path:
        return self.exchange / course.id / "outbound" / lesson

    def release(
        self, class_code: str, lessons: list[str], language: str = "fr", due: datetime | None = None
    ) -> list[str]:
        """Generate and release ``lessons`` due at ``due``; returns the ones released just now.

        A lesson in the exchange and generated from the same sources is left as it is; one
        taken back (re-opening) is only put back in the exchange: nbgrader's gradebook, with
        its pupils' submissions, is not touched. Only new or changed lessons are generated.
        """
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.exchange.default import ExchangeReleaseAssignment

        from grader.setup import setup_class_course
        from grader.startup import prepare_environment
        from hub_config.exchange import claim_course, harden_course, prepare_root

        prepare_environment()
        prepare_root(self.exchange)
        course = self.course(class_code)
        claim_course(self.exchange, course.id)
        built = self.curriculum / language
        generated = [x for x in lessons if self._generated_unchanged(course, built, x)]
        fresh = [x for x in lessons if x not in generated]
        back = [x for x in generated if not self._outbound(course, x).is_dir()]
        if fresh:
            setup_class_course(course, built, fresh)
        for lesson in back:
            config = course.config(lesson)
            ExchangeReleaseAssignment(
                coursedir=CourseDirectory(config=config),
                authenticator=Authenticator(config=config),
                config=config,
            ).start()
        if fresh or back:
            harden_course(self.exchange, course.id)
        for lesson in lessons:  # the due date sent with the release is the lesson's, or none
            self.set_due(class_code, lesson, due)
        return fresh + back

    def unrelease(self, class_code: str, lesson: str) -> None:
        from nbgrader.apps.api import NbGraderAPI
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory

        course = self.course(class_code)
        if not (self.exchange / course.id / "outbound" / lesson).is_dir():
            return  # already taken back
        config = course.config(lesson)
        api = NbGraderAPI(
            coursedir=CourseDirectory(config=config),
            authenticator=Authenticator(config=config),
            config=config,
        )
        answer = api.unrelease(lesson)
        if not answer.get("success"):
            raise GraderError(
                _("The lesson could not be taken back: %(why)s", why=answer.get("error", "?"))
            )

    def set_due(self, class_code: str, lesson: str, due: datetime | None) -> None:
        """Record (or clear, with None) the lesson's due date in the class's gradebook."""
        from nbgrader.api import Gradebook

        course = self.course(class_code)
        if not (course.root / "gradebook.db").exists():
            raise GraderError(
                _("The lesson %(lesson)s is not released in this class yet.", lesson=lesson)
            )
        with Gradebook(course.gradebook_url) as gradebook:
            gradebook.update_or_create_assignment(lesson, duedate=_utc_naive(due))

    def due(self, class_code: str, lesson: str) -> datetime | None:
        from nbgrader.api import Gradebook, MissingEntry

        course = self.course(class_code)
        if not (course.root / "gradebook.db").exists():
            return None
        with Gradebook(course.gradebook_url) as gradebook:
            try:
                duedate = gradebook.find_assignment(lesson).duedate
            except MissingEntry:
                return None
        return None if duedate is None else duedate.replace(tzinfo=UTC)

    def submissions(self, class_code: str, lesson: str) -> list[Submission]:
        """The graded submissions of ``lesson``: who, when, how many seconds after the due date."""
        from nbgrader.api import Gradebook, MissingEntry

        course = self.course(class_code)
        if not (course.root / "gradebook.db").exists():
            return []
        with Gradebook(course.gradebook_url) as gradebook:
            try:
                assignment = gradebook.find_assignment(lesson)
            except MissingEntry:
                return []
            found: list[Any] = list(assignment.submissions)
            return sorted(
                (
                    Submission(
                        str(s.student.id),
                        _iso(s.timestamp) if s.timestamp else "",
                        float(s.total_seconds_late or 0.0),
                    )
                    for s in found
                ),
                key=lambda s: s.username,
            )
