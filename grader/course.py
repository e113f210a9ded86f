"""One nbgrader course per class: names, folders and the nbgrader configuration.

A class ``K7MPQA`` has the course ``robocole-k7mpqa`` in ``<courses root>/robocole-k7mpqa``
with nbgrader's standard layout (``source/``, ``release/``, ``submitted/``, ``autograded/``,
``feedback/`` and ``gradebook.db``), and its own folder in nbgrader's exchange.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from traitlets.config import Config

from grader.errors import CourseNotFound, GraderError
from robocole.i18n import gettext as _

_CLASS_CODE = re.compile(r"^[A-Za-z0-9]{2,32}$")


def course_id(class_code: str) -> str:
    """The nbgrader course of a class: ``robocole-<class code in lower case>``."""
    if not _CLASS_CODE.match(class_code):
        raise GraderError(
            _("The class code %(code)s is not valid: use letters and digits.", code=class_code)
        )
    return f"robocole-{class_code.lower()}"


@dataclass(frozen=True)
class Course:
    """An nbgrader course folder and, optionally, the exchange it shares with pupils."""

    id: str
    root: Path
    exchange: Path | None = None

    @classmethod
    def for_class(cls, courses_root: Path, class_code: str, exchange: Path | None = None) -> Course:
        identifier = course_id(class_code)
        return cls(identifier, Path(courses_root) / identifier, exchange)

    def require(self) -> Course:
        if not (self.root / "source").is_dir():
            raise CourseNotFound(
                _(
                    "The course %(course)s has no lessons yet: build them with "
                    "'robocole curriculum build'.",
                    course=self.id,
                )
            )
        return self

    @property
    def gradebook_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"

    def submitted(self, student: str, lesson: str) -> Path:
        return self.root / "submitted" / student / lesson

    def autograded(self, student: str, lesson: str) -> Path:
        return self.root / "autograded" / student / lesson

    def feedback(self, student: str, lesson: str) -> Path:
        return self.root / "feedback" / student / lesson

    def source_notebooks(self, lesson: str) -> list[Path]:
        return sorted((self.root / "source" / lesson).glob("*.ipynb"))

    def students(self, lesson: str) -> list[str]:
        """Pupils who have a collected submission of ``lesson``."""
        folder = self.root / "submitted"
        if not folder.is_dir():
            return []
        return sorted(p.parent.name for p in folder.glob(f"*/{lesson}") if p.is_dir())

    def config(self, lesson: str = "", student: str = "") -> Config:
        """nbgrader's configuration for this course (no ``nbgrader_config.py`` is read)."""
        c = Config()
        c.CourseDirectory.root = str(self.root)
        c.CourseDirectory.course_id = self.id
        c.CourseDirectory.db_url = self.gradebook_url
        c.CourseDirectory.assignment_id = lesson
        c.CourseDirectory.student_id = student or "*"
        if self.exchange is not None:
            c.Exchange.root = str(self.exchange)
        # Pupils are hub users, not necessarily Unix accounts: nbgrader's owner check would
        # only warn about every submission.
        c.ExchangeCollect.check_owner = False
        return c
