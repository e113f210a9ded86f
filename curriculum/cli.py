"""``robocole curriculum check|build``: a thin layer over ``curriculum.check`` and ``.build``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from robocole.i18n import LANGUAGES, ngettext
from robocole.i18n import gettext as _


def configure(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(metavar="ACTION")
    check = commands.add_parser(
        "check",
        help=_("Check every lesson: builds, solutions pass, pupil versions fail, translations."),
        description=_(
            "Check every lesson: builds, solutions pass, pupil versions fail, translations."
        ),
    )
    check.add_argument(
        "--manifest", type=Path, help=_("Manifest file (default: the shipped curriculum).")
    )
    check.add_argument(
        "--lesson",
        action="append",
        default=[],
        metavar="ID",
        help=_("Check only this lesson (repeatable)."),
    )
    check.add_argument(
        "--no-run", action="store_true", help=_("Skip running the notebooks in kernels.")
    )
    check.add_argument("--jobs", type=_positive, default=None, help=_("Kernels running at once."))
    check.set_defaults(handler=run_check)
    build = commands.add_parser(
        "build",
        help=_("Write an nbgrader course source/ tree per language."),
        description=_("Write an nbgrader course source/ tree per language."),
    )
    build.add_argument(
        "out", type=Path, help=_("Folder that receives one course folder per language.")
    )
    build.add_argument(
        "--manifest", type=Path, help=_("Manifest file (default: the shipped curriculum).")
    )
    build.add_argument(
        "--language",
        action="append",
        choices=LANGUAGES,
        help=_("Build only this language (repeatable)."),
    )
    build.add_argument(
        "--lesson",
        action="append",
        default=[],
        metavar="ID",
        help=_("Build only this lesson (repeatable)."),
    )
    build.set_defaults(handler=run_build)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(_("give a whole number of at least 1"))
    return value


def run_check(args: argparse.Namespace) -> int:
    from curriculum.check import check_curriculum

    started = time.monotonic()
    report = check_curriculum(
        args.manifest, lessons=args.lesson, run=not args.no_run, parallel=args.jobs
    )
    for lesson, (wrong, right) in sorted(report.tried.items()):
        # Per lesson, so a teacher sees which tests were proven and which were only run.
        print(
            _(
                "%(lesson)s: %(wrong)d wrong answers and %(right)d right variants tried.",
                lesson=lesson,
                wrong=wrong,
                right=right,
            )
        )
    for fault in report.faults:
        print(f"✗ {fault}")
    if report.tried:
        print(
            _(
                "Tried: %(wrong)d wrong answers and %(right)d right variants, plus each "
                "pupil's empty answer.",
                wrong=report.wrong_tried,
                right=report.right_tried,
            )
        )
    summary = _(
        "%(lessons)d lessons, %(exercises)d exercises, %(badges)d badges, "
        "%(notebooks)d notebooks run in %(seconds).0f s.",
        lessons=report.lessons,
        exercises=report.exercises,
        badges=report.badges,
        notebooks=report.notebooks_run,
        seconds=time.monotonic() - started,
    )
    print(summary)
    if report.ok:
        print(_("✓ The curriculum is ready."))
        return 0
    print(
        ngettext("%(num)d fault to fix.", "%(num)d faults to fix.", len(report.faults)),
        file=sys.stderr,
    )
    return 1


def run_build(args: argparse.Namespace) -> int:
    from curriculum.build import build_course
    from curriculum.manifest import load_manifest

    manifest = load_manifest(args.manifest)
    written = build_course(manifest, args.out, args.language or LANGUAGES, args.lesson)
    print(
        ngettext(
            "%(num)d notebook written to %(out)s.",
            "%(num)d notebooks written to %(out)s.",
            len(written),
            out=args.out,
        )
    )
    return 0
