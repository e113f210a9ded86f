"""What a pupil's progress looks like, derived from the ledger: levels, quest map, stuck flags.

All pure functions over plain data, so the pupil page, the teacher's dashboard and the API
agree by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from curriculum.manifest import Lesson, Manifest

#: XP needed per level grows by this much each level: 50, 100, 150, … (level 2 at 50 XP).
LEVEL_STEP = 50
#: A pupil is "stuck" after this many failed tries at one exercise within the window,
#: without passing it since. The teacher sees a discreet flag; the pupil sees nothing.
STUCK_FAILURES = 3
STUCK_WINDOW = timedelta(minutes=30)


@dataclass(frozen=True)
class Level:
    number: int
    xp: int
    level_start: int
    next_level_at: int

    @property
    def xp_into_level(self) -> int:
        return self.xp - self.level_start

    @property
    def xp_for_level(self) -> int:
        return self.next_level_at - self.level_start

    @property
    def percent(self) -> int:
        return int(100 * self.xp_into_level / self.xp_for_level)


def level_for(xp: int) -> Level:
    number, start = 1, 0
    while xp >= start + LEVEL_STEP * number:
        start += LEVEL_STEP * number
        number += 1
    return Level(number=number, xp=xp, level_start=start, next_level_at=start + LEVEL_STEP * number)


def lesson_done(lesson: Lesson, passed: Set[str]) -> bool:
    return all(exercise.id in passed for exercise in lesson.exercises)


def lesson_states(
    manifest: Manifest, passed: Set[str], opened: Set[str] | None = None
) -> dict[str, str]:
    """``done``, ``open``, ``locked`` or ``waiting`` for every lesson.

    Without ``opened`` (a class that never used the hub) prerequisites decide "open". In a
    class whose teacher assigns lessons, ``opened`` are the lessons released to it: those are
    open, the others ``waiting`` for the teacher. A finished lesson stays done either way, and
    taking a lesson back never touches the XP ledger.
    """
    done = {lesson.id for lesson in manifest.lessons() if lesson_done(lesson, passed)}
    states = {}
    for lesson in manifest.lessons():
        if lesson.id in done:
            states[lesson.id] = "done"
        elif opened is not None:
            states[lesson.id] = "open" if lesson.id in opened else "waiting"
        elif all(req in done for req in manifest.lesson_requirements(lesson)):
            states[lesson.id] = "open"
        else:
            states[lesson.id] = "locked"
    return states


def stuck_exercises(
    attempts: Iterable[Mapping[str, Any]], at: datetime, window: timedelta = STUCK_WINDOW
) -> set[str]:
    """Exercises failed ``STUCK_FAILURES`` times in ``window`` before ``at``, not passed since.

    ``attempts`` are one pupil's rows (``exercise_id``, ``passed``, ``at`` ISO), oldest first.
    """
    since = at - window
    failures: dict[str, int] = {}
    for attempt in attempts:
        exercise = attempt["exercise_id"]
        if attempt["passed"]:
            failures.pop(exercise, None)
        elif _parse(attempt["at"]) >= since:
            failures[exercise] = failures.get(exercise, 0) + 1
    return {exercise for exercise, count in failures.items() if count >= STUCK_FAILURES}


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
