"""Fixtures for the classroom app: a fresh app and SQLite file per test, and ready-made data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from classroom_app import classes
from classroom_app.app import create_app
from classroom_app.passwords import hash_password
from classroom_app.store import Store
from curriculum.manifest import Manifest, load_manifest

FIXTURE_MANIFEST = Path(__file__).parent.parent / "fixtures" / "manifest.toml"
#: One token per caller of the internal API (classroom_app/tokens.py).
TOKENS = {"hub": "test-hub-token", "station": "test-station-token", "grader": "test-grader-token"}
RELEASE_TOKEN = "test-release-token"
PASSWORD = "correct horse battery"


@pytest.fixture
def manifest() -> Manifest:
    return load_manifest(FIXTURE_MANIFEST)


def make_app(tmp_path: Path, **settings: Any) -> Flask:
    """A fresh app on the test manifest, in its own data folder, with extra ``settings``."""
    return create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "MANIFEST": str(FIXTURE_MANIFEST),
            "SERVICE_TOKENS": TOKENS,
            "RELEASE_TOKEN": RELEASE_TOKEN,
            "SECRET_KEY": "test-secret",
            **settings,
        }
    )


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return make_app(tmp_path)


@pytest.fixture
def store(app: Flask) -> Iterator[Store]:
    opened = Store.open(app.config["DATABASE"])
    yield opened
    opened.close()


@dataclass
class World:
    """A school with two teachers; teacher A has a class of three pupils."""

    school_id: int
    teacher_a: int
    teacher_b: int
    klass: dict[str, Any]
    pupils: list[classes.NewPupil]

    def pupil_row(self, store: Store, index: int) -> dict[str, Any]:
        row = store.pupil(self.pupils[index].id)
        assert row is not None
        return row


@pytest.fixture
def world(store: Store) -> World:
    school_id = store.create_school("École Jules Verne")
    teacher_a = store.create_teacher(school_id, "a@ecole.fr", "Mme A", hash_password(PASSWORD))
    teacher_b = store.create_teacher(school_id, "b@ecole.fr", "M. B", hash_password(PASSWORD))
    class_id = classes.create_class(store, school_id, teacher_a, "CM1 robots", picture_count=3)
    klass = store.class_by_id(class_id)
    assert klass is not None
    pupils = classes.add_pupils(store, klass, "Lina Bernard\nNoah\nLéa Petit", teacher_a)
    return World(school_id, teacher_a, teacher_b, klass, pupils)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


class Browser:
    """A test client that fills in the CSRF token like a real form would."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.token = ""

    def get(self, url: str, **kwargs: Any) -> Any:
        response = self.client.get(url, **kwargs)
        if 'name="csrf_token"' in response.text:
            self.token = csrf_of(response.text)
        return response

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        if not self.token:
            self.get("/")
            self.get("/login")
        form = {"csrf_token": self.token, **(data or {})}
        response = self.client.post(url, data=form, **kwargs)
        if 'name="csrf_token"' in response.text:
            self.token = csrf_of(response.text)
        return response

    def login_teacher(self, email: str = "a@ecole.fr", password: str = PASSWORD) -> Any:
        self.get("/teacher/login")
        response = self.post("/teacher/login", {"email": email, "password": password})
        self.token = ""
        self.get("/teacher/")
        return response

    def login_pupil(self, klass: dict[str, Any], username: str, pictures: list[str]) -> Any:
        self.get(f"/c/{klass['code']}/{username}")
        response = None
        for picture in pictures:
            response = self.post(f"/c/{klass['code']}/{username}", {"picture": picture})
        self.token = ""
        return response


@pytest.fixture
def browser(app: Flask) -> Browser:
    return Browser(app.test_client())


def api_headers(caller: str = "grader") -> dict[str, str]:
    """The internal API's header for ``caller`` (the grader posts results)."""
    return {"Authorization": f"Bearer {TOKENS[caller]}"}


def pictures_of(store: Store, world: World, index: int) -> list[str]:
    return store.cards(int(world.klass["id"]))[str(world.pupils[index].id)]
