"""Which submissions in a course's ``inbound/`` folder nbgrader has finished writing.

nbgrader's submit (``ExchangeSubmit.copy_files``) copies the pupil's files into
``inbound/<pupil>+<lesson>+<timestamp>+<random>``, then writes ``timestamp.txt``, then
``submission_secret.txt`` (a 128-character hex secret), then fixes the permissions. A folder
is complete once the secret is whole: collecting earlier could take half a notebook.

nbgrader's collect takes a pupil's *latest* submission of a lesson, so while one of them is
still being written, none of that pupil's submissions of that lesson is ready: collecting
then would pick the half-written one. A folder left incomplete for minutes (a submit that
crashed) no longer holds the pupil's lesson back: it is collected as it is.
"""

from __future__ import annotations

import time
from pathlib import Path

SECRET_LENGTH = 128  # secrets.token_hex(64)
#: Seconds after which an incomplete folder counts as abandoned, not as being written.
ABANDONED_AFTER = 300.0


def submission_complete(folder: Path) -> bool:
    """True once nbgrader wrote the folder's last file (the whole submission secret)."""
    try:
        stamp = (folder / "timestamp.txt").read_text().strip()
        secret = (folder / "submission_secret.txt").read_text().strip()
    except OSError:
        return False
    return bool(stamp) and len(secret) >= SECRET_LENGTH


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
