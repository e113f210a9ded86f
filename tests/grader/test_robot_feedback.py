"""A robot challenge's kind sentence is the feedback the pupil reads first, not only inside
"Ce que Python a dit": the test cell's own message ("Ton robot a touché le mur après 2
virages.") comes from ``verifier`` or from the author's ``assert …, "…"``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from grader.feedback import explain
from robocole.i18n import _current, set_language


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    token = set_language("fr")
    yield
    _current.reset(token)


def test_the_challenge_s_sentence_is_the_feedback() -> None:
    error = {"ename": "AssertionError", "evalue": "Ton robot a touché le mur après 2 virages."}
    assert explain(error) == "Ton robot a touché le mur après 2 virages."


def test_a_bare_assert_keeps_the_general_sentence() -> None:
    assert explain({"ename": "AssertionError", "evalue": ""}) == (
        "Pas encore : un test n'est pas passé. Relis la consigne et essaie encore !"
    )


def test_a_very_long_message_is_cut() -> None:
    said = explain({"ename": "AssertionError", "evalue": "Robi a joué " + "do, " * 200})
    assert said.startswith("Robi a joué do, ") and len(said) <= 301 and said.endswith("…")


def test_a_message_on_several_lines_gives_its_first_line() -> None:
    # The drawing lessons' message shows the pupil's drawing under its first line: flattened
    # into one sentence, the drawing would be unreadable.
    error = {
        "ename": "AssertionError",
        "evalue": "Le dessin ne ressemble pas au modèle.\nTon dessin :\n#..#\n.##.",
    }
    assert explain(error) == "Le dessin ne ressemble pas au modèle."
