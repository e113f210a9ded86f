"""nbgrader's gradebook (SQLite) tuned for many short writes from several workers.

nbgrader commits about thirty times per submission. In WAL mode readers never wait for the
writer, and with ``synchronous=NORMAL`` a commit does not wait for the disk: a power cut can
lose the last grades (regrading restores them) but never corrupts the file.

nbgrader also opens a new ``Gradebook`` eleven times per submission, and each one builds a new
SQLAlchemy engine: a new dialect, a new empty cache of compiled statements, so every query is
compiled again (≈0.1 s of CPU per submission here). ``share_engines()`` makes nbgrader's
``create_engine`` return one engine per database and process: each ``Gradebook`` still has its
own session and connection and still closes them; only the compiled statements are kept.
Its pool is kept when nbgrader disposes it (``Gradebook.close()``), so a new ``Gradebook``
reuses an open connection. The engine also keeps one idle connection open: when the last
connection to a WAL database closes, SQLite checkpoints and deletes the WAL file, which
nbgrader's eleven closes per submission would otherwise do eleven times.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_installed = False
_checks_installed = False
#: (process id, database URL, options) -> the engine of that database in this process.
_engines: dict[tuple[int, str, str], Engine] = {}
#: One idle connection per shared SQLite engine, open for the life of the process.
_keep_open: list[Any] = []


def use_wal(database: Path) -> None:
    """Switch the gradebook file to WAL mode (it is a property of the file, kept)."""
    if database.exists():
        with sqlite3.connect(database, timeout=30) as db:
            db.execute("PRAGMA journal_mode=WAL")


def _on_connect(connection: Any, _record: Any) -> None:
    if isinstance(connection, sqlite3.Connection):
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA busy_timeout=30000")


def quick_commits() -> None:
    """Apply ``synchronous=NORMAL`` to every SQLite connection nbgrader opens in this process."""
    global _installed
    if not _installed:
        event.listen(Engine, "connect", _on_connect)
        _installed = True


def _shared_create_engine(url: Any, **kwargs: Any) -> Engine:
    from sqlalchemy import create_engine

    # Keyed by process: a worker forked from the grader never uses its parent's engine.
    key = (os.getpid(), str(url), repr(sorted(kwargs.items())))
    engine = _engines.get(key)
    if engine is None:
        engine = _engines[key] = create_engine(url, **kwargs)
        if engine.url.get_backend_name() == "sqlite" and engine.url.database not in (
            None,
            "",
            ":memory:",
        ):
            # Checked out and never returned: disposing the pool leaves it open.
            _keep_open.append(engine.raw_connection())
        # nbgrader's Gradebook.close() disposes its engine's pool, which it made for itself;
        # this engine is shared, so its pool stays and the next Gradebook reuses a connection
        # instead of opening the file again (the session still closes, and rolls back).
        engine.dispose = _keep_pool  # type: ignore[method-assign]
    return engine


def _keep_pool(close: bool = True) -> None:
    """``Engine.dispose`` of a shared engine: the pooled connections stay for the next one."""


def _create_missing_tables(create_all: Any, bind: Any = None, **kwargs: Any) -> None:
    """nbgrader's ``Base.metadata.create_all``, without its checks when no table is missing.

    ``create_all`` checks each of the gradebook's tables one by one before creating the
    missing ones; one look at the table names says whether any is missing at all.
    """
    from nbgrader.api import Base
    from sqlalchemy import inspect

    if bind is not None and set(Base.metadata.tables) <= set(inspect(bind).get_table_names()):
        return
    create_all(bind=bind, **kwargs)


def _check_course(
    self: Any, check_course: Any, course_id: str = "default_course", **kw: Any
) -> Any:
    """nbgrader's ``Gradebook.check_course``, which only adds the course when it is missing.

    nbgrader runs it (an ORM query and a commit) in every ``Gradebook()``; one plain lookup
    says whether the course is there already, as it is for every gradebook but a new one.
    """
    if course_id and not kw:
        from sqlalchemy import text

        with self.engine.connect() as connection:
            found = connection.execute(
                text("SELECT 1 FROM course WHERE id = :id"), {"id": course_id}
            ).first()
        if found is not None:
            return None  # as nbgrader's own answer when it adds the course
    return check_course(self, course_id=course_id, **kw)


def share_engines() -> None:
    """One SQLAlchemy engine per gradebook for all of nbgrader's ``Gradebook`` objects.

    ``Gradebook.close()`` disposes the engine's pool: connections still in use by another
    open ``Gradebook`` are closed when that one returns them (SQLAlchemy's documented
    behaviour), so nesting gradebooks, as nbgrader's preprocessors do, stays correct.

    Each ``Gradebook()`` also checks the tables and the course, which are there but in a new
    gradebook: those checks take one cheap look first (``_create_missing_tables``,
    ``_check_course``) and do nbgrader's work only when something is missing.
    """
    global _checks_installed
    import nbgrader.api

    quick_commits()
    nbgrader.api.create_engine = _shared_create_engine  # type: ignore[attr-defined]
    if not _checks_installed:
        metadata = nbgrader.api.Base.metadata
        metadata.create_all = functools.partial(_create_missing_tables, metadata.create_all)  # type: ignore[method-assign]
        original = nbgrader.api.Gradebook.check_course
        nbgrader.api.Gradebook.check_course = functools.partialmethod(_check_course, original)  # type: ignore[method-assign]
        _checks_installed = True
