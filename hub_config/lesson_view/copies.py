"""The pupil's own copy of a lesson: fetched through nbgrader's exchange, saved, handed in.

The copy lives where nbgrader's assignment list would put it (``<home>/<course>/<lesson>/``)
so JupyterLab, nbgrader's fetch, validate and submit, and the teacher's tools all see the same
file. Nothing here ever overwrites a copy the pupil started: a damaged notebook is renamed
aside (``<lesson>.abime-<time>.ipynb``) before nbgrader restores the missing file.

nbgrader's exchange classes are blocking (files, and the hub's API for the pupil's groups):
the handlers call these functions in a worker thread.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from hub_config.lesson_view import block_answers
from hub_config.lesson_view.model import Lesson, NotALesson, answer_of, read_lesson, set_answer

# Course and lesson ids as the classroom app and the curriculum make them (no path tricks).
SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class LessonUnavailable(Exception):
    """The lesson cannot be fetched now; ``reason`` says why, in a word the page translates."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason  # "not-open" | "exchange" | "bad-name"


@dataclass
class Opened:
    state: str  # "ok" | "damaged"
    path: Path
    notebook: dict[str, Any] | None = None
    lesson: Lesson | None = None


def check_ids(course: str, lesson: str) -> None:
    if not (SAFE_ID.match(course) and SAFE_ID.match(lesson)):
        raise LessonUnavailable("bad-name")


def nbgrader_config(root: Path) -> Any:
    """nbgrader's configuration for this server (JUPYTER_CONFIG_PATH, as the assignment list
    loads it), with the pupil's home as the place lessons are fetched to."""
    from jupyter_core.paths import jupyter_config_path
    from nbgrader.apps import NbGrader

    app = NbGrader()
    app.config_file_paths.extend(jupyter_config_path())
    app.load_config_file()
    config = app.config
    config.CourseDirectory.root = str(root)
    config.Exchange.assignment_dir = str(root)
    return config


class Copies:
    """The lessons in one pupil's home folder (the server's root directory)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, course: str, lesson: str) -> Path:
        check_ids(course, lesson)
        return self.root / course / lesson

    def notebook_path(self, course: str, lesson: str) -> Path:
        return self.folder(course, lesson) / f"{lesson}.ipynb"

    # -- opening ----------------------------------------------------------------------

    def open(self, course: str, lesson: str) -> Opened:
        """The pupil's copy, fetched first if there is none; "damaged" if it cannot be read."""
        path = self.notebook_path(course, lesson)
        if not path.exists():
            self.fetch(course, lesson)
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(notebook, dict):
                raise NotALesson("not a notebook")
            return Opened("ok", path, notebook, read_lesson(notebook))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, NotALesson, KeyError):
            return Opened("damaged", path)

    def fresh_copy(self, course: str, lesson: str) -> Path | None:
        """Puts a damaged copy aside (kept, never deleted) and fetches the lesson again;
        returns where the damaged copy went."""
        path = self.notebook_path(course, lesson)
        aside = None
        if path.exists():
            stamp = time.strftime("%Y%m%d-%H%M%S")
            aside = path.with_name(f"{lesson}.abime-{stamp}.ipynb")
            os.replace(path, aside)
        try:
            self.fetch(course, lesson)
        except LessonUnavailable:
            if aside is not None:  # nothing to replace it with: put it back as it was
                os.replace(aside, path)
            raise
        return aside

    def released(self, course: str, lesson: str) -> bool:
        """Whether the teacher's release of this lesson is in the exchange now."""
        config = nbgrader_config(self.root)
        exchange = Path(str(config.Exchange.root))
        try:
            return (exchange / course / "outbound" / lesson).is_dir()
        except OSError:
            return False

    def released_notebook(self, course: str, lesson: str) -> Path:
        """The teacher's release of the lesson in the exchange (it may be absent)."""
        check_ids(course, lesson)
        exchange = Path(str(nbgrader_config(self.root).Exchange.root))
        return exchange / course / "outbound" / lesson / f"{lesson}.ipynb"

    def released_answer(self, course: str, lesson: str, answer_id: str) -> str:
        """An answer cell as the teacher's release has it (to tell an untouched answer)."""
        check_ids(course, lesson)
        exchange = Path(str(nbgrader_config(self.root).Exchange.root))
        release = exchange / course / "outbound" / lesson / f"{lesson}.ipynb"
        return answer_of(json.loads(release.read_text(encoding="utf-8")), answer_id)

    def fetch(self, course: str, lesson: str) -> None:
        """nbgrader's own fetch (as its assignment list does), restoring only missing files."""
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.exchange import ExchangeError, ExchangeFactory

        check_ids(course, lesson)
        config = nbgrader_config(self.root)
        exchange = Path(str(config.Exchange.root))
        try:
            if not exchange.is_dir():
                raise LessonUnavailable("exchange", f"{exchange} is not there")
            if not (exchange / course / "outbound" / lesson).is_dir():
                raise LessonUnavailable("not-open")
        except PermissionError as error:
            raise LessonUnavailable("exchange", str(error)) from error
        config.CourseDirectory.course_id = course
        config.CourseDirectory.assignment_id = lesson
        # The folder may hold the pupil's other files (a damaged notebook set aside): nbgrader
        # then only copies what is missing, never over what is there.
        config.ExchangeFetchAssignment.replace_missing_files = self.folder(course, lesson).exists()
        coursedir = CourseDirectory(config=config)
        fetch = ExchangeFactory(config=config).FetchAssignment(
            coursedir=coursedir, authenticator=Authenticator(config=config), config=config
        )
        try:
            fetch.start()
        except ExchangeError as error:
            raise LessonUnavailable("exchange", str(error)) from error

    # -- saving -----------------------------------------------------------------------

    def save_answer(
        self,
        course: str,
        lesson: str,
        answer_id: str,
        source: str,
        base: str | None,
        blocks: dict[str, Any] | None = None,
    ) -> str | None:
        """Writes one answer into the pupil's notebook, atomically.

        ``base`` is the answer as the page last knew it: when the file holds something else
        (the lesson is open in another tab that saved since), nothing is written and the
        answer in the file is returned, for the page to ask which one to keep. ``blocks``
        (a block exercise's workspace, or its switch to text) is written in the same
        replace, so the source and its blocks never disagree on disk."""
        path = self.notebook_path(course, lesson)
        notebook = json.loads(path.read_text(encoding="utf-8"))
        current = answer_of(notebook, answer_id)
        if base is not None and current != base and current != source:
            return current
        if current == source and blocks is None:
            return None
        set_answer(notebook, answer_id, source)
        if blocks is not None:
            block_answers.set_state(notebook, answer_id, blocks)
        write_atomically(path, nbformat.writes(nbformat.from_dict(notebook)) + "\n")
        return None

    # -- handing in -------------------------------------------------------------------

    def submit(self, course: str, lesson: str) -> str:
        """nbgrader's own submit; returns the submission's timestamp."""
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.exchange import ExchangeError, ExchangeFactory

        check_ids(course, lesson)
        if not self.released(course, lesson):
            raise LessonUnavailable("not-open")
        config = nbgrader_config(self.root)
        config.CourseDirectory.course_id = course
        config.CourseDirectory.assignment_id = lesson
        submit = ExchangeFactory(config=config).Submit(
            coursedir=CourseDirectory(config=config),
            authenticator=Authenticator(config=config),
            config=config,
        )
        try:
            submit.start()
        except ExchangeError as error:
            raise LessonUnavailable("exchange", str(error)) from error
        return str(submit.timestamp)


def write_atomically(path: Path, text: str) -> None:
    """Replaces ``path`` with ``text`` so a crash leaves the old file or the new, never half."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644 if not path.exists() else path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
