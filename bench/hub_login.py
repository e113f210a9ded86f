"""A class logs in at once: N pupils log in with their pictures and open JupyterLab together.

What it does, in one run (as root, it makes system users):
1. starts the platform as ``robocole up`` does (real JupyterHub, proxy, classroom app,
   grader), in a fresh data folder, and adds pupils to the demo class;
2. anchor: one pupil logs in with pictures and opens JupyterLab alone;
3. burst: N other pupils, released together, each log in with pictures, ask for their server
   (``/hub/spawn``), follow the hub's progress stream as the browser's spawn page does, then
   open ``/user/<name>/lab`` through the hub's OAuth: "lab ready" is when JupyterLab's page,
   scripts and start-up requests (settings, translations, kernels, files, workspace) all
   answered; every time is counted from the moment the class was released;
4. memory of each pupil's server, all processes of the pupil's own system user: RSS (counts
   pages shared with other processes in full), PSS (shared pages split between the processes
   sharing them: the fair measure, and the one the goal is judged on) and USS (pages only
   this server has: what one more pupil costs), and the zygote's own, which its children
   share;
5. with ``--compare``, the same on a hub with stock settings: no zygote (one new Python per
   server), stock pupil servers (every extension, the slow import) and JupyterHub's stock
   timeouts and spawn limit, started after the first one stops;
6. with ``--warm S``, the same after the teacher pressed "Start the class" S seconds before
   the pupils log in (the anchor stays one cold spawn alone).

Usage: ``python bench/hub_login.py [--pupils 30] [--compare] [--warm 90]``; run it under
``flock /tmp/robocole-bench.lock`` on a shared machine. The load average is printed before
and after each run. Goal on 2 cores: 30 pupils, every lab ready within 30 s, at most 100 MB
(PSS) per server.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import pwd
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

from bench.process_memory import Memory, memory_of, pids_of_user  # noqa: E402
from classroom_app import classes  # noqa: E402
from classroom_app.demo import DEMO_EMAIL  # noqa: E402
from classroom_app.store import Store  # noqa: E402
from hub_config.platform import Ports, prepare, start_hub, stop_hub, wait_ready  # noqa: E402
from hub_config.process_tree import descendants  # noqa: E402
from tests.conftest import free_port  # noqa: E402

# Stock settings, for --compare: no zygote, stock pupil servers, JupyterHub's default timeouts
# and spawn limit.
STOCK = [
    "--RobocoleLocalSpawner.zygote=False",
    "--RobocoleAuthenticator.pupil_config_dir=",
    "--RobocoleAuthenticator.fast_imports_dir=",
    "--Spawner.start_timeout=60",
    "--Spawner.http_timeout=30",
    "--JupyterHub.concurrent_spawn_limit=100",
]


@dataclass
class Outcome:
    username: str
    logged_in: float | None = None
    server_ready: float | None = None
    lab_ready: float | None = None
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
    if answer.status_code != 302:
        raise RuntimeError(f"login failed for {username}: {html.unescape(page)[-300:]}")
    return session


def wait_for_server(url: str, session: requests.Session, username: str, timeout: float) -> str:
    """The hub's progress stream, as the spawn page reads it; "" once ready, else why not."""
    headers = {"X-XSRFToken": session.cookies.get("_xsrf", "")}
    with session.get(
        f"{url}/hub/api/users/{username}/server/progress",
        headers=headers,
        stream=True,
        timeout=timeout,
    ) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if not line or not line.startswith("data:"):
                continue
            event = json.loads(line[5:])
            if event.get("ready"):
                return ""
            if event.get("failed"):
                return str(event.get("message", "failed"))
    return "the progress stream ended before the server was ready"


# What JupyterLab asks its server for before it shows the launcher (seen in a browser), after
# its page and scripts. The chunks its main bundle loads afterwards (17 MB of static files in
# all, which browsers keep in their cache from one lesson to the next) are not fetched.
LAB_STARTUP = (
    "lab/api/settings",
    "lab/api/translations/fr_FR",
    "api/kernelspecs",
    "api/contents?content=1",
    "lab/api/workspaces/default",
    "api/sessions",
    "api/me",
)


def open_lab(url: str, session: requests.Session, username: str, timeout: float) -> str:
    """JupyterLab through the hub's OAuth as the browser opens it: the page, its scripts and
    extensions' entry points, then its start-up requests; "" when all of them answered."""
    page = session.get(f"{url}/user/{username}/lab", timeout=timeout)
    found = re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', page.text, re.S)
    if page.status_code != 200 or not found:
        return f"lab page: HTTP {page.status_code} at {page.url}"
    config = json.loads(found.group(1))
    base = f"{url}/user/{username}/"
    wanted = [url + src for src in re.findall(r'<script src="(/[^"]+)"', page.text)]
    wanted += [
        f"{base}lab/extensions/{extension['name']}/{extension['load']}"
        for extension in config.get("federated_extensions", [])
    ]
    wanted += [base + path for path in LAB_STARTUP]
    for address in wanted:
        answer = session.get(address, timeout=timeout)
        if answer.status_code != 200:
            return f"{address}: HTTP {answer.status_code}"
    return ""


def journey(
    url: str, code: str, username: str, pictures: list[str], start: float, timeout: float
) -> Outcome:
    """One pupil: log in with pictures, ask for the server, wait for it, open the lab."""
    outcome = Outcome(username)
    try:
        session = log_in(url, code, username, pictures)
        outcome.logged_in = time.monotonic() - start
        session.get(f"{url}/hub/spawn", allow_redirects=False, timeout=timeout)
        outcome.error = wait_for_server(url, session, username, timeout)
        if outcome.error:
            return outcome
        outcome.server_ready = time.monotonic() - start
        outcome.error = open_lab(url, session, username, timeout)
        if not outcome.error:
            outcome.lab_ready = time.monotonic() - start
    except (requests.RequestException, RuntimeError, ValueError) as error:
        outcome.error = f"{type(error).__name__}: {error}"
    return outcome


def zygote_pids(hub: int) -> list[int]:
    """This hub's zygote (other hubs on the machine have their own)."""
    found = subprocess.run(
        ["pgrep", "-x", "-P", str(hub), "robocole-zygote"], capture_output=True, text=True
    )
    return [int(pid) for pid in found.stdout.split()]


def role_of(pid: int, users: set[str]) -> str:
    """Which part of the platform a process is, for the CPU breakdown."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        owner = Path(f"/proc/{pid}").stat().st_uid
    except OSError:
        return "gone"
    try:
        user = pwd.getpwuid(owner).pw_name
    except KeyError:
        user = ""
    if user in users:
        return "pupils' servers and kernels"
    for needle, role in (
        ("hub_config.zygote", "zygote"),
        ("configurable-http-proxy", "proxy"),
        ("hub_config.proxy", "proxy"),
        ("classroom_service", "classroom app (picture check, SSO)"),
        ("grade watch", "grader"),
        ("idle_culler", "idle culler"),
        ("jupyterhub -f", "hub"),
    ):
        if needle in command:
            return role
    return "other"


def cpu_seconds(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def platform_cpu(hub: int, users: set[str]) -> dict[int, tuple[str, float]]:
    """CPU seconds used so far by each process of the platform (the hub and below it); a
    process that ended during the burst (a server the hub gave up on) is not counted."""
    return {pid: (role_of(pid, users), cpu_seconds(pid)) for pid in [hub, *descendants(hub)]}


def cpu_breakdown(
    before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]], client: float
) -> dict[str, float]:
    used: dict[str, float] = {"the pupils' browsers (this benchmark's requests)": client}
    for pid, (role, seconds) in after.items():
        used[role] = used.get(role, 0.0) + seconds - before.get(pid, (role, 0.0))[1]
    return used


def machine_busy() -> float:
    """CPU seconds the whole machine spent busy (every user's work), from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


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


@dataclass
class Result:
    label: str
    pupils: int
    anchor: Outcome
    outcomes: list[Outcome]
    servers: list[Memory]
    zygote: Memory
    load_before: str
    load_after: str
    cpu: dict[str, float]
    seconds: float
    machine: float

    def times(self, kind: str) -> list[float]:
        return sorted(t for o in self.outcomes if (t := getattr(o, kind)) is not None)

    def show(self) -> None:
        print(f"\n== {self.label}: {self.pupils} pupils log in at once")
        print(f"load average before: {self.load_before}, after: {self.load_after}")
        anchor = self.anchor.lab_ready
        if anchor is None:
            print(f"anchor (1 pupil alone): FAILED {self.anchor.error}")
        else:
            print(f"anchor (1 pupil alone, login to lab page): {anchor:.1f} s")
        labs = self.times("lab_ready")
        print(f"labs ready: {len(labs)}/{self.pupils}")
        for kind, name in (
            ("logged_in", "logged in"),
            ("server_ready", "server ready"),
            ("lab_ready", "lab ready"),
        ):
            values = self.times(kind)
            if not values:
                continue
            p50, worst = statistics.median(values), values[-1]
            ratio = f" ({p50 / anchor:.1f}x / {worst / anchor:.1f}x anchor)" if anchor else ""
            print(f"{name}: p50 {p50:.1f} s, max {worst:.1f} s{ratio}")
        for outcome in [o for o in self.outcomes if o.lab_ready is None][:5]:
            print(f"failed: {outcome.username}: {outcome.error}")
        live = [m for m in self.servers if m.rss > 0]  # servers the hub gave up on: none
        if live:
            for kind in ("rss", "pss", "uss"):
                values = [getattr(m, kind) for m in live]
                print(
                    f"{kind.upper()} per pupil server: median {statistics.median(values):.0f} MB,"
                    f" max {max(values):.0f} MB ({len(live)} servers)"
                )
        spent = sum(self.cpu.values())
        print(
            f"CPU used during the burst ({self.seconds:.0f} s, at most"
            f" {self.seconds * (os.cpu_count() or 1):.0f} CPU s on {os.cpu_count()} cores):"
            f" {spent:.0f} CPU s by the platform, {self.machine:.0f} CPU s by the whole machine"
            " (other users' work included; servers the hub killed are not counted)"
        )
        for role, seconds in sorted(self.cpu.items(), key=lambda item: -item[1]):
            if seconds >= 0.05:
                print(f"  {role}: {seconds:.1f} s")
        if self.zygote.processes:
            print(
                f"zygote (shared by all): RSS {self.zygote.rss:.0f} MB, PSS"
                f" {self.zygote.pss:.0f} MB; PSS per pupil with its share of the zygote:"
                f" {statistics.median([m.pss for m in live]) + self.zygote.pss / len(live):.0f} MB"
            )


def run(label: str, pupils: int, options: list[str], timeout: float, warm: float = 0.0) -> Result:
    data = Path(tempfile.mkdtemp(prefix="robocole-bench-"))
    ports = Ports(free_port(), free_port(), free_port(), free_port())
    users: dict[str, list[str]] = {}
    hub = None
    load_before = load()
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
        anchor = journey(
            url, demo.class_code, anchor_name, users[anchor_name], time.monotonic(), timeout
        )
        if warm:
            warm_class(url, demo.email, demo.password, timeout)
            time.sleep(warm)  # the teacher starts the class this long before the children
        outcomes: list[Outcome] = []
        gate = threading.Barrier(len(burst_names) + 1)
        start = [0.0]

        def one(name: str) -> None:
            gate.wait()
            outcomes.append(journey(url, demo.class_code, name, users[name], start[0], timeout))

        threads = [threading.Thread(target=one, args=(n,)) for n in burst_names]
        for thread in threads:
            thread.start()
        cpu_before = platform_cpu(hub.pid, set(names))
        client_before = sum(os.times()[:2])
        machine_before = machine_busy()
        start[0] = time.monotonic()
        gate.wait()
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - start[0]
        machine = machine_busy() - machine_before
        cpu = cpu_breakdown(
            cpu_before, platform_cpu(hub.pid, set(names)), sum(os.times()[:2]) - client_before
        )
        servers = [memory_of(pids_of_user(n)) for n in burst_names]
        return Result(
            label,
            pupils,
            anchor,
            outcomes,
            servers,
            memory_of(zygote_pids(hub.pid)),
            load_before,
            load(),
            cpu,
            seconds,
            machine,
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
        if os.environ.get("ROBOCOLE_KEEP_BENCH_DATA"):
            print(f"bench data kept in {data}")
        else:
            shutil.rmtree(data, ignore_errors=True)


def compare(ours: Result, stock: Result) -> None:
    print("\n== Robocole against stock settings (same run)")
    for kind in ("lab_ready",):
        a, b = ours.times(kind), stock.times(kind)
        print(f"labs ready: {len(a)}/{ours.pupils} against {len(b)}/{stock.pupils}")
        if a and b:
            print(
                f"lab ready p50: {statistics.median(a):.1f} s against"
                f" {statistics.median(b):.1f} s ({statistics.median(b) / statistics.median(a):.1f}x"
                f" faster); max {a[-1]:.1f} s against {b[-1]:.1f} s"
            )
    mine = [m.pss for m in ours.servers if m.rss > 0]
    theirs = [m.pss for m in stock.servers if m.rss > 0]
    if mine and theirs:
        print(
            f"PSS per server: median {statistics.median(mine):.0f} MB against"
            f" {statistics.median(theirs):.0f} MB"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pupils", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=240.0)
    parser.add_argument("--compare", action="store_true", help="also run stock settings")
    parser.add_argument(
        "--warm",
        type=float,
        default=0.0,
        help="also run with the class started this many seconds before the pupils log in",
    )
    args = parser.parse_args()
    ours = run(
        "Robocole (zygote, light pupil server, class timeouts)", args.pupils, [], args.timeout
    )
    ours.show()
    if args.warm:
        label = f"Robocole, class started {args.warm:.0f} s before the pupils"
        run(label, args.pupils, [], args.timeout, warm=args.warm).show()
    if args.compare:
        stock = run("stock settings", args.pupils, STOCK, args.timeout)
        stock.show()
        compare(ours, stock)
    return 0


if __name__ == "__main__":
    sys.exit(main())
