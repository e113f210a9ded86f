"""The proof that each test can be trusted: declared wrong answers fail, right variants pass.

A lesson source may follow an exercise's tests with ``wrong="<exercise>"`` and
``right="<exercise>"`` cells (see ``curriculum/lesson.py``). Each answer in them becomes one
notebook: the lesson up to that exercise's tests, its answer replaced by the variant. The
check runs these notebooks in the lesson's kernel after the lesson itself and demands:

- a wrong answer never passes; when the tests refuse it, they say why in a sentence (an
  ``AssertionError`` with its message, not a crash), or the answer itself stops on an error
  (which the lesson view and the grader explain in French);
- a right variant runs and passes every test of the exercise.

The pupil's empty answer is a wrong answer too: the check already runs the pupil's version.
For a "predict then fix" exercise (``fix=true``) each answer replaces the whole cell (the bug).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from nbformat import NotebookNode

from curriculum.blocks import split_solution
from curriculum.faults import Fault
from curriculum.lesson import LessonSource
from curriculum.runner import CellRun
from robocole.i18n import gettext as _


@dataclass(frozen=True)
class Variant:
    """One declared answer of an exercise, and the notebook that tries it."""

    exercise: str
    kind: str  # "wrong" or "right"
    answer: str
    label: str  # the wrong=/right= cell, for the report
    notebook: NotebookNode
    answer_index: int  # the answer cell in ``notebook``
    test_indices: tuple[int, ...]


def answer_cell_text(solution: str, answer: str, *, whole: bool = False) -> str:
    """The solution cell's text with ``answer`` in place of the part between the markers
    (``whole``: in place of the whole cell, for a "predict then fix" exercise's bug)."""
    if whole:
        return answer
    before, indent, _solution, after = split_solution(solution)
    body = "\n".join(indent + line if line.strip() else line for line in answer.split("\n"))
    return "\n".join(part for part in (before, body, after) if part)


def variants(source: LessonSource, notebook: NotebookNode) -> list[Variant]:
    """Every wrong answer and right variant of the lesson, each in a notebook of its own."""
    found = []
    for cell in source.cells:
        if cell.role not in ("wrong", "right"):
            continue
        answer_id = f"{cell.exercise}-solution"
        indices = {
            c.get("metadata", {}).get("nbgrader", {}).get("grade_id"): i
            for i, c in enumerate(notebook.cells)
        }
        if answer_id not in indices:
            continue  # the check reports the exercise's missing solution cell
        answer_index = indices[answer_id]
        tests = tuple(i for i, c in enumerate(notebook.cells) if _grade_id(c) == cell.exercise)
        if not tests:
            continue
        for answer in cell.answers():
            cells = copy.deepcopy(notebook.cells[: max(tests) + 1])
            fixing = any(c.fix for c in source.cells_of(cell.exercise, "solution"))
            cells[answer_index].source = answer_cell_text(
                notebook.cells[answer_index].source, answer, whole=fixing
            )
            trial = copy.copy(notebook)
            trial.cells = cells
            found.append(
                Variant(cell.exercise, cell.role, answer, cell.label, trial, answer_index, tests)
            )
    return found


def _grade_id(cell: NotebookNode) -> str:
    return str(cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", ""))


def first_line(answer: str) -> str:
    lines = [line.strip() for line in answer.split("\n") if line.strip()]
    shown = lines[0] if lines else ""
    return shown + (" …" if len(lines) > 1 else "")


def judge(variant: Variant, runs: list[CellRun], source: LessonSource) -> list[Fault]:
    """What is wrong with the tests, seen through this variant's run (empty: nothing)."""
    by_index = {run.index: run for run in runs}
    answer = by_index.get(variant.answer_index)
    tests = [by_index.get(i) for i in variant.test_indices]

    def fault(message: str) -> list[Fault]:
        return [Fault(source.lesson.id, source.language, variant.label, message)]

    shown = first_line(variant.answer)
    if answer is None or any(run is None for run in tests):
        # The notebook stopped before (a cell that ran for too long, reported by its run).
        return fault(_("This answer could not be tried to the end: %(answer)s", answer=shown))
    ran = [run for run in tests if run is not None]
    if variant.kind == "right":
        if not answer.ok:
            return fault(
                _(
                    "This right answer stops on %(error)s: %(answer)s",
                    error=answer.error,
                    answer=shown,
                )
            )
        refused = [run for run in ran if not run.ok]
        if refused:
            return fault(
                _(
                    "The tests refuse this right answer (%(error)s): %(answer)s",
                    error=refused[0].error,
                    answer=shown,
                )
            )
        return []
    if not answer.ok:
        return []  # the child reads the error of their own code, explained
    if all(run.ok for run in ran):
        return fault(_("This wrong answer passes the tests: %(answer)s", answer=shown))
    first = next(run for run in ran if not run.ok)
    if not first.error.startswith("AssertionError: "):
        return fault(
            _(
                "The tests stop on %(error)s instead of a sentence for this wrong answer: "
                "%(answer)s",
                error=first.error,
                answer=shown,
            )
        )
    return []
