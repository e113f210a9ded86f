"""One definition of where a robot's sensors are (robot_firmware/sensors.py)."""

from __future__ import annotations

import math

import pytest

from robot_firmware import sensors
from robot_firmware.sim.runner import simulate
from robot_firmware.sim.world import from_dict

TABLE = {
    "id": "couloir",
    "taille": [200, 100],
    "robot": {"x": 30, "y": 50, "cap": 0, "rayon": 7},
    "obstacles": [{"rect": [100, 0, 10, 100]}],
}


def test_the_simulator_measures_from_the_robots_front() -> None:
    run = simulate("from robot import *\nprint(distance())\n", from_dict(TABLE))
    # The wall is 70 cm from the centre: 63 cm from the front of a robot of radius 7.
    assert float(run.output) == pytest.approx(63, abs=0.05)


def test_the_sensors_are_where_the_definition_puts_them() -> None:
    assert sensors.sonar_ahead(7) == 7
    assert sensors.line_sensor_positions(5, 2) == [(4.0, 1.0), (4.0, -1.0)]
    assert sensors.line_sensor_count({"line_pins": (13, 14)}) == 2
    assert sensors.line_sensor_count({"line_adc": (28, 27, 26)}) == 3
    # Left of a robot looking down the table (heading 90°, y down) is towards +x.
    x, y = sensors.on_the_table(10, 10, math.radians(90), 4, 1)
    assert (x, y) == pytest.approx((11, 14))
