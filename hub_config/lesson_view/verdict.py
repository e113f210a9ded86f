"""What "Vérifier" tells the child: "Bravo !" or one kind sentence, never a traceback.

The sentence for a failed test is the test's own (the curriculum writes it for the child);
Python's errors in the child's answer are explained by the platform's one explainer
(``robocole.python_errors``), with the line of the child's cell.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field
from typing import Any

from hub_config.lesson_view.model import Lesson
from hub_config.lesson_view.runner import EARLIER_ANSWER_STUCK, Check
from robocole.i18n import gettext as _
from robocole.python_errors import explain_python_error, line_prefix

# Where the answer goes in a fresh lesson: nbgrader's stub (ClearSolutions.code_stub), in
# the curriculum's words, or nbgrader's own default for lessons released before.
STUB_LINES = (
    "# Écris ton programme ici",
    "# Write your program here",
    "raise NotImplementedError()",
)


@dataclass
class Verdict:
    passed: bool
    sentence: str
    outputs: list[dict[str, Any]] = field(default_factory=list)
    line: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "sentence": self.sentence,
            "line": self.line,
            "outputs": self.outputs,
        }


def untouched(answer: str, released: str | None) -> bool:
    """Whether the child has not written anything yet in this answer (``released``: the
    answer as the teacher's release has it, when the exchange can be read)."""
    if released is not None:
        return answer.strip() == released.strip()
    return answer.strip() in STUB_LINES


def not_written_yet() -> Verdict:
    return Verdict(
        False,
        _(
            "You have not written your program yet: write it in place of the line "
            "“# Write your program here”, then press “Check” again."
        ),
    )


def world_names(lesson: Lesson) -> list[str]:
    """The functions the lesson's world gives the child (for "did you mean droite?")."""
    names: list[str] = []
    for _cell_id, code in lesson.world:
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_"):
                names.append(node.name)
            elif isinstance(node, ast.ImportFrom):
                names.extend(a.asname or a.name for a in node.names if a.name != "*")
    return names


def _lessons_own(ename: str) -> bool:
    """Whether an error is not one of Python's own (then the lesson's code wrote it)."""
    builtin = getattr(builtins, ename, None)
    return not (isinstance(builtin, type) and issubclass(builtin, BaseException))


def _precise_syntax_error(answer: str) -> tuple[str, str, int | None] | None:
    """Python's own message for a syntax error in the answer.

    IPython says "incomplete input" at the last line for a bracket left open; compiling
    the answer (without running it) says which bracket, on which line."""
    try:
        compile(answer, "<cellule>", "exec")
    except SyntaxError as error:
        return type(error).__name__, str(error.msg), error.lineno
    except ValueError:
        return None
    return None


def verdict(check: Check, lesson: Lesson, answer: str) -> Verdict:
    run = check.answer
    if run.ename == EARLIER_ANSWER_STUCK:
        return Verdict(
            False,
            _(
                "An exercise higher up runs forever: fix its loop first, then come back to "
                "this one."
            ),
        )
    if run.timed_out:
        return Verdict(
            False,
            _("Your program took too long: check that no loop runs forever (while)."),
            run.outputs,
        )
    if run.ename:
        ename, evalue, line = run.ename, run.evalue, run.line
        if ename in ("SyntaxError", "IndentationError", "TabError"):
            ename, evalue, line = _precise_syntax_error(answer) or (ename, evalue, line)
        if _lessons_own(ename) and evalue.strip():
            # Raised by the lesson's world or the robot simulator, in the child's words
            # already (« Il n'y a pas de monde appelé triangle… »).
            sentence = line_prefix(line) + evalue.strip()
        else:
            sentence = explain_python_error(ename, evalue, line, world_names(lesson), code=answer)
        return Verdict(False, sentence, run.outputs, line)
    # What the tests print or return (a robot challenge's verdict object, its own "Bravo")
    # is for the grader; the child sees their own program's outputs and one sentence.
    tests = check.tests
    assert tests is not None
    if tests.timed_out:
        return Verdict(
            False,
            _("Your program took too long: check that no loop runs forever (while)."),
            run.outputs,
        )
    if tests.ename == "AssertionError" and not tests.evalue.strip():
        return Verdict(
            False,
            _("Not yet: the test did not pass. Read the instructions again and try again!"),
            run.outputs,
        )
    if tests.ename in ("AssertionError", "NameError"):
        # A test's own sentence, or a name the answer should have made (a variable the
        # child has not made yet), said without the test's line.
        sentence = explain_python_error(tests.ename, tests.evalue, None, world_names(lesson))
        return Verdict(False, sentence, run.outputs)
    if tests.ename:
        # Any other error inside the test comes from the answer's result, not from a line
        # the child wrote: Python's words about the test's own code would mislead.
        return Verdict(
            False,
            _("Not yet: the test did not pass. Read the instructions again and try again!"),
            run.outputs,
        )
    return Verdict(True, _("Well done!"), run.outputs)
