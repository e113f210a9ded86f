"""An answer built with blocks is graded as any other: nbgrader reads the cell's Python, and
the blocks kept beside it in the cell's metadata (``robocole.blocks``) change nothing."""

from __future__ import annotations

from pathlib import Path

import nbformat

from curriculum import blocks
from grader.pipeline import GradingOptions, grade_submission
from grader.sandbox import SandboxPolicy
from tests.grader.helpers import CORRECT, LESSON, answered, make_course, submit_collected


def with_blocks(notebook: nbformat.NotebookNode) -> None:
    """What the lesson view writes beside a block answer: its settings and its workspace."""
    workspace = blocks.to_workspace("for i in range(3):\n    avance()", ["avance", "repeter"], "fr")
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.metadata["robocole"] = {
                "blocks": {
                    "toolbox": ["avance", "repeter"],
                    "before": "",
                    "after": "",
                    "indent": "",
                    "workspace": workspace,
                    "mode": "texte",
                }
            }


def test_a_block_answer_is_graded_from_its_python(tmp_path: Path) -> None:
    course = make_course(tmp_path / "courses", "BL0CKS")
    submit_collected(course, "bl0cks-01", answered(course, CORRECT, change=with_blocks))
    options = GradingOptions(policy=SandboxPolicy(cell_timeout=5), protections=("test",))
    result = grade_submission(course, "bl0cks-01", LESSON, options)
    assert [e.passed for e in result.exercises] == [True, True, True], result.exercises
    assert result.status == "graded" and not result.flags
    assert all(e.points == e.max_points > 0 for e in result.exercises)
