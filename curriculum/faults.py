"""What the curriculum check finds wrong, said so a teacher knows where to look."""

from __future__ import annotations

from dataclasses import dataclass

from robocole.errors import RobocoleError
from robocole.i18n import gettext as _


@dataclass(frozen=True, order=True)
class Fault:
    """One problem, located as precisely as we can: lesson, language, cell."""

    lesson: str
    language: str
    cell: str
    message: str

    def __str__(self) -> str:
        where = [part for part in (self.lesson, self.language, self.cell) if part]
        place = " · ".join(where) if where else _("manifest")
        return _("%(place)s: %(problem)s", place=place, problem=self.message)


class LessonError(RobocoleError):
    """A lesson source cannot be turned into a notebook."""

    def __init__(self, message: str, cell: str = "") -> None:
        super().__init__(message)
        self.cell = cell


def cell_label(index: int, role: str, exercise: str = "") -> str:
    """Name a cell the way a teacher finds it in the source: its number and its job."""
    if exercise:
        return _(
            "cell %(number)d (%(role)s of %(exercise)s)",
            number=index + 1,
            role=role,
            exercise=exercise,
        )
    return _("cell %(number)d (%(role)s)", number=index + 1, role=role)
