"""The warm sandbox: one pupil after another in the same sandbox, and nothing crosses over."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from grader.course import Course
from grader.pipeline import GradingOptions, grade_submission
from grader.sandbox import SandboxPolicy
from grader.warm import WarmSandbox
from tests.grader.helpers import CORRECT, LESSON, answered, make_course, submit_collected

LEAVE_TRACES = """
import os, subprocess
open("notes.txt", "w").write("secret of pupil A")
open("/tmp/trace", "w").write("A was here")
open("/dev/shm/trace", "w").write("A was here")
runtime = [p for p in os.listdir("/tmp") if p.startswith("rbw-")][0]
open(f"/tmp/{runtime}/trace", "w").write("A was here")
subprocess.Popen(["sleep", "1000"], start_new_session=True)
if os.fork() == 0:
    os.setsid()
    while True:
        pass
def double(n):
    return 2 * n
"""

LOOK_AROUND = """
import json, os
def readable(path):
    try:
        open(path, "rb").read(1)
        return True
    except OSError:
        return False
others = sorted(p for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, os.getpid()))
print("SEEN", json.dumps({
    "home": sorted(os.listdir(".")), "tmp": os.listdir("/tmp"), "shm": os.listdir("/dev/shm"),
    "runtime": sorted(n for p in os.listdir("/tmp") if p.startswith("rbw-")
                      for n in os.listdir("/tmp/" + p)),
    "others": others, "zygote_memory": readable("/proc/1/mem"),
    "zygote_environ": readable("/proc/1/environ"),
}))
def double(n):
    return 2 * n
"""


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return make_course(tmp_path_factory.mktemp("warm"))


@pytest.fixture
def warm() -> Iterator[WarmSandbox]:
    sandbox = WarmSandbox(SandboxPolicy(cell_timeout=3))
    yield sandbox
    sandbox.close()


def seen(course: Course, student: str) -> dict[str, object]:
    notebook = nbformat.read(course.autograded(student, LESSON) / f"{LESSON}.ipynb", 4)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("name") == "stdout" and "SEEN" in output.get("text", ""):
                seen_line = output["text"].split("SEEN", 1)[1].strip().splitlines()[0]
                result: dict[str, object] = json.loads(seen_line)
                return result
    raise AssertionError("the pupil's cell printed nothing")


def test_a_pupil_sees_nothing_of_the_pupil_before(course: Course, warm: WarmSandbox) -> None:
    submit_collected(
        course, "t3staa-01", answered(course, {**CORRECT, "robot-1-a-reponse": LEAVE_TRACES})
    )
    submit_collected(
        course,
        "t3staa-02",
        answered(course, {**CORRECT, "robot-1-a-reponse": LOOK_AROUND}),
        extra_files={"mine.csv": "1,2"},
    )
    options = GradingOptions(policy=warm.policy, release_feedback=False, generate_feedback=False)
    first = grade_submission(course, "t3staa-01", LESSON, options, warm)
    second = grade_submission(course, "t3staa-02", LESSON, options, warm)
    assert all(e.passed for e in first.exercises)
    assert all(e.passed for e in second.exercises)
    view = seen(course, "t3staa-02")
    assert view["home"] == ["mine.csv"]
    # /tmp holds only what this kernel made itself (IPython's and Jupyter's folders).
    tmp = {name for name in view["tmp"] if not name.startswith("rbw-")}  # type: ignore[attr-defined]
    # A checkout that lives under /tmp (a CI clone) is bound read-only at its own path.
    checkout = {
        Path(place).resolve().parts[2]
        for place in (sys.prefix, __file__)
        if Path(place).resolve().is_relative_to("/tmp")
    }
    assert tmp - checkout <= {"ipython", "jupyter", "matplotlib"}
    # The shared runtime folder holds this kernel's connection file and sockets only.
    assert "trace" not in view["runtime"]  # type: ignore[operator]
    assert view["shm"] == []
    assert view["others"] == []  # A's background processes are gone
    assert view["zygote_memory"] is False and view["zygote_environ"] is False
    # Between pupils the sandbox holds the zygote alone.
    warm.sweep()
    assert warm.pids() == []


@pytest.mark.parametrize("warm_kernels", [True, False], ids=["warm", "fresh"])
def test_the_watchdog_ends_a_notebook_that_takes_too_long(
    course: Course, warm_kernels: bool
) -> None:
    student = "t3staa-03" if warm_kernels else "t3staa-04"
    sleepy = "import time\ntime.sleep(100)"
    answers = {grade_id: sleepy for grade_id in CORRECT}
    submit_collected(course, student, answered(course, answers))
    # Cells may run 60 s each, but the whole notebook only 8 s: the watchdog decides.
    policy = SandboxPolicy(cell_timeout=60, notebook_timeout=8, warm=warm_kernels)
    options = GradingOptions(policy=policy, generate_feedback=False)
    sandbox = WarmSandbox(policy) if warm_kernels else None
    try:
        result = grade_submission(course, student, LESSON, options, sandbox)
    finally:
        if sandbox is not None:
            sandbox.close()
    assert result.status == "graded"
    messages = [e.message for e in result.exercises]
    assert not any(e.passed for e in result.exercises)
    assert "trop de temps" in messages[0]
    assert all("pas resté assez de temps" in m for m in messages[1:])
