"""A pupil's mistakes explained in French, saying what to change: after the sentence the
grader has always given, a misspelt robot word gets its right spelling and a syntax error
names what is missing; both in the notebook animation and in a test cell's failure."""

from __future__ import annotations

import pytest

from robot_firmware.sim import evaluer, montrer, simulate, verifier
from robot_firmware.sim.challenges import explain_end

UNKNOWN = (
    "est inconnu. Vérifie l'orthographe, et que le programme commence par : from robot import *"
)
BADLY_WRITTEN = (
    "le programme est mal écrit. Vérifie les parenthèses, les guillemets, les deux-points (:) "
    "et les espaces en début de ligne."
)


@pytest.mark.parametrize(
    ("program", "message", "hint"),
    [
        (
            "avancer(10)\ntoruner(90)\n",
            f"Ligne 2 : le nom « toruner » {UNKNOWN}",
            "Voulais-tu écrire « tourner » ?",
        ),
        (
            "Avancer(10)\n",
            f"Ligne 1 : le nom « Avancer » {UNKNOWN}",
            # Only the capital is wrong: the hint says so.
            "Voulais-tu écrire « avancer » ? Pour Python, une majuscule et une minuscule sont "
            "deux lettres différentes.",
        ),
        (
            "for i in range(2):\n    avancer(10)\nprnt(i)\n",
            f"Ligne 3 : le nom « prnt » {UNKNOWN}",
            "Voulais-tu écrire « print » ?",
        ),
    ],
)
def test_a_misspelt_name_gets_the_word_meant(program: str, message: str, hint: str) -> None:
    verdict = evaluer(program, "carre")
    assert verdict.message == message
    assert verdict.hint == hint


def test_a_name_like_no_word_gets_no_guess() -> None:
    verdict = evaluer("avancer(10)\nzigouigoui(3)\n", "carre")
    assert (verdict.message, verdict.hint) == (f"Ligne 2 : le nom « zigouigoui » {UNKNOWN}", "")


@pytest.mark.parametrize(
    ("program", "line", "hint"),
    [
        (
            "avancer(10\ntourner(90)\n",
            1,
            "Le signe « ( » ouvert sur cette ligne n'est jamais fermé : ajoute « ) ».",
        ),
        ("avancer(10))\n", 1, "Il y a un « ) » en trop."),
        (
            "for i in range(4)\n    avancer(10)\n",
            1,
            "Il manque les deux-points (:) à la fin de la ligne.",
        ),
        (
            "for i in range(4):\navancer(10)\n",
            2,
            "Les lignes dans la boucle ou dans le « if » doivent commencer par des espaces "
            "(touche Tab).",
        ),
        ("avancer(10)\n  tourner(90)\n", 2, "Cette ligne commence par des espaces en trop."),
        (
            "for i in range(4):\n        avancer(1)\n    tourner(9)\n",
            3,
            "Les espaces au début de cette ligne ne sont pas alignés avec ceux des lignes du "
            "dessus.",
        ),
        (
            "print('bonjour)\n",
            1,
            "Un texte entre guillemets n'est pas fermé : ajoute le guillemet qui manque.",
        ),
        ("x = 3\nif x = 3:\n    avancer(10)\n", 2, "Pour comparer, écris == (deux signes égal)."),
        ("avancer 10\n", 1, "Mets des parenthèses après avancer : avancer(10)."),
        ("x = = 3\n", 1, ""),  # nothing more precise to say than the first sentence
    ],
)
def test_a_syntax_error_names_what_to_change(program: str, line: int, hint: str) -> None:
    verdict = evaluer(program, "carre")
    assert (verdict.message, verdict.hint) == (f"Ligne {line} : {BADLY_WRITTEN}", hint)


def test_the_hint_is_in_the_animation_and_in_the_test_cell() -> None:
    program = "avancer(10)\ntoruner(90)\n"
    said = f"Ligne 2 : le nom « toruner » {UNKNOWN} Voulais-tu écrire « tourner » ?"
    assert said.replace("'", "&#x27;") in montrer(program, "carre").html
    with pytest.raises(AssertionError) as failure:
        verifier(program, "carre")
    assert str(failure.value) == said


def test_a_loop_that_never_talks_to_the_robot_is_pointed_at() -> None:
    # The pupil forgot "x = x + 1": the loop never ends and never calls the robot. The guard
    # stops it on line 3 or 4: the sentence names the loop's first line, every time.
    program = "avancer(1)\nx = 0\nwhile x < 10:\n    y = x\nprint('fini')\n"
    run = simulate(program, "carre", wall_limit=0.3, robot_names=True)
    assert run.outcome == "stuck"
    assert explain_end(run) == (
        "Ligne 3 : ton programme tourne en rond ici sans jamais parler au robot : vérifie "
        "que cette boucle se termine."
    )


@pytest.mark.parametrize(
    ("program", "message"),
    [
        ("avancer(10, 20)\n", "Ligne 1 : trop de valeurs entre les parenthèses de « avancer »."),
        ("moteurs(50)\n", "Ligne 1 : il manque une valeur entre les parenthèses de « moteurs »."),
        (
            "n = 3\nprint('tour ' + n)\n",
            "Ligne 2 : on ne peut pas ajouter un texte et un nombre : écris str(nombre) pour "
            "changer le nombre en texte.",
        ),
        (
            "for i in 4:\n    avancer(10)\n",
            "Ligne 1 : après « in », la boucle a besoin de range(…) ou d'une liste : par "
            "exemple, for i in range(4):",
        ),
        (
            "cotes = [20, 20]\navancer(cotes[2])\n",
            "Ligne 2 : la liste n'a pas d'élément à cette place (le premier est le numéro 0).",
        ),
        ("import numpy\n", "Ligne 1 : le robot n'a pas le module « numpy »."),
        ("n = int('dix')\n", "Ligne 1 : « dix » n'est pas un nombre."),
        (
            "avancer = 10\navancer(5)\n",
            "Ligne 2 : ce qu'il y a devant les parenthèses n'est pas une fonction : as-tu donné "
            "ce nom à un nombre ou à un texte ?",
        ),
        # The robot's own messages are French already: they stay as they are.
        (
            "tourner('droite')\n",
            "Ligne 1 : valeur impossible : l'angle doit être un nombre, pas 'droite'.",
        ),
    ],
)
def test_python_s_own_errors_are_said_in_french(program: str, message: str) -> None:
    assert evaluer(program, "carre").message == message


def test_return_outside_a_function_gets_a_hint() -> None:
    verdict = evaluer("avancer(10)\nreturn\n", "carre")
    assert verdict.hint == "« return » ne marche que dans une fonction (def)."


def test_the_cell_run_before_writing_the_program_says_so() -> None:
    # What nbgrader left in the pupil's copy of a robot exercise before the comment stub.
    def programme() -> None:
        # ÉCRIS TON CODE ICI
        raise NotImplementedError()

    line = programme.__code__.co_firstlineno + 2
    assert evaluer(programme, "carre").message == (
        f"Ligne {line} : ton programme n'est pas encore écrit : mets tes ordres au robot dans "
        "le bloc."
    )


def test_montrer_without_a_world_or_with_speed_zero_says_what_to_write() -> None:
    from robot_firmware.sim.world import WorldError

    with pytest.raises(WorldError) as no_world:
        montrer("avancer(10)\n")  # type: ignore[call-arg]
    assert str(no_world.value) == (
        'Dis dans quel monde ton robot roule, par exemple : montrer(programme, "carre")'
    )
    with pytest.raises(WorldError) as still:
        montrer("avancer(10)\n", "carre", speed=0)
    assert str(still.value) == (
        "La vitesse doit être un nombre plus grand que 0 (1 : la vitesse du vrai robot)."
    )
