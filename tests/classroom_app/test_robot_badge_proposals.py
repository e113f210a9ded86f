"""A robot badge the simulator prepares: once the pupil passes the challenge in the notebook,
the badge is proposed to the teacher, who confirms it after seeing the real robot do it.
A robot badge that names no exercise stays by hand only."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.rules import PupilFacts, earned_badges
from classroom_app.store import Store
from curriculum.manifest import load_manifest
from tests.classroom_app.conftest import (
    FIXTURE_MANIFEST,
    Browser,
    World,
    api_headers,
    make_app,
    pictures_of,
)

#: The fixture's square challenge, prepared by the first loop exercise (the simulator's).
PREPARED = 'rule = { type = "teacher", exercises = ["boucles-1-a"] }'


@pytest.fixture
def manifest_path(tmp_path: Path) -> Path:
    text = FIXTURE_MANIFEST.read_text(encoding="utf-8")
    by_hand = 'image = "badges/carre.svg"\nrule = { type = "teacher" }'
    assert by_hand in text
    path = tmp_path / "manifest.toml"
    path.write_text(text.replace(by_hand, f'image = "badges/carre.svg"\n{PREPARED}'), "utf-8")
    return path


@pytest.fixture
def app(tmp_path: Path, manifest_path: Path) -> Flask:
    return make_app(tmp_path, MANIFEST=str(manifest_path))


def test_a_teacher_rule_with_exercises_proposes_once_they_are_passed(manifest_path: Path) -> None:
    manifest = load_manifest(manifest_path)
    assert "pilote-du-carre" not in earned_badges(manifest, PupilFacts(set()))
    assert "pilote-du-carre" in earned_badges(manifest, PupilFacts({"boucles-1-a"}))
    # Without exercises it is still by hand only, whatever the pupil passed.
    everything = PupilFacts({e.id for e in manifest.exercises()}, True)
    assert "pilote-du-carre" not in earned_badges(load_manifest(FIXTURE_MANIFEST), everything)


def pass_the_simulator_exercise(app: Flask, username: str, key: str) -> int:
    """The grader posts that the pupil passed the simulator's square (boucles-1-a)."""
    client: FlaskClient = app.test_client()
    response = client.post(
        "/api/v1/results",
        headers=api_headers(),
        json={
            "idempotency_key": key,
            "username": username,
            "lesson_id": "boucles-1",
            "protections": list(MINIMUM_PROTECTIONS),
            "exercises": [{"exercise_id": "boucles-1-a", "passed": True}],
        },
    )
    return response.status_code


def test_passing_the_simulator_challenge_asks_the_teacher_to_confirm_on_the_robot(
    app: Flask, browser: Browser, world: World, store: Store
) -> None:
    pupil = world.pupil_row(store, 0)
    assert pass_the_simulator_exercise(app, pupil["username"], "sim-carre") == 201
    assert store.award_states(pupil["id"])["pilote-du-carre"].state == "proposed"
    browser.login_teacher()
    dashboard = browser.get(f"/teacher/classes/{world.klass['id']}").text
    # Under "Badges à confirmer", with what the teacher must see the robot do.
    assert '>Confirmer<span class="visually-hidden"> — Pilote du carré, Lina B.</span>' in dashboard
    assert "Montre ton robot qui dessine un carré à ton enseignant·e." in dashboard
    browser.post(
        f"/teacher/classes/{world.klass['id']}/badges",
        {"pupil_id": pupil["id"], "badge_id": "pilote-du-carre", "decision": "confirm"},
    )
    assert store.award_states(pupil["id"])["pilote-du-carre"].state == "confirmed"


def test_the_pupil_is_told_to_go_and_show_the_robot(
    app: Flask, browser: Browser, world: World, store: Store
) -> None:
    pupil = world.pupil_row(store, 0)
    assert pass_the_simulator_exercise(app, pupil["username"], "sim-carre-2") == 201
    browser.login_pupil(world.klass, pupil["username"], pictures_of(store, world, 0))
    page = browser.get("/pupil/badges").text
    waiting = page[page.index("En attente") :]
    # Not "your teacher will look at it soon": the teacher must see the robot do it.
    assert "Pilote du carré" in waiting
    assert "Tu es prêt·e ! Montre ton robot qui dessine un carré à ton enseignant·e." in waiting
