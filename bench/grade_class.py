"""Benchmark: a class of 30 submissions, stock ``nbgrader autograde`` against ``robocole grade``.

Both run in this same process run, on the same 30 mixed submissions of the same 3-exercise
lesson (correct, partial, wrong and one infinite loop), each as a fresh command, so both pay
their own start-up. Then the watch service is timed from a pupil's submit to the moment the
classroom app (a local stand-in) receives the result, one submission at a time.

    .venv/bin/python bench/grade_class.py [--pupils 30] [--latency-samples 10]

Prints wall times and the ratio; no assertion (numbers depend on the machine).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader.startup import prepare_environment, skip_slow_imports  # noqa: E402

skip_slow_imports()
prepare_environment()

from grader.course import Course  # noqa: E402
from grader.outbox import Outbox, ResultPoster  # noqa: E402
from grader.pipeline import GradingOptions  # noqa: E402
from grader.sandbox import SandboxPolicy, probe, require_minimum  # noqa: E402
from grader.watch import WatchService  # noqa: E402
from tests.grader.helpers import (  # noqa: E402
    CORRECT,
    LESSON,
    answered,
    ensure_sandbox_user,
    make_course,
    pupil_submit,
    release,
    submit_collected,
    wait_until,
)
from tests.grader.standin import TOKEN, LiveApp, create_standin  # noqa: E402

PARTIAL = {**CORRECT, "robot-1-c-reponse": "def somme(pas):\n    return pas[0]"}
WRONG = {
    "robot-1-a-reponse": "def double(n):\n    return n",
    "robot-1-b-reponse": "def salut(nom):\n    return nom",
    "robot-1-c-reponse": "def somme(pas):\n    return 0",
}
LOOP = {**CORRECT, "robot-1-a-reponse": "def double(n):\n    while True:\n        pass"}


def class_answers(pupils: int) -> dict[str, dict[str, str]]:
    """Half correct, a quarter partial, the rest wrong, and one infinite loop."""
    answers = {}
    for index in range(1, pupils + 1):
        kind = CORRECT if index % 4 in (1, 2) else PARTIAL if index % 4 == 3 else WRONG
        answers[f"b3ncha-{index:02d}"] = kind
    # Mid-class, as it would be in a real class (last in the queue it adds a ~5 s tail).
    answers[f"b3ncha-{(pupils + 1) // 2:02d}"] = LOOP
    return answers


def prepare(root: Path, pupils: int) -> Course:
    course = make_course(root, "B3NCHA")
    for student, answer in class_answers(pupils).items():
        submit_collected(course, student, answered(course, answer))
    # Stock nbgrader reads its course from nbgrader_config.py.
    (course.root / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.course_id = {course.id!r}\n"
        f"c.CourseDirectory.db_url = {course.gradebook_url!r}\n"
    )
    return course


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    return run(command, cwd, env)[0]


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Wall seconds of ``command`` and what it printed."""
    started = time.monotonic()
    completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if completed.returncode != 0:
        print(completed.stdout[-2000:], completed.stderr[-2000:], file=sys.stderr)
        raise SystemExit(f"{command[0]} failed")
    return elapsed, completed.stdout


def grading_seconds(output: str) -> float:
    """The CLI's own "N graded in S s": grading alone, without its start-up."""
    found = re.search(r"(\d+) \S+ en ([\d.,]+) s|(\d+) graded in ([\d.]+) s", output)
    if found is None:
        return float("nan")
    return float((found.group(2) or found.group(4)).replace(",", "."))


def watch_latency(root: Path, samples: int) -> list[float]:
    """Submit → result received by the classroom app, one pupil at a time."""
    exchange = root / "exchange"
    course = make_course(root / "courses", "W4TCHA", exchange=exchange)
    release(course)
    app = create_standin()
    policy = SandboxPolicy()
    report = probe(policy, [course.root])
    require_minimum(report)
    options = GradingOptions(policy=policy, protections=report.protections)
    latencies = []
    with (
        LiveApp(app) as server,
        WatchService(
            course.root.parent,
            exchange,
            Outbox(root / "outbox.db"),
            options,
            poster=ResultPoster(server.url, TOKEN),
            poll_interval=0.05,
        ) as service,
    ):
        thread = threading.Thread(target=service.run, daemon=True)
        thread.start()
        # The service runs for months: its workers' start-up is not a pupil's wait.
        for index in range(samples + 1):
            student = f"w4tcha-{index:02d}"
            started = time.monotonic()
            pupil_submit(course, student, answered(course, CORRECT), root / "pupils")
            if not wait_until(lambda n=index: len(app.config["received_at"]) > n, 60):
                raise SystemExit("the watch service did not deliver a result in 60 s")
            if index > 0:
                latencies.append(max(app.config["received_at"].values()) - started)
        service.stop()
        thread.join(timeout=10)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=30)
    parser.add_argument("--latency-samples", type=int, default=10)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--latency-only", action="store_true", help="skip the class timing")
    parser.add_argument(
        "--no-stock",
        action="store_true",
        help="skip stock nbgrader (while iterating; report numbers from a full run)",
    )
    args = parser.parse_args()
    if os.geteuid() == 0:
        ensure_sandbox_user()
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory(prefix="bench-grade-") as tmp:
        base = Path(tmp)
        if not args.latency_only:
            compare(base, args.pupils, args.workers, bin_dir, env, stock=not args.no_stock)
        latencies = watch_latency(base / "watch", args.latency_samples)
        p50 = statistics.median(latencies)
        p95 = sorted(latencies)[max(0, round(0.95 * len(latencies)) - 1)]
        print(f"watch mode, submit -> result at the classroom app ({len(latencies)} samples)")
        print(f"  p50 {p50:.2f} s   p95 {p95:.2f} s   max {max(latencies):.2f} s")
        print("  all: " + " ".join(f"{value:.2f}" for value in sorted(latencies)))
        print(f"  (1-minute load average of the machine at the end: {os.getloadavg()[0]:.1f})")


def compare(
    base: Path,
    pupils: int,
    workers: int | None,
    bin_dir: Path,
    env: dict[str, str],
    *,
    stock: bool = True,
) -> None:
    """Stock nbgrader autograde, then robocole grade class, on copies of the same class."""
    stock_course = prepare(base / "stock", pupils)
    ours = prepare(base / "ours", pupils)
    load_before = os.getloadavg()[0]

    stock_command = [str(bin_dir / "nbgrader"), "autograde", LESSON, "--force"]
    stock_time = timed(stock_command, stock_course.root, env) if stock else float("nan")
    # This checkout's code (a fresh clone measures its own first run), the venv's packages.
    command = [sys.executable, "-m", "robocole", "grade", "class", "B3NCHA", LESSON]
    env = {**env, "PYTHONPATH": str(ROOT)}
    command += ["--courses-root", str(ours.root.parent), "--no-collect"]
    command += ["--outbox", str(base / "outbox.db")]
    if workers:
        command += ["--workers", str(workers)]
    our_time, said = run(command, base, {**env, "ROBOCOLE_GRADER_TOKEN": ""})
    # The same work as stock autograde (which writes no feedback): grades only.
    bare_time = timed([*command, "--no-feedback"], base, {**env, "ROBOCOLE_GRADER_TOKEN": ""})
    protections = re.search(r"(?:Active protections|Protections actives) ?: (.*)", said)
    shutil.rmtree(base / "stock", ignore_errors=True)

    cores = os.cpu_count()
    load = os.getloadavg()[0]
    print(f"class of {pupils} submissions (3 exercises, 1 infinite loop), {cores} cores")
    print(f"  (1-minute load average: {load_before:.1f} before, {load:.1f} at the end)")
    print(f"  stock nbgrader autograde : {stock_time:6.1f} s")
    print(f"  robocole grade class     : {our_time:6.1f} s  (sandboxed, with feedback)")
    print(f"  ratio                    : {stock_time / our_time:6.1f}x")
    print(f"  robocole, no feedback    : {bare_time:6.1f} s  (ratio {stock_time / bare_time:.1f}x)")
    grading = grading_seconds(said)
    print(f"    of which grading       : {grading:6.1f} s, start-up {our_time - grading:.1f} s")
    print(f"  protections: {protections.group(1) if protections else '?'}")


if __name__ == "__main__":
    main()
