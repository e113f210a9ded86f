"""Fixtures for the hub: a real classroom app served over HTTP, with a class and a teacher."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from classroom_app import classes
from classroom_app.app import create_app
from classroom_app.passwords import hash_password
from classroom_app.store import Store
from tests.conftest import LiveServer

FIXTURE_MANIFEST = Path(__file__).parent.parent / "fixtures" / "manifest.toml"
API_TOKEN = "hub-test-service-token"
PASSWORD = "correct horse battery"
TEACHER_EMAIL = "prof@ecole.fr"


@dataclass
class Classroom:
    url: str
    data_dir: Path
    klass: dict[str, Any]
    pupils: list[classes.NewPupil]
    usernames: list[str]
    teacher_id: int

    def pictures(self, index: int) -> list[str]:
        return list(self.pupils[index].pictures)

    @property
    def course(self) -> str:
        return f"robocole-{self.klass['code'].lower()}"


def make_classroom(data_dir: Path, manifest: Path = FIXTURE_MANIFEST) -> tuple[Any, Classroom]:
    """A classroom app with one class of three pupils (3 pictures each) and its teacher."""
    app = create_app(
        {
            "DATA_DIR": str(data_dir),
            "MANIFEST": str(manifest),
            "API_TOKEN": API_TOKEN,
            "SECRET_KEY": "hub-test-secret",
        }
    )
    store = Store.open(app.config["DATABASE"])
    try:
        school = store.create_school("École Jules Verne")
        teacher = store.create_teacher(school, TEACHER_EMAIL, "Mme Prof", hash_password(PASSWORD))
        class_id = classes.create_class(store, school, teacher, "CM1 robots", picture_count=3)
        klass = store.class_by_id(class_id)
        assert klass is not None
        pupils = classes.add_pupils(store, klass, "Lina Bernard\nNoah\nLéa Petit", teacher)
        usernames = [str((store.pupil(p.id) or {})["username"]) for p in pupils]
    finally:
        store.close()
    return app, Classroom("", data_dir, klass, pupils, usernames, teacher)


@pytest.fixture
def classroom(tmp_path: Path) -> Iterator[Classroom]:
    app, room = make_classroom(tmp_path / "classroom")
    with LiveServer(app) as server:
        room.url = server.url
        yield room
