"""The build writes nbgrader courses that stock ``nbgrader generate_assignment`` accepts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from curriculum.build import BuildError, build_course
from curriculum.manifest import load_manifest
from robocole.cli import main
from tests.curriculum.conftest import MiniCurriculum


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_the_build_is_deterministic_and_carries_nbgrader_metadata(tmp_path: Path) -> None:
    manifest = load_manifest()
    first = build_course(manifest, tmp_path / "one")
    build_course(manifest, tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len(first) == 2 * len(list(manifest.lessons()))
    lesson = next(manifest.lessons())
    notebook = json.loads(
        (tmp_path / "one" / "fr" / "source" / lesson.id / f"{lesson.id}.ipynb").read_text()
    )
    graded = {
        c["metadata"]["nbgrader"]["grade_id"]: c["metadata"]["nbgrader"]
        for c in notebook["cells"]
        if c["metadata"].get("nbgrader", {}).get("grade")
    }
    assert set(graded) == {e.id for e in lesson.exercises}
    assert all(m["locked"] and m["points"] > 0 for m in graded.values())
    assert notebook["metadata"]["robocole"]["lesson"] == lesson.id
    assert "jupytext" not in notebook["metadata"]


def test_a_removed_lesson_disappears_from_the_next_build(
    mini: MiniCurriculum, tmp_path: Path
) -> None:
    manifest_path = mini.write()
    out = tmp_path / "course"
    build_course(load_manifest(manifest_path), out)
    text = manifest_path.read_text(encoding="utf-8")
    manifest_path.write_text(
        text.replace('requires = ["calcul-1"]', "requires = []")
        .replace('id = "calcul-2"', 'id = "calcul-3"')
        .replace("calcul-2-a", "calcul-3-a"),
        encoding="utf-8",
    )
    (mini.root / "lessons" / "calcul-2").rename(mini.root / "lessons" / "calcul-3")
    for language in ("fr", "en"):
        path = mini.root / "lessons" / "calcul-3" / f"{language}.py"
        path.write_text(
            path.read_text(encoding="utf-8").replace("calcul-2-a", "calcul-3-a"), encoding="utf-8"
        )
    build_course(load_manifest(manifest_path), out)
    assert sorted(p.name for p in (out / "fr" / "source").iterdir()) == ["calcul-1", "calcul-3"]


def test_a_broken_lesson_stops_the_build_with_its_place(
    mini: MiniCurriculum, tmp_path: Path
) -> None:
    mini.languages = ("fr",)
    with pytest.raises(BuildError, match=r"calcul-1 \(en\)"):
        build_course(load_manifest(mini.write()), tmp_path / "course")


STUB = {"fr": "# Écris ton programme ici", "en": "# Write your program here"}


def nbgrader(*runs: tuple[Path, list[str]]) -> None:
    """Run stock ``nbgrader`` in course folders, all at once (it needs alembic on PATH)."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    processes = [
        subprocess.Popen(
            [str(bin_dir / "nbgrader"), *args],
            cwd=course,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for course, args in runs
    ]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err[-2000:]


@pytest.fixture(scope="module")
def released_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every lesson in both languages, built by the CLI and released by stock nbgrader."""
    out = tmp_path_factory.mktemp("course")
    assert main(["curriculum", "build", str(out)]) == 0
    nbgrader(*((out / language, ["generate_assignment", "*"]) for language in STUB))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("language", ["fr", "en"])
def test_stock_nbgrader_generates_every_lesson(released_course: Path, language: str) -> None:
    course = released_course / language
    for lesson in load_manifest().lessons():
        released = (course / "release" / lesson.id / f"{lesson.id}.ipynb").read_text(
            encoding="utf-8"
        )
        assert "BEGIN SOLUTION" not in released
        assert released.count(STUB[language]) >= len(lesson.exercises)
    # The character of the first unit comes with its picture.
    assert (course / "release" / "sequences-1" / "images" / "pixel.svg").is_file()


def _answered(released: dict, source: dict) -> dict:
    """The pupil's notebook with the reference answers typed in (markers removed)."""
    answers = {
        c["metadata"]["nbgrader"]["grade_id"]: c["source"]
        for c in source["cells"]
        if c["metadata"].get("nbgrader", {}).get("solution")
    }
    for cell in released["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            lines = "".join(answers[grade_id]).splitlines(keepends=True)
            cell["source"] = "".join(line for line in lines if "### " not in line)
    return released


@pytest.mark.slow
def test_stock_nbgrader_autogrades_a_lesson_full_marks_and_zero(released_course: Path) -> None:
    french_course = released_course / "fr"
    lesson = "fonctions-2"
    released = json.loads((french_course / "release" / lesson / f"{lesson}.ipynb").read_text())
    source = json.loads((french_course / "source" / lesson / f"{lesson}.ipynb").read_text())
    answered = _answered(json.loads(json.dumps(released)), source)
    for pupil, notebook in (("ada", answered), ("bob", released)):
        folder = french_course / "submitted" / pupil / lesson
        folder.mkdir(parents=True)
        (folder / f"{lesson}.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    nbgrader((french_course, ["autograde", lesson, "--create"]))

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{french_course / 'gradebook.db'}") as gradebook:
        ada = gradebook.find_submission(lesson, "ada")
        bob = gradebook.find_submission(lesson, "bob")
        assert ada.max_score == 9  # 1 + 2 + 3, and 3 for the open task fonctions-2-d
        assert ada.score == ada.max_score
        assert bob.score == 0
    graded = (french_course / "autograded" / "bob" / lesson / f"{lesson}.ipynb").read_text(
        encoding="utf-8"
    )
    assert "Il n'y a pas encore de fonction deux_fois." in graded


def test_each_kind_of_cell_gets_its_nbgrader_role(mini: MiniCurriculum, tmp_path: Path) -> None:
    mini.lesson_texts["fr"] = mini.lesson_texts["fr"].replace(
        "# %% solution=", "# %% free=true\nprint(2 + 3)\n\n# %%\ndepart = 0\n\n# %% solution="
    )
    build_course(load_manifest(mini.write()), tmp_path, ["fr"], ["calcul-1"])
    notebook = json.loads((tmp_path / "fr" / "source" / "calcul-1" / "calcul-1.ipynb").read_text())
    roles = [
        (cell["cell_type"], cell["id"], cell["metadata"].get("nbgrader", {}).get("locked"))
        for cell in notebook["cells"]
    ]
    assert roles == [
        ("markdown", "calcul-1-instructions-1", True),
        ("markdown", "calcul-1-a-hints", True),
        ("code", "calcul-1-free-1", None),
        ("code", "calcul-1-setup-1", True),
        ("code", "calcul-1-a-solution", False),
        ("code", "calcul-1-a", True),
    ]
    hints = "".join(notebook["cells"][1]["source"])
    assert hints.count("<details>") == 2 and "💡 Indice 2" in hints
    assert notebook["cells"][-1]["metadata"]["nbgrader"]["points"] == 1
