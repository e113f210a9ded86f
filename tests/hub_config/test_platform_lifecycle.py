"""``robocole up`` stops every process of the platform: on Ctrl-C, and when the hub crashes.

The platform runs for real (``hub_config.platform.run``, on free ports, in a fresh data
folder), a pupil logs in with pictures and their server is forked by the zygote; then the hub
is killed outright (no cleanup at all) or ``robocole up`` gets Ctrl-C. Every process that was
below ``robocole up`` — hub, proxy, classroom app, grader, idle culler, zygote, the pupil's
server — must be gone. ``robocole up`` is started with SIGINT ignored, as a script's
``robocole up &`` starts it: Ctrl-C must still stop it, and quickly (JupyterHub stops its
services with SIGINT first, then waits 10 s for each one that ignores it).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests

from classroom_app.store import Store
from hub_config.process_tree import descendants
from hub_config.spawner import process_start
from tests.conftest import free_port
from tests.hub_config.conftest import Platform, _remove_users
from tests.hub_config.test_hub import click_pictures

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0, reason="the platform runs pupils as system users"),
]

ROOT = Path(__file__).resolve().parents[2]
RUN = (
    "import sys\n"
    "from pathlib import Path\n"
    "from hub_config.platform import Ports, run\n"
    "sys.exit(run(Path(sys.argv[1]), '127.0.0.1', Ports(*map(int, sys.argv[2:]))))\n"
)


def comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def wait_for(check: object, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.3)


def hub_answers(url: str) -> bool:
    try:
        return requests.get(f"{url}/services/classroom/api/v1/health", timeout=2).ok
    except requests.RequestException:
        return False


@pytest.mark.parametrize("ending", ["hub killed", "Ctrl-C"])
def test_nothing_of_the_platform_survives(ending: str) -> None:
    data = Path(tempfile.mkdtemp(prefix="robocole-up-"))
    ports = [free_port() for _ in range(4)]
    url = f"http://127.0.0.1:{ports[0]}"
    log = (data / "up.log").open("wb")
    up = subprocess.Popen(
        [sys.executable, "-c", RUN, str(data), *map(str, ports)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    seen: dict[int, int | None] = {}
    pupil = ""
    try:
        wait_for(lambda: hub_answers(url) or up.poll() is not None, "no platform", 180)
        assert up.poll() is None, (data / "up.log").read_text()[-2000:]

        # A pupil logs in; the zygote forks their server.
        store = Store.open(data / "classroom.sqlite3")
        try:
            klass = store.class_by_id(1)
            assert klass is not None
        finally:
            store.close()
        platform = Platform(data, url, SimpleNamespace(class_code=klass["code"]), up)
        pupil = platform.pupils()[0]["username"]
        session = requests.Session()
        answer = click_pictures(platform, session, pupil, platform.pictures(pupil))
        assert answer.status_code == 302
        session.get(f"{url}/hub/spawn", allow_redirects=False, timeout=30)

        def server_started() -> bool:
            names = {comm(pid) for pid in descendants(up.pid)}
            return "singleuser" in names

        wait_for(server_started, "the pupil's server never started", 120)
        tree = descendants(up.pid)
        seen = {pid: process_start(pid) for pid in tree}
        names = {comm(pid) for pid in tree}
        assert {"jupyterhub", "robocole-zygote", "singleuser"} <= names, names
        assert len(tree) >= 7, names  # + proxy, classroom app, grader, idle culler

        if ending == "hub killed":
            hub = next(pid for pid in tree if comm(pid) == "jupyterhub")
            os.kill(hub, signal.SIGKILL)
        else:
            up.send_signal(signal.SIGINT)
        stopping = time.monotonic()
        up.wait(timeout=90)
        if ending == "Ctrl-C":
            # Well before stop_hub's 30 s, after which it kills the hub's group outright.
            assert time.monotonic() - stopping < 20, (data / "up.log").read_text()[-2000:]

        survivors = [
            f"{pid} {comm(pid)}" for pid, started in seen.items() if process_start(pid) == started
        ]
        assert survivors == []
        left = subprocess.run(["pgrep", "-u", pupil], capture_output=True, text=True)
        assert left.stdout == "", "a process of the pupil survived"
    finally:
        if up.poll() is None:
            up.kill()
            up.wait()
        for pid, started in seen.items():
            if process_start(pid) == started:
                os.kill(pid, signal.SIGKILL)
        log.close()
        if pupil:
            _remove_users([pupil])
        shutil.rmtree(data, ignore_errors=True)
