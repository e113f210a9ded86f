"""Teacher pages about children's data: certificate, export, erase, year-end purge, journal.

Erasing is never one click: a page says what will go and the teacher ticks a box (a pupil)
or types the class code (a whole class). Every action here is written to the audit log.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, flash, render_template, request, url_for

from classroom_app import openbadges, privacy, web
from classroom_app.pupil import render_certificate
from robocole.i18n import gettext as _

bp = Blueprint("privacy", __name__, url_prefix="/teacher/classes/<int:class_id>")


def _zip(data: bytes, filename: str) -> Response:
    return Response(
        data,
        mimetype="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@bp.get("/pupils/<int:pupil_id>/certificate")
@web.teacher_required
def certificate(class_id: int, pupil_id: int) -> Any:
    klass = web.own_class(class_id)
    pupil = web.own_pupil(klass, pupil_id)
    return render_certificate(
        pupil,
        back_url=url_for("teacher.pupil_page", class_id=class_id, pupil_id=pupil_id),
        back_label=pupil["pseudonym"],
    )


@bp.get("/pupils/<int:pupil_id>/export.zip")
@web.teacher_required
def export_pupil(class_id: int, pupil_id: int) -> Response:
    klass = web.own_class(class_id)
    pupil = web.own_pupil(klass, pupil_id)
    data = privacy.pupil_export(web.store(), web.manifest(), openbadges.current_issuer(), pupil_id)
    web.store().audit(web.current_teacher_id(), "pupil.export", class_id, pupil_id=pupil_id)
    return _zip(data, privacy.export_file_name(pupil))


@bp.route("/pupils/<int:pupil_id>/delete", methods=["GET", "POST"])
@web.teacher_required
def delete_pupil(class_id: int, pupil_id: int) -> Any:
    klass = web.own_class(class_id)
    pupil = web.own_pupil(klass, pupil_id)
    error = None
    if request.method == "POST":
        if request.form.get("confirm") == "yes":
            privacy.delete_pupil(
                web.store(), pupil, web.current_teacher_id(), Path(current_app.config["DATA_DIR"])
            )
            flash(_("%(name)s and all their data are erased.", name=pupil["pseudonym"]), "success")
            return web.redirect_to("teacher.dashboard", class_id=class_id)
        error = _("Tick the box to confirm, or go back.")
    return render_template("teacher_delete_pupil.html", klass=klass, pupil=pupil, error=error), (
        400 if error else 200
    )


@bp.get("/year-end")
@web.teacher_required
def year_end(class_id: int) -> Any:
    klass = web.own_class(class_id)
    return render_template(
        "teacher_year_end.html",
        klass=klass,
        pupils=len(web.store().pupils_of_class(class_id)),
        due=privacy.purge_due_on(klass, current_app.config),
        error=None,
    )


@bp.get("/badges.zip")
@web.teacher_required
def export_class(class_id: int) -> Response:
    klass = web.own_class(class_id)
    exports = privacy.class_export(
        web.store(), web.manifest(), openbadges.current_issuer(), class_id
    )
    web.store().audit(web.current_teacher_id(), "class.export", class_id, pupils=len(exports))
    return _zip(privacy.class_export_zip(exports), f"robocole-{klass['code']}-badges.zip")


@bp.post("/purge")
@web.teacher_required
def purge(class_id: int) -> Any:
    klass = web.own_class(class_id)
    typed = request.form.get("code", "").strip().upper()
    if typed != klass["code"]:
        return render_template(
            "teacher_year_end.html",
            klass=klass,
            pupils=len(web.store().pupils_of_class(class_id)),
            due=privacy.purge_due_on(klass, current_app.config),
            error=_("Type the class code exactly to confirm."),
        ), 400
    report = privacy.purge_class(
        web.store(),
        web.manifest(),
        openbadges.current_issuer(),
        klass,
        Path(current_app.config["EXPORT_DIR"]),
        teacher_id=web.current_teacher_id(),
        data_dir=Path(current_app.config["DATA_DIR"]),
    )
    flash(
        _(
            "The class is purged: %(n)s pupils erased, anonymous counts kept.",
            n=report.pupils,
        ),
        "success",
    )
    return web.redirect_to("teacher.dashboard", class_id=class_id)


@bp.get("/journal")
@web.teacher_required
def journal(class_id: int) -> Any:
    klass = web.own_class(class_id)
    store = web.store()
    names = {
        int(p["id"]): p["pseudonym"] for p in store.pupils_of_class(class_id)
    }  # shown to the teacher only; the log itself keeps numbers
    entries = []
    for entry in reversed(store.audit_entries(class_id)):
        details = json.loads(entry["details"])
        teacher = store.teacher(int(entry["teacher_id"])) if entry["teacher_id"] else None
        pupil_id = details.pop("pupil_id", None)
        entries.append(
            {
                "at": entry["at"],
                "who": teacher["display_name"] if teacher else _("command line"),
                "action": action_label(entry["action"]),
                "pupil": (names.get(int(pupil_id), _("erased pupil")) if pupil_id else ""),
                "details": ", ".join(
                    detail_label(key, value) for key, value in sorted(details.items())
                ),
            }
        )
    return render_template("teacher_journal.html", klass=klass, entries=entries)


def detail_label(key: str, value: object) -> str:
    """One detail of a journal entry in words (a badge by its name)."""
    if key == "badge":
        try:
            return web.manifest().badge(str(value)).name.get()
        except KeyError:
            return str(value)
    if key == "teacher":
        colleague = web.store().teacher(int(str(value)))
        return colleague["display_name"] if colleague else _("former teacher")
    labels = {
        "count": _("%(n)s pupils", n=value),
        "pupils": _("%(n)s pupils", n=value),
        "goal_xp": _("goal: %(xp)s XP", xp=value),
    }
    return labels.get(key, f"{key}: {value}")


def action_label(action: str) -> str:
    labels = {
        "class.create": _("class created"),
        "class.goal": _("class goal changed"),
        "class.unlock": _("logins opened again"),
        "pupil.unlock": _("one pupil's login opened again"),
        "class.teacher_add": _("colleague added"),
        "class.teacher_remove": _("colleague taken off"),
        "class.export": _("families' badges downloaded"),
        "class.purge": _("class purged (end of year)"),
        "pupils.add": _("pupils added"),
        "pupil.reset_pictures": _("new pictures given"),
        "pupil.export": _("pupil's data exported"),
        "pupil.delete": _("pupil erased"),
        "cards.forget": _("login cards forgotten"),
        "results.export": _("results exported (CSV)"),
        "badge.confirm": _("badge confirmed"),
        "badge.reject": _("badge not confirmed"),
        "badge.revoke": _("badge withdrawn"),
        "badge.award": _("badge awarded by hand"),
    }
    return labels.get(action, action)
