"""Load test of the classroom app: N pupils at once against the app served by waitress.

What it does, in one run:
1. makes a fresh data folder with N pupils (classes of 30) and starts
   ``robocole classroom serve`` (waitress) in its own process;
2. logs every pupil in through the real picture pages (timed apart: argon2 is meant to cost);
3. has all pupils work at once: each views their pages and the grader posts their results
   the way its outbox does (a 503, a time-out or a refused connection is sent again after a
   pause; 10% of results are sent twice on purpose), and measures every request;
4. measures the anchor in the same run: ``GET /api/v1/health`` under the same concurrency;
5. counts every failed request by kind (timeout, refused, busy 503, other 5xx, 4xx) and checks
   the ledger: every result the app answered 2xx is stored exactly once, with its XP, none
   doubled; a result never answered 2xx is "undelivered" (the grader would still hold it).

``--hog`` runs a CPU and disk hog beside the app (one busy process per core and one writer
that syncs to disk, as heavy work by other users of the server would); ``--kill-after S``
kills the app with SIGKILL S seconds into the work and starts it again at once.

Usage: ``python bench/classroom_load.py [--pupils 300] [--rounds 4] [--hog] [--kill-after 8]``
Goals on 2 cores: p95 ≤ 50 ms on a quiet machine; with the hog p95 ≤ 500 ms and no request
over 5 s; 0 lost and 0 doubled in both, and with the app killed and restarted.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import signal
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
    #: Failed requests by kind of request and kind of failure ("post", "busy 503") → count.
    failures: dict[tuple[str, str], int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.samples.setdefault(kind, []).append(seconds)

    def fail(self, kind: str, failure: str, detail: str = "") -> None:
        with self.lock:
            self.failures[(kind, failure)] = self.failures.get((kind, failure), 0) + 1
            if detail and len(self.errors) < 20:
                self.errors.append(f"{kind}: {failure} {detail}")

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


def failure_kind(response: requests.Response | None, error: Exception | None) -> str | None:
    """What went wrong, in the words of the report; None for a 2xx or 3xx answer."""
    if isinstance(error, requests.Timeout):
        return "timeout"
    if isinstance(error, requests.ConnectionError):
        return "refused"
    if error is not None or response is None:
        return "other error"
    if response.status_code == 503:
        return "busy 503"
    if response.status_code >= 500:
        return "5xx"
    if response.status_code >= 400:
        return "4xx"
    return None


def timed(
    timings: Timings, kind: str, call: Callable[[], requests.Response], ok: set[int]
) -> requests.Response | None:
    """Make one request, record its time (a failed one too: waiting is what hurts)."""
    started = time.perf_counter()
    response, error = None, None
    try:
        response = call()
    except requests.RequestException as raised:
        error = raised
    timings.add(kind, time.perf_counter() - started)
    failure = failure_kind(response, error)
    if failure is None and response is not None and response.status_code not in ok:
        failure = f"HTTP {response.status_code}"
    if failure is not None:
        detail = (
            str(error)[:120] if error else (response.text[:120] if response is not None else "")
        )
        timings.fail(kind, failure, detail)
    return response


def _again_while_busy(
    timings: Timings, call: Callable[[], requests.Response]
) -> requests.Response | None:
    """What a child does on « très occupé, réessaie »: wait a moment and press again."""
    for _attempt in range(20):
        try:
            response = call()
        except requests.RequestException as error:
            timings.fail("login", failure_kind(None, error) or "other error", str(error)[:120])
            return None
        if response.status_code != 503:
            return response
        timings.fail("login", "busy 503")
        time.sleep(random.uniform(0.5, 1.5))
    return None


def login(base: str, pupil: Pupil, timings: Timings) -> None:
    url = f"{base}/c/{pupil.code}/{pupil.username}"
    started = time.perf_counter()
    page = _again_while_busy(timings, lambda: pupil.session.get(url, timeout=30))
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text if page else "")
    token = found.group(1) if found else ""
    response = None
    for picture in pupil.pictures if token else []:
        response = _again_while_busy(
            timings,
            lambda picture=picture: pupil.session.post(  # type: ignore[misc]
                url,
                data={"csrf_token": token, "picture": picture},
                allow_redirects=False,
                timeout=30,
            ),
        )
    timings.add("login", time.perf_counter() - started)
    if response is None or response.status_code != 302:
        timings.fail(
            "login", "not logged in", f"{pupil.username}: {getattr(response, 'status_code', '?')}"
        )


EXERCISES = [
    ("sequences-1", ["sequences-1-a", "sequences-1-b"]),
    ("sequences-2", ["sequences-2-a"]),
    ("boucles-1", ["boucles-1-a", "boucles-1-b"]),
]


@dataclass
class Ledger:
    """What the grader sent: each result's body, and how many 2xx answers it got."""

    bodies: dict[str, tuple[str, dict]] = field(default_factory=dict)
    answered: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def sent(self, username: str, body: dict) -> None:
        with self.lock:
            self.bodies[body["idempotency_key"]] = (username, body)
            self.answered.setdefault(body["idempotency_key"], 0)

    def ok(self, key: str) -> None:
        with self.lock:
            self.answered[key] += 1


#: How long the bench's "outbox" keeps a result it could not deliver (the grader's keeps it
#: until it is delivered; the bench must end).
DELIVERY_DEADLINE = 120.0


def deliver(base: str, body: dict, timings: Timings, ledger: Ledger, rng: random.Random) -> None:
    """Post one result as the grader's outbox does: again after a 503, time-out or refusal."""
    api = {"Authorization": f"Bearer {TOKEN}"}
    deadline = time.monotonic() + DELIVERY_DEADLINE
    pause = 0.5
    while True:
        response = timed(
            timings,
            "post",
            lambda: requests.post(f"{base}/api/v1/results", json=body, headers=api, timeout=30),
            {200, 201},
        )
        if response is not None and response.status_code in (200, 201):
            ledger.ok(body["idempotency_key"])
            return
        if response is not None and response.status_code in (400, 404, 409, 422):
            return  # refused for good: retrying would not change it
        if time.monotonic() + pause > deadline:
            return
        time.sleep(pause * rng.uniform(0.5, 1.5))
        pause = min(pause * 2, 5.0)


def work(
    base: str, pupil: Pupil, rounds: int, think: float, timings: Timings, ledger: Ledger
) -> None:
    """One pupil's session: look at my page, my badges, then the grader posts my result.

    Between two actions a child reads and types: a random pause around ``think`` seconds
    (every pupil acts on their own clock, as in a real class).
    """
    rng = random.Random(pupil.username)

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
        ledger.sent(pupil.username, body)
        for _copy in range(2 if rng.random() < 0.1 else 1):
            deliver(base, body, timings, ledger, rng)
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


@dataclass(frozen=True)
class LedgerCheck:
    expected_xp: int
    lost: int  # answered 2xx but missing from the results or the XP ledger
    doubled: int  # one result or XP event stored twice
    undelivered: int  # never answered 2xx before the deadline (the grader would still hold it)
    stored_unanswered: int  # stored although no answer said so (the app answered too late)


def check_ledger(database: Path, ledger: Ledger) -> LedgerCheck:
    delivered = {key for key, count in ledger.answered.items() if count}
    conn = sqlite3.connect(database)
    stored = [row[0] for row in conn.execute("SELECT idempotency_key FROM results")]
    present = conn.execute(
        "SELECT p.username, x.ref FROM xp_events x JOIN pupils p ON p.id = x.pupil_id"
    ).fetchall()
    conn.close()
    expected = {
        (username, exercise["exercise_id"])
        for key in delivered
        for username, body in [ledger.bodies[key]]
        for exercise in body["exercises"]
        if exercise["passed"]
    }
    lost_results = delivered - set(stored)
    lost_xp = expected - set(present)
    return LedgerCheck(
        expected_xp=len(expected),
        lost=len(lost_results) + len(lost_xp),
        doubled=(len(stored) - len(set(stored))) + (len(present) - len(set(present))),
        undelivered=len(set(ledger.bodies) - delivered),
        stored_unanswered=len(set(stored) - delivered),
    )


def _spin() -> None:
    while True:
        pass


def _write_and_sync(folder: str) -> None:
    block = os.urandom(1 << 20)
    path = Path(folder) / "hog.bin"
    while True:
        with path.open("wb") as handle:
            for _ in range(16):
                handle.write(block)
                handle.flush()
                os.fsync(handle.fileno())


def start_hog(folder: Path) -> list[multiprocessing.Process]:
    """One busy process per core and one that writes and syncs 16 MB over and over."""
    hogs = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(os.cpu_count() or 1)]
    hogs.append(multiprocessing.Process(target=_write_and_sync, args=(str(folder),), daemon=True))
    for hog in hogs:
        hog.start()
    return hogs


class App:
    """``robocole classroom serve`` in its own process, which the bench may kill and restart."""

    def __init__(
        self, data_dir: Path, port: int, threads: int, busy_after: float | None = None
    ) -> None:
        self.command = [
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
            str(threads),
            *(["--busy-after", str(busy_after)] if busy_after is not None else []),
        ]
        self.env = {
            **os.environ,
            "ROBOCOLE_GRADER_TOKEN": TOKEN,
            "ROBOCOLE_MANIFEST": str(MANIFEST),
        }
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = data_dir / "server.log"
        self.process = self.start()

    def start(self) -> subprocess.Popen[bytes]:
        # Its messages go to a file: a pipe nobody reads fills up (64 KB of waitress's
        # "Task queue depth" warnings under load) and then the server's main thread blocks
        # on it and answers nothing: the bench's own collapse, mistaken for the app's.
        with (self.log_path).open("ab") as log:
            process = subprocess.Popen(
                self.command, env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log
            )
        for _ in range(300):
            try:
                requests.get(self.base + "/api/v1/health", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
        return process

    def kill_and_restart(self) -> float:
        """SIGKILL, then start again; the seconds the app was away."""
        started = time.perf_counter()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.process = self.start()
        return time.perf_counter() - started

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def report(timings: Timings, started: float, done: threading.Event) -> None:
    """A line every 15 s while the class works: a collapse shows while it happens."""
    while not done.wait(15):
        with timings.lock:
            answered = len(timings.samples.get("page", [])) + len(timings.samples.get("post", []))
            failed = sum(n for (kind, _f), n in timings.failures.items() if kind != "anchor")
        print(
            f"  … {time.perf_counter() - started:5.0f} s: {answered} requests, {failed} failed",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pupils", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between clicks")
    parser.add_argument("--workers", type=int, default=16, help="logins in flight at once")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads")
    parser.add_argument(
        "--busy-after", type=float, default=None, help="the app's --busy-after (default: its own)"
    )
    parser.add_argument("--hog", action="store_true", help="a CPU and disk hog beside the app")
    parser.add_argument(
        "--kill-after", type=float, default=None, help="SIGKILL the app this many s into the work"
    )
    args = parser.parse_args()
    # Stopped with SIGTERM (a time-out), still stop the hog and the app (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    data_dir = Path(tempfile.mkdtemp(prefix="robocole-bench-"))
    print(f"seeding {args.pupils} pupils…", flush=True)
    pupils = seed(data_dir, args.pupils)
    app = App(data_dir, free_port(), args.threads, args.busy_after)
    base = app.base
    hogs: list[multiprocessing.Process] = []
    restarts: list[float] = []
    ledger = Ledger()
    try:
        timings = Timings()
        started = time.perf_counter()
        with ThreadPoolExecutor(args.workers) as pool:
            list(pool.map(lambda p: login(base, p, timings), pupils))
        login_wall = time.perf_counter() - started

        if args.hog:
            hogs = start_hog(data_dir)
            time.sleep(1)
        anchor(base, 4, 600, timings)
        if args.kill_after is not None:
            killer = threading.Timer(
                args.kill_after, lambda: restarts.append(app.kill_and_restart())
            )
            killer.daemon = True
            killer.start()
        started = time.perf_counter()
        done = threading.Event()
        threading.Thread(target=report, args=(timings, started, done), daemon=True).start()
        with ThreadPoolExecutor(len(pupils)) as pool:
            list(
                pool.map(lambda p: work(base, p, args.rounds, args.think, timings, ledger), pupils)
            )
        wall = time.perf_counter() - started
        done.set()
    finally:
        for hog in hogs:
            hog.kill()
        app.stop()

    for pupil in pupils:  # free the keep-alive sockets before opening the database
        pupil.session.close()
    mixed = timings.all("page", "post")
    anchor_p95 = percentile(timings.all("anchor"), 0.95)
    print(
        f"\nclassroom load: {args.pupils} pupils acting every ~{args.think:g} s "
        f"(offered ≈ {args.pupils / args.think:.0f} req/s), waitress {args.threads} threads, "
        f"{os.cpu_count()} cores; anchor = GET /api/v1/health, 4 in flight"
        + (f"; busy after {args.busy_after:g} s" if args.busy_after is not None else "")
        + ("; with the CPU and disk hog" if args.hog else "")
    )
    if restarts:
        print(f"app killed (SIGKILL) {args.kill_after:g} s in, back after {restarts[0]:.1f} s")
    print(
        f"login burst: {args.pupils} logins in {login_wall:.1f} s, "
        f"p95 {percentile(timings.all('login'), 0.95) * 1000:.0f} ms (3 picture clicks, argon2id)"
    )
    for kind in ("anchor", "page", "post"):
        values = timings.all(kind)
        print(
            f"{kind:>7}: n={len(values):5d}  p50={statistics.median(values) * 1000:6.1f} ms  "
            f"p95={percentile(values, 0.95) * 1000:6.1f} ms  "
            f"p99={percentile(values, 0.99) * 1000:6.1f} ms  max={max(values) * 1000:7.1f} ms"
        )
    p95 = percentile(mixed, 0.95)
    over_5s = sum(value > 5 for value in mixed)
    print(
        f"  mixed: {len(mixed)} requests in {wall:.1f} s = {len(mixed) / wall:.0f} req/s, "
        f"p50 {statistics.median(mixed) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
        f"(goal ≤ {500 if args.hog else 50} ms), p95 / anchor p95 = {p95 / anchor_p95:.1f}×, "
        f"{over_5s} over 5 s"
    )
    if timings.failures:
        print(
            " failed: "
            + ", ".join(
                f"{kind} {failure}: {n}" for (kind, failure), n in sorted(timings.failures.items())
            )
        )
    else:
        print(" failed: none")
    check = check_ledger(data_dir / "classroom.sqlite3", ledger)
    print(
        f" ledger: {len(ledger.bodies)} results, {check.expected_xp} XP events expected for the "
        f"{len(ledger.bodies) - check.undelivered} answered 2xx: {check.lost} lost, "
        f"{check.doubled} doubled; {check.undelivered} undelivered; "
        f"{check.stored_unanswered} stored though no answer said so"
    )
    if timings.errors:
        print(f" first errors: {timings.errors[:3]}")
    # A kind « busy » 503 is an answer (the page says to try again); a page that timed out,
    # was refused or failed otherwise is not.
    page_failures = sum(
        n for (kind, f), n in timings.failures.items() if kind != "post" and f != "busy 503"
    )
    # Pages are not sent again: while the app restarts after a kill, some fail by design.
    bad = check.lost or check.doubled or check.undelivered or (page_failures and not restarts)
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
