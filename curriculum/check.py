"""The curriculum check: everything a teacher must be able to trust before a class opens a lesson.

Static checks (fast): the manifest loads (unique ids, known references, acyclic
prerequisites), every badge can be earned and has its image, every lesson exists in every
language with the same exercises, points and hints, tests speak to the child (no bare
``assert``), text is translated, images exist, and nbgrader accepts the notebook.
Run checks (real kernels): the reference solution passes every test, and the version the
pupil receives fails every test, so no test is vacuous; each declared wrong answer fails and
each right variant passes (``curriculum/variants.py``), so no test is fooled or too strict.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode

from curriculum.blocks import solution_problems
from curriculum.faults import Fault, LessonError
from curriculum.images import image_problems
from curriculum.lesson import (
    LessonSource,
    bare_asserts,
    build_notebook,
    checks_something,
    copy_lesson_files,
    lesson_folder,
    read_source,
    release_notebook,
    validate_nbgrader,
)
from curriculum.manifest import (
    Badge,
    Exercise,
    Lesson,
    Manifest,
    ManifestError,
    load_manifest,
)
from curriculum.runner import CELL_TIMEOUT, CellRun, Job, run_jobs
from curriculum.translation import compare_translations, untranslated_manifest_texts
from curriculum.variants import Variant, judge, trial_notebooks, variants
from robocole.i18n import LANGUAGES
from robocole.i18n import gettext as _


@dataclass
class CheckReport:
    """Faults found, and what was looked at (so "no fault" means something)."""

    faults: list[Fault] = field(default_factory=list)
    lessons: int = 0
    exercises: int = 0
    badges: int = 0
    notebooks_run: int = 0
    #: lesson id -> [wrong answers tried, right variants tried] (both languages)
    tried: dict[str, list[int]] = field(default_factory=dict)

    @property
    def wrong_tried(self) -> int:
        return sum(counts[0] for counts in self.tried.values())

    @property
    def right_tried(self) -> int:
        return sum(counts[1] for counts in self.tried.values())

    @property
    def ok(self) -> bool:
        return not self.faults

    def add(self, lesson: str, language: str, cell: str, message: str) -> None:
        self.faults.append(Fault(lesson, language, cell, message))


@dataclass
class _Built:
    source: LessonSource
    notebook: NotebookNode
    released: NotebookNode
    variants: list[Variant] = field(default_factory=list)


def check_curriculum(
    manifest_path: Path | str | None = None,
    *,
    lessons: Sequence[str] = (),
    run: bool = True,
    parallel: int | None = None,
    cell_timeout: float = CELL_TIMEOUT,
) -> CheckReport:
    """Check the curriculum at ``manifest_path`` (the shipped one by default)."""
    report = CheckReport()
    try:
        manifest = load_manifest(manifest_path)
    except ManifestError as error:
        report.add("", "", "", error.message)
        return report
    chosen = _chosen_lessons(manifest, lessons, report)
    if not lessons:
        check_manifest(manifest, report)
    built: dict[str, list[_Built]] = {}
    for lesson in chosen:
        report.lessons += 1
        report.exercises += len(lesson.exercises)
        built[lesson.id] = _check_lesson(manifest, lesson, report)
    if run:
        _run_lessons(manifest, built, report, parallel, cell_timeout)
    report.faults.sort()
    return report


def _chosen_lessons(manifest: Manifest, wanted: Sequence[str], report: CheckReport) -> list[Lesson]:
    if not wanted:
        return list(manifest.lessons())
    known = {lesson.id: lesson for lesson in manifest.lessons()}
    for lesson_id in wanted:
        if lesson_id not in known:
            report.add(lesson_id, "", "", _("This lesson is not in the manifest."))
    return [known[lesson_id] for lesson_id in wanted if lesson_id in known]


# The manifest ------------------------------------------------------------------------------


def check_manifest(manifest: Manifest, report: CheckReport) -> None:
    """Checks that need more than the loader's references: badges, images, competencies."""
    for lesson in manifest.lessons():
        if not lesson.competencies:
            report.add(
                lesson.id, "", "", _("Name the programme competencies this lesson works on.")
            )
    for badge in manifest.badges:
        report.badges += 1
        _check_badge(manifest, badge, report)
    report.faults.extend(untranslated_manifest_texts(manifest))


def badge_selection(manifest: Manifest, badge: Badge) -> list[Exercise]:
    """The exercises an ``exercises_passed`` rule looks at."""
    return manifest.rule_exercises(badge.rule)


def _check_badge(manifest: Manifest, badge: Badge, report: CheckReport) -> None:
    where = _("badge %(badge)s", badge=badge.id)
    if badge.rule.type == "exercises_passed":
        selection = badge_selection(manifest, badge)
        needed = badge.rule.min or len(selection)
        if not selection or needed > len(selection):
            report.add(
                where,
                "",
                "",
                _(
                    "Nobody can earn this badge: its rule asks for %(needed)d exercises "
                    "and selects %(found)d.",
                    needed=needed,
                    found=len(selection),
                ),
            )
    elif badge.kind == "mastery":
        report.add(where, "", "", _("A mastery badge is earned by passing exercises."))
    for message in image_problems(manifest.root or Path.cwd(), badge.image):
        report.add(where, "", "", message)


# Lessons -----------------------------------------------------------------------------------


def _check_lesson(manifest: Manifest, lesson: Lesson, report: CheckReport) -> list[_Built]:
    built = []
    for language in LANGUAGES:
        try:
            source = read_source(manifest, lesson, language)
        except LessonError as error:
            report.add(lesson.id, language, error.cell, error.message)
            continue
        before = len(report.faults)
        _check_source(manifest, source, report)
        try:
            notebook = build_notebook(manifest, source)
            released = release_notebook(notebook, language)
        except LessonError as error:
            report.add(lesson.id, language, error.cell, error.message)
            continue
        except Exception as error:  # nbgrader and nbformat refuse a notebook in many ways
            report.add(
                lesson.id, language, "", _("The lesson does not build: %(error)s", error=error)
            )
            continue
        problem = validate_nbgrader(notebook)
        if problem:
            report.add(
                lesson.id,
                language,
                "",
                _("nbgrader rejects the notebook: %(error)s", error=problem),
            )
        if len(report.faults) == before:
            built.append(_Built(source, notebook, released))
        try:  # after: the sheet is not in the notebook, a fault in it stops no run
            source.sheet()
        except LessonError as error:
            report.add(lesson.id, language, error.cell, error.message)
    if len(built) == len(LANGUAGES):
        report.faults.extend(compare_translations(built[0].source, built[1].source))
        report.faults.extend(_compare_blocks(built[0].source, built[1].source))
    return built


def _compare_blocks(first: LessonSource, second: LessonSource) -> list[Fault]:
    """Both languages give an exercise the same blocks and the same limit."""
    faults = []
    for one in first.cells:
        if one.role != "solution":
            continue
        for other in second.cells_of(one.exercise, "solution"):
            if (one.blocks, one.max_blocks, one.text_switch) != (
                other.blocks,
                other.max_blocks,
                other.text_switch,
            ):
                faults.append(
                    Fault(
                        first.lesson.id,
                        second.language,
                        other.label,
                        _(
                            "blocks=, max_blocks= and text_switch= must be the same as in "
                            "the %(language)s version.",
                            language=first.language,
                        ),
                    )
                )
    return faults


def _check_source(manifest: Manifest, source: LessonSource, report: CheckReport) -> None:
    lesson, language = source.lesson, source.language

    def fault(cell: str, message: str) -> None:
        report.add(lesson.id, language, cell, message)

    for exercise in lesson.exercises:
        solutions = source.cells_of(exercise.id, "solution")
        tests = source.cells_of(exercise.id, "tests")
        if len(solutions) != 1:
            fault(
                "",
                _("Exercise %(exercise)s needs exactly one solution cell.", exercise=exercise.id),
            )
        if len(tests) != 1:
            fault(
                "", _("Exercise %(exercise)s needs exactly one tests cell.", exercise=exercise.id)
            )
        if solutions and tests and tests[0].index < solutions[0].index:
            fault(tests[0].label, _("The tests must come after the solution cell."))
        if exercise.id not in source.hints:
            fault("", _("Exercise %(exercise)s has no hints.", exercise=exercise.id))
        for cell in solutions:
            if cell.fix and not source.cells_of(exercise.id, "right"):
                fault(cell.label, _("A fix=true exercise needs its fix in a right= cell."))
            if "BEGIN SOLUTION" not in cell.text or "END SOLUTION" not in cell.text:
                fault(
                    cell.label, _("Mark the answer with ### BEGIN SOLUTION and ### END SOLUTION.")
                )
            elif cell.blocks:
                for problem in solution_problems(cell.text, cell.blocks, cell.max_blocks, language):
                    fault(cell.label, problem)
        for cell in tests:
            try:
                lines = bare_asserts(cell)
            except LessonError as error:
                fault(error.cell, error.message)
                continue
            if not checks_something(cell):
                fault(cell.label, _('A tests cell must check something (assert … , "message").'))
            for line in lines:
                fault(
                    cell.label,
                    _(
                        "Line %(line)d: an assert without a message shows the child a bare "
                        "AssertionError; add a kind sentence.",
                        line=line,
                    ),
                )
    folder = lesson_folder(manifest, lesson)
    for cell, target in source.images():
        for problem in image_problems(folder, target):
            fault(cell.label, problem)


# Running in kernels --------------------------------------------------------------------------


def _run_lessons(
    manifest: Manifest,
    built: dict[str, list[_Built]],
    report: CheckReport,
    parallel: int | None,
    cell_timeout: float,
) -> None:
    with tempfile.TemporaryDirectory(prefix="robocole-check-") as scratch:
        jobs = []
        for lesson_id, versions in built.items():
            if not versions:
                continue
            cwd = Path(scratch) / lesson_id
            copy_lesson_files(lesson_folder(manifest, manifest.lesson(lesson_id)), cwd)
            notebooks = tuple(nb for v in versions for nb in (v.notebook, v.released))
            for version in versions:
                version.variants = variants(version.source, version.notebook)
                notebooks += tuple(trial_notebooks(version.variants))
            jobs.append(Job(lesson_id, notebooks, cwd))
        outcomes = run_jobs(jobs, parallel, cell_timeout)
    for lesson_id, outcome in outcomes.items():
        if isinstance(outcome, BaseException):
            report.add(lesson_id, "", "", _("The kernel failed: %(error)s", error=outcome))
            continue
        versions = built[lesson_id]
        for position, version in enumerate(versions):
            report.notebooks_run += 2
            _judge_solution(version, outcome[2 * position], report)
            _judge_release(version, outcome[2 * position + 1], report)
        trials = iter(outcome[2 * len(versions) :])
        counts = report.tried.setdefault(lesson_id, [0, 0])
        for version in versions:
            runs_of = {}
            for notebook, runs in zip(trial_notebooks(version.variants), trials, strict=False):
                report.notebooks_run += 1
                runs_of[id(notebook)] = runs
            for variant in version.variants:
                counts[0 if variant.kind == "wrong" else 1] += 1
                runs = runs_of.get(id(variant.notebook), [])
                report.faults.extend(judge(variant, runs, version.source))


def _cell_of(version: _Built, run: CellRun) -> tuple[str, str]:
    cell = version.source.notebook_cells()[run.index]
    return cell.label, cell.role


def _judge_solution(version: _Built, runs: list[CellRun], report: CheckReport) -> None:
    lesson, language = version.source.lesson.id, version.source.language
    cells = version.source.notebook_cells()
    bugs = {c.exercise for c in cells if c.role == "solution" and c.fix}
    for run in runs:
        cell = cells[run.index]
        if cell.exercise in bugs and cell.role in ("solution", "tests"):
            # "Predict then fix": the reference is the bug; its fixes are the right= cells.
            if cell.role == "tests" and (run.ok or not run.error.startswith("AssertionError: ")):
                report.add(
                    lesson,
                    language,
                    cell.label,
                    _(
                        "The bug does not show: with the buggy program this test must fail "
                        "with a sentence (%(result)s).",
                        result=run.error or "ok",
                    ),
                )
            continue
        if run.ok:
            continue
        label, role = _cell_of(version, run)
        if run.timed_out:
            message = _("This cell runs for too long with the reference solution (endless loop?).")
        elif role == "tests":
            message = _("The reference solution fails this test: %(error)s", error=run.error)
        else:
            message = _("This cell fails with the reference solution: %(error)s", error=run.error)
        report.add(lesson, language, label, message)


def _judge_release(version: _Built, runs: list[CellRun], report: CheckReport) -> None:
    lesson, language = version.source.lesson.id, version.source.language
    for run in runs:
        label, role = _cell_of(version, run)
        if role == "tests" and run.ok:
            report.add(
                lesson,
                language,
                label,
                _("Vacuous test: it passes in the pupil's version, before any answer is written."),
            )
        elif role == "tests" and not run.error.startswith("AssertionError: "):
            # What the child reads before writing anything must be a sentence, not a crash.
            report.add(
                lesson,
                language,
                label,
                _(
                    "In the pupil's version this test stops on %(error)s instead of a sentence "
                    "for the child: check first that the names it uses exist.",
                    error=run.error,
                ),
            )
        elif role in ("setup", "free") and not run.ok:
            report.add(
                lesson,
                language,
                label,
                _("This cell fails in the pupil's version: %(error)s", error=run.error),
            )
        elif role == "solution" and run.error.startswith(("SyntaxError", "IndentationError")):
            # The answer stub is a comment: alone it is no block body (a def's answer needs
            # a line of its own, such as a docstring, before ### BEGIN SOLUTION). Other
            # errors are fine here (a name the answer defines, printed after it).
            report.add(
                lesson,
                language,
                label,
                _(
                    "The answer cell does not run as the pupil receives it (%(error)s): put a "
                    "line of its own before ### BEGIN SOLUTION, such as a docstring.",
                    error=run.error,
                ),
            )
