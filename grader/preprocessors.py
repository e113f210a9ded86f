"""Small nbgrader preprocessors for the seams of Autograde and GenerateFeedback."""

from __future__ import annotations

import re
import traceback
from typing import Any, ClassVar

import jsonschema
from nbconvert.exporters.exporter import ResourcesDict
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode, from_dict
from nbformat.v4 import new_markdown_cell
from nbgrader.api import Gradebook
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import (
    BaseMetadataValidator,
    SchemaTooNewError,
    SchemaTooOldError,
)
from nbgrader.preprocessors import (
    CheckCellMetadata,
    NbGraderPreprocessor,
    OverwriteCells,
    SaveAutoGrades,
)
from nbgrader.utils import is_grade, is_solution
from traitlets import Bool, Dict, Unicode

from grader.feedback import exercise_id
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
    """Put the grader's French summary at the top of the feedback a pupil fetches.

    Each test cell also gets its exercise's sentence (``metadata.robocole.message``), which
    the feedback template shows under the test's score.
    """

    summary = Unicode("", help="Markdown text of the summary.").tag(config=True)
    messages = Dict(
        value_trait=Unicode(), help="The sentence for each exercise id, shown under its tests."
    ).tag(config=True)
    # nbconvert preprocessors are off unless enabled; nbgrader registers them as they are.
    enabled = Bool(True).tag(config=True)

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        for cell in nb.cells:
            if is_grade(cell) and not is_solution(cell):
                grade_id = cell.metadata.nbgrader.get("grade_id", "")
                message = self.messages.get(exercise_id(grade_id))
                if message:
                    cell.metadata["robocole"] = {"message": message}
        if self.summary:
            nb.cells.insert(0, new_markdown_cell(self.summary))
        return nb, resources


class _CompiledSchema(BaseMetadataValidator):
    """nbgrader's schema check of a cell, with a validator built once per process.

    ``jsonschema.validate`` (nbgrader's call) first checks that the schema itself is valid,
    for every cell: ≈0.5 ms a cell, two thirds of the whole check. jsonschema advises
    building a validator once for many instances; it reports the same error (best_match).
    """

    _validators: ClassVar[dict[int, Any]] = {}

    def _validator(self) -> Any:
        validator = self._validators.get(self.schema_version)
        if validator is None:
            cls = jsonschema.validators.validator_for(self.schema)
            cls.check_schema(self.schema)
            validator = self._validators[self.schema_version] = cls(self.schema)
        return validator

    def validate_cell(self, cell: NotebookNode) -> None:
        # nbgrader's BaseMetadataValidator.validate_cell, with the validator built once.
        if "nbgrader" not in cell.metadata:
            return
        version = cell.metadata["nbgrader"].get("schema_version", 0)
        if version < self.schema_version:
            raise SchemaTooOldError(
                f"Outdated schema version: {version} (expected {self.schema_version})",
                version,
                self.schema_version,
            )
        if version > self.schema_version:
            raise SchemaTooNewError(
                f"Schema version is too new: {version} (expected {self.schema_version})",
                version,
                self.schema_version,
            )
        error = jsonschema.exceptions.best_match(
            self._validator().iter_errors(cell.metadata["nbgrader"])
        )
        if error is not None:
            raise error


class _MetadataValidator(MetadataValidator, _CompiledSchema):  # type: ignore[misc]
    """nbgrader's current metadata validator; its schema check runs on ``_CompiledSchema``."""


class CheckCellMetadataCompiled(CheckCellMetadata):  # type: ignore[misc]
    """nbgrader's CheckCellMetadata, with the JSON schema compiled once per process.

    Every rule is nbgrader's (``MetadataValidator``: schema, grade ids, points, cell types,
    duplicates); only the schema's own check is not repeated for every cell.
    """

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        # nbgrader's CheckCellMetadata.preprocess with our validator.
        try:
            _MetadataValidator().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            msg = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(msg)
            raise ValidationError(msg) from None
        return nb, resources


class SaveAutoGradesAtOnce(SaveAutoGrades):  # type: ignore[misc]
    """nbgrader's SaveAutoGrades, committing a notebook's grades once instead of per cell.

    nbgrader commits after every grade and comment; each commit also expires what the
    session loaded, which the next cell loads again. Here the cells' changes are flushed as
    nbgrader makes them and committed together: a notebook's grades land all at once.
    """

    def preprocess(
        self, nb: NotebookNode, resources: ResourcesDict
    ) -> tuple[NotebookNode, ResourcesDict]:
        # nbgrader's SaveAutoGrades.preprocess, with its per-cell commits made flushes.
        self.notebook_id = resources["nbgrader"]["notebook"]
        self.assignment_id = resources["nbgrader"]["assignment"]
        self.student_id = resources["nbgrader"]["student"]
        self.db_url = resources["nbgrader"]["db_url"]
        self.gradebook = Gradebook(self.db_url)
        with self.gradebook:
            session = self.gradebook.db
            session.commit = session.flush  # this session only, for this notebook
            try:
                nb, resources = NbGraderPreprocessor.preprocess(self, nb, resources)
            finally:
                del session.commit
            session.commit()
        return nb, resources
