"""The grading call works where it is meant to: in a real Jupyter kernel, in a test cell."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

SOLUTION = """def mon_programme():
    for i in range(4):
        avancer(25)
        tourner(90)
"""
WRONG = """def mon_programme():
    avancer(300)
"""
TEST_CELL = 'from robot_firmware.sim import verifier\nverifier(mon_programme, "carre")'
SHOW_CELL = 'from robot_firmware.sim import montrer\nmontrer(mon_programme, "carre")'


def run(cells: list[str]) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(notebook, timeout=60, kernel_name="python3").execute()
    return notebook


@pytest.mark.slow
def test_a_test_cell_passes_a_good_program_and_the_animation_displays() -> None:
    notebook = run([SOLUTION, TEST_CELL, SHOW_CELL])
    assert notebook.cells[1].outputs[0]["text"].strip() == "Bravo ! Ton robot a dessiné un carré."
    html = notebook.cells[2].outputs[0]["data"]["text/html"]
    assert "<svg" in html and "Rejouer" in html


@pytest.mark.slow
def test_a_test_cell_fails_a_wrong_program_with_the_kind_sentence() -> None:
    with pytest.raises(CellExecutionError) as failure:
        run([WRONG, TEST_CELL])
    assert "Ton robot a touché le mur avant son premier virage." in str(failure.value)
