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
