"""The simulated robot: one more HAL class with the interface of ``board/rb_materiel.py``.

The robot API (``board/robot.py``) drives this class exactly as it drives the micro:bit or the
Pico. Time is simulated: ``sleep_ms`` moves a clock instead of waiting, and every call to the
hardware costs the time it takes on a real robot (an I2C write to the motors, an ultrasonic
echo...), so a program that polls a sensor in a loop still sees time pass and cannot hang the
simulation. Between two motor commands the robot's path is exact (see ``geometry``), so the
clock can jump a whole ``attendre(10)`` at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from robot_firmware.sim import geometry
from robot_firmware.sim.geometry import Motion
from robot_firmware.sim.world import World

#: Simulated milliseconds each hardware call takes on a classroom robot (MicroPython on a
#: micro:bit or a Pico): the call itself through the interpreter, plus the bus transfer.
COST_MS = {
    "motors": 0.8,  # I2C write to the motor driver, and robot.py's checks
    "line": 0.3,  # three ADC reads or two pin reads
    "led": 0.3,  # a NeoPixel write
    "tone": 0.1,
    "silence": 0.1,
    "button": 0.05,
    "show": 1.0,
    "ticks_ms": 0.01,
}
#: An ultrasonic measurement: trigger, then the echo; nothing in range waits the time-out.
SONAR_BASE_MS = 0.5
SONAR_TIMEOUT_MS = 25.0
SOUND_CM_PER_MS = 34.3
#: Where the line sensors are: this far in front of the centre, at these offsets to the left.
LINE_SENSOR_AHEAD = 0.8  # times the robot's radius
LINE_SENSOR_OFFSETS = {2: (1.0, -1.0), 3: (1.6, 0.0, -1.6)}


class RunEnded(BaseException):
    """Raised through the pupil's program to stop it; a BaseException so that a pupil's
    ``except Exception`` cannot swallow it."""

    reason = "ended"


class Crashed(RunEnded):
    reason = "collision"


class TimeUp(RunEnded):
    reason = "time"


@dataclass
class Keyframe:
    """The robot's pose when its motors changed, and the new motor powers (percent)."""

    t: float  # ms
    x: float
    y: float
    heading: float  # radians
    left: float
    right: float
    #: The exact path from this pose until the next keyframe.
    motion: Motion


@dataclass
class Collision:
    t: float
    x: float
    y: float
    turns: int
    travelled: float


@dataclass
class Recorder:
    """What the robot did, in order: the motor commands, lights, sounds and printed text."""

    keyframes: list[Keyframe] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def motor_commands(self) -> list[tuple[float, float]]:
        return [(e["g"], e["d"]) for e in self.events if e["e"] == "moteurs"]


class SimulatedHardware:
    """A robot of ``world.family`` on the table of ``world``."""

    def __init__(self, world: World, family: dict[str, Any], *, button: bool = False) -> None:
        self.world = world
        self.name = world.family
        self.leds = int(family.get("leds", 0))
        self.cm_per_s = float(family["cm_per_s"])
        self.wheelbase_cm = float(family["wheelbase_cm"])
        sensors = family.get("line_sensors")
        if sensors is None:
            sensors = len(family.get("line_adc") or family.get("line_pins") or (0, 0, 0))
        self.line_offsets = LINE_SENSOR_OFFSETS.get(int(sensors), LINE_SENSOR_OFFSETS[3])
        self.segments = world.segments()
        self._line_parts = [
            (ax, ay, bx - ax, by - ay, 1.0 / max(1e-12, (bx - ax) ** 2 + (by - ay) ** 2))
            for (ax, ay), (bx, by) in zip(world.line, world.line[1:], strict=False)
        ]
        self._line_reach = (world.line_width / 2) ** 2
        self.radius = world.radius
        self.limit_ms = world.time_limit * 1000.0
        self.pressed = button
        self.record = Recorder()
        self.now = 0.0
        x, y, heading = world.start
        self._motion = Motion(x, y, math.radians(heading), 0.0, 0.0)
        self._since = 0.0  # when _motion started, ms
        self._contact = math.inf  # when the robot touches a wall at the current speeds, ms
        self._powers = (0.0, 0.0)
        self._timers: list[list[Any]] = []  # [next due ms, period ms, callback]
        self._in_timer = False
        self._next_timer = math.inf
        self.ended: RunEnded | None = None
        self.collision: Collision | None = None
        self.turns = 0
        self.travelled = 0.0
        self.record.keyframes.append(
            Keyframe(0.0, x, y, self._motion.heading, 0.0, 0.0, self._motion)
        )

    # -- the clock -------------------------------------------------------------------------

    def pose(self) -> tuple[float, float, float]:
        """(x, y, heading in radians) now."""
        return self._motion.at((self.now - self._since) / 1000.0)

    def _spend(self, ms: float) -> None:
        if self._in_timer:
            return
        if self.ended is not None:
            raise self.ended
        self._advance(self.now + ms)

    def _advance(self, target: float) -> None:
        # Timers first (the motor watchdog of robot.py), in time order, then the path.
        while self._next_timer <= target:
            due = min(self._timers, key=lambda timer: timer[0])
            self._move_to(due[0])
            due[0] += due[1]
            self._in_timer = True
            try:
                due[2]()
            finally:
                self._in_timer = False
            self._next_timer = min(timer[0] for timer in self._timers)
        self._move_to(target)

    def _move_to(self, target: float) -> None:
        if target <= self.now:
            return
        if self._contact <= target and self._contact <= self.limit_ms:
            self._set_now(self._contact)
            x, y, _h = self.pose()
            self.collision = Collision(self._contact, x, y, self.turns, self.travelled)
            self._end(Crashed())
        if target > self.limit_ms:
            self._set_now(self.limit_ms)
            self._end(TimeUp())
        self._set_now(target)

    def _set_now(self, t: float) -> None:
        speed = abs(self._motion.v)
        if speed:
            self.travelled += speed * (t - self.now) / 1000.0
        self.now = t

    def _end(self, reason: RunEnded) -> None:
        self._stop_motion()
        self.ended = reason
        raise reason

    def _stop_motion(self) -> None:
        x, y, heading = self.pose()
        self._motion = Motion(x, y, heading, 0.0, 0.0)
        self._since = self.now
        self._contact = math.inf

    def finish(self) -> None:
        """The program is over: motors and sound stop, as the guard on the robot does
        (``rb_demarrage.run``), with the same commands."""
        self._command(0.0, 0.0)
        self.record.events.append({"e": "silence", "t": self.now})

    # -- the HAL interface of rb_materiel ----------------------------------------------------

    def motors(self, left: float, right: float) -> None:
        self._spend(COST_MS["motors"])
        self._command(float(left), float(right))

    def _command(self, left: float, right: float) -> None:
        left = max(-100.0, min(100.0, left))
        right = max(-100.0, min(100.0, right))
        self.record.events.append({"e": "moteurs", "t": self.now, "g": left, "d": right})
        if (left, right) == self._powers:
            return
        if left == -right != 0:
            self.turns += 1
        self._powers = (left, right)
        x, y, heading = self.pose()
        vl = left / 100.0 * self.cm_per_s
        vr = right / 100.0 * self.cm_per_s
        self._motion = Motion(x, y, heading, (vl + vr) / 2, (vl - vr) / self.wheelbase_cm)
        self._since = self.now
        self._contact = (
            self.now + geometry.contact_time(self._motion, self.radius, self.segments) * 1000.0
        )
        self.record.keyframes.append(Keyframe(self.now, x, y, heading, left, right, self._motion))

    def distance_cm(self) -> float:
        x, y, heading = self.pose()
        dx, dy = math.cos(heading), math.sin(heading)
        ox, oy = x + self.radius * dx, y + self.radius * dy
        best = math.inf
        for seg in self.segments:
            d = geometry.ray_hit(ox, oy, dx, dy, seg)
            if d < best:
                best = d
        if best > self.world.sonar_range:
            self._spend(SONAR_TIMEOUT_MS)
            return -1
        self._spend(SONAR_BASE_MS + 2 * best / SOUND_CM_PER_MS)
        return best

    def line(self) -> tuple[bool, ...]:
        self._spend(COST_MS["line"])
        x, y, heading = self.pose()
        cos_h, sin_h = math.cos(heading), math.sin(heading)
        ahead = LINE_SENSOR_AHEAD * self.radius
        cx, cy = x + ahead * cos_h, y + ahead * sin_h
        reach = self._line_reach
        seen = []
        for offset in self.line_offsets:
            # "Left" of a robot looking along (cos, sin) with y down is (sin, -cos).
            px, py = cx + offset * sin_h, cy - offset * cos_h
            on_line = False
            # A tight loop: line following polls this thousands of times per robot minute.
            for ax, ay, ex, ey, inverse in self._line_parts:
                u = ((px - ax) * ex + (py - ay) * ey) * inverse
                u = 0.0 if u < 0.0 else 1.0 if u > 1.0 else u
                qx, qy = px - ax - u * ex, py - ay - u * ey
                if qx * qx + qy * qy <= reach:
                    on_line = True
                    break
            seen.append(on_line)
        return tuple(seen)

    def led(self, index: int, r: int, g: int, b: int) -> None:
        self._spend(COST_MS["led"])
        self.record.events.append({"e": "led", "t": self.now, "i": index, "rgb": [r, g, b]})

    def tone(self, hz: float, ms: float) -> None:
        self._spend(COST_MS["tone"])
        self.record.events.append({"e": "son", "t": self.now, "f": hz, "ms": ms})

    def silence(self) -> None:
        self._spend(COST_MS["silence"])
        self.record.events.append({"e": "silence", "t": self.now})

    def button(self) -> bool:
        self._spend(COST_MS["button"])
        return self.pressed

    def show(self, text: str) -> None:
        self._spend(COST_MS["show"])
        self.record.events.append({"e": "ecran", "t": self.now, "texte": str(text)})

    def sleep_ms(self, ms: float) -> None:
        if self.ended is not None:
            raise self.ended
        self._advance(self.now + max(0.0, float(ms)))

    def ticks_ms(self) -> int:
        self._spend(COST_MS["ticks_ms"])
        return int(self.now)

    def every(self, ms: int, callback: Callable[[], Any]) -> bool:
        self._timers.append([self.now + ms, float(ms), callback])
        self._next_timer = min(timer[0] for timer in self._timers)
        return True

    def printed(self, text: str) -> None:
        """What the program printed, with the time it did (print goes to the PC's screen)."""
        self.record.events.append({"e": "sortie", "t": self.now, "texte": text})
