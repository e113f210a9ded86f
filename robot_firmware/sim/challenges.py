"""Grading a robot challenge: run the pupil's program in its world and say, kindly, how it went.

For an nbgrader test cell (no network, the same answer every time)::

    from robot_firmware.sim import verifier
    verifier(mon_programme, "carre")     # AssertionError with a French sentence if it fails

``mon_programme`` is the pupil's program: a string, or a function whose body is the program
(``def mon_programme(): avancer(20) ...``). A world with several trials (``decalages``) runs
the program once per trial, so only a program that really uses its sensors passes them all.
"""

from __future__ import annotations

import ast
import functools
import inspect
import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from robocole import python_errors
from robocole.i18n import current_language, ngettext
from robocole.i18n import gettext as _
from robot_firmware import BOARD
from robot_firmware.sim import geometry
from robot_firmware.sim.describe import segments
from robot_firmware.sim.runner import SimRun, simulate
from robot_firmware.sim.world import World, load_world

Program = str | Callable[[], object]


@dataclass
class Verdict:
    """Whether the challenge is met, one sentence for the pupil, and the runs behind it."""

    ok: bool
    message: str
    runs: list[SimRun] = field(default_factory=list)
    #: A second sentence when the program stopped on an error Python says more about
    #: ("Voulais-tu écrire « tourner » ?"), else "".
    hint: str = ""

    def __bool__(self) -> bool:
        return self.ok


def program_source(program: Program) -> str:
    """The program's text; for a function, its body, so a pupil can write it as a function.

    A function's body keeps its line numbers (blank lines stand for the lines above it), so
    "Ligne 4" in a message is line 4 of the pupil's notebook cell.
    """
    if isinstance(program, str):
        return program
    lines, start = inspect.getsourcelines(program)
    # The "def ...():" header (up to its colon) is not the program, its body is.
    header = next((i for i, line in enumerate(lines) if line.rstrip().endswith(":")), 0)
    body = textwrap.dedent("".join(lines[header + 1 :]))
    return "\n" * (max(start, 1) + header) + body


def _number(value: float) -> str:
    """A number as a child reads it: 12, 12,5 (French decimal comma)."""
    rounded = round(value, 1)
    text = str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
    return text.replace(".", ",") if current_language() == "fr" else text


@functools.cache
def robot_words() -> tuple[str, ...]:
    """The robot's words (``avancer``, ``tourner``…, and their English aliases)."""
    tree = ast.parse((BOARD / "robot.py").read_text(encoding="utf-8"))
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return tuple(n for n in names if not n.startswith("_"))


def _raised_by_robot(error: BaseException) -> bool:
    """Whether robot.py raised it: its messages are the robot's own, in French already."""
    traceback = error.__traceback__
    while traceback is not None and traceback.tb_next is not None:
        traceback = traceback.tb_next
    robot = str(BOARD / "robot.py")
    return traceback is not None and traceback.tb_frame.f_code.co_filename == robot


def _explanation(run: SimRun) -> python_errors.Explanation:
    """The shared explainer's sentences for the error that stopped the program, with the
    robot's own words where they differ: its messages, its modules, its names."""
    error = run.error
    if error is None:
        return python_errors.Explanation(_("the program stopped."))
    kind = type(error).__name__
    if _raised_by_robot(error) and isinstance(error, (TypeError, ValueError)):
        return python_errors.Explanation(_("impossible value: %(detail)s.", detail=error))
    if isinstance(error, SyntaxError):
        # The line as typed (``avancer 10``) lets the hint say what to write instead.
        return python_errors.explain(kind, error.msg or "", robot_words(), code=error.text, line=1)
    if isinstance(error, ModuleNotFoundError) and error.name:
        return python_errors.Explanation(
            _("the robot does not have the module %(name)s.", name=error.name)
        )
    if isinstance(error, NameError) and not isinstance(error, UnboundLocalError):
        name = getattr(error, "name", None) or str(error)
        return python_errors.Explanation(
            _(
                "the name %(name)s is unknown. Check its spelling, and that the program starts "
                "with: from robot import *",
                name=name,
            ),
            python_errors.name_hint(name, robot_words()),
        )
    if isinstance(error, NotImplementedError):  # the answer stub of lessons built before
        return python_errors.Explanation(
            _("your program is not written yet: put your orders to the robot in the block.")
        )
    return python_errors.explain(kind, str(error), robot_words())


def error_hint(run: SimRun) -> str | None:
    """A second sentence after ``explain_error``'s, when Python's error says more precisely
    what to change: the robot word a misspelt name stands for, the bracket never closed."""
    return _explanation(run).precise or None


def explain_error(run: SimRun) -> str:
    """One sentence about the error that stopped the program."""
    return python_errors.line_prefix(run.error_line) + _explanation(run).general


def explain_end(run: SimRun) -> str | None:
    """Why the run ended early, in one kind sentence, or None when the program just ended."""
    if run.outcome == "collision" and run.collision is not None:
        turns = run.collision.turns
        if turns == 0:
            return _("Your robot touched the wall before its first turn.")
        return ngettext(
            "Your robot touched the wall after %(num)s turn.",
            "Your robot touched the wall after %(num)s turns.",
            turns,
        )
    if run.outcome == "time":
        return _(
            "After %(seconds)s seconds your robot had still not finished: make it stop "
            "sooner (check your loops).",
            seconds=_number(run.world.time_limit),
        )
    if run.outcome == "stuck" and run.error_line:
        return python_errors.line_prefix(run.error_line) + _(
            "your program goes round and round here without ever talking to the robot: "
            "check that this loop ends."
        )
    if run.outcome == "stuck":
        return _(
            "Your program keeps computing without ever talking to the robot: check your "
            "while loops."
        )
    if run.outcome == "error":
        return explain_error(run)
    return None


def _inside(x: float, y: float, zone: tuple[float, float, float, float], margin: float) -> bool:
    zx, zy, zw, zh = zone
    return zx + margin <= x <= zx + zw - margin and zy + margin <= y <= zy + zh - margin


def _check_zone(run: SimRun) -> Verdict:
    zone = run.world.goal.zone
    assert zone is not None
    for _t, x, y, _h in run.poses():
        if _inside(x, y, zone, 0.0):
            return Verdict(True, _("Well done! Your robot got out."), [run])
    x, y, _h = run.final_pose
    zx, zy, zw, zh = zone
    gap = math.hypot(max(zx - x, 0, x - zx - zw), max(zy - y, 0, y - zy - zh))
    return Verdict(
        False,
        _("Your robot stopped %(cm)s cm away from the exit.", cm=_number(gap)),
        [run],
    )


def _check_park(run: SimRun) -> Verdict:
    zone = run.world.goal.zone
    assert zone is not None
    x, y, _h = run.final_pose
    if _inside(x, y, zone, run.world.radius):
        return Verdict(True, _("Well done! Your robot is parked in the box."), [run])
    if _inside(x, y, zone, 0.0):
        return Verdict(
            False, _("Your robot is in the box, but not completely: move it further in."), [run]
        )
    return Verdict(False, _("Your robot finished outside the box."), [run])


def front_distance(run: SimRun) -> float:
    """How far the wall is in front of the robot at the end (cm)."""
    x, y, heading = run.final_pose
    dx, dy = math.cos(heading), math.sin(heading)
    r = run.world.radius
    return min(
        (geometry.ray_hit(x + r * dx, y + r * dy, dx, dy, s) for s in run.world.segments()),
        default=math.inf,
    )


def _check_wall(run: SimRun) -> Verdict:
    limit = run.world.goal.number("distance_max", 10)
    gap = front_distance(run)
    if gap <= limit:
        return Verdict(
            True,
            _("Well done! Your robot stopped %(cm)s cm before the wall.", cm=_number(gap)),
            [run],
        )
    return Verdict(
        False,
        _(
            "Your robot stopped %(cm)s cm before the wall: it must come closer than "
            "%(max)s cm, without touching it.",
            cm=_number(gap),
            max=_number(limit),
        ),
        [run],
    )


def _check_line(run: SimRun) -> Verdict:
    world = run.world
    zone = world.goal.zone
    widest = world.goal.number("ecart_max", 8)
    reached = False
    for _t, x, y, _h in run.poses():
        gap = geometry.distance_to_polyline(x, y, world.line)
        if gap > widest:
            return Verdict(
                False,
                _(
                    "Your robot lost the line after %(seconds)s seconds: it went %(cm)s cm "
                    "away from it.",
                    seconds=_number(_t / 1000),
                    cm=_number(gap),
                ),
                [run],
            )
        if zone is not None and _inside(x, y, zone, 0.0):
            reached = True
            break
    if zone is not None and not reached:
        return Verdict(False, _("Your robot stayed on the line but did not reach its end."), [run])
    return Verdict(True, _("Well done! Your robot followed the line to the end."), [run])


@dataclass
class _Phase:
    kind: str  # "straight", "spin" or "curve"
    amount: float  # cm for a straight line, degrees for a spin (positive: right)


def _phases(run: SimRun) -> list[_Phase]:
    """The drawing as straight lines and turns, merged when consecutive."""
    phases: list[_Phase] = []
    for move in segments(run):
        # A drawing's line is a line whichever way the robot drove it.
        phase = _Phase("straight" if move.kind in ("forward", "back") else move.kind, move.amount)
        if phases and phases[-1].kind == phase.kind and phase.kind != "curve":
            phases[-1].amount += phase.amount
        else:
            phases.append(phase)
    # Tiny moves (a nudge of a few millimetres) are not part of a drawing.
    return [p for p in phases if p.kind == "curve" or abs(p.amount) >= 0.5]


def _shape(sides: int) -> str:
    """The name of the regular polygon with ``sides`` sides, with its article."""
    names = {3: _("a triangle"), 5: _("a pentagon"), 6: _("a hexagon"), 8: _("an octagon")}
    return names.get(sides) or _("a shape with %(num)s sides", num=sides)


def _check_square(run: SimRun) -> Verdict:
    """A square, or the regular polygon with the world's ``cotes`` sides."""
    goal = run.world.goal
    sides_wanted = int(goal.number("cotes", 4))
    square = sides_wanted == 4
    shortest = goal.number("cote_min", 10)
    phases = _phases(run)
    if any(p.kind == "curve" for p in phases):
        return Verdict(
            False,
            _("Your robot drove a curve: a square is made of straight lines and turns.")
            if square
            else _(
                "Your robot drove a curve: %(shape)s is made of straight lines and turns.",
                shape=_shape(sides_wanted),
            ),
            [run],
        )
    sides = [p.amount for p in phases if p.kind == "straight"]
    if len(sides) != sides_wanted:
        return Verdict(
            False,
            ngettext(
                "Your drawing has %(num)s side; a square has %(wanted)s.",
                "Your drawing has %(num)s sides; a square has %(wanted)s.",
                len(sides),
                wanted=sides_wanted,
            )
            if square
            else ngettext(
                "Your drawing has %(num)s side; %(shape)s has %(wanted)s.",
                "Your drawing has %(num)s sides; %(shape)s has %(wanted)s.",
                len(sides),
                wanted=sides_wanted,
                shape=_shape(sides_wanted),
            ),
            [run],
        )
    if min(sides) < shortest:
        return Verdict(
            False,
            _("The sides are too short: make them at least %(cm)s cm.", cm=_number(shortest)),
            [run],
        )
    if max(sides) - min(sides) > goal.number("ecart_cotes", 0.15) * max(sides):
        return Verdict(
            False,
            _(
                "The sides are not the same length (%(lengths)s cm).",
                lengths=", ".join(_number(s) for s in sides),
            ),
            [run],
        )
    # The corners: the turns between two sides (a last turn after the last side is free).
    corners: list[float] = []
    seen_side = False
    for phase in phases:
        if phase.kind == "straight":
            seen_side = True
        elif seen_side and len(corners) < sides_wanted - 1:
            corners.append(phase.amount)
    tolerance = goal.number("ecart_angle", 12)
    expected = 360.0 / sides_wanted
    for corner in corners:
        if abs(abs(corner) - expected) > tolerance or corner * corners[0] < 0:
            return Verdict(
                False,
                _(
                    "One corner is %(angle)s degrees; each corner of a square turns "
                    "%(expected)s degrees, always to the same side.",
                    angle=round(abs(corner)),
                    expected=_number(expected),
                )
                if square
                else _(
                    "One corner is %(angle)s degrees; for %(shape)s, the robot turns "
                    "%(expected)s degrees at each corner, always to the same side.",
                    angle=round(abs(corner)),
                    expected=_number(expected),
                    shape=_shape(sides_wanted),
                ),
                [run],
            )
    x0, y0, _h0 = run.world.start
    x, y, _h = run.final_pose
    gap = math.hypot(x - x0, y - y0)
    if gap > goal.number("ecart_retour", 4):
        return Verdict(
            False,
            _("Your robot finished %(cm)s cm away from where it started.", cm=_number(gap)),
            [run],
        )
    if square:
        return Verdict(True, _("Well done! Your robot drew a square."), [run])
    return Verdict(
        True, _("Well done! Your robot drew %(shape)s.", shape=_shape(sides_wanted)), [run]
    )


CHECKS: dict[str, Callable[[SimRun], Verdict]] = {
    "zone": _check_zone,
    "garer": _check_park,
    "mur": _check_wall,
    "ligne": _check_line,
    "carre": _check_square,
    "aucun": lambda run: Verdict(True, _("Your program ran to the end."), [run]),
}


#: Goals met once the robot gets somewhere: what happens afterwards does not matter (a line
#: follower usually never stops by itself).
REACH_GOALS = ("zone", "ligne")


def _judge(run: SimRun) -> Verdict:
    kind = run.world.goal.kind
    problem = explain_end(run)
    if run.outcome == "error" and problem is not None:
        # A crashed program is never judged on its path: the crash is what the child must fix
        # (a line follower stopped at t = 0 by "valeur impossible" did not "stay on the line").
        return Verdict(False, problem, [run])
    if kind in REACH_GOALS:
        verdict = CHECKS[kind](run)
        if verdict.ok or problem is None or kind == "ligne":
            return verdict
        return Verdict(False, problem, [run])
    if problem is not None:
        return Verdict(False, problem, [run])
    return CHECKS[kind](run)


def evaluate(program: Program, world: World | str | Path, *, seed: int = 0) -> Verdict:
    """Run ``program`` in ``world`` (once per trial) and judge it against the world's goal."""
    if not isinstance(world, World):
        world = load_world(world)
    source = program_source(program)
    runs: list[SimRun] = []
    verdict = Verdict(True, "")
    for trial, shift in enumerate(world.shifts):
        # Pupils may leave out the import in a notebook; the robot's names are there anyway.
        run = simulate(source, world.shifted(shift), seed=seed, robot_names=True)
        runs.append(run)
        verdict = _judge(run)
        if not verdict.ok:
            if run.outcome == "error":
                verdict.hint = error_hint(run) or ""
            if len(world.shifts) > 1:
                verdict.message = (
                    _("Trial %(n)s of %(total)s: ", n=trial + 1, total=len(world.shifts))
                    + verdict.message
                )
            break
    verdict.runs = runs
    return verdict


def check(program: Program, world: World | str | Path, *, seed: int = 0) -> Verdict:
    """For a test cell: AssertionError with the kind sentence when the challenge is not met."""
    verdict = evaluate(program, world, seed=seed)
    if not verdict.ok:
        raise AssertionError(" ".join(filter(None, (verdict.message, verdict.hint))))
    print(verdict.message)
    return verdict


# French names, as the pupils' robot API.
evaluer = evaluate
verifier = check
