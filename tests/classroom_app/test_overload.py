"""Overloaded, the app answers « très occupé » at once instead of letting callers wait."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from flask import Flask

from classroom_app.server import serve
from tests.conftest import free_port

from .conftest import make_app

MAX_WAIT = 0.2


@pytest.fixture
def busy_server(tmp_path: Path) -> Iterator[tuple[str, threading.Event]]:
    """The real app on waitress with one thread, and a route that holds it until released."""
    app: Flask = make_app(tmp_path)
    release = threading.Event()

    def hold() -> str:
        release.wait(10)
        return "done"

    app.add_url_rule("/hold", "hold", hold)
    port = free_port()
    threading.Thread(
        target=serve, args=(app, "127.0.0.1", port, 1, False, MAX_WAIT), daemon=True
    ).start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(base + "/api/v1/health", timeout=1)
            break
        except requests.RequestException:
            time.sleep(0.05)
    yield base, release
    release.set()


def test_a_request_that_would_wait_is_answered_busy_at_once(
    busy_server: tuple[str, threading.Event],
) -> None:
    base, release = busy_server
    holder = threading.Thread(target=requests.get, args=(base + "/hold",), kwargs={"timeout": 15})
    holder.start()
    time.sleep(0.1)
    answers: dict[str, tuple[int, float, requests.Response]] = {}

    def ask(name: str, path: str) -> None:
        started = time.perf_counter()
        response = requests.get(base + path, timeout=15, headers={"Accept-Language": "fr"})
        answers[name] = (response.status_code, time.perf_counter() - started, response)

    first = threading.Thread(target=ask, args=("waiting", "/api/v1/health"))
    first.start()
    time.sleep(MAX_WAIT * 2)  # the waiting request is now older than MAX_WAIT
    ask("later", "/pupil/")
    status, seconds, response = answers["later"]
    assert status == 503 and seconds < 0.5  # at once, while the only thread is still busy
    assert "très occupé" in response.text and response.headers["Retry-After"] == "2"
    assert "no-store" in response.headers["Cache-Control"]
    api = requests.get(base + "/api/v1/health", timeout=15)
    assert api.status_code == 503 and api.json()["error"] == "busy"

    release.set()
    holder.join()
    first.join()
    assert answers["waiting"][0] == 503  # it waited past MAX_WAIT: busy, not run late
    # Once the thread is free, the app answers normally again.
    assert requests.get(base + "/api/v1/health", timeout=15).status_code == 200


def test_a_request_served_in_time_runs_in_full(busy_server: tuple[str, threading.Event]) -> None:
    base, _release = busy_server
    for _ in range(5):
        assert requests.get(base + "/api/v1/health", timeout=5).status_code == 200
