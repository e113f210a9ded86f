"""Fixtures for the hub: a real classroom app served over HTTP, with a class and a teacher."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from classroom_app import classes
from classroom_app.app import create_app
from classroom_app.passwords import hash_password
from classroom_app.store import Store
from tests.conftest import LiveServer

FIXTURE_MANIFEST = Path(__file__).parent.parent / "fixtures" / "manifest.toml"
API_TOKEN = "hub-test-service-token"
PASSWORD = "correct horse battery"
TEACHER_EMAIL = "prof@ecole.fr"


@dataclass
class Classroom:
    url: str
    data_dir: Path
    klass: dict[str, Any]
    pupils: list[classes.NewPupil]
    usernames: list[str]
    teacher_id: int

    def pictures(self, index: int) -> list[str]:
        return list(self.pupils[index].pictures)

    @property
    def course(self) -> str:
        return f"robocole-{self.klass['code'].lower()}"


def make_classroom(data_dir: Path, manifest: Path = FIXTURE_MANIFEST) -> tuple[Any, Classroom]:
    """A classroom app with one class of three pupils (3 pictures each) and its teacher."""
    app = create_app(
        {
            "DATA_DIR": str(data_dir),
            "MANIFEST": str(manifest),
            "SERVICE_TOKENS": {"hub": API_TOKEN},
            "SECRET_KEY": "hub-test-secret",
        }
    )
    store = Store.open(app.config["DATABASE"])
    try:
        school = store.create_school("École Jules Verne")
        teacher = store.create_teacher(school, TEACHER_EMAIL, "Mme Prof", hash_password(PASSWORD))
        class_id = classes.create_class(store, school, teacher, "CM1 robots", picture_count=3)
        klass = store.class_by_id(class_id)
        assert klass is not None
        pupils = classes.add_pupils(store, klass, "Lina Bernard\nNoah\nLéa Petit", teacher)
        usernames = [str((store.pupil(p.id) or {})["username"]) for p in pupils]
    finally:
        store.close()
    return app, Classroom("", data_dir, klass, pupils, usernames, teacher)


@pytest.fixture
def classroom(tmp_path: Path) -> Iterator[Classroom]:
    app, room = make_classroom(tmp_path / "classroom")
    with LiveServer(app) as server:  # stops quietly even under load
        room.url = server.url
        yield room


@dataclass
class Platform:
    """A running platform (``robocole up``'s own code) on free ports, in a fresh data folder."""

    data: Path
    url: str
    demo: Any
    hub: Any

    def pupils(self) -> list[dict[str, Any]]:
        store = Store.open(self.data / "classroom.sqlite3")
        try:
            klass = store.class_by_code(self.demo.class_code)
            assert klass is not None
            return list(store.pupils_of_class(int(klass["id"])))
        finally:
            store.close()

    def pictures(self, username: str) -> list[str]:
        """A pupil's picture password, from the card batch the demo class printed."""
        store = Store.open(self.data / "classroom.sqlite3")
        try:
            pupil = store.pupil_by_username(username)
            assert pupil is not None
            return list(store.cards(int(pupil["class_id"]))[str(pupil["id"])])
        finally:
            store.close()

    def hub_groups(self, username: str) -> list[str]:
        import sqlite3

        with sqlite3.connect(f"file:{self.data / 'jupyterhub.sqlite'}?mode=ro", uri=True) as db:
            rows = db.execute(
                "SELECT groups.name FROM groups JOIN user_group_map ON groups.id ="
                " user_group_map.group_id JOIN users ON users.id = user_group_map.user_id"
                " WHERE users.name = ?",
                (username,),
            ).fetchall()
        return sorted(row[0] for row in rows)


def _remove_users(names: list[str]) -> None:
    import pwd
    import subprocess

    for name in names:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
        subprocess.run(["userdel", name], capture_output=True)


@pytest.fixture(scope="session")
def platform() -> Iterator[Platform]:
    """The whole platform as ``robocole up`` starts it; its pupils' system users removed after."""
    import os
    import shutil
    import tempfile

    from hub_config.platform import Ports, prepare, start_hub, stop_hub, wait_ready
    from tests.conftest import free_port

    if os.geteuid() != 0:
        pytest.skip("the hub runs each pupil as their own system user: needs root")
    # Not under pytest's tmp folder: pupils' own users must be able to reach their homes.
    data = Path(tempfile.mkdtemp(prefix="robocole-hub-"))
    ports = Ports(
        hub=free_port(), classroom=free_port(), hub_api=free_port(), proxy_api=free_port()
    )
    demo = prepare(data)
    assert demo is not None
    log = (data / "hub.log").open("wb")
    hub = start_hub(data, ports, stdout=log)
    running = Platform(data, f"http://127.0.0.1:{ports.hub}", demo, hub)
    try:
        wait_ready(hub, f"{running.url}/hub/health")
        wait_ready(hub, f"{running.url}/services/classroom/api/v1/health")
        yield running
    finally:
        stop_hub(hub)
        log.close()
        _remove_users([p["username"] for p in running.pupils()] + ["prof-1"])
        if os.environ.get("ROBOCOLE_KEEP_HUB_DATA"):
            print(f"hub data kept in {data}")
        else:
            shutil.rmtree(data, ignore_errors=True)


SINGLEUSER = Path(__file__).resolve().parents[2] / "hub_config" / "singleuser"


@contextmanager
def pupil_jupyter(
    home: Path, config_dirs: list[Path], log: Path, extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """A real Jupyter server (JupyterLab's) with a pupil's configuration folders, as the hub
    gives them, serving ``home``; yields its URL once it answers, and stops it after."""
    import os
    import subprocess
    import sys
    import time

    import requests

    from tests.conftest import free_port

    port = free_port()
    env = {
        **os.environ,
        "HOME": str(home),
        "JUPYTER_CONFIG_PATH": os.pathsep.join(str(d) for d in config_dirs),
        "PYTHONPATH": str(SINGLEUSER / "fast_imports"),
        **(extra_env or {}),
    }
    with log.open("wb") as output:
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "jupyter-lab"),
                "--no-browser",
                f"--port={port}",
                "--ServerApp.token=",
                "--ServerApp.allow_root=True",
                f"--ServerApp.root_dir={home}",
            ],
            env=env,
            cwd=home,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "the server did not start"
            try:
                if requests.get(f"{url}/api/status", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
