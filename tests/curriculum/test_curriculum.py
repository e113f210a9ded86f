"""The shipped curriculum: complete, translated, and every lesson correct in a real kernel."""

from __future__ import annotations

import itertools

from curriculum.check import check_curriculum
from curriculum.manifest import load_manifest

PROGRESSION = [
    "sequences",
    "boucles",
    "evenements",
    "conditions",
    "variables",
    "listes",
    "fonctions",
]


def test_the_whole_curriculum_passes_the_check() -> None:
    report = check_curriculum()
    assert [str(f) for f in report.faults] == []
    assert report.lessons >= 24
    # Solution and pupil version per language, plus one notebook per exercise's variants.
    assert report.notebooks_run == 4 * report.lessons + 2 * report.exercises
    assert report.wrong_tried >= 3 * 2 * report.exercises
    assert report.right_tried >= 2 * report.exercises


def test_every_exercise_declares_three_wrong_answers_and_a_right_variant() -> None:
    from curriculum.lesson import read_source

    manifest = load_manifest()
    short = []
    for lesson in manifest.lessons():
        for language in ("fr", "en"):
            source = read_source(manifest, lesson, language)
            for exercise in lesson.exercises:
                wrong = sum(len(c.answers()) for c in source.cells_of(exercise.id, "wrong"))
                right = sum(len(c.answers()) for c in source.cells_of(exercise.id, "right"))
                if wrong < 3 or right < 1:
                    short.append((exercise.id, language, wrong, right))
    assert short == []


def test_the_curriculum_has_the_promised_shape() -> None:
    manifest = load_manifest()
    assert [u.id for u in manifest.units][: len(PROGRESSION)] == PROGRESSION
    for previous, unit in itertools.pairwise(PROGRESSION):
        assert manifest.lesson_requirements(manifest.lesson(f"{unit}-1")) == (
            manifest.units[PROGRESSION.index(previous)].lessons[-1].id,
        )
    # Robot units come after the Python units and are marked so (they need the simulator).
    robot_units = manifest.units[len(PROGRESSION) :]
    assert robot_units and all(unit.robot for unit in robot_units)
    assert not any(unit.robot for unit in manifest.units[: len(PROGRESSION)])
    assert len(list(manifest.lessons())) >= 24
    assert all(len(lesson.exercises) >= 3 for lesson in manifest.lessons())
    kinds = [b.kind for b in manifest.badges]
    assert len(manifest.badges) >= 15
    assert kinds.count("class") == 1 and manifest.badge("equipe-en-or").rule.type == "class_goal"
    assert all(b.rule.type == "teacher" for b in manifest.badges if b.kind == "robot")
    assert kinds.count("robot") >= 5
    mastered_units = {b.rule.unit for b in manifest.badges if b.kind == "mastery"}
    assert set(PROGRESSION) <= mastered_units


def test_every_lesson_names_a_programme_item_and_a_crcn_level() -> None:
    manifest = load_manifest()
    for lesson in manifest.lessons():
        programmes = [manifest.competencies[c].programme for c in lesson.competencies]
        assert any(p.startswith("Cycle") for p in programmes), lesson.id
        assert any(p.startswith("CRCN 3.4 Programmer") for p in programmes), lesson.id
