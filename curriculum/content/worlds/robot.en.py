# Robi, the classroom robot, in the simulator (change nothing here: just run this cell).
# show(program, "world") drives your robot before your eyes; check(program, "world") says whether the challenge is met.
# Your program goes in a "def" block: it is the very program that will go into the real robot.
import ast
import os

os.environ["ROBOCOLE_LANG"] = "en"  # the simulator answers in English

import dataclasses

from robot_firmware.sim import show
from robot_firmware.sim.challenges import evaluate as _evaluate
from robot_firmware.sim.challenges import program_source
from robot_firmware.sim.runner import simulate
from robot_firmware.sim.world import from_dict, load_world

# The challenge is checked on each robot of the workshop: your program will go into one of them.
_ROBOTS = {"virtuel": "the virtual robot", "maqueen": "the Maqueen (micro:bit)", "kitronik": "the Kitronik (Pico)"}

_NOTES = {262: "C", 294: "D", 330: "E", 349: "F", 392: "G", 440: "A", 494: "B"}
_COLOURS = {(255, 0, 0): "red", (0, 255, 0): "green", (0, 0, 255): "blue", (255, 160, 0): "yellow",
            (255, 80, 0): "orange", (160, 0, 255): "purple", (255, 60, 120): "pink", (0, 0, 0): "off"}


def _what_it_does(program):
    scene = from_dict({"robot": {"famille": "virtuel", "x": 100, "y": 75, "cap": 0}, "but": {"type": "aucun"}}, "scene")
    return simulate(program_source(program), scene, robot_names=True).record.events


def notes_played(program):
    """The notes the robot plays with this program, in order."""
    return [_NOTES.get(e["f"], e["f"]) for e in _what_it_does(program) if e["e"] == "son"]


def colours(program):
    """The colours the robot's LEDs take with this program, in order."""
    return [_COLOURS.get(tuple(e["rgb"]), e["rgb"]) for e in _what_it_does(program) if e["e"] == "led"]


def _not_written_yet(program):
    """The program has no order yet: only comments and its sentence in quotes."""
    try:
        orders = ast.parse(program_source(program)).body
    except SyntaxError:
        return False  # badly written is not empty: the simulator says what to change
    return all(isinstance(o, ast.Pass) or (isinstance(o, ast.Expr) and isinstance(o.value, ast.Constant)) for o in orders)


def check(program, world):
    """Is the challenge met? If not, a sentence that says why."""
    if _not_written_yet(program):
        raise AssertionError("Robi is waiting for your program: write your orders in the block def program(), below the line “# Write your program here”.")
    passed = None
    for family, name in _ROBOTS.items():
        verdict = _evaluate(program, dataclasses.replace(load_world(world), family=family))
        if not verdict.ok:
            sentence = " ".join(filter(None, (verdict.message, verdict.hint)))
            if family != "virtuel":
                sentence = f"On {name}: {sentence}"
            raise AssertionError(sentence)
        passed = passed or verdict
    print(passed.message)
    return passed


def path(program):
    """Robi's path on a big empty table, on each robot of the workshop:
    {"length": cm driven, "gap": cm between the end and the start, "end": how it ends}."""
    worst = None
    for family in _ROBOTS:
        scene = from_dict({"taille": [400, 400], "robot": {"famille": family, "x": 200, "y": 200, "cap": 0}, "but": {"type": "aucun"}}, "table")
        run = simulate(program_source(program), scene, robot_names=True)
        poses = run.poses()
        length = sum(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 for (_a, x1, y1, _b), (_c, x2, y2, _d) in zip(poses, poses[1:]))
        gap = ((poses[-1][1] - 200) ** 2 + (poses[-1][2] - 200) ** 2) ** 0.5 if poses else 0.0
        found = {"length": round(length), "gap": round(gap, 1), "end": run.outcome}
        if worst is None or found["gap"] > worst["gap"] or found["end"] != "done":
            worst = found
    return worst
