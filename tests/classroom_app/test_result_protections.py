"""A result counts only when graded in the complete sandbox; the teacher sees how it was graded.

Issue 17: the API accepted any list of protections, even an empty one, and nobody saw them.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.store import Store
from grader import sandbox

from .conftest import Browser, World, api_headers


def body(world: World, key: str, **extra: Any) -> dict[str, Any]:
    return {
        "idempotency_key": key,
        "username": f"{world.klass['code'].lower()}-01",
        "lesson_id": "sequences-1",
        "graded_at": "2026-11-22T09:00:00Z",
        "protections": [*MINIMUM_PROTECTIONS, "seccomp"],
        "exercises": [{"exercise_id": "sequences-1-a", "passed": True}],
        **extra,
    }


def test_the_app_asks_for_the_graders_own_minimum() -> None:
    assert MINIMUM_PROTECTIONS == sandbox.MINIMUM_PROTECTIONS


@pytest.mark.parametrize(
    "protections",
    [[], ["bubblewrap"], [p for p in MINIMUM_PROTECTIONS if p != "no-network"]],
    ids=["none", "bubblewrap-only", "network-open"],
)
def test_a_result_without_the_minimum_protections_is_refused_and_earns_nothing(
    app: Flask, world: World, store: Store, protections: list[str]
) -> None:
    response = app.test_client().post(
        "/api/v1/results", json=body(world, "k-1", protections=protections), headers=api_headers()
    )
    assert response.status_code == 400
    assert response.json["error"] == "unprotected"
    assert "protections" in response.json["message"]
    assert store.result("k-1") is None
    assert store.pupil_xp(world.pupils[0].id) == 0


def test_status_and_flags_are_kept_and_checked(app: Flask, world: World, store: Store) -> None:
    client = app.test_client()
    flags = ["tampered:sequences-1-a", "damaged:robot-1.ipynb: grade id x unknown"]
    response = client.post(
        "/api/v1/results",
        json=body(world, "k-2", status="damaged", flags=flags),
        headers=api_headers(),
    )
    assert response.status_code == 201
    [row] = store.results_of_pupil(world.pupils[0].id)
    assert (row["status"], row["flags"]) == ("damaged", flags)
    refused = client.post(
        "/api/v1/results", json=body(world, "k-3", status="perfect"), headers=api_headers()
    )
    assert refused.status_code == 400


def test_the_teachers_pupil_page_shows_how_each_result_was_graded(app: Flask, world: World) -> None:
    client = app.test_client()
    client.post(
        "/api/v1/results",
        json=body(world, "k-4", status="damaged", flags=["tampered:sequences-1-a"]),
        headers=api_headers(),
    )
    teacher = Browser(app.test_client())
    teacher.login_teacher()
    page = teacher.get(f"/teacher/classes/{world.klass['id']}/pupils/{world.pupils[0].id}").text
    assert "Cahier abîmé" in page and "rendre à nouveau" in page
    assert "a modifié Python lui-même" in page and "sequences-1-a" in page
    assert "Corrigé avec ces protections" in page and "no-network" in page and "seccomp" in page
