"""Load test of the classroom app: N pupils at once against the app served by waitress.

What it does, in one run:
1. makes a fresh data folder with N pupils (classes of 30) and starts
   ``robocole classroom serve`` (waitress) in its own process;
2. logs every pupil in through the real picture pages (timed apart: argon2 is meant to cost);
3. has all pupils work at once: each views their pages and the grader posts their results
   (10% of posts are sent twice on purpose), and measures every request;
4. measures the anchor in the same run: ``GET /api/v1/health`` under the same concurrency;
5. checks the ledger: every expected XP event present, none doubled.

Usage: ``python bench/classroom_load.py [--pupils 300] [--rounds 4] [--workers 24]``
Goal on 2 cores: p95 ≤ 50 ms, 0 lost or doubled events.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classroom_app import classes  # noqa: E402
from classroom_app.app import create_app  # noqa: E402
from classroom_app.ledger import MINIMUM_PROTECTIONS  # noqa: E402
from classroom_app.passwords import hash_password  # noqa: E402
from classroom_app.store import Store  # noqa: E402
from tests.conftest import free_port  # noqa: E402

MANIFEST = ROOT / "tests" / "fixtures" / "manifest.toml"
TOKEN = "bench-token"


@dataclass
class Pupil:
    username: str
    code: str
    pictures: list[str]
    session: requests.Session = field(default_factory=requests.Session)


@dataclass
class Timings:
    samples: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.samples.setdefault(kind, []).append(seconds)

    def all(self, *kinds: str) -> list[float]:
        return [s for kind in kinds for s in self.samples.get(kind, [])]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def seed(data_dir: Path, pupils: int) -> list[Pupil]:
    app = create_app(
        {"DATA_DIR": str(data_dir), "MANIFEST": str(MANIFEST), "SERVICE_TOKENS": {"grader": TOKEN}}
    )
    store = Store.open(app.config["DATABASE"])
    school = store.create_school("Bench")
    teacher = store.create_teacher(school, "bench@robocole.local", "Bench", hash_password("x" * 12))
    made: list[Pupil] = []
    for first in range(0, pupils, 30):
        class_id = classes.create_class(store, school, teacher, f"Classe {first // 30}", 3, 10**6)
        klass = store.class_by_id(class_id)
        assert klass is not None
        count = min(30, pupils - first)
        added = classes.add_pupils(
            store, klass, "\n".join(f"Enfant{n}" for n in range(count)), None
        )
        for pupil in added:
            row = store.pupil(pupil.id)
            assert row is not None
            made.append(Pupil(row["username"], klass["code"], pupil.pictures))
    store.close()
    return made


def timed(timings: Timings, kind: str, call: Callable[[], requests.Response], ok: set[int]) -> None:
    started = time.perf_counter()
    try:
        response = call()
    except requests.RequestException as error:
        timings.errors.append(f"{kind}: {error}")
        return
    timings.add(kind, time.perf_counter() - started)
    if response.status_code not in ok:
        timings.errors.append(f"{kind}: HTTP {response.status_code}")


def login(base: str, pupil: Pupil, timings: Timings) -> None:
    url = f"{base}/c/{pupil.code}/{pupil.username}"
    page = pupil.session.get(url, timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, "no CSRF token"
    started = time.perf_counter()
    response = None
    for picture in pupil.pictures:
        response = pupil.session.post(
            url,
            data={"csrf_token": token.group(1), "picture": picture},
            allow_redirects=False,
            timeout=30,
        )
    timings.add("login", time.perf_counter() - started)
    if response is None or response.status_code != 302:
        timings.errors.append(f"login {pupil.username}: {getattr(response, 'status_code', '?')}")


EXERCISES = [
    ("sequences-1", ["sequences-1-a", "sequences-1-b"]),
    ("sequences-2", ["sequences-2-a"]),
    ("boucles-1", ["boucles-1-a", "boucles-1-b"]),
]


def work(
    base: str, pupil: Pupil, rounds: int, think: float, timings: Timings, posted: list[tuple]
) -> None:
    """One pupil's session: look at my page, my badges, then the grader posts my result.

    Between two actions a child reads and types: a random pause around ``think`` seconds
    (every pupil acts on their own clock, as in a real class).
    """
    rng = random.Random(pupil.username)
    api = {"Authorization": f"Bearer {TOKEN}"}

    def pause() -> None:
        time.sleep(rng.uniform(0.5, 1.5) * think)

    time.sleep(rng.uniform(0, think))  # children do not all click in the same millisecond
    for round_number in range(rounds):
        timed(timings, "page", lambda: pupil.session.get(f"{base}/pupil/", timeout=30), {200})
        pause()
        timed(timings, "page", lambda: pupil.session.get(f"{base}/pupil/badges", timeout=30), {200})
        pause()
        lesson, exercises = EXERCISES[round_number % len(EXERCISES)]
        body = {
            "idempotency_key": f"bench:{pupil.username}:{round_number}",
            "username": pupil.username,
            "lesson_id": lesson,
            "protections": list(MINIMUM_PROTECTIONS),
            "exercises": [{"exercise_id": e, "passed": rng.random() < 0.7} for e in exercises],
        }
        for _copy in range(2 if rng.random() < 0.1 else 1):
            timed(
                timings,
                "post",
                lambda body=body: requests.post(  # type: ignore[misc]
                    f"{base}/api/v1/results", json=body, headers=api, timeout=30
                ),
                {200, 201},
            )
        posted.append((pupil.username, body))
        pause()


def anchor(base: str, workers: int, count: int, timings: Timings) -> None:
    with ThreadPoolExecutor(workers) as pool:
        for _ in range(count):
            pool.submit(
                timed,
                timings,
                "anchor",
                lambda: requests.get(f"{base}/api/v1/health", timeout=30),
                {200},
            )


def check_ledger(database: Path, posted: list[tuple]) -> tuple[int, int, int]:
    expected = {
        (username, exercise["exercise_id"])
        for username, body in posted
        for exercise in body["exercises"]
        if exercise["passed"]
    }
    conn = sqlite3.connect(database)
    present = conn.execute(
        "SELECT p.username, x.ref FROM xp_events x JOIN pupils p ON p.id = x.pupil_id"
    ).fetchall()
    doubled = len(present) - len(set(present))
    results = conn.execute("SELECT count(*) FROM results").fetchone()[0]
    conn.close()
    lost = len(expected - set(present))
    assert results == len(posted), f"{results} results stored for {len(posted)} posted"
    return len(expected), lost, doubled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pupils", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between clicks")
    parser.add_argument("--workers", type=int, default=16, help="logins in flight at once")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="robocole-bench-"))
    print(f"seeding {args.pupils} pupils…", flush=True)
    pupils = seed(data_dir, args.pupils)
    port = free_port()
    env = {**os.environ, "ROBOCOLE_GRADER_TOKEN": TOKEN, "ROBOCOLE_MANIFEST": str(MANIFEST)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "robocole",
            "classroom",
            "--data",
            str(data_dir),
            "serve",
            "--port",
            str(port),
            "--threads",
            str(args.threads),
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                requests.get(base + "/api/v1/health", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
        timings = Timings()
        started = time.perf_counter()
        with ThreadPoolExecutor(args.workers) as pool:
            list(pool.map(lambda p: login(base, p, timings), pupils))
        login_wall = time.perf_counter() - started

        anchor(base, 4, 600, timings)
        posted: list[tuple] = []
        started = time.perf_counter()
        with ThreadPoolExecutor(len(pupils)) as pool:
            list(
                pool.map(lambda p: work(base, p, args.rounds, args.think, timings, posted), pupils)
            )
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=10)

    for pupil in pupils:  # free the keep-alive sockets before opening the database
        pupil.session.close()
    mixed = timings.all("page", "post")
    anchor_p95 = percentile(timings.all("anchor"), 0.95)
    print(
        f"\nclassroom load: {args.pupils} pupils acting every ~{args.think:g} s "
        f"(offered ≈ {args.pupils / args.think:.0f} req/s), waitress {args.threads} threads, "
        f"{os.cpu_count()} cores; anchor = GET /api/v1/health, 4 in flight"
    )
    print(
        f"login burst: {args.pupils} logins in {login_wall:.1f} s, "
        f"p95 {percentile(timings.all('login'), 0.95) * 1000:.0f} ms (3 picture clicks, argon2id)"
    )
    for kind in ("anchor", "page", "post"):
        values = timings.all(kind)
        print(
            f"{kind:>7}: n={len(values):5d}  p50={statistics.median(values) * 1000:6.1f} ms  "
            f"p95={percentile(values, 0.95) * 1000:6.1f} ms  "
            f"p99={percentile(values, 0.99) * 1000:6.1f} ms"
        )
    p95 = percentile(mixed, 0.95)
    print(
        f"  mixed: {len(mixed)} requests in {wall:.1f} s = {len(mixed) / wall:.0f} req/s, "
        f"p50 {statistics.median(mixed) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
        f"(goal ≤ 50 ms), p95 / anchor p95 = {p95 / anchor_p95:.1f}×"
    )
    expected, lost, doubled = check_ledger(data_dir / "classroom.sqlite3", posted)
    print(f" ledger: {expected} XP events expected, {lost} lost, {doubled} doubled")
    if timings.errors:
        print(f" errors: {len(timings.errors)} (first: {timings.errors[:3]})")
    return 0 if not (lost or doubled or timings.errors) else 1


if __name__ == "__main__":
    sys.exit(main())
