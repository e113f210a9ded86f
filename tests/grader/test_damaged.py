"""Damaged notebooks (issue 17): each is graded with a reason and a status, never "failed".

Every notebook here has the right answers, damaged the way a child's copy gets damaged;
nbgrader alone stops on each (``KeyError: 'grade_id'``, a validation error) and the whole
lesson would score 0 with no reason.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import nbformat
import pytest

from grader.course import Course
from grader.pipeline import GradeResult, GradingOptions, WorkerPool
from grader.sandbox import SandboxPolicy
from tests.grader.helpers import CORRECT, LESSON, answered, make_course, submit_collected

DAMAGED = "Ton cahier était abîmé"


def grade_id(old: str, new: str | None) -> Callable[[nbformat.NotebookNode], None]:
    def change(notebook: nbformat.NotebookNode) -> None:
        for cell in notebook.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade_id") == old:
                if new is None:
                    del meta["grade_id"]
                else:
                    meta["grade_id"] = new

    return change


def cell_metadata(key: str, value: object) -> Callable[[nbformat.NotebookNode], None]:
    def change(notebook: nbformat.NotebookNode) -> None:
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("grade_id") == "robot-1-a":
                cell.metadata.nbgrader[key] = value

    return change


def raw(course: Course, change: Callable[[dict[str, object]], None]) -> bytes:
    data = json.loads(nbformat.writes(answered(course, CORRECT)))
    change(data)
    return json.dumps(data).encode()


def no_cell_metadata(data: dict[str, object]) -> None:
    for cell in data["cells"]:  # type: ignore[attr-defined]
        if cell["cell_type"] == "markdown":
            del cell["metadata"]


def no_notebook_metadata(data: dict[str, object]) -> None:
    del data["metadata"]


CHANGES = {
    "t3staa-01": grade_id("robot-1-a", "robot-1-z"),  # a test renamed
    "t3staa-02": grade_id("robot-1-a-reponse", "mon-code"),  # an answer renamed
    "t3staa-03": grade_id("robot-1-b", None),  # a grade id cut off
    "t3staa-04": grade_id("robot-1-b", "robot-1-a"),  # a grade id twice
    "t3staa-05": cell_metadata("points", "beaucoup"),  # points as text
    "t3staa-06": cell_metadata("schema_version", 99),  # metadata from elsewhere
}
RAW = {"t3staa-07": no_cell_metadata, "t3staa-08": no_notebook_metadata}
TRUNCATED = "t3staa-09"
LINKED = "t3staa-10"  # a link already inside submitted/ (issue 17: autograde followed it)
PIPED = "t3staa-11"  # a named pipe: nbgrader would wait on it for ever
CORRECT_PUPIL = "t3staa-30"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return make_course(tmp_path_factory.mktemp("damaged"))


@pytest.fixture(scope="module")
def graded(course: Course) -> dict[str, GradeResult]:
    for student, change in CHANGES.items():
        submit_collected(course, student, answered(course, CORRECT, change))
    for student, edit in RAW.items():
        submit_collected(course, student, raw(course, edit))
    submit_collected(course, TRUNCATED, nbformat.writes(answered(course, CORRECT))[:900].encode())
    submit_collected(course, CORRECT_PUPIL, answered(course, CORRECT))
    folder = submit_collected(course, LINKED, answered(course, CORRECT))
    (folder / "notes.txt").symlink_to(course.root / "source" / LESSON / f"{LESSON}.ipynb")
    os.mkfifo(submit_collected(course, PIPED, answered(course, CORRECT)) / "pipe")
    options = GradingOptions(
        policy=SandboxPolicy(cell_timeout=2, notebook_timeout=40),
        protections=("test",),
        release_feedback=False,
    )
    students = sorted([*CHANGES, *RAW, TRUNCATED, LINKED, PIPED, CORRECT_PUPIL])
    with WorkerPool(options, workers=2) as pool:
        return {r.username: r for r in pool.grade_many((course, s, LESSON) for s in students)}


@pytest.mark.parametrize("student", sorted([*CHANGES, *RAW]))
def test_a_damaged_notebook_is_graded_with_a_reason_and_its_status(
    graded: dict[str, GradeResult], course: Course, student: str
) -> None:
    result = graded[student]
    assert result.status == "damaged"
    assert result.payload()["status"] == "damaged"
    # The right answers still count, every exercise of the lesson is there.
    assert [(e.exercise_id, e.passed) for e in result.exercises] == [
        ("robot-1-a", True),
        ("robot-1-b", True),
        ("robot-1-c", True),
    ]
    assert any(note.startswith(DAMAGED) for note in result.notes)
    assert any(flag.startswith("damaged:") for flag in result.flags)
    # The pupil's own file is kept as handed in (nbgrader finds the feedback by its hash).
    folder = course.submitted(student, LESSON)
    assert not (folder / f".{LESSON}.ipynb.original").exists()
    assert (course.feedback(student, LESSON) / f"{LESSON}.html").exists()


def test_a_cut_off_file_gets_a_feedback_page_that_says_why(
    graded: dict[str, GradeResult], course: Course
) -> None:
    result = graded[TRUNCATED]
    assert result.status == "unreadable"
    assert all(not e.passed for e in result.exercises)
    page = (course.feedback(TRUNCATED, LESSON) / f"{LESSON}.html").read_text()
    assert '<html lang="fr">' in page
    assert "abîmé et ne peut pas être lu" in page


@pytest.mark.parametrize(("student", "name"), [(LINKED, "notes.txt"), (PIPED, "pipe")])
def test_links_and_special_files_in_submitted_are_refused_before_autograde(
    graded: dict[str, GradeResult], course: Course, student: str, name: str
) -> None:
    result = graded[student]
    assert result.status == "unreadable"
    assert all(not e.passed for e in result.exercises)
    assert any("lien ou un fichier spécial" in note and name in note for note in result.notes)
    # nbgrader never ran: nothing of the link's target reached autograded/ or the feedback.
    assert not course.autograded(student, LESSON).exists()
    page = (course.feedback(student, LESSON) / f"{LESSON}.html").read_text()
    assert "BEGIN SOLUTION" not in page


def test_the_next_pupil_is_graded_normally(graded: dict[str, GradeResult]) -> None:
    result = graded[CORRECT_PUPIL]
    assert result.status == "graded"
    assert result.flags == ()
    assert all(e.passed for e in result.exercises)
