"""The grader service's small HTTP API: the classroom app releases lessons through it.

The course folders and the exchange live where the grader runs (on Kubernetes, only its pod
mounts them), so the classroom app asks over HTTP, with a token of its own for this API
(``ROBOCOLE_RELEASE_TOKEN`` or ``--release-token-file``; not the grader's token for posting
results, which the classroom app only knows hashed), the same way on one server and in a city:

- ``POST <prefix>api/v1/release``   ``{"class_code", "lessons", "language", "due"}``
- ``POST <prefix>api/v1/unrelease`` ``{"class_code", "lesson"}``
- ``POST <prefix>api/v1/due``       ``{"class_code", "lesson", "due"}`` (``null`` clears it)
- ``GET  <prefix>api/v1/submissions?class_code=…&lesson=…``
- ``GET  <prefix>api/v1/health`` (no token)

``due`` is an ISO 8601 time with its offset. The prefix is the hub's service prefix
(``JUPYTERHUB_SERVICE_PREFIX``, e.g. ``/services/grader/``) when the hub runs the service,
so the same routes answer through the hub's proxy and on the service's own port. One
operation runs at a time: nbgrader's gradebook is one SQLite file per course. Errors answer
``{"error", "message"}`` with a sentence the teacher can act on.

Only the standard library here: the watch service starts it in a thread
(``start_from_args``), beside the grading loop.
"""

from __future__ import annotations

import argparse
import hmac
import json
import logging
import os
import re
import threading
from dataclasses import asdict
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from grader.errors import GraderError
from robocole.i18n import gettext as _

if TYPE_CHECKING:
    from grader.releases import CourseReleases

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024


class BadRequest(Exception):
    """The request is not what the API expects (the message says what)."""


def _due(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as error:
        raise BadRequest(_("The due date %(value)s is not a date.", value=value)) from error
    if moment.tzinfo is None:
        raise BadRequest(_("The due date %(value)s has no time zone.", value=value))
    return moment


#: A lesson id as the curriculum writes them (``sequences-1``): a safe folder name.
LESSON_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


def _lesson(value: Any) -> str:
    if not isinstance(value, str) or not LESSON_ID.match(value):
        raise BadRequest(_("The lesson %(value)s is not a lesson id.", value=value))
    return value


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value:
        raise BadRequest(_("The field %(key)s is missing.", key=key))
    return value


class ReleaseApi:
    """The routes, over a ``CourseReleases``; one operation at a time."""

    def __init__(self, releases: CourseReleases, token: str, prefix: str = "/") -> None:
        self.releases = releases
        self.token = token
        self.prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        self.lock = threading.Lock()

    def authorized(self, header: str) -> bool:
        scheme, _space, given = header.partition(" ")
        return (
            bool(self.token)
            and scheme.lower() in ("bearer", "token")
            and hmac.compare_digest(given.strip().encode(), self.token.encode())
        )

    def route(self, path: str) -> str | None:
        """The route name (``release``…) of a request path, or None."""
        for base in (self.prefix + "api/v1/", "/api/v1/"):
            if path.startswith(base):
                return path[len(base) :].strip("/")
        return None

    def handle(self, method: str, route: str, query: dict[str, str], body: dict[str, Any]) -> Any:
        releases = self.releases
        with self.lock:
            if method == "POST" and route == "release":
                lessons = body.get("lessons")
                if not isinstance(lessons, list) or not lessons:
                    raise BadRequest(_("The field %(key)s is missing.", key="lessons"))
                lessons = [_lesson(x) for x in lessons]
                released = releases.release(
                    _text(body, "class_code"),
                    lessons,
                    str(body.get("language") or "fr"),
                    _due(body.get("due")),
                )
                return {"released": released, "lessons": lessons}
            if method == "POST" and route == "unrelease":
                releases.unrelease(_text(body, "class_code"), _lesson(_text(body, "lesson")))
                return {"ok": True}
            if method == "POST" and route == "due":
                releases.set_due(
                    _text(body, "class_code"), _lesson(_text(body, "lesson")), _due(body.get("due"))
                )
                return {"ok": True}
            if method == "GET" and route == "submissions":
                found = releases.submissions(
                    _text(query, "class_code"), _lesson(_text(query, "lesson"))
                )
                return {"submissions": [asdict(s) for s in found]}
        raise LookupError(route)


def _handler(api: ReleaseApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _serve(self, method: str) -> None:
            from grader.errors import GraderError

            url = urlsplit(self.path)
            route = api.route(url.path)
            if route is None:
                return self._answer(404, {"error": "not_found", "message": "?"})
            if method == "GET" and route == "health":
                return self._answer(200, {"ok": True})
            if not api.authorized(self.headers.get("Authorization", "")):
                return self._answer(
                    401, {"error": "unauthorized", "message": _("A valid service token is needed.")}
                )
            try:
                length = int(self.headers.get("Content-Length") or 0)
                if length > MAX_BODY:
                    raise BadRequest(_("The request is too big."))
                raw = self.rfile.read(length) if length else b"{}"
                body = json.loads(raw or b"{}")
                if not isinstance(body, dict):
                    raise BadRequest(_("The request is not a JSON object."))
                query = {k: v[-1] for k, v in parse_qs(url.query).items()}
                self._answer(200, api.handle(method, route, query, body))
            except (BadRequest, GraderError, json.JSONDecodeError, ValueError) as error:
                message = getattr(error, "message", None) or str(error)
                self._answer(400, {"error": "bad_request", "message": message})
            except LookupError:
                self._answer(404, {"error": "not_found", "message": route})
            except Exception:
                log.exception("release API: %s %s", method, url.path)
                self._answer(
                    500,
                    {
                        "error": "grader_error",
                        "message": _("The grader could not do it: read its log."),
                    },
                )
            return None

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def log_message(self, format: str, *args: Any) -> None:
            log.debug(format, *args)

    return Handler


class ReleaseServer:
    """The API on ``host:port``, served by a background thread until ``close()``."""

    def __init__(self, api: ReleaseApi, host: str = "127.0.0.1", port: int = 0) -> None:
        self.server = ThreadingHTTPServer((host, port), _handler(api))
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, name="release-api", daemon=True
        )
        self.thread.start()

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# -- the watch service's hook ---------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--release-port",
        type=int,
        default=int(os.environ.get("ROBOCOLE_RELEASE_PORT") or 0) or None,
        help=_("Also answer the classroom app's release requests on this port."),
    )
    parser.add_argument(
        "--release-host",
        default=os.environ.get("ROBOCOLE_RELEASE_HOST", "127.0.0.1"),
        help=_("Address the release API listens on (0.0.0.0 in a container)."),
    )
    parser.add_argument(
        "--curriculum",
        type=Path,
        default=None,
        help=_("The built curriculum to release lessons from (default: ROBOCOLE_DATA/curriculum)."),
    )
    parser.add_argument(
        "--release-token-file",
        type=Path,
        default=None,
        help=_("File holding the classroom app's token for this API (or ROBOCOLE_RELEASE_TOKEN)."),
    )


def release_token(args: argparse.Namespace) -> str:
    """The token the classroom app must show; empty when none is configured."""
    path = getattr(args, "release_token_file", None)
    if path is None:
        return os.environ.get("ROBOCOLE_RELEASE_TOKEN", "")
    try:
        return Path(path).read_text().strip()
    except OSError as error:
        raise GraderError(
            _(
                "Cannot read the API token file %(path)s (%(error)s).",
                path=path,
                error=error.strerror or str(error),
            )
        ) from error


def start_from_args(args: argparse.Namespace) -> ReleaseServer | None:
    """Start the API when ``--release-port`` is given; None otherwise."""
    if not getattr(args, "release_port", None):
        return None
    from grader.releases import CourseReleases

    curriculum = args.curriculum or Path(os.environ.get("ROBOCOLE_DATA", ".")) / "curriculum"
    releases = CourseReleases(Path(args.courses_root), Path(args.exchange), Path(curriculum))
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    api = ReleaseApi(releases, release_token(args), prefix)
    if not api.token:
        log.warning("no service token: the release API refuses every request")
    server = ReleaseServer(api, args.release_host, args.release_port)
    log.info("release API on %s:%s", args.release_host, server.port)
    return server
