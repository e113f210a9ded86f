"""Due dates in simple words: the teacher picks a day, the pupil reads "before Friday 27 November".

A lesson "to hand in before Friday 27 November" is due when that day starts in the school's
time zone, which is the moment nbgrader gets as the assignment's ``duedate``: the words the
pupil reads and the moment nbgrader counts from are the same. After that moment the pupil's
map says nothing about lateness (never shaming a child); the teacher sees who handed in late.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date

from robocole.errors import RobocoleError
from robocole.i18n import gettext as _


def parse_day(text: str, today: date) -> date | None:
    """The teacher's date field (``YYYY-MM-DD``, empty for none); refuses a day already gone."""
    text = text.strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        message = _("Choose the due date in the calendar (for example 27/11).")
        raise RobocoleError(message) from error
    if day <= today:
        raise RobocoleError(_("Choose a due date after today."))
    return day


def due_moment(day: date, timezone: str) -> datetime:
    """The moment a lesson due "before ``day``" is due: the start of that day, at school."""
    return datetime.combine(day, time(0, 0), tzinfo=ZoneInfo(timezone))


def today_at_school(timezone: str, now: datetime | None = None) -> date:
    moment = now or datetime.now(ZoneInfo(timezone))
    return moment.astimezone(ZoneInfo(timezone)).date()


def day_words(day: date, language: str) -> str:
    """ "vendredi 27 novembre" / "Friday 27 November"."""
    return format_date(day, format="EEEE d MMMM", locale=language)
