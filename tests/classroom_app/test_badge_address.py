"""Badges carry one address, fixed by configuration, never by a request's Host header."""

from __future__ import annotations

import argparse
import json
import os
import runpy
from pathlib import Path

import pytest
from flask import Flask
from traitlets.config import Config

from classroom_app import openbadges
from classroom_app.cli_up import configure, public_url
from classroom_app.store import Store
from hub_config.platform import Ports, hub_environment

from .conftest import World, make_app
from .test_openbadges import confirm

PUBLIC = "http://ecole.example:8000/services/classroom"


@pytest.fixture
def app(tmp_path: Path, request: pytest.FixtureRequest) -> Flask:
    return make_app(tmp_path, **getattr(request, "param", {}))


@pytest.mark.parametrize("app", [{"PUBLIC_URL": PUBLIC}], indirect=True)
def test_another_host_does_not_change_issued_badges(app: Flask, store: Store, world: World) -> None:
    uid = confirm(store, world, 0, "pilote-du-carre")
    client = app.test_client()
    answers = [
        client.get(f"/openbadges/assertions/{uid}.json", headers={"Host": host})
        for host in ("attacker.example", "localhost:8000", "127.0.0.1:8000")
    ]
    ids = {json.loads(a.data)["id"] for a in answers}
    assert ids == {f"{PUBLIC}/openbadges/assertions/{uid}.json"}
    assert all(a.status_code == 200 for a in answers)


def test_without_a_configured_address_nothing_is_issued_from_the_host(
    app: Flask, store: Store, world: World
) -> None:
    assert not app.config.get("PUBLIC_URL")
    uid = confirm(store, world, 0, "pilote-du-carre")
    answer = app.test_client().get(
        f"/openbadges/assertions/{uid}.json", headers={"Host": "attacker.example"}
    )
    assert answer.status_code == 503
    assert b"attacker.example" not in answer.data
    assert "ROBOCOLE_PUBLIC_URL" in answer.get_json()["message"]
    assert "public" not in answer.headers.get("Cache-Control", "")
    assert "no-store" in answer.headers["Cache-Control"]


def test_robocole_up_sets_the_address_from_host_or_public_url(tmp_path: Path) -> None:
    def address(*argv: str) -> str:
        parser = argparse.ArgumentParser()
        configure(parser)
        return public_url(parser.parse_args(list(argv)))

    assert address("--host", "10.0.0.5", "--port", "8000") == "http://10.0.0.5:8000"
    assert address("--public-url", "https://robocole.ecole.fr/") == "https://robocole.ecole.fr"
    assert "0.0.0.0" not in address("--host", "0.0.0.0")
    # The hub hands it to the classroom app, under its service prefix.
    (tmp_path / "tokens").mkdir()
    (tmp_path / "tokens" / "hub").write_text("hub-token")
    environment = hub_environment(tmp_path, Ports(hub=8123), "10.0.0.5", None)
    assert environment["ROBOCOLE_PUBLIC_URL"] == "http://10.0.0.5:8123"


def test_the_hub_gives_the_classroom_app_its_public_address(tmp_path: Path) -> None:
    config = Config()
    saved = dict(os.environ)
    os.environ.update({"ROBOCOLE_DATA": str(tmp_path), "ROBOCOLE_PUBLIC_URL": "http://ecole:8000/"})
    try:
        runpy.run_path(
            str(Path(openbadges.__file__).parents[1] / "hub_config" / "jupyterhub_config.py"),
            {"get_config": lambda: config},
        )
    finally:
        os.environ.clear()
        os.environ.update(saved)
    classroom = next(s for s in config.JupyterHub.services if s["name"] == "classroom")
    assert classroom["environment"]["ROBOCOLE_PUBLIC_URL"] == "http://ecole:8000/services/classroom"
