"""The line sensors as events give, at every read, what looking under each sensor gives."""

from __future__ import annotations

import math
import random

import pytest

from robot_firmware.sim import geometry
from robot_firmware.sim.geometry import Motion
from robot_firmware.sim.line_sensors import LineSensors
from robot_firmware.sim.world import load_world

SENSORS = [(4.8, 1.6), (4.8, 0.0), (4.8, -1.6)]


def looked_at(
    world_line: list[tuple[float, float]], half: float, motion: Motion, t: float
) -> tuple[bool, ...] | None:
    """The sensors by brute force: each one's distance to the line's polyline."""
    x, y, h = motion.at(t)
    seen = []
    for ahead, left in SENSORS:
        px = x + ahead * math.cos(h) + left * math.sin(h)
        py = y + ahead * math.sin(h) - left * math.cos(h)
        gap = geometry.distance_to_polyline(px, py, world_line)
        if abs(gap - half) < 1e-7:
            return None  # right on the edge: either answer is right
        seen.append(gap <= half)
    return tuple(seen)


def near_the_line(rng: random.Random, line: list[tuple[float, float]]) -> tuple[float, ...]:
    index = rng.randrange(len(line) - 1)
    (ax, ay), (bx, by) = line[index], line[index + 1]
    u = rng.random()
    x, y = ax + u * (bx - ax) + rng.uniform(-4, 4), ay + u * (by - ay) + rng.uniform(-4, 4)
    return x, y, math.atan2(by - ay, bx - ax) + rng.uniform(-1.2, 1.2)


@pytest.mark.parametrize(
    ("kind", "gaps"),
    [
        ("straight", (200, 3000)),
        ("arc", (200, 3000)),
        ("spin", (200, 3000)),
        ("mixed", (200, 3000)),
        # Reads far apart, as a program that sleeps between them: a read may come after a
        # sensor crossed the tape's edge twice (in and out again), which is no change.
        ("mixed", (20_000, 400_000)),
    ],
)
def test_events_match_looking_under_the_sensors(kind: str, gaps: tuple[int, int]) -> None:
    world = load_world("ligne")
    half = world.line_width / 2
    rng = random.Random(kind if gaps[0] < 10_000 else f"{kind}, far apart")
    checked = changes = 0
    for _robot in range(25):
        # One robot near the line, then a chain of motor commands, each path going on
        # where the previous one was (as in the simulator), read at random moments.
        x, y, heading = near_the_line(rng, world.line)
        sensors = LineSensors(world.line, world.line_width, SENSORS)
        now = rng.uniform(0, 5e6)  # µs
        previous = None
        for _command in range(12 if gaps[0] < 10_000 else 4):
            shape = rng.choice(["straight", "arc", "spin"]) if kind == "mixed" else kind
            v = 0.0 if shape == "spin" else rng.uniform(-15, 15)
            w = 0.0 if shape == "straight" else rng.choice([-1, 1]) * rng.uniform(0.3, 4)
            motion = Motion(x, y, heading, v, w)
            start = now
            sensors.set_motion(motion, start)
            value, until = sensors.read(now)
            for _step in range(rng.randrange(20, 120)):
                now += rng.uniform(*gaps)
                if now >= until:
                    value, until = sensors.read(now)
                assert until > now
                expected = looked_at(world.line, half, motion, (now - start) / 1e6)
                if expected is None:
                    continue
                assert value == expected, (kind, motion, now - start)
                checked += 1
                changes += previous is not None and value != previous
                previous = value
            x, y, heading = motion.at((now - start) / 1e6)
    # Not trivially: the sensors did cross the tape, many times.
    assert checked > 5_000
    assert changes > 40


def test_a_motor_command_keeps_what_is_known_about_far_sensors() -> None:
    world = load_world("ligne")
    sensors = LineSensors(world.line, world.line_width, SENSORS)
    # Centred on the first (horizontal) part of the line, driving along it.
    sensors.set_motion(Motion(30, 120, 0.0, 8, 0), 0.0)
    assert sensors.read(0.0)[0] == (False, True, False)
    # A new motion 1 ms later: no sensor is about to cross, none needs a new look.
    sensors.set_motion(Motion(30.008, 120, 0.0, 8, 0.2), 1000.0)
    assert sensors.next > 1000.0
