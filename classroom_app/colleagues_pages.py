"""The class's "Teachers" page: who runs the class, add a colleague, take one off."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, render_template, request

from classroom_app import colleagues, web
from robocole.i18n import gettext as _

bp = Blueprint("colleagues", __name__, url_prefix="/teacher/classes/<int:class_id>/teachers")


def _page(klass: dict[str, Any], error: str | None = None, email: str = "") -> Any:
    page = render_template(
        "teacher_colleagues.html",
        klass=klass,
        teachers=web.store().class_teachers(int(klass["id"])),
        me=web.current_teacher_id(),
        error=error,
        email=email,
    )
    return page, (400 if error else 200)


@bp.get("/")
@web.teacher_required
def page(class_id: int) -> Any:
    return _page(web.own_class(class_id))


@bp.post("/")
@web.teacher_required
def add(class_id: int) -> Any:
    klass = web.own_class(class_id)
    email = request.form.get("email", "")
    try:
        name = colleagues.add_colleague(web.store(), klass, web.current_teacher_id(), email)
    except colleagues.ColleagueError as error:
        return _page(klass, error.message, email)
    flash(_("%(name)s now runs this class with you.", name=name), "success")
    return web.redirect_to("colleagues.page", class_id=class_id)


@bp.post("/remove")
@web.teacher_required
def remove(class_id: int) -> Any:
    klass = web.own_class(class_id)
    try:
        teacher_id = int(request.form.get("teacher_id", ""))
    except ValueError:
        return _page(klass, _("Choose a teacher from the list."))
    try:
        colleagues.remove_colleague(web.store(), klass, web.current_teacher_id(), teacher_id)
    except colleagues.ColleagueError as error:
        return _page(klass, error.message)
    if teacher_id == web.current_teacher_id():
        flash(_("You no longer run %(name)s.", name=klass["name"]), "success")
        return web.redirect_to("teacher.classes")
    flash(_("Done: that colleague no longer runs this class."), "success")
    return web.redirect_to("colleagues.page", class_id=class_id)
