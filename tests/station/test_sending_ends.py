"""Every send ends with a true sentence for the child: unplugged while the program runs, Stop
pressed while sending, a program that does not stop. Against a virtual robot (real
MicroPython), through the station's own jobs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from robot_firmware import errors
from robot_firmware.station.robots import Station, virtual_lister
from robot_firmware.virtual import VirtualRobot
from tests.station.conftest import OLD_PROGRAM, install

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


# A program that swallows Ctrl-C, as a pupil's try/except around its loop does.
BUSY = (
    "from robot import *\navancer(1)\nwhile True:\n    try:\n        while True:\n"
    "            attendre(0.05)\n    except KeyboardInterrupt:\n        pass\n"
)
HELLO = "from robot import *\nprint('bonjour')\n"


def test_stop_ends_even_a_program_that_does_not_stop_and_frees_the_robot(
    robot: VirtualRobot,
) -> None:
    # A program that swallows Ctrl-C never ends by itself: Stop must still end the send.
    station = Station(virtual_lister([robot]), stop_grace=1.0)
    try:
        job = station.send(robot.port, BUSY.encode(), "lina")
        wait(lambda: job.state == "running")
        time.sleep(0.3)
        station.stop(job)
        wait(lambda: job.state in FINISHED)
        assert job.state == "stopped"
        assert job.message == (
            "Le robot n'a pas voulu s'arrêter. S'il bouge encore, éteins-le et demande à ton "
            "enseignant·e."
        )
        assert station.robots()[0]["busy"] is False
        robot.reset(run_main=False)  # switched off and on, as the sentence asks
        again = station.send(robot.port, HELLO.encode(), "noah")
        wait(lambda: again.state in FINISHED)
        assert (again.state, again.output.strip()) == ("done", "bonjour")
    finally:
        station.close()


def test_stop_while_sending_says_so(station: Station, robot: VirtualRobot) -> None:
    big = "from robot import *\n" + "".join(f"x{i} = {i}  # {'#' * 60}\n" for i in range(1500))
    job = station.send(robot.port, big.encode(), "lina")
    wait(lambda: job.progress >= 50)
    station.stop(job)
    wait(lambda: job.state in FINISHED)
    assert job.state == "stopped"
    # Either the upload ended before the Ctrl-C took (the program is there, not started) or
    # it was cut (all or nothing: the old program is there); a sentence says which.
    installed = (robot.flash / "programme.py").read_text(encoding="utf-8")
    if installed == big:
        assert job.message == "Programme arrêté."
    else:
        assert installed == OLD_PROGRAM
        assert job.message == "Envoi arrêté : le robot a gardé son programme d'avant."


def test_a_new_send_replaces_the_program_running_on_the_robot(
    station: Station, robot: VirtualRobot
) -> None:
    # The page was reloaded (its Stop is gone) or another child comes to the robot: the
    # robot must not stay "busy" with a program that never ends.
    first = station.send(robot.port, FOREVER.encode(), "lina")
    wait(lambda: "tour" in first.output)
    second = station.send(robot.port, HELLO.encode(), "noah")
    wait(lambda: second.state in FINISHED)
    assert first.state == "stopped"
    assert (second.state, second.output.strip()) == ("done", "bonjour")


def test_a_robot_whose_program_swallows_ctrl_c_gets_a_child_sentence(robot: VirtualRobot) -> None:
    # A real robot whose program catches KeyboardInterrupt never gives its prompt: the
    # flasher says so (the virtual robot resets instead, so the flasher's answer is used).
    def opener(port: str) -> object:
        raise errors.RobotBusy(port)

    station = Station(virtual_lister([robot]), opener=opener)
    try:
        job = station.send(robot.port, HELLO.encode(), "lina")
        wait(lambda: job.state in FINISHED)
        assert job.state == "failed"
        assert job.message == (
            "Le robot n'arrive pas à arrêter son ancien programme. Éteins-le, puis demande à "
            "ton enseignant·e."
        )
        assert "bouton" in job.detail  # the teacher's sentence: safe mode, holding the button
    finally:
        station.close()


def test_a_program_that_prints_for_hours_keeps_only_its_last_output() -> None:
    from robot_firmware.station.robots import OUTPUT_KEEP, Job

    job = Job(1, "/dev/ttyACM0", "lina")
    for n in range(20000):  # a no-sleep print loop: the serial line never rests
        job.add_output(f"tour {n}\n")
    total = sum(len(f"tour {n}\n") for n in range(20000))
    assert len(job.output) <= OUTPUT_KEEP < total
    assert job.output.endswith("tour 19999\n")
    # The page asks from where it stopped reading, in the whole output's count.
    assert job.public()["length"] == total
    assert job.public(since=total - 10)["output"] == "tour 19999\n"[-10:]
    assert job.public(since=0)["output"] == job.output  # what was dropped cannot be sent
