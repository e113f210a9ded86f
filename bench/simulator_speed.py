"""Speed of the robot simulator: how long a minute of robot time takes to simulate.

Three pupil programs, each run until the world's 60 s time limit (they loop forever):
moves and turns with sounds and lights (the usual lesson program), a distance-sensor polling
loop, and a line follower polling its sensors. The anchor, measured in the same run, is a
fixed pure-Python workload (the speed of this machine's CPython), so the ratio travels between
machines. Goal: ≤ 50 ms for 60 s of robot time for the lesson program.

Usage: ``python bench/simulator_speed.py [--repeat 7]``
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from robot_firmware.sim.runner import simulate  # noqa: E402
from robot_firmware.sim.world import from_dict  # noqa: E402

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
FOLLOWER = """from robot import *
while True:
    gauche, centre, droite = ligne()
    if gauche:
        moteurs(5, 40)
    elif droite:
        moteurs(40, 5)
    else:
        moteurs(40, 40)
"""
ARENA = {
    "id": "arene",
    "taille": [300, 300],
    "duree_max": 60,
    "robot": {"x": 150, "y": 150, "cap": 0},
    "obstacles": [{"rect": [60, 60, 30, 30]}, {"rect": [210, 200, 40, 20]}],
}
# A closed track, so that the follower keeps following for the whole minute.
TRACK = dict(
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


def anchor() -> None:
    total = 0
    for i in range(300_000):
        total += i * i % 7


def timed(function: Callable[[], object], repeat: int) -> float:
    function()  # warm-up: compiles robot.py once per process, as a notebook kernel does
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    anchor_ms = timed(anchor, args.repeat)
    print(f"anchor (pure-Python loop of 300k steps): {anchor_ms:.1f} ms")
    for name, program, world in (
        ("moves, turns, notes, LEDs", MOVES, ARENA),
        ("distance polling loop", POLLING, ARENA),
        ("line follower polling loop", FOLLOWER, TRACK),
    ):
        run = simulate(program, from_dict(world))
        assert run.outcome == "time", (name, run.outcome, run.error)
        ms = timed(functools.partial(simulate, program, from_dict(world)), args.repeat)
        per_minute = ms * 60_000 / run.duration_ms
        calls = len(run.record.events)
        print(
            f"{name:<28} {per_minute:7.1f} ms per 60 s of robot time "
            f"({per_minute / anchor_ms:5.2f}× anchor; {calls} commands recorded)"
            + ("  goal ≤ 50 ms" if program is MOVES else "")
        )


if __name__ == "__main__":
    main()
