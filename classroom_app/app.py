"""The classroom app's factory: ``create_app(test_config)`` builds a configured Flask app.

Nothing happens at import time. Creating the app reads the settings, makes the data folder
and its secrets on first start, brings the database schema up to date and copies the
curriculum manifest in, then registers one blueprint per feature.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers.response import Response

from classroom_app import (
    api,
    auth,
    colleagues_pages,
    config,
    hub_class,
    hub_login,
    lesson_sheets,
    openbadges,
    privacy_pages,
    pupil,
    sobriety,
    teacher,
    tokens,
    web,
)
from classroom_app.store import DatabaseBusy, Store
from curriculum.manifest import load_manifest
from robocole.i18n import gettext, ntranslate, translate


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(config.build(test_config))
    data_dir = Path(app.config["DATA_DIR"])
    data_dir.mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.secret_file(data_dir, "secret_key")
    if not app.config.get("RELEASE_TOKEN"):
        app.config["RELEASE_TOKEN"] = config.secret_file(data_dir, "tokens/release")

    manifest = load_manifest(app.config["MANIFEST"])
    app.extensions["robocole.manifest"] = manifest
    database = Store.open(app.config["DATABASE"])
    try:
        database.migrate()
        database.sync_manifest(manifest)
        database.forget_expired_cards()
        # The callers' tokens a deployment gives are kept hashed; the plain text goes.
        tokens.record_configured(database, app.config.pop("SERVICE_TOKENS", {}) or {})
    finally:
        database.close()

    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        translate, ntranslate, newstyle=True
    )
    web.init_app(app)
    for blueprint in (
        auth.bp,
        teacher.bp,
        pupil.bp,
        api.bp,
        openbadges.bp,
        privacy_pages.bp,
        hub_login.bp,
        hub_class.bp,
        sobriety.bp,
        colleagues_pages.bp,
        lesson_sheets.bp,
    ):
        app.register_blueprint(blueprint)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(DatabaseBusy, _busy)
    app.after_request(_security_headers)
    return app


def _wants_json() -> bool:
    return request.blueprint == "api" or request.path.startswith("/api/")


def _http_error(error: HTTPException) -> tuple[Any, int]:
    code = error.code or 500
    messages = {
        400: gettext("Something in this request is not right. Please go back and try again."),
        403: gettext("This page is not for you."),
        404: gettext("This page does not exist."),
        405: gettext("This page cannot be used that way."),
        413: gettext("What you sent is too big."),
    }
    if error.description == "csrf":
        message = gettext("This form has expired. Please reload the page and try again.")
    else:
        message = messages.get(code, gettext("Something went wrong. Please try again."))
    if _wants_json():
        return jsonify(error=error.name.lower().replace(" ", "_"), message=message), code
    return render_template("error.html", message=message, code=code), code


def _busy(_error: DatabaseBusy) -> tuple[Any, int]:
    message = gettext("The server is very busy. Please try again in a moment.")
    if _wants_json():
        return jsonify(error="busy", message=message), 503
    return render_template("error.html", message=message, code=503), 503


def _security_headers(response: Response) -> Response:
    # Only our own resources, no framing; inline styles are allowed for the SVG pictures.
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
        " script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if "language" in g:
        response.headers.setdefault("Content-Language", g.language)
    return response
