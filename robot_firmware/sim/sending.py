"""Send a program from the notebook to the robot station: the pupil chooses what goes.

In a JupyterLab notebook on the school server::

    from robot_firmware.sim import envoyer
    envoyer(mon_programme, "Carré")

saves the program on the school server (the classroom app) under the pupil's account; at the
classroom PC, the flashing station lists it after the pupil's picture login. The program is
the same as for ``montrer`` / ``verifier``: a function whose body is the program, or a text.
Programs written without ``from robot import *`` (the simulator adds the robot's names) get
that line, so they run on the robot as they ran in the simulator.

The pupil's own JupyterHub token (``JUPYTERHUB_API_TOKEN``, set by the hub in their server)
says who they are; nothing is sent anywhere but the school's classroom app.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests

from robocole.errors import RobocoleError
from robocole.i18n import current_language
from robocole.i18n import gettext as _
from robot_firmware.sim.challenges import Program, program_source

#: Where the classroom app is when the hub's environment does not say (``robocole up``).
DEFAULT_CLASSROOM_URL = "http://127.0.0.1:8010/services/classroom"
TIMEOUT = 10.0


class SendError(RobocoleError):
    """The program was not saved: one sentence saying what to do (shown without a traceback
    in a notebook)."""

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [f"\x1b[1;31m{self.message}\x1b[0m"]


@dataclass(frozen=True)
class Saved:
    """A saved program: its name, its version number and when it was saved."""

    name: str
    version: int
    saved_at: str

    def __str__(self) -> str:
        return _(
            "Saved: your program “%(name)s” (version %(version)s) is waiting for you at the "
            "robot station. Log in there with your pictures.",
            name=self.name,
            version=self.version,
        )

    def _repr_html_(self) -> str:
        from html import escape

        return f'<p style="color:#2e7d32;font-weight:bold">✔ {escape(str(self))}</p>'

    def __repr__(self) -> str:
        return str(self)


def robot_program(program: Program) -> str:
    """The program's text as the robot runs it: the function's body, with the robot's names."""
    source = program_source(program).lstrip("\n")
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source  # the school server says where the mistake is
    for node in tree.body:
        if isinstance(node, ast.Import) and any(a.name == "robot" for a in node.names):
            return source
        if isinstance(node, ast.ImportFrom) and node.module == "robot":
            return source
    return "from robot import *\n" + source


def classroom_url() -> str:
    """The classroom app's address as seen from the pupil's server.

    ``ROBOCOLE_CLASSROOM_URL`` when the hub sets it; else the hub's public address with the
    classroom service's prefix; else the one-server default of ``robocole up``.
    """
    if os.environ.get("ROBOCOLE_CLASSROOM_URL"):
        return os.environ["ROBOCOLE_CLASSROOM_URL"].rstrip("/")
    public = os.environ.get("JUPYTERHUB_PUBLIC_HUB_URL") or os.environ.get(
        "JUPYTERHUB_PUBLIC_URL", ""
    )
    if public:
        parts = urlsplit(public)
        return f"{parts.scheme}://{parts.netloc}/services/classroom"
    return DEFAULT_CLASSROOM_URL


def send(program: Program, name: str) -> Saved:
    """Save ``program`` under ``name`` for the robot station; raises :class:`SendError`."""
    if not isinstance(name, str) or not name.strip():
        raise SendError(_('Give your program a name, for example: envoyer(mon_programme, "Carré")'))
    try:
        source = robot_program(program)
    except (OSError, TypeError):
        raise SendError(
            _("Give me your program: a function written in this notebook, or a text.")
        ) from None
    token = os.environ.get("JUPYTERHUB_API_TOKEN", "")
    if not token:
        raise SendError(
            _(
                "This notebook is not on the school server, so it cannot send your program. "
                "Save your program in a .py file and choose it at the robot station."
            )
        )
    url = classroom_url() + "/api/v1/me/programs"
    try:
        response = requests.post(
            url,
            json={"name": name, "source": source},
            headers={"Authorization": f"token {token}", "Accept-Language": current_language()},
            timeout=TIMEOUT,
        )
    except requests.RequestException:
        raise SendError(
            _(
                "The school server does not answer. Try again in a minute, or save your "
                "program in a .py file and choose it at the robot station."
            )
        ) from None
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code in (200, 201) and isinstance(body, dict) and "version" in body:
        return Saved(str(body["name"]), int(body["version"]), str(body["saved_at"]))
    message = body.get("message") if isinstance(body, dict) else None
    raise SendError(
        str(message) if message else _("The school server refused your program. Ask your teacher.")
    )


envoyer = send
