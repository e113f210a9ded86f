"""The proof that each test can be trusted: declared wrong answers fail, right variants pass.

A lesson source may follow an exercise's tests with ``wrong="<exercise>"`` and
``right="<exercise>"`` cells (see ``curriculum/lesson.py``). Each answer in them is tried in
place of the reference answer, after the lesson's cells that come before it, and followed by
the exercise's tests; the variants of one exercise share one notebook, the namespace put back
before each. The check runs these notebooks in the lesson's kernel after the lesson itself
and demands:

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

import nbformat
from nbformat import NotebookNode

from curriculum.blocks import split_solution
from curriculum.faults import Fault
from curriculum.lesson import LessonSource, SourceCell
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


#: Cells the trial notebook runs around the variants: after the exercise's preceding cells,
#: their namespace is kept; before each variant it is put back as it was (so no variant sees
#: what the one before defined), without running the whole lesson again for each.
SAVE = "__robocole_saved__ = dict(globals())"
RESTORE = (
    "(lambda saved, ns: (ns.clear(), ns.update(saved), ns.__setitem__('__robocole_saved__',"
    " saved)))(__robocole_saved__, globals())"
)


def variants(source: LessonSource, notebook: NotebookNode) -> list[Variant]:
    """Every wrong answer and right variant of the lesson; the variants of one exercise share
    one notebook: the lesson up to the answer, then each variant's answer and tests."""
    answers: dict[str, list[tuple[SourceCell, str]]] = {}
    for cell in source.cells:
        if cell.role in ("wrong", "right"):
            answers.setdefault(cell.exercise, []).extend((cell, a) for a in cell.answers())
    indices = {_grade_id(c): i for i, c in enumerate(notebook.cells)}
    found: list[Variant] = []
    for exercise, declared in answers.items():
        answer_index = indices.get(f"{exercise}-solution")
        tests = [i for i, c in enumerate(notebook.cells) if _grade_id(c) == exercise]
        if answer_index is None or not tests:
            continue  # the check reports the exercise's missing cells
        cells = copy.deepcopy(notebook.cells[:answer_index])
        for earlier in cells:
            # Earlier exercises' tests prove nothing here and cost the most (a robot test
            # simulates once per robot family): their answers give the state.
            if earlier.get("metadata", {}).get("nbgrader", {}).get("grade"):
                earlier.source = ""
        cells.append(nbformat.v4.new_code_cell(SAVE))
        fixing = any(c.fix for c in source.cells_of(exercise, "solution"))
        placed = []
        for cell, answer in declared:
            cells.append(nbformat.v4.new_code_cell(RESTORE))
            answer_cell = copy.deepcopy(notebook.cells[answer_index])
            answer_cell.source = answer_cell_text(answer_cell.source, answer, whole=fixing)
            at = len(cells)
            cells.append(answer_cell)
            tested = []
            for between in range(answer_index + 1, max(tests) + 1):
                if between in tests:
                    tested.append(len(cells))
                cells.append(copy.deepcopy(notebook.cells[between]))
            placed.append((cell, answer, at, tuple(tested)))
        trial = copy.copy(notebook)
        trial.cells = cells
        found.extend(
            Variant(exercise, cell.role, answer, cell.label, trial, at, tested)
            for cell, answer, at, tested in placed
        )
    return found


def trial_notebooks(found: list[Variant]) -> list[NotebookNode]:
    """The notebooks to run for these variants, once each, in order."""
    notebooks: list[NotebookNode] = []
    for variant in found:
        if not any(variant.notebook is known for known in notebooks):
            notebooks.append(variant.notebook)
    return notebooks


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
