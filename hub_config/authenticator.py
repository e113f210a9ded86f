"""``RobocoleAuthenticator``: children log in with pictures, teachers with an e-mail.

The classroom app owns the roster and the picture passwords; this authenticator asks it over
HTTP (service token) and hands JupyterHub the answer: the username, and the groups
``nbgrader-<course>`` (pupils) or ``formgrade-<course>`` (teachers) with ``manage_groups``, so
nbgrader's own permissions follow the roster at every login. Before a server starts, pupils
get the light server (assignment list and validate only, no terminal) in French.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jupyterhub.auth import Authenticator
from traitlets import Bool, Float, Integer, Unicode, default

from hub_config.classroom_client import ClassroomClient, Refused

SINGLEUSER = Path(__file__).resolve().parent / "singleuser"


def role_of(group_names: list[str]) -> str:
    """A teacher grades some course (``formgrade-…``); everyone else is a pupil."""
    return "teacher" if any(g.startswith("formgrade-") for g in group_names) else "pupil"


class RobocoleAuthenticator(Authenticator):
    classroom_url = Unicode(
        help="""Address of the classroom app as the hub reaches it (its API is under /api/v1).

        Default: $ROBOCOLE_CLASSROOM_URL.""",
    ).tag(config=True)

    classroom_token = Unicode(
        help="""The hub's own token for the classroom app's internal API (it may check logins
        and read rosters, nothing else). Default: $ROBOCOLE_HUB_TOKEN.""",
    ).tag(config=True)

    request_timeout = Float(
        10.0, help="Seconds to wait for the classroom app before the login page says to retry."
    ).tag(config=True)

    code_tries_per_minute = Integer(
        10, help="Wrong class codes one computer may type per minute on the login page."
    ).tag(config=True)

    teacher_url = Unicode(
        "/services/classroom/teacher/",
        help="Where a teacher lands after logging in, unless the login was for another page.",
    ).tag(config=True)

    pupil_config_dir = Unicode(
        str(SINGLEUSER / "pupil"),
        help="""Jupyter config folder put first for pupils' servers: it turns off what pupils do
        not need (terminals, formgrader, language server), making each server lighter.""",
    ).tag(config=True)

    common_config_dir = Unicode(
        str(SINGLEUSER / "common"),
        help="Jupyter config folder for every server (nbgrader's exchange and hub plugin).",
    ).tag(config=True)

    fast_imports_dir = Unicode(
        str(SINGLEUSER / "fast_imports"),
        help="""Folder put first on single-user servers' PYTHONPATH to skip slow optional imports
        (rfc3987_syntax, seconds per start). Empty to turn off.""",
    ).tag(config=True)

    lab_settings_dir = Unicode(
        str(SINGLEUSER / "lab_settings"),
        help="JupyterLab's app settings folder: French by default (each user can switch).",
    ).tag(config=True)

    exchange_root = Unicode(
        "/srv/nbgrader/exchange",
        help="nbgrader's exchange folder as single-user servers see it.",
    ).tag(config=True)

    # JupyterHub's own options, with the defaults this login needs.
    manage_groups = Bool(
        True,
        help="Groups come from the classroom app's roster at each login (nbgrader's groups).",
    ).tag(config=True)

    allow_all = Bool(
        True, help="Anyone the classroom app accepts may log in: the roster is the allow list."
    ).tag(config=True)

    @default("classroom_url")
    def _default_classroom_url(self) -> str:
        return os.environ.get("ROBOCOLE_CLASSROOM_URL", "http://127.0.0.1:8010")

    @default("classroom_token")
    def _default_classroom_token(self) -> str:
        return os.environ.get("ROBOCOLE_HUB_TOKEN", "")

    def client(self) -> ClassroomClient:
        return ClassroomClient(self.classroom_url, self.classroom_token, self.request_timeout)

    def get_handlers(self, app: Any) -> list[tuple[str, Any]]:
        from hub_config.login_page import PictureLoginHandler

        return [("/login", PictureLoginHandler)]

    async def authenticate(self, handler: Any, data: dict[str, Any]) -> dict[str, Any] | None:
        """Ask the classroom app; on refusal tell the login page why (``robocole_refusal``)."""
        client = self.client()
        if data.get("kind") == "teacher":
            answer = await client.check_teacher(
                str(data.get("email", "")), str(data.get("password", ""))
            )
        else:
            pictures = [p for p in str(data.get("pictures", "")).split(",") if p]
            answer = await client.check_pupil(
                str(data.get("class_code", "")), str(data.get("username", "")), pictures
            )
        if isinstance(answer, Refused):
            handler.robocole_refusal = answer.code
            return None
        return {
            "name": answer.username,
            "groups": answer.groups,
            "auth_state": {
                "role": answer.role,
                "display_name": answer.display_name,
                "courses": answer.courses,
            },
        }

    def pre_spawn_start(self, user: Any, spawner: Any) -> None:
        """Pupils get the light server; everyone gets French, nbgrader's config, fast imports."""
        role = role_of([group.name for group in user.groups])
        environment = dict(spawner.environment)
        config_path = [self.common_config_dir]
        if role == "pupil":
            config_path.insert(0, self.pupil_config_dir)
            # The pupil's server opens on the quest map (the lesson view sends them there).
            spawner.default_url = "/robocole/"
        environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join(config_path)
        if self.fast_imports_dir:
            environment["PYTHONPATH"] = self.fast_imports_dir
        environment["ROBOCOLE_ROLE"] = role
        environment["ROBOCOLE_EXCHANGE"] = self.exchange_root
        # Where a notebook sends a robot program (robot_firmware.sim.envoyer): the address
        # the hub itself uses for the classroom app.
        environment.setdefault("ROBOCOLE_CLASSROOM_URL", self.classroom_url)
        spawner.environment = environment
        settings = f"--LabApp.app_settings_dir={self.lab_settings_dir}"
        if settings not in spawner.args:
            spawner.args = [*spawner.args, settings]
