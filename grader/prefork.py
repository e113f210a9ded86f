"""What the grader prepares once, before it forks its workers, so that no worker does it again.

Each worker's first submission used to cost ≈0.6 s more CPU than the next ones: nbformat
compiles its JSON schema validator, SQLAlchemy configures nbgrader's mappers, Jinja compiles
the feedback templates, BeautifulSoup's CSS selectors and the ANSI filters compile their
regular expressions, and a few modules are imported on first use. All of it lands in module
caches; done in the parent, the forked workers inherit it. Nothing here touches a course,
the gradebook or a pupil's files.
"""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbgrader.converters import GenerateFeedback
from nbgrader.coursedir import CourseDirectory
from sqlalchemy.orm import configure_mappers
from traitlets.config import Config

from grader.exporter import FeedbackExporter, use_feedback_template
from grader.preprocessors import AddFeedbackSummary


def _sample_notebook() -> nbformat.NotebookNode:
    """A small notebook with what a pupil's feedback shows: text, code, output, an error."""
    code = new_code_cell("print('bonjour')\nassert double(2) == 4", execution_count=1)
    code.outputs = [
        new_output("stream", name="stdout", text="bonjour\n"),
        new_output(
            "error",
            ename="AssertionError",
            evalue="",
            traceback=["\x1b[0;31mAssertionError\x1b[0m Traceback (most recent call last)"],
        ),
    ]
    code.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "exercice-tests"}
    code.metadata["nbgrader"].update(points=1, score=0)
    return new_notebook(cells=[new_markdown_cell("# Exercice\n\n**Bravo** `avancer(20)`"), code])


def _render_feedback() -> None:
    """Render one feedback page in memory, with the exporter nbgrader's GenerateFeedback makes."""
    config = Config()
    use_feedback_template(config)
    config.AddFeedbackSummary.summary = "## Tes résultats\n\n- ✅ exercice"
    converter = GenerateFeedback(coursedir=CourseDirectory(config=config), config=config)
    exporter = FeedbackExporter(parent=converter, config=converter.config)
    exporter.register_preprocessor(AddFeedbackSummary, enabled=True)
    resources = {"nbgrader": {"notebook": "rehearsal", "score": 0, "max_score": 1}}
    resources["nbgrader"]["late_penalty"] = 0
    exporter.from_notebook_node(_sample_notebook(), resources=resources)


def rehearse() -> None:
    """Fill this process's caches with what every grading and every feedback page needs."""
    # nbformat compiles its schema validator on the first validation.
    nbformat.validate(_sample_notebook())
    # SQLAlchemy configures the gradebook's mappers on the first query.
    configure_mappers()
    # Imported by the kernel client and nbclient when the first kernel starts.
    import jupyter_client.asynchronous  # noqa: F401
    import nbclient.client  # noqa: F401
    import zmq.asyncio  # noqa: F401

    _render_feedback()
