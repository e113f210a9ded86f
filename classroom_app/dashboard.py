"""The teacher's view of a class: who is done, who is working, who may need help.

Rows are in alphabetical order of pseudonyms, never by XP or score: the dashboard helps a
teacher help, it does not rank children.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from classroom_app.progress import (
    STUCK_WINDOW,
    Level,
    lesson_states,
    level_for,
    stuck_exercises,
)
from classroom_app.store import Store, now
from curriculum.manifest import Manifest


@dataclass(frozen=True)
class Cell:
    state: str  # done | working | open | locked
    passed: int
    total: int


@dataclass
class PupilRow:
    pupil: dict[str, Any]
    level: Level
    cells: dict[str, Cell]
    stuck: set[str] = field(default_factory=set)
    pending_badges: int = 0


@dataclass
class ClassView:
    klass: dict[str, Any]
    rows: list[PupilRow]
    class_xp: int
    goal_xp: int

    @property
    def goal_percent(self) -> int:
        return min(100, int(100 * self.class_xp / self.goal_xp)) if self.goal_xp else 0


def class_view(store: Store, manifest: Manifest, klass: dict[str, Any]) -> ClassView:
    class_id = int(klass["id"])
    passed_by = store.passed_by_pupil(class_id)
    xp_by = store.xp_by_pupil(class_id)
    pending: dict[int, int] = {}
    for award in store.awards_of_class(class_id, state="proposed"):
        pending[int(award["pupil_id"])] = pending.get(int(award["pupil_id"]), 0) + 1
    attempts_by: dict[int, list[dict[str, Any]]] = {}
    moment = now()
    for attempt in store.attempts_of_class(class_id, since=moment - STUCK_WINDOW * 4):
        attempts_by.setdefault(int(attempt["pupil_id"]), []).append(attempt)
    tried_by: dict[int, set[str]] = {}
    for attempt in store.attempts_of_class(class_id):
        tried_by.setdefault(int(attempt["pupil_id"]), set()).add(attempt["exercise_id"])

    rows = []
    for pupil in store.pupils_of_class(class_id):
        pid = int(pupil["id"])
        passed = passed_by.get(pid, set())
        states = lesson_states(manifest, passed)
        cells = {}
        for lesson in manifest.lessons():
            count = sum(1 for e in lesson.exercises if e.id in passed)
            tried = any(e.id in tried_by.get(pid, set()) for e in lesson.exercises)
            state = states[lesson.id]
            if state != "done" and tried:
                state = "working"
            cells[lesson.id] = Cell(state, count, len(lesson.exercises))
        rows.append(
            PupilRow(
                pupil=pupil,
                level=level_for(xp_by.get(pid, 0)),
                cells=cells,
                stuck=stuck_exercises(attempts_by.get(pid, []), moment),
                pending_badges=pending.get(pid, 0),
            )
        )
    return ClassView(
        klass=klass, rows=rows, class_xp=sum(xp_by.values()), goal_xp=int(klass["goal_xp"])
    )
