"""Backups of all Robocole state, taken while the platform runs, and their restore.

A backup is one ``.tar.gz`` archive::

    backup.json        what is inside: format, time, sources, every file with size and sha256
    <source>/...       one folder per source, as it was

A **source** is a named folder. By default there is one, ``data``: the data directory, which
holds the classroom database (``classroom.sqlite3``), the secrets and configuration files,
and by convention the folders of the other parts: ``courses/`` (nbgrader courses, each with
its ``gradebook.db``), ``exchange/`` (nbgrader's exchange), ``home/`` (pupils' home folders
with their notebooks), ``grader/outbox.db`` and ``jupyterhub.sqlite`` (the hub's database).
Folders kept elsewhere (home folders under /home, an exchange under /srv) are added as
``name=/path`` pairs, from ``ROBOCOLE_BACKUP_EXTRA`` (separated by ``:`` or ``;`` on
Windows) or the command line.

Why it is consistent while the platform runs: every SQLite database (found by its header,
whatever its name) is copied with SQLite's online backup API, which copies a snapshot of one
moment even while the app or nbgrader writes; their ``-wal``/``-shm``/``-journal`` files are
left out since the snapshot already holds their content. Other files are copied as they are;
one that changes while it is read is read again.

A restore checks every file against ``backup.json`` before anything is replaced, then swaps
each source folder in whole; an existing folder is kept beside it (``…before-restore-…``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import stat
import tarfile
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from robocole import __version__
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

log = logging.getLogger(__name__)

FORMAT = 1
SQLITE_HEADER = b"SQLite format 3\x00"
#: Files SQLite keeps beside a database while it writes; the online backup replaces them.
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
#: Folders and files never worth saving (a running process's pid file is not state).
SKIPPED_DIRS = ("__pycache__", ".ipynb_checkpoints")
SKIPPED_SUFFIXES = (".pid",)
#: The usual folders of the data directory, by part (documentation and ``robocole backup``).
DATA_FOLDERS = {
    "classroom.sqlite3": "classroom app: classes, pupils, XP ledger, badges, audit log",
    "courses": "grader: nbgrader courses (source, submitted, autograded, gradebook.db)",
    "exchange": "grader: nbgrader exchange (released lessons, submissions, feedback)",
    "home": "hub: pupils' home folders and notebooks (one private folder each)",
    "jupyterhub.sqlite": "hub: JupyterHub's own database (users, servers, tokens)",
    "grader": "grader: the outbox of results waiting to reach the classroom app",
    "exports": "classroom app: families' badge exports left by the year-end purge",
}
COPY_TRIES = 3
#: Databases copied before all others (paths in the data folder): the grader's outbox sends
#: results to the classroom database, so its copy must be the older one.
SENDERS = ("grader/outbox.db",)


class BackupError(RobocoleError):
    """The backup could not be made or read."""


@dataclass(frozen=True)
class Source:
    name: str
    path: Path


@dataclass
class BackupReport:
    archive: Path
    files: int = 0
    databases: int = 0
    bytes: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass
class RestoreReport:
    restored: dict[str, Path] = field(default_factory=dict)
    kept_aside: dict[str, Path] = field(default_factory=dict)
    files: int = 0


def parse_sources(text: str) -> list[Source]:
    """``name=/path`` pairs separated by the platform's path separator (or given one by one)."""
    sources = []
    for item in filter(None, (part.strip() for part in text.split(os.pathsep))):
        name, equals, path = item.partition("=")
        if not equals or not _valid_name(name) or not path:
            raise BackupError(_("“%(item)s” is not a folder to save: write name=/path.", item=item))
        sources.append(Source(name, Path(path).expanduser().resolve()))
    return sources


def _valid_name(name: str) -> bool:
    return bool(name) and name.replace("-", "").replace("_", "").isalnum()


def default_sources(
    data_dir: Path, environ: Mapping[str, str] | None = None, extra: Sequence[str] = ()
) -> list[Source]:
    """The data directory, then ``ROBOCOLE_BACKUP_EXTRA``, then ``extra`` from the CLI."""
    environ = os.environ if environ is None else environ
    sources = [Source("data", Path(data_dir).resolve())]
    sources += parse_sources(environ.get("ROBOCOLE_BACKUP_EXTRA", ""))
    for item in extra:
        sources += parse_sources(item)
    names = [source.name for source in sources]
    if len(set(names)) != len(names):
        raise BackupError(_("Two folders to save have the same name."))
    return sources


# -- backup ------------------------------------------------------------------------------


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live database through SQLite's online backup API."""
    # Opened read-write (nothing is written): a read-only open of a WAL database can fail
    # when its shared-memory file is missing.
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.execute("PRAGMA busy_timeout = 30000")
        src.backup(dst, pages=256)  # in steps, so writers are never blocked for long
        dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        dst.close()
        src.close()


def copy_file(source: Path, target: Path) -> None:
    """Copy a file; read it again when it changed while it was being copied."""
    for _attempt in range(COPY_TRIES):
        before = source.stat()
        shutil.copy2(source, target)
        after = source.stat()
        if (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size):
            return
    log.warning("a file kept changing during the backup; the last copy is kept")


def _walk(root: Path, excluded: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    """Folders and regular files under ``root`` (path, kind), leaving out what a backup must
    not hold: links, special files, SQLite's side files, the backup folder itself."""
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED_DIRS
            and not (here / d).is_symlink()
            and (here / d).resolve() not in excluded
        )
        for name in dirs:
            yield here / name, "folder"
        for name in sorted(files):
            path = here / name
            if path.is_symlink() or not path.is_file():
                yield path, "skipped"
            elif not _left_out(path):
                yield path, "sqlite" if is_sqlite(path) else "file"


def _senders_first(root: Path, items: Iterator[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """Folders first, then the databases that send data on before those that receive it.

    A result the grader delivers while the backup runs is then either still pending in the
    copied outbox (sent again after a restore, and counted once thanks to its idempotency
    key) or already in the copied classroom database: never in neither.
    """
    listed = list(items)

    def rank(item: tuple[Path, str]) -> int:
        path, kind = item
        if kind == "folder":
            return 0
        return 1 if path.relative_to(root).as_posix() in SENDERS else 2

    return sorted(listed, key=rank)  # stable: the walk's order within each rank


def _left_out(path: Path) -> bool:
    if path.name.endswith(SKIPPED_SUFFIXES):
        return True
    # SQLite's side files: the online backup of their database already holds their content.
    return path.name.endswith(SQLITE_SIDE_FILES) and is_sqlite(
        path.with_name(path.name.rsplit("-", 1)[0])
    )


def _same_owner_and_mode(source: Path, target: Path) -> None:
    """Keep who owns a file and who may read it (pupils' home folders are private, 0700)."""
    status = source.stat()
    os.chmod(target, stat.S_IMODE(status.st_mode))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.chown(target, status.st_uid, status.st_gid)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def create_backup(sources: Sequence[Source], output_dir: Path) -> BackupReport:
    """Snapshot every source into one archive in ``output_dir`` (owner-only)."""
    output_dir = Path(output_dir).resolve()
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    report = BackupReport(output_dir / f"robocole-backup-{stamp}.tar.gz")
    listing: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(dir=output_dir, prefix=".staging-") as staging_name:
        staging = Path(staging_name)
        os.chmod(staging, 0o700)
        for source in sources:
            if not source.path.is_dir():
                raise BackupError(
                    _("The folder %(path)s to save does not exist.", path=source.path)
                )
            (staging / source.name).mkdir()
            _same_owner_and_mode(source.path, staging / source.name)
            for path, kind in _senders_first(source.path, _walk(source.path, [output_dir])):
                relative = path.relative_to(source.path).as_posix()
                target = staging / source.name / relative
                if kind == "skipped":
                    report.skipped.append(f"{source.name}/{relative}")
                    continue
                if kind == "folder":
                    target.mkdir()
                    _same_owner_and_mode(path, target)
                    continue
                if kind == "sqlite":
                    copy_sqlite(path, target)
                    report.databases += 1
                else:
                    copy_file(path, target)
                _same_owner_and_mode(path, target)
                report.files += 1
                report.bytes += target.stat().st_size
                listing.append(
                    {
                        "path": f"{source.name}/{relative}",
                        "size": target.stat().st_size,
                        "sha256": sha256_of(target),
                        "sqlite": kind == "sqlite",
                    }
                )
        manifest = {
            "format": FORMAT,
            "robocole": __version__,
            "created_at": datetime.now(UTC).isoformat(),
            "sources": {source.name: str(source.path) for source in sources},
            "files": listing,
            "skipped": report.skipped,
        }
        (staging / "backup.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
        partial = report.archive.with_name(report.archive.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            tar.add(staging / "backup.json", arcname="backup.json")
            for source in sources:
                tar.add(staging / source.name, arcname=source.name)
        partial.replace(report.archive)  # an archive is whole or absent
    log.info("backup written: %s files, %s databases", report.files, report.databases)
    return report


# -- restore -----------------------------------------------------------------------------


def read_manifest(archive: Path) -> dict[str, object]:
    try:
        with tarfile.open(archive, "r:gz") as tar:
            member = tar.extractfile("backup.json")
            if member is None:
                raise KeyError("backup.json")
            manifest: dict[str, object] = json.loads(member.read())
    except (OSError, KeyError, tarfile.TarError, ValueError) as error:
        raise BackupError(
            _("%(path)s is not a Robocole backup (or it is damaged).", path=archive)
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(_("This backup was made by another version of Robocole."))
    return manifest


def restore_backup(
    archive: Path, targets: Mapping[str, Path], force: bool = False
) -> RestoreReport:
    """Bring every source back into its target folder (by name); check everything first.

    A source with no target is restored where it was when saved. A target that already
    holds files is replaced only with ``force``, and then kept beside it, renamed.
    """
    archive = Path(archive).resolve()
    manifest = read_manifest(archive)
    sources = dict(manifest["sources"])  # type: ignore[call-overload]
    files: list[dict[str, object]] = list(manifest["files"])  # type: ignore[call-overload]
    places = {name: Path(targets.get(name) or sources[name]).resolve() for name in sources}
    for place in places.values():
        if place.exists() and any(place.iterdir()) and not force:
            raise BackupError(
                _(
                    "%(path)s is not empty: add --force to replace it (it is kept aside).",
                    path=place,
                )
            )
    report = RestoreReport()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    staged: dict[str, Path] = {}
    try:
        for name, place in places.items():
            place.parent.mkdir(parents=True, exist_ok=True)
            staged[name] = Path(tempfile.mkdtemp(dir=place.parent, prefix=f".restore-{name}-"))
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar.getmembers():
                parts = PurePosixPath(member.name).parts
                if not parts or parts[0] == "backup.json" or (len(parts) == 1 and member.isdir()):
                    continue
                if parts[0] not in staged or not (member.isfile() or member.isdir()):
                    raise BackupError(
                        _("This backup holds an unexpected file: %(n)s", n=member.name)
                    )
                member_copy = member.replace(name=PurePosixPath(*parts[1:]).as_posix() or ".")
                # The "tar" filter refuses paths that leave the folder but keeps owners and
                # modes ("data" would open the pupils' private folders to everyone).
                tar.extract(member_copy, staged[parts[0]], filter="tar")
        for entry in files:
            path = PurePosixPath(str(entry["path"]))
            extracted = staged[path.parts[0]].joinpath(*path.parts[1:])
            if not extracted.is_file() or sha256_of(extracted) != entry["sha256"]:
                raise BackupError(_("The backup is damaged: %(path)s does not match.", path=path))
            report.files += 1
        for name, place in places.items():
            if place.exists():
                aside = place.with_name(f"{place.name}.before-restore-{stamp}")
                place.rename(aside)
                report.kept_aside[name] = aside
            staged.pop(name).rename(place)
            report.restored[name] = place
    finally:
        for leftover in staged.values():
            shutil.rmtree(leftover, ignore_errors=True)
    log.info("backup restored: %s files", report.files)
    return report
