"""Grade one submission with nbgrader's own converters, or a whole class with a worker pool.

One submission: nbgrader's ``Autograde`` in one pass (``OnePassAutograde``, with
``SandboxedExecute`` and ``RestoreCells`` at its seams), scores read back from nbgrader's
gradebook, kind French messages, then nbgrader's ``GenerateFeedback`` (with our summary on
top) and ``ExchangeReleaseFeedback``.

A class: submissions are independent, so a pool of worker processes grades several at once;
each kernel is still a fresh sandboxed process. Workers are forked once, after nbgrader is
imported, so no submission pays for importing it, and share one gradebook engine per
process. In the pool, feedback is a job of its own, queued once the grade is known: grades
come first, the feedback page follows.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import html
import json
import logging
import multiprocessing
import multiprocessing.util
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.auth import Authenticator
from nbgrader.converters import GenerateFeedback
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange.default import ExchangeReleaseFeedback
from nbgrader.preprocessors import (
    AssignLatePenalties,
    ClearHiddenTests,
    ClearOutput,
    DeduplicateIds,
    GetGrades,
    IgnorePattern,
    LimitOutput,
    OverwriteKernelspec,
)
from nbgrader.utils import is_grade, is_solution
from traitlets.config import Config

from grader.autograde import OnePassAutograde
from grader.course import Course
from grader.execute import SandboxedExecute
from grader.exporter import use_feedback_template
from grader.feedback import ExerciseOutcome, exercise_id, outcomes, summary_markdown
from grader.gradebook import share_engines, use_wal
from grader.integrity import TAMPERED
from grader.prefork import rehearse
from grader.preprocessors import (
    AddFeedbackSummary,
    CheckCellMetadataCompiled,
    RestoreCells,
    SaveAutoGradesAtOnce,
)
from grader.repair import repair
from grader.safe_collect import SafeExchangeCollect
from grader.sandbox import SandboxPolicy
from grader.settings import default_workers
from grader.warm import WarmSandbox
from robocole.i18n import current_language
from robocole.i18n import gettext as _

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GradeResult:
    """The grade of one pupil's submission of one lesson, ready to send to the classroom app."""

    course_id: str
    username: str
    lesson_id: str
    exercises: tuple[ExerciseOutcome, ...]
    notes: tuple[str, ...] = ()
    protections: tuple[str, ...] = ()
    submitted_at: str = ""
    graded_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())
    #: graded | damaged (graded what could be: ask the pupil to hand it in again) |
    #: unreadable | failed. Always with a sentence in ``notes`` when not ``graded``.
    status: str = "graded"
    #: What the teacher should know besides the score: ``tampered:<exercise>`` when the
    #: pupil's code changed Python itself and a test could not be trusted (integrity.py).
    flags: tuple[str, ...] = ()

    @property
    def idempotency_key(self) -> str:
        """Same submission and same outcome, same key: a regrade is never counted twice."""
        outcome = json.dumps(
            [(e.exercise_id, e.passed, e.points) for e in self.exercises], sort_keys=True
        )
        digest = hashlib.sha256(outcome.encode()).hexdigest()[:16]
        stamp = self.submitted_at or "unknown"
        key = f"{self.course_id}/{self.username}/{self.lesson_id}/{stamp}/{digest}"
        return key[:200]

    def payload(self) -> dict[str, Any]:
        """The body of ``POST /api/v1/results`` (classroom_app/openapi.yaml)."""
        return {
            "idempotency_key": self.idempotency_key,
            "username": self.username,
            "lesson_id": self.lesson_id,
            "graded_at": self.graded_at,
            "protections": list(self.protections),
            "status": self.status,
            "flags": list(self.flags),
            "exercises": [
                {
                    "exercise_id": e.exercise_id,
                    "passed": e.passed,
                    "points": e.points,
                    "max_points": e.max_points,
                }
                for e in self.exercises
            ],
        }

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class GradingOptions:
    """What a grading run does besides grading."""

    policy: SandboxPolicy = field(default_factory=SandboxPolicy)
    protections: tuple[str, ...] = ()
    generate_feedback: bool = True
    release_feedback: bool = True


def _autograde_config(
    course: Course,
    student: str,
    lesson: str,
    options: GradingOptions,
    warm: WarmSandbox | None = None,
) -> Config:
    c = course.config(lesson, student)
    c.Autograde.force = True
    c.Autograde.create_student = True
    # nbgrader's own lists, with four classes swapped in at its seams (order kept: see
    # nbgrader.converters.autograde). OnePassAutograde runs them one after the other.
    c.Autograde.sanitize_preprocessors = [
        ClearOutput,
        DeduplicateIds,
        OverwriteKernelspec,
        RestoreCells,
        CheckCellMetadataCompiled,
    ]
    c.Autograde.autograde_preprocessors = [
        SandboxedExecute,
        IgnorePattern,
        ClearMetadataPreprocessor,
        LimitOutput,
        SaveAutoGradesAtOnce,
        AssignLatePenalties,
        # nbgrader ends with a second CheckCellMetadata, for the notebook it read back from
        # disk; in one pass nothing after the first check touches the nbgrader metadata
        # (ClearMetadataPreprocessor is off unless configured), so it would check the same.
    ]
    # nbconvert checks the notebook against nbformat's schema after each of the eleven
    # preprocessors (≈2 ms each); its documented switch checks it once, after the last one.
    c.Exporter.optimistic_validation = True
    c.SandboxedExecute.timeout = options.policy.cell_timeout
    c.SandboxKernelManager.policy = options.policy
    c.SandboxKernelManager.pupil_folder = str(course.submitted(student, lesson))
    c.SandboxKernelManager.warm_sandbox = warm
    return c


@dataclass
class _Submitted:
    """One submitted notebook as the grader reads it."""

    notebook: nbformat.NotebookNode | None = None
    unreadable: str | None = None  # the pupil's sentence when nothing can be graded
    problems: list[str] = field(default_factory=list)  # what was repaired (repair.py)
    repaired: bytes | None = None  # the text nbgrader must read instead of the pupil's


def _original(path: Path) -> Path:
    """Where the pupil's own damaged file is kept while nbgrader reads the repaired one."""
    return path.with_name(f".{path.name}.original")


def _read_submitted(path: Path, known_ids: set[str]) -> _Submitted:
    """The submitted notebook (None when missing), repaired if it can be, or why not."""
    original = _original(path)
    source = original if original.exists() else path  # a regrade reads the pupil's file
    if not source.exists():
        return _Submitted()  # nbgrader gives a missing notebook zero points itself
    raw = source.read_bytes()
    if not raw.strip():
        return _Submitted(
            unreadable=_("Your notebook %(name)s was empty when you handed it in.", name=path.name)
        )
    repaired = repair(raw, known_ids)
    if repaired.notebook is None:
        return _Submitted(
            unreadable=_(
                "Your notebook %(name)s is damaged and cannot be read: ask your teacher for a "
                "fresh copy.",
                name=path.name,
            ),
            problems=repaired.problems,
        )
    text = nbformat.writes(repaired.notebook).encode() if repaired.problems else None
    return _Submitted(repaired.notebook, None, repaired.problems, text)


@contextlib.contextmanager
def _repaired_files(folder: Path, submitted: dict[str, _Submitted]) -> Iterator[None]:
    """nbgrader reads the repaired notebooks; the pupil's own files are back afterwards.

    The pupil's file stays what it was: nbgrader's feedback is found by the hash of the
    submitted file, and a regrade repairs the original again.
    """
    swapped = []
    try:
        for name, entry in submitted.items():
            if entry.repaired is None:
                continue
            path = folder / name
            if not _original(path).exists():
                os.replace(path, _original(path))
            path.write_bytes(entry.repaired)
            swapped.append(path)
        yield
    finally:
        for path in swapped:
            os.replace(_original(path), path)


def _links_or_special_files(folder: Path) -> list[str]:
    """Names under ``folder`` that are not plain files or folders (links, pipes, devices)."""
    odd = []
    for top, folders, files in os.walk(folder, followlinks=False):
        for name in [*folders, *files]:
            path = os.path.join(top, name)
            mode = os.lstat(path).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                odd.append(os.path.relpath(path, folder))
    return sorted(odd)


def _known_ids(course: Course, lesson: str) -> dict[str, set[str]]:
    """The grade ids of each notebook of ``lesson``, as nbgrader's gradebook knows them."""
    with Gradebook(course.gradebook_url, course.id) as gb:
        assignment = gb.find_assignment(lesson)
        return {
            notebook.name: {
                cell.name
                for cells in (notebook.source_cells, notebook.grade_cells, notebook.task_cells)
                for cell in cells
            }
            | {cell.name for cell in notebook.solution_cells}
            for notebook in assignment.notebooks
        }


def _submitted_at(course: Course, student: str, lesson: str) -> str:
    stamp = course.submitted(student, lesson) / "timestamp.txt"
    return stamp.read_text().strip() if stamp.exists() else ""


def _test_cells_of_source(course: Course, lesson: str) -> list[tuple[str, float]]:
    with Gradebook(course.gradebook_url, course.id) as gb:
        assignment = gb.find_assignment(lesson)
        return [
            (cell.name, float(cell.max_score))
            for notebook in assignment.notebooks
            for cell in notebook.grade_cells
            if cell.cell_type == "code"
        ]


def _zero_grades(course: Course, student: str, lesson: str, notebook: str) -> None:
    """Record zero points for an unreadable notebook, as nbgrader does for a missing one."""
    with Gradebook(course.gradebook_url, course.id) as gb:
        gb.update_or_create_student(student)
        gb.update_or_create_submission(lesson, student)
        try:
            submission = gb.find_submission_notebook(notebook, lesson, student)
        except MissingEntry:
            return
        for grade in submission.grades:
            grade.auto_score = 0
            grade.needs_manual_grade = False
        gb.db.commit()


def _failed_result(
    course: Course,
    student: str,
    lesson: str,
    options: GradingOptions,
    notes: list[str],
    status: str,
    problems: list[str] | None = None,
) -> GradeResult:
    message = notes[0] if notes else _("Your notebook could not be checked.")
    exercises: dict[str, ExerciseOutcome] = {}
    for grade_id, max_points in _test_cells_of_source(course, lesson):
        exercise = exercise_id(grade_id)
        before = exercises.get(exercise)
        total = max_points + (before.max_points if before else 0.0)
        exercises[exercise] = ExerciseOutcome(exercise, False, 0.0, total, message)
    return GradeResult(
        course.id,
        student,
        lesson,
        tuple(exercises.values()),
        tuple(notes),
        options.protections,
        _submitted_at(course, student, lesson),
        status=status,
        flags=tuple(f"damaged:{problem}" for problem in problems or ()),
    )


def _scores(course: Course, student: str, lesson: str) -> dict[str, tuple[float, float]]:
    with Gradebook(course.gradebook_url, course.id) as gb:
        submission = gb.find_submission(lesson, student)
        return {
            grade.name: (float(grade.score or 0.0), float(grade.max_score or 0.0))
            for notebook in submission.notebooks
            for grade in notebook.grades
        }


def _test_sources(notebook: nbformat.NotebookNode) -> dict[str, str]:
    return {
        cell.metadata.nbgrader["grade_id"]: cell.source
        for cell in notebook.cells
        if is_grade(cell) and not is_solution(cell) and "grade_id" in cell.metadata.nbgrader
    }


@functools.lru_cache(maxsize=64)
def _released_tests(released: Path, _changed: int) -> dict[str, str]:
    """The test cells of a released notebook, read once per version of the file."""
    return _test_sources(nbformat.read(released, as_version=4))


def _notes_from(released: Path, submitted: nbformat.NotebookNode | None) -> list[str]:
    """Notes about test cells the pupil deleted or changed (nbgrader used the originals)."""
    if submitted is None or not released.exists():
        return []
    notes = []
    before = _test_sources(submitted)
    for grade_id, source in _released_tests(released, released.stat().st_mtime_ns).items():
        if grade_id not in before:
            notes.append(
                _(
                    "The test %(name)s had been deleted; it was put back to check your work.",
                    name=grade_id,
                )
            )
        elif before[grade_id].strip() != source.strip():
            notes.append(
                _("The test %(name)s had been changed; the original test was used.", name=grade_id)
            )
    return notes


def grade_submission(
    course: Course,
    student: str,
    lesson: str,
    options: GradingOptions,
    warm: WarmSandbox | None = None,
) -> GradeResult:
    """Autograde one collected submission and write its feedback; never raises for bad input.

    With ``warm``, the kernel is forked in that warm sandbox; otherwise a fresh one starts.
    """
    folder = course.submitted(student, lesson)
    notes: list[str] = []
    odd = _links_or_special_files(folder)
    if odd:
        # nbgrader reads and copies the folder as the grader's user: it would follow a link
        # (another pupil's notebook, a root-only file) or wait on a named pipe for ever.
        log.warning("refused %s/%s/%s: %s", course.id, student, lesson, ", ".join(odd))
        notes.append(
            _(
                "Your folder holds a link or a special file (%(names)s): only ordinary files "
                "are checked. Hand your lesson in again from its own folder.",
                names=", ".join(odd[:3]),
            )
        )
        for source in course.source_notebooks(lesson):
            _zero_grades(course, student, lesson, source.stem)
        return _failed_result(course, student, lesson, options, notes, "unreadable", ["link"])
    known = _known_ids(course, lesson)
    submitted: dict[str, _Submitted] = {}
    for source in course.source_notebooks(lesson):
        entry = submitted[source.name] = _read_submitted(
            folder / source.name, known.get(source.stem, set())
        )
        if entry.unreadable is not None:
            notes.append(entry.unreadable)
            _zero_grades(course, student, lesson, source.stem)
    if notes:
        problems = [p for entry in submitted.values() for p in entry.problems]
        return _failed_result(course, student, lesson, options, notes, "unreadable", problems)
    problems = [
        f"{name}: {problem}" for name, entry in submitted.items() for problem in entry.problems
    ]
    if problems:
        notes.append(
            _(
                "Your notebook was damaged; everything that could be checked was checked. "
                "Hand it in again if your teacher asks you to."
            )
        )

    config = _autograde_config(course, student, lesson, options, warm)
    try:
        with _repaired_files(folder, submitted):
            OnePassAutograde(coursedir=CourseDirectory(config=config), config=config).start()
    except Exception:
        # nbgrader explains the details in its log; the pupil gets a sentence, the class goes on.
        log.exception("nbgrader could not autograde %s/%s/%s", course.id, student, lesson)
        notes.append(
            _("Your notebook could not be checked automatically; your teacher will look at it.")
        )
        return _failed_result(course, student, lesson, options, notes, "failed", problems)

    scores = _scores(course, student, lesson)
    results: list[ExerciseOutcome] = []
    tampered: set[str] = set()
    for notebook_path in sorted(course.autograded(student, lesson).glob("*.ipynb")):
        notebook = nbformat.read(notebook_path, as_version=4)
        results += outcomes(notebook.cells, scores)
        tampered |= _tampered_exercises(notebook.cells)
        released = course.root / "release" / lesson / notebook_path.name
        read = submitted.get(notebook_path.name)
        notes += _notes_from(released, read.notebook if read else None)
    result = GradeResult(
        course.id,
        student,
        lesson,
        tuple(_with_tampering(results, tampered)),
        tuple(notes),
        options.protections,
        _submitted_at(course, student, lesson),
        status="damaged" if problems else "graded",
        flags=(
            *(f"tampered:{exercise}" for exercise in sorted(tampered)),
            *(f"damaged:{problem}" for problem in problems),
        ),
    )
    if options.generate_feedback:
        write_feedback(course, result, release=options.release_feedback)
    return result


def _tampered_exercises(cells: Iterable[nbformat.NotebookNode]) -> set[str]:
    """Exercises whose test verdict could not be trusted (``SandboxedExecute._seal``)."""
    return {
        exercise_id(cell.metadata.nbgrader.get("grade_id", ""))
        for cell in cells
        if is_grade(cell)
        and not is_solution(cell)
        and any(o.get("ename") == TAMPERED for o in cell.get("outputs", []))
    }


def _with_tampering(
    results: Iterable[ExerciseOutcome], tampered: set[str]
) -> Iterator[ExerciseOutcome]:
    for outcome in results:
        if outcome.exercise_id in tampered:
            sentence = _("Your program changed Python itself: the test could not check it.")
            outcome = replace(outcome, passed=False, points=0.0, message=sentence)
        yield outcome


_NOTICE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font:1.1rem/1.5 sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}}</style>
</head><body><main><h1>{title}</h1><ul>{items}</ul></main></body></html>
"""


def write_notice(course: Course, result: GradeResult) -> list[Path]:
    """A one-page feedback for a notebook nbgrader could not grade: the pupil reads why.

    nbgrader's GenerateFeedback needs a graded notebook; this page is where its page would
    be, so nbgrader's own release and fetch deliver it the same way.
    """
    folder = course.feedback(result.username, result.lesson_id)
    folder.mkdir(parents=True, exist_ok=True)
    items = "".join(f"<li>{html.escape(note)}</li>" for note in result.notes)
    page = _NOTICE.format(
        lang=current_language(), title=html.escape(_("Your results")), items=items
    )
    written = []
    for source in course.source_notebooks(result.lesson_id):
        path = folder / f"{source.stem}.html"
        path.write_text(page)
        written.append(path)
    return written


def write_feedback(course: Course, result: GradeResult, *, release: bool) -> None:
    """nbgrader's HTML feedback with the French summary on top; released to the exchange.

    A notebook that could not be graded gets a page that says why (``write_notice``).
    """
    if result.status in ("unreadable", "failed"):
        try:
            write_notice(course, result)
            if release and course.exchange is not None:
                config = course.config(result.lesson_id, result.username)
                ExchangeReleaseFeedback(
                    coursedir=CourseDirectory(config=config),
                    authenticator=Authenticator(config=config),
                    config=config,
                ).start()
        except Exception:
            log.exception("notice for %s/%s/%s", course.id, result.username, result.lesson_id)
        return
    config = course.config(result.lesson_id, result.username)
    config.GenerateFeedback.force = True
    use_feedback_template(config)
    config.GenerateFeedback.preprocessors = [
        GetGrades,  # reads the scores from the notebook as graded: before anything changes it
        ClearHiddenTests,  # the pupil sees the tests they had, never the hidden ones
        # No CSSHTMLHeaderPreprocessor: the template carries its own few lines of CSS.
        AddFeedbackSummary,
    ]
    config.AddFeedbackSummary.summary = summary_markdown(result.exercises, result.notes)
    config.AddFeedbackSummary.messages = {e.exercise_id: e.message for e in result.exercises}
    coursedir = CourseDirectory(config=config)
    try:
        GenerateFeedback(coursedir=coursedir, config=config).start()
        if release and course.exchange is not None:
            authenticator = Authenticator(config=config)
            ExchangeReleaseFeedback(
                coursedir=coursedir, authenticator=authenticator, config=config
            ).start()
    except Exception:
        log.exception("feedback for %s/%s/%s", course.id, result.username, result.lesson_id)


def collect(course: Course, lesson: str, student: str = "") -> None:
    """nbgrader's collect: copy the latest submissions from the exchange to ``submitted/``."""
    config = course.config(lesson, student)
    config.ExchangeCollect.update = True
    coursedir = CourseDirectory(config=config)
    # As root, never nbgrader's plain copy: it would follow a pupil's links (safe_collect).
    SafeExchangeCollect(
        coursedir=coursedir, authenticator=Authenticator(config=config), config=config
    ).start()


# -- many submissions at once ---------------------------------------------------------------

# What one worker process keeps between submissions (set once, when the worker starts).
_worker_options: GradingOptions | None = None
_worker_warm: WarmSandbox | None = None


def _init_worker(options: GradingOptions, sandboxes: list[WarmSandbox], taken: Any) -> None:
    global _worker_options, _worker_warm
    _worker_options = options
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    share_engines()
    if options.policy.warm:
        # One of the sandboxes the pool launched before forking, each for one worker.
        with taken.get_lock():
            index = taken.value
            taken.value += 1
        _worker_warm = sandboxes[index] if index < len(sandboxes) else WarmSandbox(options.policy)
        # Runs when the worker exits normally (multiprocessing skips atexit handlers).
        multiprocessing.util.Finalize(None, _worker_warm.close, exitpriority=10)


def _grade_in_worker(course: Course, student: str, lesson: str) -> GradeResult:
    assert _worker_options is not None
    # The pool queues the feedback as a job of its own (WorkerPool.submit_feedback).
    options = replace(_worker_options, generate_feedback=False)
    return grade_submission(course, student, lesson, options, _worker_warm)


def _feedback_in_worker(course: Course, result: GradeResult) -> None:
    assert _worker_options is not None
    write_feedback(course, result, release=_worker_options.release_feedback)


class WorkerPool:
    """Worker processes that grade submissions in parallel (each kernel stays a fresh sandbox).

    A grading job returns as soon as the grade is known; when the options ask for feedback,
    ``submit_feedback`` queues writing and releasing it as a later job, so the grades of a
    class (and a pupil's XP) never wait for feedback pages.
    """

    def __init__(
        self,
        options: GradingOptions,
        workers: int | None = None,
        sandboxes: list[WarmSandbox] | None = None,
    ) -> None:
        """``sandboxes``: warm sandboxes already launched for the workers (the pool closes them)."""
        self.options = options
        self.workers = workers or default_workers()
        self._sandboxes: list[WarmSandbox] = []
        self._executor = self._new_executor(list(sandboxes or []))

    def _new_executor(self, given: list[WarmSandbox] | None = None) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("fork")
        self._close_sandboxes()  # those of workers that died, if any
        # The workers' sandboxes start first: their zygotes import ipykernel on the other
        # core while this process rehearses.
        if self.options.policy.warm:
            self._sandboxes = given or []
            self._sandboxes += [
                WarmSandbox(self.options.policy).launch()
                for _ in range(self.workers - len(self._sandboxes))
            ]
        taken = context.Value("i", 0)  # shared memory, no thread: safe to fork
        _rehearse_once()  # the workers inherit its caches: none of them fills its own
        # What the workers inherit stays shared: their garbage collections skip it instead
        # of touching (and so copying) every page of it. Python's advice for a process that
        # forks without exec: gc.disable() early (startup.defer_garbage_collection), freeze
        # before forking, enable again. No collection first: start-up leaves ≈1% garbage.
        gc.freeze()
        gc.enable()
        # fork: the workers inherit the imported nbgrader instead of importing it again.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.options, self._sandboxes, taken),
        )

    def _close_sandboxes(self) -> None:
        """Stop the sandboxes this process launched (a worker that died left its own)."""
        for sandbox in self._sandboxes:
            sandbox.close()
        self._sandboxes = []

    def _submit(self, function: Callable[..., Any], *arguments: Any) -> Future[Any]:
        try:
            return self._executor.submit(function, *arguments)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): a new pool takes over, the service goes on.
            log.error("a grading worker died; starting new workers")
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._new_executor()
            return self._executor.submit(function, *arguments)

    def submit(self, course: Course, student: str, lesson: str) -> Future[GradeResult]:
        """Grade one submission (without its feedback)."""
        return self._submit(_grade_in_worker, course, student, lesson)

    def submit_feedback(self, course: Course, result: GradeResult) -> Future[None] | None:
        """Write and release the feedback of a graded submission, if the options ask for it."""
        if not self.options.generate_feedback:
            return None
        return self._submit(_feedback_in_worker, course, result)

    def grade_many(self, jobs: Iterable[tuple[Course, str, str]]) -> Iterator[GradeResult]:
        """Grade every (course, student, lesson), yielding results as they finish.

        The feedback pages are written after the grades; the iterator ends once they are.
        """
        futures = {self.submit(*job): job for job in jobs}
        feedback: list[Future[None]] = []
        for future in as_completed(futures):
            course, student, lesson = futures[future]
            try:
                result = future.result()
            except Exception:
                log.exception("grading %s/%s/%s", course.id, student, lesson)
                notes = [
                    _(
                        "Your notebook could not be checked automatically; your teacher "
                        "will look at it."
                    )
                ]
                result = _failed_result(course, student, lesson, self.options, notes, "failed")
            queued = self.submit_feedback(course, result)
            if queued is not None:
                feedback.append(queued)
            yield result
        for queued in feedback:
            try:
                queued.result()
            except Exception:  # write_feedback logs its own errors; this is a dead worker
                log.exception("writing feedback")

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._close_sandboxes()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_rehearsed = False


def _rehearse_once() -> None:
    global _rehearsed
    if not _rehearsed:
        rehearse()
        _rehearsed = True


def grade_class(
    course: Course,
    lesson: str,
    options: GradingOptions,
    *,
    workers: int | None = None,
    students: Iterable[str] | None = None,
    on_result: Callable[[GradeResult, int, int], None] | None = None,
    sandboxes: list[WarmSandbox] | None = None,
) -> list[GradeResult]:
    """Grade every collected submission of ``lesson`` in ``course``."""
    chosen = sorted(students) if students is not None else course.students(lesson)
    use_wal(course.root / "gradebook.db")
    results: list[GradeResult] = []
    with WorkerPool(options, workers, sandboxes) as pool:
        for result in pool.grade_many((course, s, lesson) for s in chosen):
            results.append(result)
            if on_result is not None:
                on_result(result, len(results), len(chosen))
    return results
