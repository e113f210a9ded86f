"""A locked database slows a request down or answers "busy, try again": never a 500."""

from __future__ import annotations

import sqlite3

import pytest
from flask import Flask

from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.store import Store

from .conftest import Browser, World, api_headers


@pytest.fixture
def locked(app: Flask, monkeypatch: pytest.MonkeyPatch) -> sqlite3.Connection:
    monkeypatch.setattr("classroom_app.store.BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr("classroom_app.store.LOCK_RETRIES", 1)
    holder = sqlite3.connect(app.config["DATABASE"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_api_answers_503_with_a_sentence_and_writes_nothing(
    app: Flask, world: World, store: Store, locked: sqlite3.Connection
) -> None:
    body = {
        "idempotency_key": "busy-1",
        "username": f"{world.klass['code'].lower()}-01",
        "lesson_id": "sequences-1",
        "protections": list(MINIMUM_PROTECTIONS),
        "exercises": [{"exercise_id": "sequences-1-a", "passed": True}],
    }
    response = app.test_client().post("/api/v1/results", json=body, headers=api_headers())
    assert response.status_code == 503
    assert response.json["error"] == "busy" and "occupé" in response.json["message"]
    locked.execute("ROLLBACK")
    assert store.pupil_xp(world.pupils[0].id) == 0
    retry = app.test_client().post("/api/v1/results", json=body, headers=api_headers())
    assert retry.status_code == 201  # the grader's retry goes through once the lock is gone


def test_pages_show_a_kind_busy_page(
    app: Flask, browser: Browser, world: World, locked: sqlite3.Connection
) -> None:
    browser.login_teacher()  # reads only: works while another writer holds the lock
    response = browser.post(f"/teacher/classes/{world.klass['id']}/unlock")
    assert response.status_code == 503
    assert "très occupé" in response.text
    locked.execute("ROLLBACK")
