"""The shortcuts in nbgrader's checks keep every rule: metadata and gradebook checks.

``CheckCellMetadataCompiled`` builds the JSON-schema validator once instead of for every
cell; ``share_engines`` makes each ``Gradebook()`` look once before checking its tables and
course one by one. Both must refuse, create and report exactly what nbgrader's own do.
"""

from __future__ import annotations

import copy
import multiprocessing
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbgrader.nbgraderformat import SchemaTooNewError, ValidationError
from nbgrader.preprocessors import CheckCellMetadata

from grader.preprocessors import CheckCellMetadataCompiled
from tests.grader.helpers import make_course, release_notebook


def _first_grade_cell(notebook: nbformat.NotebookNode) -> Any:
    return next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade"))


def _points_as_text(notebook: nbformat.NotebookNode) -> None:
    _first_grade_cell(notebook).metadata.nbgrader["points"] = "beaucoup"


def _grade_as_text(notebook: nbformat.NotebookNode) -> None:
    _first_grade_cell(notebook).metadata.nbgrader["grade"] = "oui"


def _no_grade_id(notebook: nbformat.NotebookNode) -> None:
    del _first_grade_cell(notebook).metadata.nbgrader["grade_id"]


def _duplicate_ids(notebook: nbformat.NotebookNode) -> None:
    cells = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id")]
    cells[1].metadata.nbgrader["grade_id"] = cells[0].metadata.nbgrader["grade_id"]


def _too_new(notebook: nbformat.NotebookNode) -> None:
    _first_grade_cell(notebook).metadata.nbgrader["schema_version"] = 99


TAMPERED: list[tuple[Callable[[nbformat.NotebookNode], None], type[Exception]]] = [
    (_points_as_text, ValidationError),
    (_grade_as_text, ValidationError),
    (_no_grade_id, ValidationError),
    (_duplicate_ids, ValidationError),
    (_too_new, SchemaTooNewError),
]


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    return release_notebook(make_course(tmp_path_factory.mktemp("checks"), "CH3CKA"))


def test_a_sound_notebook_passes_both_checks(released: nbformat.NotebookNode) -> None:
    for check in (CheckCellMetadata(), CheckCellMetadataCompiled()):
        check.preprocess(copy.deepcopy(released), {})


@pytest.mark.parametrize(("tamper", "error"), TAMPERED, ids=[t.__name__ for t, _e in TAMPERED])
def test_a_tampered_cell_is_refused_as_nbgrader_refuses_it(
    released: nbformat.NotebookNode,
    tamper: Callable[[nbformat.NotebookNode], None],
    error: type[Exception],
) -> None:
    raised = []
    for check in (CheckCellMetadata(), CheckCellMetadataCompiled()):
        notebook = copy.deepcopy(released)
        tamper(notebook)
        with pytest.raises(error) as caught:
            check.preprocess(notebook, {})
        raised.append(str(caught.value))
    assert raised[0] == raised[1]


def _gradebooks_in_a_worker(folder: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from nbgrader.api import Gradebook

    from grader.gradebook import share_engines

    share_engines()
    new = Path(folder) / "new.db"
    with Gradebook(f"sqlite:///{new}", "robocole-n3wgba") as gradebook:
        gradebook.add_student("n3wgba-01")
    # A table lost since (a gradebook copied from an older nbgrader, say) comes back.
    with sqlite3.connect(new) as db:
        db.execute("DROP TABLE comment")
    with Gradebook(f"sqlite:///{new}", "robocole-n3wgba"):
        pass
    # A second course in the same gradebook is added, as nbgrader adds it.
    with Gradebook(f"sqlite:///{new}", "robocole-s3cond"):
        pass
    with sqlite3.connect(new) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        courses = {row[0] for row in db.execute("SELECT id FROM course")}
    queue.put((tables, courses))


def test_each_gradebook_still_gets_its_tables_and_course(tmp_path: Path) -> None:
    from nbgrader.api import Base

    context = multiprocessing.get_context("fork")  # share_engines changes the process
    queue = context.Queue()
    process = context.Process(target=_gradebooks_in_a_worker, args=(str(tmp_path), queue))
    process.start()
    tables, courses = queue.get(timeout=60)
    process.join(timeout=10)
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables
    assert courses == {"robocole-n3wgba", "robocole-s3cond"}
