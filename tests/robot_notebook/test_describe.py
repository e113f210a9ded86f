"""The sentence under the animation tells what the robot did, in order, with the numbers of
the program, and stays short for a line follower's thousands of corrections."""

from __future__ import annotations

from robot_firmware.sim import simulate
from robot_firmware.sim.describe import describe
from tests.robot_sim.programs import FOLLOWER


def test_a_square_is_told_move_by_move() -> None:
    run = simulate(
        "from robot import *\nfor i in range(2):\n    avancer(20)\n    tourner(90)\n", "carre"
    )
    assert describe(run) == (
        "Ton robot a avancé de 20 cm, tourné de 90° à droite, avancé de 20 cm, tourné de 90° "
        "à droite."
    )


def test_backwards_and_left_and_an_error_at_the_end() -> None:
    run = simulate("from robot import *\nreculer(10)\ntourner(-45)\ntoruner(3)\n", "carre")
    assert describe(run) == (
        "Ton robot a reculé de 10 cm, tourné de 45° à gauche. "
        "Puis ton programme s'est arrêté sur une erreur."
    )


def test_a_robot_that_waits_did_not_move() -> None:
    assert describe(simulate("from robot import *\nattendre(2)\n", "carre")) == (
        "Ton robot n'a pas bougé."
    )


def test_a_line_follower_is_a_few_moves_not_thousands() -> None:
    run = simulate(FOLLOWER, "ligne")
    told = describe(run)
    assert len(run.record.keyframes) > 1000
    assert told.startswith("Ton robot a avancé de ")
    assert "roulé en tournant pendant " in told
    assert len(told) < 300
