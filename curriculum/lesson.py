"""Lesson sources: Jupytext text a teacher reviews in a diff, turned into nbgrader notebooks.

A lesson lives in ``content/<source>/`` with one file per language (``fr.py``, ``en.py``,
or ``.md``) in Jupytext's percent (or markdown) format, plus an optional ``images/`` folder.
The metadata written after ``# %%`` says what each cell is for::

    # %% [markdown]                      instructions: read-only text
    # %%                                 setup: read-only code that runs before the pupil's
    # %% include="pixel"                 setup from content/worlds/pixel.<lang>.py
    # %% free=true                       a scratch cell the pupil may use freely
    # %% solution="sequences-1-a"        the pupil's cell; ### BEGIN/END SOLUTION marks the answer
    # %% tests="sequences-1-a" points=2  autograded tests of that exercise (asserts with a message)
    # %% [markdown] hints="sequences-1-a"  numbered hints "1. …", "2. …", "3. …"
    # %% solution="…" blocks="pixel" max_blocks=4 text_switch=true
                                         the answer is built with blocks (curriculum/blocks.py)
                                         from that toolbox, with at most 4 blocks; the child
                                         may switch to text for good
    # %% wrong="sequences-1-a"           answers that must FAIL the tests, one after another,
                                         separated by a line ``# ---`` (each replaces what is
                                         between ### BEGIN and ### END SOLUTION)
    # %% right="sequences-1-a"           other right answers that must PASS, the same way

    # %% solution="…" fix=true             "predict then fix": the cell holds the buggy program,
                                         after an empty ### BEGIN/END SOLUTION pair, so the
                                         pupil receives it; its right= cells are the fixes
    # %% [markdown] sheet=true            the animator's sheet (curriculum/sheet.py): for the
                                         adult running the workshop, never in the notebook

``wrong=`` and ``right=`` cells never reach the notebook: they are the proof, read by the
check (``curriculum/variants.py``), that a test refuses the usual wrong answers (a value
typed in, a forbidden function, no loop where one is asked) and accepts what a child may
rightly write in another way. Constraints of an instruction are checked by the tests cell
itself on the child's code with the ``regles`` world (``include="regles"``).

The notebook gets nbgrader's cell metadata (schema 3): grade ids are the exercise ids from the
manifest (``sequences-1-a`` for the tests, ``sequences-1-a-solution`` for the answer), so a
grade maps back to an exercise and its XP.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jupytext
import nbformat
from nbformat import NotebookNode

from curriculum import blocks
from curriculum.faults import LessonError, cell_label
from curriculum.manifest import Lesson, Manifest
from curriculum.sheet import Section, SheetError, parse_sheet
from robocole.i18n import DEFAULT_LANGUAGE, LANGUAGES
from robocole.i18n import gettext as _

SOURCE_SUFFIXES = (".py", ".md")
#: Options of an answer cell built with blocks (only on ``solution=`` cells).
BLOCK_OPTIONS = ("blocks", "max_blocks", "text_switch")
#: Checkers a tests cell may call instead of ``assert`` (they raise AssertionError with a
#: sentence for the child): the robot simulator's ``verifier`` / ``check``.
CHECK_CALLS = ("verifier", "check")
#: Cells that prove the tests (read by the check, left out of the notebook).
VARIANT_ROLES = ("wrong", "right")
#: Cells that never reach the pupil's notebook.
NOT_IN_NOTEBOOK = (*VARIANT_ROLES, "sheet")
#: The line that separates two answers in a ``wrong=`` or ``right=`` cell.
VARIANT_SEPARATOR = "# ---"
CELL_OPTIONS = frozenset(
    {"solution", "tests", "points", "hints", "include", "free", "sheet", "fix"}
    | set(BLOCK_OPTIONS)
    | set(VARIANT_ROLES)
)
#: Metadata Jupytext itself may keep on a cell.
JUPYTEXT_KEYS = frozenset(
    {
        "lines_to_next_cell",
        "lines_to_end_of_cell_marker",
        "cell_marker",
        "title",
        "tags",
        "region_name",
        "incorrectly_encoded_metadata",
        "jupyter",
    }
)
IGNORED_FILES = ("__pycache__", ".ipynb_checkpoints", ".DS_Store")
ROLES = ("instructions", "setup", "free", "solution", "tests", "hints", "wrong", "right", "sheet")
#: The pupil reads these words above each hint, in the language of the lesson.
HINT_WORD = {"fr": "Indice", "en": "Hint"}
#: What nbgrader writes where the answer was removed (``ClearSolutions.code_stub``): a
#: comment, not nbgrader's ``raise NotImplementedError()`` (words a child should never read).
#: An untouched answer still scores 0: the tests fail without it, and nbgrader's checksum
#: of the cell tells the grader nothing was written. A stub alone is no block body, so an
#: answer inside a ``def`` has a line of its own before ``### BEGIN SOLUTION`` (a docstring).
CODE_STUB = {"fr": "# Écris ton programme ici", "en": "# Write your program here"}
TEXT_STUB = {"fr": "ÉCRIS TA RÉPONSE ICI", "en": "WRITE YOUR ANSWER HERE"}


def course_language(root: str | Path) -> str:
    """The language of an nbgrader course's lessons (their notebooks' metadata says it), for
    the stubs of a lesson generated outside the curriculum build (the formgrader)."""
    for path in sorted(Path(root).glob("source/*/*.ipynb")):
        try:
            metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
        except (OSError, ValueError):
            continue  # a notebook being written, a damaged one: the next one says it too
        language = metadata.get("robocole", {}).get("language")
        if language in CODE_STUB:
            return str(language)
    return DEFAULT_LANGUAGE


KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
MAX_HINTS = 3
_HINT_LINE = re.compile(r"^(\d+)\.\s+(.*)$")
IMAGE_PATTERN = re.compile(r"!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]+src=[\"']([^\"']+)[\"']")


def role_name(role: str) -> str:
    """The role of a cell as a teacher reads it in the check report."""
    names = {
        "instructions": _("instructions"),
        "setup": _("setup"),
        "free": _("free cell"),
        "solution": _("solution"),
        "tests": _("tests"),
        "hints": _("hints"),
        "wrong": _("wrong answers"),
        "right": _("right variants"),
        "sheet": _("animator's sheet"),
    }
    return names.get(role, role)


@dataclass(frozen=True)
class SourceCell:
    """One cell of a lesson source and the job its metadata gives it."""

    index: int
    role: str
    kind: str  # "code" or "markdown"
    text: str
    exercise: str = ""
    points: float = 0
    include: str = ""
    blocks: tuple[str, ...] = ()  # the toolbox of a block exercise (block names)
    max_blocks: int = 0  # 0: no limit
    text_switch: bool = False  # the child may leave the blocks for text, for good
    fix: bool = False  # the answer cell starts with a bug for the child to find and fix

    @property
    def label(self) -> str:
        return cell_label(self.index, role_name(self.role), self.exercise)

    def answers(self) -> list[str]:
        """The answers of a ``wrong=`` or ``right=`` cell, split on ``# ---`` lines."""
        answers: list[list[str]] = [[]]
        for line in self.text.split("\n"):
            if line.strip() == VARIANT_SEPARATOR:
                answers.append([])
            else:
                answers[-1].append(line)
        return [text for lines in answers if (text := "\n".join(lines).strip("\n")).strip()]


@dataclass(frozen=True)
class LessonSource:
    """A lesson in one language, read from its text file."""

    lesson: Lesson
    language: str
    path: Path
    cells: tuple[SourceCell, ...]
    hints: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def cells_of(self, exercise: str, role: str) -> list[SourceCell]:
        return [c for c in self.cells if c.exercise == exercise and c.role == role]

    def notebook_cells(self) -> list[SourceCell]:
        """The cells that become the notebook's, in order (not the check's variants)."""
        return [c for c in self.cells if c.role not in NOT_IN_NOTEBOOK]

    def sheet(self) -> tuple[Section, ...]:
        """The animator's sheet, read and checked; ``LessonError`` when missing or wrong."""
        cells = [c for c in self.cells if c.role == "sheet"]
        if len(cells) != 1:
            raise LessonError(_("Write one animator's sheet: a markdown cell with sheet=true."))
        try:
            return parse_sheet(cells[0].text, self.language)
        except SheetError as error:
            raise LessonError(str(error), cells[0].label) from error

    def images(self) -> list[tuple[SourceCell, str]]:
        """Local images the text shows (``![…](images/x.svg)`` or ``<img src=…>``)."""
        found = []
        for cell in self.cells:
            if cell.kind != "markdown":
                continue
            for match in IMAGE_PATTERN.finditer(cell.text):
                target = match.group(1) or match.group(2)
                if "://" not in target and not target.startswith("data:"):
                    found.append((cell, target))
        return found


def lesson_folder(manifest: Manifest, lesson: Lesson) -> Path:
    root = manifest.root or Path.cwd()
    return root / lesson.source


def source_path(manifest: Manifest, lesson: Lesson, language: str) -> Path | None:
    """The text file of ``lesson`` in ``language``, or None when it is not written yet."""
    folder = lesson_folder(manifest, lesson)
    for suffix in SOURCE_SUFFIXES:
        candidate = folder / f"{language}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def world_path(manifest: Manifest, name: str, language: str) -> Path:
    root = manifest.root or Path.cwd()
    return root / "worlds" / f"{name}.{language}.py"


def read_source(manifest: Manifest, lesson: Lesson, language: str) -> LessonSource:
    """Read and classify the cells of a lesson source; raise ``LessonError`` on a bad cell."""
    path = source_path(manifest, lesson, language)
    if path is None:
        raise LessonError(
            _(
                "The %(language)s version is missing: write %(folder)s/%(language)s.py.",
                language=language,
                folder=lesson.source,
            )
        )
    try:
        notebook = jupytext.read(path)
    except Exception as error:  # jupytext raises many kinds of errors on a bad file
        raise LessonError(_("Jupytext cannot read this file: %(error)s", error=error)) from error
    exercise_ids = {e.id for e in lesson.exercises}
    cells = []
    hints: dict[str, tuple[str, ...]] = {}
    for index, cell in enumerate(notebook.cells):
        source_cell = _classify(index, cell, exercise_ids)
        if source_cell.role == "hints":
            if source_cell.exercise in hints:
                raise LessonError(_("This exercise already has a hints cell."), source_cell.label)
            hints[source_cell.exercise] = parse_hints(source_cell)
        cells.append(source_cell)
    return LessonSource(lesson, language, path, tuple(cells), hints)


def _classify(index: int, cell: NotebookNode, exercise_ids: set[str]) -> SourceCell:
    metadata: dict[str, Any] = dict(cell.metadata)
    kind = cell.cell_type
    text = cell.source.strip("\n")
    unknown = sorted(set(metadata) - CELL_OPTIONS - JUPYTEXT_KEYS)
    if unknown:
        # A typo ("tset=") would otherwise turn an exercise's cell into plain setup code.
        raise LessonError(
            _(
                "Unknown cell option %(options)s: use solution, tests, points, hints, include, "
                "free, blocks, max_blocks, text_switch, wrong, right, sheet or fix.",
                options=", ".join(unknown),
            ),
            cell_label(index, role_name("instructions" if kind == "markdown" else "setup")),
        )
    roles = [role for role in ("solution", "tests", "hints", *VARIANT_ROLES) if role in metadata]
    if len(roles) > 1:
        raise LessonError(
            _("A cell has one job: choose one of %(roles)s.", roles=", ".join(roles)),
            cell_label(index, "/".join(roles)),
        )
    if roles:
        role = roles[0]
        exercise = str(metadata[role])
        label = cell_label(index, role_name(role), exercise)
        if exercise not in exercise_ids:
            raise LessonError(
                _("The exercise %(exercise)s is not in the manifest.", exercise=exercise), label
            )
        wanted_kind = "markdown" if role == "hints" else "code"
        if kind != wanted_kind:
            raise LessonError(_("This cell must be a %(kind)s cell.", kind=wanted_kind), label)
        if role != "solution" and any(option in metadata for option in BLOCK_OPTIONS):
            raise LessonError(
                _("blocks=, max_blocks= and text_switch= go on a solution cell."), label
            )
        points: float = 0
        if role == "tests":
            points = metadata.get("points", 0)
            if not isinstance(points, int | float) or isinstance(points, bool) or points <= 0:
                raise LessonError(_("A tests cell needs points=N with N above zero."), label)
        if "fix" in metadata and (role != "solution" or metadata["fix"] is not True):
            raise LessonError(_("fix=true goes on a solution cell."), label)
        if metadata.get("fix") is True:
            if any(option in metadata for option in BLOCK_OPTIONS):
                raise LessonError(_("A fix=true exercise has no blocks."), label)
            if not re.search(r"### BEGIN SOLUTION\s*\n\s*### END SOLUTION", text):
                raise LessonError(
                    _(
                        "A fix=true cell starts with an empty ### BEGIN SOLUTION / "
                        "### END SOLUTION pair, then the buggy program."
                    ),
                    label,
                )
            return SourceCell(index, role, kind, text, exercise, fix=True)
        if role == "solution" and any(option in metadata for option in BLOCK_OPTIONS):
            return _block_cell(SourceCell(index, role, kind, text, exercise), metadata)
        return SourceCell(index, role, kind, text, exercise, points)
    if any(option in metadata for option in BLOCK_OPTIONS):
        raise LessonError(
            _("blocks=, max_blocks= and text_switch= go on a solution cell."),
            cell_label(index, role_name("instructions" if kind == "markdown" else "setup")),
        )
    if kind == "markdown" and metadata.get("sheet") is True:
        return SourceCell(index, "sheet", kind, text)
    if kind == "markdown":
        return SourceCell(index, "instructions", kind, text)
    if metadata.get("free") is True:
        return SourceCell(index, "free", kind, text)
    include = metadata.get("include", "")
    if include and not (isinstance(include, str) and include.replace("_", "").isalnum()):
        raise LessonError(
            _('include= names a file of content/worlds/, like include="pixel".'),
            cell_label(index, role_name("setup")),
        )
    return SourceCell(index, "setup", kind, text, include=str(include))


def _block_cell(cell: SourceCell, metadata: dict[str, Any]) -> SourceCell:
    """A solution cell with its block options read and checked."""
    option = metadata.get("blocks")
    if not isinstance(option, str):
        raise LessonError(
            _('blocks= names the blocks of the exercise, like blocks="pixel".'), cell.label
        )
    try:
        names = tuple(blocks.toolbox(option))
    except blocks.NotBlocks as error:
        raise LessonError(str(error), cell.label) from error
    limit = metadata.get("max_blocks", 0)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise LessonError(_("max_blocks=N needs a whole number N above zero."), cell.label)
    switch = metadata.get("text_switch", False)
    if not isinstance(switch, bool):
        raise LessonError(_("text_switch= is true or false."), cell.label)
    return SourceCell(
        cell.index,
        cell.role,
        cell.kind,
        cell.text,
        cell.exercise,
        blocks=names,
        max_blocks=limit,
        text_switch=switch,
    )


def block_settings(cell: SourceCell) -> dict[str, Any]:
    """What the lesson view needs to build this answer with blocks (the cell's metadata)."""
    before, indent, _solution, after = blocks.split_solution(cell.text)
    settings: dict[str, Any] = {
        "toolbox": list(cell.blocks),
        "before": before,
        "after": after,
        "indent": indent,
        "text_switch": cell.text_switch,
    }
    if cell.max_blocks:
        settings["max_blocks"] = cell.max_blocks
    return settings


def parse_hints(cell: SourceCell) -> tuple[str, ...]:
    """Split ``1. …`` / ``2. …`` lines into progressive hints (a hint may span lines)."""
    hints: list[list[str]] = []
    for line in cell.text.splitlines():
        match = _HINT_LINE.match(line.strip())
        if match and int(match.group(1)) == len(hints) + 1:
            hints.append([match.group(2)])
        elif hints:
            hints[-1].append(line.strip())
        elif line.strip():
            raise LessonError(_('Hints start with "1. " on the first line.'), cell.label)
    if not 1 <= len(hints) <= MAX_HINTS:
        raise LessonError(
            _("Write from 1 to %(most)d numbered hints (1. 2. 3.).", most=MAX_HINTS), cell.label
        )
    return tuple("\n".join(lines).strip() for lines in hints)


def bare_asserts(cell: SourceCell) -> list[int]:
    """Line numbers of ``assert`` statements that would show a child a bare AssertionError."""
    try:
        tree = ast.parse(cell.text)
    except SyntaxError as error:
        raise LessonError(
            _("Python cannot read this cell: %(error)s", error=error), cell.label
        ) from error
    return [
        node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert) and node.msg is None
    ]


def checks_something(cell: SourceCell) -> bool:
    """Whether a tests cell asserts, raises, or calls a checker (the robot's ``verifier``)."""
    for node in ast.walk(ast.parse(cell.text)):
        if isinstance(node, ast.Assert | ast.Raise):
            return True
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in CHECK_CALLS:
                return True
    return False


def copy_lesson_files(folder: Path, target: Path) -> None:
    """Copy what a lesson uses besides its text (``images/``, robot worlds…) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(folder.iterdir()):
        if entry.name in IGNORED_FILES or (
            entry.suffix in SOURCE_SUFFIXES and entry.stem in LANGUAGES
        ):
            continue
        if entry.is_dir():
            shutil.copytree(
                entry, target / entry.name, ignore=shutil.ignore_patterns(*IGNORED_FILES)
            )
        else:
            shutil.copy2(entry, target / entry.name)


def assert_messages(cell: SourceCell) -> list[str]:
    """The literal parts of the assert messages of a tests cell (to compare translations)."""
    messages = []
    for node in ast.walk(ast.parse(cell.text)):
        if isinstance(node, ast.Assert) and node.msg is not None:
            parts = [
                n.value
                for n in ast.walk(node.msg)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            ]
            messages.append("".join(parts).strip())
    return [m for m in messages if m]


def _nbgrader(
    grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float = 0
) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if grade:
        metadata["points"] = points
    return metadata


def render_hints(hints: tuple[str, ...], language: str) -> str:
    """Hints as folded blocks: the pupil opens one at a time, in plain JupyterLab."""
    word = HINT_WORD[language]
    blocks = [
        f"<details>\n<summary>💡 {word} {number}</summary>\n\n{hint}\n\n</details>"
        for number, hint in enumerate(hints, start=1)
    ]
    return "\n\n".join(blocks)


def build_notebook(manifest: Manifest, source: LessonSource) -> NotebookNode:
    """The nbgrader source notebook of a lesson (with solutions), deterministic."""
    lesson, language = source.lesson, source.language
    cells = []
    counters: dict[str, int] = {}
    for cell in source.notebook_cells():
        text = cell.text
        if cell.role == "setup" and cell.include:
            path = world_path(manifest, cell.include, language)
            if not path.is_file():
                raise LessonError(
                    _("The included file worlds/%(name)s is missing.", name=path.name), cell.label
                )
            world = path.read_text(encoding="utf-8").strip("\n")
            text = f"{world}\n\n{text}".strip("\n") if text else world
        if cell.role == "tests":
            grade_id = cell.exercise
            nbgrader = _nbgrader(
                grade_id, grade=True, solution=False, locked=True, points=cell.points
            )
        elif cell.role == "solution":
            grade_id = f"{cell.exercise}-solution"
            nbgrader = _nbgrader(grade_id, grade=False, solution=True, locked=False)
        elif cell.role == "hints":
            grade_id = f"{cell.exercise}-hints"
            text = render_hints(source.hints[cell.exercise], language)
            nbgrader = _nbgrader(grade_id, grade=False, solution=False, locked=True)
        elif cell.role == "free":
            counters["free"] = counters.get("free", 0) + 1
            grade_id = f"{lesson.id}-free-{counters['free']}"
            nbgrader = {}
        else:
            counters[cell.role] = counters.get(cell.role, 0) + 1
            grade_id = f"{lesson.id}-{cell.role}-{counters[cell.role]}"
            nbgrader = _nbgrader(grade_id, grade=False, solution=False, locked=True)
        if cell.kind == "code":
            new = nbformat.v4.new_code_cell(text)
        else:
            new = nbformat.v4.new_markdown_cell(text)
        new.id = grade_id[:64]
        new.metadata = {"nbgrader": nbgrader} if nbgrader else {}
        if cell.role == "solution" and cell.blocks:
            # Beside nbgrader's metadata, which its checksums and schema cover alone.
            new.metadata["robocole"] = {"blocks": block_settings(cell)}
        if cell.role == "tests" or cell.role == "setup":
            new.metadata["deletable"] = False
            new.metadata["editable"] = False
        cells.append(new)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": dict(KERNELSPEC),
        "language_info": {"name": "python"},
        "robocole": {
            "course": manifest.course_id,
            "language": language,
            "lesson": lesson.id,
            "unit": lesson.unit_id,
            "title": lesson.title.get(language),
            "exercises": {e.id: {"xp": e.xp, "difficulty": e.difficulty} for e in lesson.exercises},
        },
    }
    nbformat.validate(notebook)
    return notebook


def release_notebook(notebook: NotebookNode, language: str) -> NotebookNode:
    """What the pupil receives: nbgrader's own preprocessors remove answers and hidden tests."""
    # Imported here: nbgrader is heavy and only building and checking need it.
    from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions

    released = copy.deepcopy(notebook)
    resources: dict[str, Any] = {}
    clear = ClearSolutions(code_stub={"python": CODE_STUB[language]}, text_stub=TEXT_STUB[language])
    released, resources = clear.preprocess(released, resources)
    released, resources = ClearHiddenTests().preprocess(released, resources)
    return released


def validate_nbgrader(notebook: NotebookNode) -> str:
    """nbgrader's own metadata check: an empty string, or what it rejects."""
    from nbgrader.nbgraderformat import MetadataValidator, ValidationError

    try:
        MetadataValidator().validate_nb(copy.deepcopy(notebook))
    except ValidationError as error:
        return str(error)
    return ""
