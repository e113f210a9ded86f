"""Make a class's nbgrader course from the built curriculum.

``robocole curriculum build`` writes one course folder per language (``<out>/fr/source/…``
and its ``nbgrader_config.py``). A class gets its own course, ``robocole-<class code>``: its
``source/`` is a copy of the lessons it needs, nbgrader's own ``generate_assignment`` makes
the pupil version and records the tests in the class's gradebook, and ``release_assignment``
puts the lessons in the exchange for pupils to fetch.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from nbgrader.auth import Authenticator
from nbgrader.converters import GenerateAssignment
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange.default import ExchangeReleaseAssignment
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from grader.course import Course
from grader.errors import GraderError
from robocole.i18n import gettext as _


def _built_config(built: Path) -> Config:
    """The curriculum's settings for nbgrader (answer stubs), without its course id."""
    if not (built / "nbgrader_config.py").exists():
        return Config()
    config = PyFileConfigLoader("nbgrader_config.py", path=str(built)).load_config()
    config.CourseDirectory.pop("course_id", None)
    return config


def setup_class_course(
    course: Course, built: Path, lessons: Sequence[str] = (), *, release: bool = True
) -> list[str]:
    """Copy the lessons from a built curriculum course and generate (and release) them."""
    source = Path(built) / "source"
    available = sorted(p.name for p in source.iterdir() if p.is_dir()) if source.is_dir() else []
    chosen = list(lessons) or available
    unknown = [lesson for lesson in chosen if lesson not in available]
    if not available or unknown:
        raise GraderError(
            _(
                "No built lesson %(lessons)s in %(folder)s: run 'robocole curriculum build' first.",
                lessons=", ".join(unknown or chosen) or "?",
                folder=source,
            )
        )
    for lesson in chosen:
        target = course.root / "source" / lesson
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source / lesson, target)
        config = _built_config(Path(built))
        config.merge(course.config(lesson))
        config.GenerateAssignment.force = True
        coursedir = CourseDirectory(config=config)
        GenerateAssignment(coursedir=coursedir, config=config).start()
        if release and course.exchange is not None:
            from hub_config.exchange import claim_course

            course.exchange.mkdir(parents=True, exist_ok=True)
            claim_course(course.exchange, course.id)  # never release into a pupil's folder
            config.ExchangeReleaseAssignment.force = True
            ExchangeReleaseAssignment(
                coursedir=coursedir, authenticator=Authenticator(config=config), config=config
            ).start()
    return chosen
