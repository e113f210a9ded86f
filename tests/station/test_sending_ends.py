"""Every send ends with a true sentence for the child: unplugged while the program runs, Stop
pressed while sending, a program that does not stop. Against a virtual robot (real
MicroPython), through the station's own jobs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from robot_firmware.station.robots import Station, virtual_lister
from robot_firmware.virtual import VirtualRobot
from tests.station.conftest import install

FOREVER = "from robot import *\nwhile True:\n    print('tour')\n    attendre(0.2)\n"
FINISHED = ("done", "failed", "stopped")


@pytest.fixture
def robot(tmp_path: Path) -> Iterator[VirtualRobot]:
    install(tmp_path / "robot")
    plugged = VirtualRobot(tmp_path / "robot", time_scale=1.0).plug(run_main=False)
    yield plugged
    plugged.unplug()


@pytest.fixture
def station(robot: VirtualRobot) -> Iterator[Station]:
    made = Station(virtual_lister([robot]))
    yield made
    made.close()


def wait(done: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_unplugged_while_its_program_runs_the_robot_keeps_the_new_program(
    station: Station, robot: VirtualRobot
) -> None:
    job = station.send(robot.port, FOREVER.encode(), "lina")
    wait(lambda: "tour" in job.output)
    # The child unplugs the cable to put the robot on the floor: the usual end, not a failure.
    robot.unplug()
    wait(lambda: job.state in FINISHED)
    assert job.state == "done"
    assert job.message == (
        "Le robot est débranché avec ton programme dedans : il le lance chaque fois qu'on l'allume."
    )
    assert (robot.flash / "programme.py").read_text(encoding="utf-8") == FOREVER
