"""One sandbox's memory is bounded as a whole (issue 17), not only each process's.

Each process has its own cap (RLIMIT_AS); several processes of one pupil used to add up
past it (four reached 1.3 GB against a 1 GiB cap). The kernel manager adds up the memory
of all the sandbox's processes and kills the sandbox past its budget.
"""

from __future__ import annotations

import pytest

from grader.course import Course
from grader.pipeline import GradingOptions, grade_submission
from grader.sandbox import SandboxPolicy
from grader.warm import WarmSandbox
from tests.grader.helpers import CORRECT, LESSON, answered, make_course, submit_collected

MIB = 1024 * 1024
#: Three processes of 300 MiB each: every one under its own 1 GiB cap, 900 MiB together.
SPREAD_OUT = """
import os, time
for _ in range(3):
    if os.fork() == 0:
        block = bytearray(300 * 1024 * 1024)
        time.sleep(30)
        os._exit(0)
time.sleep(30)
"""


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return make_course(tmp_path_factory.mktemp("memory"))


@pytest.mark.parametrize("warm", [True, False], ids=["warm", "fresh"])
def test_processes_that_add_up_past_the_budget_end_the_sandbox(course: Course, warm: bool) -> None:
    policy = SandboxPolicy(cell_timeout=20, sandbox_memory_bytes=512 * MIB, warm=warm)
    student = "t3staa-01" if warm else "t3staa-02"
    submit_collected(
        course, student, answered(course, {**CORRECT, "robot-1-a-reponse": SPREAD_OUT})
    )
    sandbox = WarmSandbox(policy) if warm else None
    try:
        options = GradingOptions(policy=policy, generate_feedback=False, release_feedback=False)
        result = grade_submission(course, student, LESSON, options, sandbox)
    finally:
        if sandbox is not None:
            sandbox.close()
    outcome = {e.exercise_id: (e.passed, e.message) for e in result.exercises}
    assert outcome["robot-1-a"][0] is False
    assert "mémoire" in outcome["robot-1-a"][1]
    # Killed for its memory, not its time: the rest ran in a fresh sandbox and counts.
    assert outcome["robot-1-b"][0] and outcome["robot-1-c"][0]
