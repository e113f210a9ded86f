"""The animator's sheet of each lesson, for the teacher: read on screen, printed on paper.

The sheet is written in the lesson's own source (``curriculum/sheet.py``), in French and in
English; this page shows it in the teacher's language with the programme's and the CRCN's
words for the lesson (the manifest's competencies). One light page, no script: the browser's
own "Print" gives the paper copy (the print style drops the header).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, g, render_template

from classroom_app import web
from curriculum.faults import LessonError
from curriculum.lesson import read_source
from robocole.i18n import DEFAULT_LANGUAGE, LANGUAGES

bp = Blueprint("lesson_sheets", __name__, url_prefix="/teacher/lessons")


@bp.get("/<lesson_id>/sheet")
@web.teacher_required
def sheet(lesson_id: str) -> Any:
    manifest = web.manifest()
    known = {lesson.id: lesson for lesson in manifest.lessons()}
    lesson = known.get(lesson_id)
    if lesson is None:
        abort(404)
    language = g.get("language") if g.get("language") in LANGUAGES else DEFAULT_LANGUAGE
    try:
        sections = read_source(manifest, lesson, language).sheet()
    except LessonError:
        abort(404)  # the curriculum check refuses a lesson without its sheet
    competencies = [
        manifest.competencies[c] for c in lesson.competencies if c in manifest.competencies
    ]
    unit = next(u for u in manifest.units if u.id == lesson.unit_id)
    return render_template(
        "teacher_lesson_sheet.html",
        lesson=lesson,
        unit=unit,
        sections=sections,
        competencies=competencies,
        exercises=len(lesson.exercises),
    )
