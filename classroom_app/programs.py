"""Pupils' robot programs: saved from a notebook, fetched by the flashing station.

A pupil chooses which program goes to the robot: in a notebook, ``envoyer(mon_programme,
"Carré")`` (``robot_firmware.sim``) posts its text here with the pupil's own JupyterHub token
(``JUPYTERHUB_API_TOKEN`` of their server). The app asks the hub whose token it is
(``HubAuth.user_for_token``, the access scope of this service checked) and keeps the last
versions under that pupil. The flashing station, after checking the pupil's pictures
(``/auth/pupil``), lists and fetches them with the service token.

The routes live on the API's blueprint (``api.bp``) so the API's rules apply to them (JSON
errors, no CSRF form token, no single-sign-on redirect); ``api.py`` imports this module.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

from flask import current_app, jsonify, request

from classroom_app import hub_login, web
from classroom_app.api import ApiError, bp
from robocole.i18n import gettext as _
from robocole.python_errors import explain_python_error

#: Largest program (bytes of UTF-8): a robot's flash is small; a lesson program is ~1 KB.
MAX_SOURCE = 32 * 1024
#: Versions kept per program name (older ones are erased as new ones arrive).
KEEP_VERSIONS = 5
#: Different program names a pupil may keep.
MAX_NAMES = 30
MAX_NAME = 40
#: Modules a program may import on the robot: the robot API and MicroPython's own modules.
ROBOT_MODULES = frozenset(
    {
        "robot",
        "time",
        "utime",
        "random",
        "urandom",
        "math",
        "micropython",
        "gc",
        "sys",
        "struct",
        "collections",
        "ucollections",
    }
)


def program_problem(source: str) -> str | None:
    """Why this text cannot go to a robot, in one sentence for a child; None when it can.

    Valid Python, no more than ``MAX_SOURCE`` bytes, and only what MicroPython on the robot
    has: no ``match``, no ``except*``, no ``type`` statement, only the robot's modules.
    """
    if not source.strip():
        return _("Your program is empty.")
    size = len(source.encode("utf-8"))
    if size > MAX_SOURCE:
        return _(
            "Your program is too big for the robot (%(size)s KB, at most %(max)s KB).",
            size=(size + 1023) // 1024,
            max=MAX_SOURCE // 1024,
        )
    try:
        tree = ast.parse(source, "<programme>")
        compile(tree, "<programme>", "exec", dont_inherit=True)
    except SyntaxError as error:
        # The same sentence as the lesson view, the grader and the simulator give for it.
        return explain_python_error(
            type(error).__name__, error.msg, line=error.lineno or 1, code=source
        )
    except ValueError:
        return _("Your program contains a character the robot cannot read.")
    # Python syntax MicroPython lacks (``type X = ...`` too, where this Python knows it).
    unsupported = (
        ast.Match,
        ast.TryStar,
        *(getattr(ast, n) for n in ("TypeAlias",) if hasattr(ast, n)),
    )
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 1)
        if isinstance(node, unsupported):
            return _(
                "Line %(line)s: the robot's Python (MicroPython) does not know this instruction.",
                line=line,
            )
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module if node.level == 0 and node.module else "."]
        for module in modules:
            if module.split(".")[0] not in ROBOT_MODULES:
                return _(
                    "Line %(line)s: the robot does not have the module “%(module)s”. "
                    "Use “from robot import *”.",
                    line=line,
                    module=module,
                )
    return None


def program_name(data: Mapping[str, Any]) -> str:
    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > MAX_NAME:
        raise ApiError(
            400,
            "bad_request",
            _("Give your program a name (at most %(n)s letters).", n=MAX_NAME),
        )
    name = " ".join(name.split())
    if not name.isprintable():
        raise ApiError(400, "bad_request", _("The name of your program has strange characters."))
    return name


def _summary(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row["name"],
        "version": row["version"],
        "saved_at": row["saved_at"],
    }


def _hub_pupil() -> dict[str, Any]:
    """The pupil whose hub token came with the request (the hub says who it is)."""
    auth = hub_login.hub_oauth()
    if auth is None:
        raise ApiError(
            503,
            "no_hub",
            _(
                "This school server runs without JupyterHub, so programs cannot be saved from "
                "a notebook. Save your program in a .py file and choose it at the robot "
                "station."
            ),
        )
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    model = None
    if scheme.lower() in ("token", "bearer") and token.strip():
        try:
            model = auth.user_for_token(token.strip())
        except Exception:  # the hub's errors are tornado HTTPErrors; any means "no answer"
            current_app.logger.warning("the hub did not answer a token check")
            raise ApiError(
                503, "hub_unavailable", _("The school server is busy. Try again in a minute.")
            ) from None
    if not isinstance(model, dict) or model.get("kind", "user") != "user":
        raise ApiError(
            401,
            "unauthorized",
            _(
                "The school server does not recognise you. Save your notebook, then restart "
                "your server (File > Hub Control Panel)."
            ),
        )
    try:
        allowed = not auth.access_scopes or auth.check_scopes(auth.access_scopes, model)
    except (KeyError, TypeError, ValueError):  # a model without valid scopes
        allowed = False
    if not allowed:
        raise ApiError(403, "forbidden", _("Your account may not use the classroom app."))
    pupil = web.store().pupil_by_username(str(model.get("name", "")))
    if pupil is None:
        raise ApiError(
            403,
            "forbidden",
            _("Only pupils save robot programs. Teachers choose a file at the robot station."),
        )
    return pupil


@bp.post("/me/programs")
def save_program() -> Any:
    """A pupil saves a program for the robot (their hub token, not the service token)."""
    pupil = _hub_pupil()
    data = request.get_json(silent=True)
    if not isinstance(data, Mapping):
        raise ApiError(400, "bad_request", _("The body must be a JSON object."))
    name = program_name(data)
    source = data.get("source")
    if not isinstance(source, str):
        raise ApiError(400, "bad_request", _("Your program is empty."))
    source = source.replace("\r\n", "\n")
    problem = program_problem(source)
    if problem is not None:
        raise ApiError(400, "bad_program", problem)
    saved = web.store().save_program(
        int(pupil["id"]), name, source, keep=KEEP_VERSIONS, max_names=MAX_NAMES
    )
    if saved is None:
        raise ApiError(
            400,
            "too_many_programs",
            _(
                "You already have %(n)s programs: give this one the name of one of them.",
                n=MAX_NAMES,
            ),
        )
    current_app.logger.info("pupil %s saved program %s", pupil["id"], saved["id"])
    return jsonify(_summary(saved)), 201


def _pupil(username: str) -> dict[str, Any]:
    pupil = web.store().pupil_by_username(username)
    if pupil is None:
        raise ApiError(404, "not_found", _("Unknown pupil “%(u)s”.", u=username))
    return pupil


@bp.get("/pupils/<username>/programs")
def pupil_programs(username: str) -> Any:
    """The latest version of each of a pupil's programs (for the station, service token)."""
    pupil = _pupil(username)
    return jsonify(
        programs=[
            {**_summary(row), "size": row["size"]}
            for row in web.store().programs_of_pupil(int(pupil["id"]))
        ]
    )


@bp.get("/pupils/<username>/programs/<program_id>")
def pupil_program(username: str, program_id: str) -> Any:
    """One program's text (for the station, service token); only the pupil's own."""
    pupil = _pupil(username)
    row = None
    if program_id.isdigit():
        row = web.store().program(int(pupil["id"]), int(program_id))
    if row is None:
        raise ApiError(404, "not_found", _("This program does not exist."))
    return jsonify({**_summary(row), "source": row["source"]})
