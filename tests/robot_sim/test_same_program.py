"""One pupil program, two robots: the simulator and the virtual robot (real MicroPython,
WebAssembly under Node.js, through the flasher). They must issue the same motor commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from robot_firmware.flasher import Robot, library_files
from robot_firmware.sim.runner import simulate
from robot_firmware.sim.world import from_dict

PROGRAM = """from robot import *
vitesse(60)
for cote in range(3):
    avancer(15)
    tourner(-120)
led("vert")
moteurs(30, -20)
attendre(0.5)
moteurs(-40, -40)
attendre(0.25)
arreter()
bip("la", 0.1)
reculer(5)
tourner(45)
"""
TABLE = {"id": "table", "taille": [300, 300], "robot": {"x": 150, "y": 150, "cap": 0}}


@pytest.mark.slow
def test_the_simulator_and_micropython_issue_the_same_motor_commands(tmp_path: Path) -> None:
    from robot_firmware.virtual import VirtualRobot

    flash = tmp_path / "flash"
    flash.mkdir()
    for name, data in library_files("virtuel").items():
        (flash / name).write_bytes(data)
    robot = VirtualRobot(flash, time_scale=0.0)
    robot.plug(run_main=False)
    try:
        # A generous wait: MicroPython's WebAssembly start is slow on a busy CI machine.
        with Robot.open(robot.port, timeout=30) as board:
            board.upload_program(PROGRAM.encode())
            robot.clear()
            result = board.run_program()
        assert result.ok, result.output
        on_micropython = [(e["g"], e["d"]) for e in robot.motor_events()]
    finally:
        robot.unplug()

    simulated = simulate(PROGRAM, from_dict(TABLE))
    assert simulated.outcome == "done"
    assert simulated.motor_commands() == on_micropython
    # And not trivially: the program turned, spun and reversed.
    assert (60, -60) in on_micropython
    assert (-60, 60) in on_micropython
    assert (30, -20) in on_micropython
