"""The virtual robot plays each robot family, with its board modules and its sensors."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from robot_firmware.errors import UnknownFamily
from robot_firmware.flasher import Robot
from robot_firmware.virtual import VirtualRobot

MakeRobot = Callable[..., VirtualRobot]


@pytest.mark.parametrize(
    ("family", "hal", "sensors"),
    [("maqueen", "rb_hal_maqueen.mpy", 2), ("kitronik", "rb_hal_kitronik.mpy", 3)],
)
def test_the_flasher_finds_the_family_and_its_hal_runs(
    make_robot: MakeRobot, family: str, hal: str, sensors: int
) -> None:
    virtual = make_robot(family=family, state={"ligne": [True, False, True]}).plug()
    with Robot.open(virtual.port) as robot:
        assert robot.family() == family  # told by the robot, not by --robot
        assert hal in robot.sync_library().changed
        robot.upload_program(
            b"from robot import *\nprint('capteurs', ligne())\navancer(10)\nled('vert')\n"
        )
        virtual.clear()
        result = robot.run_program()
    assert result.ok, result.output
    expected = (True, True) if sensors == 2 else (True, False, True)
    assert f"capteurs {expected}".encode() in result.output
    moves = virtual.motor_events()
    commands = [(e["g"], e["d"]) for e in moves]
    while commands[0] == (0, 0):  # the Kitronik's HAL sets its PWM pins to 0 as it starts
        commands.pop(0)
    assert commands[:2] == [(50, 50), (0, 0)]
    # The family's own calibration: 10 cm at its speed.
    assert moves[-1]["x"] == pytest.approx(10, abs=0.6)
    assert any(e["e"] == "led" and e["rgb"] == [0, 255, 0] for e in virtual.events)


def test_distance_is_measured_from_the_robots_front(make_robot: MakeRobot) -> None:
    # A wall across the track at x = 50 cm; the robot's centre is at 0, its front 6 cm ahead.
    virtual = make_robot(state={"mur": 50}).plug()
    with Robot.open(virtual.port) as robot:
        robot.sync_library()
        assert robot.exec("from robot import *\nprint(distance())").strip() == b"44.0"


def test_an_unknown_family_is_said_in_french(flash: Path) -> None:
    with pytest.raises(UnknownFamily) as raised:
        VirtualRobot(flash, family="lego")
    assert "maqueen" in raised.value.message


def test_robocole_flash_plays_a_maqueen_in_a_world(flash: Path, tmp_path: Path) -> None:
    program = tmp_path / "suiveur.py"
    program.write_text(
        "from robot import *\nwhile True:\n    gauche, droite = ligne()\n    if gauche:\n"
        "        moteurs(5, 40)\n    elif droite:\n        moteurs(40, 5)\n    else:\n"
        "        moteurs(40, 40)\n"
    )
    command = [sys.executable, "-m", "robocole", "flash", "--virtual", str(flash)]
    options = ["--robot", "maqueen", "--world", "ligne", "--time-scale", "0", "--duration", "1"]
    done = subprocess.run(
        [*command, *options, str(program)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "introuvable" not in done.stdout + done.stderr
    assert "moteurs : gauche 5 %, droite 40 %" in done.stderr  # it saw the line, and turned
