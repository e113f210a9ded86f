"""Pupil pages: my level and XP, the class goal, the quest map, my badges.

No page shows another child's score: the only shared number is the class's goal, which
everyone fills together.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from flask import Blueprint, abort, current_app, g, jsonify, render_template

from classroom_app import classes, openbadges, privacy, web
from classroom_app.api import course_id
from classroom_app.due_dates import day_words, today_at_school
from classroom_app.ledger import class_goal_reached
from classroom_app.progress import lesson_states, level_for
from classroom_app.rules import PupilFacts, rule_progress
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _
from robocole.i18n import ngettext

bp = Blueprint("pupil", __name__, url_prefix="/pupil")


def _me() -> dict[str, Any]:
    pupil = web.current_pupil()
    assert pupil is not None  # guaranteed by pupil_required
    return pupil


@bp.get("/")
@web.pupil_required
def home() -> Any:
    pupil, store, manifest = _me(), web.store(), web.manifest()
    pupil_id, class_id = int(pupil["id"]), int(pupil["class_id"])
    klass = store.class_by_id(class_id)
    assert klass is not None
    new_badges = store.uncelebrated_badges(pupil_id)
    if new_badges:
        store.mark_celebrated(pupil_id, new_badges)
    passed = store.passed_exercises(pupil_id)
    class_xp = store.class_xp(class_id)
    # In a class whose teacher assigns lessons (the hub), the teacher opens them.
    opened = store.lessons_opened_to(class_id)
    return render_template(
        "pupil_home.html",
        pupil=pupil,
        level=level_for(store.pupil_xp(pupil_id)),
        states=lesson_states(manifest, passed, set(opened) if opened is not None else None),
        due=_due_words(opened or {}),
        starts=_lesson_buttons(store, pupil, opened),
        paused=_paused_lessons(store, class_id, opened),
        passed=passed,
        manifest=manifest,
        class_xp=class_xp,
        goal_xp=int(klass["goal_xp"]),
        goal_percent=min(100, int(100 * class_xp / max(1, int(klass["goal_xp"])))),
        celebrate=[manifest.badge(b) for b in new_badges if _known(b)],
    )


def _due_words(opened: dict[str, str | None]) -> dict[str, str]:
    """ "To hand in before Friday 27 November" while the day is ahead; then only kind words."""
    timezone = current_app.config["TIMEZONE"]
    today, language = today_at_school(timezone), g.get("language", "fr")
    words = {}
    for lesson, due_on in opened.items():
        if due_on:
            day = date.fromisoformat(due_on)
            words[lesson] = (
                _("To hand in before %(day)s", day=day_words(day, language))
                if day > today
                else _("You can still finish it.")
            )
    return words


def lesson_url(class_code: str, lesson_id: str, blocks: bool = True) -> str:
    """The lesson view in the pupil's own server, through the hub (which starts the server
    when it is not running): hub_config/lesson_view. ``blocks=False``: block exercises open
    as text (the class's choice)."""
    hub = os.environ.get("JUPYTERHUB_BASE_URL", "/").rstrip("/")
    url = f"{hub}/hub/user-redirect/robocole/lecon/{course_id(class_code)}/{lesson_id}"
    return url if blocks else url + "?mode=texte"


def _lesson_buttons(
    store: Any, pupil: dict[str, Any], opened: dict[str, str | None] | None
) -> dict[str, dict[str, str]]:
    """ "Commencer", or "Continuer" once something was handed in, for each lesson the
    teacher opened (only a class that uses the hub has lessons to open)."""
    if opened is None:
        return {}
    klass = store.class_by_id(int(pupil["class_id"]))
    attempted = store.attempted_exercises(int(pupil["id"]))
    manifest = web.manifest()
    buttons = {}
    for lesson in manifest.lessons():
        if lesson.id not in opened:
            continue
        started = any(exercise.id in attempted for exercise in lesson.exercises)
        blocks = classes.starts_in_blocks(
            str(klass.get("blocks_mode") or classes.DEFAULT_BLOCKS_MODE), lesson.competencies
        )
        buttons[lesson.id] = {
            "url": lesson_url(str(klass["code"]), lesson.id, blocks),
            "label": _("Continue") if started else _("Start"),
        }
    return buttons


def _paused_lessons(store: Any, class_id: int, opened: dict[str, str | None] | None) -> set[str]:
    """Lessons the teacher took back (their pupils' work is kept)."""
    if opened is None:
        return set()
    return {
        lesson_id
        for lesson_id, row in store.assignments(class_id).items()
        if row["state"] == "removed" and lesson_id not in opened
    }


@bp.get("/lessons/<lesson_id>/result")
@web.pupil_required
def lesson_result(lesson_id: str) -> Any:
    """The last grade of a lesson the pupil handed in, for the lesson view to show."""
    pupil, store, manifest = _me(), web.store(), web.manifest()
    try:
        lesson = manifest.lesson(lesson_id)
    except KeyError:
        abort(404)
    pupil_id = int(pupil["id"])
    result = store.latest_result(pupil_id, lesson_id)
    if result is None:
        return jsonify(key=None)
    attempts = store.attempts_of_result(str(result["idempotency_key"]))
    exercises = {e.id for e in lesson.exercises}
    xp = sum(
        int(event["xp"])
        for event in store.xp_events_since(pupil_id, str(result["received_at"]))
        if event["ref"] in exercises
    )
    passed = sum(1 for a in attempts if a["passed"])
    points = sum(float(a["points"] or 0) for a in attempts)
    max_points = sum(float(a["max_points"] or 0) for a in attempts)
    badges = [
        manifest.badge(award.badge_id).name.get()
        for award in store.award_states(pupil_id).values()
        if award.at >= str(result["received_at"]) and _known(award.badge_id)
    ]
    details = [
        ngettext(
            "%(num)s of %(total)s exercise passed.",
            "%(num)s of %(total)s exercises passed.",
            passed,
            total=len(attempts),
        ),
        _("Points: %(points)s of %(max)s.", points=_number(points), max=_number(max_points)),
        _("XP won: %(xp)s.", xp=xp) if xp else _("No new XP this time: try again!"),
    ]
    details += [_("New badge, for your teacher to confirm: %(name)s", name=b) for b in badges]
    return jsonify(
        key=result["idempotency_key"],
        sentence=_("Your lesson is graded!"),
        passed=passed,
        points=points,
        max_points=max_points,
        xp=xp,
        badges=badges,
        details=details,
    )


def _issuer_if_set() -> openbadges.Issuer | None:
    """The badges' issuer; None where no public address is set (the certificate then lists
    the badges without their check address, rather than fail in front of a child)."""
    try:
        return openbadges.current_issuer()
    except RobocoleError:
        return None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _known(badge_id: str) -> bool:
    try:
        web.manifest().badge(badge_id)
    except KeyError:
        return False
    return True


@bp.get("/badges")
@web.pupil_required
def my_badges() -> Any:
    pupil, store, manifest = _me(), web.store(), web.manifest()
    pupil_id = int(pupil["id"])
    facts = PupilFacts(
        store.passed_exercises(pupil_id),
        class_goal_reached(store, int(pupil["class_id"])),
    )
    states = {badge_id: award.state for badge_id, award in store.award_states(pupil_id).items()}
    earned = [b for b in manifest.badges if states.get(b.id) == "confirmed"]
    waiting = [b for b in manifest.badges if states.get(b.id) == "proposed"]
    to_earn = [b for b in manifest.badges if states.get(b.id) not in ("confirmed", "proposed")]
    return render_template(
        "pupil_badges.html",
        pupil=pupil,
        earned=earned,
        waiting=waiting,
        to_earn=to_earn,
        progress={b.id: rule_progress(manifest, b.rule, facts) for b in manifest.badges},
        assertions={row["badge_id"]: row["uid"] for row in store.assertions_of_pupil(pupil_id)},
    )


@bp.get("/certificate")
@web.pupil_required
def certificate() -> Any:
    """The badges of the signed-in pupil on one printable page, for the family."""
    return render_certificate(_me())


def render_certificate(
    pupil: dict[str, Any], back_url: str | None = None, back_label: str | None = None
) -> Any:
    """The certificate page of a pupil (shared with the teacher's view)."""
    store, manifest = web.store(), web.manifest()
    klass = store.class_by_id(int(pupil["class_id"]))
    school = store.first_school()
    return render_template(
        "certificate.html",
        pupil=pupil,
        klass=klass,
        school=school,
        badge_identity=store.badge_identity(int(pupil["id"])),
        earned=privacy.earned_badges(store, manifest, int(pupil["id"])),
        issuer=_issuer_if_set(),
        back_url=back_url,
        back_label=back_label,
    )
