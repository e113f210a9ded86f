"""What every page shares: the request's store, the manifest, who is signed in, CSRF, language.

Pages get the database through ``store()`` (one connection per request, closed at teardown)
and check access with the ``teacher_required`` / ``pupil_required`` decorators and the
``own_class`` helper, so each route states its role and ownership check in one line.
"""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar, cast

from babel.dates import format_date
from flask import Flask, abort, current_app, g, redirect, request, session, url_for
from markupsafe import Markup, escape
from werkzeug.wrappers.response import Response

from classroom_app import openbadges, pictures
from classroom_app.store import Store
from curriculum.manifest import Badge, Manifest
from robocole.i18n import LANGUAGES, set_language

F = TypeVar("F", bound=Callable[..., Any])

CSRF_FIELD = "csrf_token"


def store() -> Store:
    if "store" not in g:
        g.store = Store.open(current_app.config["DATABASE"])
    return cast(Store, g.store)


def close_store(_error: BaseException | None = None) -> None:
    opened = g.pop("store", None)
    if opened is not None:
        opened.close()


def manifest() -> Manifest:
    return cast(Manifest, current_app.extensions["robocole.manifest"])


# -- language ------------------------------------------------------------------------------


def choose_language() -> None:
    """French unless the person chose English (link) or their browser asks for it first."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        session["lang"] = asked
    language = session.get("lang")
    if language not in LANGUAGES:
        best = request.accept_languages.best_match(LANGUAGES)
        language = best if best == "en" and request.accept_languages.best == best else None
    g.language = language or current_app.config["DEFAULT_LANGUAGE"]
    set_language(g.language)


# -- CSRF ----------------------------------------------------------------------------------


def csrf_token() -> str:
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return str(session[CSRF_FIELD])


def csrf_field() -> Markup:
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, csrf_token())


def check_csrf() -> None:
    """Refuse any form post that does not carry this session's token (the API is exempt)."""
    if request.method in ("GET", "HEAD", "OPTIONS") or request.blueprint == "api":
        return
    sent = request.form.get(CSRF_FIELD, "")
    expected = session.get(CSRF_FIELD, "")
    if not expected or not hmac.compare_digest(str(sent), str(expected)):
        abort(400, description="csrf")


# -- who is signed in ----------------------------------------------------------------------


def current_teacher() -> dict[str, Any] | None:
    teacher_id = session.get("teacher_id")
    if teacher_id is None:
        return None
    if "teacher" not in g:
        g.teacher = store().teacher(int(teacher_id))
    return cast(dict[str, Any] | None, g.teacher)


def current_teacher_id() -> int:
    """The signed-in teacher's id, in a route guarded by ``teacher_required``."""
    teacher = current_teacher()
    assert teacher is not None  # teacher_required let the request in
    return int(teacher["id"])


def current_pupil() -> dict[str, Any] | None:
    pupil_id = session.get("pupil_id")
    if pupil_id is None:
        return None
    if "pupil" not in g:
        g.pupil = store().pupil(int(pupil_id))
    return cast(dict[str, Any] | None, g.pupil)


def sign_in(**identity: Any) -> None:
    """Start a fresh session (a new CSRF token too) for a teacher or a pupil."""
    language = session.get("lang")
    session.clear()
    session.permanent = True
    session.update(identity)
    if language:
        session["lang"] = language


def teacher_required(view: F) -> F:
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_teacher() is None:
            return redirect(url_for("auth.teacher_login", next=request.path))
        return view(*args, **kwargs)

    return cast(F, wrapped)


def pupil_required(view: F) -> F:
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_pupil() is None:
            return redirect(url_for("auth.pupil_start"))
        return view(*args, **kwargs)

    return cast(F, wrapped)


def own_class(class_id: int) -> dict[str, Any]:
    """The class, if the signed-in teacher teaches it; 404 otherwise (no hint it exists)."""
    teacher = current_teacher()
    klass = store().class_by_id(class_id)
    if teacher is None or klass is None or not store().teaches(int(teacher["id"]), class_id):
        abort(404)
    return klass


def own_pupil(klass: dict[str, Any], pupil_id: int) -> dict[str, Any]:
    pupil = store().pupil(pupil_id)
    if pupil is None or pupil["class_id"] != klass["id"]:
        abort(404)
    return pupil


def safe_next(target: str | None, fallback: str) -> str:
    """Only follow ``next`` to a path of this site (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return fallback


def redirect_to(endpoint: str, **values: Any) -> Response:
    return redirect(url_for(endpoint, **values))


def nl2br(text: str) -> Markup:
    return Markup("<br>").join(escape(line) for line in str(text).splitlines())


def badge_svg(badge: Badge, size: int = 64) -> Markup:
    """A badge's picture inline in the page (no extra request; the name is written beside)."""
    return Markup(openbadges.inline_svg(openbadges.badge_svg(manifest(), badge), size))


def long_date(stored: str) -> str:
    """A stored UTC time as a date people read ("14 juillet 2026")."""
    moment = datetime.fromisoformat(stored.replace("Z", "+00:00"))
    return format_date(moment.date(), format="long", locale=g.get("language", "fr"))


def init_app(app: Flask) -> None:
    app.before_request(choose_language)
    app.before_request(check_csrf)
    app.teardown_appcontext(close_store)
    app.jinja_env.globals.update(
        csrf_field=csrf_field,
        current_language=lambda: g.get("language", current_app.config["DEFAULT_LANGUAGE"]),
        picture_svg=lambda picture_id, size=64: Markup(pictures.svg(picture_id, size)),
        badge_svg=badge_svg,
    )
    app.jinja_env.filters["nl2br"] = nl2br
    app.jinja_env.filters["long_date"] = long_date
