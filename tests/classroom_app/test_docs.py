"""The documentation tells the truth: every API route is in the OpenAPI file, every setting
has a line of help."""

from __future__ import annotations

from pathlib import Path

import yaml
from flask import Flask

from classroom_app import config

OPENAPI = Path(__file__).parents[2] / "classroom_app" / "openapi.yaml"


def _documented() -> set[tuple[str, str]]:
    spec = yaml.safe_load(OPENAPI.read_text())
    return {
        (method.upper(), "/api/v1" + path.replace("{", "<").replace("}", ">"))
        for path, operations in spec["paths"].items()
        for method in operations
    }


def test_every_api_route_is_documented_and_no_more(app: Flask) -> None:
    served = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
        for method in rule.methods or ()
        if method not in ("HEAD", "OPTIONS")
    }
    assert served == _documented()


def test_every_setting_is_documented(tmp_path: Path) -> None:
    own = {
        key for key in config.defaults(tmp_path) if not key.startswith(("SESSION_", "PERM", "MAX_"))
    }
    assert own - {"SESSION_COOKIE_SECURE"} <= set(config.SETTINGS_HELP)
    assert all(text.strip().endswith(".") for text in config.SETTINGS_HELP.values())
