"""The zygote forks each server as its pupil, and nothing of the hub or another pupil leaks.

A real zygote process (hub_config/zygote.py) started by the hub's client, real system users;
the children run tests/hub_config/zygote_probe.py instead of jupyterhub-singleuser, which
reports what the child is. The real servers are forked the same way in test_journey.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import pwd
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hub_config.spawner import process_start
from hub_config.zygote import Launch
from hub_config.zygote_client import Zygote, ZygoteError

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="forks servers as system users")

PROBE = "tests.hub_config.zygote_probe"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Pupil:
    name: str
    uid: int
    gid: int
    home: Path

    def launch(self, report: str, **changes: object) -> Launch:
        fields: dict[str, object] = {
            "argv": ["jupyterhub-singleuser", str(self.home / report)],
            "env": {"HOME": str(self.home), "USER": self.name, "JUPYTERHUB_API_TOKEN": "t0k"},
            "uid": self.uid,
            "gid": self.gid,
            "groups": os.getgrouplist(self.name, self.gid),
            "home": str(self.home),
            "limits": [(resource.RLIMIT_NPROC, 64), (resource.RLIMIT_AS, 2 * 1024**3)],
        }
        fields.update(changes)
        return Launch(**fields)  # type: ignore[arg-type]

    def report(self, name: str, timeout: float = 20.0) -> dict[str, object]:
        path = self.home / name
        deadline = time.monotonic() + timeout
        while not path.exists() or not path.read_text():
            assert time.monotonic() < deadline, "the child never reported"
            time.sleep(0.05)
        return dict(json.loads(path.read_text()))


@pytest.fixture
def pupils() -> Iterator[list[Pupil]]:
    root = Path(tempfile.mkdtemp(prefix="robocole-zygote-"))
    os.chmod(root, 0o755)
    made = []
    try:
        for index in range(2):
            name = f"zyg{os.getpid() % 10000}-{index}"
            home = root / name
            subprocess.run(
                ["useradd", "--create-home", "--home-dir", str(home), "--user-group", name],
                check=True,
                capture_output=True,
            )
            made.append(name)
            os.chmod(home, 0o700)
            account = pwd.getpwnam(name)
            yield_pupil = Pupil(name, account.pw_uid, account.pw_gid, home)
            made[-1] = yield_pupil  # type: ignore[call-overload]
        yield made  # type: ignore[misc]
    finally:
        for pupil in made:
            name = pupil if isinstance(pupil, str) else pupil.name
            subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
            subprocess.run(["userdel", name], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def zygote() -> Zygote:
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT)}
    preload = ["hub_config.pupil_server", "send2trash", PROBE]
    return Zygote(env, preload=preload, entry=f"{PROBE}:main")


def test_a_forked_server_is_the_pupil_and_only_the_pupil(pupils: list[Pupil]) -> None:
    async def scenario() -> tuple[dict[str, object], dict[str, object], int, int]:
        forks = zygote()
        try:
            first = await forks.launch(pupils[0].launch("report.json"))
            await forks.launch(pupils[1].launch("report.json"))
            return (
                pupils[0].report("report.json"),
                pupils[1].report("report.json"),
                first,
                forks.pid,
            )
        finally:
            await forks.stop()

    report, other, pid, zygote_pid = asyncio.run(scenario())
    pupil = pupils[0]
    assert (report["uid"], report["euid"]) == (pupil.uid, pupil.uid)
    assert (report["gid"], report["egid"]) == (pupil.gid, pupil.gid)
    assert report["groups"] == [pupil.gid], "no supplementary group of root's"
    assert report["cwd"] == str(pupil.home)
    # Exactly the spawner's environment: nothing of the hub's or the zygote's.
    assert report["environ"] == {
        "HOME": str(pupil.home),
        "USER": pupil.name,
        "JUPYTERHUB_API_TOKEN": "t0k",
    }
    assert report["c_home"] == str(pupil.home)
    assert report["tempdir"] == "/tmp"
    assert report["limits"] == {"nproc": 64, "as": 2 * 1024**3}
    assert report["session_leader"] is True
    assert report["fds"] == [0, 1, 2], "the zygote's socket is closed in the child"
    assert report["comm"] == "singleuser"
    assert report["parent"] == zygote_pid
    assert report["argv"] == ["jupyterhub-singleuser", str(pupil.home / "report.json")]
    assert report["user_site"] == []
    assert report["trash"] == [str(pupil.home / ".local/share/Trash"), pupil.uid]
    # Each child draws its own random numbers.
    assert report["random"] != other["random"]
    assert other["uid"] == pupils[1].uid
    # The zygote reaps its children: the pid is gone, not a zombie.
    deadline = time.monotonic() + 10
    while process_start(pid) is not None:
        assert time.monotonic() < deadline, "the child was not reaped"
        time.sleep(0.05)


def test_the_zygote_never_starts_a_server_as_root(pupils: list[Pupil]) -> None:
    async def scenario(launch: Launch) -> None:
        forks = zygote()
        try:
            await forks.launch(launch)
        finally:
            await forks.stop()

    for changes in ({"uid": 0}, {"gid": 0}, {"groups": [pupils[0].gid, 0]}):
        with pytest.raises(ZygoteError, match="root"):
            asyncio.run(scenario(pupils[0].launch("never.json", **changes)))
    assert not (pupils[0].home / "never.json").exists()


def test_a_dead_zygote_is_started_again(pupils: list[Pupil]) -> None:
    async def scenario() -> tuple[int, int]:
        forks = zygote()
        try:
            await forks.launch(pupils[0].launch("one.json"))
            first = forks.pid
            os.kill(first, 9)
            await asyncio.sleep(0.2)
            await forks.launch(pupils[1].launch("two.json"))
            return first, forks.pid
        finally:
            await forks.stop()

    first, second = asyncio.run(scenario())
    assert first != second
    assert pupils[1].report("two.json")["uid"] == pupils[1].uid


def test_the_zygote_dies_with_the_hub() -> None:
    """The hub's process is killed outright: its zygote does not outlive it."""
    hub = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import asyncio, os, sys\n"
            "from hub_config.zygote_client import Zygote\n"
            "z = Zygote({'PATH': os.environ['PATH']}, preload=[])\n"
            "async def main():\n"
            "    await z._start()\n"
            "    print(z.pid, flush=True)\n"
            "    await asyncio.sleep(60)\n"
            "asyncio.run(main())\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert hub.stdout is not None
    zygote_pid = int(hub.stdout.readline())
    assert Path(f"/proc/{zygote_pid}/comm").read_text().strip() == "robocole-zygote"
    hub.kill()
    hub.wait()
    hub.stdout.close()
    deadline = time.monotonic() + 10
    while process_start(zygote_pid) is not None:
        assert time.monotonic() < deadline, "the zygote outlived the hub"
        time.sleep(0.05)


def test_the_imports_leave_nothing_a_child_must_not_inherit() -> None:
    """The real preload: no thread, no application, no cached home folder or user name."""
    script = (
        "import os, sys, tempfile\n"
        "from hub_config.zygote import PER_USER_MODULES, PRELOAD, preload, check_forkable\n"
        "loaded = preload(list(PRELOAD))\n"
        "check_forkable()\n"
        "home = os.path.expanduser('~')\n"
        # Python itself may live under root's home (pyenv): its own paths are not caches.
        "installed = (sys.base_prefix, sys.prefix, os.path.dirname(sys.executable))\n"
        "found = [] if tempfile.tempdir is None else ['tempfile.tempdir']\n"
        # The script's own names, user site (off: python -s) and what children re-execute.
        "skip = {'__main__', '__mp_main__', 'site', *PER_USER_MODULES}\n"
        "for name, module in list(sys.modules.items()):\n"
        "    if name in skip:\n"
        "        continue\n"
        "    for key, value in list(vars(module).items()):\n"
        "        if key.lower() in ('uid', 'gid') and type(value) is int and value == 0:\n"
        "            found.append(f'{name}.{key}={value!r}')\n"
        "        values = value if isinstance(value, (list, tuple)) else [value]\n"
        "        for item in values:\n"
        "            if not isinstance(item, str) or item.startswith(installed):\n"
        "                continue\n"
        "            if item == 'root' or item == home or item.startswith(home + '/.'):\n"
        "                found.append(f'{name}.{key}={item!r}')\n"
        "print(len(loaded), '\\n'.join(found))\n"
    )
    env = {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": str(ROOT / "hub_config/singleuser/fast_imports"),
    }
    answer = subprocess.run(
        [sys.executable, "-s", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd="/",
        timeout=120,
    )
    assert answer.returncode == 0, answer.stderr[-2000:]
    count, _, cached = answer.stdout.partition(" ")
    assert int(count) >= 20
    assert cached.strip() == "", f"module-level values naming root's home or user:\n{cached}"


def test_the_hub_tells_a_forked_server_from_a_later_process_with_its_pid() -> None:
    """A forked server is not the hub's child: its pid and start time name it, so a pid
    reused by another process (or a zombie) reads as a stopped server."""
    from hub_config.spawner import RobocoleLocalSpawner

    spawner = RobocoleLocalSpawner()
    with subprocess.Popen(["sleep", "30"]) as other:
        spawner.pid = other.pid
        spawner.start_ticks = process_start(other.pid) or 0
        assert spawner.start_ticks > 0
        assert asyncio.run(spawner.poll()) is None
        assert spawner.get_state()["start_ticks"] == spawner.start_ticks
        spawner.start_ticks -= 1  # the same pid, started at another time: not our server
        assert asyncio.run(spawner.poll()) == 0
        assert (spawner.pid, spawner.start_ticks) == (0, 0)
        spawner.pid, spawner.start_ticks = other.pid, process_start(other.pid) or 0
        other.kill()
        other.wait()
        assert asyncio.run(spawner.poll()) == 0
