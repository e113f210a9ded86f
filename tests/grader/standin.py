"""A stand-in for the classroom app's results endpoint, as classroom_app/openapi.yaml says.

Used until the real app can be started in the test; it keeps what it recorded so the tests
can count deliveries, and can be switched "down" (503) to test the outbox.
"""

from __future__ import annotations

import json
import time
from typing import Any

from flask import Flask, jsonify, request

TOKEN = "service-token-for-tests"


def create_standin(token: str = TOKEN) -> Flask:
    app = Flask(__name__)
    app.config["recorded"] = {}  # key -> payload
    app.config["received_at"] = {}  # key -> first time it arrived
    app.config["posts"] = 0
    app.config["down"] = False

    @app.post("/api/v1/results")
    def results() -> Any:
        app.config["posts"] += 1
        if app.config["down"]:
            return jsonify(error="unavailable", message="Maintenance."), 503
        if request.headers.get("Authorization") != f"Bearer {token}":
            return jsonify(error="unauthorized", message="Jeton invalide."), 401
        body = request.get_json(silent=True) or {}
        required = ("idempotency_key", "username", "lesson_id", "exercises")
        if any(name not in body for name in required) or not body["exercises"]:
            return jsonify(error="bad_request", message="Résultat incomplet."), 400
        key = body["idempotency_key"]
        recorded = app.config["recorded"]
        if key in recorded:
            if json.dumps(recorded[key], sort_keys=True) != json.dumps(body, sort_keys=True):
                return jsonify(error="conflict", message="Autre contenu, même clé."), 409
            return jsonify(status="duplicate", xp_awarded=0, proposed_badges=[]), 200
        recorded[key] = body
        app.config["received_at"][key] = time.monotonic()
        return jsonify(status="recorded", xp_awarded=10, proposed_badges=[]), 201

    return app


class LiveApp:
    """A WSGI app served by waitress in a thread, stopped from inside its own loop.

    Closing waitress's sockets from the test thread races with its select loop (EBADF in the
    server thread on a busy machine); here the loop closes them itself and then ends.
    """

    def __init__(self, app: Any, port: int | None = None) -> None:
        import threading

        from waitress.server import create_server

        from tests.conftest import free_port

        self.port = port or free_port()
        self.server: Any = create_server(app, host="127.0.0.1", port=self.port, threads=4)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveApp:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        server = self.server

        def stop() -> None:
            for dispatcher in list(server._map.values()):
                if dispatcher is not server.trigger:
                    dispatcher.close()
            server._map.pop(server.trigger._fileno, None)  # the loop ends with an empty map

        server.trigger.pull_trigger(stop)
        self.thread.join(timeout=5)
        server.trigger.close()
        server.task_dispatcher.shutdown()
