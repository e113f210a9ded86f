"""Every bad input of issue 4 is graded, with a clear French message, and the grader goes on.

All attack submissions are graded in one run of the worker pool (as a class would be), then
each test checks one outcome.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest

from grader.course import Course
from grader.pipeline import GradeResult, GradingOptions, WorkerPool
from grader.sandbox import SandboxPolicy
from tests.grader.helpers import (
    CORRECT,
    LESSON,
    answered,
    make_course,
    submit_collected,
    wait_until,
)

SECRET_TOKEN = "token-that-must-not-leak"


def with_a(code: str) -> dict[str, str]:
    return {**CORRECT, "robot-1-a-reponse": code}


def drop_test(grade_id: str) -> Callable[[nbformat.NotebookNode], None]:
    def change(notebook: nbformat.NotebookNode) -> None:
        notebook.cells = [
            c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id
        ]

    return change


def weaken_test(notebook: nbformat.NotebookNode) -> None:
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "robot-1-a":
            cell.source = "assert True"


def no_cells(notebook: nbformat.NotebookNode) -> None:
    notebook.cells = []


def alien_kernel(notebook: nbformat.NotebookNode) -> None:
    notebook.metadata["kernelspec"] = {"name": "klingon", "display_name": "?", "language": "?"}


def cases(course: Course) -> dict[str, object]:
    answer_key = course.root / "source" / LESSON / f"{LESSON}.ipynb"
    other_pupil = course.submitted("t3staa-30", LESSON) / f"{LESSON}.ipynb"
    return {
        "t3staa-01": answered(course, with_a("while True:\n    pass")),
        "t3staa-02": answered(course, with_a("import time\ntime.sleep(10**6)")),
        "t3staa-03": answered(course, with_a("x = bytearray(4 * 1024**3)")),
        "t3staa-04": answered(course, with_a("import os\nwhile True:\n    os.fork()")),
        "t3staa-05": answered(
            course, with_a("import socket\nsocket.create_connection(('93.184.216.34', 80), 2)")
        ),
        "t3staa-06": answered(
            course,
            with_a(
                "import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                "s.sendto(b'x', ('8.8.8.8', 53))"
            ),
        ),
        "t3staa-07": answered(course, with_a(f"print(open({str(answer_key)!r}).read())")),
        "t3staa-08": answered(course, with_a(f"print(open({str(other_pupil)!r}).read())")),
        "t3staa-09": answered(
            course,
            with_a(
                "with open('gros.bin', 'wb') as f:\n    while True:\n        f.write(b'0' * 2**20)"
            ),
        ),
        "t3staa-10": answered(
            course, with_a("def double(n):\n    return 3 * n"), change=weaken_test
        ),
        "t3staa-11": answered(course, CORRECT, change=drop_test("robot-1-b")),
        "t3staa-12": answered(
            course,
            with_a(
                "class Toujours:\n    def __eq__(self, other):\n        return True\n"
                "def double(n):\n    return Toujours()"
            ),
        ),
        "t3staa-13": b'{"cells": [{"cell_type": "code", "sou',
        "t3staa-14": b"",
        "t3staa-15": answered(course, CORRECT, change=no_cells),
        "t3staa-16": answered(course, CORRECT, change=alien_kernel),
        "t3staa-17": answered(course, with_a("for i in range(10**7):\n    print(i)")),
        "t3staa-18": answered(
            course,
            with_a(
                "import os\nprint('TOKEN', os.environ.get('ROBOCOLE_GRADER_TOKEN'))\n"
                "def double(n):\n    return 2 * n"
            ),
        ),
        "t3staa-30": answered(course, CORRECT),
    }


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return make_course(tmp_path_factory.mktemp("bad-input"))


@pytest.fixture(scope="module")
def graded(course: Course) -> dict[str, GradeResult]:
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("ROBOCOLE_GRADER_TOKEN", SECRET_TOKEN)
    for student, notebook in cases(course).items():
        submit_collected(course, student, notebook)  # type: ignore[arg-type]
    # Short limits keep the test quick; the behaviour is the same as with the defaults.
    policy = SandboxPolicy(cell_timeout=2, notebook_timeout=40)
    options = GradingOptions(policy=policy, protections=("test",), release_feedback=False)
    try:
        with WorkerPool(options, workers=3) as pool:
            jobs = [(course, student, LESSON) for student in sorted(cases(course))]
            return {r.username: r for r in pool.grade_many(jobs)}
    finally:
        monkeypatch.undo()


def outcome(result: GradeResult) -> dict[str, tuple[bool, str]]:
    return {e.exercise_id: (e.passed, e.message) for e in result.exercises}


def autograded_text(course: Course, student: str) -> str:
    return (course.autograded(student, LESSON) / f"{LESSON}.ipynb").read_text()


@pytest.mark.parametrize(
    ("student", "words"),
    [
        ("t3staa-01", "trop de temps"),  # infinite loop
        ("t3staa-02", "trop de temps"),  # sleep forever
        ("t3staa-03", "trop de mémoire"),  # 4 GB allocation
        ("t3staa-04", "trop de programmes"),  # fork bomb
        ("t3staa-05", "pas accès à Internet"),  # TCP
        ("t3staa-06", "pas accès à Internet"),  # UDP
        ("t3staa-07", "fichiers de ton dossier"),  # the answer key
        ("t3staa-08", "fichiers de ton dossier"),  # another pupil's notebook
        ("t3staa-09", "fichier trop gros"),  # a huge file
        ("t3staa-12", "pas le bon genre de valeur"),  # __eq__ always True
        ("t3staa-17", "beaucoup trop de texte"),  # output flooding
    ],
)
def test_an_attack_fails_its_exercise_with_a_french_reason_and_the_rest_counts(
    graded: dict[str, GradeResult], student: str, words: str
) -> None:
    result = graded[student]
    assert result.status == "graded"
    passed, message = outcome(result)["robot-1-a"]
    assert not passed
    assert words in message
    # The pupil's other exercises are still graded fairly.
    assert outcome(result)["robot-1-b"] == (True, "Bravo, cet exercice est réussi !")
    assert outcome(result)["robot-1-c"][0]


def test_the_answer_key_and_other_pupils_stay_invisible(
    graded: dict[str, GradeResult], course: Course
) -> None:
    assert "BEGIN SOLUTION" not in autograded_text(course, "t3staa-07")
    assert "FileNotFoundError" in autograded_text(course, "t3staa-08")


def test_the_type_message_names_the_expected_type(graded: dict[str, GradeResult]) -> None:
    assert "un nombre entier (int)" in outcome(graded["t3staa-12"])["robot-1-a"][1]


def test_a_weakened_test_is_replaced_by_the_original(graded: dict[str, GradeResult]) -> None:
    result = graded["t3staa-10"]
    assert outcome(result)["robot-1-a"][0] is False
    assert any("robot-1-a" in note and "modifié" in note for note in result.notes)


def test_a_deleted_test_is_put_back_and_graded(graded: dict[str, GradeResult]) -> None:
    result = graded["t3staa-11"]
    assert all(passed for passed, _ in outcome(result).values()), result
    assert any("robot-1-b" in note and "supprimé" in note for note in result.notes)


def test_a_notebook_without_cells_gets_every_test_back_and_zero(
    graded: dict[str, GradeResult],
) -> None:
    result = graded["t3staa-15"]
    assert result.status == "graded"
    assert not any(passed for passed, _ in outcome(result).values())
    assert len(result.notes) == 3


@pytest.mark.parametrize(("student", "words"), [("t3staa-13", "abîmé"), ("t3staa-14", "vide")])
def test_an_unreadable_notebook_scores_zero_with_a_reason(
    graded: dict[str, GradeResult], course: Course, student: str, words: str
) -> None:
    result = graded[student]
    assert result.status == "unreadable"
    assert [e.exercise_id for e in result.exercises] == ["robot-1-a", "robot-1-b", "robot-1-c"]
    assert all(not e.passed and words in e.message for e in result.exercises)
    from nbgrader.api import Gradebook

    with Gradebook(course.gradebook_url, course.id) as gb:
        assert gb.find_submission(LESSON, student).score == 0


def test_an_unknown_kernel_name_is_graded_in_the_sandboxed_kernel(
    graded: dict[str, GradeResult],
) -> None:
    assert all(passed for passed, _ in outcome(graded["t3staa-16"]).values())


def test_the_grader_environment_never_reaches_pupil_code(
    graded: dict[str, GradeResult], course: Course
) -> None:
    text = autograded_text(course, "t3staa-18")
    assert "TOKEN None" in text
    assert SECRET_TOKEN not in text


def test_a_correct_pupil_in_the_same_run_gets_full_marks(
    graded: dict[str, GradeResult], course: Course
) -> None:
    result = graded["t3staa-30"]
    assert [(e.exercise_id, e.passed, e.points) for e in result.exercises] == [
        ("robot-1-a", True, 1.0),
        ("robot-1-b", True, 1.0),
        ("robot-1-c", True, 2.0),
    ]
    assert result.protections == ("test",)
    feedback = (course.feedback("t3staa-30", LESSON) / f"{LESSON}.html").read_text()
    assert "Tes résultats" in feedback
    assert "double(21)" not in feedback  # hidden tests stay hidden, even after grading


def test_no_pupil_process_survives_the_run(graded: dict[str, GradeResult]) -> None:
    def alive() -> list[str]:
        listing = subprocess.run(
            ["ps", "-ww", "-u", "robocole-sandbox", "-o", "stat=,args="],
            capture_output=True,
            text=True,
        ).stdout

        # Only this checkout's sandboxes: another Robocole running on the machine (a demo
        # server, another checkout's tests) has its own. A warm sandbox's zygote and kernels
        # name the process that launched them (``rbw-<pid>-``): those of another grader still
        # running are not this run's.
        def other_graders(line: str) -> bool:
            launchers = {int(pid) for pid in re.findall(r"/rbw-(\d+)-", line)}
            return bool(launchers) and all(
                pid != os.getpid() and Path(f"/proc/{pid}").exists() for pid in launchers
            )

        return [
            line
            for line in listing.splitlines()
            if not line.strip().startswith("Z") and sys.prefix in line and not other_graders(line)
        ]

    # The sandboxes were killed when the pool closed; the kernel may take a moment to reap.
    assert wait_until(lambda: alive() == [], timeout=5), alive()
