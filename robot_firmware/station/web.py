"""The station's web page and its small JSON API (Flask), for the browser of the classroom PC.

Served on 127.0.0.1 only. Because any web site open in the same browser could post to
127.0.0.1, every call that changes something must carry the header ``X-Robocole: station``
(a site elsewhere cannot add it without a CORS preflight, which is never granted) and the Host
must be the loopback (against DNS rebinding). The page loads nothing from elsewhere.
"""

from __future__ import annotations

import hmac
import secrets
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, abort, current_app, jsonify, render_template, request, session

from robocole.i18n import gettext as _
from robocole.i18n import ntranslate, translate
from robot_firmware.errors import FlashError
from robot_firmware.station.robots import Station
from robot_firmware.station.school import LoginRefused, ProgramMissing, School, SchoolUnreachable

bp = Blueprint("station", __name__)

#: Largest program a pupil can send (a robot's flash is small; a lesson program is ~1 KB).
MAX_PROGRAM = 64 * 1024
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
#: The PC is shared: a pupil who walks away is logged out after this many seconds without
#: using the station (the page forgets them too).
LOGIN_SECONDS = 15 * 60


def create_app(
    station: Station,
    *,
    school: School | None = None,
    programs: Path | None = None,
    teacher_code: str = "",
    test_config: dict[str, Any] | None = None,
) -> Flask:
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secrets.token_hex(16),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        MAX_CONTENT_LENGTH=MAX_PROGRAM * 2,
    )
    if test_config:
        app.config.update(test_config)
    app.extensions["robocole_station"] = {
        "station": station,
        "school": school or School("", ""),
        "programs": programs,
        "teacher_code": teacher_code,
    }
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        translate, ntranslate, newstyle=True
    )
    app.register_blueprint(bp)

    @app.after_request
    def _headers(response: Any) -> Any:
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; form-action 'self'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-store"
        return response

    return app


def _parts() -> dict[str, Any]:
    return dict(current_app.extensions["robocole_station"])


def _station() -> Station:
    return _parts()["station"]  # type: ignore[no-any-return]


@bp.before_request
def _guard() -> None:
    host = request.host.rsplit(":", 1)[0] if not request.host.startswith("[") else "[::1]"
    if host not in LOOPBACK_HOSTS:
        abort(403)
    if request.method != "GET" and request.headers.get("X-Robocole") != "station":
        abort(403)


def _error(message: str, status: int, detail: str = "") -> Any:
    return jsonify(message=message, detail=detail), status


@bp.get("/")
def page() -> Any:
    from classroom_app.pictures import PICTURES

    return render_template(
        "station.html",
        pictures={p.id: p.label_text() for p in PICTURES},
        school=_parts()["school"].configured,
        login_seconds=current_app.config.get("LOGIN_SECONDS", LOGIN_SECONDS),
    )


@bp.get("/api/robots")
def robots() -> Any:
    return jsonify(robots=_station().robots())


@bp.post("/api/robots/name")
def rename() -> Any:
    data = request.get_json(silent=True) or {}
    code = str(_parts()["teacher_code"])
    if not code:
        return _error(
            _(
                "This station has no teacher code: start it again with --teacher-code (or "
                "ROBOCOLE_TEACHER_CODE) to name the robots."
            ),
            403,
        )
    if not hmac.compare_digest(str(data.get("code", "")), code):
        return _error(_("Only the teacher can name the robots (wrong teacher code)."), 403)
    key, name = str(data.get("key", "")), str(data.get("name", "")).strip()[:40]
    if key not in {r["key"] for r in _station().robots()}:
        return _error(_("This robot is not plugged in any more."), 404)
    _station().names.set(key, name)
    return jsonify(ok=True)


@bp.get("/api/class/<code>")
def roster(code: str) -> Any:
    try:
        data = _parts()["school"].roster(code.strip().upper())
    except SchoolUnreachable as error:
        return _error(error.message, 503)
    except LoginRefused as error:
        return _error(error.message, 404)
    return jsonify(
        name=data.get("name", ""),
        picture_count=data.get("picture_count", 4),
        pictures=[p["id"] for p in data.get("pictures", [])],
        # A paused login is listed too: a child who does not find their name is only puzzled.
        pupils=[
            {
                "username": p["username"],
                "pseudonym": p["pseudonym"],
                "locked": bool(p.get("locked")),
            }
            for p in data.get("pupils", [])
        ],
    )


@bp.get("/pictures/<picture_id>.svg")
def picture(picture_id: str) -> Any:
    from classroom_app.pictures import PICTURES_BY_ID, svg

    if picture_id not in PICTURES_BY_ID:
        abort(404)
    return svg(picture_id, 96), 200, {"Content-Type": "image/svg+xml"}


@bp.post("/api/login")
def login() -> Any:
    data = request.get_json(silent=True) or {}
    pictures = data.get("pictures")
    if not isinstance(pictures, list):
        return _error(_("Click your pictures."), 400)
    try:
        identity = _parts()["school"].login(
            str(data.get("class_code", "")).strip().upper(),
            str(data.get("username", "")),
            [str(p) for p in pictures],
        )
    except SchoolUnreachable as error:
        return _error(error.message, 503)
    except LoginRefused as error:
        return _error(error.message, 401)
    session["pupil"] = identity["username"]
    session["name"] = identity.get("display_name", identity["username"])
    session["since"] = time.time()
    return jsonify(username=session["pupil"], name=session["name"], **_all_programs())


@bp.post("/api/logout")
def logout() -> Any:
    session.clear()
    return jsonify(ok=True)


def _logged_in() -> bool:
    since = session.get("since", 0)
    limit = current_app.config.get("LOGIN_SECONDS", LOGIN_SECONDS)
    if "pupil" in session and time.time() - float(since) > limit:
        session.clear()
    if "pupil" not in session:
        return False
    session["since"] = time.time()  # still using the station: the time starts again
    return True


@bp.get("/api/me")
def me() -> Any:
    if not _logged_in():
        return jsonify(username=None, programs=[])
    return jsonify(username=session["pupil"], name=session["name"], **_all_programs())


def _all_programs() -> dict[str, Any]:
    """The logged-in pupil's programs: those saved on the school server from their notebooks
    (first), and those in the station's programs folder; with a sentence when the server
    could not be asked (the file picker still works)."""
    saved: list[dict[str, Any]] = []
    error = ""
    school: School = _parts()["school"]
    if school.configured and _logged_in():
        try:
            saved = [
                {**item, "when": _when(item["saved_at"])}
                for item in school.programs(session["pupil"])
            ]
        except SchoolUnreachable as failure:
            error = failure.message
    return {"saved": saved, "saved_error": error, "programs": _programs()}


def _when(saved_at: str) -> str:
    """When a program was saved, as a child reads it, in this PC's time zone."""
    try:
        moment = datetime.fromisoformat(saved_at.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return ""
    today = datetime.now().astimezone().date()
    if moment.date() == today:
        return _("today at %(time)s", time=moment.strftime("%H:%M"))
    return _(
        "on %(date)s at %(time)s", date=moment.strftime("%d/%m"), time=moment.strftime("%H:%M")
    )


@bp.get("/api/programs/<int:program_id>")
def saved_program(program_id: int) -> Any:
    """The text of one of the logged-in pupil's saved programs, from the school server."""
    if not _logged_in():
        return _error(_("Log in with your pictures first."), 401)
    try:
        program = _parts()["school"].program(session["pupil"], program_id)
    except SchoolUnreachable as error:
        return _error(error.message, 503)
    except ProgramMissing as error:
        return _error(error.message, 404)
    return jsonify(program)


def _programs() -> list[dict[str, str]]:
    """The logged-in pupil's programs in the station's programs folder: ``<folder>/<username>/``
    (a share of the school server, or copied there by the teacher)."""
    folder: Path | None = _parts()["programs"]
    username = session.get("pupil") if _logged_in() else None
    if folder is None or not username or "/" in username or username.startswith("."):
        return []
    mine = folder / username
    if not mine.is_dir():
        return []
    found = []
    for path in sorted(mine.glob("*.py"))[:50]:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if len(text) <= MAX_PROGRAM:
            found.append({"name": path.name, "source": text})
    return found


@bp.post("/api/send")
def send() -> Any:
    data = request.get_json(silent=True) or {}
    source = str(data.get("program", ""))
    port = str(data.get("port", ""))
    if not source.strip():
        return _error(_("Choose your program first."), 400)
    if len(source.encode()) > MAX_PROGRAM:
        return _error(_("This program is too big for the robot."), 400)
    if port not in {r["port"] for r in _station().robots()}:
        return _error(
            _("Plug the robot's USB cable into the computer, then press the button again."), 404
        )
    program = source.replace("\r\n", "\n").encode("utf-8")
    try:
        job = _station().send(port, program, session["pupil"] if _logged_in() else "")
    except FlashError as error:
        return _error(error.message, 409)
    return jsonify(job.public())


@bp.get("/api/jobs/<int:job_id>")
def job_status(job_id: int) -> Any:
    job = _station().job(job_id)
    if job is None:
        abort(404)
    return jsonify(job.public(request.args.get("since", 0, type=int)))


@bp.post("/api/jobs/<int:job_id>/stop")
def stop(job_id: int) -> Any:
    job = _station().job(job_id)
    if job is None:
        abort(404)
    _station().stop(job)
    return jsonify(job.public())
