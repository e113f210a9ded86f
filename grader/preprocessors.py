"""Small nbgrader preprocessors for the seams of Autograde and GenerateFeedback."""

from __future__ import annotations

import re
from typing import Any

from nbconvert.exporters.exporter import ResourcesDict
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode, from_dict
from nbformat.v4 import new_markdown_cell
from nbgrader.preprocessors import OverwriteCells
from nbgrader.utils import is_grade, is_solution
from traitlets import Bool, Unicode

from robocole.i18n import gettext as _


class RestoreCells(OverwriteCells):
    """nbgrader's OverwriteCells, which also puts back test cells a pupil deleted.

    nbgrader can add missing cells back (``add_missing_cells``) but places each one after the
    cell before it in the source and fails when that one is gone too (an emptied notebook).
    Here a missing cell goes after the nearest earlier source cell still present, or first.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_missing_cells = True
        self.missing_cell_notification = (
            _("This test was missing from your notebook: the grader put it back.") + "\n\n"
        )
        self.restored: list[str] = []

    def add_missing_grade_cells(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        order = [cell.name for cell in source_nb.source_cells]
        solutions = {cell.name for cell in source_nb.solution_cells}
        source_cells = {cell.name: cell for cell in source_nb.source_cells}
        for grade_cell in source_nb.grade_cells:
            present = _grade_ids(nb)
            if grade_cell.name in present:
                continue
            self.log.warning("Missing grade cell %s: putting it back", grade_cell.name)
            cell = from_dict(
                self.missing_cell_transform(
                    source_cells[grade_cell.name],
                    grade_cell.max_score,
                    is_solution=grade_cell.name in solutions,
                )
            )
            # nbformat 4.5 cells need an id (the one the pupil deleted is gone).
            cell["id"] = re.sub(r"[^A-Za-z0-9_-]", "-", f"restored-{grade_cell.name}")[:64]
            earlier = order[: order.index(grade_cell.name)] if grade_cell.name in order else []
            position = 0
            for name in reversed(earlier):
                if name in present:
                    position = present[name] + 1
                    break
            nb.cells.insert(position, cell)
            self.restored.append(grade_cell.name)
        resources.setdefault("robocole", {})["restored_cells"] = list(self.restored)
        return nb, resources


def _grade_ids(nb: NotebookNode) -> dict[str, int]:
    return {
        cell.metadata.nbgrader["grade_id"]: index
        for index, cell in enumerate(nb.cells)
        if (is_grade(cell) or is_solution(cell)) and "grade_id" in cell.metadata.nbgrader
    }


class AddFeedbackSummary(Preprocessor):
    """Put the grader's French summary at the top of the feedback a pupil fetches."""

    summary = Unicode("", help="Markdown text of the summary.").tag(config=True)
    # nbconvert preprocessors are off unless enabled; nbgrader registers them as they are.
    enabled = Bool(True).tag(config=True)

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        if self.summary:
            nb.cells.insert(0, new_markdown_cell(self.summary))
        return nb, resources
