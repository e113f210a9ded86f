"""An exercise the pupil has not touched scores 0 and says so kindly, whatever the stub; an
error in the pupil's answer is explained with its line.

nbgrader records a checksum of each answer cell as released; the grader compares it (as
nbgrader's own ``determine_grade`` does) to tell "nothing written yet" from a wrong answer.
"""

from __future__ import annotations

from pathlib import Path

from grader.pipeline import GradingOptions, grade_submission
from grader.sandbox import SandboxPolicy
from tests.grader.helpers import CORRECT, LESSON, answered, make_course, submit_collected

NOTHING_YET = (
    "Tu n'as encore rien écrit dans cet exercice : écris ton programme sous la ligne "
    "« # Écris ton programme ici », puis rends ta leçon à nouveau."
)


def test_an_untouched_exercise_scores_zero_and_says_nothing_is_written_yet(
    tmp_path: Path,
) -> None:
    course = make_course(tmp_path / "courses", "UNT0CH")
    # Exercise a is solved, b is tried (a colon forgotten), c is left as released.
    tried = {
        "robot-1-a-reponse": CORRECT["robot-1-a-reponse"],
        "robot-1-b-reponse": "def salut(nom)\n    return 'Bonjour ' + nom",
    }
    submit_collected(course, "unt0ch-01", answered(course, tried))
    options = GradingOptions(policy=SandboxPolicy(cell_timeout=5), protections=("test",))
    result = grade_submission(course, "unt0ch-01", LESSON, options)
    outcome = {e.exercise_id: e for e in result.exercises}
    assert outcome["robot-1-a"].passed
    # The pupil's error is explained with its line in the answer cell and the name meant.
    assert (outcome["robot-1-b"].passed, outcome["robot-1-b"].message) == (
        False,
        "Ligne 1 : il manque les deux-points (:) à la fin de la ligne.",
    )
    assert (outcome["robot-1-c"].points, outcome["robot-1-c"].message) == (0, NOTHING_YET)
