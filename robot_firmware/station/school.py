"""The school server, seen from the classroom PC: the classroom app's internal API.

The roster of a class (names and pictures for the login), the check of a pupil's pictures,
and, once they are checked, the programs that pupil saved from their notebooks
(``envoyer(...)``). Every call carries the station's own token (it may read rosters, check
pictures and read programs, never post a result); a short time-out keeps the station usable
when the server is down (a pupil can still pick a file).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests

from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

TIMEOUT = 4.0


class SchoolUnreachable(RobocoleError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The school server does not answer. You can still choose your program file "
                "on this computer."
            )
        )


class TokenRefused(SchoolUnreachable):
    """The server answers but refuses this station's token (wrong, revoked, or another's)."""

    def __init__(self) -> None:
        RobocoleError.__init__(
            self,
            _(
                "The school server does not accept this station's token. Ask the teacher: a "
                "new one is made on the server with 'robocole classroom token rotate station'."
            ),
        )


class LoginRefused(RobocoleError):
    """The server said no: its sentence is shown as it is."""


class ProgramMissing(RobocoleError):
    """The program asked for is not (any more) one of this pupil's."""


def _refused_token(response: requests.Response) -> bool:
    """A 401 for the token itself (a 401 for wrong pictures is a refused login)."""
    if response.status_code != 401:
        return False
    try:
        return bool(response.json().get("error") == "unauthorized")
    except ValueError:
        return False


@dataclass(frozen=True)
class School:
    url: str
    token: str
    #: Seconds to wait for the server: short, so a pupil is not left waiting when it is down.
    timeout: float = TIMEOUT

    @property
    def configured(self) -> bool:
        return bool(self.url)

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        if not self.configured:
            raise SchoolUnreachable()
        try:
            response = requests.request(
                method,
                self.url.rstrip("/") + "/api/v1" + path,
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=self.timeout,
                **kwargs,
            )
        except requests.RequestException:
            raise SchoolUnreachable() from None
        if response.status_code == 403 or _refused_token(response):
            raise TokenRefused()
        return response

    def roster(self, class_code: str) -> dict[str, Any]:
        response = self._call("GET", f"/classes/{quote(class_code, safe='')}/roster")
        if response.status_code == 404:
            raise LoginRefused(_("This class code does not exist. Check it on your card."))
        if response.status_code != 200:
            raise SchoolUnreachable()
        return dict(response.json())

    def login(self, class_code: str, username: str, pictures: list[str]) -> dict[str, Any]:
        response = self._call(
            "POST",
            "/auth/pupil",
            json={"class_code": class_code, "username": username, "pictures": pictures},
        )
        if response.status_code == 200:
            return dict(response.json())
        if response.status_code in (400, 401, 423):
            try:
                message = str(response.json()["message"])
            except (ValueError, KeyError, TypeError):
                message = _("These are not the right pictures.")
            raise LoginRefused(message)
        raise SchoolUnreachable()

    def programs(self, username: str) -> list[dict[str, Any]]:
        """The pupil's saved programs (latest version of each, most recent first), no text."""
        response = self._call("GET", f"/pupils/{quote(username, safe='')}/programs")
        if response.status_code == 404:
            return []
        if response.status_code != 200:
            raise SchoolUnreachable()
        try:
            items = response.json()["programs"]
            return [
                {
                    "id": int(item["id"]),
                    "name": str(item["name"]),
                    "version": int(item["version"]),
                    "saved_at": str(item["saved_at"]),
                }
                for item in items
            ]
        except (ValueError, KeyError, TypeError):
            raise SchoolUnreachable() from None

    def program(self, username: str, program_id: int) -> dict[str, Any]:
        """One of the pupil's saved programs with its text; ProgramMissing if not theirs."""
        response = self._call(
            "GET", f"/pupils/{quote(username, safe='')}/programs/{int(program_id)}"
        )
        if response.status_code == 404:
            raise ProgramMissing(_("This program is not on the school server any more."))
        if response.status_code != 200:
            raise SchoolUnreachable()
        try:
            data = response.json()
            return {"name": str(data["name"]), "source": str(data["source"])}
        except (ValueError, KeyError, TypeError):
            raise SchoolUnreachable() from None
