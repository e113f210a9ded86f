"""The badge rules engine: a pure function from what a pupil did to the badges earned.

Rules are data in the curriculum manifest (see ``curriculum.manifest``). The engine knows no
database and no clock: given the exercises a pupil passed and whether the class reached its
goal, it says which badges the rules grant. The caller turns new ones into proposals that a
teacher confirms. A ``teacher`` rule (a challenge on the real robot) is granted here only when
it names the exercises that prepare it (the same challenge in the simulator): the proposal
tells the teacher the pupil is ready to show the robot. Without them it is by hand only.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass

from curriculum.manifest import Badge, BadgeRule, Manifest


@dataclass(frozen=True)
class PupilFacts:
    """Everything the rules may look at. Mastery only: no time, no streak, no rank."""

    passed_exercises: Set[str]
    class_goal_reached: bool = False


def selected_exercises(manifest: Manifest, rule: BadgeRule) -> list[str]:
    """The exercises a rule is about, in curriculum order."""
    return [exercise.id for exercise in manifest.rule_exercises(rule)]


def required_count(manifest: Manifest, rule: BadgeRule) -> int:
    selection = selected_exercises(manifest, rule)
    return min(rule.min, len(selection)) if rule.min else len(selection)


def rule_progress(manifest: Manifest, rule: BadgeRule, facts: PupilFacts) -> tuple[int, int]:
    """(done, needed) for an exercise rule: what "2 of 3 loop exercises" shows the child."""
    selection = selected_exercises(manifest, rule)
    done = sum(1 for exercise_id in selection if exercise_id in facts.passed_exercises)
    needed = required_count(manifest, rule)
    return min(done, needed), needed


def badge_earned(manifest: Manifest, badge: Badge, facts: PupilFacts) -> bool:
    rule = badge.rule
    if rule.type in ("exercises_passed", "teacher"):
        # A teacher rule without exercises selects none: only a person awards it.
        done, needed = rule_progress(manifest, rule, facts)
        return needed > 0 and done >= needed
    if rule.type == "class_goal":
        return facts.class_goal_reached
    return False


def earned_badges(manifest: Manifest, facts: PupilFacts) -> list[str]:
    """Ids of the badges the rules grant, in manifest order."""
    return [badge.id for badge in manifest.badges if badge_earned(manifest, badge, facts)]


def new_proposals(earned: Iterable[str], already: Set[str]) -> list[str]:
    """Badges to propose: earned and never proposed, confirmed, rejected or revoked before.

    A teacher's "no" is final for the rules: they never propose the same badge again, though
    the teacher can still award it by hand.
    """
    return [badge_id for badge_id in earned if badge_id not in already]
