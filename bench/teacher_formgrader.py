"""What opening nbgrader's formgrader costs a teacher, against the teacher's own JupyterLab.

In one run (as root: it makes the teacher's system user), on a fresh platform started as
``robocole up`` does:
1. anchor: the demo teacher logs in at the hub and starts their own server (JupyterLab), as a
   teacher does to look at a lesson: time until it answers, and its memory;
2. the teacher clicks "Corriger à la main" in the classroom app: the hub starts the class's
   course server (hub_config/formgrader.py) and the formgrader answers: same numbers.
Memory is each server's processes (the teacher's system user's, the course server's being
the new ones): RSS and PSS (shared pages split between the processes sharing them, e.g. with
the zygote the servers are forked from). The per-course service design nbgrader documents
keeps one such server per class running all year; ours keeps it while a teacher grades (the
idle culler stops it).

Usage: ``flock /tmp/robocole-bench.lock .venv/bin/python bench/teacher_formgrader.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.process_memory import memory_of, pids_of_user  # noqa: E402
from tests.conftest import free_port  # noqa: E402


def xsrf_of(page: str) -> str:
    found = re.search(r'name="_xsrf" value="([^"]+)"', page)
    assert found, "no _xsrf field in the hub's login page"
    return found.group(1)


def wait_page(session: requests.Session, url: str, marker: str, timeout: float = 180.0) -> float:
    """Seconds until the page ``url`` is served with ``marker`` in it (the hub's OAuth and
    spawn-pending redirects followed, as a browser does)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        answer = session.get(url, timeout=30)
        if answer.ok and marker in answer.text and answer.url.startswith(url):
            return time.monotonic() - started
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def main() -> int:
    from hub_config.platform import Ports, prepare, start_hub, stop_hub, wait_ready

    if os.geteuid() != 0:
        print("run as root: the teacher's server runs as their own system user")
        return 2
    data = Path(tempfile.mkdtemp(prefix="robocole-bench-formgrader-"))
    ports = Ports(
        hub=free_port(), classroom=free_port(), hub_api=free_port(), proxy_api=free_port()
    )
    demo = prepare(data)
    assert demo is not None
    course = f"robocole-{demo.class_code.lower()}"
    log = (data / "hub.log").open("wb")
    hub = start_hub(data, ports, stdout=log)
    url = f"http://127.0.0.1:{ports.hub}"
    try:
        wait_ready(hub, f"{url}/hub/health")
        wait_ready(hub, f"{url}/services/classroom/api/v1/health")
        print(f"load average before: {os.getloadavg()}")
        session = requests.Session()
        page = session.get(f"{url}/hub/login", params={"teacher": "1"})
        session.post(
            f"{url}/hub/login",
            data={
                "_xsrf": xsrf_of(page.text),
                "kind": "teacher",
                "email": demo.email,
                "password": demo.password,
            },
        ).raise_for_status()

        started = time.monotonic()
        session.get(f"{url}/hub/spawn/prof-1")
        wait_page(session, f"{url}/user/prof-1/lab", "JupyterLab")
        lab = time.monotonic() - started
        time.sleep(2)  # let it settle before measuring
        lab_pids = set(pids_of_user("prof-1"))
        lab_memory = memory_of(sorted(lab_pids))

        started = time.monotonic()
        # The dashboard's link: the classroom app sends the teacher to the hub's spawn page.
        session.get(f"{url}/services/classroom/teacher/classes/1/formgrader")
        wait_page(session, f"{url}/user/prof-1/{course}/formgrader", "Manage Assignments")
        grading = time.monotonic() - started
        time.sleep(2)
        # The course server's processes: the teacher's, minus those of their JupyterLab.
        fg_memory = memory_of(sorted(set(pids_of_user("prof-1")) - lab_pids))

        print(f"load average after: {os.getloadavg()}")
        print(
            f"teacher's JupyterLab (anchor): ready in {lab:.1f} s, RSS {lab_memory.rss:.0f} MB, "
            f"PSS {lab_memory.pss:.0f} MB"
        )
        print(
            f"class's formgrader server:     ready in {grading:.1f} s, RSS {fg_memory.rss:.0f} MB, "
            f"PSS {fg_memory.pss:.0f} MB"
        )
        print(
            f"ratio formgrader/anchor: time {grading / lab:.2f}, "
            f"PSS {fg_memory.pss / max(lab_memory.pss, 1):.2f}"
        )
        print(
            f"nbgrader's per-course services for 10 classes: ≈{10 * fg_memory.pss:.0f} MB (PSS)"
            f" all year; here ≈{fg_memory.pss:.0f} MB per teacher grading, while they grade"
        )
    except Exception:
        log.flush()
        print((data / "hub.log").read_text(errors="replace")[-4000:])
        raise
    finally:
        stop_hub(hub)
        log.close()
        subprocess.run(["pkill", "-KILL", "-u", "prof-1"], capture_output=True)
        subprocess.run(["userdel", "prof-1"], capture_output=True)
        subprocess.run(["groupdel", f"formgrade-{course}"], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
