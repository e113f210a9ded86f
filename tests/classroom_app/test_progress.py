"""Levels, quest map states and the "may need help" flag, derived from the ledger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from classroom_app.progress import STUCK_FAILURES, lesson_states, level_for, stuck_exercises
from classroom_app.store import iso
from curriculum.manifest import Manifest


@pytest.mark.parametrize(
    ("xp", "level", "into", "span"),
    [(0, 1, 0, 50), (49, 1, 49, 50), (50, 2, 0, 100), (149, 2, 99, 100), (150, 3, 0, 150)],
)
def test_levels_grow_by_steps(xp: int, level: int, into: int, span: int) -> None:
    found = level_for(xp)
    assert (found.number, found.xp_into_level, found.xp_for_level) == (level, into, span)


def test_quest_map_opens_lessons_when_prerequisites_are_done(manifest: Manifest) -> None:
    states = lesson_states(manifest, set())
    assert states == {"sequences-1": "open", "sequences-2": "locked", "boucles-1": "locked"}
    states = lesson_states(manifest, {"sequences-1-a", "sequences-1-b"})
    assert states["sequences-1"] == "done" and states["sequences-2"] == "open"
    assert states["boucles-1"] == "locked"  # the loops unit waits for the whole sequences unit
    states = lesson_states(manifest, {"sequences-1-a", "sequences-1-b", "sequences-2-a"})
    assert states["boucles-1"] == "open"


def _attempt(exercise: str, passed: bool, at: datetime) -> dict[str, object]:
    return {"exercise_id": exercise, "passed": passed, "at": iso(at)}


def test_repeated_recent_failures_flag_an_exercise() -> None:
    now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    tries = [_attempt("a", False, now - timedelta(minutes=m)) for m in (9, 6, 3)]
    assert stuck_exercises(tries, now) == {"a"}
    assert stuck_exercises(tries[: STUCK_FAILURES - 1], now) == set()


def test_a_pass_or_old_failures_clear_the_flag() -> None:
    now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    tries = [_attempt("a", False, now - timedelta(minutes=m)) for m in (9, 6, 3)]
    assert stuck_exercises([*tries, _attempt("a", True, now)], now) == set()
    old = [_attempt("a", False, now - timedelta(hours=h)) for h in (5, 4, 3)]
    assert stuck_exercises(old, now) == set()
