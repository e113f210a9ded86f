"""The line sensors as events: when does each sensor next change while the wheels keep their speeds?

A line follower reads its sensors tens of thousands of times per robot minute, and each read
must cost almost nothing. Between two motor commands a sensor moves on a straight line or a
circle (it is fixed to the robot), so the moment it next enters or leaves the black tape is a
root of a small equation. A read is then "is the clock before that moment? the cached value".

The tape is the set of points within ``width / 2`` of the line's polyline: a union of
capsules (a segment widened by a radius). Only the capsules near a sensor matter: a grid of
cells lists, for each cell, the parts of the line that a point of the cell can reach within
``REACH`` cm; once the sensor has moved that far the lists are looked up again.
"""

from __future__ import annotations

import functools
import itertools
import math

# Plain names for the hot paths below: a global is found faster than a module's attribute.
from math import acos, atan2, cos, hypot, inf, nan, sin, sqrt, tau

from robot_firmware.sim.geometry import Motion, Point

#: How far (cm) a sensor may move before the parts near it are looked up again.
REACH = 6.0
REACH2 = REACH * REACH * 4  # beyond 2 * REACH away, the distance itself does not matter
CELL = 4.0
#: Below this many seconds from the tape's edge, a sensor's crossing is solved exactly; further
#: away, the distance to the edge over the sensor's speed is a safe, cheaper bound.
EXACT_BELOW_S = 0.1
#: ... and only within this many seconds: the next look comes at the latest then.
EXACT_WINDOW_S = 0.2
_EPS_S = 1e-9  # seconds: a root this close is the crossing the sensor is standing on
_W_EPS = 1e-9  # the same threshold as geometry.Motion for "not turning"

#: One part of the line: start, unit direction, length, unit normal, end.
_Part = tuple[float, float, float, float, float, float, float, float, float]


@functools.lru_cache(maxsize=32)
def _tape(
    points: tuple[tuple[float, ...], ...], radius: float
) -> tuple[list[_Part], dict[tuple[float, float], tuple[_Part, ...]]]:
    """The parts of a line, and its grid of cells (filled as robots go): one per world, so
    that running a program again (a pupil's next try, the grader) finds the cells ready."""
    parts: list[_Part] = []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        length = math.hypot(bx - ax, by - ay)
        if length < 1e-12:
            continue
        ex, ey = (bx - ax) / length, (by - ay) / length
        parts.append((ax, ay, ex, ey, length, -ey, ex, bx, by))
    return parts, {}


class LineSensors:
    """The line sensors of one robot over one line (positions in the robot's frame)."""

    __slots__ = (
        "_cells",
        "abs_v",
        "arm",
        "at",
        "cos_h",
        "cx",
        "cy",
        "gap",
        "motion",
        "next",
        "parts",
        "radius",
        "radius2",
        "sensors",
        "sin_h",
        "since",
        "speed",
        "turning",
        "until",
        "values",
        "vx",
        "vy",
    )

    def __init__(self, points: list[Point], width: float, sensors: list[tuple[float, float]]):
        self.radius = width / 2
        self.radius2 = self.radius * self.radius
        #: (ahead, left) of each sensor from the robot's centre, cm.
        self.sensors = sensors
        self.parts, self._cells = _tape(tuple(map(tuple, points)), self.radius)
        #: The farthest sensor from the robot's centre: no sensor moves faster than
        #: |v| + |w| * arm.
        self.arm = max((math.hypot(a, b) for a, b in sensors), default=0.0)
        self.motion = Motion(0.0, 0.0, 0.0, 0.0, 0.0)
        self.since = 0.0
        self.speed = 0.0
        # Per sensor: its value, until when (µs) it holds for certain, and the radius (cm) of
        # the ball around where it was at ``at`` (µs) that is all in or all out of the tape.
        self.values = [False] * len(sensors)
        self.until = [-math.inf] * len(sensors)
        self.gap = [0.0] * len(sensors)
        self.at = [0.0] * len(sensors)
        self.next = -math.inf
        self.cos_h, self.sin_h = 1.0, 0.0
        self.turning = False
        self.vx = self.vy = self.cx = self.cy = self.abs_v = 0.0

    # -- where the parts are ------------------------------------------------------------------

    def _near(self, px: float, py: float) -> tuple[_Part, ...]:
        key = (px // CELL, py // CELL)
        found = self._cells.get(key)
        if found is None:
            # Everything a point of this cell can touch after moving REACH cm.
            cx, cy = (key[0] + 0.5) * CELL, (key[1] + 0.5) * CELL
            limit = REACH + self.radius + CELL * 0.7072
            found = tuple(p for p in self.parts if _distance(cx, cy, p) <= limit)
            self._cells[key] = found
        return found

    # -- the sensors on a motion ---------------------------------------------------------------

    def set_motion(self, motion: Motion, now: float) -> None:
        """The wheels changed speeds at ``now`` (µs), the robot being where ``motion``
        starts. A sensor keeps its value as long as it stays in the ball, all in or all out
        of the tape, measured at its last read: what is left of that ball still holds on the
        new path."""
        old_speed = self.speed
        v, w = motion.v, motion.w
        speed = self.speed = abs(v) + abs(w) * self.arm
        self.motion, self.since = motion, now
        until, gap, at = self.until, self.gap, self.at
        earliest = math.inf
        # Plain loops over locals: this runs at every motor command of a line follower.
        for i in range(len(until)):
            if until[i] > now:
                left = gap[i] - old_speed * (now - at[i]) / 1e6
                if left > 0.0:
                    gap[i], at[i] = left, now
                    until[i] = now + left / speed * 1e6 if speed else math.inf
                    if until[i] < earliest:
                        earliest = until[i]
                    continue
            until[i] = earliest = -math.inf
        self.next = earliest
        # How the sensors move: along (vx, vy), or around (cx, cy). Where each starts is worked
        # out when it is read (most motions read one sensor or two).
        x, y = motion.x, motion.y
        cos_h, sin_h = math.cos(motion.heading), math.sin(motion.heading)
        self.cos_h, self.sin_h = cos_h, sin_h
        self.turning = turning = abs(w) >= _W_EPS
        self.abs_v = abs(v)
        self.vx, self.vy = v * cos_h, v * sin_h
        if turning:
            k = v / w if abs(v) >= _W_EPS else 0.0
            # The centre of the circle the whole robot turns around (see Motion.at).
            self.cx, self.cy = x - k * sin_h, y + k * cos_h
        else:
            self.cx = self.cy = 0.0

    def read(self, now: float) -> tuple[tuple[bool, ...], float]:
        """The sensors at ``now`` (µs), and until when they keep these values for certain."""
        # Written for CPython's speed: a line follower calls this thousands of times a minute.
        until = self.until
        t = (now - self.since) / 1e6
        motion = self.motion
        turning, cx, cy, w = self.turning, self.cx, self.cy, motion.w
        cos_a = sin_a = shift_x = shift_y = 0.0
        speed = self.abs_v
        if turning:
            # Every point of the robot turns by w * t around (cx, cy) (y down: clockwise).
            cos_a, sin_a = cos(w * t), sin(w * t)
        else:
            shift_x, shift_y = self.vx * t, self.vy * t
        x0, y0, cos_h, sin_h = motion.x, motion.y, self.cos_h, self.sin_h
        values, radius, radius2, cells = self.values, self.radius, self.radius2, self._cells
        gaps, seen_at = self.gap, self.at
        i = -1
        for ahead, left in self.sensors:
            i += 1
            if until[i] > now:
                continue
            # Where the sensor was when the motion started ("left" of a robot looking along
            # (cos, sin) with y down is (sin, -cos)), then where it is now.
            sx = x0 + ahead * cos_h + left * sin_h
            sy = y0 + ahead * sin_h - left * cos_h
            if turning:
                dx, dy = sx - cx, sy - cy
                px, py = cx + cos_a * dx - sin_a * dy, cy + sin_a * dx + cos_a * dy
                # A turn keeps the distance to its centre.
                speed = abs(w) * sqrt(dx * dx + dy * dy)
            else:
                px, py = sx + shift_x, sy + shift_y
            near = cells.get((px // CELL, py // CELL))
            if near is None:
                near = self._near(px, py)
            nearest2 = inf
            for ax, ay, ex, ey, length, _nx, _ny, _bx, _by in near:
                # _distance2, inlined: this loop runs at every crossing of the tape.
                rx, ry = px - ax, py - ay
                u = rx * ex + ry * ey
                if u < 0.0:
                    u = 0.0
                elif u > length:
                    u = length
                qx, qy = rx - u * ex, ry - u * ey
                d2 = qx * qx + qy * qy
                if d2 < nearest2:
                    nearest2 = d2
            value = nearest2 <= radius2
            crossed = value != values[i]
            values[i] = value
            # Nothing changes before the sensor has covered its distance to the tape's edge
            # (a ball that radius around it is all in, or all out of the tape); only a sensor
            # about to cross needs the exact roots.
            gap = REACH if nearest2 >= REACH2 else abs(sqrt(nearest2) - radius)
            if gap > REACH:
                gap = REACH
            gaps[i] = gap
            seen_at[i] = now
            if speed < 1e-12:
                until[i] = inf  # standing still, or right above the centre of a spin
                continue
            ds = gap / speed
            # A sensor that has just crossed is usually followed by a new motor command (the
            # program reacts): solving its next crossing on this path would be wasted.
            if ds < EXACT_BELOW_S and not crossed:
                if turning:
                    ds = _next_on_circle(px, py, cx, cy, w, near, radius, EXACT_WINDOW_S)
                else:
                    ds = _next_on_line(px, py, self.vx, self.vy, near, radius, EXACT_WINDOW_S)
            until[i] = self.since + (t + ds) * 1e6
        self.next = min(until)
        return tuple(values), self.next


def _distance2(px: float, py: float, part: _Part) -> float:
    ax, ay, ex, ey, length, _nx, _ny, _bx, _by = part
    u = (px - ax) * ex + (py - ay) * ey
    u = 0.0 if u < 0.0 else length if u > length else u
    qx, qy = px - ax - u * ex, py - ay - u * ey
    return qx * qx + qy * qy


def _distance(px: float, py: float, part: _Part) -> float:
    return sqrt(_distance2(px, py, part))


def _next_on_line(
    px: float, py: float, vx: float, vy: float, near: tuple[_Part, ...], r: float, within: float
) -> float:
    """Seconds before a point at p moving at v crosses the edge of one of the capsules near it,
    leaves the area the ``near`` parts were chosen for, or ``within`` seconds have passed.

    An edge farther away than the point can go in ``within`` seconds cannot be crossed in
    time: its roots are not worked out (most ends of the tape's parts are far away)."""
    speed2 = vx * vx + vy * vy
    speed = sqrt(speed2)
    best = REACH / speed
    if within < best:
        best = within
    reach = speed * best
    # A round end is within reach when |p - end| is within r +- reach (squared: no root).
    far2 = (r + reach) * (r + reach)
    close2 = (r - reach) * (r - reach) if r > reach else -1.0
    for ax, ay, ex, ey, length, nx, ny, bx, by in near:
        rx, ry = px - ax, py - ay
        # The long sides: the distance to the part's line changes linearly.
        h0 = rx * nx + ry * ny
        hv = vx * nx + vy * ny
        u0 = rx * ex + ry * ey
        uv = vx * ex + vy * ey
        if hv != 0.0:
            for side in (r, -r):
                if abs(side - h0) > reach:
                    continue
                s = (side - h0) / hv
                if _EPS_S < s < best and 0.0 <= u0 + s * uv <= length:
                    best = s
        # The round ends: |p + s v - end| = r, on the outer half of that end.
        for qx, qy, outer in ((ax, ay, -1.0), (bx, by, 1.0)):
            dx, dy = px - qx, py - qy
            d2 = dx * dx + dy * dy
            if d2 > far2 or d2 < close2:
                continue
            b = dx * vx + dy * vy
            disc = b * b - speed2 * (d2 - r * r)
            if disc < 0.0:
                continue
            root = sqrt(disc)
            for s in ((-b - root) / speed2, (-b + root) / speed2):
                if _EPS_S < s < best:
                    along = (dx + s * vx) * ex + (dy + s * vy) * ey
                    if along * outer >= 0.0:
                        best = s
    return best


def _next_on_circle(
    px: float,
    py: float,
    cx: float,
    cy: float,
    w: float,
    near: tuple[_Part, ...],
    r: float,
    within: float,
) -> float:
    """The same for a point turning around c at ``w`` rad/s (clockwise positive, y down)."""
    rho = hypot(px - cx, py - cy)
    rate = abs(w)
    # Never further than one turn, nor than REACH cm along the circle.
    best = tau / rate
    if rho * rate > 0.0:
        best = min(best, REACH / (rho * rate))
    if within < best:
        best = within
    if rho < 1e-12:
        return best
    # How far (cm, along the circle) the point goes before ``best``: edges farther away
    # cannot be met in time.
    reach = rho * rate * best
    far2 = (r + reach) * (r + reach)
    close2 = (r - reach) * (r - reach) if r > reach else -1.0
    start = nan  # the point's angle around c, once a crossing is found
    direction = 1.0 if w > 0 else -1.0
    for ax, ay, ex, ey, length, nx, ny, bx, by in near:
        angles: list[float] = []
        # The long sides: circle (c, rho) against the lines at +-r from the part.
        dc0 = (cx - ax) * nx + (cy - ay) * ny
        h0 = (px - ax) * nx + (py - ay) * ny
        for side in (r, -r):
            if abs(h0 - side) > reach:
                continue
            dc = dc0 - side
            if abs(dc) > rho:
                continue
            half = sqrt(rho * rho - dc * dc)
            fx, fy = cx - dc * nx, cy - dc * ny
            for sign in (1.0, -1.0):
                qx, qy = fx + sign * half * ex, fy + sign * half * ey
                if 0.0 <= (qx - ax) * ex + (qy - ay) * ey <= length:
                    angles.append(atan2(qy - cy, qx - cx))
        # The round ends: circle (c, rho) against circle (end, r), on the outer half.
        for qx, qy, outer in ((ax, ay, -1.0), (bx, by, 1.0)):
            d2 = (px - qx) * (px - qx) + (py - qy) * (py - qy)
            if d2 > far2 or d2 < close2:
                continue
            d = hypot(qx - cx, qy - cy)
            if d < 1e-12 or d > rho + r or d < abs(rho - r):
                continue
            base = atan2(qy - cy, qx - cx)
            a = acos(max(-1.0, min(1.0, (rho * rho + d * d - r * r) / (2 * rho * d))))
            for angle in (base + a, base - a):
                ox, oy = cx + rho * cos(angle), cy + rho * sin(angle)
                if ((ox - qx) * ex + (oy - qy) * ey) * outer >= 0.0:
                    angles.append(angle)
        if angles and start != start:  # NaN: not yet worked out
            start = atan2(py - cy, px - cx)
        for angle in angles:
            s = ((angle - start) * direction) % tau / rate
            if _EPS_S < s < best:
                best = s
    return best
