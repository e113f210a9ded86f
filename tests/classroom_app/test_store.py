"""The database rules: migrations, WAL, append-only ledgers, all-or-nothing writes, busy waits."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from classroom_app import classes
from classroom_app.store import MIGRATIONS, DatabaseBusy, Store

from .conftest import World


def test_migrations_are_applied_once_and_recorded(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "c.sqlite3")
    assert store.schema_version() == 0
    assert store.migrate() == len(MIGRATIONS)
    assert store.schema_version() == len(MIGRATIONS)
    store.migrate()  # a second run changes nothing and does not fail on existing tables
    assert store.schema_version() == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_xp_ledger_and_award_history_refuse_updates(store: Store, world: World) -> None:
    pupil_id = world.pupils[0].id
    with store.transaction():
        assert store.add_xp_event("k1", pupil_id, "exercise", "sequences-1-a", 10)
        store.add_award_event(pupil_id, "as-des-sequences", "proposed", "rule", None)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE xp_events SET xp = 1000")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE award_events SET state = 'confirmed'")
    assert store.pupil_xp(pupil_id) == 10


def test_same_idempotency_key_is_one_xp_event(store: Store, world: World) -> None:
    pupil_id = world.pupils[0].id
    with store.transaction():
        assert store.add_xp_event("same", pupil_id, "exercise", "x", 10) is True
        assert store.add_xp_event("same", pupil_id, "exercise", "x", 10) is False
    assert store.pupil_xp(pupil_id) == 10
    assert len(store.xp_events(pupil_id)) == 1


def test_adding_pupils_is_all_or_nothing(store: Store, world: World) -> None:
    before = store.pupils_of_class(int(world.klass["id"]))
    # A pseudonym already in the class makes the second row fail: the first must vanish too.
    with pytest.raises(sqlite3.IntegrityError):
        store.add_pupils(
            int(world.klass["id"]), [("Zoé", "bleu", "h"), (before[0]["pseudonym"], "vert", "h")]
        )
    assert store.pupils_of_class(int(world.klass["id"])) == before
    klass = store.class_by_id(int(world.klass["id"]))
    assert klass is not None and klass["next_number"] == world.klass["next_number"] + 3


def test_usernames_follow_the_class_code_and_are_never_reused(store: Store, world: World) -> None:
    code = world.klass["code"].lower()
    names = sorted(p["username"] for p in store.pupils_of_class(int(world.klass["id"])))
    assert names == [f"{code}-01", f"{code}-02", f"{code}-03"]
    klass = store.class_by_id(int(world.klass["id"]))
    assert klass is not None
    added = classes.add_pupils(store, klass, "Sam", None)
    assert store.pupil(added[0].id)["username"] == f"{code}-04"  # type: ignore[index]


def test_a_write_waits_for_another_writer_then_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite3"
    Store.open(path).migrate()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    store = Store.open(path)
    started = time.monotonic()
    school_id = store.create_school("Patiente")
    assert school_id > 0
    assert time.monotonic() - started >= 0.2  # it waited for the lock instead of failing
    release.join()


def test_a_lock_held_too_long_gives_a_clear_busy_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "busy.sqlite3"
    Store.open(path).migrate()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    conn = sqlite3.connect(path, timeout=0.01, isolation_level=None)
    conn.row_factory = sqlite3.Row
    monkeypatch.setattr("classroom_app.store.LOCK_RETRIES", 1)
    with pytest.raises(DatabaseBusy) as caught:
        Store(conn).create_school("Trop tard")
    assert "try again" in caught.value.message or "réessa" in caught.value.message
    holder.execute("ROLLBACK")
    assert Store.open(path).first_school() is None  # nothing half-written


def test_cards_are_kept_until_forgotten_or_expired(store: Store, world: World) -> None:
    class_id = int(world.klass["id"])
    assert set(store.cards(class_id)) == {str(p.id) for p in world.pupils}
    store.forget_cards(class_id)
    assert store.cards(class_id) == {}
    store.conn.execute(
        "INSERT INTO card_batches (class_id, cards, created_at, expires_at)"
        " VALUES (?, '{\"1\": [\"lune\"]}', '2000-01-01', '2000-01-02')",
        (class_id,),
    )
    assert store.cards(class_id) == {}
    assert store.forget_expired_cards() == 1
