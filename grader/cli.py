"""``robocole grade …``: a thin command line over the grader library.

- ``robocole grade probe``: which protections work on this machine.
- ``robocole grade class CLASS LESSON``: collect and grade a whole class, with a progress bar.
- ``robocole grade watch``: the service that grades each submission as it arrives.
- ``robocole grade setup CLASS --from BUILT``: a class's course from the built curriculum.
- ``robocole grade deliver``: send the results waiting in the outbox.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from grader.release_api import add_arguments as add_release_arguments
from grader.release_api import start_from_args as start_release_api
from grader.sandbox import SandboxPolicy
from grader.settings import api_settings, default, default_workers
from grader.startup import defer_garbage_collection, prepare_environment, skip_slow_imports
from robocole.i18n import gettext as _
from robocole.i18n import ngettext

if TYPE_CHECKING:
    from grader.course import Course
    from grader.pipeline import GradeResult, GradingOptions
    from grader.warm import WarmSandbox


def configure(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="grade_command", metavar="COMMAND")

    probe = commands.add_parser("probe", help=_("Show which sandbox protections work here."))
    _sandbox_options(probe)
    probe.set_defaults(handler=run_probe)

    grade_class = commands.add_parser(
        "class", help=_("Collect and grade every submission of a lesson in a class.")
    )
    grade_class.add_argument("class_code", metavar="CLASS", help=_("The class code."))
    grade_class.add_argument("lesson", metavar="LESSON", help=_("The lesson id."))
    _course_options(grade_class)
    _sandbox_options(grade_class)
    _api_options(grade_class)
    grade_class.add_argument(
        "--no-collect",
        action="store_true",
        help=_("Grade what is already collected; do not look in the exchange."),
    )
    grade_class.add_argument(
        "--no-feedback", action="store_true", help=_("Do not write or release feedback.")
    )
    grade_class.set_defaults(handler=run_class)

    watch = commands.add_parser("watch", help=_("Grade each submission as soon as it arrives."))
    _course_options(watch)
    _sandbox_options(watch)
    _api_options(watch)
    watch.add_argument(
        "--poll", type=float, default=0.2, help=_("Seconds between two looks at the exchange.")
    )
    add_release_arguments(watch)  # the classroom app releases lessons through us
    watch.set_defaults(handler=run_watch)

    setup = commands.add_parser(
        "setup", help=_("Make a class's course from the built curriculum and release it.")
    )
    setup.add_argument("class_code", metavar="CLASS", help=_("The class code."))
    setup.add_argument(
        "--from",
        dest="built",
        type=Path,
        required=True,
        help=_("A course folder written by 'robocole curriculum build' (for example build/fr)."),
    )
    setup.add_argument(
        "--lesson", action="append", default=[], help=_("Only this lesson (repeatable).")
    )
    _course_options(setup)
    setup.set_defaults(handler=run_setup)

    deliver = commands.add_parser("deliver", help=_("Send the results waiting in the outbox."))
    _api_options(deliver)
    deliver.set_defaults(handler=run_deliver)


def _course_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--courses-root",
        type=Path,
        default=Path(default("courses_root")),
        help=_("Folder of the classes' nbgrader courses (ROBOCOLE_COURSES_ROOT)."),
    )
    parser.add_argument(
        "--exchange",
        type=Path,
        default=Path(default("exchange")),
        help=_("nbgrader's exchange folder (ROBOCOLE_EXCHANGE)."),
    )
    parser.add_argument(
        "--workers", type=int, default=None, help=_("How many submissions to grade at once.")
    )


def _sandbox_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sandbox-user",
        default=default("sandbox_user"),
        help=_("The unprivileged user pupil code runs as (ROBOCOLE_SANDBOX_USER)."),
    )
    parser.add_argument(
        "--cell-timeout",
        type=int,
        default=SandboxPolicy.cell_timeout,
        help=_("Seconds a cell may run (a child's exercise takes about 0.1 s)."),
    )
    parser.add_argument(
        "--fresh-kernels",
        action="store_true",
        help=_("Start every kernel in a new sandbox instead of forking it from a warm one."),
    )


def _api_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--outbox",
        type=Path,
        default=Path(default("outbox")),
        help=_("The outbox database of results to send (ROBOCOLE_GRADER_OUTBOX)."),
    )
    parser.add_argument(
        "--api-url",
        default=default("api_url"),
        help=_("Address of the classroom app (ROBOCOLE_API_URL)."),
    )
    parser.add_argument(
        "--api-token-file",
        default=None,
        help=_("File holding the grader's service token (default: ROBOCOLE_GRADER_TOKEN)."),
    )


def _policy(args: argparse.Namespace) -> SandboxPolicy:
    return SandboxPolicy(
        user=args.sandbox_user, cell_timeout=args.cell_timeout, warm=not args.fresh_kernels
    )


def _start(
    args: argparse.Namespace, hidden: list[Path], policy: SandboxPolicy | None = None
) -> GradingOptions:
    """Probe the sandbox and refuse to go on without the minimum; the grading options.

    The caller goes on to start a ``WorkerPool``, which turns garbage collection on again.
    """
    defer_garbage_collection()
    skip_slow_imports()
    prepare_environment()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    from grader.sandbox import require_minimum, start_probe

    policy = policy or _policy(args)
    # The probe's sandbox starts on the other core while this process imports nbgrader;
    # nothing is graded before its report says the minimum holds.
    running = start_probe(policy, hidden)
    from grader.pipeline import GradingOptions

    report = running.report()
    require_minimum(report)
    return GradingOptions(policy=policy, protections=report.protections)


def run_probe(args: argparse.Namespace) -> int:
    from grader.sandbox import SandboxPolicy, probe

    # What grading hides from pupil code: the probe checks these too, with its own canary.
    places = (Path(default("courses_root")), Path(default("outbox")).parent)
    hidden = [place for place in places if place.exists()]
    report = probe(SandboxPolicy(user=args.sandbox_user, cell_timeout=args.cell_timeout), hidden)
    print(_("Active protections: %(list)s", list=", ".join(report.protections)))
    for failure in report.failures:
        print(failure)
    missing = report.missing()
    if missing:
        print(_("Missing: %(list)s", list=", ".join(missing)))
    if missing or report.failures:
        return 1
    print(_("The sandbox is complete: grading is allowed."))
    return 0


class ProgressBar:
    """A one-line progress bar on the terminal (plain lines when it is not a terminal)."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.total, self.stream, self.width = total, stream, width
        self.started = time.monotonic()

    def update(self, done: int) -> None:
        filled = int(self.width * done / max(self.total, 1))
        bar = "█" * filled + "·" * (self.width - filled)
        line = f"[{bar}] {done}/{self.total}  {time.monotonic() - self.started:5.1f} s"
        if self.stream.isatty():
            self.stream.write("\r" + line + ("\n" if done >= self.total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def run_class(args: argparse.Namespace) -> int:
    from grader.course import Course
    from grader.warm import WarmSandbox

    exchange = args.exchange if args.exchange.is_dir() else None
    course = Course.for_class(args.courses_root, args.class_code, exchange).require()
    # The workers' sandboxes start first: their zygotes import ipykernel on the other core
    # while this process imports nbgrader. No pupil code runs in them before the probe.
    policy = _policy(args)
    workers = args.workers or default_workers()
    sandboxes = [WarmSandbox(policy).launch() for _ in range(workers)] if policy.warm else []
    try:
        return _grade_class(args, course, policy, workers, sandboxes)
    finally:
        for sandbox in sandboxes:
            sandbox.close()


def _grade_class(
    args: argparse.Namespace,
    course: Course,
    policy: SandboxPolicy,
    workers: int,
    sandboxes: list[WarmSandbox],
) -> int:
    exchange = course.exchange
    options = _start(args, [course.root, args.outbox.parent], policy)
    from grader.outbox import Outbox, ResultPoster, deliver_due
    from grader.pipeline import collect, grade_class

    started = time.monotonic()
    if exchange is not None and not args.no_collect:
        collect(course, args.lesson)
    if args.no_feedback:
        options = replace(options, generate_feedback=False, release_feedback=False)
    students = course.students(args.lesson)
    print(
        ngettext(
            "Grading %(num)d submission of %(lesson)s in %(course)s…",
            "Grading %(num)d submissions of %(lesson)s in %(course)s…",
            len(students),
            lesson=args.lesson,
            course=course.id,
        ),
        file=sys.stderr,
    )
    bar = ProgressBar(len(students))
    outbox = Outbox(args.outbox)

    def on_result(result: GradeResult, done: int, _total: int) -> None:
        # Each result is kept as soon as it is known (a durable write, ≈8 ms), while the
        # workers grade the next ones, not all at the end.
        outbox.put(result.payload())
        bar.update(done)

    results = grade_class(
        course,
        args.lesson,
        options,
        workers=workers,
        students=students,
        on_result=on_result,
        sandboxes=sandboxes,
    )
    api = api_settings(args.api_url, args.api_token_file)
    sent = 0
    if api is not None:
        poster = ResultPoster(api.url, api.token)
        sent = deliver_due(outbox, poster)
        poster.close()
    solved = sum(e.passed for r in results for e in r.exercises)
    total = sum(len(r.exercises) for r in results)
    print(
        _(
            "%(count)d graded in %(seconds).1f s: %(solved)d of %(total)d exercises solved; "
            "%(sent)d results sent, %(pending)d waiting in the outbox.",
            count=len(results),
            seconds=time.monotonic() - started,
            solved=solved,
            total=total,
            sent=sent,
            pending=outbox.counts()["pending"],
        )
    )
    print(_("Active protections: %(list)s", list=", ".join(options.protections)))
    return 0


def run_watch(args: argparse.Namespace) -> int:
    options = _start(args, [args.courses_root, args.outbox.parent])
    from grader.outbox import Outbox, ResultPoster
    from grader.watch import WatchService

    api = api_settings(args.api_url, args.api_token_file)
    if api is None:
        logging.getLogger(__name__).warning(
            "no ROBOCOLE_GRADER_TOKEN: results stay in the outbox until 'robocole grade deliver'"
        )
    poster = ResultPoster(api.url, api.token) if api is not None else None
    print(_("Active protections: %(list)s", list=", ".join(options.protections)))
    start_release_api(args)  # daemon thread
    with WatchService(
        args.courses_root,
        args.exchange,
        Outbox(args.outbox),
        options,
        poster=poster,
        workers=args.workers,
        poll_interval=args.poll,
    ) as service:
        # The hub stops its services with SIGTERM: finish the pass, close workers and sandboxes.
        signal.signal(signal.SIGTERM, lambda _signum, _frame: service.stop())
        service.run()
    return 0


def run_setup(args: argparse.Namespace) -> int:
    skip_slow_imports()
    prepare_environment()
    from grader.course import Course
    from grader.setup import setup_class_course

    exchange = args.exchange if args.exchange.is_dir() else None
    course = Course.for_class(args.courses_root, args.class_code, exchange)
    lessons = setup_class_course(course, args.built, args.lesson)
    print(
        _(
            "Course %(course)s ready with %(count)d lessons: %(lessons)s.",
            course=course.id,
            count=len(lessons),
            lessons=", ".join(lessons),
        )
    )
    return 0


def run_deliver(args: argparse.Namespace) -> int:
    from grader.errors import GraderError
    from grader.outbox import Outbox, ResultPoster, deliver_due

    api = api_settings(args.api_url, args.api_token_file)
    if api is None:
        raise GraderError(
            _("No service token: set ROBOCOLE_GRADER_TOKEN or pass --api-token-file.")
        )
    outbox = Outbox(args.outbox)
    poster = ResultPoster(api.url, api.token)
    sent = deliver_due(outbox, poster, now=float("inf"))
    poster.close()
    counts = outbox.counts()
    print(
        _(
            "%(sent)d results sent; %(pending)d waiting, %(rejected)d refused by the app.",
            sent=sent,
            pending=counts["pending"],
            rejected=counts["rejected"],
        )
    )
    return 0 if counts["pending"] == 0 else 1
