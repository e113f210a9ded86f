"""The classroom app's hub pages: lessons and "start the class", and single sign-on's switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from tests.classroom_app.conftest import Browser, World, make_app


def test_lessons_page_lists_units_and_says_what_is_missing(browser: Browser, world: World) -> None:
    browser.login_teacher()
    page = browser.get(f"/teacher/classes/{world.klass['id']}/lessons")
    assert page.status_code == 200
    assert "robocole up" in page.text
    refused = browser.post(
        f"/teacher/classes/{world.klass['id']}/lessons/assign", {"lesson": "nope"}
    )
    assert refused.status_code == 302


def test_another_teacher_cannot_see_or_start_the_class(browser: Browser, world: World) -> None:
    browser.login_teacher("b@ecole.fr")
    assert browser.get(f"/teacher/classes/{world.klass['id']}/lessons").status_code == 404
    assert browser.post(f"/teacher/classes/{world.klass['id']}/start").status_code == 404


def test_without_a_hub_the_apps_own_login_stays(app: Flask) -> None:
    client = app.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/login").status_code == 200


@pytest.fixture
def hub_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "hub-given-token")
    monkeypatch.setenv("JUPYTERHUB_API_URL", "http://127.0.0.1:9/hub/api")
    monkeypatch.setenv("JUPYTERHUB_BASE_URL", "/")
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/services/classroom/")
    monkeypatch.setenv("JUPYTERHUB_CLIENT_ID", "service-classroom")
    monkeypatch.setenv("JUPYTERHUB_OAUTH_CALLBACK_URL", "/services/classroom/oauth_callback")
    return make_app(tmp_path)


def test_under_a_hub_pages_ask_the_hub_and_answer_under_the_prefix(hub_app: Flask) -> None:
    client = hub_app.test_client()
    page = client.get("/services/classroom/teacher/")
    assert page.status_code == 302
    location = page.headers["Location"]
    assert "/hub/api/oauth2/authorize" in location
    assert "client_id=service-classroom" in location and "code_challenge=" in location
    # The API keeps its service token and never sends a program to a login page.
    health = client.get("/services/classroom/api/v1/health")
    assert health.status_code == 200
    assert client.get("/teacher/").status_code == 404  # only under the service prefix


def test_the_callback_refuses_a_state_it_did_not_make(hub_app: Flask) -> None:
    client = hub_app.test_client()
    client.get("/services/classroom/")
    answer = client.get("/services/classroom/oauth_callback?code=abc&state=forged")
    assert answer.status_code == 400
