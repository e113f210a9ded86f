"""Every SQL statement of the classroom app, behind one ``Store`` object per connection.

Why one module: the schema, its migrations and its queries change together, and a reviewer
finds all the data rules in one place. Pages and the API call methods; they never write SQL.

Rules the schema enforces itself:
- the XP ledger (``xp_events``) and the badge history (``award_events``) are append-only:
  a trigger refuses every UPDATE, and levels, totals and badge states are derived from them;
- an idempotency key is UNIQUE, so the same event recorded twice is one row;
- writes run in ``BEGIN IMMEDIATE`` transactions, retried while another writer holds the
  lock, so a busy database slows a request down instead of failing it or half-writing it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import time
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from curriculum.manifest import Manifest
from robocole.errors import RobocoleError

#: Seconds SQLite itself waits for a lock before it reports "database is locked".
BUSY_TIMEOUT_MS = 5000
#: Extra attempts at a whole write transaction after SQLite gave up waiting.
LOCK_RETRIES = 4


class DatabaseBusy(RobocoleError):
    """The database is very busy right now. Please try again in a moment."""


def now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# Each migration is applied once, in order, and recorded in PRAGMA user_version.
# Never edit a migration that has shipped: add a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE schools (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE teachers (
        id INTEGER PRIMARY KEY,
        school_id INTEGER NOT NULL REFERENCES schools(id),
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE classes (
        id INTEGER PRIMARY KEY,
        school_id INTEGER NOT NULL REFERENCES schools(id),
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        goal_xp INTEGER NOT NULL,
        picture_count INTEGER NOT NULL,
        login_paused INTEGER NOT NULL DEFAULT 0,
        next_number INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );
    CREATE TABLE class_teachers (
        class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        teacher_id INTEGER NOT NULL REFERENCES teachers(id),
        PRIMARY KEY (class_id, teacher_id)
    );
    CREATE TABLE pupils (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        username TEXT NOT NULL UNIQUE,
        pseudonym TEXT NOT NULL,
        avatar TEXT NOT NULL,
        picture_hash TEXT NOT NULL,
        failed_logins INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (class_id, pseudonym)
    );
    -- Picture sequences in clear, kept only until the teacher has printed the cards.
    CREATE TABLE card_batches (
        id INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        cards TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE TABLE login_failures (
        id INTEGER PRIMARY KEY,
        class_id INTEGER REFERENCES classes(id) ON DELETE CASCADE,
        pupil_id INTEGER REFERENCES pupils(id) ON DELETE CASCADE,
        at TEXT NOT NULL
    );
    CREATE INDEX login_failures_class_at ON login_failures (class_id, at);
    CREATE TABLE units (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        title_fr TEXT NOT NULL,
        title_en TEXT NOT NULL
    );
    CREATE TABLE lessons (
        id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        title_fr TEXT NOT NULL,
        title_en TEXT NOT NULL
    );
    CREATE TABLE exercises (
        id TEXT PRIMARY KEY,
        lesson_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        xp INTEGER NOT NULL,
        difficulty INTEGER NOT NULL
    );
    CREATE TABLE badge_definitions (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name_fr TEXT NOT NULL,
        name_en TEXT NOT NULL,
        rule TEXT NOT NULL
    );
    CREATE TABLE results (
        idempotency_key TEXT PRIMARY KEY,
        pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
        lesson_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        protections TEXT NOT NULL,
        graded_at TEXT NOT NULL,
        received_at TEXT NOT NULL
    );
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        result_key TEXT NOT NULL REFERENCES results(idempotency_key) ON DELETE CASCADE,
        pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
        exercise_id TEXT NOT NULL,
        passed INTEGER NOT NULL,
        points REAL,
        max_points REAL,
        at TEXT NOT NULL,
        UNIQUE (result_key, exercise_id)
    );
    CREATE INDEX attempts_pupil ON attempts (pupil_id, exercise_id, at);
    CREATE TABLE xp_events (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        ref TEXT NOT NULL,
        xp INTEGER NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX xp_events_pupil ON xp_events (pupil_id);
    CREATE TRIGGER xp_events_append_only BEFORE UPDATE ON xp_events
    BEGIN SELECT RAISE(ABORT, 'xp_events is append-only'); END;
    CREATE TABLE award_events (
        id INTEGER PRIMARY KEY,
        pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
        badge_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('proposed', 'confirmed', 'rejected', 'revoked')),
        source TEXT NOT NULL CHECK (source IN ('rule', 'teacher')),
        teacher_id INTEGER REFERENCES teachers(id),
        at TEXT NOT NULL
    );
    CREATE INDEX award_events_pupil ON award_events (pupil_id, badge_id, id);
    CREATE TRIGGER award_events_append_only BEFORE UPDATE ON award_events
    BEGIN SELECT RAISE(ABORT, 'award_events is append-only'); END;
    CREATE VIEW badge_awards AS
        SELECT e.* FROM award_events e
        WHERE e.id = (SELECT max(id) FROM award_events
                      WHERE pupil_id = e.pupil_id AND badge_id = e.badge_id);
    CREATE TABLE celebrations (
        pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
        badge_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (pupil_id, badge_id)
    );
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        teacher_id INTEGER,
        action TEXT NOT NULL,
        class_id INTEGER,
        details TEXT NOT NULL DEFAULT '{}'
    );
    """,
    # 2: Open Badges assertions, a per-pupil badge identity, anonymous statistics.
    # Assertions have no foreign key that deletes them: a child keeps the badge after the
    # pupil row is erased, so the hosted assertion (no name, a salted hash) must stay.
    """
    ALTER TABLE pupils ADD COLUMN badge_identity TEXT;
    CREATE TABLE ob_assertions (
        uid TEXT PRIMARY KEY,
        award_event_id INTEGER UNIQUE REFERENCES award_events(id) ON DELETE SET NULL,
        pupil_id INTEGER REFERENCES pupils(id) ON DELETE SET NULL,
        badge_id TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        recipient_salt TEXT NOT NULL,
        recipient_hash TEXT NOT NULL,
        revoked_at TEXT
    );
    CREATE INDEX ob_assertions_pupil ON ob_assertions (pupil_id, badge_id);
    CREATE TABLE class_statistics (
        id INTEGER PRIMARY KEY,
        school_id INTEGER,
        class_name TEXT NOT NULL,
        class_created_at TEXT NOT NULL,
        purged_at TEXT NOT NULL,
        pupils INTEGER NOT NULL,
        xp_total INTEGER NOT NULL,
        details TEXT NOT NULL
    );
    ALTER TABLE classes ADD COLUMN purged_at TEXT;
    """,
    # 3: lessons a teacher assigned to a class, and their release through nbgrader.
    """
    CREATE TABLE class_assignments (
        class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        lesson_id TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'releasing',
        error TEXT,
        PRIMARY KEY (class_id, lesson_id)
    );
    """,
    # 4: pupils' robot programs, saved from a notebook, fetched by the flashing station.
    """
    CREATE TABLE pupil_programs (
        id INTEGER PRIMARY KEY,
        pupil_id INTEGER NOT NULL REFERENCES pupils(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        source TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        UNIQUE (pupil_id, name, version)
    );
    CREATE INDEX pupil_programs_by_name ON pupil_programs (pupil_id, name, id);
    """,
    # 5: the day an assigned lesson is due (the teacher's date, YYYY-MM-DD; NULL: none).
    """
    ALTER TABLE class_assignments ADD COLUMN due_on TEXT;
    """,
    # 6: one service token per caller of the internal API, kept as a SHA-256 (tokens.py).
    """
    CREATE TABLE service_tokens (
        caller TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    """,
    # 7: how the class's pupils start block lessons (classes.BLOCKS_MODES): blocks for the
    # cycle 3 lessons (8-11 year olds), for every lesson that has blocks, or text everywhere.
    """
    ALTER TABLE classes ADD COLUMN blocks_mode TEXT NOT NULL DEFAULT 'cycle3';
    """,
    # 8: how the grader could grade a result (graded, damaged, unreadable, failed) and what
    # the teacher should know (flags: tampered tests, damaged parts of the notebook).
    """
    ALTER TABLE results ADD COLUMN status TEXT NOT NULL DEFAULT 'graded';
    ALTER TABLE results ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
    """,
)


@dataclass(frozen=True)
class AwardState:
    badge_id: str
    state: str
    source: str
    at: str


def connect(path: Path | str) -> sqlite3.Connection:
    """Open the database the way every part of the app must: WAL, foreign keys, busy wait."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: no corruption on power loss
    return conn


class Store:
    """The classroom database. One per request; cheap to create."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.db = Database(conn, execute_plugins=False)

    @classmethod
    def open(cls, path: Path | str) -> Store:
        return cls(connect(path))

    def close(self) -> None:
        self.conn.close()

    # -- schema -------------------------------------------------------------------------

    def migrate(self) -> int:
        """Bring the schema up to date; returns the schema version."""
        self.conn.execute("PRAGMA journal_mode = WAL")
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                for statement in _statements(script):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")
        if version < 2:
            self.issue_missing_assertions()
        return len(MIGRATIONS)

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """A write transaction taken at once (BEGIN IMMEDIATE), retried while locked.

        Taking the write lock at the start avoids SQLite's deadlock error when two readers
        both try to upgrade to writers; the retry covers a writer that holds the lock longer
        than the busy timeout. Nested use joins the outer transaction.
        """
        if self.conn.in_transaction:
            yield self
            return
        for attempt in range(LOCK_RETRIES + 1):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                if attempt == LOCK_RETRIES:
                    raise DatabaseBusy() from error
                time.sleep(0.05 * (attempt + 1))
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dict[str, Any] | None:
        row = self.conn.execute(sql, params).fetchone()
        return dict(row) if row is not None else None

    def _all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        return [dict(row) for row in self.conn.execute(sql, params).fetchall()]

    def ping(self) -> bool:
        return self.conn.execute("SELECT 1").fetchone()[0] == 1

    # -- schools and teachers -----------------------------------------------------------

    def create_school(self, name: str) -> int:
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO schools (name, created_at) VALUES (?, ?)", (name, iso(now()))
            )
        return int(cursor.lastrowid or 0)

    def first_school(self) -> dict[str, Any] | None:
        return self._one("SELECT * FROM schools ORDER BY id LIMIT 1")

    def create_teacher(self, school_id: int, email: str, name: str, password_hash: str) -> int:
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO teachers (school_id, email, display_name, password_hash, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (school_id, email.strip(), name, password_hash, iso(now())),
            )
        return int(cursor.lastrowid or 0)

    def teacher(self, teacher_id: int) -> dict[str, Any] | None:
        return self._one("SELECT * FROM teachers WHERE id = ?", (teacher_id,))

    def teacher_by_email(self, email: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM teachers WHERE email = ?", (email.strip(),))

    def set_teacher_password(self, teacher_id: int, password_hash: str) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE teachers SET password_hash = ? WHERE id = ?", (password_hash, teacher_id)
            )

    def record_teacher_failure(self, teacher_id: int, limit: int, lock_for: timedelta) -> int:
        """Count a wrong password; lock the account for ``lock_for`` at ``limit`` failures."""
        with self.transaction():
            self.conn.execute(
                "UPDATE teachers SET failed_logins = failed_logins + 1 WHERE id = ?",
                (teacher_id,),
            )
            row = self._one("SELECT failed_logins FROM teachers WHERE id = ?", (teacher_id,))
            failures = int(row["failed_logins"]) if row else 0
            if failures >= limit:
                self.conn.execute(
                    "UPDATE teachers SET locked_until = ?, failed_logins = 0 WHERE id = ?",
                    (iso(now() + lock_for), teacher_id),
                )
        return failures

    def clear_teacher_failures(self, teacher_id: int) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE teachers SET failed_logins = 0, locked_until = NULL WHERE id = ?",
                (teacher_id,),
            )

    # -- classes ------------------------------------------------------------------------

    def create_class(
        self,
        school_id: int,
        teacher_id: int,
        name: str,
        code: str,
        goal_xp: int,
        picture_count: int,
    ) -> int:
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO classes (school_id, code, name, goal_xp, picture_count, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (school_id, code, name, goal_xp, picture_count, iso(now())),
            )
            class_id = int(cursor.lastrowid or 0)
            self.conn.execute(
                "INSERT INTO class_teachers (class_id, teacher_id) VALUES (?, ?)",
                (class_id, teacher_id),
            )
        return class_id

    def class_code_taken(self, code: str) -> bool:
        return self._one("SELECT 1 FROM classes WHERE code = ?", (code,)) is not None

    def classes_of_teacher(self, teacher_id: int) -> list[dict[str, Any]]:
        return self._all(
            "SELECT c.*, (SELECT count(*) FROM pupils p WHERE p.class_id = c.id) AS pupil_count"
            " FROM classes c JOIN class_teachers t ON t.class_id = c.id"
            " WHERE t.teacher_id = ? ORDER BY c.name COLLATE NOCASE",
            (teacher_id,),
        )

    def class_teacher_ids(self, class_id: int) -> list[int]:
        return [
            int(r["teacher_id"])
            for r in self._all(
                "SELECT teacher_id FROM class_teachers WHERE class_id = ?", (class_id,)
            )
        ]

    def class_by_id(self, class_id: int) -> dict[str, Any] | None:
        return self._one("SELECT * FROM classes WHERE id = ?", (class_id,))

    def class_by_code(self, code: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM classes WHERE code = ?", (code.strip().upper(),))

    def teaches(self, teacher_id: int, class_id: int) -> bool:
        return (
            self._one(
                "SELECT 1 FROM class_teachers WHERE teacher_id = ? AND class_id = ?",
                (teacher_id, class_id),
            )
            is not None
        )

    def set_class_goal(self, class_id: int, goal_xp: int) -> None:
        with self.transaction():
            self.conn.execute("UPDATE classes SET goal_xp = ? WHERE id = ?", (goal_xp, class_id))

    def set_blocks_mode(self, class_id: int, mode: str) -> None:
        with self.transaction():
            self.conn.execute("UPDATE classes SET blocks_mode = ? WHERE id = ?", (mode, class_id))

    def set_login_paused(self, class_id: int, paused: bool) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE classes SET login_paused = ? WHERE id = ?", (int(paused), class_id)
            )

    # -- pupils -------------------------------------------------------------------------

    def add_pupils(self, class_id: int, pupils: Sequence[tuple[str, str, str]]) -> list[int]:
        """Add (pseudonym, avatar, picture_hash) rows; all of them or none."""
        ids: list[int] = []
        with self.transaction():
            row = self._one("SELECT code, next_number FROM classes WHERE id = ?", (class_id,))
            if row is None:
                raise KeyError(class_id)
            number = int(row["next_number"])
            for pseudonym, avatar, picture_hash in pupils:
                username = f"{row['code'].lower()}-{number:02d}"
                cursor = self.conn.execute(
                    "INSERT INTO pupils (class_id, username, pseudonym, avatar, picture_hash,"
                    " created_at, badge_identity) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        class_id,
                        username,
                        pseudonym,
                        avatar,
                        picture_hash,
                        iso(now()),
                        new_badge_identity(),
                    ),
                )
                ids.append(int(cursor.lastrowid or 0))
                number += 1
            self.conn.execute("UPDATE classes SET next_number = ? WHERE id = ?", (number, class_id))
        return ids

    def pupils_of_class(self, class_id: int) -> list[dict[str, Any]]:
        """The class's pupils in the order a French class list uses (Léa before Lina)."""
        rows = self._all("SELECT * FROM pupils WHERE class_id = ?", (class_id,))
        return sorted(rows, key=lambda row: alphabetical_key(row["pseudonym"]))

    def pseudonyms_of_class(self, class_id: int) -> list[str]:
        return [p["pseudonym"] for p in self.pupils_of_class(class_id)]

    def pupil(self, pupil_id: int) -> dict[str, Any] | None:
        return self._one("SELECT * FROM pupils WHERE id = ?", (pupil_id,))

    def pupil_by_username(self, username: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM pupils WHERE username = ?", (username.strip().lower(),))

    def set_pupil_pictures(self, pupil_id: int, picture_hash: str) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE pupils SET picture_hash = ?, failed_logins = 0, locked = 0 WHERE id = ?",
                (picture_hash, pupil_id),
            )

    def record_pupil_failure(self, pupil: dict[str, Any], lock_after: int) -> int:
        """Count a wrong picture sequence; lock the pupil at ``lock_after`` in a row."""
        with self.transaction():
            self.conn.execute(
                "UPDATE pupils SET failed_logins = failed_logins + 1,"
                " locked = CASE WHEN failed_logins + 1 >= ? THEN 1 ELSE locked END"
                " WHERE id = ?",
                (lock_after, pupil["id"]),
            )
            self.conn.execute(
                "INSERT INTO login_failures (class_id, pupil_id, at) VALUES (?, ?, ?)",
                (pupil["class_id"], pupil["id"], iso(now())),
            )
            row = self._one("SELECT failed_logins FROM pupils WHERE id = ?", (pupil["id"],))
        return int(row["failed_logins"]) if row else 0

    def clear_pupil_failures(self, pupil_id: int) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE pupils SET failed_logins = 0, locked = 0 WHERE id = ?", (pupil_id,)
            )

    def class_failures_since(self, class_id: int, since: datetime) -> int:
        row = self._one(
            "SELECT count(*) AS n FROM login_failures WHERE class_id = ? AND at >= ?",
            (class_id, iso(since)),
        )
        return int(row["n"]) if row else 0

    def unlock_pupil(self, pupil_id: int) -> None:
        """Open one pupil's login again; their wrong tries no longer count toward a class pause."""
        with self.transaction():
            self.conn.execute(
                "UPDATE pupils SET locked = 0, failed_logins = 0 WHERE id = ?", (pupil_id,)
            )
            self.conn.execute("DELETE FROM login_failures WHERE pupil_id = ?", (pupil_id,))

    def unlock_class(self, class_id: int) -> None:
        """Lift the class pause and every pupil's lock (the teacher is in the room)."""
        with self.transaction():
            self.conn.execute("UPDATE classes SET login_paused = 0 WHERE id = ?", (class_id,))
            self.conn.execute(
                "UPDATE pupils SET locked = 0, failed_logins = 0 WHERE class_id = ?", (class_id,)
            )
            self.conn.execute("DELETE FROM login_failures WHERE class_id = ?", (class_id,))

    # -- service tokens -----------------------------------------------------------------

    def set_service_token(self, caller: str, token_hash: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO service_tokens (caller, token_hash, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (caller) DO UPDATE SET token_hash = excluded.token_hash,"
                " created_at = excluded.created_at",
                (caller, token_hash, iso(now())),
            )

    def service_token_caller(self, token_hash: str) -> str | None:
        row = self._one("SELECT caller FROM service_tokens WHERE token_hash = ?", (token_hash,))
        return str(row["caller"]) if row else None

    def service_tokens(self) -> dict[str, str]:
        """Each caller that has a token, with the time it was made."""
        rows = self._all("SELECT caller, created_at FROM service_tokens ORDER BY caller")
        return {str(row["caller"]): str(row["created_at"]) for row in rows}

    def revoke_service_token(self, caller: str) -> bool:
        with self.transaction():
            gone = self.conn.execute("DELETE FROM service_tokens WHERE caller = ?", (caller,))
        return gone.rowcount > 0

    # -- login cards --------------------------------------------------------------------

    def save_cards(self, class_id: int, cards: dict[str, list[str]], keep_for: timedelta) -> None:
        """Keep new picture sequences in clear until printed (merged with unprinted ones)."""
        with self.transaction():
            existing = self.cards(class_id)
            existing.update(cards)
            self.conn.execute("DELETE FROM card_batches WHERE class_id = ?", (class_id,))
            self.conn.execute(
                "INSERT INTO card_batches (class_id, cards, created_at, expires_at)"
                " VALUES (?, ?, ?, ?)",
                (class_id, json.dumps(existing), iso(now()), iso(now() + keep_for)),
            )

    def cards(self, class_id: int) -> dict[str, list[str]]:
        row = self._one(
            "SELECT cards FROM card_batches WHERE class_id = ? AND expires_at > ?"
            " ORDER BY id DESC LIMIT 1",
            (class_id, iso(now())),
        )
        return dict(json.loads(row["cards"])) if row else {}

    def forget_cards(self, class_id: int) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM card_batches WHERE class_id = ?", (class_id,))

    def forget_expired_cards(self) -> int:
        with self.transaction():
            cursor = self.conn.execute(
                "DELETE FROM card_batches WHERE expires_at <= ?", (iso(now()),)
            )
        return cursor.rowcount

    # -- curriculum ---------------------------------------------------------------------

    def sync_manifest(self, manifest: Manifest) -> None:
        """Copy the curriculum's units, lessons, exercises and badges into the database."""
        with self.transaction():
            for table in ("units", "lessons", "exercises", "badge_definitions"):
                self.conn.execute(f"DELETE FROM {table}")
            for u_pos, unit in enumerate(manifest.units):
                self.conn.execute(
                    "INSERT INTO units VALUES (?, ?, ?, ?)",
                    (unit.id, u_pos, unit.title.get("fr"), unit.title.get("en")),
                )
                for l_pos, lesson in enumerate(unit.lessons):
                    self.conn.execute(
                        "INSERT INTO lessons VALUES (?, ?, ?, ?, ?)",
                        (
                            lesson.id,
                            unit.id,
                            l_pos,
                            lesson.title.get("fr"),
                            lesson.title.get("en"),
                        ),
                    )
                    for e_pos, exercise in enumerate(lesson.exercises):
                        self.conn.execute(
                            "INSERT INTO exercises VALUES (?, ?, ?, ?, ?)",
                            (exercise.id, lesson.id, e_pos, exercise.xp, exercise.difficulty),
                        )
            for badge in manifest.badges:
                self.conn.execute(
                    "INSERT INTO badge_definitions VALUES (?, ?, ?, ?, ?)",
                    (
                        badge.id,
                        badge.kind,
                        badge.name.get("fr"),
                        badge.name.get("en"),
                        json.dumps(badge.rule.__dict__, default=list),
                    ),
                )

    def exercise(self, exercise_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM exercises WHERE id = ?", (exercise_id,))

    def lesson_exists(self, lesson_id: str) -> bool:
        return self._one("SELECT 1 FROM lessons WHERE id = ?", (lesson_id,)) is not None

    # -- results and the XP ledger ------------------------------------------------------

    def result(self, key: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM results WHERE idempotency_key = ?", (key,))

    def insert_result(
        self,
        key: str,
        pupil_id: int,
        lesson_id: str,
        content_hash: str,
        protections: Sequence[str],
        graded_at: str,
        status: str = "graded",
        flags: Sequence[str] = (),
    ) -> None:
        self.conn.execute(
            "INSERT INTO results (idempotency_key, pupil_id, lesson_id, content_hash,"
            " protections, graded_at, received_at, status, flags)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                pupil_id,
                lesson_id,
                content_hash,
                json.dumps(list(protections)),
                graded_at,
                iso(now()),
                status,
                json.dumps(list(flags)),
            ),
        )

    def results_of_pupil(self, pupil_id: int, limit: int = 50) -> list[dict[str, Any]]:
        """The pupil's last results, newest first, with their protections and flags decoded."""
        rows = self._all(
            "SELECT lesson_id, graded_at, protections, status, flags FROM results"
            " WHERE pupil_id = ? ORDER BY received_at DESC, rowid DESC LIMIT ?",
            (pupil_id, limit),
        )
        for row in rows:
            row["protections"] = json.loads(row["protections"])
            row["flags"] = json.loads(row["flags"])
        return rows

    def insert_attempt(
        self,
        result_key: str,
        pupil_id: int,
        exercise_id: str,
        passed: bool,
        points: float | None,
        max_points: float | None,
        at: str,
    ) -> None:
        self.conn.execute(
            "INSERT INTO attempts (result_key, pupil_id, exercise_id, passed, points,"
            " max_points, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (result_key, pupil_id, exercise_id, int(passed), points, max_points, at),
        )

    def add_xp_event(self, key: str, pupil_id: int, kind: str, ref: str, xp: int) -> bool:
        """Append an XP event; False when the same idempotency key is already there."""
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO xp_events (idempotency_key, pupil_id, kind, ref, xp, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (key, pupil_id, kind, ref, xp, iso(now())),
        )
        return cursor.rowcount == 1

    def pupil_xp(self, pupil_id: int) -> int:
        row = self._one(
            "SELECT coalesce(sum(xp), 0) AS xp FROM xp_events WHERE pupil_id = ?", (pupil_id,)
        )
        return int(row["xp"]) if row else 0

    def class_xp(self, class_id: int) -> int:
        row = self._one(
            "SELECT coalesce(sum(x.xp), 0) AS xp FROM xp_events x"
            " JOIN pupils p ON p.id = x.pupil_id WHERE p.class_id = ?",
            (class_id,),
        )
        return int(row["xp"]) if row else 0

    def xp_by_pupil(self, class_id: int) -> dict[int, int]:
        return {
            int(r["pupil_id"]): int(r["xp"])
            for r in self._all(
                "SELECT x.pupil_id, sum(x.xp) AS xp FROM xp_events x"
                " JOIN pupils p ON p.id = x.pupil_id WHERE p.class_id = ? GROUP BY x.pupil_id",
                (class_id,),
            )
        }

    def xp_events(self, pupil_id: int) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM xp_events WHERE pupil_id = ? ORDER BY id", (pupil_id,))

    def passed_exercises(self, pupil_id: int) -> set[str]:
        return {
            r["exercise_id"]
            for r in self._all(
                "SELECT DISTINCT exercise_id FROM attempts WHERE pupil_id = ? AND passed = 1",
                (pupil_id,),
            )
        }

    def attempted_exercises(self, pupil_id: int) -> set[str]:
        """Exercises the pupil handed in at least once, passed or not."""
        return {
            r["exercise_id"]
            for r in self._all(
                "SELECT DISTINCT exercise_id FROM attempts WHERE pupil_id = ?", (pupil_id,)
            )
        }

    def latest_result(self, pupil_id: int, lesson_id: str) -> dict[str, Any] | None:
        """The last graded submission of a lesson that reached the classroom app."""
        return self._one(
            "SELECT * FROM results WHERE pupil_id = ? AND lesson_id = ?"
            " ORDER BY received_at DESC, rowid DESC LIMIT 1",
            (pupil_id, lesson_id),
        )

    def attempts_of_result(self, result_key: str) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM attempts WHERE result_key = ? ORDER BY id", (result_key,))

    def xp_events_since(self, pupil_id: int, at: str) -> list[dict[str, Any]]:
        return self._all(
            "SELECT * FROM xp_events WHERE pupil_id = ? AND at >= ? ORDER BY id", (pupil_id, at)
        )

    def passed_by_pupil(self, class_id: int) -> dict[int, set[str]]:
        passed: dict[int, set[str]] = {}
        for row in self._all(
            "SELECT DISTINCT a.pupil_id, a.exercise_id FROM attempts a"
            " JOIN pupils p ON p.id = a.pupil_id WHERE p.class_id = ? AND a.passed = 1",
            (class_id,),
        ):
            passed.setdefault(int(row["pupil_id"]), set()).add(row["exercise_id"])
        return passed

    def attempts_of_class(
        self, class_id: int, since: datetime | None = None
    ) -> list[dict[str, Any]]:
        return self._all(
            "SELECT a.* FROM attempts a JOIN pupils p ON p.id = a.pupil_id"
            " WHERE p.class_id = ? AND a.at >= ? ORDER BY a.at, a.id",
            (class_id, iso(since) if since else ""),
        )

    def attempts_of_pupil(self, pupil_id: int) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM attempts WHERE pupil_id = ? ORDER BY at, id", (pupil_id,))

    # -- badges -------------------------------------------------------------------------

    def add_award_event(
        self, pupil_id: int, badge_id: str, state: str, source: str, teacher_id: int | None
    ) -> None:
        """Append to the badge history; a confirmation issues an Open Badges assertion and a
        withdrawal revokes it, in the same transaction."""
        with self.transaction():
            at = iso(now())
            cursor = self.conn.execute(
                "INSERT INTO award_events (pupil_id, badge_id, state, source, teacher_id, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (pupil_id, badge_id, state, source, teacher_id, at),
            )
            if state == "confirmed":
                self._issue_assertion(int(cursor.lastrowid or 0), pupil_id, badge_id, at)
            elif state == "revoked":
                self.conn.execute(
                    "UPDATE ob_assertions SET revoked_at = ?"
                    " WHERE pupil_id = ? AND badge_id = ? AND revoked_at IS NULL",
                    (at, pupil_id, badge_id),
                )

    def award_states(self, pupil_id: int) -> dict[str, AwardState]:
        return {
            r["badge_id"]: AwardState(r["badge_id"], r["state"], r["source"], r["at"])
            for r in self._all("SELECT * FROM badge_awards WHERE pupil_id = ?", (pupil_id,))
        }

    def awards_of_class(self, class_id: int, state: str | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT a.*, p.pseudonym, p.username FROM badge_awards a"
            " JOIN pupils p ON p.id = a.pupil_id WHERE p.class_id = ?"
        )
        params: list[Any] = [class_id]
        if state:
            sql += " AND a.state = ?"
            params.append(state)
        return self._all(sql + " ORDER BY a.at, a.id", params)

    def award_history(self, pupil_id: int) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM award_events WHERE pupil_id = ? ORDER BY id", (pupil_id,))

    def uncelebrated_badges(self, pupil_id: int) -> list[str]:
        return [
            r["badge_id"]
            for r in self._all(
                "SELECT a.badge_id FROM badge_awards a WHERE a.pupil_id = ?"
                " AND a.state = 'confirmed' AND NOT EXISTS (SELECT 1 FROM celebrations c"
                " WHERE c.pupil_id = a.pupil_id AND c.badge_id = a.badge_id) ORDER BY a.id",
                (pupil_id,),
            )
        ]

    def mark_celebrated(self, pupil_id: int, badge_ids: Sequence[str]) -> None:
        with self.transaction():
            for badge_id in badge_ids:
                self.conn.execute(
                    "INSERT OR IGNORE INTO celebrations VALUES (?, ?, ?)",
                    (pupil_id, badge_id, iso(now())),
                )

    # -- Open Badges assertions ----------------------------------------------------------

    def badge_identity(self, pupil_id: int) -> str:
        """The pupil's badge identity (a random ``urn:uuid``), made the first time."""
        row = self._one("SELECT badge_identity FROM pupils WHERE id = ?", (pupil_id,))
        if row is None:
            raise KeyError(pupil_id)
        if row["badge_identity"]:
            return str(row["badge_identity"])
        identity = new_badge_identity()
        with self.transaction():
            self.conn.execute(
                "UPDATE pupils SET badge_identity = ? WHERE id = ? AND badge_identity IS NULL",
                (identity, pupil_id),
            )
        return self.badge_identity(pupil_id)

    def _issue_assertion(self, event_id: int, pupil_id: int, badge_id: str, at: str) -> str:
        uid = secrets.token_hex(16)
        salt = secrets.token_hex(16)
        self.conn.execute(
            "INSERT INTO ob_assertions (uid, award_event_id, pupil_id, badge_id, issued_on,"
            " recipient_salt, recipient_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                uid,
                event_id,
                pupil_id,
                badge_id,
                at,
                salt,
                hash_identity(self.badge_identity(pupil_id), salt),
            ),
        )
        return uid

    def issue_missing_assertions(self) -> int:
        """Issue assertions for badges confirmed before assertions existed (schema 1 data)."""
        with self.transaction():
            missing = self._all(
                "SELECT a.* FROM badge_awards a WHERE a.state = 'confirmed' AND NOT EXISTS"
                " (SELECT 1 FROM ob_assertions o WHERE o.award_event_id = a.id)"
            )
            for award in missing:
                self._issue_assertion(
                    int(award["id"]), int(award["pupil_id"]), award["badge_id"], award["at"]
                )
        return len(missing)

    def assertion(self, uid: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM ob_assertions WHERE uid = ?", (uid,))

    def assertions_of_pupil(self, pupil_id: int) -> list[dict[str, Any]]:
        """The pupil's current (not revoked) assertions, oldest first."""
        return self._all(
            "SELECT * FROM ob_assertions WHERE pupil_id = ? AND revoked_at IS NULL"
            " ORDER BY issued_on, uid",
            (pupil_id,),
        )

    # -- privacy: export, erase, anonymous statistics -----------------------------------

    def pupil_record(self, pupil_id: int) -> dict[str, Any]:
        """Everything kept about one pupil (the picture hash aside: a secret, not data)."""
        pupil = self.pupil(pupil_id)
        if pupil is None:
            raise KeyError(pupil_id)
        klass = self.class_by_id(int(pupil["class_id"]))
        tables = {
            "xp_events": "SELECT kind, ref, xp, at FROM xp_events WHERE pupil_id = ? ORDER BY id",
            "results": "SELECT lesson_id, graded_at, received_at, protections FROM results"
            " WHERE pupil_id = ? ORDER BY received_at",
            "attempts": "SELECT exercise_id, passed, points, max_points, at FROM attempts"
            " WHERE pupil_id = ? ORDER BY at, id",
            "badge_history": "SELECT badge_id, state, source, at FROM award_events"
            " WHERE pupil_id = ? ORDER BY id",
            "celebrations": "SELECT badge_id, at FROM celebrations WHERE pupil_id = ? ORDER BY at",
            "badge_assertions": "SELECT uid, badge_id, issued_on, revoked_at FROM ob_assertions"
            " WHERE pupil_id = ? ORDER BY issued_on",
            "login_failures": "SELECT at FROM login_failures WHERE pupil_id = ? ORDER BY at",
        }
        record: dict[str, Any] = {
            "pupil": {
                key: pupil[key]
                for key in (
                    "pseudonym",
                    "username",
                    "avatar",
                    "created_at",
                    "failed_logins",
                    "locked",
                    "badge_identity",
                )
            },
            "class": {"name": klass["name"], "code": klass["code"]} if klass else None,
        }
        for name, sql in tables.items():
            record[name] = self._all(sql, (pupil_id,))
        return record

    def delete_pupil(self, pupil_id: int) -> None:
        """Erase a pupil and everything about them (their hosted badges stay, nameless)."""
        with self.transaction():
            pupil = self.pupil(pupil_id)
            if pupil is None:
                return
            cards = self.cards(int(pupil["class_id"]))
            if str(pupil_id) in cards:
                del cards[str(pupil_id)]
                self.conn.execute(
                    "UPDATE card_batches SET cards = ? WHERE class_id = ?",
                    (json.dumps(cards), pupil["class_id"]),
                )
            self.conn.execute("DELETE FROM pupils WHERE id = ?", (pupil_id,))

    def class_statistics(self, class_id: int) -> dict[str, Any]:
        """Counts about a class that name nobody: how many pupils finished what."""
        klass = self.class_by_id(class_id)
        if klass is None:
            raise KeyError(class_id)
        pupils = len(self.pupils_of_class(class_id))

        def counts(sql: str) -> dict[str, int]:
            return {r["k"]: int(r["n"]) for r in self._all(sql, (class_id,))}

        return {
            "pupils": pupils,
            "xp_total": self.class_xp(class_id),
            "pupils_passing_exercise": counts(
                "SELECT a.exercise_id AS k, count(DISTINCT a.pupil_id) AS n FROM attempts a"
                " JOIN pupils p ON p.id = a.pupil_id WHERE p.class_id = ? AND a.passed = 1"
                " GROUP BY a.exercise_id"
            ),
            "attempts_per_exercise": counts(
                "SELECT a.exercise_id AS k, count(*) AS n FROM attempts a"
                " JOIN pupils p ON p.id = a.pupil_id WHERE p.class_id = ? GROUP BY a.exercise_id"
            ),
            "badges_confirmed": counts(
                "SELECT a.badge_id AS k, count(*) AS n FROM badge_awards a"
                " JOIN pupils p ON p.id = a.pupil_id WHERE p.class_id = ?"
                " AND a.state = 'confirmed' GROUP BY a.badge_id"
            ),
        }

    def purge_class(self, class_id: int) -> dict[str, Any]:
        """Keep the class's anonymous statistics, then erase its pupils; all or nothing."""
        with self.transaction():
            klass = self.class_by_id(class_id)
            if klass is None:
                raise KeyError(class_id)
            stats = self.class_statistics(class_id)
            self.conn.execute(
                "INSERT INTO class_statistics (school_id, class_name, class_created_at,"
                " purged_at, pupils, xp_total, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    klass["school_id"],
                    klass["name"],
                    klass["created_at"],
                    iso(now()),
                    stats["pupils"],
                    stats["xp_total"],
                    json.dumps(stats, sort_keys=True),
                ),
            )
            self.conn.execute("DELETE FROM pupils WHERE class_id = ?", (class_id,))
            self.conn.execute("DELETE FROM card_batches WHERE class_id = ?", (class_id,))
            self.conn.execute("DELETE FROM login_failures WHERE class_id = ?", (class_id,))
            self.conn.execute(
                "UPDATE classes SET purged_at = ?, login_paused = 0 WHERE id = ?",
                (iso(now()), class_id),
            )
        return stats

    def saved_statistics(self) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM class_statistics ORDER BY id")

    def all_classes(self) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM classes ORDER BY id")

    # -- audit --------------------------------------------------------------------------

    def audit(
        self, teacher_id: int | None, action: str, class_id: int | None, **details: Any
    ) -> None:
        """Record a teacher action (never a pupil's name: ids only)."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO audit_log (at, teacher_id, action, class_id, details)"
                " VALUES (?, ?, ?, ?, ?)",
                (iso(now()), teacher_id, action, class_id, json.dumps(details, sort_keys=True)),
            )

    def audit_entries(self, class_id: int | None = None) -> list[dict[str, Any]]:
        if class_id is None:
            return self._all("SELECT * FROM audit_log ORDER BY id")
        return self._all("SELECT * FROM audit_log WHERE class_id = ? ORDER BY id", (class_id,))

    # -- hub: lessons assigned to a class (released through nbgrader) -------------------

    def assignments(self, class_id: int) -> dict[str, dict[str, Any]]:
        rows = self._all("SELECT * FROM class_assignments WHERE class_id = ?", (class_id,))
        return {row["lesson_id"]: row for row in rows}

    def set_assignment(self, class_id: int, lesson_id: str, state: str, error: str = "") -> None:
        """Record a lesson's state for a class: releasing, released, failed or removed."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO class_assignments (class_id, lesson_id, assigned_at, state, error)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (class_id, lesson_id) DO UPDATE"
                " SET state = excluded.state, error = excluded.error",
                (class_id, lesson_id, iso(now()), state, error or None),
            )

    # -- hub: due dates and what the quest map opens (the teacher's flow) ----------------

    def set_assignment_due(self, class_id: int, lesson_id: str, due_on: str | None) -> bool:
        """Set (or clear) the day an assigned lesson is due; False if it is not assigned."""
        with self.transaction():
            cursor = self.conn.execute(
                "UPDATE class_assignments SET due_on = ? WHERE class_id = ? AND lesson_id = ?",
                (due_on, class_id, lesson_id),
            )
            return cursor.rowcount == 1

    def uses_assignments(self, class_id: int) -> bool:
        """Whether the class's teacher ever assigned a lesson (then the quest map follows)."""
        row = self.conn.execute(
            "SELECT 1 FROM class_assignments WHERE class_id = ? LIMIT 1", (class_id,)
        ).fetchone()
        return row is not None

    def lessons_opened_to(self, class_id: int) -> dict[str, str | None] | None:
        """The class's open lessons and due days, or None if its teacher never assigned any
        (then prerequisites alone open lessons, as without the hub)."""
        return self.open_lessons(class_id) if self.uses_assignments(class_id) else None

    def open_lessons(self, class_id: int) -> dict[str, str | None]:
        """Lessons released to the class's pupils, with the day each is due (or None)."""
        rows = self._all(
            "SELECT lesson_id, due_on FROM class_assignments"
            " WHERE class_id = ? AND state = 'released'",
            (class_id,),
        )
        return {row["lesson_id"]: row["due_on"] for row in rows}

    # -- robot programs: saved by a pupil from a notebook, fetched by the station --------

    def save_program(
        self, pupil_id: int, name: str, source: str, *, keep: int, max_names: int
    ) -> dict[str, Any] | None:
        """Save a version of the pupil's program ``name``; keep its last ``keep`` versions.

        The same text as the latest version is not saved again (the latest is answered). A new
        name when the pupil already has ``max_names`` programs answers None. One transaction:
        the new version and the pruning of the oldest are written together or not at all.
        """
        digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
        with self.transaction():
            latest = self._one(
                "SELECT id, version, sha256 FROM pupil_programs"
                " WHERE pupil_id = ? AND name = ? ORDER BY id DESC LIMIT 1",
                (pupil_id, name),
            )
            if latest is not None and latest["sha256"] == digest:
                return self.program(pupil_id, int(latest["id"]))
            if latest is None:
                names = self.conn.execute(
                    "SELECT count(DISTINCT name) FROM pupil_programs WHERE pupil_id = ?",
                    (pupil_id,),
                ).fetchone()[0]
                if int(names) >= max_names:
                    return None
            version = 1 if latest is None else int(latest["version"]) + 1
            cursor = self.conn.execute(
                "INSERT INTO pupil_programs (pupil_id, name, version, source, sha256, saved_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (pupil_id, name, version, source, digest, iso(now())),
            )
            self.conn.execute(
                "DELETE FROM pupil_programs WHERE pupil_id = ? AND name = ? AND id NOT IN"
                " (SELECT id FROM pupil_programs WHERE pupil_id = ? AND name = ?"
                " ORDER BY id DESC LIMIT ?)",
                (pupil_id, name, pupil_id, name, keep),
            )
            return self.program(pupil_id, int(cursor.lastrowid or 0))

    def program(self, pupil_id: int, program_id: int) -> dict[str, Any] | None:
        """One saved version, only if it is this pupil's."""
        return self._one(
            "SELECT id, name, version, source, saved_at FROM pupil_programs"
            " WHERE id = ? AND pupil_id = ?",
            (program_id, pupil_id),
        )

    def programs_of_pupil(self, pupil_id: int) -> list[dict[str, Any]]:
        """The latest version of each of the pupil's programs, the most recent first."""
        return self._all(
            "SELECT p.id, p.name, p.version, p.saved_at, length(CAST(p.source AS BLOB)) AS size"
            " FROM pupil_programs p WHERE p.pupil_id = ? AND p.id = (SELECT max(id)"
            " FROM pupil_programs l WHERE l.pupil_id = p.pupil_id AND l.name = p.name)"
            " ORDER BY p.id DESC",
            (pupil_id,),
        )

    def program_versions(self, pupil_id: int) -> list[dict[str, Any]]:
        """Every kept version of every program of the pupil (for the family's export)."""
        return self._all(
            "SELECT name, version, source, saved_at FROM pupil_programs WHERE pupil_id = ?"
            " ORDER BY id",
            (pupil_id,),
        )

    # -- colleagues: the teachers who share a class ---------------------------------------

    def class_teachers(self, class_id: int) -> list[dict[str, Any]]:
        """The teachers of a class (id, name, e-mail), by name."""
        return self._all(
            "SELECT t.id, t.display_name, t.email FROM teachers t"
            " JOIN class_teachers ct ON ct.teacher_id = t.id WHERE ct.class_id = ?"
            " ORDER BY t.display_name COLLATE NOCASE",
            (class_id,),
        )

    def add_class_teacher(self, class_id: int, teacher_id: int) -> bool:
        """Let one more teacher run the class; False if they already did."""
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO class_teachers (class_id, teacher_id) VALUES (?, ?)",
                (class_id, teacher_id),
            )
        return cursor.rowcount == 1

    def remove_class_teacher(self, class_id: int, teacher_id: int) -> str:
        """Take a teacher off a class: "removed", "absent", or "last" (a class keeps one).

        The count and the delete share one write transaction, so two teachers removing each
        other at the same moment cannot leave the class with nobody.
        """
        with self.transaction():
            teachers = self.class_teacher_ids(class_id)
            if teacher_id not in teachers:
                return "absent"
            if len(teachers) == 1:
                return "last"
            self.conn.execute(
                "DELETE FROM class_teachers WHERE class_id = ? AND teacher_id = ?",
                (class_id, teacher_id),
            )
        return "removed"


def new_badge_identity() -> str:
    """A random identity for a pupil's badges: it names nobody, only its holder knows it."""
    return f"urn:uuid:{uuid.uuid4()}"


def hash_identity(identity: str, salt: str) -> str:
    """Open Badges' hashed recipient identity: ``sha256$`` + hex(sha256(identity + salt))."""
    return "sha256$" + hashlib.sha256((identity + salt).encode()).hexdigest()


def alphabetical_key(text: str) -> tuple[str, str]:
    """Sort key ignoring accents and case first ("é" sorts with "e"), then exact text."""
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.casefold(), text


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
