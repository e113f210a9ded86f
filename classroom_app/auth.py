"""Signing in and out: pupils with class code, name and pictures; teachers with e-mail.

The picture login works without JavaScript: each picture is a button of a small form, and
the pictures clicked so far wait in the session until there are enough to check.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
)
from werkzeug.wrappers.response import Response

from classroom_app import logins, openbadges, web
from classroom_app.pictures import PICTURES, PICTURES_BY_ID
from robocole.i18n import gettext as _

bp = Blueprint("auth", __name__)


def _limiter() -> logins.AttemptLimiter:
    limiter = current_app.extensions.get("robocole.code_limiter")
    if limiter is None:
        limiter = logins.AttemptLimiter(int(current_app.config["CODE_TRIES_PER_MINUTE"]))
        current_app.extensions["robocole.code_limiter"] = limiter
    return limiter


@bp.get("/")
def home() -> Any:
    if web.current_teacher():
        return web.redirect_to("teacher.classes")
    if web.current_pupil():
        return web.redirect_to("pupil.home")
    return render_template("home.html")


@bp.route("/login", methods=["GET", "POST"])
def pupil_start() -> Any:
    error = None
    code = ""
    if request.method == "POST":
        code = request.form.get("code", "").strip().upper().replace(" ", "")
        who = request.remote_addr or "?"
        if _limiter().blocked(who):
            error = _("Too many tries. Wait one minute, then type the code again.")
        elif web.store().class_by_code(code) is None:
            _limiter().failed(who)
            error = _("This class code does not exist. Look at your card and try again.")
        else:
            return web.redirect_to("auth.pick_name", code=code)
    status = 200 if error is None else 400
    return render_template("login_code.html", error=error, code=code), status


def _class_or_404(code: str) -> dict[str, Any]:
    klass = web.store().class_by_code(code)
    if klass is None:
        abort(404)
    return klass


@bp.get("/c/<code>")
def pick_name(code: str) -> Any:
    klass = _class_or_404(code)
    if code != klass["code"]:
        return web.redirect_to("auth.pick_name", code=klass["code"])
    pupils = web.store().pupils_of_class(int(klass["id"]))
    return render_template("login_name.html", klass=klass, pupils=pupils)


@bp.route("/c/<code>/<username>", methods=["GET", "POST"])
def pictures(code: str, username: str) -> Any:
    klass = _class_or_404(code)
    pupil = web.store().pupil_by_username(username)
    if pupil is None or pupil["class_id"] != klass["id"]:
        abort(404)
    if session.get("pictures_for") != pupil["username"]:
        session["pictures_for"] = pupil["username"]
        session["pictures"] = []
    chosen: list[str] = list(session.get("pictures", []))
    message, status = None, 200
    if request.method == "POST":
        if request.form.get("action") == "clear":
            chosen = []
        else:
            picture = request.form.get("picture", "")
            if picture not in PICTURES_BY_ID:
                abort(400)
            chosen.append(picture)
        if len(chosen) >= int(klass["picture_count"]):
            result = logins.check_pupil(
                web.store(), current_app.config, klass, pupil, chosen[: klass["picture_count"]]
            )
            if result.ok:
                web.sign_in(pupil_id=int(pupil["id"]), role="pupil")
                return web.redirect_to("pupil.home")
            chosen, status = [], 401
            message = _messages(result)
        session["pictures"] = chosen
    elif klass["login_paused"] or pupil["locked"]:
        message = _messages(logins.LoginResult("paused" if klass["login_paused"] else "locked"))
    return render_template(
        "login_pictures.html",
        klass=klass,
        pupil=pupil,
        pictures=PICTURES,
        chosen=chosen,
        message=message,
    ), status


def _messages(result: logins.LoginResult) -> str:
    if result.status == "paused":
        return _("Logins for your class are paused. Ask your teacher.")
    if result.status == "locked":
        return _("Your login is paused after too many tries. Ask your teacher to unlock it.")
    return _("Oops, these are not your pictures. Look at your card and try again.")


@bp.route("/teacher/login", methods=["GET", "POST"])
def teacher_login() -> Any:
    error = None
    if request.method == "POST":
        result = logins.check_teacher(
            web.store(),
            current_app.config,
            request.form.get("email", "").strip(),
            request.form.get("password", ""),
        )
        if result.ok and result.account is not None:
            web.sign_in(teacher_id=int(result.account["id"]), role="teacher")
            return redirect(web.safe_next(request.args.get("next"), "/teacher/"))
        if result.status == "locked":
            error = _("Too many wrong passwords. Wait a few minutes, then try again.")
        else:
            error = _("Wrong e-mail or password.")
    status = 200 if error is None else 401
    return render_template("teacher_login.html", error=error), status


@bp.get("/badge-images/<badge_id>")
def badge_image(badge_id: str) -> Any:
    """A badge's picture from the curriculum (public: badges are meant to be shown)."""
    try:
        badge = web.manifest().badge(badge_id)
    except KeyError:
        abort(404)
    response = current_app.response_class(
        openbadges.badge_svg(web.manifest(), badge), mimetype="image/svg+xml"
    )
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response


@bp.post("/logout")
def logout() -> Response:
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    return web.redirect_to("auth.home")
