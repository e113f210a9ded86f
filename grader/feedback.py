"""Kind feedback, in the pupil's words, from a graded notebook.

Each exercise is one autograded test cell (its nbgrader ``grade_id`` is the exercise id of
the curriculum manifest). When a test fails, the first error between the previous test and
this one usually says why (a loop that never stops, a missing function…): it picks the
message. Messages never blame; they say what to try next.
"""

from __future__ import annotations

import ast
import errno
import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import nbformat
from nbgrader.utils import compute_checksum, is_grade, is_solution

from grader.execute import (
    KERNEL_DIED,
    OUTPUT_TRUNCATED,
    TIME_OVER,
    TOO_MANY_PROCESSES,
    TYPE_MISMATCH,
)
from robocole.i18n import gettext as _
from robocole.python_errors import error_line, explain_python_error, type_name

_NETWORK_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ECONNREFUSED}


@dataclass(frozen=True)
class ExerciseOutcome:
    exercise_id: str
    passed: bool
    points: float
    max_points: float
    message: str


def exercise_id(grade_id: str) -> str:
    """The exercise a test cell grades: its grade id without a ``-tests``/``-test`` ending."""
    for ending in ("-tests", "-test"):
        if grade_id.endswith(ending):
            return grade_id[: -len(ending)]
    return grade_id


def explain(
    error: Mapping[str, Any] | None, line: int | None = None, known_names: Iterable[str] = ()
) -> str:
    """One sentence about why a test did not pass, from the error that caused it.

    The grader's own stops (time over, output cut, the sandbox's refusals) are said here;
    Python's errors by the shared explainer, ``robocole.python_errors`` (``line``: the line
    in the pupil's cell; ``known_names``: the names the lesson defines, for "did you mean").
    """
    if error is None:
        return _("Not yet: a test did not pass. Read the instructions again and try again!")
    name = str(error.get("ename", ""))
    value = str(error.get("evalue", ""))
    if name == OUTPUT_TRUNCATED:
        return _("Your program printed far too much text; only the beginning was kept.")
    if name == TIME_OVER:
        return _("There was no time left to check this exercise. Look for a loop that never ends.")
    if name == KERNEL_DIED and value == "watchdog":
        return _("Your program took too long. Check that no loop runs forever.")
    if name == KERNEL_DIED:
        return _(
            "Your program was stopped because it used too much computing time or memory. "
            "Look for a loop that never ends."
        )
    if name == "AssertionError" and value.startswith(TYPE_MISMATCH + ":"):
        _marker, got, expected = ([*value.split(":"), "", ""])[:3]
        return _(
            "Your answer is not the right kind of value: the test expected %(expected)s, "
            "not %(got)s.",
            expected=type_name(expected),
            got=type_name(got),
        )
    if name in ("FileNotFoundError", "PermissionError", "IsADirectoryError"):
        return _("Your program can only open the files of your own folder.")
    if (
        name == TOO_MANY_PROCESSES
        or name == "BlockingIOError"
        or "Resource temporarily unavailable" in value
    ):
        return _("Your program started too many programs at once.")
    if "File too large" in value or f"Errno {errno.EFBIG}" in value:
        return _("Your program tried to write a file that is too big.")
    if name in ("gaierror", "socket.gaierror", "ConnectionRefusedError", "TimeoutError") or (
        name == "OSError" and any(f"Errno {n}]" in value for n in _NETWORK_ERRNOS)
    ):
        return _("During checking, your program cannot use the Internet.")
    return explain_python_error(name, value, line, known_names)


def defined_names(source: str) -> list[str]:
    """The functions and variables a cell defines (the world's ``droite``, the pupil's own
    ``dessine_carre``): what a misspelt name in the pupil's answer most likely stands for."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return [name for name in names if not name.startswith("_")]


def _errors(cell: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def untouched(cell: Mapping[str, Any]) -> bool:
    """Whether an answer cell is still as the pupil received it: nbgrader's own test (the
    checksum it recorded when the lesson was generated, ``utils.determine_grade``)."""
    recorded = cell.get("metadata", {}).get("nbgrader", {}).get("checksum")
    return bool(recorded) and recorded == compute_checksum(nbformat.from_dict(cell))


def _line(cell: Mapping[str, Any], error: Mapping[str, Any]) -> int | None:
    """The line of an error raised in the pupil's answer cell ("Ligne 2 : …"); none for
    the other cells (a test's line means nothing to the pupil)."""
    if not is_solution(cell):
        return None
    return error_line([str(line) for line in error.get("traceback", [])])


def outcomes(
    cells: Iterable[Mapping[str, Any]], scores: Mapping[str, tuple[float, float]]
) -> list[ExerciseOutcome]:
    """The outcome of each autograded test cell, in notebook order.

    ``scores`` maps a test cell's grade id to (points, max points) from nbgrader's gradebook.
    """
    results: dict[str, ExerciseOutcome] = {}
    span_errors: list[tuple[Mapping[str, Any], int | None]] = []
    answers: list[Mapping[str, Any]] = []
    known: list[str] = []
    for cell in cells:
        span_errors += [(error, _line(cell, error)) for error in _errors(cell)]
        if is_solution(cell):
            answers.append(cell)
        if cell.get("cell_type") == "code" and (is_solution(cell) or not is_grade(cell)):
            # The world's functions and the pupil's own ones: what a misspelt name meant.
            known += defined_names(str(cell.get("source", "")))
        if not (is_grade(cell) and not is_solution(cell)) or cell.get("cell_type") != "code":
            continue
        grade_id = cell["metadata"]["nbgrader"]["grade_id"]
        points, max_points = scores.get(grade_id, (0.0, 0.0))
        passed = max_points > 0 and points >= max_points
        if passed:
            message = _("Well done, this exercise is solved!")
        elif answers and all(untouched(answer) for answer in answers):
            message = _(
                "You have not written anything in this exercise yet: write your program "
                "below the line “# Write your program here”, then hand in your lesson again."
            )
        else:
            error, line = _cause(span_errors, [(e, None) for e in _errors(cell)])
            message = explain(error, line, known)
        span_errors, answers = [], []
        exercise = exercise_id(grade_id)
        previous = results.get(exercise)
        if previous is not None:  # several test cells for one exercise: all must pass
            passed = passed and previous.passed
            message = previous.message if not previous.passed else message
            points += previous.points
            max_points += previous.max_points
        results[exercise] = ExerciseOutcome(exercise, passed, points, max_points, message)
    return list(results.values())


Located = tuple[Mapping[str, Any], int | None]


def _cause(span: list[Located], test: list[Located]) -> Located | tuple[None, None]:
    """The error that best explains a failed test: a wrong type, else the first error seen.

    The first error since the previous test is usually the pupil's (a loop stopped, a
    network call refused) and the test's own error (a missing name) only follows from it.
    """
    for error, line in test:
        if str(error.get("evalue", "")).startswith(TYPE_MISMATCH):
            return error, line
    return span[0] if span else (None, None)


def summary_markdown(results: Iterable[ExerciseOutcome], notes: Iterable[str]) -> str:
    """The French summary put at the top of the feedback the pupil fetches."""
    lines = ["## " + _("Your results"), ""]
    # Messages quote what the pupil's code raised: as text, never as markup (markdown keeps
    # HTML as it is, and an <img src=…> would make the page load something from elsewhere).
    for outcome in results:
        mark = "✅" if outcome.passed else "🔁"
        lines.append(
            f"- {mark} **{outcome.exercise_id}** "
            f"({outcome.points:g}/{outcome.max_points:g}) : {html.escape(outcome.message)}"
        )
    for note in notes:
        lines.append(f"- ℹ️ {html.escape(note)}")
    return "\n".join(lines)
