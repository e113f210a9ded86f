"""Where the grader finds courses, the exchange, its outbox and the classroom app.

Each setting has a default for one school server and an environment variable, so the same
command works as a hub service (environment) and by hand (command-line options).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from grader.errors import GraderError
from robocole.i18n import gettext as _

DEFAULTS = {
    "courses_root": ("ROBOCOLE_COURSES_ROOT", "/srv/robocole/courses"),
    "exchange": ("ROBOCOLE_EXCHANGE", "/srv/nbgrader/exchange"),
    "outbox": ("ROBOCOLE_GRADER_OUTBOX", "/var/lib/robocole/grader/outbox.db"),
    "api_url": ("ROBOCOLE_API_URL", "http://127.0.0.1:8090"),
    "sandbox_user": ("ROBOCOLE_SANDBOX_USER", "robocole-sandbox"),
}


def default(name: str) -> str:
    variable, value = DEFAULTS[name]
    return os.environ.get(variable, value)


def default_workers() -> int:
    """Grading workers: a bit more than the cores, as each one also waits for its kernel."""
    return max(2, (os.cpu_count() or 1) + 1)


@dataclass(frozen=True)
class ApiSettings:
    url: str
    token: str


def api_settings(url: str, token_file: str | None) -> ApiSettings | None:
    """The classroom app's address and service token, or None when no token is configured.

    The grader's own token (it may post results, nothing else: ``robocole classroom token``)
    comes from ``ROBOCOLE_GRADER_TOKEN`` or a file (``robocole up`` keeps it in the data
    directory's ``tokens/grader``); never a command-line argument, which other users could read.
    """
    token = os.environ.get("ROBOCOLE_GRADER_TOKEN", "")
    if token_file:
        try:
            token = Path(token_file).read_text().strip()
        except OSError as error:
            raise GraderError(
                _(
                    "Cannot read the API token file %(path)s (%(error)s).",
                    path=token_file,
                    error=error.strerror or str(error),
                )
            ) from error
    return ApiSettings(url, token) if token else None
