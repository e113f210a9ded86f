"""A small real HTTP server that answers the hub's ``GET /hub/api/user`` as JupyterHub does.

The token being checked is the request's own (``Authorization: token …``); an unknown token
answers 403; the user model carries the token's (expanded) scopes. The classroom app's real
``HubOAuth`` (a ``HubAuth``) asks it, so the token check runs JupyterHub's own client code.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ACCESS = "access:services!service=classroom"


class FakeHub:
    """The hub's ``/hub/api/user``: who owns the token in the Authorization header."""

    def __init__(self) -> None:
        self.users: dict[str, dict[str, Any]] = {}
        self.asked = 0
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hub.asked += 1
                scheme, _space, token = self.headers.get("Authorization", "").partition(" ")
                model = hub.users.get(token) if scheme.lower() == "token" else None
                if self.path != "/hub/api/user" or model is None:
                    body, status = {"status": 403, "message": "Forbidden"}, 403
                else:
                    body, status = model, 200
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hub/api"

    def token_for(self, name: str, scopes: tuple[str, ...] = (ACCESS,)) -> str:
        token = f"token-of-{name}-{len(self.users)}"
        self.users[token] = {"kind": "user", "name": name, "admin": False, "scopes": list(scopes)}
        return token

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
