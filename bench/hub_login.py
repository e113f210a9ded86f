"""A class logs in at once: N pupils spawn their JupyterLab servers at the same moment.

What it does, in one run (as root, it makes system users):
1. starts the platform as ``robocole up`` does (real JupyterHub, proxy, classroom app,
   grader), in a fresh data folder, and adds pupils to the demo class;
2. anchor: one pupil logs in with pictures and spawns alone;
3. burst: N other pupils log in, then all ask for their server in the same second;
   "ready" is when the hub sends the pupil on to their server (it checked it answers);
4. RSS of each pupil's server (all processes of the pupil's own system user);
5. with ``--compare``, the same on a hub with stock pupil servers (every extension, the slow
   import) and JupyterHub's stock timeouts, started after the first one stops;
6. with ``--warm S``, the same after the teacher pressed "Start the class" S seconds before
   the pupils log in (the anchor stays one cold spawn alone).

Usage: ``python bench/hub_login.py [--pupils 10] [--compare] [--warm 90]``
Goal on 2 cores: every pupil of a class ready, p50 and max printed as ratios of the anchor.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classroom_app import classes  # noqa: E402
from classroom_app.demo import DEMO_EMAIL  # noqa: E402
from classroom_app.store import Store  # noqa: E402
from hub_config.platform import Ports, prepare, start_hub, stop_hub, wait_ready  # noqa: E402
from tests.conftest import free_port  # noqa: E402

# Stock pupil servers and JupyterHub's default timeouts, for --compare.
STOCK = [
    "--RobocoleAuthenticator.pupil_config_dir=",
    "--RobocoleAuthenticator.fast_imports_dir=",
    "--Spawner.start_timeout=60",
    "--Spawner.http_timeout=30",
]


@dataclass
class Outcome:
    username: str
    seconds: float | None
    error: str = ""


def xsrf_of(page: str) -> str:
    found = re.search(r'name="_xsrf" value="([^"]+)"', page)
    assert found, "no _xsrf field"
    return found.group(1)


def log_in(url: str, code: str, username: str, pictures: list[str]) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{url}/hub/login", params={"code": code, "pupil": username}).text
    chosen: list[str] = []
    for picture in pictures:
        answer = session.post(
            f"{url}/hub/login",
            data={
                "_xsrf": xsrf_of(page),
                "code": code,
                "pupil": username,
                "chosen": ",".join(chosen),
                "picture": picture,
            },
            allow_redirects=False,
        )
        chosen.append(picture)
        page = answer.text
    if "robocole" not in str(session.cookies.keys()) and answer.status_code != 302:
        raise RuntimeError(f"login failed for {username}: {html.unescape(page)[-300:]}")
    return session


def spawn(url: str, session: requests.Session, username: str, timeout: float) -> Outcome:
    """Ask for the server as the browser does, then read the hub's own view until ready."""
    start = time.monotonic()
    session.get(f"{url}/hub/spawn", allow_redirects=False, timeout=timeout)
    headers = {"X-XSRFToken": session.cookies.get("_xsrf", "")}
    while time.monotonic() - start < timeout:
        model = session.get(f"{url}/hub/api/user", headers=headers, timeout=timeout).json()
        server = model.get("servers", {}).get("")
        if server and server.get("ready"):
            return Outcome(username, time.monotonic() - start)
        if not server and time.monotonic() - start > 5:
            return Outcome(username, None, "the hub gave up on this server")
        time.sleep(0.5)
    return Outcome(username, None, "timeout")


def warm_class(url: str, email: str, password: str, timeout: float) -> float:
    """The teacher's "Start the class" (classroom app page); seconds until it answered."""
    session = requests.Session()
    page = session.get(f"{url}/hub/login", params={"teacher": "1"}).text
    session.post(
        f"{url}/hub/login",
        data={"_xsrf": xsrf_of(page), "kind": "teacher", "email": email, "password": password},
    )
    lessons = session.get(f"{url}/services/classroom/teacher/classes/1/lessons").text
    found = re.search(r'name="csrf_token" value="([^"]+)"', lessons)
    assert found, "no lessons page for the demo teacher"
    start = time.monotonic()
    session.post(
        f"{url}/services/classroom/teacher/classes/1/start",
        data={"csrf_token": found.group(1)},
        timeout=timeout,
    )
    return time.monotonic() - start


def rss_mb(username: str) -> float:
    ps = subprocess.run(["ps", "-o", "rss=", "-u", username], capture_output=True, text=True)
    return sum(int(v) for v in ps.stdout.split()) / 1024


def add_pupils(data: Path, code: str, count: int) -> dict[str, list[str]]:
    store = Store.open(data / "classroom.sqlite3")
    try:
        klass = store.class_by_code(code)
        assert klass is not None
        teacher = store.teacher_by_email(DEMO_EMAIL)
        assert teacher is not None
        names = "\n".join(f"Élève Banc {i}" for i in range(count))
        added = classes.add_pupils(store, klass, names, int(teacher["id"]))
        return {str((store.pupil(p.id) or {})["username"]): list(p.pictures) for p in added}
    finally:
        store.close()


def run(label: str, pupils: int, options: list[str], timeout: float, warm: float = 0.0) -> None:
    data = Path(tempfile.mkdtemp(prefix="robocole-bench-"))
    ports = Ports(free_port(), free_port(), free_port(), free_port())
    users: dict[str, list[str]] = {}
    hub = None
    try:
        demo = prepare(data)
        assert demo is not None
        users = add_pupils(data, demo.class_code, pupils + 1)
        log = (data / "hub.log").open("wb")
        hub = start_hub(data, ports, stdout=log, options=options)
        url = f"http://127.0.0.1:{ports.hub}"
        wait_ready(hub, f"{url}/hub/health")
        wait_ready(hub, f"{url}/services/classroom/api/v1/health")
        names = list(users)
        anchor_name, burst_names = names[0], names[1:]
        anchor = spawn(
            url, log_in(url, demo.class_code, anchor_name, users[anchor_name]), anchor_name, timeout
        )
        if warm:
            warm_class(url, demo.email, demo.password, timeout)
            time.sleep(warm)  # the teacher starts the class this long before the children
        sessions = {n: log_in(url, demo.class_code, n, users[n]) for n in burst_names}
        outcomes: list[Outcome] = []
        gate = threading.Barrier(len(burst_names))

        def one(name: str) -> None:
            gate.wait()
            outcomes.append(spawn(url, sessions[name], name, timeout))

        threads = [threading.Thread(target=one, args=(n,)) for n in burst_names]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        ready = sorted(o.seconds for o in outcomes if o.seconds is not None)
        rss = [rss_mb(n) for n in names]
        print(f"\n== {label}: {pupils} pupils at once")
        if anchor.seconds is None:
            print(f"anchor (1 pupil alone): FAILED {anchor.error}")
        else:
            print(f"anchor (1 pupil alone): {anchor.seconds:.1f} s")
        print(f"ready: {len(ready)}/{len(burst_names)}")
        if ready and anchor.seconds:
            p50, worst = statistics.median(ready), ready[-1]
            print(
                f"p50 {p50:.1f} s ({p50 / anchor.seconds:.1f}x anchor), "
                f"max {worst:.1f} s ({worst / anchor.seconds:.1f}x anchor)"
            )
        failed = [o for o in outcomes if o.seconds is None]
        for outcome in failed[:5]:
            print(f"failed: {outcome.username}: {outcome.error}")
        live = [r for r in rss if r > 0]
        if live:
            print(
                f"RSS per pupil server: median {statistics.median(live):.0f} MB, "
                f"max {max(live):.0f} MB"
            )
    finally:
        if hub is not None:
            stop_hub(hub)
        # Every pupil of the class may have a system user (warming starts the demo's too).
        if (data / "classroom.sqlite3").exists():
            store = Store.open(data / "classroom.sqlite3")
            try:
                users.update({p["username"]: [] for p in store.pupils_of_class(1)})
            finally:
                store.close()
        for name in users:
            subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
            subprocess.run(["userdel", name], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=240.0)
    parser.add_argument("--compare", action="store_true", help="also run stock pupil servers")
    parser.add_argument(
        "--warm",
        type=float,
        default=0.0,
        help="also run with the class started this many seconds before the pupils log in",
    )
    args = parser.parse_args()
    run("Robocole (light pupil server, class timeouts)", args.pupils, [], args.timeout)
    if args.warm:
        label = f"Robocole, class started {args.warm:.0f} s before the pupils"
        run(label, args.pupils, [], args.timeout, warm=args.warm)
    if args.compare:
        run("stock pupil server and timeouts", args.pupils, STOCK, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
