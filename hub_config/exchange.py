"""nbgrader's exchange, hardened so pupils cannot read or overwrite each other's work.

nbgrader's default exchange (issue #1225) is a world-writable folder. Each pupil's server runs
as the pupil's own system user, so plain Unix permissions can keep them apart:

- the exchange root is ``1777``: anyone may make a folder, nobody may rename or delete a
  folder that is not theirs (a pupil cannot swap a class's course folder for their own);
- each course's ``inbound/`` is ``3733``: pupils may hand in (write, enter) but not list it,
  and the sticky bit stops them renaming or deleting another pupil's submission;
- nbgrader names each submission ``<pupil>+<lesson>+<time>+<random>`` (72 random bits), so
  a folder that cannot be listed cannot be guessed either.

nbgrader only resets the root's permissions when its low bits differ, so the sticky bit stays.

A root that anyone may write in has one more risk: a pupil could make a class's course folder
(``robocole-<code>``) before its first release, or a link by that name, and root's release
would then write where the pupil chose. ``claim_course`` runs before every release: the course
folder must be root's own real folder; anything else there is moved aside, never followed.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from pathlib import Path

log = logging.getLogger(__name__)

ROOT_MODE = 0o1777
INBOUND_MODE = 0o3733


def prepare_root(exchange: Path) -> None:
    exchange.mkdir(parents=True, exist_ok=True)
    os.chmod(exchange, ROOT_MODE)


def claim_course(exchange: Path, course_id: str) -> Path:
    """Make sure ``exchange/<course_id>`` is a folder root owns, not a pupil's; returns it."""
    folder = exchange / course_id
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        info = None
    if info is not None and not (stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid()):
        # Root may rename anything in the sticky root; the squatter's entry is kept for IT.
        aside = exchange / f".squatted-{course_id}-{int(time.time())}"
        os.rename(folder, aside)
        log.warning("%s was not the platform's own folder: moved to %s", folder, aside)
        info = None
    if info is None:
        folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    return folder


def harden_course(exchange: Path, course_id: str) -> None:
    """Tighten a course's folders after nbgrader made them (release or first submit)."""
    inbound = exchange / course_id / "inbound"
    if inbound.is_dir() and stat.S_IMODE(inbound.stat().st_mode) != INBOUND_MODE:
        os.chmod(inbound, INBOUND_MODE)
