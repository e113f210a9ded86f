"""What the robot did in a run, told in one or two sentences: the text alternative of the
notebook animation, for a pupil who cannot see it, and the numbers for one who can.

"Ton robot a avancé de 95 cm, tourné de 90° à gauche, avancé de 44 cm. Puis il a touché le
mur."
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from robocole.i18n import current_language, ngettext
from robocole.i18n import gettext as _
from robot_firmware.sim.runner import SimRun

#: Moves told one by one; a line follower makes thousands, the rest are counted.
MOST_MOVES = 12
#: A straight move this short (cm) next to a curve is part of the wiggle (a line follower).
WIGGLE_CM = 3.0


@dataclass
class Move:
    kind: str  # "forward", "back", "spin" or "curve"
    amount: float  # cm forward or back, degrees for a spin (positive: right)
    ms: float  # how long it lasted


def _number(value: float) -> str:
    """Whole numbers: a child compares "95 cm" with the program's avancer(95)."""
    return str(round(value))


def _seconds(ms: float) -> str:
    text = f"{ms / 1000:.1f}".removesuffix(".0")
    return text.replace(".", ",") if current_language() == "fr" else text


def segments(run: SimRun) -> list[Move]:
    """One move per keyframe that moved the robot: forward or back (cm), a spin (degrees),
    or a curve. The grader reads drawings from them too (challenges._phases)."""
    frames = run.record.keyframes
    found: list[Move] = []
    for index, frame in enumerate(frames):
        end = frames[index + 1].t if index + 1 < len(frames) else run.duration_ms
        if frame.left == frame.right == 0 or end <= frame.t:
            continue
        x, y, heading = frame.motion.at((end - frame.t) / 1000.0)
        ms = end - frame.t
        if frame.left == frame.right:
            kind = "forward" if frame.left > 0 else "back"
            found.append(Move(kind, math.hypot(x - frame.x, y - frame.y), ms))
        elif frame.left == -frame.right:
            found.append(Move("spin", math.degrees(heading - frame.heading), ms))
        else:
            found.append(Move("curve", 0.0, ms))
    return found


def _raw_moves(run: SimRun) -> list[Move]:
    found = segments(run)
    kinds = [m.kind for m in found]
    for index, move in enumerate(found):
        beside = kinds[max(index - 1, 0) : index + 2]
        if move.kind in ("forward", "back") and move.amount < WIGGLE_CM and "curve" in beside:
            move.kind = "curve"
    return found


def moves(run: SimRun) -> list[Move]:
    """The run's path as straight moves, spins and curves, consecutive ones of a kind merged
    (a line follower's thousands of corrections become a few curves)."""
    merged: list[Move] = []
    # A nudge of a few millimetres or a degree is not worth telling.
    for move in (m for m in _raw_moves(run) if m.kind == "curve" or abs(m.amount) >= 0.5):
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind == move.kind
            and (move.kind != "spin" or last.amount * move.amount > 0)
        ):
            last.amount += move.amount
            last.ms += move.ms
        else:
            merged.append(Move(move.kind, move.amount, move.ms))
    return [m for m in merged if m.kind != "curve" or m.ms >= 100]


def _tell(move: Move) -> str:
    if move.kind == "forward":
        return _("moved forward %(cm)s cm", cm=_number(move.amount))
    if move.kind == "back":
        return _("moved back %(cm)s cm", cm=_number(move.amount))
    if move.kind == "spin":
        if move.amount > 0:
            return _("turned %(angle)s° right", angle=_number(move.amount))
        return _("turned %(angle)s° left", angle=_number(-move.amount))
    return _("drove a curve for %(seconds)s s", seconds=_seconds(move.ms))


def _ending(run: SimRun) -> str:
    if run.outcome == "collision":
        return _("Then it touched the wall.")
    if run.outcome == "time":
        return _("It was still going when the time was up.")
    if run.outcome == "error":
        return _("Then your program stopped on an error.")
    if run.outcome == "stuck":
        return _("Then your program kept computing without talking to the robot.")
    return ""


def describe(run: SimRun) -> str:
    """What the robot did, in order, and how the run ended."""
    told = [_tell(m) for m in moves(run)]
    if not told:
        sentence = _("Your robot did not move.")
    else:
        if len(told) > MOST_MOVES:
            more = len(told) - MOST_MOVES
            told = [*told[:MOST_MOVES], ngettext("%(num)s more move", "%(num)s more moves", more)]
        sentence = _("Your robot %(moves)s.", moves=", ".join(told))
    ending = _ending(run)
    return f"{sentence} {ending}" if ending else sentence
