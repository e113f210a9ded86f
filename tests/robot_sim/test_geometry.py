"""The exact contact times agree with brute force: sample the path, measure the clearance."""

from __future__ import annotations

import math
import random

import pytest

from robot_firmware.sim import geometry
from robot_firmware.sim.geometry import Motion


def sampled_contact(motion: Motion, r: float, segments: list, horizon: float) -> float:
    step = 0.0005
    t = 0.0
    while t < horizon:
        x, y, _h = motion.at(t)
        if geometry.clearance(x, y, segments) <= r:
            return t
        t += step
    return math.inf


@pytest.mark.parametrize("seed", range(40))
def test_contact_time_matches_sampling(seed: int) -> None:
    rng = random.Random(seed)
    segments = [
        (rng.uniform(0, 100), rng.uniform(0, 100), rng.uniform(0, 100), rng.uniform(0, 100))
        for _ in range(3)
    ]
    r = 5.0
    while True:
        x, y = rng.uniform(10, 90), rng.uniform(10, 90)
        if geometry.clearance(x, y, segments) > r + 0.5:
            break
    v = rng.choice([-1, 1]) * rng.uniform(5, 30)
    w = rng.choice([0.0, rng.uniform(-2, 2)])
    motion = Motion(x, y, rng.uniform(-math.pi, math.pi), v, w)
    exact = geometry.contact_time(motion, r, segments)
    horizon = 4.0
    sampled = sampled_contact(motion, r, segments, horizon)
    if math.isinf(sampled):
        assert exact >= horizon - 0.001
    else:
        assert exact == pytest.approx(sampled, abs=0.002)


def test_spinning_in_place_never_touches() -> None:
    wall = [(0.0, 0.0, 100.0, 0.0)]
    assert geometry.contact_time(Motion(50, 6.5, 0, 0, 3), 6, wall) == math.inf


def test_ray_hits_the_nearest_side() -> None:
    assert geometry.ray_hit(0, 5, 1, 0, (10, 0, 10, 10)) == pytest.approx(10)
    assert geometry.ray_hit(0, 5, -1, 0, (10, 0, 10, 10)) == math.inf
