"""Python's errors said to a child (``robocole.python_errors``): each case is a real error,
raised by running a small program as a pupil writes it, or by a real IPython kernel."""

from __future__ import annotations

import _thread
import re
import threading
import traceback
from collections.abc import Iterator
from typing import Any

import pytest

from robocole import i18n
from robocole.python_errors import error_line, explain_python_error

#: The world's functions a pupil calls (Pixel's grid).
WORLD = "def droite():\n    pass\n\ndef gauche():\n    pass\n\ndef peins():\n    pass\n"
KNOWN = ("droite", "gauche", "peins")
#: Words of Python's own messages and tracebacks: a child never reads them.
ENGLISH = re.compile(
    r"Traceback|AssertionError|NotImplementedError|Error\b|Exception|defined|syntax|"
    r"object|argument|indent|expected|unsupported|invalid|literal|most recent call"
)


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    token = i18n.set_language("fr")
    yield
    i18n._current.reset(token)


def run(code: str) -> tuple[str, str, int | None]:
    """Run ``code`` as a notebook cell runs it (after the world's cell): the error's name,
    message and the line in ``code``."""
    namespace: dict[str, Any] = {}
    exec(compile(WORLD, "<world>", "exec"), namespace)
    try:
        exec(compile(code, "<string>", "exec"), namespace)
    except SyntaxError as error:
        return type(error).__name__, str(error), None  # the line is in its message
    except BaseException as error:  # KeyboardInterrupt is one of the cases
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<string>"]
        return type(error).__name__, str(error), frames[-1].lineno if frames else None
    raise AssertionError(f"no error from {code!r}")


CASES = [
    # A misspelt name, a wrong capital, a name from nowhere.
    (
        "droite()\ndroit()\n",
        "Ligne 2 : le nom « droit » est inconnu. Vérifie l'orthographe. "
        "Voulais-tu écrire « droite » ?",
    ),
    (
        "Droite()\n",
        "Ligne 1 : le nom « Droite » est inconnu. Vérifie l'orthographe. Voulais-tu écrire "
        "« droite » ? Pour Python, une majuscule et une minuscule sont deux lettres "
        "différentes.",
    ),
    (
        "prnt('bonjour')\n",
        "Ligne 1 : le nom « prnt » est inconnu. Vérifie l'orthographe. "
        "Voulais-tu écrire « print » ?",
    ),
    ("zigouigoui()\n", "Ligne 1 : le nom « zigouigoui » est inconnu. Vérifie l'orthographe."),
    (
        "def compte(n):\n    total = total + n\n    return total\ncompte(3)\n",
        "Ligne 2 : la variable « total » est utilisée dans la fonction avant d'y recevoir une "
        "valeur : donne-lui d'abord une valeur dans la fonction.",
    ),
    # What is missing in a line Python cannot read, and where.
    (
        "droite(\ngauche()\n",
        "Ligne 1 : le signe « ( » ouvert sur cette ligne n'est jamais fermé : ajoute « ) ».",
    ),
    ("droite())\n", "Ligne 1 : il y a un « ) » en trop."),
    (
        "cases = [1, 2)\n",
        "Ligne 1 : le signe « [ » est fermé par « ) » : écris « ] » à la place.",
    ),
    (
        "for i in range(3)\n    droite()\n",
        "Ligne 1 : il manque les deux-points (:) à la fin de la ligne.",
    ),
    (
        "for i in range(3):\ndroite()\n",
        "Ligne 2 : les lignes dans la boucle ou dans le « if » doivent commencer par des "
        "espaces (touche Tab).",
    ),
    ("droite()\n  gauche()\n", "Ligne 2 : cette ligne commence par des espaces en trop."),
    (
        "for i in range(3):\n        droite()\n    gauche()\n",
        "Ligne 3 : les espaces au début de cette ligne ne sont pas alignés avec ceux des lignes "
        "du dessus.",
    ),
    ("x = 3\nif x = 3:\n    droite()\n", "Ligne 2 : pour comparer, écris == (deux signes égal)."),
    (
        "if True:\n\tdroite()\n        gauche()\n",
        "Ligne 3 : les lignes mélangent la touche Tab et des espaces à leur début : fais pareil "
        "pour chaque ligne.",
    ),
    (
        "print('bonjour)\n",
        "Ligne 1 : un texte entre guillemets n'est pas fermé : ajoute le guillemet qui manque.",
    ),
    # An order without its brackets.
    ("droite 3\n", "Ligne 1 : mets des parenthèses après droite : droite(3)."),
    (
        "print 'bonjour'\n",
        "Ligne 1 : il manque les parenthèses : écris print(…) avec entre elles ce qu'il faut "
        "afficher.",
    ),
    (
        "x = droite + 1\n",
        "Ligne 1 : une fonction est utilisée comme une valeur : pour la faire marcher, mets des "
        "parenthèses après son nom, par exemple droite().",
    ),
    (
        "print(“bonjour”)\n",
        "Ligne 1 : cette ligne a un signe que Python ne connaît pas (“) : tape-le à nouveau au "
        "clavier (guillemets : \" ou ').",
    ),
    # Python's English messages said in French.
    ("droite(2)\n", "Ligne 1 : trop de valeurs entre les parenthèses de « droite »."),
    (
        "def va(n):\n    pass\nva()\n",
        "Ligne 3 : il manque une valeur entre les parenthèses de « va ».",
    ),
    (
        "n = 3\nprint('tour ' + n)\n",
        "Ligne 2 : on ne peut pas ajouter un texte et un nombre : écris str(nombre) pour changer "
        "le nombre en texte.",
    ),
    (
        "for i in 4:\n    droite()\n",
        "Ligne 1 : après « in », la boucle a besoin de range(…) ou d'une liste : par exemple, "
        "for i in range(4):",
    ),
    (
        "droite = 3\ndroite()\n",
        "Ligne 2 : ce qu'il y a devant les parenthèses n'est pas une fonction : as-tu donné ce "
        "nom à un nombre ou à un texte ?",
    ),
    (
        "age = input\nif '9' < 10:\n    droite()\n",
        "Ligne 2 : on ne peut pas comparer un texte (str) et un nombre entier (int) : change le "
        "texte en nombre avec int().",
    ),
    ("n = int('dix')\n", "Ligne 1 : « dix » n'est pas un nombre."),
    ("a, b = [1, 2, 3]\n", "Ligne 1 : il y a plus de valeurs que de noms à gauche du =."),
    # The other mistakes children make.
    ("x = 10 / 0\n", "Ligne 1 : division par zéro. On ne peut pas diviser un nombre par 0."),
    (
        "# ÉCRIS TON CODE ICI\nraise NotImplementedError()\n",
        "Ligne 2 : ton programme n'est pas encore écrit : écris-le à la place de la ligne qui "
        "commence par raise.",
    ),
    (
        "def pas(n):\n    return pas(n + 1)\npas(1)\n",
        "Ligne 2 : ta fonction s'appelle elle-même encore et encore, sans fin : ajoute un cas où "
        "elle s'arrête.",
    ),
    (
        "cases = [1, 2]\nprint(cases[2])\n",
        "Ligne 2 : la liste n'a pas d'élément à cette place (le premier est le numéro 0).",
    ),
    (
        "mot = 'abc'\nprint(mot[5])\n",
        "Ligne 2 : le texte n'a pas de lettre à cette place (la première est le numéro 0).",
    ),
    (
        "ages = {'Léa': 9}\nprint(ages['Tom'])\n",
        "Ligne 2 : le dictionnaire n'a pas de clé « Tom ».",
    ),
    ("cases = []\ncases.push(3)\n", "Ligne 2 : une liste n'a pas de « push »."),
    (
        "cases = []\ncases.apend(3)\n",
        "Ligne 2 : une liste n'a pas de « apend ». Voulais-tu écrire « append » ?",
    ),
    (
        "import math\nmath.sqroot(2)\n",
        "Ligne 2 : le module « math » n'a pas de « sqroot » : vérifie l'orthographe.",
    ),
    ("import tortue_magique\n", "Ligne 1 : le module « tortue_magique » n'est pas là."),
]


@pytest.mark.parametrize(("code", "sentence"), CASES, ids=[c for c, _s in CASES])
def test_a_real_error_gets_one_french_sentence_with_its_line(code: str, sentence: str) -> None:
    ename, evalue, line = run(code)
    said = explain_python_error(ename, evalue, line, KNOWN, code=code)
    assert said == sentence
    assert not ENGLISH.search(said), said


def test_a_loop_that_never_ends_is_pointed_at() -> None:
    # What the lesson view's time limit does: interrupt the kernel (KeyboardInterrupt).
    timer = threading.Timer(0.2, _thread.interrupt_main)
    timer.start()
    ename, evalue, line = run("n = 0\nwhile n < 10:\n    droite()\n")
    timer.join()
    assert ename == "KeyboardInterrupt"
    assert explain_python_error(ename, evalue, line, KNOWN) == (
        f"Ligne {line} : ton programme a pris trop de temps : vérifie qu'aucune boucle ne tourne "
        "sans fin (while)."
    )
    assert line in (2, 3)


def test_without_a_line_the_sentence_starts_with_a_capital() -> None:
    assert explain_python_error("ZeroDivisionError", "division by zero") == (
        "Division par zéro. On ne peut pas diviser un nombre par 0."
    )
    # An error Python gives no line for, and one this explainer does not know.
    assert explain_python_error("OverflowError", "math range error") == (
        "Ton programme s'est arrêté sur une erreur : relis bien cette ligne, ou demande de l'aide."
    )


def test_a_test_s_sentence_is_said_as_it_is_without_the_test_s_line() -> None:
    message = "Pixel n'est pas sur le trésor : il lui manque 2 cases vers la droite\n. . P"
    assert explain_python_error("AssertionError", message, 4) == (
        "Pixel n'est pas sur le trésor : il lui manque 2 cases vers la droite"
    )
    assert explain_python_error("AssertionError", "") == (
        "Pas encore : un test n'est pas passé. Relis la consigne et essaie encore !"
    )


def test_english_pupils_read_english() -> None:
    i18n.set_language("en")
    ename, evalue, line = run("droite()\ndroit()\n")
    assert explain_python_error(ename, evalue, line, KNOWN) == (
        "Line 2: the name droit is unknown. Check its spelling. Did you mean droite?"
    )


# A real kernel: what the lesson view's "Vérifier" button gets back from JupyterLab's kernel.


@pytest.fixture(scope="module")
def kernel() -> Iterator[Any]:
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", startup_timeout=60)
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def kernel_error(client: Any, code: str) -> dict[str, Any]:
    reply = client.execute_interactive(code, timeout=30, output_hook=lambda _msg: None)
    content: dict[str, Any] = reply["content"]
    assert content["status"] == "error", content
    return content


@pytest.mark.parametrize(
    ("code", "line", "sentence"),
    [
        (
            "x = 1\ndroit()\n",
            2,
            "Ligne 2 : le nom « droit » est inconnu. Vérifie l'orthographe. Voulais-tu écrire "
            "« droite » ?",
        ),
        ("for i in range(3)\n    print(i)\n", 1, None),
        ("if True:\nprint(1)\n", 2, None),
        # Inside a function of the same cell: its line in the cell.
        ("def f():\n    return 1 / 0\n\nf()\n", 2, None),
        # Inside the world's function (an earlier cell): the child's line, not the world's.
        ("droite()\nmur()\n", 2, None),
        # The child's code run by exec from a wrapper cell: its own lines.
        ("exec(compile('droite()\\ncases = [1]\\ncases[4]\\n', '<string>', 'exec'))", 3, None),
        ("exec(compile('droite()\\ndroite(\\n', '<string>', 'exec'))", 2, None),
    ],
)
def test_the_line_comes_from_a_kernel_s_coloured_traceback(
    kernel: Any, code: str, line: int, sentence: str | None
) -> None:
    world = WORLD + "\ndef mur():\n    x = 1\n    return [][0]\n"
    kernel.execute_interactive(world, timeout=30, output_hook=lambda _msg: None)
    error = kernel_error(kernel, code)
    assert "\x1b[" in "".join(error["traceback"])  # IPython colours it
    assert error_line(error["traceback"]) == line
    said = explain_python_error(error["ename"], error["evalue"], line, KNOWN)
    assert said.startswith(f"Ligne {line} : ")
    assert not ENGLISH.search(said), said
    if sentence is not None:
        assert said == sentence


def test_no_frame_no_line() -> None:
    assert error_line([]) is None
    assert error_line(["\x1b[31mKeyboardInterrupt\x1b[39m: "]) is None
