"""The internal JSON API (see ``openapi.yaml``): logins for the hub, results from the grader.

Every call but ``/health`` carries its caller's own service token (``tokens``), and each route
needs one right (``RIGHTS``): another caller's route answers 403, a route without a right
refuses everyone. Bad payloads answer 400 with a sentence saying what is wrong; nothing is
written unless the whole payload is valid.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, current_app, jsonify, request

from classroom_app import logins, tokens, web
from classroom_app.ledger import (
    MINIMUM_PROTECTIONS,
    RESULT_STATUSES,
    ExerciseResult,
    GradingResult,
    ResultConflict,
    exercise_ids_of_lesson,
    record_result,
)
from classroom_app.pictures import PICTURES
from classroom_app.progress import lesson_states, level_for
from robocole.i18n import gettext as _

bp = Blueprint("api", __name__, url_prefix="/api/v1")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@bp.errorhandler(ApiError)
def _api_error(error: ApiError) -> Any:
    return jsonify(error=error.code, message=error.message), error.status


#: The right each route needs (``tokens.CALLERS`` says who has it).
RIGHTS: dict[str, str] = {
    "api.roster": tokens.ROSTER,
    "api.auth_pupil": tokens.LOGIN_PUPIL,
    "api.auth_teacher": tokens.LOGIN_TEACHER,
    "api.post_result": tokens.RESULTS,
    "api.progress": tokens.PROGRESS,
    "api.pupil_programs": tokens.PROGRAMS,
    "api.pupil_program": tokens.PROGRAMS,
}
#: Routes without a service token: the health check, and the pupil's own save (programs.py
#: checks the pupil's hub token instead).
OPEN_ROUTES = frozenset({"api.health", "api.save_program"})


@bp.before_request
def _check_token() -> None:
    if request.endpoint in OPEN_ROUTES:
        return
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    caller = tokens.caller_of(web.store(), token.strip()) if scheme.lower() == "bearer" else None
    if caller is None:
        raise ApiError(401, "unauthorized", _("A valid service token is needed."))
    if RIGHTS.get(str(request.endpoint)) not in caller.rights:
        raise ApiError(403, "forbidden", _("This service's token may not do this."))


def _payload() -> Mapping[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, Mapping):
        raise ApiError(400, "bad_request", _("The body must be a JSON object."))
    return data


def _text(data: Mapping[str, Any], key: str, limit: int = 200) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ApiError(400, "bad_request", _("“%(key)s” must be a non-empty text.", key=key))
    return value.strip()


def _identity(role: str, account: Mapping[str, Any], courses: list[str]) -> dict[str, Any]:
    groups = [f"{'nbgrader' if role == 'pupil' else 'formgrade'}-{c}" for c in courses]
    return {
        "username": account["username"],
        "role": role,
        "display_name": account["display_name"],
        "groups": groups,
        "courses": courses,
    }


def course_id(class_code: str) -> str:
    return f"robocole-{class_code.lower()}"


@bp.get("/health")
def health() -> Any:
    return jsonify(status="ok" if web.store().ping() else "error")


@bp.get("/classes/<code>/roster")
def roster(code: str) -> Any:
    klass = web.store().class_by_code(code)
    if klass is None:
        raise ApiError(404, "not_found", _("This class code does not exist."))
    return jsonify(
        class_code=klass["code"],
        name=klass["name"],
        picture_count=klass["picture_count"],
        pictures=[{"id": p.id, "label": p.label_text()} for p in PICTURES],
        pupils=[
            {
                "username": p["username"],
                "pseudonym": p["pseudonym"],
                "avatar": p["avatar"],
                "locked": bool(p["locked"]),
            }
            for p in web.store().pupils_of_class(int(klass["id"]))
        ],
    )


@bp.post("/auth/pupil")
def auth_pupil() -> Any:
    data = _payload()
    code, username = _text(data, "class_code"), _text(data, "username")
    pictures = data.get("pictures")
    if not isinstance(pictures, list) or not all(isinstance(p, str) for p in pictures):
        raise ApiError(400, "bad_request", _("“pictures” must be a list of picture names."))
    klass = web.store().class_by_code(code)
    pupil = web.store().pupil_by_username(username)
    if klass is None or pupil is None or pupil["class_id"] != klass["id"]:
        raise ApiError(401, "wrong_credentials", _("Unknown class or name."))
    result = logins.check_pupil(web.store(), current_app.config, klass, pupil, pictures)
    if result.status in ("locked", "paused"):
        raise ApiError(423, result.status, _("This login is paused. Ask the teacher."))
    if not result.ok:
        raise ApiError(401, "wrong_credentials", _("These are not the right pictures."))
    account = {"username": pupil["username"], "display_name": pupil["pseudonym"]}
    return jsonify(_identity("pupil", account, [course_id(klass["code"])]))


@bp.post("/auth/teacher")
def auth_teacher() -> Any:
    data = _payload()
    email, password = _text(data, "email", 320), _text(data, "password", 1000)
    result = logins.check_teacher(web.store(), current_app.config, email, password)
    if result.status == "locked":
        raise ApiError(423, "locked", _("Too many wrong passwords. Wait a few minutes."))
    if not result.ok or result.account is None:
        raise ApiError(401, "wrong_credentials", _("Wrong e-mail or password."))
    teacher = result.account
    courses = [course_id(c["code"]) for c in web.store().classes_of_teacher(int(teacher["id"]))]
    account = {"username": f"prof-{teacher['id']}", "display_name": teacher["display_name"]}
    return jsonify(_identity("teacher", account, courses))


def _grading_result(data: Mapping[str, Any]) -> GradingResult:
    manifest = web.manifest()
    lesson_id = _text(data, "lesson_id")
    try:
        allowed = set(exercise_ids_of_lesson(manifest, lesson_id))
    except KeyError:
        raise ApiError(400, "bad_request", _("Unknown lesson “%(id)s”.", id=lesson_id)) from None
    items = data.get("exercises")
    if not isinstance(items, list) or not items:
        raise ApiError(400, "bad_request", _("“exercises” must be a non-empty list."))
    exercises, seen = [], set()
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("passed"), bool):
            raise ApiError(
                400, "bad_request", _("Each exercise needs an “exercise_id” and “passed”.")
            )
        exercise_id = _text(item, "exercise_id")
        if exercise_id not in allowed:
            raise ApiError(
                400,
                "bad_request",
                _(
                    "Exercise “%(id)s” is not in lesson “%(lesson)s”.",
                    id=exercise_id,
                    lesson=lesson_id,
                ),
            )
        if exercise_id in seen:
            raise ApiError(400, "bad_request", _("Exercise “%(id)s” is twice.", id=exercise_id))
        seen.add(exercise_id)
        points, max_points = item.get("points"), item.get("max_points")
        for value in (points, max_points):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                raise ApiError(400, "bad_request", _("Points must be numbers."))
        exercises.append(ExerciseResult(exercise_id, item["passed"], points, max_points))
    protections = data.get("protections", [])
    if not isinstance(protections, list) or not all(isinstance(p, str) for p in protections):
        raise ApiError(400, "bad_request", _("“protections” must be a list of texts."))
    missing = [p for p in MINIMUM_PROTECTIONS if p not in protections]
    if missing:
        raise ApiError(
            400,
            "unprotected",
            _(
                "This result was graded without these protections: %(missing)s. It does not "
                "count; the grader must run in its complete sandbox.",
                missing=", ".join(missing),
            ),
        )
    status = data.get("status", "graded")
    if status not in RESULT_STATUSES:
        raise ApiError(400, "bad_request", _("Unknown result status “%(s)s”.", s=str(status)))
    flags = data.get("flags", [])
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        raise ApiError(400, "bad_request", _("“flags” must be a list of texts."))
    graded_at = data.get("graded_at")
    if graded_at is not None and not isinstance(graded_at, str):
        raise ApiError(400, "bad_request", _("“graded_at” must be a date text."))
    return GradingResult(
        idempotency_key=_text(data, "idempotency_key"),
        username=_text(data, "username"),
        lesson_id=lesson_id,
        exercises=tuple(exercises),
        graded_at=graded_at,
        protections=tuple(protections),
        status=str(status),
        flags=tuple(str(flag)[:200] for flag in flags[:50]),
    )


@bp.post("/results")
def post_result() -> Any:
    result = _grading_result(_payload())
    pupil = web.store().pupil_by_username(result.username)
    if pupil is None:
        raise ApiError(404, "not_found", _("Unknown pupil “%(u)s”.", u=result.username))
    try:
        outcome = record_result(web.store(), web.manifest(), int(pupil["id"]), result)
    except ResultConflict as error:
        raise ApiError(409, "conflict", error.message) from error
    body = {
        "status": outcome.status,
        "xp_awarded": outcome.xp_awarded,
        "proposed_badges": outcome.proposed_badges,
    }
    return jsonify(body), (201 if outcome.status == "recorded" else 200)


@bp.get("/pupils/<username>/progress")
def progress(username: str) -> Any:
    store, manifest = web.store(), web.manifest()
    pupil = store.pupil_by_username(username)
    if pupil is None:
        raise ApiError(404, "not_found", _("Unknown pupil “%(u)s”.", u=username))
    pupil_id = int(pupil["id"])
    passed = store.passed_exercises(pupil_id)
    level = level_for(store.pupil_xp(pupil_id))
    opened = store.lessons_opened_to(int(pupil["class_id"]))  # the quest map's rule
    return jsonify(
        username=pupil["username"],
        pseudonym=pupil["pseudonym"],
        xp=level.xp,
        level=level.number,
        lessons=lesson_states(manifest, passed, set(opened) if opened is not None else None),
        passed_exercises=sorted(passed),
        badges=[
            {"badge_id": a.badge_id, "state": a.state}
            for a in store.award_states(pupil_id).values()
        ],
    )


# The pupils' robot programs add their routes to this blueprint (same rules, see the module).
from classroom_app import programs  # noqa: E402, F401
