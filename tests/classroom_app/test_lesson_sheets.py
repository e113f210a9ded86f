"""The teacher reads and prints each lesson's animator's sheet, from the lessons page."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from classroom_app import classes
from classroom_app.passwords import hash_password
from classroom_app.store import Store
from curriculum.manifest import load_manifest
from tests.classroom_app.conftest import PASSWORD, Browser, make_app

SHIPPED = Path(load_manifest().root or ".") / "manifest.toml"


@pytest.fixture
def shipped(tmp_path: Path) -> tuple[Flask, int]:
    app = make_app(tmp_path, MANIFEST=str(SHIPPED))
    store = Store.open(app.config["DATABASE"])
    try:
        school = store.create_school("École Jules Verne")
        teacher = store.create_teacher(school, "a@ecole.fr", "Mme A", hash_password(PASSWORD))
        class_id = classes.create_class(store, school, teacher, "CM1 robots", picture_count=3)
    finally:
        store.close()
    return app, class_id


def test_the_lessons_page_links_each_lesson_to_its_printable_sheet(
    shipped: tuple[Flask, int],
) -> None:
    app, class_id = shipped
    browser = Browser(app.test_client())
    browser.login_teacher()
    lessons = browser.get(f"/teacher/classes/{class_id}/lessons").text
    assert lessons.count("/sheet") == len(list(load_manifest(SHIPPED).lessons()))
    page = browser.get("/teacher/lessons/robot-5/sheet")
    assert page.status_code == 200
    text = page.text
    for heading in (
        "Objectifs",
        "Durée",
        "Prérequis",
        "Échauffement débranché",
        "Points de vigilance",
        "Aider un enfant bloqué",
        "Pour aller plus loin",
    ):
        assert f">{heading}</h2>" in text
    assert "Le Maqueen a deux capteurs" in text
    # The programme's own words, from the manifest's competencies.
    assert "Cycle 4" in text
    assert "<script" not in text


def test_the_sheet_is_for_teachers_only(shipped: tuple[Flask, int]) -> None:
    app, _class_id = shipped
    anonymous = app.test_client().get("/teacher/lessons/robot-5/sheet")
    assert anonymous.status_code == 302
    browser = Browser(app.test_client())
    browser.login_teacher()
    assert browser.get("/teacher/lessons/nope/sheet").status_code == 404
