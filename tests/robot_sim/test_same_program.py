"""One pupil program, two robots: the simulator and the virtual robot (real MicroPython,
WebAssembly under Node.js, through the flasher). They issue the same motor commands, and in
a world, for every robot family, they make the same run: the same verdict, the same end."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import threading
from pathlib import Path

import pytest

from robot_firmware.flasher import Robot, library_files
from robot_firmware.sim.challenges import evaluate
from robot_firmware.sim.geometry import distance_to_polyline
from robot_firmware.sim.runner import simulate
from robot_firmware.sim.world import World, from_dict, load_world
from robot_firmware.virtual import VirtualRobot
from tests.robot_sim.programs import FOLLOWER, WALL

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


# -- whole runs on every family: the virtual robot in a simulator's world -------------------

FOLLOWERS = {
    "virtuel": FOLLOWER,
    "kitronik": FOLLOWER,
    # Two line sensors on a Maqueen.
    "maqueen": FOLLOWER.replace("gauche, centre, droite = ligne()", "gauche, droite = ligne()"),
}


def run_on_the_virtual_robot(
    tmp_path: Path, program: str, world: World, family: str, until: str | None = None
) -> VirtualRobot:
    """Flash ``program`` on a virtual ``family`` robot in ``world``; run it until it ends or
    the robot records an ``until`` event, which stops it."""
    robot = VirtualRobot(tmp_path / family, time_scale=0.0, family=family, world=world, baud=0)
    robot.plug(run_main=False)
    with Robot.open(robot.port, timeout=30) as board:
        board.sync_library()
        board.upload_program(program.encode())
        robot.clear()

        def stop_at_the_event() -> None:
            with contextlib.suppress(TimeoutError):
                robot.wait_for_event(lambda e: e["e"] == until, 120)
                board.interrupt()

        if until is not None:
            threading.Thread(target=stop_at_the_event, daemon=True).start()
        result = board.run_program()
    robot.unplug()
    assert result.ok, result.output
    return robot


def within_the_line(world: World, poses: list[tuple[float, float]], until_zone: bool) -> bool:
    """Every pose close to the line, up to the goal zone (the "ligne" goal's test)."""
    zx, zy, zw, zh = world.goal.zone or (0.0, 0.0, 0.0, 0.0)
    limit = world.goal.number("ecart_max", 8)
    for x, y in poses:
        if until_zone and zx <= x <= zx + zw and zy <= y <= zy + zh:
            return True
        if distance_to_polyline(x, y, world.line) > limit:
            return False
    return not until_zone


@pytest.mark.slow
@pytest.mark.parametrize("family", ["virtuel", "maqueen", "kitronik"])
def test_a_line_follower_runs_the_same_on_the_virtual_robot(tmp_path: Path, family: str) -> None:
    world = dataclasses.replace(load_world("ligne"), family=family)
    program = FOLLOWERS[family]
    simulated = simulate(program, world)
    verdict = evaluate(program, world)
    assert verdict.ok and simulated.outcome == "collision"  # past the line's end, the edge

    robot = run_on_the_virtual_robot(tmp_path, program, world, family, until="contact")
    contact = next(e for e in robot.events if e["e"] == "contact")
    path = [(e["x"], e["y"]) for e in robot.motor_events()]
    # The same verdict: it followed the line into the goal zone.
    assert within_the_line(world, path, until_zone=True)
    # The same end: against the table's edge, where and when the simulator stopped.
    x, y, _ = simulated.final_pose
    assert math.hypot(contact["x"] - x, contact["y"] - y) < 2.0
    assert contact["t"] == pytest.approx(simulated.duration_ms, rel=0.03)


@pytest.mark.slow
@pytest.mark.parametrize("family", ["virtuel", "maqueen", "kitronik"])
def test_stop_before_the_wall_stops_at_the_same_place(tmp_path: Path, family: str) -> None:
    # Both measure the distance from the robot's front (robot_firmware/sensors.py).
    world = dataclasses.replace(load_world("mur"), family=family, shifts=(0.0,))
    simulated = simulate(WALL, world)
    assert simulated.outcome == "done"
    robot = run_on_the_virtual_robot(tmp_path, WALL, world, family)
    stop = robot.motor_events()[-1]
    assert (stop["g"], stop["d"]) == (0, 0)
    assert stop["x"] == pytest.approx(simulated.final_pose[0], abs=0.6)
    front = stop["x"] + world.radius
    assert 0 < world.obstacles[0][0] - front <= 8.5  # stopped 8 cm before the wall, not 2
