"""Single sign-on through JupyterHub: the hub's login is the classroom app's login.

When the classroom app runs as a JupyterHub service (the hub sets ``JUPYTERHUB_API_TOKEN`` and
``JUPYTERHUB_SERVICE_PREFIX`` in its environment), every page asks the hub who the visitor is
with OAuth (``HubOAuth``, PKCE) and maps the hub user to the classroom session: ``prof-<n>`` is
teacher ``n``, any other name is a pupil's username. The app then answers under the service
prefix. Without a hub, nothing changes: the app's own logins work as before.
"""

from __future__ import annotations

import os
import secrets
from typing import Any, cast
from urllib.parse import urlencode

from flask import Blueprint, Flask, abort, current_app, redirect, request, session
from flask.blueprints import BlueprintSetupState
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.wrappers.response import Response

from classroom_app import web

bp = Blueprint("hub_login", __name__)

EXTENSION = "robocole.hub_oauth"
# Pages that never need a person: the hub's own callback, the API (service token), files,
# and the hosted Open Badges documents, which anyone checking a child's badge must reach.
OPEN_ENDPOINTS = {
    "hub_login.oauth_callback",
    "static",
    "auth.badge_image",
    "openbadges.issuer_json",
    "openbadges.badge_class_json",
    "openbadges.assertion_json",
}


def hub_oauth(app: Flask | None = None) -> Any | None:
    """The app's ``HubOAuth``, or None when the app does not run under a hub."""
    return (app or current_app).extensions.get(EXTENSION)


def _not_found(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"Not found"]


@bp.record_once
def _setup(state: BlueprintSetupState) -> None:
    app = cast(Flask, state.app)
    if not os.environ.get("JUPYTERHUB_API_TOKEN") or app.config.get("TESTING_NO_HUB"):
        return
    from jupyterhub.services.auth import HubOAuth

    app.extensions[EXTENSION] = HubOAuth(
        api_token=os.environ["JUPYTERHUB_API_TOKEN"], cache_max_age=60
    )
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/").rstrip("/")
    if prefix:
        # The hub's proxy keeps the prefix in the path: mount the app there, so that url_for
        # and the session cookie carry it too.
        app.wsgi_app = DispatcherMiddleware(_not_found, {prefix: app.wsgi_app})  # type: ignore[method-assign]
        app.config["SESSION_COOKIE_PATH"] = prefix + "/"


def _hub_user(auth: Any) -> dict[str, Any] | None:
    token = session.get("hub_token")
    if not token:
        return None
    model = auth.user_for_token(token)
    return model if isinstance(model, dict) else None


def _sign_in_as(auth: Any, model: dict[str, Any], token: str) -> None:
    name = str(model.get("name", ""))
    store = web.store()
    if name.startswith("prof-") and name[5:].isdigit() and store.teacher(int(name[5:])):
        web.sign_in(teacher_id=int(name[5:]), role="teacher", hub_token=token, hub_user=name)
        return
    pupil = store.pupil_by_username(name)
    if pupil is None:
        abort(403)
    web.sign_in(pupil_id=int(pupil["id"]), role="pupil", hub_token=token, hub_user=name)


def _start_oauth(auth: Any) -> Response:
    verifier, challenge, method = auth.generate_pkce_code_challenge()
    state = secrets.token_urlsafe(16)
    session["hub_oauth"] = {
        "state": state,
        "verifier": verifier,
        "next": request.script_root + request.full_path,
    }
    query = {"state": state, "code_challenge": challenge, "code_challenge_method": method}
    return redirect(f"{auth.login_url}&{urlencode(query)}")


@bp.before_app_request
def _require_hub_user() -> Response | None:
    """Under a hub, every page is for the hub's signed-in user, checked at each request."""
    auth = hub_oauth()
    if auth is None or request.blueprint == "api" or request.endpoint in OPEN_ENDPOINTS:
        return None
    if request.endpoint == "auth.logout":
        session.clear()
        return redirect(f"{auth.hub_prefix}logout")
    model = _hub_user(auth)
    if model is None or model.get("name") != session.get("hub_user"):
        # No hub login yet, or the hub session ended or changed hands: ask the hub again.
        session.pop("hub_token", None)
        return _start_oauth(auth)
    return None


@bp.get("/oauth_callback")
def oauth_callback() -> Response:
    auth = hub_oauth()
    if auth is None:
        abort(404)
    pending = session.pop("hub_oauth", None) or {}
    code = request.args.get("code", "")
    if (
        not code
        or not pending
        or not secrets.compare_digest(
            str(request.args.get("state", "")), str(pending.get("state", ""))
        )
    ):
        abort(400)
    token = auth.token_for_code(code, code_verifier=pending.get("verifier"))
    model = auth.user_for_token(token)
    if not isinstance(model, dict):
        abort(403)
    _sign_in_as(auth, model, token)
    return redirect(web.safe_next(pending.get("next"), "/"))
