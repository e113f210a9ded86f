"""The manifest loader: the public shape the classroom app relies on, and one-sentence errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from curriculum.manifest import ManifestError, default_manifest_path, load_manifest
from robocole.i18n import set_language

FIXTURE = Path(__file__).parent.parent / "fixtures" / "manifest.toml"


def test_the_classroom_fixture_still_loads_with_the_public_names() -> None:
    manifest = load_manifest(FIXTURE)
    assert manifest.course_id == "robocole-test"
    assert [u.id for u in manifest.units] == ["sequences", "boucles"]
    lesson = manifest.lesson("boucles-1")
    assert manifest.lesson_requirements(lesson) == ("sequences-2",)
    assert [e.id for e in manifest.exercises()][:2] == ["sequences-1-a", "sequences-1-b"]
    badge = manifest.badge("roi-des-boucles")
    assert (badge.kind, badge.rule.type, badge.rule.concept, badge.rule.min) == (
        "mastery",
        "exercises_passed",
        "loop",
        2,
    )
    assert badge.name.get("en") == "Loop champion" and badge.name.get("fr") == "Roi des boucles"


def test_the_shipped_manifest_is_the_default() -> None:
    assert default_manifest_path().parent.name == "content"
    assert load_manifest().root == default_manifest_path().parent


@pytest.mark.parametrize(
    ("old", "new", "english", "french"),
    [
        (
            'en = "Sequences"',
            'en = ""',
            "unit sequences: 'title' has no text in en.",
            "unité sequences : « title » n'a pas de texte en en.",
        ),
        (
            'id = "sequences-2-a"',
            'id = "sequences-1-a"',
            "The id 'sequences-1-a' (exercise) is used twice.",
            "L'identifiant 'sequences-1-a' (exercice) est utilisé deux fois.",
        ),
        (
            "difficulty = 3",
            "difficulty = 9",
            "lesson boucles-1, exercise 2: 'difficulty' must be a whole number from 1 to 3.",
            "leçon boucles-1, exercice n°2 : « difficulty » doit être un entier entre 1 et 3.",
        ),
    ],
)
def test_errors_are_one_sentence_in_the_users_language(
    tmp_path: Path, old: str, new: str, english: str, french: str
) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "manifest.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    for language, expected in (("en", english), ("fr", french)):
        set_language(language)
        with pytest.raises(ManifestError) as caught:
            load_manifest(path)
        assert caught.value.message == expected


def test_a_missing_manifest_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match=r"nowhere\.toml is missing"):
        load_manifest(tmp_path / "nowhere.toml")
