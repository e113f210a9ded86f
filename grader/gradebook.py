"""nbgrader's gradebook (SQLite) tuned for many short writes from several workers.

nbgrader commits about thirty times per submission. In WAL mode readers never wait for the
writer, and with ``synchronous=NORMAL`` a commit does not wait for the disk: a power cut can
lose the last grades (regrading restores them) but never corrupts the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_installed = False


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
