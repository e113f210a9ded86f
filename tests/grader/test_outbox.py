"""The outbox: results survive the classroom app being down and are never recorded twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from grader.outbox import Outbox, ResultPoster, deliver_due
from tests.conftest import free_port
from tests.grader.standin import TOKEN, LiveApp, create_standin


def result(key: str, passed: bool = True) -> dict[str, Any]:
    return {
        "idempotency_key": key,
        "username": "k7mpqa-03",
        "lesson_id": "robot-1",
        "graded_at": "2026-11-22T10:00:00+00:00",
        "protections": ["bubblewrap"],
        "exercises": [{"exercise_id": "robot-1-a", "passed": passed, "points": 1, "max_points": 1}],
    }


@pytest.fixture
def app() -> Any:
    return create_standin()


@pytest.fixture
def server(app: Any) -> Iterator[LiveApp]:
    with LiveApp(app) as live:
        yield live


def test_results_wait_while_the_app_is_unreachable_then_arrive_once(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    assert outbox.put(result("a")) and outbox.put(result("b"))
    port = free_port()  # nothing listens here yet: the app is down
    poster = ResultPoster(f"http://127.0.0.1:{port}", TOKEN, timeout=1)
    assert deliver_due(outbox, poster) == 0
    assert outbox.counts()["pending"] == 2
    first = outbox.entry("a")
    assert first is not None and first["attempts"] == 1 and first["last_error"]
    # The grader restarts: a new Outbox on the same file still holds both results.
    outbox = Outbox(tmp_path / "outbox.db")
    app = create_standin()
    with LiveApp(app, port):
        # "a" waits for its backoff; "b" was never tried, so it goes now.
        assert deliver_due(outbox, poster) == 1
        assert deliver_due(outbox, poster, now=first["next_attempt_at"] + 60) == 1
    poster.close()
    assert outbox.counts() == {"pending": 0, "delivered": 2, "rejected": 0}
    assert sorted(app.config["recorded"]) == ["a", "b"]


def test_a_result_resent_after_a_crash_is_recorded_once(
    tmp_path: Path, app: Any, server: LiveApp
) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    outbox.put(result("k"))
    poster = ResultPoster(server.url, TOKEN)
    assert deliver_due(outbox, poster) == 1
    # A crash after the app answered but before the outbox wrote it down: sent again.
    import sqlite3

    with sqlite3.connect(tmp_path / "outbox.db") as db:
        db.execute("UPDATE results SET status = 'pending' WHERE key = 'k'")
    assert deliver_due(outbox, poster) == 1
    assert list(app.config["recorded"]) == ["k"]
    assert app.config["posts"] == 2


def test_the_same_key_is_queued_once_with_its_first_payload(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    assert outbox.put(result("k", passed=True))
    assert not outbox.put(result("k", passed=False))
    assert outbox.due()[0].payload["exercises"][0]["passed"] is True


def test_a_503_or_a_wrong_token_waits_and_a_conflict_stops(
    tmp_path: Path, app: Any, server: LiveApp
) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    outbox.put(result("x"))
    app.config["down"] = True
    assert deliver_due(outbox, ResultPoster(server.url, TOKEN)) == 0
    assert outbox.counts()["pending"] == 1
    app.config["down"] = False
    assert deliver_due(outbox, ResultPoster(server.url, "wrong"), now=10**10) == 0
    assert outbox.counts()["pending"] == 1
    # The app already holds other content under this key: retrying cannot help.
    app.config["recorded"]["x"] = {"other": True}
    assert deliver_due(outbox, ResultPoster(server.url, TOKEN), now=10**11) == 0
    assert outbox.counts() == {"pending": 0, "delivered": 0, "rejected": 1}
    entry = outbox.entry("x")
    assert entry is not None and entry["last_error"].startswith("409")
