"""A classroom app, virtual robots (real MicroPython) and the station, each really served."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from classroom_app import classes
from classroom_app.app import create_app as create_classroom
from classroom_app.passwords import hash_password
from classroom_app.store import Store
from robocole.i18n import _current, set_language
from robot_firmware.flasher import RunResult, library_files
from robot_firmware.station.robots import Names, PortInfo, Station, virtual_lister
from robot_firmware.station.school import School
from robot_firmware.station.web import create_app
from robot_firmware.virtual import VirtualRobot
from tests.conftest import LiveServer, free_port

MANIFEST = Path(__file__).parent.parent / "fixtures" / "manifest.toml"
API_TOKEN = "station-test-token"
TEACHER_CODE = "4321"
OLD_PROGRAM = "from robot import *\nprint('ancien programme')\n"
HELLO = "from robot import *\nprint('fini')\n"


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    token = set_language("fr")
    yield
    _current.reset(token)


@dataclass
class School_:
    url: str
    class_code: str
    pupils: list[classes.NewPupil]


def school_app(
    data: Path, names: str = "Lina Bernard\nNoah"
) -> tuple[Any, dict[str, Any], list[classes.NewPupil]]:
    """A real classroom app (not served yet) with one class of the pupils named."""
    app = create_classroom(
        {
            "TESTING": True,
            "DATA_DIR": str(data),
            "MANIFEST": str(MANIFEST),
            "SERVICE_TOKENS": {"station": API_TOKEN},
            "SECRET_KEY": "test",
        }
    )
    store = Store.open(app.config["DATABASE"])
    try:
        school_id = store.create_school("École Jules Verne")
        teacher = store.create_teacher(school_id, "a@ecole.fr", "Mme A", hash_password("x" * 12))
        class_id = classes.create_class(store, school_id, teacher, "CM1 robots", picture_count=3)
        klass = store.class_by_id(class_id)
        assert klass is not None
        pupils = classes.add_pupils(store, klass, names, teacher)
    finally:
        store.close()
    return app, klass, pupils


@pytest.fixture
def school(tmp_path: Path) -> Iterator[School_]:
    """The classroom app on a real port, with a class of two pupils."""
    app, klass, pupils = school_app(tmp_path / "school")
    with LiveServer(app) as server:
        yield School_(server.url, str(klass["code"]), pupils)


def install(folder: Path, program: str | None = OLD_PROGRAM) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in library_files("virtuel").items():
        (folder / name).write_bytes(data)
    if program is not None:
        (folder / "programme.py").write_text(program, encoding="utf-8")


@pytest.fixture
def robots(tmp_path: Path) -> Iterator[list[VirtualRobot]]:
    """Two virtual robots plugged in, with the library and an old program installed."""
    made = []
    for number in (1, 2):
        folder = tmp_path / f"robot{number}"
        install(folder)
        made.append(VirtualRobot(folder, time_scale=1.0).plug(run_main=False))
    yield made
    for robot in made:
        robot.unplug()


@pytest.fixture
def make_station(tmp_path: Path, robots: list[VirtualRobot]) -> Iterator[Callable[..., LiveServer]]:
    servers: list[tuple[LiveServer, Station]] = []

    def make(school_url: str = "", programs: Path | None = None) -> LiveServer:
        station = Station(virtual_lister(robots), Names(tmp_path / "names.json"))
        app = create_app(
            station,
            # Generous: the shared test machine can be slow to check argon2 hashes.
            school=School(school_url, API_TOKEN, timeout=30.0),
            programs=programs,
            teacher_code=TEACHER_CODE,
        )
        server = LiveServer(app).__enter__()
        servers.append((server, station))
        return server

    yield make
    for server, station in servers:
        station.close()
        server.__exit__()


def unreachable_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


def page_requests(page: Any) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def send_file(page: Any, tmp_path: Path, source: str = HELLO) -> None:
    """Picks ``source`` as a file, chooses Robot 1 and presses "Envoyer au robot"."""
    program = tmp_path / "programme.py"
    program.write_text(source, encoding="utf-8")
    page.set_input_files("#file", str(program))
    page.click("#robot-list button:has-text('Robot 1')")
    page.click("text=Envoyer au robot")


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A new tab of the shared headless Chromium, closed after the test."""
    tab = chromium.new_page()
    try:
        yield tab
    finally:
        tab.close()


class ScriptedBoard:
    """A robot that takes any program at once, then writes ``chunks``, ``pause`` seconds
    apart: the page's own behaviour, without the virtual robot's serial line (it drops what a
    loaded PC reads too late, as MicroPython's USB port does)."""

    def __init__(self, chunks: list[bytes], pause: float) -> None:
        self.chunks, self.pause = chunks, pause

    def sync_library(self, progress: Any) -> None:
        progress("", 1, 1)

    def upload_program(self, program: bytes, progress: Any) -> None:
        progress("", 1, 1)

    def run_program(self, on_output: Any) -> RunResult:
        for index, chunk in enumerate(self.chunks):
            if index:
                time.sleep(self.pause)
            on_output(chunk)
        return RunResult(ok=True, interrupted=False, output=b"".join(self.chunks))

    def interrupt(self) -> None:
        pass

    def close(self) -> None:
        pass


def scripted_station(board: ScriptedBoard) -> Station:
    """A station with one robot plugged in: ``board``."""
    ports = [PortInfo("/dev/ttyACM0", 0x2E8A, 0x0005, "E6614C311B")]
    return Station(lambda: ports, opener=lambda port: board)
