"""The classroom app's side of the grader service's release API (``grader/release_api.py``).

The course folders live where the grader runs, so assigning, taking back and due dates are
requests to it, with the service token both share. One path on one server and in a city.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import requests

from robocole.errors import RobocoleError
from robocole.i18n import gettext as _


class GraderUnavailable(RobocoleError):
    """The grader service did not answer. Try again in a moment."""


@dataclass(frozen=True)
class LateSubmission:
    username: str
    submitted_at: str
    seconds_late: float


class GraderClient:
    def __init__(self, url: str, token: str, timeout: float = 10.0) -> None:
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def _call(self, method: str, route: str, timeout: float | None = None, **kwargs: Any) -> Any:
        try:
            answer = requests.request(
                method,
                f"{self.url}/api/v1/{route}",
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=timeout or self.timeout,
                **kwargs,
            )
        except requests.RequestException as error:
            raise GraderUnavailable(
                _("The grader service did not answer. Try again in a moment.")
            ) from error
        try:
            body = answer.json()
        except ValueError:
            body = {}
        if answer.status_code >= 500 or answer.status_code in (401, 404):
            raise GraderUnavailable(
                str(
                    body.get("message")
                    or _("The grader service did not answer. Try again in a moment.")
                )
            )
        if not answer.ok:
            raise RobocoleError(str(body.get("message") or _("The grader refused the request.")))
        return body

    def release(
        self, class_code: str, lessons: list[str], language: str, due: datetime | None
    ) -> list[str]:
        # Generating a lesson takes seconds each on a busy school server.
        body = self._call(
            "POST",
            "release",
            timeout=60.0 + 30.0 * len(lessons),
            json={
                "class_code": class_code,
                "lessons": lessons,
                "language": language,
                "due": due.isoformat() if due else None,
            },
        )
        return list(body.get("released", []))

    def unrelease(self, class_code: str, lesson: str) -> None:
        self._call("POST", "unrelease", json={"class_code": class_code, "lesson": lesson})

    def set_due(self, class_code: str, lesson: str, due: datetime | None) -> None:
        self._call(
            "POST",
            "due",
            json={
                "class_code": class_code,
                "lesson": lesson,
                "due": due.isoformat() if due else None,
            },
        )

    def submissions(self, class_code: str, lesson: str) -> list[LateSubmission]:
        # Read on every visit of the lessons page: a grader that does not answer must not
        # hold the page for long (the list is left out then).
        body = self._call(
            "GET",
            "submissions",
            timeout=3.0,
            params={"class_code": class_code, "lesson": lesson},
        )
        return [
            LateSubmission(str(s["username"]), str(s["submitted_at"]), float(s["seconds_late"]))
            for s in body.get("submissions", [])
        ]
