"""The classroom app's internal API, as the hub uses it (see classroom_app/openapi.yaml).

Calls go over HTTP with the service token, so the hub works the same beside the classroom app
on one server and in another pod on Kubernetes. Tornado's async client keeps the hub's event
loop free while the classroom app checks a picture password (argon2, tens of milliseconds).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from tornado.httpclient import AsyncHTTPClient, HTTPClientError


class ClassroomUnavailable(Exception):
    """The classroom app did not answer (down, wrong address or wrong token)."""


@dataclass(frozen=True)
class Refused:
    """The classroom app refused a login: ``code`` is its error code (wrong_credentials, …)."""

    status: int
    code: str


@dataclass(frozen=True)
class Identity:
    username: str
    role: str
    display_name: str
    groups: list[str] = field(default_factory=list)
    courses: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RosterPupil:
    username: str
    pseudonym: str
    avatar: str
    locked: bool


@dataclass(frozen=True)
class Roster:
    class_code: str
    name: str
    picture_count: int
    pupils: list[RosterPupil]


class ClassroomClient:
    def __init__(self, base_url: str, token: str, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """The decoded JSON answer; a ``Refused`` for 401/404/423; raises when unreachable."""
        try:
            response = await AsyncHTTPClient().fetch(
                f"{self.base_url}/api/v1{path}",
                method=method,
                headers={
                    "Authorization": f"Bearer {self.token}",
                    "Content-Type": "application/json",
                },
                body=None if body is None else json.dumps(body),
                request_timeout=self.timeout,
                connect_timeout=self.timeout,
            )
        except HTTPClientError as error:
            answer = error.response
            if answer is not None and error.code in (400, 401, 404, 423) and answer.body:
                code = str(json.loads(answer.body).get("error", ""))
                if code != "unauthorized":
                    return Refused(error.code, code)
            raise ClassroomUnavailable(f"{method} {path}: {error}") from error
        except OSError as error:
            raise ClassroomUnavailable(f"{method} {path}: {error}") from error
        return json.loads(response.body)

    async def roster(self, class_code: str) -> Roster | None:
        answer = await self._call("GET", f"/classes/{quote(class_code, safe='')}/roster")
        if isinstance(answer, Refused):
            return None
        return Roster(
            class_code=answer["class_code"],
            name=answer["name"],
            picture_count=int(answer["picture_count"]),
            pupils=[
                RosterPupil(p["username"], p["pseudonym"], p["avatar"], bool(p.get("locked")))
                for p in answer["pupils"]
            ],
        )

    async def check_pupil(
        self, class_code: str, username: str, pictures: list[str]
    ) -> Identity | Refused:
        body = {"class_code": class_code, "username": username, "pictures": pictures}
        return _identity(await self._call("POST", "/auth/pupil", body))

    async def check_teacher(self, email: str, password: str) -> Identity | Refused:
        body = {"email": email, "password": password}
        return _identity(await self._call("POST", "/auth/teacher", body))


def _identity(answer: Any) -> Identity | Refused:
    if isinstance(answer, Refused):
        return answer
    return Identity(
        username=answer["username"],
        role=answer["role"],
        display_name=answer["display_name"],
        groups=list(answer.get("groups", [])),
        courses=list(answer.get("courses", [])),
    )
