"""The internal API: token, logins for the hub, idempotent results, progress, clear errors."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.store import Store

from .conftest import PASSWORD, World, api_headers, pictures_of


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def result(world: World, key: str = "k-1", passed: tuple[bool, bool] = (True, False)) -> dict:
    return {
        "idempotency_key": key,
        "username": f"{world.klass['code'].lower()}-01",
        "lesson_id": "sequences-1",
        "graded_at": "2026-11-22T09:00:00Z",
        "protections": list(MINIMUM_PROTECTIONS),
        "exercises": [
            {"exercise_id": "sequences-1-a", "passed": passed[0], "points": 1, "max_points": 1},
            {"exercise_id": "sequences-1-b", "passed": passed[1], "points": 0, "max_points": 1},
        ],
    }


def test_health_needs_no_token(client: FlaskClient) -> None:
    assert client.get("/api/v1/health").json == {"status": "ok"}


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic dGVzdA==", "Bearer "])
def test_every_other_call_needs_the_service_token(
    client: FlaskClient, world: World, header: str | None
) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/v1/results", json=result(world), headers=headers)
    assert response.status_code == 401
    assert response.json["error"] == "unauthorized"
    assert response.json["message"]


def test_a_result_becomes_xp_once(client: FlaskClient, world: World, store: Store) -> None:
    first = client.post("/api/v1/results", json=result(world), headers=api_headers())
    assert first.status_code == 201
    assert first.json == {"status": "recorded", "xp_awarded": 10, "proposed_badges": []}
    again = client.post("/api/v1/results", json=result(world), headers=api_headers())
    assert again.status_code == 200 and again.json["status"] == "duplicate"
    assert store.pupil_xp(world.pupils[0].id) == 10
    # A new submission passing the same exercise again earns nothing more.
    later = client.post(
        "/api/v1/results", json=result(world, key="k-2", passed=(True, True)), headers=api_headers()
    )
    assert later.json["xp_awarded"] == 10  # only sequences-1-b is new
    assert store.pupil_xp(world.pupils[0].id) == 20
    assert len(store.xp_events(world.pupils[0].id)) == 2


def test_same_key_with_other_content_is_refused(client: FlaskClient, world: World) -> None:
    client.post("/api/v1/results", json=result(world), headers=api_headers())
    changed = result(world, passed=(True, True))
    response = client.post("/api/v1/results", json=changed, headers=api_headers())
    assert response.status_code == 409
    assert response.json["error"] == "conflict"


def test_mastery_proposes_a_badge(client: FlaskClient, world: World, store: Store) -> None:
    client.post("/api/v1/results", json=result(world, passed=(True, True)), headers=api_headers())
    body: dict[str, Any] = {
        "idempotency_key": "k-3",
        "username": f"{world.klass['code'].lower()}-01",
        "lesson_id": "sequences-2",
        "protections": list(MINIMUM_PROTECTIONS),
        "exercises": [{"exercise_id": "sequences-2-a", "passed": True}],
    }
    response = client.post("/api/v1/results", json=body, headers=api_headers())
    assert response.json["proposed_badges"] == ["as-des-sequences"]
    states = store.award_states(world.pupils[0].id)
    assert states["as-des-sequences"].state == "proposed"


def test_reaching_the_class_goal_proposes_the_class_badge_to_everyone(
    client: FlaskClient, world: World, store: Store
) -> None:
    store.set_class_goal(int(world.klass["id"]), 20)
    client.post("/api/v1/results", json=result(world, passed=(True, True)), headers=api_headers())
    for pupil in world.pupils:
        assert store.award_states(pupil.id)["equipe-en-or"].state == "proposed"


BAD_PAYLOADS = [
    ("not json", "JSON"),
    ([], "JSON"),
    ({"username": "x"}, "lesson_id"),
    ({"lesson_id": "nope", "username": "x", "idempotency_key": "k"}, "nope"),
    ({"lesson_id": "sequences-1", "username": "x", "idempotency_key": "k"}, "exercises"),
    (
        {"lesson_id": "sequences-1", "exercises": [{"exercise_id": "boucles-1-a", "passed": True}]},
        "boucles-1-a",
    ),
    ({"lesson_id": "sequences-1", "exercises": [{"exercise_id": "sequences-1-a"}]}, "passed"),
    (
        {
            "lesson_id": "sequences-1",
            "protections": list(MINIMUM_PROTECTIONS),
            "exercises": [{"exercise_id": "sequences-1-a", "passed": True, "points": "2"}],
        },
        "nombres",
    ),
    (
        {
            "lesson_id": "sequences-1",
            "protections": list(MINIMUM_PROTECTIONS),
            "exercises": [
                {"exercise_id": "sequences-1-a", "passed": True},
                {"exercise_id": "sequences-1-a", "passed": False},
            ],
        },
        "deux fois",
    ),
]


@pytest.mark.parametrize(("payload", "words"), BAD_PAYLOADS)
def test_malformed_results_get_a_400_that_says_why(
    client: FlaskClient, world: World, store: Store, payload: Any, words: str
) -> None:
    if isinstance(payload, str):
        response = client.post(
            "/api/v1/results", data=payload, headers=api_headers(), content_type="application/json"
        )
    else:
        response = client.post("/api/v1/results", json=payload, headers=api_headers())
    assert response.status_code == 400
    assert response.json["error"] == "bad_request"
    assert words in response.json["message"]
    assert store.conn.execute("SELECT count(*) FROM results").fetchone()[0] == 0


def test_unknown_pupil_is_a_404(client: FlaskClient, world: World) -> None:
    body = result(world)
    body["username"] = "zzzzzz-99"
    response = client.post("/api/v1/results", json=body, headers=api_headers())
    assert response.status_code == 404 and "zzzzzz-99" in response.json["message"]


def test_concurrent_duplicates_are_recorded_once(app: Flask, world: World, store: Store) -> None:
    statuses: list[int] = []

    def post() -> None:
        response = app.test_client().post(
            "/api/v1/results", json=result(world), headers=api_headers()
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 7 + [201]
    assert store.pupil_xp(world.pupils[0].id) == 10


def test_roster_lists_pseudonyms_and_pictures(client: FlaskClient, world: World) -> None:
    response = client.get(
        f"/api/v1/classes/{world.klass['code']}/roster", headers=api_headers("hub")
    )
    assert response.status_code == 200
    assert [p["pseudonym"] for p in response.json["pupils"]] == ["Léa P.", "Lina B.", "Noah"]
    assert response.json["picture_count"] == 3
    assert {"id": "soleil", "label": "Soleil"} in response.json["pictures"]
    assert (
        client.get("/api/v1/classes/NOPE42/roster", headers=api_headers("hub")).status_code == 404
    )


def test_pupil_login_for_the_hub(client: FlaskClient, world: World, store: Store) -> None:
    username = store.pupil(world.pupils[0].id)["username"]  # type: ignore[index]
    body = {
        "class_code": world.klass["code"],
        "username": username,
        "pictures": pictures_of(store, world, 0),
    }
    response = client.post("/api/v1/auth/pupil", json=body, headers=api_headers("hub"))
    assert response.status_code == 200
    course = f"robocole-{world.klass['code'].lower()}"
    assert response.json == {
        "username": username,
        "role": "pupil",
        "display_name": "Lina B.",
        "groups": [f"nbgrader-{course}"],
        "courses": [course],
    }


def test_wrong_pictures_lock_the_pupil_after_five_tries(
    client: FlaskClient, world: World, store: Store
) -> None:
    username = store.pupil(world.pupils[0].id)["username"]  # type: ignore[index]
    right = pictures_of(store, world, 0)
    wrong = [p for p in ("lune", "soleil", "etoile", "coeur") if p != right[0]][:1] * 3
    body = {"class_code": world.klass["code"], "username": username, "pictures": wrong}
    codes = [
        client.post("/api/v1/auth/pupil", json=body, headers=api_headers("hub")).status_code
        for _ in range(5)
    ]
    assert codes == [401, 401, 401, 401, 423]
    body["pictures"] = right
    assert (
        client.post("/api/v1/auth/pupil", json=body, headers=api_headers("hub")).status_code == 423
    )
    store.unlock_class(int(world.klass["id"]))
    assert (
        client.post("/api/v1/auth/pupil", json=body, headers=api_headers("hub")).status_code == 200
    )


def test_teacher_login_for_the_hub(client: FlaskClient, world: World) -> None:
    body = {"email": "A@ecole.fr", "password": PASSWORD}
    response = client.post("/api/v1/auth/teacher", json=body, headers=api_headers("hub"))
    assert response.status_code == 200
    course = f"robocole-{world.klass['code'].lower()}"
    assert response.json["username"] == f"prof-{world.teacher_a}"
    assert response.json["groups"] == [f"formgrade-{course}"]
    body["password"] = "wrong password"
    assert (
        client.post("/api/v1/auth/teacher", json=body, headers=api_headers("hub")).status_code
        == 401
    )


def test_progress_is_derived_from_the_ledger(client: FlaskClient, world: World) -> None:
    client.post("/api/v1/results", json=result(world, passed=(True, True)), headers=api_headers())
    username = f"{world.klass['code'].lower()}-01"
    response = client.get(f"/api/v1/pupils/{username}/progress", headers=api_headers())
    assert response.json["xp"] == 20 and response.json["level"] == 1
    assert response.json["lessons"]["sequences-1"] == "done"
    assert response.json["lessons"]["sequences-2"] == "open"
    assert response.json["passed_exercises"] == ["sequences-1-a", "sequences-1-b"]
