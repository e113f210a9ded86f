"""Exporting a class's results as CSV for a teacher's spreadsheet.

French spreadsheets expect ``;`` between columns and open UTF-8 correctly only with a byte
order mark, so the file has both. A cell that starts like a formula is prefixed with ``'``
so a pseudonym can never run as a formula in the spreadsheet.
"""

from __future__ import annotations

import csv
import io

from classroom_app.dashboard import ClassView
from curriculum.manifest import Manifest
from robocole.i18n import gettext as _

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def results_csv(view: ClassView, manifest: Manifest) -> str:
    lessons = list(manifest.lessons())
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [_("Pupil"), _("Login"), _("XP"), _("Level")]
        + [f"{lesson.id} — {lesson.title.get()}" for lesson in lessons]
    )
    for row in view.rows:
        writer.writerow(
            [_cell(row.pupil["pseudonym"]), row.pupil["username"], row.level.xp, row.level.number]
            + [f"{row.cells[lesson.id].passed}/{row.cells[lesson.id].total}" for lesson in lessons]
        )
    return buffer.getvalue()
