"""Block exercises in the curriculum: the format, the build's metadata, the check."""

from __future__ import annotations

import re

import pytest

from curriculum import blocks
from curriculum.check import check_curriculum
from curriculum.lesson import CODE_STUB, build_notebook, read_source, release_notebook
from curriculum.manifest import load_manifest
from tests.curriculum.conftest import MiniCurriculum
from tests.curriculum.test_check import messages

BLOCK_LESSONS = (
    "sequences-1",
    "sequences-2",
    "sequences-3",
    "sequences-4",
    "boucles-1",
    "boucles-2",
    "robot-1",
    "robot-2",
    "robot-3",
)
MARKERS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION\n", re.M)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("lesson_id", BLOCK_LESSONS)
def test_every_block_lesson_builds_its_answer_from_its_blocks(
    lesson_id: str, language: str
) -> None:
    manifest = load_manifest()
    source = read_source(manifest, manifest.lesson(lesson_id), language)
    notebook = build_notebook(manifest, source)
    released = release_notebook(notebook, language)
    answers = [c for c in source.cells if c.role == "solution"]
    assert len(answers) == len(manifest.lesson(lesson_id).exercises) >= 3
    assert all(c.blocks for c in answers)
    for cell in answers:
        built = next(
            c
            for c in notebook.cells
            if c.metadata.get("nbgrader", {}).get("grade_id") == (f"{cell.exercise}-solution")
        )
        settings = built.metadata["robocole"]["blocks"]
        assert settings["toolbox"] == list(cell.blocks)
        assert blocks.solution_problems(cell.text, cell.blocks, cell.max_blocks, language) == []
        _before, _indent, solution, _after = blocks.split_solution(cell.text)
        workspace = blocks.to_workspace(solution, cell.blocks, language)
        if cell.max_blocks:
            assert blocks.count_blocks(workspace) <= cell.max_blocks
        # The blocks' Python between the lesson's fixed lines is the solution cell as the
        # grader's answer key has it, without nbgrader's markers.
        made = blocks.answer_source(blocks.to_python(workspace, language), settings, "")
        assert made == MARKERS.sub("", built.source)
        # No block yet: the cell is exactly the one nbgrader released (so "not written yet").
        pupil = next(c for c in released.cells if c.get("id") == built.get("id"))
        assert blocks.answer_source([], settings, CODE_STUB[language]) == pupil.source
        # nbgrader's release keeps our metadata beside its own.
        assert pupil.metadata["robocole"]["blocks"] == settings


def test_loops_are_written_as_the_text_lessons_write_them() -> None:
    code = "for i in range(3):\n    avancer(40)\n    tourner(-120)"
    workspace = blocks.to_workspace(code, ["avancer", "tourner", "repeter"], "fr")
    assert blocks.count_blocks(workspace) == 3
    assert "\n".join(blocks.to_python(workspace, "fr")) == code
    assert blocks.to_python(workspace, "en") == [
        "for i in range(3):",
        "    forward(40)",
        "    turn(-120)",
    ]


@pytest.mark.parametrize(
    ("code", "toolbox", "limit", "expected"),
    [
        ("droite()\npeins()", "pixel", 0, "line 2: peins() is not a block of this exercise."),
        ("for j in range(3):\n    avance()", "tao,boucles", 0, "for i in range(N):"),
        ("for i in range(3):\n    avance()", "tao", 0, "the toolbox has no repeat block"),
        ("avance()\navance()\navance()", "tao", 2, "needs 3 blocks, more than max_blocks=2"),
        ('bip("do", 1.0)', "musique", 0, 'write it as the blocks do (bip("do", 1))'),
        ('led("mauve")', "musique", 0, "mauve is not a choice of its block"),
        ("x = 3", "pixel", 0, "line 1: only orders and repeat loops are blocks."),
    ],
)
def test_a_solution_the_blocks_cannot_make_is_reported(
    code: str, toolbox: str, limit: int, expected: str
) -> None:
    text = f"### BEGIN SOLUTION\n{code}\n### END SOLUTION"
    problems = blocks.solution_problems(text, blocks.toolbox(toolbox), limit, "fr")
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'solution="{exercise}"',
            'solution="{exercise}" blocks="pixel"',
            "line 1: only orders and repeat loops are blocks.",
        ),
        (
            'solution="{exercise}"',
            'solution="{exercise}" blocks="lasers"',
            "lasers is neither a set of blocks",
        ),
        (
            'solution="{exercise}"',
            'solution="{exercise}" blocks="pixel" max_blocks=-1',
            "max_blocks=N needs a whole number",
        ),
        (
            'tests="{exercise}" points=1',
            'tests="{exercise}" points=1 blocks="pixel"',
            "go on a solution cell",
        ),
    ],
)
def test_block_options_faults(mini: MiniCurriculum, old: str, new: str, expected: str) -> None:
    assert old in mini.lesson_texts["fr"]
    mini.lesson_texts["fr"] = mini.lesson_texts["fr"].replace(old, new)
    report = check_curriculum(mini.write(), run=False)
    assert any(f.language == "fr" and expected in f.message for f in report.faults), messages(
        report
    )


def test_both_languages_give_the_same_blocks(mini: MiniCurriculum) -> None:
    mini.answer = "2"
    for language, order in (("fr", "droite()"), ("en", "right()")):
        mini.lesson_texts[language] = mini.lesson_texts[language].replace("total = {answer}", order)
    mini.lesson_texts["fr"] = mini.lesson_texts["fr"].replace(
        'solution="{exercise}"', 'solution="{exercise}" blocks="pixel"'
    )
    mini.lesson_texts["en"] = mini.lesson_texts["en"].replace(
        'solution="{exercise}"', 'solution="{exercise}" blocks="pixel" max_blocks=3'
    )
    report = check_curriculum(mini.write(), run=False)
    assert any("must be the same as in the fr version" in f.message for f in report.faults), (
        messages(report)
    )


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of white text on ``colour`` (#rrggbb)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_block_colours_keep_their_white_words_readable() -> None:
    # Blockly writes block labels in white: WCAG AA asks 4.5:1 for text.
    described = blocks.catalog_json(list(blocks.BLOCKS), "fr")
    for block in described:
        assert contrast_with_white(block["colour"]) >= 4.5, block["name"]
