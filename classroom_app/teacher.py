"""Teacher pages: classes, pupils, login cards, the class dashboard, badges, CSV export.

Every route is for a signed-in teacher, and every route with a class in its path checks that
this teacher teaches that class (``web.own_class``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import segno
from flask import Blueprint, Response, abort, current_app, flash, render_template, request
from markupsafe import Markup

from classroom_app import badges, classes, web
from classroom_app.dashboard import class_view
from classroom_app.export import results_csv
from classroom_app.ledger import propose_class_badges
from classroom_app.pictures import PICTURES_BY_ID
from classroom_app.progress import level_for, stuck_exercises
from classroom_app.rules import PupilFacts, rule_progress
from classroom_app.store import now
from robocole.errors import RobocoleError
from robocole.i18n import N_
from robocole.i18n import gettext as _

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


@bp.get("/", endpoint="classes")
@web.teacher_required
def classes_page() -> Any:
    return render_template(
        "teacher_classes.html", classes=web.store().classes_of_teacher(web.current_teacher_id())
    )


@bp.post("/classes")
@web.teacher_required
def create_class() -> Any:
    teacher = web.current_teacher()
    assert teacher is not None
    try:
        class_id = classes.create_class(
            web.store(),
            int(teacher["school_id"]),
            int(teacher["id"]),
            request.form.get("name", ""),
            picture_count=_int_field("picture_count", classes.DEFAULT_PICTURES),
            goal_xp=_int_field("goal_xp", classes.DEFAULT_GOAL_XP),
        )
    except RobocoleError as error:
        flash(error.message, "error")
        return web.redirect_to("teacher.classes")
    flash(_("Class created. Now add your pupils."), "success")
    return web.redirect_to("teacher.add_pupils", class_id=class_id)


def _int_field(name: str, default: int) -> int:
    raw = request.form.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise classes.InvalidClass(_("Please type a whole number.")) from None


@bp.get("/classes/<int:class_id>")
@web.teacher_required
def dashboard(class_id: int) -> Any:
    klass = web.own_class(class_id)
    view = class_view(web.store(), web.manifest(), klass)
    return render_template(
        "teacher_dashboard.html",
        klass=klass,
        view=view,
        manifest=web.manifest(),
        proposals=web.store().awards_of_class(class_id, state="proposed"),
        cards_waiting=bool(web.store().cards(class_id)),
    )


@bp.route("/classes/<int:class_id>/pupils", methods=["GET", "POST"])
@web.teacher_required
def add_pupils(class_id: int) -> Any:
    klass = web.own_class(class_id)
    error, names = None, ""
    if request.method == "POST":
        names = request.form.get("names", "")
        try:
            added = classes.add_pupils(
                web.store(), klass, names, web.current_teacher_id(), _cards_keep()
            )
        except RobocoleError as error_:
            error = error_.message
        else:
            flash(_("%(n)s pupils added. Print their login cards now.", n=len(added)), "success")
            return web.redirect_to("teacher.cards", class_id=class_id)
    return render_template("teacher_add_pupils.html", klass=klass, error=error, names=names), (
        400 if error else 200
    )


def _cards_keep() -> timedelta:
    return timedelta(hours=int(current_app.config["CARDS_KEEP_HOURS"]))


def login_url(klass: dict[str, Any]) -> str:
    base = current_app.config.get("PUBLIC_URL") or request.url_root
    return f"{base.rstrip('/')}/c/{klass['code']}"


@bp.get("/classes/<int:class_id>/cards")
@web.teacher_required
def cards(class_id: int) -> Any:
    klass = web.own_class(class_id)
    waiting = web.store().cards(class_id)
    pupils = web.store().pupils_of_class(class_id)
    url = login_url(klass)
    # The QR code holds the class's login address only, never a pupil's pictures.
    qr = Markup(segno.make(url, error="m").svg_inline(scale=2, omitsize=False, title=url))
    return render_template(
        "teacher_cards.html",
        klass=klass,
        cards=[(p, waiting[str(p["id"])]) for p in pupils if str(p["id"]) in waiting],
        printed=[p for p in pupils if str(p["id"]) not in waiting],
        url=url,
        qr=qr,
        pictures=PICTURES_BY_ID,
    )


@bp.post("/classes/<int:class_id>/cards/forget")
@web.teacher_required
def forget_cards(class_id: int) -> Any:
    web.own_class(class_id)
    web.store().forget_cards(class_id)
    web.store().audit(web.current_teacher_id(), "cards.forget", class_id)
    flash(_("The pictures are no longer kept in clear. Good!"), "success")
    return web.redirect_to("teacher.dashboard", class_id=class_id)


#: What each result status tells the teacher (``ledger.RESULT_STATUSES``).
_STATUS_SENTENCES = {
    "graded": N_("Graded."),
    "damaged": N_(
        "Damaged notebook: what could be checked was graded. Ask the pupil to hand it in again."
    ),
    "unreadable": N_("Unreadable notebook: ask the pupil to hand it in again."),
    "failed": N_("Not graded automatically: look at it in the formgrader."),
}


def _gradings(pupil_id: int) -> list[dict[str, Any]]:
    """The pupil's results as the teacher reads them: status, tampering, protections."""
    manifest = web.manifest()
    rows = []
    for result in web.store().results_of_pupil(pupil_id):
        try:
            title = manifest.lesson(result["lesson_id"]).title.get()
        except KeyError:
            title = result["lesson_id"]
        tampered = [f.split(":", 1)[1] for f in result["flags"] if f.startswith("tampered:")]
        rows.append(
            {
                "title": title,
                "graded_at": result["graded_at"][:16].replace("T", " "),
                "status": _(_STATUS_SENTENCES.get(result["status"], result["status"])),
                "trouble": result["status"] != "graded" or bool(tampered),
                "tampered": tampered,
                "protections": result["protections"],
            }
        )
    return rows


@bp.get("/classes/<int:class_id>/pupils/<int:pupil_id>")
@web.teacher_required
def pupil_page(class_id: int, pupil_id: int) -> Any:
    klass = web.own_class(class_id)
    pupil = web.own_pupil(klass, pupil_id)
    store, manifest = web.store(), web.manifest()
    states = store.award_states(pupil_id)
    facts = PupilFacts(store.passed_exercises(pupil_id))
    stuck = stuck_exercises(store.attempts_of_pupil(pupil_id), now())
    lesson_of = {e.id: manifest.lesson(e.lesson_id) for e in manifest.exercises()}
    return render_template(
        "teacher_pupil.html",
        stuck=[(exercise_id, lesson_of.get(exercise_id)) for exercise_id in sorted(stuck)],
        klass=klass,
        pupil=pupil,
        level=level_for(store.pupil_xp(pupil_id)),
        manifest=manifest,
        states=states,
        progress={b.id: rule_progress(manifest, b.rule, facts) for b in manifest.badges},
        state_label=badges.state_label,
        assertions={row["badge_id"]: row["uid"] for row in store.assertions_of_pupil(pupil_id)},
        gradings=_gradings(pupil_id),
    )


@bp.post("/classes/<int:class_id>/pupils/<int:pupil_id>/reset")
@web.teacher_required
def reset_pictures(class_id: int, pupil_id: int) -> Any:
    klass = web.own_class(class_id)
    pupil = web.own_pupil(klass, pupil_id)
    classes.reset_pictures(
        web.store(), klass, int(pupil["id"]), web.current_teacher_id(), _cards_keep()
    )
    flash(_("New pictures for %(name)s. Print the new card.", name=pupil["pseudonym"]), "success")
    return web.redirect_to("teacher.cards", class_id=class_id)


@bp.post("/classes/<int:class_id>/badges")
@web.teacher_required
def decide_badge(class_id: int) -> Any:
    klass = web.own_class(class_id)
    pupil = web.own_pupil(klass, _int_arg("pupil_id"))
    badge_id = request.form.get("badge_id", "")
    try:
        badge = web.manifest().badge(badge_id)
    except KeyError:
        abort(400)
    decision = request.form.get("decision", "")
    try:
        badges.decide(web.store(), int(pupil["id"]), badge.id, decision, web.current_teacher_id())
    except RobocoleError as error:
        flash(error.message, "error")
    else:
        web.store().audit(
            web.current_teacher_id(),
            f"badge.{decision}",
            class_id,
            pupil_id=pupil["id"],
            badge=badge.id,
        )
        flash(_decision_message(decision, badge.name.get(), pupil["pseudonym"]), "success")
    if request.form.get("back") == "pupil":
        return web.redirect_to("teacher.pupil_page", class_id=class_id, pupil_id=pupil["id"])
    return web.redirect_to("teacher.dashboard", class_id=class_id)


def _decision_message(decision: str, badge: str, pseudonym: str) -> str:
    if decision == "confirm" or decision == "award":
        return _("%(pupil)s has the badge “%(badge)s”.", pupil=pseudonym, badge=badge)
    if decision == "reject":
        return _("Badge “%(badge)s” not confirmed for %(pupil)s.", pupil=pseudonym, badge=badge)
    return _("Badge “%(badge)s” withdrawn from %(pupil)s.", pupil=pseudonym, badge=badge)


def _int_arg(name: str) -> int:
    try:
        return int(request.form.get(name, ""))
    except ValueError:
        abort(400)


@bp.post("/classes/<int:class_id>/unlock")
@web.teacher_required
def unlock(class_id: int) -> Any:
    web.own_class(class_id)
    web.store().unlock_class(class_id)
    web.store().audit(web.current_teacher_id(), "class.unlock", class_id)
    flash(_("Logins are open again for the whole class."), "success")
    return web.redirect_to("teacher.dashboard", class_id=class_id)


@bp.post("/classes/<int:class_id>/pupils/<int:pupil_id>/unlock")
@web.teacher_required
def unlock_pupil(class_id: int, pupil_id: int) -> Any:
    """One pupil's login opens again; the rest of the class keeps its state."""
    klass = web.own_class(class_id)
    pupil = web.own_pupil(klass, pupil_id)
    web.store().unlock_pupil(pupil_id)
    web.store().audit(web.current_teacher_id(), "pupil.unlock", class_id, pupil_id=pupil_id)
    flash(_("%(pupil)s can log in again.", pupil=pupil["pseudonym"]), "success")
    return web.redirect_to("teacher.dashboard", class_id=class_id)


@bp.post("/classes/<int:class_id>/goal")
@web.teacher_required
def set_goal(class_id: int) -> Any:
    klass = web.own_class(class_id)
    try:
        goal = _int_field("goal_xp", int(klass["goal_xp"]))
        if not 1 <= goal <= 1_000_000:
            raise classes.InvalidClass(_("The class goal must be a positive number of XP."))
    except RobocoleError as error:
        flash(error.message, "error")
    else:
        store = web.store()
        with store.transaction():
            store.set_class_goal(class_id, goal)
            propose_class_badges(store, web.manifest(), class_id)
        store.audit(web.current_teacher_id(), "class.goal", class_id, goal_xp=goal)
        flash(_("The class goal is now %(xp)s XP.", xp=goal), "success")
    return web.redirect_to("teacher.dashboard", class_id=class_id)


@bp.post("/classes/<int:class_id>/blocks")
@web.teacher_required
def set_blocks_mode(class_id: int) -> Any:
    web.own_class(class_id)
    mode = request.form.get("blocks_mode", "")
    if mode not in classes.BLOCKS_MODES:
        flash(_("Choose one of the ways to start the lessons."), "error")
        return web.redirect_to("teacher.dashboard", class_id=class_id)
    store = web.store()
    store.set_blocks_mode(class_id, mode)
    store.audit(web.current_teacher_id(), "class.blocks", class_id, blocks_mode=mode)
    flash(_("Saved: pupils will see it the next time they open a lesson."), "success")
    return web.redirect_to("teacher.dashboard", class_id=class_id)


@bp.get("/classes/<int:class_id>/results.csv")
@web.teacher_required
def export_csv(class_id: int) -> Response:
    klass = web.own_class(class_id)
    view = class_view(web.store(), web.manifest(), klass)
    web.store().audit(web.current_teacher_id(), "results.export", class_id)
    filename = f"robocole-{klass['code']}-resultats.csv"
    return Response(
        results_csv(view, web.manifest()),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
