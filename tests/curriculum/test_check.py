"""The check catches each kind of fault, and names the lesson and the cell at fault."""

from __future__ import annotations

import jupytext
import pytest

from curriculum.check import CheckReport, check_curriculum
from tests.curriculum.conftest import MiniCurriculum


def messages(report: CheckReport) -> list[str]:
    return [str(fault) for fault in report.faults]


def test_a_good_curriculum_passes_for_real_in_kernels(mini: MiniCurriculum) -> None:
    report = check_curriculum(mini.write())
    assert messages(report) == []
    assert (report.lessons, report.exercises, report.badges) == (2, 2, 1)
    # Two lessons × two languages × (solution + pupil version) ran in a kernel.
    assert report.notebooks_run == 8


def test_a_vacuous_test_is_caught(mini: MiniCurriculum) -> None:
    mini.tests = {
        "fr": 'assert 2 + 3 == 5, "Deux plus trois font bien cinq, bravo."',
        "en": 'assert 2 + 3 == 5, "Two plus three is indeed five, well done."',
    }
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    faults = [f for f in report.faults if "Vacuous test" in f.message]
    assert {(f.lesson, f.language) for f in faults} == {("calcul-1", "fr"), ("calcul-1", "en")}
    assert all(f.cell == "cell 4 (tests of calcul-1-a)" for f in faults)


def test_a_failing_solution_is_caught_with_the_childs_message(mini: MiniCurriculum) -> None:
    mini.answer = "2 + 2"
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert (
        "calcul-1 · fr · cell 4 (tests of calcul-1-a): The reference solution fails this test: "
        "AssertionError: La boîte total contient 4, mais on attendait 5 pour 2 + 3."
        in messages(report)
    )
    assert len(report.faults) == 2  # French and English


def test_a_solution_that_loops_forever_is_reported_not_waited_for(mini: MiniCurriculum) -> None:
    mini.answer = "5\nwhile True:\n    pass"
    report = check_curriculum(mini.write(), lessons=["calcul-1"], cell_timeout=2)
    stuck = [f for f in report.faults if "too long" in f.message]
    assert {f.language for f in stuck} == {"fr", "en"}
    assert all(f.cell == "cell 3 (solution of calcul-1-a)" for f in stuck)


def test_a_missing_translation_is_caught(mini: MiniCurriculum) -> None:
    mini.languages = ("fr",)
    report = check_curriculum(mini.write(), run=False)
    assert "calcul-1 · en: The en version is missing: write lessons/calcul-1/en.py." in messages(
        report
    )


def test_an_untranslated_copy_is_caught(mini: MiniCurriculum) -> None:
    mini.lesson_texts = {"fr": mini.lesson_texts["fr"], "en": mini.lesson_texts["fr"]}
    mini.tests = {"fr": mini.tests["fr"], "en": mini.tests["fr"]}
    report = check_curriculum(mini.write(), run=False)
    copied = [f for f in report.faults if f.language == "en" and "translate it" in f.message]
    cells = {f.cell for f in copied if f.lesson == "calcul-1"}
    assert cells == {
        "cell 1 (instructions)",
        "cell 2 (hints of calcul-1-a)",
        "cell 4 (tests of calcul-1-a)",
    }


def test_a_prerequisite_cycle_is_caught(mini: MiniCurriculum) -> None:
    mini.requires = '["calcul-2"]'
    report = check_curriculum(mini.write(), run=False)
    assert len(report.faults) == 1
    assert "calcul-1 → calcul-2 → calcul-1" in report.faults[0].message


def test_an_unreachable_badge_is_caught(mini: MiniCurriculum) -> None:
    mini.rule = '{ type = "exercises_passed", concept = "variable", min = 3 }'
    report = check_curriculum(mini.write(), run=False)
    assert messages(report) == [
        "badge as-du-calcul: Nobody can earn this badge: "
        "its rule asks for 3 exercises and selects 2."
    ]


def test_a_missing_badge_image_is_caught(mini: MiniCurriculum) -> None:
    mini.badge_image = False
    report = check_curriculum(mini.write(), run=False)
    assert messages(report) == ["badge as-du-calcul: The image badges/calcul.svg is missing."]


def test_a_badge_image_that_loads_the_internet_is_caught(mini: MiniCurriculum) -> None:
    manifest = mini.write()
    (mini.root / "badges" / "calcul.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="https://example.org/a.png"/></svg>',
        encoding="utf-8",
    )
    report = check_curriculum(manifest, run=False)
    assert ["keep badges self-contained" in m for m in messages(report)] == [True]


def test_a_missing_lesson_image_is_caught_and_a_present_one_is_copied(mini: MiniCurriculum) -> None:
    mini.lesson_image = "images/fruits.svg"
    report = check_curriculum(mini.write(), run=False)
    assert (
        "calcul-1 · fr · cell 1 (instructions): The image images/fruits.svg is missing."
        in messages(report)
    )
    for lesson in ("calcul-1", "calcul-2"):
        (mini.root / "lessons" / lesson / "images").mkdir()
        (mini.root / "lessons" / lesson / "images" / "fruits.svg").write_text(
            "<svg/>", encoding="utf-8"
        )
    assert check_curriculum(mini.manifest, run=False).ok


@pytest.mark.parametrize(
    ("test", "expected"),
    [
        (
            "assert total == 5",
            "Line 1: an assert without a message shows the child a bare AssertionError",
        ),
        ("total", "A tests cell must check something"),
        ("assert total ==", "Python cannot read this cell"),
    ],
)
def test_tests_must_speak_to_the_child(mini: MiniCurriculum, test: str, expected: str) -> None:
    mini.tests = {"fr": test, "en": test}
    report = check_curriculum(mini.write(), lessons=["calcul-1"], run=False)
    assert any(
        expected in m and "calcul-1 · fr · cell 4 (tests of calcul-1-a)" in m
        for m in messages(report)
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '# %% [markdown] hints="{exercise}"\n# 1. Utilise',
            "# %% [markdown]\n# 1. Utilise",
            "has no hints",
        ),
        ("### BEGIN SOLUTION\n", "", "Mark the answer with ### BEGIN SOLUTION"),
        ("points=1", "points=0", "needs points=N"),
        (
            'tests="{exercise}"',
            'tests="calcul-9-z"',
            "The exercise calcul-9-z is not in the manifest.",
        ),
        ('solution="{exercise}"', 'solution="{exercise}" tests="{exercise}"', "A cell has one job"),
        ("# 2. Écris", "# 2. Écris\n# 3. a\n# 4. b", "Write from 1 to 3 numbered hints"),
        ('tests="{exercise}"', 'tset="{exercise}"', "Unknown cell option tset"),
    ],
)
def test_lesson_format_faults(mini: MiniCurriculum, old: str, new: str, expected: str) -> None:
    assert old in mini.lesson_texts["fr"]
    mini.lesson_texts["fr"] = mini.lesson_texts["fr"].replace(old, new)
    report = check_curriculum(mini.write(), run=False)
    assert any(f.language == "fr" and expected in f.message for f in report.faults), messages(
        report
    )


def test_different_points_in_the_translation_are_caught(mini: MiniCurriculum) -> None:
    mini.lesson_texts["en"] = mini.lesson_texts["en"].replace("points=1", "points=2")
    report = check_curriculum(mini.write(), run=False)
    assert "calcul-1 · en: Exercise calcul-1-a has other points than in fr." in messages(report)


def test_an_unknown_lesson_is_reported(mini: MiniCurriculum) -> None:
    report = check_curriculum(mini.write(), lessons=["nope"], run=False)
    assert messages(report) == ["nope: This lesson is not in the manifest."]


def test_an_untranslated_manifest_text_is_caught(mini: MiniCurriculum) -> None:
    mini.story = "Momo compte ses fruits."
    report = check_curriculum(mini.write(), run=False)
    assert messages(report) == [
        "calcul · en: 'story' is the same in French and English: translate it."
    ]


def test_a_lesson_may_be_written_in_jupytext_markdown(mini: MiniCurriculum) -> None:
    manifest = mini.write()
    for language in ("fr", "en"):
        python = mini.root / "lessons" / "calcul-1" / f"{language}.py"
        notebook = jupytext.read(python)
        jupytext.write(notebook, python.with_suffix(".md"), fmt="md")
        python.unlink()
    markdown = (mini.root / "lessons" / "calcul-1" / "fr.md").read_text(encoding="utf-8")
    assert 'solution="calcul-1-a"' in markdown
    report = check_curriculum(manifest, lessons=["calcul-1"])
    assert messages(report) == []
    assert report.notebooks_run == 4


def test_a_test_that_crashes_in_the_pupils_version_is_caught(mini: MiniCurriculum) -> None:
    # Without the globals() check first, a child who wrote nothing yet reads a NameError.
    mini.tests = {language: test.split("\n")[1] for language, test in mini.tests.items()}
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert {(f.language, f.cell) for f in report.faults} == {
        ("fr", "cell 4 (tests of calcul-1-a)"),
        ("en", "cell 4 (tests of calcul-1-a)"),
    }
    assert all(
        "stops on NameError: name 'total' is not defined" in f.message for f in report.faults
    )
