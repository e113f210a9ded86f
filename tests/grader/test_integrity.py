"""Test integrity (issue 17): pupil code that rewrites Python cannot fake a test.

Each attack is a real submission graded by the worker pool with a warm sandbox; the pupil's
other answers are left as the released stubs, so any point they get is a faked one. A
correct pupil graded after them by the same worker gets full marks: the attacks leave
nothing behind.
"""

from __future__ import annotations

import nbformat
import pytest

from grader.course import Course
from grader.pipeline import GradeResult, GradingOptions, WorkerPool
from grader.sandbox import SandboxPolicy
from tests.grader.helpers import CORRECT, LESSON, answered, make_course, submit_collected

TAMPERED = "Ton programme a modifié Python lui-même : le test n'a pas pu le vérifier."

ATTACKS = {
    # The one line: every later cell, the tests included, would become ``pass``.
    "t3staa-01": "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])",
    # A patched builtin under an object that equals everything.
    "t3staa-02": (
        "import builtins\n"
        "class Toujours:\n    def __eq__(self, other):\n        return True\n"
        "real = builtins.type\n"
        "builtins.type = lambda *a: int if len(a) == 1 else real(*a)\n"
        "def double(n):\n    return Toujours()"
    ),
    # The kernel's own do_execute replaced: every later cell would run as ``pass``.
    "t3staa-03": (
        "k = get_ipython().kernel\norig = k.do_execute\n"
        "k.do_execute = lambda code, *a, **kw: orig('pass', *a, **kw)"
    ),
    # The pupil answers the grader's test requests themselves, with a made-up signature.
    "t3staa-04": (
        "k = get_ipython().kernel\n"
        "def fake(stream, idents, parent):\n"
        "    verdict = {'status': 'ok', 'ename': '', 'evalue': '', 'line': 0,\n"
        "               'nonce': parent['content']['nonce'], 'sha256': '', 'mac': '0' * 64}\n"
        "    k.session.send(stream, 'execute_reply',\n"
        "                   {'status': 'ok', 'execution_count': 1, 'robocole': verdict},\n"
        "                   parent, ident=idents)\n"
        "k.shell_handlers['robocole_test_request'] = fake"
    ),
    # An import made up by the pupil and a tracer for every new thread.
    "t3staa-05": (
        "import sys, types, threading\n"
        "sys.modules['math'] = types.ModuleType('math')\n"
        "threading.settrace(lambda *a: None)"
    ),
    # The shell's run_cell replaced on the instance.
    "t3staa-06": "ip = get_ipython()\nip.run_cell = lambda *a, **k: None",
    # A module made up for a name a test could import, with the pupil's own function in it.
    "t3staa-11": (
        "import sys, types\nfake = types.ModuleType('verifier')\n"
        "fake.check = lambda *a: True\nsys.modules['verifier'] = fake"
    ),
}

#: Digging for the grader's key is refused where it starts (kernel_guard's audit hook).
DIGGING = {
    "t3staa-07": "import gc\ngc.get_objects()",
    "t3staa-08": (
        "h = get_ipython().kernel.shell_handlers['robocole_test_request']\nh.args[1].gi_frame"
    ),
    "t3staa-09": "import ctypes\nctypes.string_at(id(1), 8)",
    "t3staa-10": "open('/proc/self/mem', 'rb')",
}

CORRECT_PUPIL = "t3staa-30"
#: A kernel that stays alive but stops answering (issue 17): every later cell of the pupil
#: loops until it is interrupted, and the kernel answers the interrupt each time.
STUCK_PUPIL = "t3staa-20"
STUCK = "get_ipython().events.register('pre_run_cell', lambda *a: exec('while True: pass'))"


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return make_course(tmp_path_factory.mktemp("integrity"))


@pytest.fixture(scope="module")
def graded(course: Course) -> dict[str, GradeResult]:
    for student, code in {**ATTACKS, **DIGGING}.items():
        submit_collected(course, student, answered(course, {"robot-1-a-reponse": code}))
    submit_collected(course, CORRECT_PUPIL, answered(course, CORRECT))
    stuck = answered(course, {**CORRECT, "robot-1-a-reponse": STUCK})
    submit_collected(course, STUCK_PUPIL, stuck)
    policy = SandboxPolicy(cell_timeout=2, notebook_timeout=40)
    options = GradingOptions(policy=policy, protections=("test",), release_feedback=False)
    students = sorted(
        [*ATTACKS, *DIGGING, STUCK_PUPIL, CORRECT_PUPIL]
    )  # the correct pupil comes last
    with WorkerPool(options, workers=1) as pool:  # one worker: the same warm sandbox for all
        return {r.username: r for r in pool.grade_many((course, s, LESSON) for s in students)}


@pytest.mark.parametrize("student", sorted(ATTACKS))
def test_tampering_scores_zero_with_its_sentence_and_is_flagged(
    graded: dict[str, GradeResult], student: str
) -> None:
    result = graded[student]
    assert result.status == "graded"
    first = result.exercises[0]
    assert (first.exercise_id, first.passed, first.points) == ("robot-1-a", False, 0.0)
    assert first.message == TAMPERED
    assert "tampered:robot-1-a" in result.flags
    assert result.payload()["flags"] == list(result.flags)
    # The stubs of the other exercises earn nothing either: no faked point anywhere.
    assert sum(e.points for e in result.exercises) == 0


@pytest.mark.parametrize("student", sorted(DIGGING))
def test_digging_for_the_key_is_refused_in_the_pupils_cell(
    graded: dict[str, GradeResult], course: Course, student: str
) -> None:
    text = (course.autograded(student, LESSON) / f"{LESSON}.ipynb").read_text()
    assert "not allowed while grading" in text or "is not to be read" in text
    result = graded[student]
    assert sum(e.points for e in result.exercises) == 0
    assert result.flags == ()


def test_the_next_pupil_of_the_same_sandbox_is_graded_normally(
    graded: dict[str, GradeResult],
) -> None:
    result = graded[CORRECT_PUPIL]
    assert [(e.exercise_id, e.passed, e.points) for e in result.exercises] == [
        ("robot-1-a", True, 1.0),
        ("robot-1-b", True, 1.0),
        ("robot-1-c", True, 2.0),
    ]
    assert result.flags == ()


def test_a_kernel_that_stops_answering_is_replaced_after_one_timeout(
    graded: dict[str, GradeResult], course: Course
) -> None:
    notebook = nbformat.read(course.autograded(STUCK_PUPIL, LESSON) / f"{LESSON}.ipynb", 4)
    timed_out = [
        cell.metadata.nbgrader["grade_id"]
        for cell in notebook.cells
        if any(o.get("ename") == "CellTimeoutError" for o in cell.get("outputs", []))
    ]
    assert timed_out == ["robot-1-b-reponse"]  # one timeout, not one per later cell
    passed = {e.exercise_id: e.passed for e in graded[STUCK_PUPIL].exercises}
    # robot-1-c's answer ran in the fresh kernel and counts.
    assert passed == {"robot-1-a": False, "robot-1-b": False, "robot-1-c": True}
