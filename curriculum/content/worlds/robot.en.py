# Robi, the classroom robot, in the simulator (change nothing here: just run this cell).
# show(program, "world") drives your robot before your eyes; check(program, "world") says whether the challenge is met.
# Your program goes in a "def" block: it is the very program that will go into the real robot.
import os

os.environ["ROBOCOLE_LANG"] = "en"  # the simulator answers in English

from robot_firmware.sim import check as _check
from robot_firmware.sim import show
from robot_firmware.sim.challenges import program_source
from robot_firmware.sim.runner import simulate
from robot_firmware.sim.world import from_dict

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


def check(program, world):
    """Is the challenge met? If not, a sentence that says why."""
    try:
        return _check(program, world)
    except AssertionError as error:
        if "NotImplementedError" in str(error):
            raise AssertionError("Robi is waiting for your program: write it in the block def program(), instead of raise NotImplementedError().") from None
        raise
