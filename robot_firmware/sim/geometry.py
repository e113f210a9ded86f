"""Plane geometry of the simulator: where a moving round robot first touches a wall.

Units are centimetres and radians. The y axis points down (as on a screen and in SVG) and a
heading grows clockwise, so "positive turns right" looks right on the page.

The robot is a disc of radius ``radius``. Between two motor commands its centre moves on a
straight line, on a circle, or not at all (a spin in place), so the moment it first touches a
wall is computed exactly, once per command, instead of stepping time: that is what makes a
minute of robot time cost well under a millisecond of simulation.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

Point = tuple[float, float]
Segment = tuple[float, float, float, float]

_EPS = 1e-9


# Not frozen (never changed after it is made, though): a frozen dataclass is several times
# slower to build, and a line follower changes its motion thousands of times a minute.
@dataclass(slots=True)
class Motion:
    """Constant wheel speeds from a pose: v in cm/s along the heading, w in rad/s clockwise."""

    x: float
    y: float
    heading: float
    v: float
    w: float

    def at(self, t: float) -> tuple[float, float, float]:
        """The pose (x, y, heading) after ``t`` seconds."""
        if abs(self.w) < _EPS:
            return (
                self.x + self.v * t * math.cos(self.heading),
                self.y + self.v * t * math.sin(self.heading),
                self.heading,
            )
        h = self.heading + self.w * t
        if abs(self.v) < _EPS:
            return self.x, self.y, h
        k = self.v / self.w
        return (
            self.x + k * (math.sin(h) - math.sin(self.heading)),
            self.y - k * (math.cos(h) - math.cos(self.heading)),
            h,
        )


def distance_to_segment(px: float, py: float, seg: Segment) -> float:
    ax, ay, bx, by = seg
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 <= _EPS:
        return math.hypot(px - ax, py - ay)
    u = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - u * dx, py - ay - u * dy)


def distance_to_polyline(px: float, py: float, points: list[Point]) -> float:
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        d = distance_to_segment(px, py, (ax, ay, bx, by))
        if d < best:
            best = d
    return best


def ray_hit(ox: float, oy: float, dx: float, dy: float, seg: Segment) -> float:
    """Distance along the unit ray (o, d) to ``seg``, or infinity when it misses."""
    ax, ay, bx, by = seg
    ex, ey = bx - ax, by - ay
    denom = dx * ey - dy * ex
    if abs(denom) < _EPS:
        return math.inf
    qx, qy = ax - ox, ay - oy
    s = (qx * ey - qy * ex) / denom  # along the ray
    u = (qx * dy - qy * dx) / denom  # along the segment
    if s >= 0 and -_EPS <= u <= 1 + _EPS:
        return s
    return math.inf


def _ray_circle(
    ox: float, oy: float, dx: float, dy: float, cx: float, cy: float, r: float
) -> float:
    fx, fy = ox - cx, oy - cy
    b = fx * dx + fy * dy
    c = fx * fx + fy * fy - r * r
    disc = b * b - c
    if disc < 0:
        return math.inf
    root = math.sqrt(disc)
    for s in (-b - root, -b + root):
        if s >= 0:
            return s
    return math.inf


def straight_contact(ox: float, oy: float, dx: float, dy: float, r: float, seg: Segment) -> float:
    """How far the centre of a disc of radius ``r`` moves along the unit direction (d) from
    o before the disc touches ``seg`` (infinity: never)."""
    ax, ay, bx, by = seg
    ex, ey = bx - ax, by - ay
    length = math.hypot(ex, ey)
    best = min(_ray_circle(ox, oy, dx, dy, ax, ay, r), _ray_circle(ox, oy, dx, dy, bx, by, r))
    if length > _EPS:
        nx, ny = -ey / length * r, ex / length * r
        for sign in (1.0, -1.0):
            side = (ax + sign * nx, ay + sign * ny, bx + sign * nx, by + sign * ny)
            best = min(best, ray_hit(ox, oy, dx, dy, side))
    return best


def _angles_circle_circle(
    cx: float, cy: float, rho: float, px: float, py: float, r: float
) -> list[float]:
    """Angles (around c) of the points of circle (c, rho) that are on circle (p, r)."""
    d = math.hypot(px - cx, py - cy)
    if d < _EPS or d > rho + r or d < abs(rho - r):
        return []
    base = math.atan2(py - cy, px - cx)
    cos_a = (rho * rho + d * d - r * r) / (2 * rho * d)
    a = math.acos(max(-1.0, min(1.0, cos_a)))
    return [base + a, base - a]


def _angles_circle_segment(cx: float, cy: float, rho: float, seg: Segment) -> list[float]:
    ax, ay, bx, by = seg
    ex, ey = bx - ax, by - ay
    length2 = ex * ex + ey * ey
    if length2 <= _EPS:
        return []
    fx, fy = ax - cx, ay - cy
    a = length2
    b = 2 * (fx * ex + fy * ey)
    c = fx * fx + fy * fy - rho * rho
    disc = b * b - 4 * a * c
    if disc < 0:
        return []
    root = math.sqrt(disc)
    angles = []
    for u in ((-b - root) / (2 * a), (-b + root) / (2 * a)):
        if -_EPS <= u <= 1 + _EPS:
            angles.append(math.atan2(fy + u * ey, fx + u * ex))
    return angles


def arc_contact(motion: Motion, r: float, seg: Segment) -> float:
    """Seconds before a disc on the circular path of ``motion`` touches ``seg`` (inf: never)."""
    k = motion.v / motion.w
    cx = motion.x - k * math.sin(motion.heading)
    cy = motion.y + k * math.cos(motion.heading)
    rho = abs(k)
    start = math.atan2(motion.y - cy, motion.x - cx)
    ax, ay, bx, by = seg
    candidates = _angles_circle_circle(cx, cy, rho, ax, ay, r)
    candidates += _angles_circle_circle(cx, cy, rho, bx, by, r)
    ex, ey = bx - ax, by - ay
    length = math.hypot(ex, ey)
    if length > _EPS:
        nx, ny = -ey / length * r, ex / length * r
        for sign in (1.0, -1.0):
            side = (ax + sign * nx, ay + sign * ny, bx + sign * nx, by + sign * ny)
            candidates += _angles_circle_segment(cx, cy, rho, side)
    direction = 1.0 if motion.w > 0 else -1.0
    best = math.inf
    for angle in candidates:
        travel = ((angle - start) * direction) % math.tau
        if travel > 1e-7 and travel < best:
            best = travel
    return best / abs(motion.w)


def contact_time(motion: Motion, r: float, segments: list[Segment]) -> float:
    """Seconds before the robot following ``motion`` first touches one of ``segments``."""
    if abs(motion.v) < _EPS:
        return math.inf  # a disc spinning in place never sweeps new ground
    best = math.inf
    if abs(motion.w) < _EPS:
        speed = abs(motion.v)
        sign = 1.0 if motion.v > 0 else -1.0
        dx, dy = sign * math.cos(motion.heading), sign * math.sin(motion.heading)
        for seg in segments:
            s = straight_contact(motion.x, motion.y, dx, dy, r, seg)
            if s < best:
                best = s
        return best / speed
    for seg in segments:
        t = arc_contact(motion, r, seg)
        if t < best:
            best = t
    return best


def clearance(px: float, py: float, segments: list[Segment]) -> float:
    """Distance from a point to the nearest segment."""
    return min((distance_to_segment(px, py, s) for s in segments), default=math.inf)


def rectangle(x: float, y: float, w: float, h: float) -> list[Segment]:
    return [
        (x, y, x + w, y),
        (x + w, y, x + w, y + h),
        (x + w, y + h, x, y + h),
        (x, y + h, x, y),
    ]


def polyline(points: list[Point]) -> list[Segment]:
    return [(a[0], a[1], b[0], b[1]) for a, b in itertools.pairwise(points)]
