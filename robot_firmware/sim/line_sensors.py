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
EXACT_BELOW_S = 0.2
#: ... and only within this many seconds: the next look comes at the latest then. (Measured
#: with the compiled copy: 0.2 s and 0.5 s take 3 % fewer instructions per line follower's
#: minute than 0.1 s and 0.2 s, as each new look costs a round of the pupil's loop.)
EXACT_WINDOW_S = 0.5
_EPS_S = 1e-9  # seconds: a root this close is the crossing the sensor is standing on
_W_EPS = 1e-9  # the same threshold as geometry.Motion for "not turning"
_ALONG_MARGIN = 1e-6  # cm: far above the rounding of a dot product with a unit direction

#: One part of the line: start, unit direction, length, unit normal, end.
_Part = tuple[float, float, float, float, float, float, float, float, float]


#: A cell of the grid: its parts as (start, unit direction, length) for the distances, and
#: whole for the exact crossings.
_Cell = tuple[tuple[tuple[float, float, float, float, float], ...], tuple[_Part, ...]]


@functools.lru_cache(maxsize=32)
def _tape(
    points: tuple[tuple[float, ...], ...], radius: float
) -> tuple[list[_Part], dict[tuple[float, float], _Cell]]:
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
        "arm",
        "at",
        "flips",
        "gap",
        "next",
        "parts",
        "path",
        "radius",
        "radius2",
        "sensors",
        "speed",
        "until",
        "values",
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
        self.speed = 0.0
        # Per sensor: its value, until when (µs) it holds for certain, and the radius (cm) of
        # the ball around where it was at ``at`` (µs) that is all in or all out of the tape.
        self.values = [False] * len(sensors)
        self.until = [-math.inf] * len(sensors)
        self.gap = [0.0] * len(sensors)
        self.at = [0.0] * len(sensors)
        self.flips = [-math.inf] * len(sensors)
        self.next = -math.inf
        self.set_motion(Motion(0.0, 0.0, 0.0, 0.0, 0.0), 0.0)

    # -- where the parts are ------------------------------------------------------------------

    def _near(self, px: float, py: float) -> _Cell:
        key = (px // CELL, py // CELL)
        found = self._cells.get(key)
        if found is None:
            # Everything a point of this cell can touch after moving REACH cm.
            cx, cy = (key[0] + 0.5) * CELL, (key[1] + 0.5) * CELL
            limit = REACH + self.radius + CELL * 0.7072
            near = tuple(p for p in self.parts if _distance(cx, cy, p) <= limit)
            found = self._cells[key] = (tuple(p[:5] for p in near), near)
        return found

    # -- the sensors on a motion ---------------------------------------------------------------

    def set_motion(self, motion: Motion, now: float) -> None:
        """The wheels changed speeds at ``now`` (µs), the robot being where ``motion``
        starts. A sensor keeps its value as long as it stays in the ball, all in or all out
        of the tape, measured at its last read: what is left of that ball still holds on the
        new path."""
        # Floats only: C doubles when this file is compiled (see setup.py).
        old_speed: float
        v: float
        w: float
        speed: float
        earliest: float
        left: float
        x: float
        y: float
        cos_h: float
        sin_h: float
        k: float
        cx: float
        cy: float
        old_speed = self.speed
        v, w = motion.v, motion.w
        speed = self.speed = abs(v) + abs(w) * self.arm
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
        self.flips = [-math.inf] * len(until)
        # How the sensors move: along (vx, vy), or around (cx, cy). Where each starts is worked
        # out when it is read (most motions read one sensor or two). One tuple, as read()
        # takes it apart in one step.
        x, y = motion.x, motion.y
        cos_h, sin_h = math.cos(motion.heading), math.sin(motion.heading)
        turning = abs(w) >= _W_EPS
        cx = cy = 0.0
        if turning:
            k = v / w if abs(v) >= _W_EPS else 0.0
            # The centre of the circle the whole robot turns around (see Motion.at).
            cx, cy = x - k * sin_h, y + k * cos_h
        self.path = (now, x, y, cos_h, sin_h, turning, cx, cy, w, v * cos_h, v * sin_h, abs(v))

    def read(self, now: float) -> tuple[tuple[bool, ...], float]:
        """The sensors at ``now`` (µs), and until when they keep these values for certain."""
        # Floats only: C doubles when this file is compiled (see setup.py).
        since: float
        x0: float
        y0: float
        cos_h: float
        sin_h: float
        cx: float
        cy: float
        w: float
        vx: float
        vy: float
        speed: float
        t: float
        cos_a: float
        sin_a: float
        shift_x: float
        shift_y: float
        radius: float
        radius2: float
        ahead: float
        left: float
        sx: float
        sy: float
        dx: float
        dy: float
        px: float
        py: float
        nearest2: float
        ax: float
        ay: float
        ex: float
        ey: float
        length: float
        rx: float
        ry: float
        u: float
        qx: float
        qy: float
        d2: float
        gap: float
        ds: float
        after: float
        # Written for CPython's speed: a line follower calls this thousands of times a minute.
        since, x0, y0, cos_h, sin_h, turning, cx, cy, w, vx, vy, speed = self.path
        t = (now - since) / 1e6
        cos_a = sin_a = shift_x = shift_y = 0.0
        if turning:
            # Every point of the robot turns by w * t around (cx, cy) (y down: clockwise).
            cos_a, sin_a = cos(w * t), sin(w * t)
        else:
            shift_x, shift_y = vx * t, vy * t
        until, values, radius, radius2 = self.until, self.values, self.radius, self.radius2
        cells, gaps, seen_at, sensors = self._cells, self.gap, self.at, self.sensors
        flips = self.flips
        for i in range(len(until)):
            if until[i] > now:
                continue
            if flips[i] > now:
                # The crossing worked out at the last look has come, and the next one has
                # not: the sensor crossed, nothing to look at (a line follower's reading at
                # the tape's edge, once per motor command).
                values[i] = not values[i]
                until[i], flips[i] = flips[i], -inf
                gaps[i], seen_at[i] = 0.0, now
                continue
            # Where the sensor was when the motion started ("left" of a robot looking along
            # (cos, sin) with y down is (sin, -cos)), then where it is now.
            ahead, left = sensors[i]
            sx = x0 + ahead * cos_h + left * sin_h
            sy = y0 + ahead * sin_h - left * cos_h
            if turning:
                dx, dy = sx - cx, sy - cy
                px, py = cx + cos_a * dx - sin_a * dy, cy + sin_a * dx + cos_a * dy
                # A turn keeps the distance to its centre.
                speed = abs(w) * sqrt(dx * dx + dy * dy)
            else:
                px, py = sx + shift_x, sy + shift_y
            cell = cells.get((px // CELL, py // CELL))
            if cell is None:
                cell = self._near(px, py)
            short, near = cell
            nearest2 = inf
            for ax, ay, ex, ey, length in short:
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
                    ds, after = _next_on_circle(px, py, cx, cy, w, near, radius, EXACT_WINDOW_S)
                else:
                    ds, after = _next_on_line(px, py, vx, vy, near, radius, EXACT_WINDOW_S)
                # Crossing an edge of one capsule is entering or leaving the tape, unless the
                # crossing point is in or at another capsule (where parts meet).
                if after > ds and (
                    len(near) == 1 or _alone(px, py, cx, cy, w, vx, vy, ds, short, radius)
                ):
                    flips[i] = since + (t + after) * 1e6
            until[i] = since + (t + ds) * 1e6
        self.next = min(until)
        return tuple(values), self.next


def _alone(
    px: float,
    py: float,
    cx: float,
    cy: float,
    w: float,
    vx: float,
    vy: float,
    s: float,
    short: tuple[tuple[float, float, float, float, float], ...],
    r: float,
) -> bool:
    """Whether the point of (px, py) ``s`` seconds on (around (cx, cy) at ``w``, or along
    (vx, vy) when not turning) is on the edge of one capsule only, clear of all others."""
    # Floats only: C doubles when this file is compiled (see setup.py).
    cos_a: float
    sin_a: float
    dx: float
    dy: float
    qx: float
    qy: float
    limit2: float
    ax: float
    ay: float
    ex: float
    ey: float
    length: float
    rx: float
    ry: float
    u: float
    if abs(w) >= _W_EPS:
        cos_a, sin_a = cos(w * s), sin(w * s)
        dx, dy = px - cx, py - cy
        qx, qy = cx + cos_a * dx - sin_a * dy, cy + sin_a * dx + cos_a * dy
    else:
        qx, qy = px + s * vx, py + s * vy
    limit2 = (r + _ALONG_MARGIN) * (r + _ALONG_MARGIN)
    touched = 0
    for ax, ay, ex, ey, length in short:
        rx, ry = qx - ax, qy - ay
        u = rx * ex + ry * ey
        if u < 0.0:
            u = 0.0
        elif u > length:
            u = length
        rx, ry = rx - u * ex, ry - u * ey
        if rx * rx + ry * ry <= limit2:
            touched += 1
    return touched == 1


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
) -> tuple[float, float]:
    """Seconds before a point at p moving at v crosses the edge of one of the capsules near it,
    leaves the area the ``near`` parts were chosen for, or ``within`` seconds have passed.

    An edge farther away than the point can go in ``within`` seconds cannot be crossed in
    time: its roots are not worked out (most ends of the tape's parts are far away).

    Returns that time and the next such time after it: between the two, the point crosses
    no edge (both are the same when nothing is crossed before the end of the window, or when
    the first crossing is only a touch)."""
    # Floats only: C doubles when this file is compiled (see setup.py).
    speed2: float
    speed: float
    best: float
    after: float
    reach: float
    far2: float
    close2: float
    along: float
    ax: float
    ay: float
    ex: float
    ey: float
    length: float
    nx: float
    ny: float
    bx: float
    by: float
    rx: float
    ry: float
    h0: float
    hv: float
    u0: float
    uv: float
    s: float
    d2: float
    b: float
    disc: float
    root: float
    dx: float
    dy: float
    speed2 = vx * vx + vy * vy
    speed = sqrt(speed2)
    best = REACH / speed
    if within < best:
        best = within
    after = best  # the second crossing (see the docstring)
    reach = speed * best
    # A round end is within reach when |p - end| is within r +- reach (squared: no root).
    far2 = (r + reach) * (r + reach)
    close2 = (r - reach) * (r - reach) if r > reach else -1.0
    # ... which needs the point within r + reach of that end along the part (a cheaper test
    # first; the margin covers the rounding of the unit direction).
    along = r + reach + _ALONG_MARGIN
    # Sides and ends written out twice, not looped over: this runs at most motor commands.
    for ax, ay, ex, ey, length, nx, ny, bx, by in near:
        rx, ry = px - ax, py - ay
        # The long sides: the distance to the part's line changes linearly.
        h0 = rx * nx + ry * ny
        hv = vx * nx + vy * ny
        u0 = rx * ex + ry * ey
        uv = vx * ex + vy * ey
        if hv != 0.0:
            if abs(r - h0) <= reach:
                s = (r - h0) / hv
                if _EPS_S < s < after and 0.0 <= u0 + s * uv <= length:
                    if s < best:
                        best, after = s, best
                    else:
                        after = s
            if abs(-r - h0) <= reach:
                s = (-r - h0) / hv
                if _EPS_S < s < after and 0.0 <= u0 + s * uv <= length:
                    if s < best:
                        best, after = s, best
                    else:
                        after = s
        # The round ends: |p + s v - end| = r, on the outer half of that end.
        if -along <= u0 <= along:
            d2 = rx * rx + ry * ry
            if close2 <= d2 <= far2:
                b = rx * vx + ry * vy
                disc = b * b - speed2 * (d2 - r * r)
                if disc >= 0.0:
                    root = sqrt(disc)
                    for s in ((-b - root) / speed2, (-b + root) / speed2):
                        if _EPS_S < s < after and (rx + s * vx) * ex + (ry + s * vy) * ey <= 0.0:
                            if s < best:
                                best, after = s, best
                            else:
                                after = s
        if -along <= u0 - length <= along:
            dx, dy = px - bx, py - by
            d2 = dx * dx + dy * dy
            if close2 <= d2 <= far2:
                b = dx * vx + dy * vy
                disc = b * b - speed2 * (d2 - r * r)
                if disc >= 0.0:
                    root = sqrt(disc)
                    for s in ((-b - root) / speed2, (-b + root) / speed2):
                        if _EPS_S < s < after and (dx + s * vx) * ex + (dy + s * vy) * ey >= 0.0:
                            if s < best:
                                best, after = s, best
                            else:
                                after = s
    return best, after


def _next_on_circle(
    px: float,
    py: float,
    cx: float,
    cy: float,
    w: float,
    near: tuple[_Part, ...],
    r: float,
    within: float,
) -> tuple[float, float]:
    """The same for a point turning around c at ``w`` rad/s (clockwise positive, y down)."""
    # Floats only: C doubles when this file is compiled (see setup.py).
    rho: float
    rate: float
    best: float
    after: float
    reach: float
    far2: float
    close2: float
    along: float
    start: float
    direction: float
    ax: float
    ay: float
    ex: float
    ey: float
    length: float
    nx: float
    ny: float
    bx: float
    by: float
    rx: float
    ry: float
    h0: float
    dc: float
    half: float
    fx: float
    fy: float
    qx: float
    qy: float
    s: float
    u0: float
    d2: float
    d: float
    base: float
    a: float
    ox: float
    oy: float
    rho = hypot(px - cx, py - cy)
    rate = abs(w)
    # Never further than one turn, nor than REACH cm along the circle.
    best = tau / rate
    if rho * rate > 0.0:
        best = min(best, REACH / (rho * rate))
    if within < best:
        best = within
    after = best  # the second crossing (see the docstring)
    if rho < 1e-12:
        return best, best
    # How far (cm, along the circle) the point goes before ``best``: edges farther away
    # cannot be met in time.
    reach = rho * rate * best
    far2 = (r + reach) * (r + reach)
    close2 = (r - reach) * (r - reach) if r > reach else -1.0
    along = r + reach + _ALONG_MARGIN  # see _next_on_line
    start = nan  # the point's angle around c, once a crossing is found
    direction = 1.0 if w > 0 else -1.0
    # Each crossing's angle around c becomes seconds at once (the earliest is kept).
    for ax, ay, ex, ey, length, nx, ny, bx, by in near:
        rx, ry = px - ax, py - ay
        # The long sides: circle (c, rho) against the lines at +-r from the part.
        h0 = rx * nx + ry * ny
        for side in (r, -r):
            if abs(h0 - side) > reach:
                continue
            dc = (cx - ax) * nx + (cy - ay) * ny - side
            if abs(dc) > rho:
                continue
            half = sqrt(rho * rho - dc * dc)
            fx, fy = cx - dc * nx, cy - dc * ny
            for sign in (1.0, -1.0):
                qx, qy = fx + sign * half * ex, fy + sign * half * ey
                if 0.0 <= (qx - ax) * ex + (qy - ay) * ey <= length:
                    if start != start:  # NaN: not yet worked out
                        start = atan2(py - cy, px - cx)
                    s = ((atan2(qy - cy, qx - cx) - start) * direction) % tau / rate
                    if _EPS_S < s < after:
                        if s < best:
                            best, after = s, best
                        else:
                            after = s
        # The round ends: circle (c, rho) against circle (end, r), on the outer half.
        u0 = rx * ex + ry * ey
        for qx, qy, outer, u in ((ax, ay, -1.0, u0), (bx, by, 1.0, u0 - length)):
            if not -along <= u <= along:
                continue
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
                    if start != start:
                        start = atan2(py - cy, px - cx)
                    s = ((angle - start) * direction) % tau / rate
                    if _EPS_S < s < after:
                        if s < best:
                            best, after = s, best
                        else:
                            after = s
    return best, after
