"""The fast binding: robot.py's polling calls, ``ligne()``, ``moteurs()`` and ``bouton()``,
straight on the simulated HAL.

A line follower calls them tens of thousands of times per robot minute. Through robot.py's
layers (``_hw()``, the HAL lookup, ``ticks_ms`` to feed the watchdog, the checks) each call
costs several microseconds of CPython; a minute of robot time must cost at most 50 ms.

For their common case only (a known side or none; two numbers from -100 to 100 once the
watchdog runs), and only while nothing happens before the call ends (the HAL's horizon), the
functions below do exactly what robot.py's would: the same clock steps in the same order
(``ticks_ms`` then the hardware), the same ``_state`` (the watchdog's "last call" is copied in
before each timer, the only place that reads it), the same HAL calls and records. A call
that meets an event (a timer, a wall, the time limit, the end of the run) makes robot.py's
HAL calls one by one, which let the hardware deal with it. Every other case runs robot.py's
own function. ``tests/robot_sim/test_binding.py`` runs programs both ways and requires
identical runs, bit for bit.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from robot_firmware.sim.hardware import (
    BUTTON_US,
    LINE_US,
    MOTORS_US,
    TICKS_US,
    SimulatedHardware,
)


def bind(robot: types.ModuleType, hw: SimulatedHardware) -> set[Callable[..., Any]]:
    """Replace ``ligne``, ``moteurs`` and ``bouton`` (and their English names) in the
    loaded ``robot`` module; returns the new functions."""
    state: dict[str, Any] = robot._state
    sides: dict[str, int] = robot._SIDES
    slow_line: Callable[..., Any] = robot.ligne
    slow_motors: Callable[..., Any] = robot.moteurs
    slow_button: Callable[..., Any] = robot.bouton  # its docstring and names
    # robot.py feeds its watchdog at every call (_state["last"] = hw.ticks_ms()) and reads it
    # only in the watchdog's timer: the fast calls note the time in hw._fed (µs), and it is
    # copied over before each timer runs. Both clocks only grow, so the later of the two is
    # the last call.

    def feed_watchdog() -> None:
        last = hw._fed // 1000
        if last > state["last"]:
            state["last"] = last

    hw.before_timer = feed_watchdog

    def ligne(cote: Any = None) -> Any:
        if cote is None or (type(cote) is str and cote in sides):
            # robot.ligne: _hw() reads ticks_ms() to feed the watchdog, then hw.line().
            t1 = hw.us + TICKS_US
            t2 = t1 + LINE_US
            if t2 < hw._horizon:
                hw._fed = t1
                hw.us = hw._read_end = t2
                sensors = hw._line_value if t2 < hw._line_until else hw._read_line()
                return sensors if cote is None else sensors[sides[cote]]
            # Something is due (a timer, a wall, the end): robot.ligne's own HAL calls, in
            # its order, which let the hardware deal with it.
            hw.changes += 1  # see fast_forward
            state["last"] = hw.ticks_ms()
            sensors = hw.line()
            return sensors if cote is None else sensors[sides[cote]]
        hw.changes += 1  # robot.py's own path: see fast_forward
        return slow_line(cote)

    def moteurs(gauche: Any, droite: Any) -> None:
        if gauche is hw._same_left and droite is hw._same_right:
            # The very objects of the command recorded last (a loop repeating moteurs(40, 40)
            # passes the same constants): they passed every check below already.
            t1 = hw.us + TICKS_US
            t2 = t1 + MOTORS_US
            if t2 < hw._horizon:
                hw._fed = t1
                hw.us = t2
                hw._repeats += 1
                return
        kind_left, kind_right = type(gauche), type(droite)
        if (
            (kind_left is int or kind_left is float)
            and (kind_right is int or kind_right is float)
            and state["watchdog"]
        ):
            # robot.moteurs: _hw() (ticks_ms), then _run_motors.
            t1 = hw.us + TICKS_US
            t2 = t1 + MOTORS_US
            if t2 < hw._horizon:
                if gauche == hw._repeat_left and droite == hw._repeat_right:
                    # The same command again (so within -100..100): recorded, and the path
                    # goes on; _state["moving"] was set for these powers by the first one.
                    hw._fed = t1
                    hw.us = t2
                    hw._repeats += 1
                    hw._same_left, hw._same_right = gauche, droite
                    return
                if -100 <= gauche <= 100 and -100 <= droite <= 100:  # no clamping needed
                    hw._fed = t1
                    state["moving"] = gauche != 0 or droite != 0
                    hw.us = t2  # hw.motors(), whose clock step ends before the horizon
                    hw._command(float(gauche), float(droite))
                    hw._same_left, hw._same_right = gauche, droite
                    return
            elif -100 <= gauche <= 100 and -100 <= droite <= 100:
                # Something is due: robot.moteurs's own HAL calls (_hw(), _run_motors).
                hw.changes += 1  # see fast_forward
                state["last"] = hw.ticks_ms()
                state["moving"] = gauche != 0 or droite != 0
                hw.motors(gauche, droite)
                return
        hw.changes += 1  # robot.py's own path: see fast_forward
        slow_motors(gauche, droite)

    def bouton() -> Any:
        # robot.bouton: _hw() (ticks_ms), then hw.button(). "Wait for the button" loops
        # call it a million times per robot minute.
        t1 = hw.us + TICKS_US
        t2 = t1 + BUTTON_US
        if t2 < hw._horizon:
            hw._fed = t1
            hw.us = t2
            return hw.pressed
        # Something is due: robot.bouton's own HAL calls.
        hw.changes += 1  # see fast_forward
        state["last"] = hw.ticks_ms()
        return hw.button()

    for fast, slow in ((ligne, slow_line), (moteurs, slow_motors), (bouton, slow_button)):
        fast.__doc__ = slow.__doc__
        fast.__name__ = fast.__qualname__ = slow.__name__
        for name, value in list(vars(robot).items()):
            if value is slow:
                setattr(robot, name, fast)
    return {ligne, moteurs, bouton}
