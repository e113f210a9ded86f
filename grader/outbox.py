"""Results on their way to the classroom app: a durable outbox in one SQLite file.

A result is written to the outbox before anyone tries to send it, and leaves the "pending"
state only when the classroom app has answered that it recorded it. The app may be down for
an hour: results wait and are sent later, in order. Each carries the idempotency key of its
submission and outcome, and the outbox keeps the first payload for a key, so a result sent
twice (a crash between the answer and the write, a regrade) is recorded once by the app.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'rejected')),
    created_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    delivered_at REAL,
    last_error TEXT
);
CREATE INDEX IF NOT EXISTS results_due ON results (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS seen (
    name TEXT PRIMARY KEY,
    seen_at REAL NOT NULL
);
"""
#: Longest wait between two attempts, in seconds.
MAX_BACKOFF = 300.0


@dataclass(frozen=True)
class Pending:
    key: str
    payload: dict[str, Any]
    attempts: int


class Outbox:
    """The SQLite outbox. Every method opens its own connection: safe across threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # a result acknowledged here survives a crash
            yield db
        finally:
            db.close()

    def put(self, payload: Mapping[str, Any], now: float | None = None) -> bool:
        """Queue a result; False when its key is already queued (the first payload is kept)."""
        now = time.time() if now is None else now
        with self._connect() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO results (key, payload, created_at, next_attempt_at) "
                "VALUES (?, ?, ?, ?)",
                (payload["idempotency_key"], json.dumps(dict(payload), sort_keys=True), now, now),
            )
            return cursor.rowcount == 1

    def due(self, now: float | None = None, limit: int = 50) -> list[Pending]:
        now = time.time() if now is None else now
        with self._connect() as db:
            rows = db.execute(
                "SELECT key, payload, attempts FROM results "
                "WHERE status = 'pending' AND next_attempt_at <= ? "
                "ORDER BY created_at LIMIT ?",
                (now, limit),
            ).fetchall()
        return [Pending(key, json.loads(payload), attempts) for key, payload, attempts in rows]

    def delivered(self, key: str, now: float | None = None) -> None:
        now = time.time() if now is None else now
        with self._connect() as db:
            db.execute(
                "UPDATE results SET status = 'delivered', delivered_at = ?, "
                "attempts = attempts + 1, last_error = NULL WHERE key = ?",
                (now, key),
            )

    def retry_later(self, key: str, error: str, now: float | None = None) -> float:
        """Count a failed attempt and wait longer each time (1 s, 2 s, 4 s … up to 5 min)."""
        now = time.time() if now is None else now
        with self._connect() as db:
            (attempts,) = db.execute(
                "SELECT attempts FROM results WHERE key = ?", (key,)
            ).fetchone()
            delay = min(MAX_BACKOFF, 2.0**attempts)
            db.execute(
                "UPDATE results SET attempts = attempts + 1, next_attempt_at = ?, "
                "last_error = ? WHERE key = ?",
                (now + delay, error[:500], key),
            )
        return delay

    def rejected(self, key: str, error: str) -> None:
        """The app refused it for good (unknown pupil, conflicting content): keep it, stop."""
        with self._connect() as db:
            db.execute(
                "UPDATE results SET status = 'rejected', attempts = attempts + 1, "
                "last_error = ? WHERE key = ?",
                (error[:500], key),
            )

    def counts(self) -> dict[str, int]:
        with self._connect() as db:
            rows = db.execute("SELECT status, COUNT(*) FROM results GROUP BY status").fetchall()
        return {"pending": 0, "delivered": 0, "rejected": 0, **dict(rows)}

    def entry(self, key: str) -> dict[str, Any] | None:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            row = db.execute("SELECT * FROM results WHERE key = ?", (key,)).fetchone()
        return dict(row) if row is not None else None

    # The watch service remembers which submissions it has handled, across restarts.
    def seen(self, name: str) -> bool:
        with self._connect() as db:
            return db.execute("SELECT 1 FROM seen WHERE name = ?", (name,)).fetchone() is not None

    def mark_seen(self, name: str) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT OR IGNORE INTO seen (name, seen_at) VALUES (?, ?)", (name, time.time())
            )


@dataclass(frozen=True)
class Delivery:
    outcome: str  # delivered | retry | rejected
    detail: str = ""


class ResultPoster:
    """Posts one result to ``POST /api/v1/results`` with the service token."""

    def __init__(self, base_url: str, token: str, timeout: float = 5.0) -> None:
        self.url = base_url.rstrip("/") + "/api/v1/results"
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def post(self, payload: Mapping[str, Any]) -> Delivery:
        try:
            response = self.session.post(
                self.url,
                json=dict(payload),
                headers={"Idempotency-Key": str(payload["idempotency_key"])},
                timeout=self.timeout,
            )
        except requests.RequestException as error:
            return Delivery("retry", f"{type(error).__name__}: {error}")
        if response.status_code in (200, 201):
            return Delivery("delivered", str(response.status_code))
        detail = f"{response.status_code} {response.text[:300]}"
        # 400 (bad payload), 404 (unknown pupil or lesson), 409 (same key, other content)
        # will not change by retrying; everything else (401 token, 5xx, 429) may.
        if response.status_code in (400, 404, 409, 422):
            return Delivery("rejected", detail)
        return Delivery("retry", detail)

    def close(self) -> None:
        self.session.close()


def deliver_due(outbox: Outbox, poster: ResultPoster, now: float | None = None) -> int:
    """Send every result that is due; returns how many the app recorded."""
    sent = 0
    for item in outbox.due(now):
        delivery = poster.post(item.payload)
        if delivery.outcome == "delivered":
            outbox.delivered(item.key)
            sent += 1
        elif delivery.outcome == "rejected":
            log.error("the classroom app refused result %s: %s", item.key, delivery.detail)
            outbox.rejected(item.key, delivery.detail)
        else:
            delay = outbox.retry_later(item.key, delivery.detail)
            log.warning(
                "result %s not delivered (%s); retry in %.0f s", item.key, delivery.detail, delay
            )
            break  # the app is unreachable: the others wait too, in order
    return sent
