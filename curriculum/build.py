"""Build nbgrader course folders from the lesson sources, one per language.

The output is what stock ``nbgrader generate_assignment`` expects, and nothing random goes
in it (cell ids come from the manifest, JSON keys are sorted), so two builds of the same
sources are byte for byte the same and a rebuild shows no diff::

    <out>/fr/nbgrader_config.py           course id and the French answer stubs
    <out>/fr/source/<lesson>/<lesson>.ipynb
    <out>/fr/source/<lesson>/images/…     the other files of the lesson folder (images, worlds)
    <out>/en/…
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import nbformat

from curriculum.faults import LessonError
from curriculum.lesson import (
    CODE_STUB,
    TEXT_STUB,
    build_notebook,
    copy_lesson_files,
    lesson_folder,
    read_source,
)
from curriculum.manifest import Manifest
from robocole.errors import RobocoleError
from robocole.i18n import LANGUAGES
from robocole.i18n import gettext as _


class BuildError(RobocoleError):
    """The course cannot be built."""


def course_id(manifest: Manifest, language: str) -> str:
    """The nbgrader course of one language (``robocole-fr``): hub groups follow it."""
    return f"{manifest.course_id}-{language}"


def nbgrader_config(manifest: Manifest, language: str) -> str:
    return (
        f"# Written by `robocole curriculum build`: edit the lessons, not this file.\n"
        f"c = get_config()  # noqa: F821 - nbgrader defines it\n"
        f"c.CourseDirectory.course_id = {course_id(manifest, language)!r}\n"
        f"c.ClearSolutions.code_stub = {{'python': {CODE_STUB[language]!r}}}\n"
        f"c.ClearSolutions.text_stub = {TEXT_STUB[language]!r}\n"
    )


def build_course(
    manifest: Manifest,
    out: Path,
    languages: Sequence[str] = LANGUAGES,
    lessons: Sequence[str] = (),
) -> list[Path]:
    """Write the course of each language under ``out``; return the notebooks written.

    ``out/<language>/source`` is rebuilt from scratch so a removed lesson disappears too;
    the rest of a course folder (gradebook, releases) is left alone.
    """
    chosen = [lesson for lesson in manifest.lessons() if not lessons or lesson.id in lessons]
    written = []
    for language in languages:
        if language not in LANGUAGES:
            raise BuildError(_("Unknown language %(language)s.", language=language))
        course = out / language
        notebooks = {}
        for lesson in chosen:
            try:
                source = read_source(manifest, lesson, language)
                notebooks[lesson.id] = build_notebook(manifest, source)
            except LessonError as error:
                where = f"{lesson.id} ({language}){', ' + error.cell if error.cell else ''}"
                raise BuildError(
                    _(
                        "%(where)s: %(error)s Run `robocole curriculum check` for every fault.",
                        where=where,
                        error=error.message,
                    )
                ) from error
        source_dir = course / "source"
        if source_dir.exists() and not lessons:
            shutil.rmtree(source_dir)
        course.mkdir(parents=True, exist_ok=True)
        (course / "nbgrader_config.py").write_text(
            nbgrader_config(manifest, language), encoding="utf-8"
        )
        for lesson in chosen:
            assignment = source_dir / lesson.id
            if assignment.exists():
                shutil.rmtree(assignment)
            assignment.mkdir(parents=True)
            path = assignment / f"{lesson.id}.ipynb"
            text = nbformat.writes(notebooks[lesson.id], version=4)
            path.write_text(text + "\n" if not text.endswith("\n") else text, encoding="utf-8")
            copy_lesson_files(lesson_folder(manifest, lesson), assignment)
            written.append(path)
    return written
