"""``robocole curriculum``: the report a teacher reads, its exit codes, and its French."""

from __future__ import annotations

from pathlib import Path

import pytest

from robocole.cli import main
from robocole.i18n import missing_translations, set_language
from tests.curriculum.conftest import MiniCurriculum


def test_check_reports_each_fault_with_its_place_and_fails(
    mini: MiniCurriculum, capsys: pytest.CaptureFixture[str]
) -> None:
    mini.answer = "2 + 2"
    status = main(["curriculum", "check", "--manifest", str(mini.write()), "--lesson", "calcul-1"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "✗ calcul-1 · fr · cell 4 (tests of calcul-1-a): The reference solution fails" in out
    assert "1 lessons, 1 exercises, 0 badges, 4 notebooks run" in out
    assert "2 faults to fix." in err


def test_check_passes_on_a_good_curriculum(
    mini: MiniCurriculum, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["curriculum", "check", "--manifest", str(mini.write()), "--no-run"]) == 0
    assert "✓ The curriculum is ready." in capsys.readouterr().out


def test_the_report_speaks_french_by_default(
    mini: MiniCurriculum, capsys: pytest.CaptureFixture[str]
) -> None:
    set_language("fr")
    mini.badge_image = False
    assert main(["curriculum", "check", "--manifest", str(mini.write()), "--no-run"]) == 1
    out, err = capsys.readouterr()
    assert "✗ badge as-du-calcul : L'image badges/calcul.svg est introuvable." in out
    assert "1 problème à corriger." in err


def test_build_writes_the_chosen_language_and_lesson(
    mini: MiniCurriculum, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = mini.write()
    args = ["--manifest", str(manifest), "--language", "en", "--lesson", "calcul-2"]
    assert main(["curriculum", "build", str(tmp_path / "out"), *args]) == 0
    assert "1 notebook written" in capsys.readouterr().out
    assert [
        p.relative_to(tmp_path / "out").as_posix()
        for p in sorted((tmp_path / "out").rglob("*.ipynb"))
    ] == ["en/source/calcul-2/calcul-2.ipynb"]
    config = (tmp_path / "out" / "en" / "nbgrader_config.py").read_text(encoding="utf-8")
    assert "c.CourseDirectory.course_id = 'mini-en'" in config
    assert "# Write your program here" in config


def test_build_stops_with_one_sentence_on_a_broken_lesson(
    mini: MiniCurriculum, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mini.languages = ("fr",)
    assert main(["curriculum", "build", str(tmp_path), "--manifest", str(mini.write())]) == 2
    assert (
        "robocole curriculum: calcul-1 (en): The en version is missing" in capsys.readouterr().err
    )


def test_every_string_of_the_tooling_has_a_french_translation() -> None:
    assert missing_translations("curriculum") == []


@pytest.mark.parametrize("jobs", ["0", "-2", "two"])
def test_check_refuses_a_silly_number_of_kernels(
    jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["curriculum", "check", "--jobs", jobs])
    assert stopped.value.code == 2
    assert "at least 1" in capsys.readouterr().err
