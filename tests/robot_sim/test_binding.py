"""The fast binding of ligne()/moteurs() changes nothing but the speed: every program gives
the very same run with it and through robot.py's own layers."""

from __future__ import annotations

import pytest

from robot_firmware.sim.runner import SimRun, simulate
from robot_firmware.sim.world import from_dict, load_world

from .programs import FOLLOWER
from .same_run import assert_same_run

OPEN: dict[str, object] = {
    "id": "table",
    "taille": [300, 300],
    "robot": {"x": 150, "y": 150, "cap": 0},
}
SIDES = """from robot import *
while True:
    if ligne("gauche"):
        moteurs(0, 40)
    elif ligne("right"):
        motors(40, 0)
    else:
        moteurs(40, 40.0)
    if ligne("centre"):
        led("vert")
"""
PROGRAMS: dict[str, tuple[str, dict[str, object] | str]] = {
    "follower": (FOLLOWER, "ligne"),
    "sides and English names": (SIDES, "ligne"),
    # Out of range, floats and booleans take robot.py's own path, or the same one.
    "clamping": (
        "from robot import *\nfor i in range(300):\n    moteurs(150, -300)\n"
        "    moteurs(True, 1.0)\n    moteurs(20.5, 20.5)\n    moteurs(20.5, 20.5)\n",
        OPEN,
    ),
    # robot.py's watchdog stops a robot whose program stops calling it (time.sleep).
    "watchdog": (
        "from robot import *\nimport time\nfor i in range(50):\n    moteurs(30, 30)\n"
        "time.sleep(5)\nfor i in range(50):\n    moteurs(30, 30)\n    ligne()\n",
        OPEN,
    ),
    "wall": ("from robot import *\nwhile True:\n    moteurs(60, 60)\n", "labyrinthe"),
    "time limit": ("from robot import *\nwhile True:\n    ligne()\n    moteurs(0, 0)\n", "carre"),
    "button": (
        "from robot import *\nmoteurs(10, 10)\nwhile not bouton():\n    pass\n",
        OPEN,
    ),
    "bad side": ("from robot import *\nmoteurs(20, 20)\nligne()\nligne('haut')\n", OPEN),
    "bad power": ("from robot import *\nmoteurs(20, 20)\nmoteurs('vite', 20)\n", OPEN),
    "unhashable side": ("from robot import *\nmoteurs(20, 20)\nligne([1])\n", OPEN),
}


def run(program: str, world: dict[str, object] | str, fast: bool) -> SimRun:
    if isinstance(world, dict):
        return simulate(program, from_dict(dict(world, duree_max=12)), fast=fast)
    return simulate(program, load_world(world), fast=fast)


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_the_fast_binding_gives_the_same_run(name: str) -> None:
    program, world = PROGRAMS[name]
    assert_same_run(run(program, world, True), run(program, world, False))


def test_the_binding_is_what_the_pupil_calls() -> None:
    # The pupil's names (French and English) are the bound ones; the checks stay robot.py's.
    run_ = simulate(
        "from robot import *\nprint(ligne is line, moteurs is motors, bouton is button, "
        "ligne.__name__)\n"
        "print(moteurs.__doc__.split()[0])\n",
        from_dict(OPEN),
    )
    assert run_.output.splitlines() == ["True True True ligne", "Règle"]
    error = simulate("from robot import *\nmoteurs('vite', 20)\n", from_dict(OPEN)).error
    assert str(error) == "le moteur gauche doit être un nombre, pas 'vite'"


def test_a_follower_calls_the_robot_tens_of_thousands_of_times_a_minute() -> None:
    # The reason for the binding: as on the robot, each call costs its real duration only.
    result = simulate(FOLLOWER, "ligne")
    assert result.outcome in ("time", "collision")
    per_second = len(result.motor_commands()) / (result.duration_ms / 1000)
    assert 700 < per_second < 1000  # one ligne() and one moteurs(): about 1.1 ms
