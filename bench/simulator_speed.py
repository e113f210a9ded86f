"""Speed of the robot simulator: how long a minute of robot time takes to simulate.

Pupil programs written the way children write them, each run until the world's time limit
(most loop forever) and scaled to 60 s of robot time: the usual lesson program (moves, turns,
notes, LEDs), a distance poller that turns away from walls, "stop before the wall" with no
sleep in its loop, no-sleep line followers (three sensors, each side read on its own, and
a two-sensor Maqueen), and a loop waiting for the button (never pressed in the simulator).
The polling loops call the robot tens of thousands of times per robot minute, as they would
on the robot (each call costs its real duration in simulated time, see
``robot_firmware/sim/hardware.py``); the rounds proven identical to the one before are
skipped (``robot_firmware/sim/fast_forward.py``), and counted. The line sensors run from their
compiled copy when the install built one (``setup.py``, ``robot_firmware/sim/compiled.py``);
the line followers are timed again with the source, for comparison.

The anchor, measured in the same run, is a fixed pure-Python workload (the speed of this
machine's CPython), so the ratio travels between machines. Wall time is the goal's measure
(≤ 50 ms per 60 s of robot time); CPU time of this process is printed too, as it is less
disturbed by other work on a shared machine. Run it alone:
``flock /tmp/robocole-bench.lock python bench/simulator_speed.py``.

Usage: ``python bench/simulator_speed.py [--repeat 7]``
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from robot_firmware.sim import hardware, line_sensors  # noqa: E402
from robot_firmware.sim.compiled import line_sensors_module  # noqa: E402
from robot_firmware.sim.runner import SimRun, simulate  # noqa: E402
from robot_firmware.sim.world import World, from_dict  # noqa: E402
from tests.robot_sim.programs import FOLLOWER  # noqa: E402

GOAL_MS = 50.0

MOVES = """from robot import *
while True:
    avancer(20)
    tourner(-90)
    bip("do", 0.2)
    led("rouge")
    attendre(0.5)
    led("vert")
"""
POLLING = """from robot import *
while True:
    moteurs(40, 40)
    while distance() > 15:
        pass
    tourner(150)
"""
STOP_AT_WALL = """from robot import *
moteurs(50, 50)
while distance() > 10:
    pass
arreter()
"""
FOLLOWER_SIDES = """from robot import *
vitesse(40)
while True:
    if ligne("gauche"):
        moteurs(0, 40)
    elif ligne("droite"):
        moteurs(40, 0)
    else:
        moteurs(40, 40)
"""
FOLLOWER_MAQUEEN = """from robot import *
while True:
    gauche, droite = ligne()
    if gauche and droite:
        moteurs(30, 30)
    elif gauche:
        moteurs(0, 30)
    elif droite:
        moteurs(30, 0)
    else:
        moteurs(30, 30)
"""
BUTTON = """from robot import *
afficher("A ?")
while not bouton():
    pass
avancer(20)
"""
ARENA: dict[str, Any] = {
    "id": "arene",
    "taille": [300, 300],
    "duree_max": 60,
    "robot": {"x": 150, "y": 150, "cap": 0},
    "obstacles": [{"rect": [60, 60, 30, 30]}, {"rect": [210, 200, 40, 20]}],
}
CORRIDOR: dict[str, Any] = {
    "id": "couloir",
    "taille": [400, 100],
    "duree_max": 60,
    "robot": {"x": 30, "y": 50, "cap": 0},
    "obstacles": [{"rect": [380, 0, 10, 100]}],
}
# A closed track, so that a follower keeps following for the whole minute.
TRACK: dict[str, Any] = dict(
    ARENA,
    robot={"x": 100, "y": 60, "cap": 0},
    ligne={
        "points": [
            [60, 60],
            [240, 60],
            [260, 80],
            [260, 220],
            [240, 240],
            [60, 240],
            [40, 220],
            [40, 80],
            [60, 60],
        ]
    },
)
# The same track for a micro:bit + Maqueen: two line sensors, a wider tape between them.
TRACK_MAQUEEN: dict[str, Any] = dict(
    TRACK,
    robot={"x": 100, "y": 60, "cap": 0, "famille": "maqueen"},
    ligne=dict(TRACK["ligne"], largeur=2.5),
)

PROGRAMS: list[tuple[str, str, dict[str, Any]]] = [
    ("lesson: moves, turns, notes, LEDs", MOVES, ARENA),
    ("distance poller, turns away", POLLING, ARENA),
    ("stop before the wall, no sleep", STOP_AT_WALL, CORRIDOR),
    ("line follower, 3 sensors, no sleep", FOLLOWER, TRACK),
    ("line follower, ligne(side), no sleep", FOLLOWER_SIDES, TRACK),
    ("line follower, Maqueen, no sleep", FOLLOWER_MAQUEEN, TRACK_MAQUEEN),
    ("wait for the button, no sleep", BUTTON, ARENA),
]


def anchor() -> None:
    total = 0
    for i in range(300_000):
        total += i * i % 7


def timed(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``function`` over ``repeat`` runs."""
    function()  # warm-up: compiles robot.py once per process, as a notebook kernel does
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def calls(run: SimRun) -> int:
    """Motor commands the program gave (each repeat counts): its loop's iterations, roughly."""
    return len(run.motor_commands())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    used = line_sensors_module()
    kind = "compiled copy" if used is not line_sensors else "source"
    print(f"line sensors: {kind} ({used.__file__})")
    anchor_ms, anchor_cpu = timed(anchor, args.repeat)
    print(
        f"anchor (pure-Python loop of 300k steps): {anchor_ms:.1f} ms wall, {anchor_cpu:.1f} ms CPU"
    )
    print(
        f"{'program':<47} {'robot s':>7} {'motor cmds':>10} {'skipped':>8} {'wall ms/60 s':>12} "
        f"{'× anchor':>8} {'CPU ms/60 s':>11} {'× anchor':>8}  goal ≤ {GOAL_MS:.0f} ms"
    )
    rows = [(name, program, data, used) for name, program, data in PROGRAMS]
    if used is not line_sensors:
        rows += [
            (f"{name} (source)", program, data, line_sensors)
            for name, program, data in PROGRAMS
            if "follower" in name
        ]
    for name, program, data, module in rows:
        hardware.line_sensors_module = lambda module=module: module  # type: ignore[misc]
        world: World = from_dict(data)
        run = simulate(program, world)
        assert run.outcome in ("time", "done"), (name, run.outcome, run.error)
        wall, cpu = timed(functools.partial(simulate, program, world), args.repeat)
        scale = 60_000 / run.duration_ms
        per_minute, cpu_per_minute = wall * scale, cpu * scale
        print(
            f"{name:<47} {run.duration_ms / 1000:7.1f} {calls(run):10d} "
            f"{run.skipped:8d} {per_minute:12.1f} "
            f"{per_minute / anchor_ms:8.2f} {cpu_per_minute:11.1f} "
            f"{cpu_per_minute / anchor_cpu:8.2f}"
            f"  {'met' if per_minute <= GOAL_MS else 'NOT met'}"
        )
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
