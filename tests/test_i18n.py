"""Every string a person reads has a French translation, and French is the default."""

from __future__ import annotations

import pytest

from robocole import i18n

PARTS = [part for part in i18n.PARTS if i18n.part_directory(part) is not None]


@pytest.mark.parametrize("part", PARTS)
def test_every_string_has_french(part: str) -> None:
    missing = i18n.missing_translations(part)
    assert missing == [], f"{part}: no French for {missing} (python -m robocole.i18n update)"


def test_french_is_the_default_and_english_is_the_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ROBOCOLE_LANG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.set_language(None)
    assert i18n.current_language() == "fr"
    assert i18n.gettext("Stopped.") == "Arrêté."
    i18n.set_language("en-GB")
    assert i18n.gettext("Stopped.") == "Stopped."
    i18n.set_language("fr")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr_FR.UTF-8", "fr"), ("en-GB", "en"), ("EN", "en"), ("de_DE", None), ("", None)],
)
def test_language_names_are_normalised(value: str, expected: str | None) -> None:
    assert i18n.normalise_language(value) == expected


def test_plural_forms_follow_french_rules() -> None:
    i18n.set_language("fr")
    assert i18n.ngettext("%(num)s pupil", "%(num)s pupils", 0) == "0 élève"
    assert i18n.ngettext("%(num)s pupil", "%(num)s pupils", 2) == "2 élèves"
    i18n.set_language("en")
    assert i18n.ngettext("%(num)s pupil", "%(num)s pupils", 0) == "0 pupils"
    i18n.set_language("fr")
