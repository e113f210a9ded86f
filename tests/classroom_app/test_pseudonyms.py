"""Pseudonyms keep as little of a name as needed, and bad lists get a clear message."""

from __future__ import annotations

import pytest

from classroom_app.pseudonyms import InvalidNames, make_pseudonyms, parse_names
from robocole.i18n import set_language


def test_family_names_shrink_to_an_initial() -> None:
    assert make_pseudonyms(parse_names("lina bernard\nNoah")) == ["Lina B.", "Noah"]


def test_duplicates_get_more_letters_then_a_number() -> None:
    names = "Lina Bernard\nLina Benali\nNoah\nNoah\nLina Bernard"
    result = make_pseudonyms(parse_names(names), taken=["noah"])
    assert result == ["Lina B.", "Lina Be.", "Noah (2)", "Noah (3)", "Lina Ber."]
    assert len({r.casefold() for r in result}) == len(result)


def test_control_characters_and_spaces_are_cleaned() -> None:
    assert parse_names("  Zoé\u200b \t Martin\x07 \n\n") == [("Zoé", "Martin")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\n \n", "La liste est vide"),
        ("x" * 90, "La ligne 1 est trop longue"),
        ("\n".join(f"Élève{i}" for i in range(61)), "60 élèves au plus"),
    ],
)
def test_bad_lists_say_what_to_do_in_french(text: str, message: str) -> None:
    set_language("fr")
    with pytest.raises(InvalidNames) as caught:
        parse_names(text)
    assert message in caught.value.message
