"""Where a robot's sensors are: one definition, for the simulator and the virtual robot.

Positions are in the robot's frame, in centimetres from the middle of its axle (between the
wheels): ``ahead`` along its heading, ``left`` to its left. The robot is a disc of radius
``radius`` (a world's ``rayon``).

* The distance sensor looks straight ahead from the robot's **front**, ``radius`` ahead of
  the centre: ``distance()`` is the gap between the front of the robot and the obstacle, on
  every robot, as a child measures it with a ruler.
* The line sensors are under the front, ``0.8 × radius`` ahead, side by side: two (Maqueen)
  1 cm either side of the middle, three (Kitronik, the virtual robot) 1.6 cm apart.
"""

from __future__ import annotations

import math
from typing import Any

#: The distance sensor, times the radius ahead of the centre: at the front.
SONAR_AHEAD = 1.0
#: The line sensors, times the radius ahead of the centre.
LINE_SENSOR_AHEAD = 0.8
#: The line sensors' offsets to the left (cm), by their number, from left to right.
LINE_SENSOR_OFFSETS = {2: (1.0, -1.0), 3: (1.6, 0.0, -1.6)}


def sonar_ahead(radius: float) -> float:
    """How far ahead of the centre the distance sensor measures from (cm)."""
    return SONAR_AHEAD * radius


def line_sensor_count(family: dict[str, Any]) -> int:
    """How many line sensors a family of ``board/rb_cartes.py`` has (3 when not said)."""
    count = family.get("line_sensors")
    if count is None:
        count = len(family.get("line_adc") or family.get("line_pins") or (0, 0, 0))
    count = int(count)
    return count if count in LINE_SENSOR_OFFSETS else 3


def line_sensor_positions(radius: float, count: int) -> list[tuple[float, float]]:
    """(ahead, left) of each line sensor, from left to right."""
    ahead = LINE_SENSOR_AHEAD * radius
    return [(ahead, left) for left in LINE_SENSOR_OFFSETS.get(count, LINE_SENSOR_OFFSETS[3])]


def on_the_table(
    x: float, y: float, heading: float, ahead: float, left: float
) -> tuple[float, float]:
    """Where a point of the robot is on the table (y down, heading in radians clockwise)."""
    cos_h, sin_h = math.cos(heading), math.sin(heading)
    return x + ahead * cos_h + left * sin_h, y + ahead * sin_h - left * cos_h
