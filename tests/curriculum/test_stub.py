"""A lesson generated from a teacher's formgrader gets the curriculum's answer stub, in the
course's language, as the lessons the grader generates do (``nbgrader_config.py`` built)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from curriculum.build import build_course
from curriculum.lesson import course_language
from curriculum.manifest import load_manifest

COURSE_CONFIG = Path(__file__).parents[2] / "hub_config" / "singleuser" / "course"
LESSON = "sequences-1"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    build_course(load_manifest(), out, lessons=[LESSON])
    return out


def test_a_course_s_language_is_its_lessons(built: Path, tmp_path: Path) -> None:
    assert course_language(built / "en") == "en"
    assert course_language(built / "fr") == "fr"
    assert course_language(tmp_path) == "fr"  # no lesson yet: the platform's default


@pytest.mark.parametrize(
    ("language", "stub"), [("en", "# Write your program here"), ("fr", "# Écris ton programme ici")]
)
def test_the_formgrader_s_generate_writes_the_curriculum_s_stub(
    built: Path, tmp_path: Path, language: str, stub: str
) -> None:
    # A class's course as the teacher's formgrader server sees it: no nbgrader_config.py of
    # its own, the course server's configuration on JUPYTER_CONFIG_PATH.
    root = tmp_path / "course"
    shutil.copytree(built / language / "source", root / "source")
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "JUPYTER_CONFIG_PATH": str(COURSE_CONFIG),
        "ROBOCOLE_COURSE_ID": "robocole-st0bee",
        "ROBOCOLE_COURSE_ROOT": str(root),
    }
    ran = subprocess.run(
        [str(bin_dir / "nbgrader"), "generate_assignment", LESSON],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    released = (root / "release" / LESSON / f"{LESSON}.ipynb").read_text(encoding="utf-8")
    assert stub in released
    assert "NotImplementedError" not in released
