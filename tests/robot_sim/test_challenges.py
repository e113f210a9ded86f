"""Each challenge passes with a good program and fails with a kind French sentence."""

from __future__ import annotations

import pytest

from robot_firmware.sim import verifier
from robot_firmware.sim.challenges import evaluate

from .programs import FOLLOWER, WALL

SQUARE = "from robot import *\nfor i in range(4):\n    avancer(30)\n    tourner(-90)\n"
MAZE = (
    "from robot import *\navancer(95)\ntourner(-90)\navancer(70)\ntourner(-90)\n"
    "avancer(100)\ntourner(90)\navancer(125)\n"
)
PARK = "from robot import *\navancer(40)\ntourner(-90)\navancer(55)\ntourner(90)\navancer(100)\n"


@pytest.mark.parametrize(
    ("world", "program", "message"),
    [
        ("carre", SQUARE, "Bravo ! Ton robot a dessiné un carré."),
        ("labyrinthe", MAZE, "Bravo ! Ton robot est sorti."),
        # 60 ms between two pings (robot.py, HC-SR04 datasheet): at 10 cm/s the robot sees
        # 8,2 cm, then 7,6 cm, and stops there.
        ("mur", WALL, "Bravo ! Ton robot s'est arrêté à 7,6 cm du mur."),
        ("garage", PARK, "Bravo ! Ton robot est garé dans le garage."),
        ("ligne", FOLLOWER, "Bravo ! Ton robot a suivi la ligne jusqu'au bout."),
    ],
)
def test_a_good_program_meets_the_challenge(world: str, program: str, message: str) -> None:
    verdict = evaluate(program, world)
    assert verdict.ok, verdict.message
    assert verdict.message == message


@pytest.mark.parametrize(
    ("world", "program", "message"),
    [
        (
            "labyrinthe",
            "from robot import *\navancer(95)\ntourner(-90)\navancer(70)\ntourner(90)\n"
            "avancer(100)\n",
            "Ton robot a touché le mur après 2 virages.",
        ),
        (
            "labyrinthe",
            "from robot import *\navancer(200)\n",
            "Ton robot a touché le mur avant son premier virage.",
        ),
        (
            "labyrinthe",
            "from robot import *\navancer(95)\ntourner(-90)\navancer(20)\n",
            "Ton robot s'est arrêté à 167,7 cm de la sortie.",
        ),
        (
            "carre",
            "from robot import *\nfor i in range(3):\n    avancer(30)\n    tourner(90)\n",
            "Ton dessin a 3 côtés ; un carré en a 4.",
        ),
        (
            "carre",
            "from robot import *\nfor c in (30, 30, 20, 30):\n    avancer(c)\n    tourner(90)\n",
            "Les côtés n'ont pas la même longueur (30, 30, 20, 30 cm).",
        ),
        (
            "carre",
            "from robot import *\nfor i in range(4):\n    avancer(30)\n    tourner(120)\n",
            "Un coin fait 120 degrés ; à chaque coin d'un carré, on tourne de 90 degrés, "
            "toujours du même côté.",
        ),
        (
            "carre",
            "from robot import *\nmoteurs(40, 20)\nattendre(2)\n",
            "Ton robot a fait une courbe : un carré, ce sont des lignes droites et des virages.",
        ),
        # The wall moves between trials: a fixed distance only works once.
        (
            "mur",
            "from robot import *\navancer(135)\n",
            "Essai 2 sur 3 : Ton robot a touché le mur avant son premier virage.",
        ),
        (
            "mur",
            "from robot import *\navancer(100)\n",
            "Essai 1 sur 3 : Ton robot s'est arrêté à 44 cm du mur : il doit s'approcher à "
            "moins de 10 cm, sans le toucher.",
        ),
        ("garage", "from robot import *\navancer(40)\n", "Ton robot a fini en dehors du garage."),
        (
            "ligne",
            "from robot import *\navancer(200)\n",
            "Ton robot a perdu la ligne après 8,2 secondes : il s'en est éloigné de 8,1 cm.",
        ),
        (
            "carre",
            "from robot import *\nwhile True:\n    tourner(90)\n",
            "Après 60 secondes, ton robot n'avait toujours pas fini : fais-le s'arrêter plus "
            "tôt (vérifie tes boucles).",
        ),
        (
            "carre",
            "from robot import *\navancer(10)\navanser(10)\n",
            "Ligne 3 : le nom « avanser » est inconnu. Vérifie l'orthographe, et que le "
            "programme commence par : from robot import *",
        ),
        (
            "carre",
            "from robot import *\navancer(10\n",
            "Ligne 2 : le programme est mal écrit. Vérifie les parenthèses, les guillemets, "
            "les deux-points (:) et les espaces en début de ligne.",
        ),
    ],
)
def test_a_failed_challenge_says_kindly_what_happened(
    world: str, program: str, message: str
) -> None:
    verdict = evaluate(program, world)
    assert not verdict.ok
    assert verdict.message == message


def test_a_test_cell_asserts_with_the_sentence() -> None:
    def mon_programme() -> None:
        avancer(200)  # type: ignore[name-defined]  # noqa: F821 - the robot API, in the simulator

    with pytest.raises(AssertionError, match="touché le mur avant son premier virage"):
        verifier(mon_programme, "labyrinthe")


def test_a_passing_test_cell_prints_the_praise(capsys: pytest.CaptureFixture[str]) -> None:
    verifier(SQUARE, "carre")
    assert capsys.readouterr().out.strip() == "Bravo ! Ton robot a dessiné un carré."


def test_an_error_in_a_function_names_the_line_of_the_pupil_s_cell() -> None:
    def mon_programme() -> None:
        avancer(10)  # type: ignore[name-defined]  # noqa: F821
        avancr(10)  # type: ignore[name-defined]  # noqa: F821

    line = mon_programme.__code__.co_firstlineno + 2
    verdict = evaluate(mon_programme, "carre")
    assert verdict.message.startswith(f"Ligne {line} : le nom « avancr » est inconnu.")


TRIANGLE = {
    "id": "triangle",
    "taille": [200, 200],
    "robot": {"x": 60, "y": 150, "cap": 0},
    "but": {"type": "carre", "cotes": 3},
}


@pytest.mark.parametrize(
    ("program", "message"),
    [
        (
            "from robot import *\nfor i in range(3):\n    avancer(40)\n    tourner(-120)\n",
            "Bravo ! Ton robot a dessiné un triangle.",
        ),
        (
            "from robot import *\nfor i in range(4):\n    avancer(30)\n    tourner(-90)\n",
            "Ton dessin a 4 côtés ; un triangle en a 3.",
        ),
        (
            "from robot import *\nfor i in range(3):\n    avancer(40)\n    tourner(-100)\n",
            "Un coin fait 100 degrés ; pour un triangle, on tourne de 120 degrés à chaque coin, "
            "toujours du même côté.",
        ),
    ],
)
def test_a_drawing_challenge_names_its_own_shape(program: str, message: str) -> None:
    # Not "un carré" for a triangle: the lessons draw triangles and hexagons too.
    from robot_firmware.sim.world import from_dict

    assert evaluate(program, from_dict(TRIANGLE)).message == message


def test_a_crashed_line_follower_is_told_its_crash_not_its_path() -> None:
    # Stopped at t = 0 by an impossible value: it never "stayed on the line".
    crashing = 'from robot import *\nwhile True:\n    moteurs(40, 40)\n    ligne("milieu-gauche")\n'
    verdict = evaluate(crashing, "ligne")
    assert not verdict.ok
    assert "resté sur la ligne" not in verdict.message
    assert "milieu-gauche" in verdict.message or "côté" in verdict.message, verdict.message
