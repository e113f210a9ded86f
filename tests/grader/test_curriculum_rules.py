"""An instruction's rule (the regles world) holds under the real grader, in the sandbox."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from grader.course import Course
from grader.pipeline import GradingOptions, grade_submission
from grader.sandbox import SandboxPolicy
from grader.setup import setup_class_course
from tests.grader.helpers import submit_collected

LESSON = "variables-2"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = pytest.importorskip("curriculum.build")
    manifest_module = pytest.importorskip("curriculum.manifest")
    out = tmp_path_factory.mktemp("built")
    build.build_course(manifest_module.load_manifest(), out, ["fr"], [LESSON])
    return out / "fr"


@pytest.mark.parametrize(
    ("answer", "passed"), [("caisse = caisse + 3", True), ("caisse = 13", False)]
)
def test_typing_the_result_in_is_refused_where_the_instruction_forbids_it(
    built: Path, tmp_path: Path, answer: str, passed: bool
) -> None:
    course = Course.for_class(tmp_path / "courses", "C0URSE", tmp_path / "exchange")
    assert setup_class_course(course, built, [LESSON]) == [LESSON]
    notebook = nbformat.read(course.root / "source" / LESSON / f"{LESSON}.ipynb", as_version=4)
    for cell in notebook.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "variables-2-a-solution":
            cell.source = cell.source.replace("caisse = caisse + 3", answer)
    submit_collected(course, "c0urse-01", notebook, lesson=LESSON)
    options = GradingOptions(policy=SandboxPolicy(cell_timeout=5), release_feedback=False)
    result = grade_submission(course, "c0urse-01", LESSON, options)
    assert result.status == "graded"
    first = next(e for e in result.exercises if e.exercise_id == "variables-2-a")
    assert first.passed is passed
    assert all(e.passed for e in result.exercises if e.exercise_id != "variables-2-a")
