"""Backups: a snapshot taken while the classroom app writes, restored into a fresh install."""

from __future__ import annotations

import io
import json
import os
import re
import sys
import tarfile
import threading
from pathlib import Path

import pytest
from flask import Flask

from classroom_app import badges
from classroom_app.app import create_app
from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.store import Store
from robocole import backup
from robocole.cli import main

from .conftest import FIXTURE_MANIFEST, TOKENS, World, api_headers

#: A pupil's system user (no account needed: ownership is a number).
PUPIL_UID = 4242
# nbgrader 0.9.6's own gradebook code makes SQLAlchemy warn while it adds a submission.
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def nbgrader_gradebook(course: Path, course_id: str, students: list[str]) -> None:
    """A real nbgrader gradebook with one submission per student."""
    from nbgrader.api import Gradebook

    course.mkdir(parents=True, exist_ok=True)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id) as gradebook:
        gradebook.add_assignment("sequences-1")
        for student in students:
            gradebook.add_student(student)
            gradebook.add_submission("sequences-1", student)


def submissions(course: Path, course_id: str) -> set[str]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id) as gradebook:
        return {s.student_id for s in gradebook.assignment_submissions("sequences-1")}


@pytest.fixture
def school(
    app: Flask, store: Store, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, object]:
    """A running school: results, badges, a gradebook, the exchange, notebooks, home folders."""
    # nbgrader runs its ``alembic`` helper by name: the virtual environment's bin is needed.
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    client = app.test_client()
    usernames = [world.pupil_row(store, i)["username"] for i in range(3)]
    for index, username in enumerate(usernames):
        response = client.post(
            "/api/v1/results",
            headers=api_headers(),
            json={
                "idempotency_key": f"b-{index}",
                "username": username,
                "lesson_id": "sequences-1",
                "protections": list(MINIMUM_PROTECTIONS),
                "exercises": [{"exercise_id": "sequences-1-a", "passed": True}],
            },
        )
        assert response.status_code == 201
    badges.decide(store, world.pupils[0].id, "pilote-du-carre", "award", world.teacher_a)
    data = Path(app.config["DATA_DIR"])
    course_id = f"robocole-{world.klass['code'].lower()}"
    nbgrader_gradebook(data / "courses" / course_id, course_id, usernames)
    inbound = data / "exchange" / course_id / "inbound" / f"{usernames[0]}+sequences-1+2026"
    inbound.mkdir(parents=True)
    (inbound / "sequences-1.ipynb").write_text('{"cells": [], "nbformat": 4}')
    notebook = data / "home" / usernames[1] / "sequences-1.ipynb"
    notebook.parent.mkdir(parents=True)
    notebook.parent.chmod(0o700)  # a pupil's home folder is private
    notebook.write_text('{"cells": [{"source": "avancer(20)"}]}')
    if os.geteuid() == 0:  # on the server each pupil is a system user who owns their folder
        os.chown(notebook.parent, PUPIL_UID, PUPIL_UID)
        os.chown(notebook, PUPIL_UID, PUPIL_UID)
    home = tmp_path / "home" / usernames[2]
    home.mkdir(parents=True)
    (home / "mon-robot.py").write_text("tourner(90)\n")
    return {"course_id": course_id, "usernames": usernames, "home": tmp_path / "home"}


def everything(store: Store) -> dict[str, list[tuple[object, ...]]]:
    tables = ("pupils", "xp_events", "award_events", "ob_assertions", "results", "attempts")
    return {
        t: [tuple(row) for row in store.conn.execute(f"SELECT * FROM {t} ORDER BY 1")]
        for t in tables
    }


def test_a_backup_taken_while_pupils_earn_xp_restores_into_a_fresh_install(
    app: Flask,
    store: Store,
    world: World,
    school: dict[str, object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = Path(app.config["DATA_DIR"])
    stop = threading.Event()
    written: list[int] = []

    def keep_writing() -> None:  # the platform is running: XP keeps arriving
        writer = Store.open(app.config["DATABASE"])
        try:
            while not stop.is_set() and len(written) < 5000:
                with writer.transaction():
                    writer.add_xp_event(f"live-{len(written)}", world.pupils[1].id, "bonus", "x", 1)
                written.append(1)
        finally:
            writer.close()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while len(written) < 20:
            threading.Event().wait(0.01)
        code = main(
            [
                "backup",
                "--data",
                str(data),
                "--output",
                str(tmp_path / "backups"),
                "--extra",
                f"srvhome={school['home']}",
            ]
        )
    finally:
        stop.set()
        writer.join()
    assert code == 0
    said = capsys.readouterr().out
    archive = Path(re.search(r"(\S+\.tar\.gz)", said).group(1))  # type: ignore[union-attr]
    assert archive.stat().st_mode & 0o077 == 0  # the archive holds secrets: owner only
    before = everything(store)

    fresh = tmp_path / "fresh" / "data"
    fresh_home = tmp_path / "fresh" / "home"
    assert (
        main(["restore", str(archive), "--data", str(fresh), "--extra", f"srvhome={fresh_home}"])
        == 0
    )
    restored_app = create_app(
        {"DATA_DIR": str(fresh), "MANIFEST": str(FIXTURE_MANIFEST), "TESTING": True}
    )
    restored = Store.open(restored_app.config["DATABASE"])
    try:
        assert restored.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        after = everything(restored)
        # Everything that existed before the live writes is there, every pupil and badge.
        for table in ("pupils", "award_events", "ob_assertions", "results", "attempts"):
            assert after[table] == before[table], table
        live = [row for row in after["xp_events"] if str(row[1]).startswith("live-")]
        assert 20 <= len(live) <= len(written)  # a consistent moment during the writes
        assert [row for row in after["xp_events"] if not str(row[1]).startswith("live-")] == [
            row for row in before["xp_events"] if not str(row[1]).startswith("live-")
        ]
        assert {f"live-{i}" for i in range(len(live))} == {str(row[1]) for row in live}
    finally:
        restored.close()
    for original in data.rglob("*"):  # every other file (configuration, secrets) as it was
        if original.is_file() and not backup.is_sqlite(original) and "-" not in original.suffix:
            copy = fresh / original.relative_to(data)
            assert copy.read_bytes() == original.read_bytes(), original
    course_id = str(school["course_id"])
    assert submissions(fresh / "courses" / course_id, course_id) == set(school["usernames"])  # type: ignore[arg-type]
    assert len(list((fresh / "exchange" / course_id / "inbound").glob("*/*.ipynb"))) == 1
    usernames: list[str] = school["usernames"]  # type: ignore[assignment]
    notebook = fresh / "home" / usernames[1] / "sequences-1.ipynb"
    assert "avancer(20)" in notebook.read_text()
    assert notebook.parent.stat().st_mode & 0o777 == 0o700  # still private...
    if os.geteuid() == 0:
        assert notebook.stat().st_uid == notebook.parent.stat().st_uid == PUPIL_UID  # ...theirs
    assert (fresh_home / usernames[2] / "mon-robot.py").read_text() == "tourner(90)\n"
    # A pupil can log in on the restored install: the API knows them.
    client = restored_app.test_client()
    login = client.post(
        "/api/v1/results",
        headers={"Authorization": f"Bearer {TOKENS['grader']}"},
        json={
            "idempotency_key": "after-restore",
            "username": usernames[0],
            "lesson_id": "sequences-1",
            "protections": list(MINIMUM_PROTECTIONS),
            "exercises": [{"exercise_id": "sequences-1-b", "passed": True}],
        },
    )
    assert login.status_code == 201


def test_restore_never_overwrites_without_force_and_keeps_the_old_data(
    app: Flask, store: Store, world: World, tmp_path: Path
) -> None:
    data = Path(app.config["DATA_DIR"])
    report = backup.create_backup(backup.default_sources(data, environ={}), tmp_path / "b")
    (data / "new-after-backup.txt").write_text("later")
    with pytest.raises(backup.BackupError, match="--force"):
        backup.restore_backup(report.archive, {"data": data})
    done = backup.restore_backup(report.archive, {"data": data}, force=True)
    assert not (data / "new-after-backup.txt").exists()
    assert (done.kept_aside["data"] / "new-after-backup.txt").read_text() == "later"
    assert (data / "classroom.sqlite3").exists()


def test_a_damaged_or_foreign_archive_is_refused_before_anything_changes(
    app: Flask, tmp_path: Path
) -> None:
    data = Path(app.config["DATA_DIR"])
    report = backup.create_backup(backup.default_sources(data, environ={}), tmp_path / "b")
    with tarfile.open(report.archive, "r:gz") as tar:
        members = [(m, tar.extractfile(m).read() if m.isfile() else None) for m in tar]  # type: ignore[union-attr]
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(tampered, "w:gz") as tar:
        for member, content in members:
            if member.name == "data/classroom.sqlite3" and content is not None:
                content = content[:-1] + bytes([content[-1] ^ 1])  # one bit changed
            tar.addfile(member, io.BytesIO(content) if content is not None else None)
    target = tmp_path / "target"
    with pytest.raises(backup.BackupError, match=r"classroom\.sqlite3"):
        backup.restore_backup(tampered, {"data": target})
    assert not target.exists() or not any(target.iterdir())

    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        manifest = json.dumps({"format": 1, "sources": {"data": str(target)}, "files": []})
        for name, content in (("backup.json", manifest.encode()), ("data/../../x", b"x")):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    with pytest.raises((backup.BackupError, tarfile.TarError)):
        backup.restore_backup(evil, {"data": target})
    assert not (tmp_path / "x").exists()
    with pytest.raises(backup.BackupError, match=r"nothing\.tar\.gz"):
        backup.restore_backup(tmp_path / "nothing.tar.gz", {"data": target})


def test_the_folders_to_save_are_configurable(tmp_path: Path) -> None:
    environ = {"ROBOCOLE_BACKUP_EXTRA": f"exchange={tmp_path / 'ex'}"}
    sources = backup.default_sources(tmp_path / "data", environ, extra=[f"home={tmp_path / 'h'}"])
    assert [(s.name, s.path) for s in sources] == [
        ("data", (tmp_path / "data").resolve()),
        ("exchange", (tmp_path / "ex").resolve()),
        ("home", (tmp_path / "h").resolve()),
    ]
    with pytest.raises(backup.BackupError):
        backup.parse_sources("no-equals-sign")
    with pytest.raises(backup.BackupError):
        backup.default_sources(tmp_path, {}, extra=[f"data={tmp_path}"])


def test_the_outbox_is_copied_before_the_classroom_database_it_feeds(
    app: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    data = Path(app.config["DATA_DIR"])
    (data / "grader").mkdir()
    sqlite3.connect(data / "grader" / "outbox.db").execute("CREATE TABLE t (x)").connection.close()
    copied: list[str] = []
    real_copy = backup.copy_sqlite

    def recording(source: Path, target: Path) -> None:
        copied.append(source.relative_to(data).as_posix())
        real_copy(source, target)

    monkeypatch.setattr(backup, "copy_sqlite", recording)
    backup.create_backup(backup.default_sources(data, environ={}), tmp_path / "b")
    assert copied.index("grader/outbox.db") < copied.index("classroom.sqlite3")
