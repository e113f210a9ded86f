"""The feedback page a pupil fetches: light, French, self-contained, with each test's score.

The page is written by nbgrader's GenerateFeedback with our template (grader/templates) and
fetched with nbgrader's own fetch_feedback, as a pupil does from JupyterHub.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from traitlets.config import Config

from grader.exporter import FeedbackExporter, use_feedback_template
from grader.pipeline import GradeResult, GradingOptions, collect, grade_submission
from grader.sandbox import SandboxPolicy
from tests.grader.helpers import (
    CORRECT,
    LESSON,
    answered,
    make_course,
    pupil_fetch_feedback,
    pupil_submit,
    release,
    submit_collected,
)

# nbgrader's ExchangeReleaseFeedback reads timestamp.txt without closing it (third-party noise).
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

OPTIONS = GradingOptions(policy=SandboxPolicy(cell_timeout=5), protections=("test",))
PARTIAL = {**CORRECT, "robot-1-c-reponse": "def somme(pas):\n    return pas[0]"}


@pytest.fixture(scope="module")
def fetched(tmp_path_factory: pytest.TempPathFactory) -> tuple[GradeResult, str]:
    """A pupil submits a half-right lesson, it is graded, and the pupil fetches the page."""
    root = tmp_path_factory.mktemp("feedback-page")
    course = make_course(root / "courses", "F33DBA", exchange=root / "exchange")
    release(course)
    home = root / "pupils"
    pupil_submit(course, "f33dba-01", answered(course, PARTIAL), home)
    collect(course, LESSON, "f33dba-01")
    result = grade_submission(course, "f33dba-01", LESSON, OPTIONS)
    pages = pupil_fetch_feedback(course, "f33dba-01", home)
    assert len(pages) == 1
    return result, pages[0].read_text(encoding="utf-8")


def _section(page: str, grade_id: str) -> str:
    match = re.search(
        rf'<section class="cell test [a-z]+" id="{grade_id}">(.*?)</section>', page, re.S
    )
    assert match is not None, f"no box for the test {grade_id}"
    return html.unescape(match.group(1))


def test_each_test_shows_its_score_and_its_sentence(fetched: tuple[GradeResult, str]) -> None:
    result, page = fetched
    messages = {e.exercise_id: e.message for e in result.exercises}
    assert [e.passed for e in result.exercises] == [True, True, False]
    passed = _section(page, "robot-1-a")
    assert "Test robot-1-a : 1 / 1" in passed
    assert messages["robot-1-a"] in passed
    failed = _section(page, "robot-1-c")
    assert "Test robot-1-c : 0 / 2" in failed
    assert messages["robot-1-c"] in failed
    # What Python said stays available, folded under the kind sentence.
    assert "<summary>Ce que Python a dit</summary>" in failed
    assert "AssertionError" in failed
    assert 'class="cell test failed"' in page and 'class="cell test passed"' in page
    # The total, as nbgrader's page gives it, and the summary on top.
    assert "<h1>robot-1 : 2 / 4 points</h1>" in page
    text = html.unescape(page)
    assert text.index("Tes résultats") < text.index('id="robot-1-a"')
    assert "Ta réponse" in text


def test_the_page_is_french_light_and_loads_nothing_else(fetched: tuple[GradeResult, str]) -> None:
    _result, page = fetched
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in page
    assert 'name="viewport"' in page
    # nbgrader's own page was ≈130 KB (Bootstrap and Jupyter's CSS inlined).
    assert len(page.encode()) < 20_000
    # Nothing from another site, no script: the school network may reach nothing else.
    for forbidden in ("<script", "<link", "@import", 'src="http', 'href="http', "url("):
        assert forbidden not in page, forbidden
    # Hidden tests stay hidden, even after grading.
    assert "BEGIN HIDDEN TESTS" not in page


def test_a_pupils_error_name_is_shown_as_text(tmp_path: Path) -> None:
    """Whatever a pupil's code raises, the page shows it as text, never as markup."""
    course = make_course(tmp_path, "F33DBB")
    sneaky = {
        **CORRECT,
        "robot-1-a-reponse": (
            "class Sneaky(Exception):\n    pass\n"
            "Sneaky.__name__ = Sneaky.__qualname__ = '<b>boom</b>'\n"
            "raise Sneaky()\n"
        ),
    }
    submit_collected(course, "f33dbb-01", answered(course, sneaky))
    options = GradingOptions(policy=OPTIONS.policy, protections=("test",), release_feedback=False)
    grade_submission(course, "f33dbb-01", LESSON, options)
    page = (course.feedback("f33dbb-01", LESSON) / f"{LESSON}.html").read_text()
    assert "&lt;b&gt;boom&lt;/b&gt;" in page  # named in the sentence, as text
    assert "<b>boom</b>" not in page


def _feedback_config() -> Config:
    config = Config()
    use_feedback_template(config)
    return config


def _render(notebook: nbformat.NotebookNode) -> str:
    """A page from our exporter and template, as nbgrader's GenerateFeedback configures it."""
    exporter = FeedbackExporter(config=_feedback_config())
    resources = {"nbgrader": {"notebook": "robot-1", "score": 1, "max_score": 2}}
    resources["nbgrader"]["late_penalty"] = 0
    page, _resources = exporter.from_notebook_node(notebook, resources=resources)
    return str(page)


def test_an_image_a_pupil_draws_gets_an_alt_text() -> None:
    drawing = new_code_cell("dessine()", execution_count=1)
    drawing.outputs = [new_output("display_data", data={"image/png": "iVBORw0KGgo="})]
    page = _render(new_notebook(cells=[drawing]))
    assert re.search(r"<img [^>]*alt=\"[^\"]+\"", page), "an image without alt text"
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in page


def test_a_page_without_images_is_the_templates_own() -> None:
    test = new_code_cell("assert double(2) == 4", execution_count=1)
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "robot-1-a"}
    test.metadata["nbgrader"].update(points=1, score=1, schema_version=3, locked=True)
    test.metadata["robocole"] = {"message": "Bravo, cet exercice est réussi !"}
    page = _render(new_notebook(cells=[new_markdown_cell("# Pixel"), test]))
    assert '<html lang="fr">' in page
    assert '<section class="cell test passed" id="robot-1-a">' in page
    assert "Bravo, cet exercice est réussi !" in page
    assert "<img" not in page


def test_pages_rendered_one_after_another_keep_their_own_content() -> None:
    """Exporters share one Jinja environment: each page still shows its own notebook only."""
    pages = []
    for pupil, code in (("Ada", "print('Ada')"), ("Bob", "%%bash\necho Bob")):
        cell = new_code_cell(code, execution_count=1)
        cell.outputs = [new_output("stream", name="stdout", text=f"{pupil}\n")]
        pages.append(_render(new_notebook(cells=[new_markdown_cell(f"# {pupil}"), cell])))
    assert "Ada" in pages[0] and "Bob" not in pages[0]
    assert "Bob" in pages[1] and "Ada" not in pages[1]
    assert (
        FeedbackExporter(config=_feedback_config()).environment
        is FeedbackExporter(config=_feedback_config()).environment
    )
