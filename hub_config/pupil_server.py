"""A Jupyter server extension for pupils' servers: nbgrader's pupil side, loaded when first used.

nbgrader's ``assignment_list`` and ``validate_assignment`` server extensions import nbgrader's
whole application (every app, the formgrader, nbconvert's preprocessors) when the server
starts: about half a second of CPU and tens of MB in every pupil's server, although a pupil may
never open the assignment list. This extension registers nothing of its own: it watches the
URLs of those two extensions and, on the first request to one of them, calls nbgrader's own
``load_jupyter_server_extension`` functions, which add nbgrader's handlers to the server. The
request then goes on to those handlers (Tornado's router tries the next rules when this one
answers nothing), so nbgrader's exchange, list, fetch, validate and submit are nbgrader's.

Enabled instead of nbgrader's two extensions in ``singleuser/pupil/jupyter_server_config.json``.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from tornado.httputil import HTTPServerRequest
from tornado.routing import Router

# nbgrader's pupil-side URLs (assignment_list and validate_assignment's ``default_handlers``).
NBGRADER_PATHS = r"(assignments|assignments/.*|courses|nbgrader_version)"


def _load_nbgrader(serverapp: Any) -> None:
    # Imported here, not at the top: this import is what the extension defers.
    from nbgrader.server_extensions import assignment_list, validate_assignment

    assignment_list.load_jupyter_server_extension(serverapp)
    validate_assignment.load_jupyter_server_extension(serverapp)


class NbgraderOnFirstUse(Router):
    """Loads nbgrader's handlers on the first matching request, then steps aside."""

    def __init__(self, serverapp: Any, base_url: str) -> None:
        self.serverapp = serverapp
        self.pattern = re.compile(re.escape(base_url.rstrip("/")) + "/" + NBGRADER_PATHS + "$")
        self.loaded = False
        self._lock = threading.Lock()

    def find_handler(self, request: HTTPServerRequest, **kwargs: Any) -> None:
        if not self.loaded and self.pattern.match(request.path or ""):
            with self._lock:
                if not self.loaded:
                    _load_nbgrader(self.serverapp)
                    self.loaded = True
        # Never handles a request itself: the router goes on to nbgrader's rules.
        return None


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "hub_config.pupil_server"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    from tornado.routing import AnyMatches, Rule

    web_app = serverapp.web_app
    trigger = NbgraderOnFirstUse(serverapp, web_app.settings["base_url"])
    # Before every other rule, so it sees the request before the server's own 404.
    web_app.default_router.rules.insert(0, Rule(AnyMatches(), trigger))
    serverapp.log.info("nbgrader's assignment list and validate load on first use")
