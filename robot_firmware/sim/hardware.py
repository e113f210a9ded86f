"""The simulated robot: one more HAL class with the interface of ``board/rb_materiel.py``.

The robot API (``board/robot.py``) drives this class exactly as it drives the micro:bit or the
Pico. Time is simulated: ``sleep_ms`` moves a clock instead of waiting, and every call to the
hardware costs the time it takes on a real robot (an I2C write to the motors, an ultrasonic
echo...), so a program that polls a sensor in a loop still sees time pass and cannot hang the
simulation. The clock counts whole microseconds (a Python int): sums of call costs are exact,
so a run does not depend on how its calls are grouped (``fast_forward`` relies on it).
Between two motor commands the robot's path is exact (see ``geometry``), so the clock can
jump a whole ``attendre(10)`` at once.

Everything is an event on that clock. While the wheels keep their speeds the robot cannot
touch a wall before it has covered the clearance measured around it, the line sensors keep
their values until the next root of ``line_sensors``, and the motor watchdog fires at a known
time; the earliest of these is the *horizon*. A call that ends before the horizon only moves
the clock (a few hundred nanoseconds): that is what lets a no-sleep line follower simulate a
robot minute in a few tens of milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from robot_firmware import sensors
from robot_firmware.sim import geometry
from robot_firmware.sim.compiled import line_sensors_module
from robot_firmware.sim.geometry import Motion
from robot_firmware.sim.line_sensors import LineSensors
from robot_firmware.sim.world import World

#: Simulated microseconds each hardware call takes on a classroom robot (MicroPython on a
#: micro:bit or a Pico): the call itself through the interpreter, plus the bus transfer.
COST_US = {
    # Two I2C writes of 3 bytes to the Maqueen's motor driver at the micro:bit's 100 kHz
    # (mbed/CODAL's default I2C clock): 2 x (1 address + 3 data bytes) x 9 bits = 0.72 ms,
    # plus robot.py's checks.
    "motors": 800,
    "line": 300,  # two digital pin reads or three ADC reads, through robot.py
    "led": 300,  # a NeoPixel write
    "tone": 100,
    "silence": 100,
    "button": 50,
    "show": 1000,
    "ticks_ms": 10,
}
MOTORS_US = COST_US["motors"]
LINE_US = COST_US["line"]
TICKS_US = COST_US["ticks_ms"]
BUTTON_US = COST_US["button"]
#: An ultrasonic measurement (HC-SR04, on the Maqueen and the Kitronik): a 10 us trigger, a
#: burst of eight 40 kHz pulses, then the echo pulse, as long as the sound's round trip
#: (58 us per cm, datasheet); with nothing in range the driver waits its time-out
#: (rb_hal_maqueen: 30 ms; the module itself gives up after about 38 ms). robot.py waits
#: for the datasheet's 60 ms measurement cycle between two pings, so a polling loop pings
#: at most about 17 times a second, as on the robot.
SONAR_BASE_US = 500
SONAR_TIMEOUT_US = 30_000
#: The Maqueen's driver times the echo in whole microseconds (time_pulse_us): distances come
#: in steps of 0.0343 / 2 cm, as on the robot.
SOUND_CM_PER_US = 0.0343
#: Beyond any world's time limit (µs): what a sleep of a year or of infinity becomes.
_FOREVER_US = 10**15
#: Equal to nothing but itself.
_NOBODY = object()
#: Below this clearance (cm) the exact moment of contact is solved instead of bounded.
CONTACT_MARGIN = 0.5
#: Where the sensors are: robot_firmware/sensors.py, shared with the virtual robot.


def to_us(ms: float) -> int:
    """Milliseconds of a sleep or a timer as whole microseconds (never negative)."""
    us = float(ms) * 1000.0
    if not us > 0.0:  # negative, zero or NaN
        return 0
    return _FOREVER_US if us >= _FOREVER_US else round(us)


class RunEnded(BaseException):
    """Raised through the pupil's program to stop it; a BaseException so that a pupil's
    ``except Exception`` cannot swallow it."""

    reason = "ended"


class Crashed(RunEnded):
    reason = "collision"


class TimeUp(RunEnded):
    reason = "time"


@dataclass(slots=True)
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
        """Every motor command, in order (a command repeated n times in a row is recorded
        once, with its count "n")."""
        commands: list[tuple[float, float]] = []
        for e in self.events:
            if e["e"] == "moteurs":
                commands += [(e["g"], e["d"])] * e["n"]
        return commands


class SimulatedHardware:
    """A robot of ``world.family`` on the table of ``world``."""

    # Slots: the fast binding and the line follower's loop read and write these attributes
    # millions of times; with over 30 of them, an instance dict would be a plain hash table,
    # several times slower to reach than a slot.
    __slots__ = (
        "_check_at",
        "_clear",
        "_clear_x",
        "_clear_y",
        "_exact",
        "_fed",
        "_horizon",
        "_in_timer",
        "_line_until",
        "_line_used",
        "_line_value",
        "_motion",
        "_next_timer",
        "_powers",
        "_read_end",
        "_repeat",
        "_repeat_left",
        "_repeat_right",
        "_repeats",
        "_same_left",
        "_same_right",
        "_since",
        "_timers",
        "_travelled",
        "before_timer",
        "changes",
        "cm_per_s",
        "collision",
        "ended",
        "leds",
        "limit_us",
        "line_offsets",
        "line_sensors",
        "name",
        "pressed",
        "radius",
        "record",
        "segments",
        "turns",
        "us",
        "wheelbase_cm",
        "world",
    )

    def __init__(self, world: World, family: dict[str, Any], *, button: bool = False) -> None:
        self.world = world
        self.name = world.family
        self.leds = int(family.get("leds", 0))
        self.cm_per_s = float(family["cm_per_s"])
        self.wheelbase_cm = float(family["wheelbase_cm"])
        positions = sensors.line_sensor_positions(world.radius, sensors.line_sensor_count(family))
        self.line_offsets = tuple(left for _, left in positions)
        self.segments = world.segments()
        self.radius = world.radius
        # The compiled copy of line_sensors.py when there is a fresh one (see compiled.py).
        self.line_sensors: LineSensors = line_sensors_module().LineSensors(
            world.line, world.line_width, positions
        )
        self.limit_us = to_us(world.time_limit * 1000.0)
        self.pressed = button
        self.record = Recorder()
        #: The clock: whole microseconds since the start (see the module's docstring).
        self.us = 0
        #: Grows whenever something the program could notice changes, other than the clock:
        #: a motor command that is not a repeat, a recorded event, a new line reading, a
        #: timer, a distance, a sleep, a call that left the fast binding (``fast_forward``).
        self.changes = 0
        x, y, heading = world.start
        self._motion = Motion(x, y, math.radians(heading), 0.0, 0.0)
        self._since = 0  # when _motion started, µs
        self.line_sensors.set_motion(self._motion, 0.0)
        self._travelled = 0.0  # cm, before _since
        self._powers = (0.0, 0.0)
        self._timers: list[list[Any]] = []  # [next due µs, period µs, callback]
        self._in_timer = False
        self._next_timer: float = math.inf
        # Walls: no contact is possible before _check_at (µs); when _exact, it is the contact.
        self._check_at = math.inf
        self._exact = False
        # The clearance (cm beyond the robot's radius) measured around (_clear_x, _clear_y).
        self._clear_x, self._clear_y = x, y
        self._clear = geometry.clearance(x, y, self.segments) - self.radius
        # Line sensors: _line_value holds while us < _line_until (µs).
        self._line_value: tuple[bool, ...] = ()
        self._line_until = -math.inf
        #: Nothing but the clock changes before this time (µs): see the module's docstring.
        self._horizon: float = self.limit_us
        #: The last event recorded, when it is a motor command, and its (left, right).
        self._repeat: dict[str, Any] | None = None
        self._repeat_left = self._repeat_right = math.nan  # NaN: equal to nothing
        #: Repeats of _repeat not yet added to its count (the fast binding adds here).
        self._repeats = 0
        #: The very objects the fast binding last passed for _repeat (see binding.py).
        self._same_left: object = _NOBODY
        self._same_right: object = _NOBODY
        #: When the fast binding last fed robot.py's watchdog, and when its last line reading
        #: ended (µs; see binding.py and fast_forward.py).
        self._fed = -1
        self._read_end = -1
        #: Whether the program reads the line sensors (then a motor command looks at them).
        self._line_used = False
        #: Called before each timer callback (the fast binding brings robot.py's state up to
        #: date there).
        self.before_timer: Callable[[], None] | None = None
        self.ended: RunEnded | None = None
        self.collision: Collision | None = None
        self.turns = 0
        self.record.keyframes.append(
            Keyframe(0.0, x, y, self._motion.heading, 0.0, 0.0, self._motion)
        )

    # -- the clock -------------------------------------------------------------------------

    @property
    def now(self) -> float:
        """Milliseconds since the start."""
        return self.us / 1000.0

    @property
    def travelled(self) -> float:
        """Centimetres the robot's centre has covered so far."""
        return self._travelled + abs(self._motion.v) * (self.us - self._since) / 1e6

    def pose(self) -> tuple[float, float, float]:
        """(x, y, heading in radians) now."""
        return self._motion.at((self.us - self._since) / 1e6)

    def _set_horizon(self) -> None:
        if self.ended is not None or self._in_timer:
            self._horizon = -math.inf  # every call takes the slow path, which knows what to do
        else:
            horizon: float = self.limit_us
            if self._next_timer < horizon:
                horizon = self._next_timer
            if self._check_at < horizon:
                horizon = self._check_at
            self._horizon = horizon

    def _spend(self, us: int) -> None:
        if self._in_timer:
            return
        if self.ended is not None:
            raise self.ended
        self._advance(self.us + us)

    def _advance(self, target: int) -> None:
        # Timers first (the motor watchdog of robot.py), in time order, then the path.
        while self._next_timer <= target:
            due = min(self._timers, key=lambda timer: timer[0])
            self._move_to(due[0])
            due[0] += due[1]
            self.changes += 1
            self._in_timer = True
            self._horizon = -math.inf
            if self.before_timer is not None:
                self.before_timer()
            try:
                due[2]()
            finally:
                self._in_timer = False
            self._next_timer = min(timer[0] for timer in self._timers)
            self._set_horizon()
        self._move_to(target)

    def _move_to(self, target: int) -> None:
        if target <= self.us:
            return
        while self._check_at <= target and self._check_at <= self.limit_us:
            if self._exact:
                # The first whole microsecond at or after the contact (never back).
                self.us = max(self.us, math.ceil(self._check_at))
                x, y, _h = self.pose()
                self.collision = Collision(self.now, x, y, self.turns, self.travelled)
                self._end(Crashed())
            self._measure_clearance(self._check_at)
        if target > self.limit_us:
            self.us = self.limit_us
            self._end(TimeUp())
        self.us = target

    def _measure_clearance(self, t: float) -> None:
        """Measure the clearance where the robot is at ``t`` (µs) and bound the next
        contact."""
        x, y, _h = self._motion.at((t - self._since) / 1e6)
        self._clear_x, self._clear_y = x, y
        self._clear = geometry.clearance(x, y, self.segments) - self.radius
        self._schedule_contact(t, x, y, measured=True)

    def _schedule_contact(self, t: float, x: float, y: float, *, measured: bool) -> None:
        """When to look at the walls again for the current motion, from (x, y) at ``t``."""
        speed = abs(self._motion.v)
        self._exact = False
        if speed < 1e-9:
            self._check_at = math.inf  # a disc spinning in place never sweeps new ground
        else:
            # The centre moves at |v|: it cannot cover the clearance left any sooner.
            left = self._clear - math.hypot(x - self._clear_x, y - self._clear_y)
            if left > CONTACT_MARGIN:
                self._check_at = t + left / speed * 1e6
            elif not measured:
                self._measure_clearance(t)
                return
            else:
                # Close to a wall: the exact moment, solved from the motion's start.
                self._exact = True
                self._check_at = (
                    self._since
                    + geometry.contact_time(self._motion, self.radius, self.segments) * 1e6
                )
        self._set_horizon()

    def _end(self, reason: RunEnded) -> None:
        self._count_repeats()
        self._stop_motion()
        self.ended = reason
        self.changes += 1
        self._horizon = -math.inf
        raise reason

    def _stop_motion(self) -> None:
        x, y, heading = self.pose()
        self._travelled = self.travelled
        self._motion = Motion(x, y, heading, 0.0, 0.0)
        self._since = self.us
        self._check_at = math.inf
        self._exact = False
        self.line_sensors.set_motion(self._motion, self.us)
        self._line_until = self.line_sensors.next

    def finish(self) -> None:
        """The program is over: motors and sound stop, as the guard on the robot does
        (``rb_demarrage.run``), with the same commands."""
        self._command(0.0, 0.0)
        self._event({"e": "silence", "t": self.now})

    def _event(self, event: dict[str, Any]) -> None:
        self._count_repeats()
        self.changes += 1
        self.record.events.append(event)
        self._repeat = None
        self._repeat_left = self._repeat_right = math.nan
        self._same_left = self._same_right = _NOBODY

    def _count_repeats(self) -> None:
        if self._repeats:
            self._repeat["n"] += self._repeats  # type: ignore[index]
            self._repeats = 0

    # -- the HAL interface of rb_materiel ----------------------------------------------------

    def motors(self, left: float, right: float) -> None:
        t = self.us + MOTORS_US
        if t < self._horizon:
            self.us = t
        else:
            self._spend(MOTORS_US)
        self._command(float(left), float(right))

    def _command(self, left: float, right: float) -> None:
        if not (-100.0 <= left <= 100.0 and -100.0 <= right <= 100.0):
            left = max(-100.0, min(100.0, left))
            right = max(-100.0, min(100.0, right))
        self.changes += 1
        self._same_left = self._same_right = _NOBODY
        now = self.us
        t = now / 1000.0  # ms, for the record
        if self._repeat is not None and left == self._repeat_left and right == self._repeat_right:
            self._repeat["n"] += 1
        else:
            if self._repeats:
                self._count_repeats()
            event = {"e": "moteurs", "t": t, "g": left, "d": right, "n": 1}
            self.record.events.append(event)
            self._repeat, self._repeat_left, self._repeat_right = event, left, right
        old_left, old_right = self._powers
        if left == old_left and right == old_right:
            return  # the same speeds: the same path goes on
        if left == -right != 0:
            self.turns += 1
        self._powers = (left, right)
        motion = self._motion
        elapsed = (now - self._since) / 1e6
        x, y, heading = motion.at(elapsed)
        self._travelled += abs(motion.v) * elapsed
        vl = left / 100.0 * self.cm_per_s
        vr = right / 100.0 * self.cm_per_s
        motion = self._motion = Motion(x, y, heading, (vl + vr) / 2, (vl - vr) / self.wheelbase_cm)
        self._since = now
        sensors = self.line_sensors
        sensors.set_motion(motion, now)
        self._line_until = sensors.next
        if self._line_used and sensors.next <= now:
            # A sensor close to the tape needs a new look on this path: now, rather than at
            # the next ligne(), so that the reading holds from the command on.
            self._read_line()
        self._schedule_contact(now, x, y, measured=False)
        self.record.keyframes.append(Keyframe(t, x, y, heading, left, right, motion))

    def distance_cm(self) -> float:
        self.changes += 1
        x, y, heading = self.pose()
        dx, dy = math.cos(heading), math.sin(heading)
        ahead = sensors.sonar_ahead(self.radius)  # from the robot's front
        ox, oy = x + ahead * dx, y + ahead * dy
        best = math.inf
        for seg in self.segments:
            d = geometry.ray_hit(ox, oy, dx, dy, seg)
            if d < best:
                best = d
        if best > self.world.sonar_range:
            self._spend(SONAR_TIMEOUT_US)
            return -1
        echo_us = int(2 * best / SOUND_CM_PER_US)
        self._spend(SONAR_BASE_US + echo_us)
        return echo_us * SOUND_CM_PER_US / 2

    def line(self) -> tuple[bool, ...]:
        t = self.us + LINE_US
        if t < self._horizon:
            self.us = t
        else:
            self._spend(LINE_US)
        if self.us < self._line_until:
            return self._line_value
        return self._read_line()

    def _read_line(self) -> tuple[bool, ...]:
        self._line_used = True
        value, until = self.line_sensors.read(self.us)
        if value != self._line_value:
            self.changes += 1  # the same values again are nothing new for the program
        self._line_value = value
        self._line_until = until
        return value

    def led(self, index: int, r: int, g: int, b: int) -> None:
        self._spend(COST_US["led"])
        self._event({"e": "led", "t": self.now, "i": index, "rgb": [r, g, b]})

    def tone(self, hz: float, ms: float) -> None:
        self._spend(COST_US["tone"])
        self._event({"e": "son", "t": self.now, "f": hz, "ms": ms})

    def silence(self) -> None:
        self._spend(COST_US["silence"])
        self._event({"e": "silence", "t": self.now})

    def button(self) -> bool:
        self._spend(BUTTON_US)
        return self.pressed

    def show(self, text: str) -> None:
        self._spend(COST_US["show"])
        self._event({"e": "ecran", "t": self.now, "texte": str(text)})

    def sleep_ms(self, ms: float) -> None:
        if self.ended is not None:
            raise self.ended
        self.changes += 1
        self._advance(self.us + to_us(ms))

    def ticks_ms(self) -> int:
        t = self.us + TICKS_US
        if t < self._horizon:
            self.us = t
            return t // 1000
        self._spend(TICKS_US)
        return self.us // 1000

    def every(self, ms: int, callback: Callable[[], Any]) -> bool:
        self._timers.append([self.us + max(1, to_us(ms)), max(1, to_us(ms)), callback])
        self._next_timer = min(timer[0] for timer in self._timers)
        self._set_horizon()
        return True

    def printed(self, text: str) -> None:
        """What the program printed, with the time it did (print goes to the PC's screen)."""
        self._event({"e": "sortie", "t": self.now, "texte": text})
