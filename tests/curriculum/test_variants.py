"""The check proves each test: declared wrong answers must fail, right variants must pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from curriculum.check import check_curriculum
from curriculum.lesson import SourceCell
from curriculum.manifest import load_manifest
from curriculum.variants import answer_cell_text
from tests.curriculum.conftest import MiniCurriculum

SHIPPED = Path(load_manifest().root or ".")


def with_variants(mini: MiniCurriculum, cells: str) -> None:
    """Add ``cells`` (wrong=/right= cells) after the tests of calcul-1-a and calcul-2-a."""
    for language, text in mini.lesson_texts.items():
        mini.lesson_texts[language] = text + "\n" + cells.replace("EXERCISE", "{exercise}")


def test_declared_answers_are_tried_and_counted(mini: MiniCurriculum) -> None:
    with_variants(
        mini,
        '# %% wrong="EXERCISE"\ntotal = 2 + 2\n# ---\ntotal = 6\n\n'
        '# %% right="EXERCISE"\ntotal = 3 + 2\n',
    )
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert [str(f) for f in report.faults] == []
    # Two wrong answers and one variant, in French and in English, in one notebook each.
    assert report.tried == {"calcul-1": [4, 2]}
    assert report.notebooks_run == 4 + 2


def test_a_wrong_answer_that_passes_is_caught(mini: MiniCurriculum) -> None:
    # The test checks only the value: typing the result in passes, so the check says so.
    with_variants(mini, '# %% wrong="EXERCISE"\ntotal = 4\n# ---\ntotal = 5\n')
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert {(f.language, f.cell, f.message) for f in report.faults} == {
        (
            language,
            "cell 6 (wrong answers of calcul-1-a)",
            "This wrong answer passes the tests: total = 5",
        )
        for language in ("fr", "en")
    }


def test_a_right_answer_the_tests_refuse_is_caught(mini: MiniCurriculum) -> None:
    with_variants(mini, '# %% right="EXERCISE"\ntotal = 5.0\n# ---\ntotal = "5"\n')
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert len(report.faults) == 2
    assert all(
        f.message.startswith("The tests refuse this right answer (AssertionError: ")
        and f.message.endswith(': total = "5"')
        for f in report.faults
    )


def test_a_wrong_answer_refused_by_a_crash_instead_of_a_sentence_is_caught(
    mini: MiniCurriculum,
) -> None:
    mini.tests = {
        "fr": 'assert "total" in globals(), "Range le nombre dans total."\n'
        'assert total + 0 == 5, f"La boîte total contient {total}, mais on attendait 5."',
        "en": 'assert "total" in globals(), "Put the number in total."\n'
        'assert total + 0 == 5, f"The box total holds {total}, but 2 + 3 makes 5."',
    }
    with_variants(mini, '# %% wrong="EXERCISE"\ntotal = "2 + 3"\n')
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert len(report.faults) == 2
    assert all(
        "instead of a sentence" in f.message and "TypeError" in f.message for f in report.faults
    )


def test_a_wrong_answer_that_stops_on_its_own_error_is_fine(mini: MiniCurriculum) -> None:
    with_variants(mini, '# %% wrong="EXERCISE"\ntotal = 2 + trois\n')
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert report.faults == []


def test_answers_are_split_on_separator_lines_and_indented_like_the_answer() -> None:
    cell = SourceCell(
        0, "wrong", "code", "a = 1\n# ---\n\n# ---\nfor i in range(2):\n    b()\n", "x"
    )
    assert cell.answers() == ["a = 1", "for i in range(2):\n    b()"]
    solution = (
        'def programme():\n    """Robi."""\n    ### BEGIN SOLUTION\n    avance(1)\n'
        "    ### END SOLUTION\nmontrer(programme)"
    )
    assert answer_cell_text(solution, "for i in range(2):\n    recule(1)") == (
        'def programme():\n    """Robi."""\n    for i in range(2):\n        recule(1)\n'
        "montrer(programme)"
    )


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED, tmp_path / "content")
    return tmp_path / "content"


def test_a_rule_of_the_instructions_is_checked_on_the_childs_code(shipped_copy: Path) -> None:
    # variables-2 says "not by writing 13": the value alone would accept caisse = 13.
    report = check_curriculum(shipped_copy / "manifest.toml", lessons=["variables-2"])
    assert report.faults == []
    assert report.tried["variables-2"][0] >= 6
    for language, call in (("fr", "regles("), ("en", "rules(")):
        lesson = shipped_copy / "lessons" / "variables-2" / f"{language}.py"
        text = lesson.read_text(encoding="utf-8")
        kept = [line for line in text.split("\n") if not line.startswith(call)]
        lesson.write_text("\n".join(kept), encoding="utf-8")
    report = check_curriculum(shipped_copy / "manifest.toml", lessons=["variables-2"])
    passing = {
        (f.language, f.message.split(": ", 1)[1])
        for f in report.faults
        if "wrong answer passes" in f.message
    }
    assert ("fr", "caisse = 13") in passing and ("en", "till = 13") in passing


def as_fix(mini: MiniCurriculum, bug: str, fix: str) -> None:
    """calcul-1-a becomes "predict then fix": the pupil receives ``bug``; ``fix`` is right."""
    for language, text in mini.lesson_texts.items():
        text = text.replace('# %% solution="{exercise}"', '# %% solution="{exercise}" fix=true')
        text = text.replace(
            "### BEGIN SOLUTION\ntotal = {answer}\n### END SOLUTION",
            f"### BEGIN SOLUTION\n### END SOLUTION\n{bug}",
        )
        mini.lesson_texts[language] = text + (
            f'\n# %% right="{{exercise}}"\n{fix}\n' if fix else ""
        )


def test_a_predict_then_fix_exercise_gives_the_pupil_the_bug(mini: MiniCurriculum) -> None:
    as_fix(mini, "total = 2 + 2", "total = 2 + 3")
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert [str(f) for f in report.faults] == []
    assert report.tried == {"calcul-1": [0, 2]}
    manifest = load_manifest(mini.manifest)
    from curriculum.lesson import build_notebook, read_source, release_notebook

    source = read_source(manifest, manifest.lesson("calcul-1"), "fr")
    released = release_notebook(build_notebook(manifest, source), "fr")
    answer = next(c for c in released.cells if c.id == "calcul-1-a-solution")
    assert answer.source == "# Écris ton programme ici\ntotal = 2 + 2"


@pytest.mark.parametrize(
    ("bug", "fix", "expected"),
    [
        ("total = 2 + 3", "total = 3 + 2", "The bug does not show"),
        ("total = 2 + 2", "", "A fix=true exercise needs its fix in a right= cell."),
    ],
)
def test_a_bug_that_does_not_show_or_has_no_fix_is_caught(
    mini: MiniCurriculum, bug: str, fix: str, expected: str
) -> None:
    as_fix(mini, bug, fix)
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    assert {f.language for f in report.faults if expected in f.message} == {"fr", "en"}


def test_pixel_says_that_a_name_without_brackets_does_nothing(tmp_path: Path) -> None:
    # Python says nothing about a bare "droite": Pixel's sentence names the line and the fix.
    import copy

    from curriculum.lesson import build_notebook, read_source
    from curriculum.runner import Job, run_jobs

    manifest = load_manifest()
    source = read_source(manifest, manifest.lesson("sequences-1"), "fr")
    notebook = build_notebook(manifest, source)
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in notebook.cells]
    answer, tests = ids.index("sequences-1-a-solution"), ids.index("sequences-1-a")
    trial = copy.deepcopy(notebook)
    trial.cells = trial.cells[: tests + 1]
    trial.cells[answer].source = answer_cell_text(trial.cells[answer].source, "droite()\ndroite")
    outcome = run_jobs([Job("pixel", (trial,), tmp_path)])["pixel"]
    assert not isinstance(outcome, BaseException)
    error = next(run.error for run in outcome[0] if run.index == tests)
    assert error.startswith("AssertionError: Pixel n'est pas encore sur le trésor")
    assert "Ligne 3 : « droite » sans parenthèses ne fait rien, écris droite()." in error


def test_a_variant_does_not_see_what_the_one_before_defined(mini: MiniCurriculum) -> None:
    # The first right answer defines a helper; the wrong one after it must not find it.
    with_variants(
        mini,
        '# %% right="EXERCISE"\ndef aide():\n    return 5\ntotal = aide()\n\n'
        '# %% wrong="EXERCISE"\ntotal = aide()\n',
    )
    report = check_curriculum(mini.write(), lessons=["calcul-1"])
    # The wrong answer stops on its own NameError (fine); had it seen aide(), it would pass.
    assert [str(f) for f in report.faults] == []
    assert report.tried == {"calcul-1": [2, 2]}
