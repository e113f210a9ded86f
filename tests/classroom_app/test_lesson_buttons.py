"""The quest map's way into the lesson view, and the result it shows after a hand-in."""

from __future__ import annotations

from flask import Flask

from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.store import Store

from .conftest import Browser, World, api_headers, pictures_of


def graded(world: World, key: str, passed: tuple[bool, bool]) -> dict:
    return {
        "idempotency_key": key,
        "username": f"{world.klass['code'].lower()}-01",
        "lesson_id": "sequences-1",
        "graded_at": "2026-12-07T09:00:00Z",
        "protections": list(MINIMUM_PROTECTIONS),
        "exercises": [
            {"exercise_id": "sequences-1-a", "passed": passed[0], "points": 1, "max_points": 1},
            {"exercise_id": "sequences-1-b", "passed": passed[1], "points": 0, "max_points": 1},
        ],
    }


def test_open_lessons_get_commencer_then_continuer_and_taken_back_ones_a_kind_word(
    app: Flask, store: Store, world: World, browser: Browser
) -> None:
    class_id = int(world.klass["id"])
    store.set_assignment(class_id, "sequences-1", "released")
    store.set_assignment(class_id, "sequences-2", "removed")
    browser.login_pupil(
        world.klass, f"{world.klass['code'].lower()}-01", pictures_of(store, world, 0)
    )
    home = browser.get("/pupil/").text
    course = f"robocole-{world.klass['code'].lower()}"
    assert f'href="/hub/user-redirect/robocole/lecon/{course}/sequences-1"' in home
    assert ">Commencer</a>" in home
    assert "a repris cette leçon pour l'instant. Ton travail est gardé." in home
    # A lesson not opened by the teacher has no button.
    assert f"/lecon/{course}/sequences-3" not in home

    # Once something was handed in, the same lesson says "Continuer".
    client = app.test_client()
    client.post("/api/v1/results", json=graded(world, "k-1", (True, False)), headers=api_headers())
    assert ">Continuer</a>" in browser.get("/pupil/").text


def test_the_lesson_result_gives_points_xp_and_changes_key_with_each_grade(
    app: Flask, store: Store, world: World, browser: Browser
) -> None:
    class_id = int(world.klass["id"])
    store.set_assignment(class_id, "sequences-1", "released")
    browser.login_pupil(
        world.klass, f"{world.klass['code'].lower()}-01", pictures_of(store, world, 0)
    )
    assert browser.get("/pupil/lessons/sequences-1/result").json == {"key": None}
    client = app.test_client()
    client.post("/api/v1/results", json=graded(world, "k-1", (True, False)), headers=api_headers())
    first = browser.get("/pupil/lessons/sequences-1/result").json
    assert first["key"] == "k-1" and first["passed"] == 1 and first["xp"] == 10
    assert "1 exercice réussi sur 2." in first["details"]
    assert "XP gagnés : 10." in first["details"]
    # A second hand-in that passes one more exercise: a new key, only the new XP counted.
    client.post("/api/v1/results", json=graded(world, "k-2", (True, True)), headers=api_headers())
    second = browser.get("/pupil/lessons/sequences-1/result").json
    assert second["key"] == "k-2" and second["passed"] == 2 and second["xp"] == 10
    assert "2 exercices réussis sur 2." in second["details"]
    # Another pupil's result is not shown; an unknown lesson is a 404.
    assert browser.get("/pupil/lessons/nope/result").status_code == 404
