"""Kind feedback, in the pupil's words, from a graded notebook.

Each exercise is one autograded test cell (its nbgrader ``grade_id`` is the exercise id of
the curriculum manifest). When a test fails, the first error between the previous test and
this one usually says why (a loop that never stops, a missing function…): it picks the
message. Messages never blame; they say what to try next.
"""

from __future__ import annotations

import errno
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from nbgrader.utils import is_grade, is_solution

from grader.execute import (
    KERNEL_DIED,
    OUTPUT_TRUNCATED,
    TIME_OVER,
    TOO_MANY_PROCESSES,
    TYPE_MISMATCH,
)
from robocole.i18n import N_
from robocole.i18n import gettext as _

_NAME_ERROR = re.compile(r"name '([^']+)' is not defined")
_TYPE_NAMES = {
    "int": N_("a whole number (int)"),
    "float": N_("a decimal number (float)"),
    "str": N_("a text (str)"),
    "bool": N_("True or False (bool)"),
    "list": N_("a list"),
    "tuple": N_("a tuple"),
    "dict": N_("a dictionary (dict)"),
    "NoneType": N_("None"),
}
_NETWORK_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ECONNREFUSED}
#: Characters of a test's own assertion message shown as the feedback sentence.
ASSERT_MESSAGE_MAX = 300


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


def _type_name(name: str) -> str:
    return _(_TYPE_NAMES[name]) if name in _TYPE_NAMES else name


def explain(error: Mapping[str, Any] | None) -> str:
    """One sentence about why a test did not pass, from the error that caused it."""
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
    if name in ("KeyboardInterrupt", "CellTimeoutError"):
        return _("Your program took too long. Check that no loop runs forever.")
    if name == "AssertionError" and value.startswith(TYPE_MISMATCH + ":"):
        _marker, got, expected = ([*value.split(":"), "", ""])[:3]
        return _(
            "Your answer is not the right kind of value: the test expected %(expected)s, "
            "not %(got)s.",
            expected=_type_name(expected),
            got=_type_name(got),
        )
    if name == "AssertionError" and value.strip():
        # The test's own sentence, written for the pupil: a robot challenge's "Ton robot a
        # touché le mur après 2 virages." (verifier), an author's assert message. Its first
        # line only: what follows (a drawing, line by line) stays in "what Python said".
        said = " ".join(value.strip().splitlines()[0].split())
        return said if len(said) <= ASSERT_MESSAGE_MAX else said[: ASSERT_MESSAGE_MAX - 1] + "…"
    if name == "AssertionError":
        return _("Not yet: a test did not pass. Read the instructions again and try again!")
    if name == "NotImplementedError":
        return _(
            "This exercise is not done yet: write your code instead of the line "
            "raise NotImplementedError()."
        )
    if name == "MemoryError":
        return _("Your program asked for too much memory. Try with smaller numbers or lists.")
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
    if name == "NameError":
        match = _NAME_ERROR.search(value)
        return _(
            "The test cannot find %(name)s: check its spelling and run your cell.",
            name=match.group(1) if match else "?",
        )
    if name == "SyntaxError" or name == "IndentationError":
        return _("Python cannot read your code (%(error)s): check the line it shows.", error=name)
    return _(
        "Your code stopped with an error (%(error)s). Read the message and try again!",
        error=name,
    )


def _errors(cell: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def outcomes(
    cells: Iterable[Mapping[str, Any]], scores: Mapping[str, tuple[float, float]]
) -> list[ExerciseOutcome]:
    """The outcome of each autograded test cell, in notebook order.

    ``scores`` maps a test cell's grade id to (points, max points) from nbgrader's gradebook.
    """
    results: dict[str, ExerciseOutcome] = {}
    span_errors: list[Mapping[str, Any]] = []
    for cell in cells:
        span_errors += _errors(cell)
        if not (is_grade(cell) and not is_solution(cell)) or cell.get("cell_type") != "code":
            continue
        grade_id = cell["metadata"]["nbgrader"]["grade_id"]
        points, max_points = scores.get(grade_id, (0.0, 0.0))
        passed = max_points > 0 and points >= max_points
        message = (
            _("Well done, this exercise is solved!")
            if passed
            else explain(_cause(span_errors, _errors(cell)))
        )
        span_errors = []
        exercise = exercise_id(grade_id)
        previous = results.get(exercise)
        if previous is not None:  # several test cells for one exercise: all must pass
            passed = passed and previous.passed
            message = previous.message if not previous.passed else message
            points += previous.points
            max_points += previous.max_points
        results[exercise] = ExerciseOutcome(exercise, passed, points, max_points, message)
    return list(results.values())


def _cause(
    span: list[Mapping[str, Any]], test: list[Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    """The error that best explains a failed test: a wrong type, else the first error seen.

    The first error since the previous test is usually the pupil's (a loop stopped, a
    network call refused) and the test's own error (a missing name) only follows from it.
    """
    for error in test:
        if str(error.get("evalue", "")).startswith(TYPE_MISMATCH):
            return error
    return span[0] if span else None


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
