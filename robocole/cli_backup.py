"""``robocole backup`` and ``robocole restore``: the thin command line over robocole.backup."""

from __future__ import annotations

import argparse
from pathlib import Path

from robocole import backup
from robocole.i18n import gettext as _


def _data_dir(args: argparse.Namespace) -> Path:
    from classroom_app.config import data_directory  # the one definition of the default

    return Path(args.data).resolve() if args.data else data_directory()


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, default=None, help=_("data folder (default: ROBOCOLE_DATA or ./data)")
    )
    parser.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help=_("another folder to save or restore (also ROBOCOLE_BACKUP_EXTRA)"),
    )


def configure(parser: argparse.ArgumentParser) -> None:
    """``robocole backup``."""
    _common(parser)
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help=_("folder for the archive (default: DATA/../backups); copy it to another disk"),
    )
    parser.set_defaults(handler=run_backup)


def configure_restore(parser: argparse.ArgumentParser) -> None:
    """``robocole restore``."""
    parser.add_argument("archive", type=Path, help=_("the backup archive (.tar.gz)"))
    _common(parser)
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace folders that already hold data (they are kept aside, renamed)"),
    )
    parser.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    sources = backup.default_sources(data_dir, extra=args.extra)
    output = args.output or data_dir.parent / "backups"
    report = backup.create_backup(sources, output)
    print(
        _(
            "Backup saved: %(path)s (%(files)s files, %(dbs)s databases, %(kb)s KB).",
            path=report.archive,
            files=report.files,
            dbs=report.databases,
            kb=report.archive.stat().st_size // 1024,
        )
    )
    if report.skipped:
        print(_("Left out (links or special files): %(n)s", n=len(report.skipped)))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    targets = {"data": _data_dir(args)}
    for item in args.extra:
        targets.update({source.name: source.path for source in backup.parse_sources(item)})
    report = backup.restore_backup(args.archive, targets, force=args.force)
    for name, place in report.restored.items():
        print(_("Restored %(name)s into %(path)s.", name=name, path=place))
    for name, place in report.kept_aside.items():
        print(_("The previous %(name)s is kept in %(path)s.", name=name, path=place))
    return 0
