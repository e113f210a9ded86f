"""One service token per caller: each route of the internal API × each token → allowed or 403."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from classroom_app import api, tokens
from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.store import Store
from robocole.cli import main
from tests.classroom_app.conftest import TOKENS, World, api_headers

#: Who may call each route (every other caller gets 403).
MATRIX = {
    ("GET", "/api/v1/classes/{code}/roster"): {"hub", "station"},
    ("POST", "/api/v1/auth/pupil"): {"hub", "station"},
    ("POST", "/api/v1/auth/teacher"): {"hub"},
    ("POST", "/api/v1/results"): {"grader"},
    ("GET", "/api/v1/pupils/{username}/progress"): {"grader"},
    ("GET", "/api/v1/pupils/{username}/programs"): {"station"},
    ("GET", "/api/v1/pupils/{username}/programs/1"): {"station"},
}


def _call(app: Flask, world: World, method: str, path: str, token: str) -> int:
    username = f"{world.klass['code'].lower()}-01"
    url = path.format(code=world.klass["code"], username=username)
    body = {"class_code": world.klass["code"], "username": username, "pictures": []}
    headers = {"Authorization": f"Bearer {token}"}
    client = app.test_client()
    response = client.post(url, json=body, headers=headers) if method == "POST" else None
    if method == "GET":
        response = client.get(url, headers=headers)
    assert response is not None
    if response.status_code == 401 and response.get_json()["error"] != "unauthorized":
        return 422  # the token was accepted; the pictures or password were not (401 too)
    return response.status_code


@pytest.mark.parametrize(("route", "allowed"), MATRIX.items(), ids=lambda v: str(v))
@pytest.mark.parametrize("caller", sorted(TOKENS))
def test_each_route_answers_only_its_callers(
    app: Flask, world: World, route: tuple[str, str], allowed: set[str], caller: str
) -> None:
    status = _call(app, world, *route, TOKENS[caller])
    if caller in allowed:
        assert status not in (401, 403), (route, caller, status)
    else:
        assert status == 403, (route, caller, status)


@pytest.mark.parametrize("route", MATRIX)
def test_an_unknown_token_is_refused_everywhere(app: Flask, world: World, route: object) -> None:
    method, path = route  # type: ignore[misc]
    assert _call(app, world, method, path, "not-a-token") == 401
    assert _call(app, world, method, path, "") == 401


def test_every_route_of_the_api_has_its_right_or_is_open(app: Flask) -> None:
    endpoints = {r.endpoint for r in app.url_map.iter_rules() if r.endpoint.startswith("api.")}
    assert endpoints == set(api.RIGHTS) | api.OPEN_ROUTES
    given = set().union(*(c.rights for c in tokens.CALLERS.values()))
    assert set(api.RIGHTS.values()) <= given


def test_the_station_cannot_post_a_result(app: Flask, world: World) -> None:
    body = {
        "idempotency_key": "k-1",
        "username": f"{world.klass['code'].lower()}-01",
        "lesson_id": "sequences-1",
        "protections": list(MINIMUM_PROTECTIONS),
        "exercises": [{"exercise_id": "carre", "passed": True}],
    }
    client = app.test_client()
    refused = client.post("/api/v1/results", json=body, headers=api_headers("station"))
    assert refused.status_code == 403
    assert refused.get_json()["error"] == "forbidden"
    store = Store.open(app.config["DATABASE"])
    try:
        assert store.pupil_xp(world.pupils[0].id) == 0  # nothing written
    finally:
        store.close()


def test_tokens_are_kept_hashed(app: Flask) -> None:
    database = Path(app.config["DATABASE"])
    raw = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    for token in TOKENS.values():
        assert token.encode() not in raw
        assert tokens.token_hash(token).encode() in raw
    assert "SERVICE_TOKENS" not in app.config  # the plain text is not kept either


def test_rotate_from_the_command_line(
    app: Flask, world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = Path(app.config["DATA_DIR"])
    path = "/api/v1/pupils/{username}/programs"
    assert _call(app, world, "GET", path, TOKENS["station"]) == 200
    target = tmp_path / "station.token"
    assert (
        main(
            ["classroom", "--data", str(data), "token", "rotate", "station", "--file", str(target)]
        )
        == 0
    )
    new = target.read_text().strip()
    assert target.stat().st_mode & 0o077 == 0
    assert new not in capsys.readouterr().out  # written to the file only
    assert _call(app, world, "GET", path, TOKENS["station"]) == 401  # the old one is dead
    assert _call(app, world, "GET", path, new) == 200
    assert _call(app, world, "POST", "/api/v1/results", new) == 403  # still only its rights

    assert main(["classroom", "--data", str(data), "token", "list"]) == 0
    listing = capsys.readouterr().out
    assert "station" in listing and new not in listing

    assert main(["classroom", "--data", str(data), "token", "revoke", "station"]) == 0
    assert _call(app, world, "GET", path, new) == 401

    assert main(["classroom", "--data", str(data), "token", "rotate", "nobody"]) == 2
    assert "hub, station, grader" in capsys.readouterr().err
