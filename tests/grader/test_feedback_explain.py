"""The grader's sentence for an error in the pupil's answer: the shared explainer's, with
the line in the answer cell and the lesson's own names for "Voulais-tu écrire…"."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from grader.feedback import outcomes


def _cell(source: str, **nbgrader: object) -> nbformat.NotebookNode:
    cell = new_code_cell(source)
    if nbgrader:
        cell.metadata["nbgrader"] = {"schema_version": 3, "locked": False, **nbgrader}
    return cell


def test_a_misspelt_world_word_gets_its_line_and_the_word_meant() -> None:
    notebook = new_notebook(
        cells=[
            _cell("def droite():\n    pass\n\ndef peins():\n    pass\n"),  # the world
            _cell(
                "droite()\ndroit()\n",
                grade=False,
                solution=True,
                grade_id="pixel-a-solution",
            ),
            _cell(
                "assert False, 'Pixel n’est pas sur le trésor.'",
                grade=True,
                solution=False,
                grade_id="pixel-a",
                points=1,
            ),
        ]
    )
    NotebookClient(notebook, allow_errors=True, timeout=30, kernel_name="python3").execute()
    (outcome,) = outcomes(notebook.cells, {"pixel-a": (0.0, 1.0)})
    assert outcome.message == (
        "Ligne 2 : le nom « droit » est inconnu. Vérifie l'orthographe. Voulais-tu écrire "
        "« droite » ?"
    )
