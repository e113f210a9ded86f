"""Collect pupils' submissions without trusting what a pupil left in the exchange.

The grader collects as root, and a pupil can write into the class's ``inbound/`` folder from
their own notebook, not only through nbgrader's submit. nbgrader's collect copies with
``shutil.copytree``, which follows symbolic links and opens whatever it finds. So a pupil could
hand in a link named ``lesson.ipynb`` to another pupil's notebook (root can read every home
folder): it would be graded as theirs and its feedback, with the other child's code, handed
back to them; or a link to a root-only file, then readable by the class's teachers in the
course folder; or a named pipe, and the grader would wait on it for ever.

``SafeExchangeCollect`` is nbgrader's own collect with its copy step replaced (the seam
nbgrader offers: ``Exchange.do_copy``): every folder and file is opened relative to its parent
with ``O_NOFOLLOW``, so a link swapped in between a check and an open is refused too; only
regular files are copied, and nbgrader's own ignore rules (``CourseDirectory.ignore``,
``include``, ``max_file_size``) still apply. Hard links to files a pupil does not own are
already refused by Linux (``fs.protected_hardlinks``, on by default in Debian).
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbgrader.exchange.default import ExchangeCollect
from nbgrader.utils import ignore_patterns

log = logging.getLogger(__name__)

#: Entries one submission may hold (a lesson has a notebook and two nbgrader files).
MAX_ENTRIES = 500
#: Folders inside folders: deeper than this is not a lesson.
MAX_DEPTH = 8
FILE_MODE = 0o640  # the class's teachers read submissions in the formgrader (group)
DIR_MODE = 0o750
_OPEN_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_OPEN_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC

Ignore = Callable[[str, list[str]], Iterable[str]]


class SubmissionTooBig(RuntimeError):
    """More entries, bytes or deeper folders than a lesson has."""


@dataclass
class _Budget:
    """What is left of the entries and bytes one submission may hold."""

    entries: int
    bytes: int

    def spend(self, entries: int = 0, size: int = 0) -> None:
        self.entries -= entries
        self.bytes -= size
        if self.entries < 0 or self.bytes < 0:
            raise SubmissionTooBig("the submission holds more than a lesson can")


def copy_submission(
    source: Path,
    destination: Path,
    ignore: Ignore | None = None,
    max_bytes: int = 100 * 1000**2,
) -> list[str]:
    """Copy the regular files of ``source`` into a new ``destination``; the paths skipped.

    Links, pipes, sockets and devices are skipped (and named in the log), never followed or
    opened. ``destination`` must not exist yet. More than ``MAX_ENTRIES`` entries, ``max_bytes``
    bytes or ``MAX_DEPTH`` levels of folders raise ``SubmissionTooBig``.
    """
    skipped: list[str] = []
    try:
        root = os.open(source, _OPEN_DIR)
    except OSError:
        # The submission folder itself is a link, or vanished: nothing of it is taken.
        log.warning("submission %s is not a plain folder: nothing collected", source)
        destination.mkdir(mode=DIR_MODE)
        return [str(source)]
    try:
        budget = _Budget(MAX_ENTRIES, max_bytes)
        _copy_folder(root, str(source), destination, ignore, skipped, budget, depth=0)
    finally:
        os.close(root)
    for path in skipped:
        log.warning("not collected (not a plain file): %s", path)
    return skipped


def _copy_folder(
    folder: int,
    shown: str,
    destination: Path,
    ignore: Ignore | None,
    skipped: list[str],
    budget: _Budget,
    depth: int,
) -> None:
    if depth > MAX_DEPTH:
        raise SubmissionTooBig(f"folders nested too deep in {shown}")
    destination.mkdir(mode=DIR_MODE)
    os.chmod(destination, DIR_MODE)  # mkdir's mode is masked by the umask
    names = sorted(os.listdir(folder))
    ignored = set(ignore(shown, names)) if ignore is not None else set()
    for name in names:
        if name in ignored:
            continue
        budget.spend(entries=1)
        where = f"{shown}/{name}"
        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            try:
                child = os.open(name, _OPEN_DIR, dir_fd=folder)
            except OSError:  # replaced by a link since the stat
                skipped.append(where)
                continue
            try:
                _copy_folder(child, where, destination / name, ignore, skipped, budget, depth + 1)
            finally:
                os.close(child)
        elif stat.S_ISREG(info.st_mode):
            if not _copy_file(folder, name, destination / name, budget):
                skipped.append(where)
        else:
            skipped.append(where)


def _copy_file(folder: int, name: str, target: Path, budget: _Budget) -> bool:
    try:
        handle = os.open(name, _OPEN_FILE, dir_fd=folder)
    except OSError:  # a link or a pipe swapped in since the stat
        return False
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return False
        with open(target, "xb") as out:
            while chunk := os.read(handle, 1 << 16):
                budget.spend(size=len(chunk))
                out.write(chunk)
        os.chmod(target, FILE_MODE)
    finally:
        os.close(handle)
    return True


class SafeExchangeCollect(ExchangeCollect):  # type: ignore[misc]  # nbgrader has no types
    """nbgrader's collect, copying a submission without following what a pupil left in it."""

    def do_copy(self, src: str, dest: str, log: Any = None) -> None:
        ignore = ignore_patterns(
            exclude=self.coursedir.ignore,
            include=self.coursedir.include,
            max_file_size=self.coursedir.max_file_size,
            log=self.log,
        )
        destination = Path(dest)
        try:
            # nbgrader's own size limit (its do_copy measures it first, following links).
            max_bytes = int(1000 * self.coursedir.max_dir_size)
            copy_submission(Path(src), destination, ignore, max_bytes)
        except (SubmissionTooBig, OSError) as error:
            # Keep what nbgrader expects (a folder) and grade it as empty, with the reason.
            self.log.warning("submission not collected: %s", error)
            _empty(destination)


def _empty(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=DIR_MODE)
