"""A lesson notebook as the pupil's lesson view sees it: text, exercises, hidden parts.

The notebook stays nbgrader's (the curriculum build writes it, nbgrader releases, grades and
collects it): this module only reads its cells by their nbgrader metadata and writes back the
source of one answer cell. Roles, from ``curriculum/build.py``:

- markdown cells: the lesson's text; one whose grade id ends in ``-hints`` holds the hints of
  the exercise that follows, as ``<details>`` blocks;
- locked code cells that are not graded: the world's code (``include=``), run but never shown;
- answer cells (``solution: true``): what the child edits;
- graded cells (``grade: true``): the exercise's tests, run by "Vérifier", never shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import mistune

from hub_config.lesson_view.block_answers import settings_of

HINT_BLOCK = re.compile(r"<details>\s*<summary>(.*?)</summary>(.*?)</details>", re.S | re.I)


class NotALesson(ValueError):
    """This notebook is not a lesson the view can show (damaged or not from the curriculum)."""


@dataclass
class Exercise:
    grade_id: str  # the graded cell's id, which is the exercise's id in the manifest
    answer_id: str  # the answer cell's grade id
    instructions: list[str] = field(default_factory=list)  # markdown sources
    hints: list[str] = field(default_factory=list)  # markdown sources, one per hint
    source: str = ""
    points: float = 0.0
    tests: list[str] = field(default_factory=list)  # code of the graded cells
    before: list[str] = field(default_factory=list)  # grade ids of the world cells before it
    answers_before: list[str] = field(default_factory=list)  # earlier exercises' answer ids
    blocks: dict[str, Any] | None = None  # a block exercise's settings (block_answers.py)


@dataclass
class Lesson:
    title: str
    language: str
    lesson_id: str
    intro: list[str] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    world: list[tuple[str, str]] = field(default_factory=list)  # (grade id, code)

    def world_code(self, grade_id: str) -> str:
        return dict(self.world)[grade_id]

    def exercise(self, grade_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.grade_id == grade_id:
                return exercise
        raise KeyError(grade_id)


def _source(cell: Mapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _nbgrader(cell: Mapping[str, Any]) -> Mapping[str, Any]:
    meta = cell.get("metadata", {})
    value = meta.get("nbgrader", {}) if isinstance(meta, Mapping) else {}
    return value if isinstance(value, Mapping) else {}


def split_hints(markdown: str) -> list[str]:
    """The hints of a hints cell, in order (the summary line "💡 Indice 1" is dropped)."""
    return [body.strip() for _summary, body in HINT_BLOCK.findall(markdown)]


def read_lesson(notebook: Mapping[str, Any]) -> Lesson:
    """The lesson in ``notebook`` (an nbformat v4 dict); NotALesson if it cannot be one."""
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        raise NotALesson("no cells")
    meta = notebook.get("metadata", {}).get("robocole", {})
    lesson = Lesson(
        title=str(meta.get("title", "")),
        language=str(meta.get("language", "fr")),
        lesson_id=str(meta.get("lesson", "")),
    )
    text: list[str] = []  # markdown since the last exercise
    hints: list[str] = []
    answers: list[Exercise] = []  # exercises whose answer is seen, by answer order
    pending: Exercise | None = None  # answer seen, tests not yet
    world: list[str] = []  # grade ids of the world cells so far
    for cell in cells:
        if not isinstance(cell, Mapping):
            raise NotALesson("a cell is not an object")
        info, source = _nbgrader(cell), _source(cell)
        grade_id = str(info.get("grade_id", ""))
        if cell.get("cell_type") == "markdown":
            if grade_id.endswith("-hints"):
                hints = split_hints(source)
            else:
                text.append(source)
            continue
        if cell.get("cell_type") != "code":
            continue
        if info.get("solution"):
            pending = Exercise(
                grade_id="",
                answer_id=grade_id,
                instructions=text,
                hints=hints,
                source=source,
                before=list(world),
                answers_before=[e.answer_id for e in answers],
                blocks=settings_of(cell),
            )
            text, hints = [], []
            if not lesson.exercises and not answers:
                # The markdown before the first exercise's own heading is the lesson's intro.
                pending.instructions, lesson.intro = _split_intro(pending.instructions)
            answers.append(pending)
        elif info.get("grade"):
            if pending is None:
                raise NotALesson(f"tests {grade_id} come before any answer")
            if not pending.grade_id:
                pending.grade_id = grade_id
                lesson.exercises.append(pending)
            pending.tests.append(source)
            pending.points += float(info.get("points", 0) or 0)
        elif info.get("locked"):
            world.append(grade_id)
            lesson.world.append((grade_id, source))
    lesson.closing = text
    if not lesson.exercises:
        raise NotALesson("no exercise")
    return lesson


def _split_intro(markdown: list[str]) -> tuple[list[str], list[str]]:
    """(the first exercise's own text, the lesson's introduction) from the text before it."""
    if len(markdown) <= 1:
        return markdown, []
    return markdown[-1:], markdown[:-1]


def set_answer(notebook: dict[str, Any], answer_id: str, source: str) -> str:
    """Write ``source`` into the answer cell ``answer_id``; returns the source it had."""
    for cell in notebook.get("cells", []):
        info = _nbgrader(cell)
        if info.get("solution") and info.get("grade_id") == answer_id:
            before = _source(cell)
            cell["source"] = source
            return before
    raise KeyError(answer_id)


def answer_of(notebook: Mapping[str, Any], answer_id: str) -> str:
    for cell in notebook.get("cells", []):
        info = _nbgrader(cell)
        if info.get("solution") and info.get("grade_id") == answer_id:
            return _source(cell)
    raise KeyError(answer_id)


_markdown = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])

_RELATIVE_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")(?![a-z][a-z0-9+.-]*:|/|#)([^"]+)"', re.I)


def to_html(markdown: str, files_url: str) -> str:
    """The lesson author's markdown as HTML; pictures next to the notebook are served from
    ``files_url`` (the server's /files/ URL of the lesson's folder, ending with /)."""
    html = str(_markdown(markdown))
    return _RELATIVE_SRC.sub(lambda m: f'{m.group(1)}{files_url}{m.group(2)}"', html)
