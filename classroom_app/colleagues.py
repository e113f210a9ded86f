"""Colleagues: a class run by several adults (a teacher and the city's animator, say).

Any teacher of a class can add a colleague of the same school by e-mail, or take one off.
Teacher accounts themselves are made by the city's IT (``robocole classroom add-teacher``):
this never creates one, and it never tells whether an e-mail exists in another school. A class
always keeps at least one teacher, so its pupils are never left without an adult.
"""

from __future__ import annotations

from typing import Any

from classroom_app.store import Store
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _


class ColleagueError(RobocoleError):
    """This colleague cannot be added or taken off."""


def add_colleague(store: Store, klass: dict[str, Any], by_teacher: int, email: str) -> str:
    """Give the teacher with this e-mail access to the class; returns their name."""
    email = email.strip()
    if not email:
        raise ColleagueError(_("Type your colleague's e-mail address."))
    colleague = store.teacher_by_email(email)
    if colleague is None or int(colleague["school_id"]) != int(klass["school_id"]):
        raise ColleagueError(
            _(
                "No teacher of your school has this e-mail address. Check it, or ask the"
                " city's IT to make an account for your colleague."
            )
        )
    name = str(colleague["display_name"])
    if not store.add_class_teacher(int(klass["id"]), int(colleague["id"])):
        raise ColleagueError(_("%(name)s already runs this class.", name=name))
    store.audit(by_teacher, "class.teacher_add", int(klass["id"]), teacher=int(colleague["id"]))
    return name


def remove_colleague(store: Store, klass: dict[str, Any], by_teacher: int, teacher_id: int) -> None:
    """Take a teacher off the class (themselves included), never the last one."""
    outcome = store.remove_class_teacher(int(klass["id"]), teacher_id)
    if outcome == "last":
        raise ColleagueError(_("A class always keeps at least one teacher: add a colleague first."))
    if outcome == "absent":
        raise ColleagueError(_("This person does not run this class any more."))
    store.audit(by_teacher, "class.teacher_remove", int(klass["id"]), teacher=teacher_id)
