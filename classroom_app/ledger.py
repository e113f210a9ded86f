"""Recording grading results: attempts, XP events and badge proposals, all or nothing.

A result comes from the grader with an idempotency key. Recording it is one transaction:
the result row, one attempt per exercise, an XP event the first time an exercise passes
(its key names the pupil and the exercise, so XP for an exercise is earned once), and a
badge proposal for each badge the rules now grant. Sending the same result again changes
nothing; sending different content under a used key is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from classroom_app.rules import PupilFacts, earned_badges, new_proposals
from classroom_app.store import Store, iso, now
from curriculum.manifest import Manifest
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _


class ResultConflict(RobocoleError):
    """This idempotency key was already used for a different result."""


#: The sandbox layers a grade needs to count (the grader's own minimum,
#: ``grader.sandbox.MINIMUM_PROTECTIONS``; a test keeps the two lists the same): a result
#: graded without one of them could come from a grader that pupil code escaped.
MINIMUM_PROTECTIONS = ("non-root", "rlimits", "timeout", "filesystem-isolation", "no-network")
#: How the grader could grade a submission (``grader.pipeline.GradeResult.status``).
RESULT_STATUSES = ("graded", "damaged", "unreadable", "failed")


@dataclass(frozen=True)
class ExerciseResult:
    exercise_id: str
    passed: bool
    points: float | None = None
    max_points: float | None = None


@dataclass(frozen=True)
class GradingResult:
    idempotency_key: str
    username: str
    lesson_id: str
    exercises: tuple[ExerciseResult, ...]
    graded_at: str | None = None
    protections: tuple[str, ...] = ()
    status: str = "graded"
    flags: tuple[str, ...] = ()

    def content_hash(self) -> str:
        content = {
            "username": self.username,
            "lesson_id": self.lesson_id,
            "exercises": sorted(
                (e.exercise_id, e.passed, e.points, e.max_points) for e in self.exercises
            ),
        }
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


@dataclass
class Outcome:
    status: str  # "recorded" or "duplicate"
    xp_awarded: int = 0
    proposed_badges: list[str] = field(default_factory=list)


def record_result(
    store: Store, manifest: Manifest, pupil_id: int, result: GradingResult
) -> Outcome:
    with store.transaction():
        existing = store.result(result.idempotency_key)
        if existing is not None:
            if existing["content_hash"] != result.content_hash():
                raise ResultConflict(
                    _("This idempotency key was already used for a different result.")
                )
            return Outcome("duplicate")
        at = result.graded_at or iso(now())
        store.insert_result(
            result.idempotency_key,
            pupil_id,
            result.lesson_id,
            result.content_hash(),
            result.protections,
            at,
            result.status,
            result.flags,
        )
        outcome = Outcome("recorded")
        xp_of = {exercise.id: exercise.xp for exercise in manifest.exercises()}
        for exercise in result.exercises:
            store.insert_attempt(
                result.idempotency_key,
                pupil_id,
                exercise.exercise_id,
                exercise.passed,
                exercise.points,
                exercise.max_points,
                at,
            )
            if exercise.passed and store.add_xp_event(
                f"exercise:{pupil_id}:{exercise.exercise_id}",
                pupil_id,
                "exercise",
                exercise.exercise_id,
                xp_of[exercise.exercise_id],
            ):
                outcome.xp_awarded += xp_of[exercise.exercise_id]
        pupil = store.pupil(pupil_id)
        assert pupil is not None
        outcome.proposed_badges = propose_earned_badges(store, manifest, pupil_id)
        if outcome.xp_awarded:
            propose_class_badges(store, manifest, int(pupil["class_id"]))
    return outcome


def class_goal_reached(store: Store, class_id: int) -> bool:
    klass = store.class_by_id(class_id)
    return klass is not None and store.class_xp(class_id) >= int(klass["goal_xp"])


def propose_earned_badges(store: Store, manifest: Manifest, pupil_id: int) -> list[str]:
    """Propose to the teacher each badge the rules grant that was never proposed before."""
    pupil = store.pupil(pupil_id)
    if pupil is None:
        return []
    facts = PupilFacts(
        passed_exercises=store.passed_exercises(pupil_id),
        class_goal_reached=class_goal_reached(store, int(pupil["class_id"])),
    )
    proposals = new_proposals(earned_badges(manifest, facts), set(store.award_states(pupil_id)))
    for badge_id in proposals:
        store.add_award_event(pupil_id, badge_id, "proposed", "rule", None)
    return proposals


def propose_class_badges(store: Store, manifest: Manifest, class_id: int) -> list[int]:
    """When the class reaches its goal, every pupil of the class gets the cooperative badge."""
    if not class_goal_reached(store, class_id):
        return []
    touched = []
    for pupil in store.pupils_of_class(class_id):
        if propose_earned_badges(store, manifest, int(pupil["id"])):
            touched.append(int(pupil["id"]))
    return touched


def exercise_ids_of_lesson(manifest: Manifest, lesson_id: str) -> Sequence[str]:
    return [exercise.id for exercise in manifest.lesson(lesson_id).exercises]
