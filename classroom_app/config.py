"""Settings of the classroom app: defaults, then environment variables, then a test dict.

Every setting is documented here (a test checks that each default has a line in
``SETTINGS_HELP``). Secrets the app needs (session key, the grader's release token) are made
on first start and kept in the data directory, readable by the owner only; the callers' tokens
are kept hashed in the database (``tokens``).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SETTINGS_HELP: dict[str, str] = {
    "DATA_DIR": "Folder for the database and secrets (env ROBOCOLE_DATA, default ./data).",
    "DATABASE": "SQLite file (default DATA_DIR/classroom.sqlite3).",
    "MANIFEST": "Curriculum manifest file (default: the curriculum shipped with Robocole).",
    "SERVICE_TOKENS": "Callers' API tokens, kept hashed at start (env ROBOCOLE_HUB_TOKEN…).",
    "RELEASE_TOKEN": "Token of the grader's release API (env ROBOCOLE_RELEASE_TOKEN, else a file).",
    "PUBLIC_URL": "Address pupils type or scan, for the QR codes (env ROBOCOLE_PUBLIC_URL).",
    "DEFAULT_LANGUAGE": "Language when the browser does not ask for English (fr).",
    "PUPIL_LOCK_AFTER": "Wrong picture tries in a row before a pupil's login pauses.",
    "CLASS_PAUSE_AFTER": "Wrong tries in a class within CLASS_PAUSE_WINDOW_MIN that pause it.",
    "CLASS_PAUSE_WINDOW_MIN": "Minutes over which a class's wrong tries are counted.",
    "TEACHER_LOCK_AFTER": "Wrong teacher passwords before the account waits.",
    "TEACHER_LOCK_MINUTES": "How long a teacher account waits after too many wrong passwords.",
    "CODE_TRIES_PER_MINUTE": "Wrong class codes one computer may type per minute.",
    "CARDS_KEEP_HOURS": "Hours the clear picture sequences wait to be printed, then vanish.",
    "SESSION_COOKIE_SECURE": "Send the session cookie over HTTPS only (env ROBOCOLE_HTTPS=1).",
    "BADGE_ISSUER_NAME": "Who awards the badges (env ROBOCOLE_ISSUER_NAME; default: the school).",
    "BADGE_ISSUER_URL": "The issuer's web site (env ROBOCOLE_ISSUER_URL; default: PUBLIC_URL).",
    "BADGE_ISSUER_EMAIL": "Issuer's e-mail, required by Open Badges (env ROBOCOLE_ISSUER_EMAIL).",
    "SCHOOL_YEAR_END": "Month and day the school year ends, MM-DD (env ROBOCOLE_SCHOOL_YEAR_END).",
    "RETENTION_DAYS": "Days pupils' data stays after the year ends (env ROBOCOLE_RETENTION_DAYS).",
    "EXPORT_DIR": "Folder where the purge leaves the families' badge exports (DATA_DIR/exports).",
    "GRADER_URL": "The grader service's release API (env ROBOCOLE_GRADER_URL; none: no release).",
    "TIMEZONE": "The school's time zone, for due dates (env ROBOCOLE_TIMEZONE, Europe/Paris).",
}


def defaults(data_dir: Path) -> dict[str, Any]:
    return {
        "DATA_DIR": str(data_dir),
        "DATABASE": str(data_dir / "classroom.sqlite3"),
        "MANIFEST": None,
        "SERVICE_TOKENS": {},
        "RELEASE_TOKEN": None,
        "PUBLIC_URL": None,
        "DEFAULT_LANGUAGE": "fr",
        "PUPIL_LOCK_AFTER": 5,
        "CLASS_PAUSE_AFTER": 40,
        "CLASS_PAUSE_WINDOW_MIN": 10,
        "TEACHER_LOCK_AFTER": 8,
        "TEACHER_LOCK_MINUTES": 15,
        "CODE_TRIES_PER_MINUTE": 10,
        "CARDS_KEEP_HOURS": 72,
        "SESSION_COOKIE_SECURE": False,
        "BADGE_ISSUER_NAME": None,
        "BADGE_ISSUER_URL": None,
        "BADGE_ISSUER_EMAIL": None,
        "SCHOOL_YEAR_END": "07-14",
        "RETENTION_DAYS": 30,
        "EXPORT_DIR": str(data_dir / "exports"),
        "GRADER_URL": None,
        "TIMEZONE": "Europe/Paris",
        # Flask's own settings: cookies unreadable by scripts, not sent by other sites.
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_NAME": "robocole_session",
        "PERMANENT_SESSION_LIFETIME": 8 * 3600,
        "MAX_CONTENT_LENGTH": 256 * 1024,
    }


def data_directory() -> Path:
    return Path(os.environ.get("ROBOCOLE_DATA", "data")).resolve()


def from_environment() -> dict[str, Any]:
    from classroom_app.tokens import CALLERS

    values: dict[str, Any] = {}
    given = {name: os.environ.get(c.variable, "") for name, c in CALLERS.items()}
    if any(given.values()):
        values["SERVICE_TOKENS"] = {name: token for name, token in given.items() if token}
    if os.environ.get("ROBOCOLE_RELEASE_TOKEN"):
        values["RELEASE_TOKEN"] = os.environ["ROBOCOLE_RELEASE_TOKEN"]
    if os.environ.get("ROBOCOLE_PUBLIC_URL"):
        values["PUBLIC_URL"] = os.environ["ROBOCOLE_PUBLIC_URL"]
    if os.environ.get("ROBOCOLE_MANIFEST"):
        values["MANIFEST"] = os.environ["ROBOCOLE_MANIFEST"]
    for variable, key in (
        ("ROBOCOLE_ISSUER_NAME", "BADGE_ISSUER_NAME"),
        ("ROBOCOLE_ISSUER_URL", "BADGE_ISSUER_URL"),
        ("ROBOCOLE_ISSUER_EMAIL", "BADGE_ISSUER_EMAIL"),
        ("ROBOCOLE_SCHOOL_YEAR_END", "SCHOOL_YEAR_END"),
        ("ROBOCOLE_GRADER_URL", "GRADER_URL"),
        ("ROBOCOLE_TIMEZONE", "TIMEZONE"),
    ):
        if os.environ.get(variable):
            values[key] = os.environ[variable]
    if os.environ.get("ROBOCOLE_RETENTION_DAYS"):
        values["RETENTION_DAYS"] = int(os.environ["ROBOCOLE_RETENTION_DAYS"])
    if os.environ.get("ROBOCOLE_HTTPS") == "1":
        values["SESSION_COOKIE_SECURE"] = True
    return values


def build(test_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    test_config = dict(test_config or {})
    data_dir = Path(test_config.get("DATA_DIR") or data_directory())
    config = defaults(data_dir)
    config.update(from_environment())
    config.update(test_config)
    return config


def secret_file(data_dir: Path, name: str) -> str:
    """Read a secret kept in ``data_dir``, making it (owner-only) the first time."""
    path = data_dir / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(32))
    return path.read_text().strip()
