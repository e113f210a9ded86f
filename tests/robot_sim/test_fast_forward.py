"""Fast-forwarding polling loops changes nothing but the speed.

Each program runs twice: as pupils' programs run (fast binding and fast-forward) and with
every call through robot.py and every round of every loop run for real (``fast=False``).
The two runs must be the same, bit for bit; and the loops that can be proven idle must
actually have been skipped, the others not.
"""

from __future__ import annotations

import ast
import dataclasses
import random

import pytest

from robot_firmware.sim.fast_forward import eligible, instrument
from robot_firmware.sim.runner import SimRun, simulate
from robot_firmware.sim.world import from_dict, load_world

from .programs import FOLLOWER
from .same_run import assert_same_run

OPEN: dict[str, object] = {
    "id": "table",
    "taille": [300, 300],
    "robot": {"x": 150, "y": 150, "cap": 0},
    "duree_max": 20,
}

# name: (program, world, skipped?)
PROGRAMS: dict[str, tuple[str, dict[str, object] | str, bool]] = {
    "follower": (FOLLOWER, "ligne", True),
    "sides, a speed constant, English names": (
        "from robot import *\nSPEED = 40\nwhile True:\n    if line('left'):\n"
        "        motors(0, SPEED)\n    elif ligne('droite'):\n        moteurs(SPEED, 0)\n"
        "    else:\n        moteurs(SPEED, SPEED / 2 + 20)\n",
        "ligne",
        True,
    ),
    "items of a reading, in a function": (
        "from robot import *\ndef suivre(v):\n    while True:\n        c = ligne()\n"
        "        g, d = c[0], c[-1]\n        moteurs(v if not g else 0, v if not d else 0)\n"
        "suivre(35)\n",
        "ligne",
        True,
    ),
    "wait for the button": (
        "from robot import *\nwhile not bouton():\n    pass\navancer(10)\n",
        OPEN,
        True,
    ),
    "the watchdog's timer between rounds": (
        "from robot import *\nmoteurs(30, 30)\nwhile True:\n    ligne()\n",
        OPEN,
        True,
    ),
    "into a wall": ("from robot import *\nwhile True:\n    moteurs(60, 60)\n", "labyrinthe", True),
    "break and continue": (
        "from robot import *\nmoteurs(20, 20)\nwhile True:\n    g, c, d = ligne()\n"
        "    if g:\n        continue\n    if d:\n        break\n    moteurs(20, 25)\n"
        "print('fin')\n",
        "ligne",
        True,
    ),
    # Each round differs: nothing to skip.
    "a counter": (
        "from robot import *\nn = 0\nwhile n < 3000:\n    n = n + 1\n    ligne()\nprint(n)\n",
        OPEN,
        False,
    ),
    # The pupil's own ligne() is not the robot's: its rounds are not known.
    "a ligne() of the pupil's": (
        "from robot import *\ndef ligne():\n    return (False, False, False)\n"
        "while True:\n    ligne()\n    moteurs(30, 30)\n",
        OPEN,
        False,
    ),
    # A list read by the loop could be changed by something else: not a plain value.
    "a list read in the loop": (
        "from robot import *\nv = [30]\nwhile True:\n    ligne()\n    moteurs(v[0], 30)\n",
        OPEN,
        False,
    ),
    # A class may have a __del__ the garbage collector runs at any round.
    "a class": (
        "from robot import *\nclass A:\n    pass\nwhile True:\n    moteurs(30, 30)\n",
        OPEN,
        False,
    ),
    # Another module (a thread could change the program's names between two rounds).
    "an import": (
        "from robot import *\nimport threading\nwhile True:\n    moteurs(30, 30)\n",
        OPEN,
        False,
    ),
    # A distance changes all the time: not a loop that waits.
    "a distance": (
        "from robot import *\nmoteurs(30, 30)\nwhile distance() > 20:\n    pass\narreter()\n",
        "labyrinthe",
        False,
    ),
    "an error in the loop": (
        "from robot import *\nn = 0\nwhile True:\n    ligne()\n    n = n + 1\n"
        "    moteurs(30, 'vite' if n > 500 else 30)\n",
        OPEN,
        False,
    ),
}


def run(program: str, world: dict[str, object] | str, fast: bool) -> SimRun:
    if isinstance(world, dict):
        return simulate(program, from_dict(world), fast=fast)
    return simulate(program, load_world(world), fast=fast)


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_skipping_rounds_gives_the_same_run(name: str) -> None:
    program, world, skips = PROGRAMS[name]
    fast, slow = run(program, world, True), run(program, world, False)
    assert_same_run(fast, slow)
    assert slow.skipped == 0
    if skips:
        assert fast.skipped > 100, fast.skipped
    else:
        assert fast.skipped == 0


def test_most_rounds_of_a_follower_are_skipped() -> None:
    result = simulate(FOLLOWER, "ligne")
    rounds = len(result.motor_commands())  # one moteurs() per round
    assert result.skipped > 0.5 * rounds


def test_the_button_loop_ends_when_the_button_is_pressed() -> None:
    program = PROGRAMS["wait for the button"][0]
    result = simulate(program, from_dict(OPEN), button=True)
    assert result.outcome == "done"
    assert result.skipped == 0
    assert result.duration_ms < 3000  # it went on to avancer(10) at once


def loops_of(source: str) -> list[ast.While]:
    return [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.While)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("while True:\n    g, c, d = ligne()\n    moteurs(40, 40)\n", ("g", "c", "d")),
        ("while not bouton():\n    pass\n", ()),
        # Assigned only in a branch: it may be unbound when a round ends.
        ("while True:\n    if ligne('gauche'):\n        v = 1\n    moteurs(30, 30)\n", None),
        ("while True:\n    n += 1\n    ligne()\n", None),  # augmented assignment
        ("while True:\n    print(ligne())\n", None),  # another function
        ("while True:\n    led('rouge')\n", None),  # an event every round
        ("while True:\n    while ligne('centre'):\n        pass\n", None),  # nested loop
        ("while True:\n    ligne = 3\n    ligne()\n", None),  # a robot name reassigned
        ("while True:\n    x = ligne().count(1)\n", None),  # a method
    ],
)
def test_which_loops_may_be_skipped(source: str, expected: tuple[str, ...] | None) -> None:
    loop = eligible(loops_of(source)[0], 0)  # the outermost
    assert (loop.assigned if loop is not None else None) == expected


def test_the_program_keeps_its_line_numbers() -> None:
    source = "from robot import *\n\nwhile not bouton():\n    ligne()\n    moteurs(3, 3)\nprint()\n"
    code, loops = instrument(source, "<programme>")
    assert len(loops) == 1
    # Lines 3 to 6, each still there (the hooks take the loop's lines).
    lines = {line for _start, _end, line in code.co_lines() if line is not None}
    assert lines <= {0, 1, 3, 4, 5, 6} and {3, 4, 5, 6} <= lines


@pytest.mark.parametrize(
    "first_line",
    ["__robocole_tour__ = 1", "globals()['__robocole_tour__'] = print", "class A: pass"],
)
def test_a_program_that_could_reach_the_hooks_is_left_alone(first_line: str) -> None:
    _code, loops = instrument(first_line + "\nwhile True:\n    ligne()\n", "<p>")
    assert loops == []
    _code, loops = instrument("while True:\n    ligne()\n", "<p>")
    assert len(loops) == 1


def random_loop(rng: random.Random) -> str:
    """A polling loop of the kind fast-forward takes: readings into names, branches on them,
    motor commands; sometimes a speed constant read from outside, a break, or a counter."""
    speed = rng.choice(["30", "40", "VITESSE", "VITESSE / 2 + 10"])
    reads = rng.choice(
        [
            ["g, c, d = ligne()"],
            ["g = ligne('gauche')", "d = ligne('droite')"],
            ["c = ligne()", "g, d = c[0], c[-1]"],
            ["g = ligne('left')", "d = bouton() or ligne('right')"],
        ]
    )
    body = list(reads)
    # A follower's two branches (turn towards the side that sees the line), then others.
    slow = rng.choice(["0", "5", "-10"])
    body += ["if g and d:", f"    moteurs({speed}, {speed})"]
    body += ["elif g:", f"    moteurs({slow}, {speed})", "elif d:", f"    moteurs({speed}, {slow})"]
    if rng.random() < 0.5:
        body += [f"elif {rng.choice(['not g', 'g != d', 'not d'])}:", f"    moteurs({speed}, 20)"]
    body += ["else:", f"    moteurs({speed}, {speed})"]
    if rng.random() < 0.2:
        body += ["if g and d:", "    break"]
    if rng.random() < 0.2:
        body.insert(0, "n = n + 1")  # a counter: every round differs, nothing is skipped
    lines = ["from robot import *", "VITESSE = 40", "n = 0", "while True:"]
    lines += ["    " + line for line in body]
    lines.append("arreter()")
    return "\n".join(lines) + "\n"


def test_random_polling_loops_give_the_same_run() -> None:
    rng = random.Random(6)
    world = dataclasses.replace(load_world("ligne"), time_limit=6.0)
    busy = skipped = 0
    for _ in range(30):
        program = random_loop(rng)
        fast = simulate(program, world, fast=True)
        slow = simulate(program, world, fast=False)
        assert_same_run(fast, slow)
        busy += len(fast.record.keyframes) > 100
        skipped += fast.skipped
    # Not trivially: many of these robots did follow the line, and rounds were skipped.
    assert busy >= 10
    assert skipped > 30 * 1000
