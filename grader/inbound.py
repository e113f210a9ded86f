"""Which submissions in a course's ``inbound/`` folder nbgrader has finished writing.

nbgrader's submit (``ExchangeSubmit.copy_files``) copies the pupil's files into
``inbound/<pupil>+<lesson>+<timestamp>+<random>``, then writes ``timestamp.txt``, then
``submission_secret.txt`` (a 128-character hex secret), then fixes the permissions. A folder
is complete once the secret is whole: collecting earlier could take half a notebook.

nbgrader's collect takes a pupil's *latest* submission of a lesson, so while one of them is
still being written, none of that pupil's submissions of that lesson is ready: collecting
then would pick the half-written one. A folder left incomplete for minutes (a submit that
crashed) no longer holds the pupil's lesson back: it is collected as it is.

A pupil can also write into ``inbound/`` from a notebook, so the two files are read without
following links and only if they are small regular files: a named pipe in their place must not
make the grader wait for ever (see ``grader.safe_collect`` for the copy itself).
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

SECRET_LENGTH = 128  # secrets.token_hex(64)
#: Seconds after which an incomplete folder counts as abandoned, not as being written.
ABANDONED_AFTER = 300.0


def submission_complete(folder: Path) -> bool:
    """True once nbgrader wrote the folder's last file (the whole submission secret)."""
    stamp = read_small_file(folder / "timestamp.txt")
    secret = read_small_file(folder / "submission_secret.txt")
    return bool(stamp) and len(secret) >= SECRET_LENGTH


def read_small_file(path: Path, limit: int = 4096) -> str:
    """The stripped text of a small regular file; "" for a link, a pipe, or anything else."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return ""
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return ""
        return os.read(handle, limit).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    finally:
        os.close(handle)


def being_written(folder: Path, now: float | None = None) -> bool:
    """An incomplete submission folder that nbgrader may still be writing."""
    if not folder.is_dir() or submission_complete(folder):
        return False
    try:
        age = (time.time() if now is None else now) - folder.stat().st_mtime
    except OSError:
        return False  # gone meanwhile
    return age < ABANDONED_AFTER


def ready_entries(inbound: Path) -> list[Path]:
    """The entries of ``inbound`` to look at now, in name order (see the module's note)."""
    entries = sorted(inbound.iterdir())
    writing = {_job(entry) for entry in entries if being_written(entry)}
    return [entry for entry in entries if _job(entry) not in writing]


def _job(entry: Path) -> tuple[str, ...]:
    return tuple(entry.name.split("+")[:2])
