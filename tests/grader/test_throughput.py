"""The shortcuts that make grading fast still grade right.

One gradebook engine per worker, nbgrader's autograde in one pass, a kernel client that does
not wait for silence, kernels forked without a debugger, feedback after the grade, and the
lowest CPU priority for a cell that runs too long.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from grader.course import Course
from grader.pipeline import GradeResult, GradingOptions, WorkerPool, grade_submission
from grader.sandbox import SandboxPolicy
from grader.warm import WarmSandbox
from tests.grader.helpers import CORRECT, LESSON, answered, make_course, submit_collected

POLICY = SandboxPolicy(cell_timeout=3, notebook_timeout=30)

FIRST_CELL_LOOKS_AROUND = """
try:
    import debugpy
    print("DEBUGGER", "yes")
except ImportError:
    print("DEBUGGER", "no")
def double(n):
    return n + n
"""

NICE_LOOP = """
import os, time
start = time.monotonic()
while time.monotonic() - start < 2.0:
    pass
print("NICE", os.getpriority(os.PRIO_PROCESS, 0))
def double(n):
    return n + n
"""

#: The same loop, run by the test cell: a sealed test runs in a thread of its own.
NICE_IN_THE_TEST = """
import os, time
calls = []
def double(n):
    calls.append(n)
    start = time.monotonic()
    while len(calls) == 1 and time.monotonic() - start < 1.0:
        pass
    print("NICE", os.getpriority(os.PRIO_PROCESS, 0))
    return n + n
"""


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return make_course(tmp_path_factory.mktemp("throughput"), "SP33DA")


@pytest.fixture(scope="module")
def warm() -> Iterator[WarmSandbox]:
    sandbox = WarmSandbox(POLICY)
    yield sandbox
    sandbox.close()


def outputs(course: Course, student: str) -> list[str]:
    notebook = nbformat.read(course.autograded(student, LESSON) / f"{LESSON}.ipynb", 4)
    return [
        output.get("text", "")
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream"
    ]


def _share_in_a_worker(database: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from nbgrader.api import Gradebook

    from grader.gradebook import share_engines

    share_engines()
    url = f"sqlite:///{database}"
    with Gradebook(url, "robocole-sp33da") as first:
        engine = first.engine
        first.update_or_create_student("sp33da-90")
    with Gradebook(url, "robocole-sp33da") as second:
        same = second.engine is engine
        second.update_or_create_student("sp33da-91")
    wal_kept = Path(database + "-wal").exists()
    queue.put((same, wal_kept))


def test_a_worker_shares_one_engine_and_its_writes_land(course: Course, tmp_path: Path) -> None:
    database = tmp_path / "gradebook.db"
    database.write_bytes((course.root / "gradebook.db").read_bytes())
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA journal_mode=WAL")
    context = multiprocessing.get_context("fork")  # as the grading workers are made
    queue = context.Queue()
    process = context.Process(target=_share_in_a_worker, args=(str(database), queue))
    process.start()
    same, wal_kept = queue.get(timeout=60)
    process.join(timeout=10)
    assert same, "nbgrader's second Gradebook built a new engine"
    # An idle connection stays open: closing a Gradebook does not checkpoint the WAL away.
    assert wal_kept
    with sqlite3.connect(database) as db:
        students = {row[0] for row in db.execute("SELECT id FROM student")}
    assert {"sp33da-90", "sp33da-91"} <= students


GRADES_ONLY = GradingOptions(policy=POLICY, generate_feedback=False, release_feedback=False)


def grade(
    course: Course, warm: WarmSandbox, student: str, notebook: nbformat.NotebookNode
) -> GradeResult:
    """Hand in ``notebook`` for ``student`` and grade it in ``warm``, without feedback."""
    submit_collected(course, student, notebook)
    return grade_submission(course, student, LESSON, GRADES_ONLY, warm)


def test_one_pass_clears_what_the_pupil_faked_and_records_what_ran(
    course: Course, warm: WarmSandbox
) -> None:
    def fake_outputs(notebook: nbformat.NotebookNode) -> None:
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="FAKED\n")]
                cell.execution_count = 99

    wrong = {**CORRECT, "robot-1-c-reponse": "def somme(pas):\n    return 0"}
    result = grade(course, warm, "sp33da-01", answered(course, wrong, fake_outputs))
    assert [e.passed for e in result.exercises] == [True, True, False]
    assert not any("FAKED" in text for text in outputs(course, "sp33da-01"))
    notebook = nbformat.read(course.autograded("sp33da-01", LESSON) / f"{LESSON}.ipynb", 4)
    counts = [c.execution_count for c in notebook.cells if c.cell_type == "code" and c.source]
    assert 99 not in counts and all(counts)  # every code cell ran, in this kernel
    nbformat.validate(notebook)


def test_a_warm_kernel_answers_its_first_cell_and_has_no_debugger(
    course: Course, warm: WarmSandbox
) -> None:
    answers = {**CORRECT, "robot-1-a-reponse": FIRST_CELL_LOOKS_AROUND}
    result = grade(course, warm, "sp33da-02", answered(course, answers))
    assert all(e.passed for e in result.exercises)
    assert "DEBUGGER no\n" in outputs(course, "sp33da-02")


def test_a_cell_that_runs_long_gets_the_lowest_priority(course: Course, warm: WarmSandbox) -> None:
    answers = {**CORRECT, "robot-1-a-reponse": NICE_LOOP}
    result = grade(course, warm, "sp33da-03", answered(course, answers))
    assert all(e.passed for e in result.exercises)
    assert "NICE 19\n" in outputs(course, "sp33da-03")
    # The next pupil's kernel starts at normal priority.
    answers = {**CORRECT, "robot-1-a-reponse": NICE_LOOP.replace("2.0", "0.0")}
    grade(course, warm, "sp33da-04", answered(course, answers))
    assert f"NICE {os.getpriority(os.PRIO_PROCESS, 0)}\n" in outputs(course, "sp33da-04")


def test_a_test_that_runs_long_gets_the_lowest_priority_in_its_own_thread(
    course: Course, warm: WarmSandbox
) -> None:
    answers = {**CORRECT, "robot-1-a-reponse": NICE_IN_THE_TEST}
    result = grade(course, warm, "sp33da-07", answered(course, answers))
    assert result.exercises[0].passed
    assert any(text.startswith("NICE 19\n") for text in outputs(course, "sp33da-07"))


def test_the_pool_grades_first_and_writes_feedback_after(course: Course) -> None:
    for student in ("sp33da-05", "sp33da-06"):
        submit_collected(course, student, answered(course, CORRECT))
    options = GradingOptions(policy=POLICY, release_feedback=False)
    with WorkerPool(options, workers=1) as pool:
        graded = pool.submit(course, "sp33da-05", LESSON).result(timeout=120)
        # The grading job does not write the feedback page…
        assert not course.feedback("sp33da-05", LESSON).exists()
        queued = pool.submit_feedback(course, graded)
        assert queued is not None
        queued.result(timeout=120)
        page = course.feedback("sp33da-05", LESSON) / f"{LESSON}.html"
        assert "Tes résultats" in page.read_text()
        # …and a whole class ends with every page written.
        results = list(pool.grade_many([(course, "sp33da-06", LESSON)]))
    assert [r.status for r in results] == ["graded"]
    assert (course.feedback("sp33da-06", LESSON) / f"{LESSON}.html").exists()


def test_folders_of_a_grader_killed_outright_are_removed_at_the_next_start(
    tmp_path: Path,
) -> None:
    import subprocess

    from grader.warm import remove_orphans

    ended = subprocess.Popen(["true"])
    ended.wait()
    dead = tmp_path / f"rbw-{ended.pid}-ab12cd"
    dead_inbox = tmp_path / f"rbi-{ended.pid}-ef34gh"
    alive = tmp_path / f"rbw-{os.getpid()}-ij56kl"
    for folder in (dead, dead_inbox, alive):
        folder.mkdir()
        (folder / "kernel.json").write_text("{}")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / f"rbw-{ended.pid}-link").symlink_to(elsewhere)
    assert sorted(remove_orphans(tmp_path)) == sorted([dead, dead_inbox])
    assert alive.is_dir() and elsewhere.is_dir()


def test_start_up_skips_unused_imports_and_zip_collect_still_unpacks(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    archive = tmp_path / "hand-in.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("robot-1.ipynb", "{}")
    program = f"""
import sys
from grader.startup import skip_slow_imports
skip_slow_imports()
import grader.pipeline
print(sorted(m for m in ("setuptools", "pkg_resources", "arrow", "rfc3987_syntax",
                          "jupyter_server", "nbgrader.apps")
             if sys.modules.get(m) is not None))
from nbgrader.utils import unpack_archive
unpack_archive({str(archive)!r}, {str(tmp_path / "out")!r})
# A notebook server that asks for nbgrader's extensions gets the real ones.
formgrader = sys.modules["nbgrader.server_extensions.formgrader"]
print(formgrader.formgrader.FormgradeExtension.__name__, "jupyter_server" in sys.modules)
"""
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines()[0] == "[]"
    assert completed.stdout.splitlines()[1] == "FormgradeExtension True"
    assert (tmp_path / "out" / "robot-1.ipynb").read_text() == "{}"


def test_garbage_collection_is_off_during_start_up_and_on_in_the_pool() -> None:
    import subprocess
    import sys

    program = """
import gc
from grader.startup import defer_garbage_collection
defer_garbage_collection()
import grader.pipeline
from grader.pipeline import GradingOptions, WorkerPool
from grader.sandbox import SandboxPolicy
print(gc.isenabled())
options = GradingOptions(policy=SandboxPolicy(warm=False), generate_feedback=False)
with WorkerPool(options, workers=1) as pool:
    in_worker = pool._submit(gc.isenabled).result(timeout=60)
    print(gc.isenabled(), in_worker, gc.get_freeze_count() > 100_000)
"""
    completed = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    # Off while nbgrader is imported; on again in the grader and its workers, with what
    # start-up made frozen (shared with the workers, never scanned again).
    assert completed.stdout.split() == ["False", "True", "True", "True"]
