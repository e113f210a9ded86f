"""A class course made from the real curriculum build, graded in the sandbox."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from grader.course import Course
from grader.pipeline import GradingOptions, grade_submission
from grader.sandbox import SandboxPolicy
from grader.setup import setup_class_course
from tests.grader.helpers import submit_collected

LESSON = "sequences-1"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    build = pytest.importorskip("curriculum.build")
    manifest_module = pytest.importorskip("curriculum.manifest")
    out = tmp_path_factory.mktemp("built")
    build.build_course(manifest_module.load_manifest(), out, ["fr"], [LESSON])
    return out / "fr"


def test_a_class_course_grades_a_curriculum_lesson(built: Path, tmp_path: Path) -> None:
    course = Course.for_class(tmp_path / "courses", "C0URSE", tmp_path / "exchange")
    assert setup_class_course(course, built, [LESSON]) == [LESSON]
    assert (tmp_path / "exchange" / course.id / "outbound" / LESSON).is_dir()
    # The teacher's notebook, solutions in place, is a pupil who solved everything.
    source = nbformat.read(course.root / "source" / LESSON / f"{LESSON}.ipynb", as_version=4)
    folder = submit_collected(course, "c0urse-01", source, lesson=LESSON)
    # …submitted with the lesson's own files, as a pupil's folder holds them.
    images = course.root / "release" / LESSON / "images"
    if images.is_dir():
        shutil.copytree(images, folder / "images")
    options = GradingOptions(policy=SandboxPolicy(cell_timeout=5), release_feedback=False)
    result = grade_submission(course, "c0urse-01", LESSON, options)
    assert result.status == "graded"
    assert result.exercises and all(e.passed for e in result.exercises), result.exercises
    assert all(e.exercise_id.startswith(f"{LESSON}-") for e in result.exercises)


def test_an_unbuilt_lesson_is_a_sentence(built: Path, tmp_path: Path) -> None:
    from grader.errors import GraderError

    course = Course.for_class(tmp_path / "courses", "C0URSE")
    with pytest.raises(GraderError, match="robocole curriculum build"):
        setup_class_course(course, built, ["nope-1"])


@pytest.mark.parametrize("lesson", ["robot-4", "robot-6"])
def test_a_robot_lesson_passes_its_sealed_tests_with_the_simulator(
    tmp_path: Path, lesson: str
) -> None:
    """The simulator under sealed tests: it runs in the test's own thread, with its
    watcher thread, reads frames to skip loops' rounds, under the audit hook and the
    seccomp filter; the answer key still passes every test, and nothing is flagged."""
    build = pytest.importorskip("curriculum.build")
    manifest_module = pytest.importorskip("curriculum.manifest")
    build.build_course(manifest_module.load_manifest(), tmp_path / "built", ["fr"], [lesson])
    course = Course.for_class(tmp_path / "courses", "R0B0TS", tmp_path / "exchange")
    setup_class_course(course, tmp_path / "built" / "fr", [lesson])
    source = nbformat.read(course.root / "source" / lesson / f"{lesson}.ipynb", as_version=4)
    folder = submit_collected(course, "r0b0ts-01", source, lesson=lesson)
    for extra in (course.root / "release" / lesson).iterdir():
        if extra.is_dir():
            shutil.copytree(extra, folder / extra.name)
    # The grader's own policy, as `robocole up` runs it: the simulator is found in the
    # sandbox whether installed from a wheel or from this checkout (an editable install).
    policy = SandboxPolicy(cell_timeout=5)
    result = grade_submission(
        course, "r0b0ts-01", lesson, GradingOptions(policy=policy, release_feedback=False)
    )
    assert result.flags == ()
    assert result.exercises and all(e.passed for e in result.exercises), result.exercises
