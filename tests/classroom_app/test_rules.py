"""The rules engine is a pure function from a pupil's facts to the badges the rules grant."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from classroom_app.rules import PupilFacts, earned_badges, new_proposals, rule_progress
from curriculum.manifest import Manifest

SEQUENCES = {"sequences-1-a", "sequences-1-b", "sequences-2-a"}


def test_unit_badge_needs_every_exercise_of_the_unit(manifest: Manifest) -> None:
    almost = PupilFacts(SEQUENCES - {"sequences-2-a"})
    assert "as-des-sequences" not in earned_badges(manifest, almost)
    assert "as-des-sequences" in earned_badges(manifest, PupilFacts(SEQUENCES))


def test_concept_badge_counts_the_minimum(manifest: Manifest) -> None:
    badge = manifest.badge("roi-des-boucles")
    one = PupilFacts({"boucles-1-a"})
    assert rule_progress(manifest, badge.rule, one) == (1, 2)
    assert "roi-des-boucles" not in earned_badges(manifest, one)
    both = PupilFacts({"boucles-1-a", "boucles-1-b"})
    assert "roi-des-boucles" in earned_badges(manifest, both)


def test_class_badge_follows_the_shared_goal(manifest: Manifest) -> None:
    assert "equipe-en-or" not in earned_badges(manifest, PupilFacts(set(), False))
    assert "equipe-en-or" in earned_badges(manifest, PupilFacts(set(), True))


def test_teacher_badges_are_never_granted_by_rules(manifest: Manifest) -> None:
    everything = PupilFacts({e.id for e in manifest.exercises()}, True)
    assert "pilote-du-carre" not in earned_badges(manifest, everything)


def test_a_decided_badge_is_never_proposed_again() -> None:
    assert new_proposals(["a", "b", "c"], {"b"}) == ["a", "c"]


@given(st.sets(st.sampled_from(sorted(SEQUENCES | {"boucles-1-a", "boucles-1-b"}))), st.booleans())
def test_more_mastery_never_loses_a_badge(passed: set[str], goal: bool) -> None:
    from curriculum.manifest import load_manifest

    from .conftest import FIXTURE_MANIFEST

    manifest = load_manifest(FIXTURE_MANIFEST)
    fewer = set(earned_badges(manifest, PupilFacts(passed, goal)))
    more = set(earned_badges(manifest, PupilFacts(passed | {"sequences-2-a"}, True)))
    assert fewer <= more
