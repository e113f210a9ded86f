"""Pupils' robot programs: saved from a notebook with the pupil's hub token, read by the station.

The classroom app runs as a hub service (its real ``HubOAuth``, a ``HubAuth``) against a small
local HTTP server that implements the hub's ``GET /hub/api/user`` (``fake_hub.py``). The
notebook helper ``envoyer`` talks to the app over real HTTP.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from flask import Flask

from classroom_app import privacy, programs
from classroom_app.openbadges import issuer_from_config
from classroom_app.store import Store
from robocole.i18n import _current, set_language
from robot_firmware.sim import envoyer, send
from robot_firmware.sim.sending import SendError, robot_program
from tests.classroom_app.conftest import TOKENS, World, make_app
from tests.classroom_app.fake_hub import ACCESS, FakeHub
from tests.conftest import LiveServer

PREFIX = "/services/classroom"
SERVICE = {"Authorization": f"Bearer {TOKENS['station']}"}  # the station fetches


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    token = set_language("fr")
    yield
    _current.reset(token)


@pytest.fixture
def hub() -> Iterator[FakeHub]:
    made = FakeHub()
    yield made
    made.close()


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hub: FakeHub) -> Flask:
    """The classroom app as the hub starts it: its service environment, under its prefix."""
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "classroom-service-token")
    monkeypatch.setenv("JUPYTERHUB_API_URL", hub.api_url)
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", PREFIX + "/")
    monkeypatch.setenv("JUPYTERHUB_SERVICE_NAME", "classroom")
    monkeypatch.setenv("JUPYTERHUB_CLIENT_ID", "service-classroom")
    monkeypatch.setenv("JUPYTERHUB_OAUTH_ACCESS_SCOPES", json.dumps([ACCESS]))
    made = make_app(tmp_path)
    assert made.extensions.get("robocole.hub_oauth") is not None
    return made


@pytest.fixture
def server(app: Flask) -> Iterator[str]:
    with LiveServer(app) as live:
        yield live.url + PREFIX


def username(world: World, index: int) -> str:
    return f"{world.klass['code'].lower()}-{index + 1:02d}"


def as_pupil(monkeypatch: pytest.MonkeyPatch, server: str, token: str) -> None:
    """The pupil's JupyterLab server: the hub gave it this token; the classroom's address."""
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", token)
    monkeypatch.setenv("ROBOCOLE_CLASSROOM_URL", server)


def save(server: str, token: str, name: str, source: str) -> requests.Response:
    return requests.post(
        server + "/api/v1/me/programs",
        json={"name": name, "source": source},
        headers={"Authorization": f"token {token}"},
        timeout=10,
    )


def test_a_pupil_sends_a_program_from_the_notebook_and_the_station_reads_it(
    server: str, world: World, hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_pupil(monkeypatch, server, hub.token_for(username(world, 0)))
    saved = envoyer("avancer(20)\ntourner(90)\n", "Carré")
    assert (saved.name, saved.version) == ("Carré", 1)
    assert "t'attend à la station des robots" in str(saved)
    assert hub.asked == 1  # the hub said whose token it is
    # The station, with the service token, after the pupil's pictures were checked.
    listing = requests.get(
        f"{server}/api/v1/pupils/{username(world, 0)}/programs", headers=SERVICE, timeout=10
    )
    assert listing.status_code == 200
    [item] = listing.json()["programs"]
    assert (item["name"], item["version"]) == ("Carré", 1)
    assert item["saved_at"].endswith("Z")
    program = requests.get(
        f"{server}/api/v1/pupils/{username(world, 0)}/programs/{item['id']}",
        headers=SERVICE,
        timeout=10,
    ).json()
    # The simulator adds the robot's names; on the robot the program imports them.
    assert program["source"] == "from robot import *\navancer(20)\ntourner(90)\n"
    # The same text again is no new version; a change is.
    assert send("avancer(20)\ntourner(90)\n", "Carré").version == 1
    assert envoyer("avancer(30)\n", "Carré").version == 2
    assert envoyer("avancer(30)\n", "Zigzag").version == 1
    names = [p["name"] for p in programs_of(server, username(world, 0))]
    assert names == ["Zigzag", "Carré"]  # the most recent first
    # Another pupil sees none of them.
    assert programs_of(server, username(world, 1)) == []


def programs_of(server: str, user: str) -> list[dict[str, Any]]:
    response = requests.get(f"{server}/api/v1/pupils/{user}/programs", headers=SERVICE, timeout=10)
    assert response.status_code == 200
    return list(response.json()["programs"])


def test_a_function_is_sent_as_its_body_with_the_robot_import() -> None:
    def carre() -> None:
        for _i in range(4):
            avancer(30)  # type: ignore[name-defined]  # noqa: F821 - the robot's name
            tourner(90)  # type: ignore[name-defined]  # noqa: F821

    assert robot_program(carre) == (
        "from robot import *\nfor _i in range(4):\n    avancer(30)  # type: ignore[name-defined]"
        "  # noqa: F821 - the robot's name\n    tourner(90)  # type: ignore[name-defined]"
        "  # noqa: F821\n"
    )
    already = "from robot import avancer\navancer(3)\n"
    assert robot_program(already) == already


def test_the_token_must_be_a_pupils_with_access_to_the_classroom_app(
    server: str, world: World, hub: FakeHub
) -> None:
    source = "from robot import *\navancer(10)\n"
    nobody = requests.post(
        server + "/api/v1/me/programs", json={"name": "A", "source": source}, timeout=10
    )
    assert nobody.status_code == 401
    assert nobody.json()["message"].startswith("Le serveur de l'école ne te reconnaît pas.")
    assert save(server, "made-up-token", "A", source).status_code == 401
    # The service token of the station is not a pupil's token either.
    assert save(server, TOKENS["station"], "A", source).status_code == 401
    no_scope = hub.token_for(
        username(world, 0), scopes=(f"read:users:name!user={username(world, 0)}",)
    )
    assert save(server, no_scope, "A", source).status_code == 403
    teacher = save(server, hub.token_for(f"prof-{world.teacher_a}"), "A", source)
    assert teacher.status_code == 403
    assert "enseignant" in teacher.json()["message"]
    assert programs_of(server, username(world, 0)) == []
    assert save(server, hub.token_for(username(world, 0)), "A", source).status_code == 201


@pytest.mark.parametrize(
    ("name", "source", "message"),
    [
        ("", "avancer(1)", "Donne un nom à ton programme (40 lettres au plus)."),
        ("x" * 41, "avancer(1)", "Donne un nom à ton programme (40 lettres au plus)."),
        ("A", "  \n", "Ton programme est vide."),
        (
            "A",
            "from robot import *\nfor i in range(4)\n    avancer(1)\n",
            # The shared explainer's sentence (robocole/python_errors.py), as everywhere.
            "Ligne 2 : il manque les deux-points (:) à la fin de la ligne.",
        ),
        (
            "A",
            "from robot import *\navancer(1\n",
            "Ligne 2 : le signe « ( » ouvert sur cette ligne n'est jamais fermé : ajoute « ) ».",
        ),
        (
            "A",
            "from robot import *\nimport numpy\n",
            "Ligne 2 : le robot n'a pas le module « numpy ». Utilise « from robot import * ».",
        ),
        (
            "A",
            "match 1:\n    case 1:\n        pass\n",
            "Ligne 1 : le Python du robot (MicroPython) ne connaît pas cette instruction.",
        ),
        (
            "A",
            "from robot import *\n" + "# " + "x" * (programs.MAX_SOURCE),
            "Ton programme est trop gros pour le robot (33 Ko, 32 Ko au plus).",
        ),
    ],
)
def test_a_program_the_robot_cannot_run_is_refused_with_a_french_sentence(
    server: str, world: World, hub: FakeHub, name: str, source: str, message: str
) -> None:
    response = save(server, hub.token_for(username(world, 0)), name, source)
    assert response.status_code == 400
    assert response.json()["message"] == message
    assert programs_of(server, username(world, 0)) == []


def test_the_notebook_shows_the_servers_sentence_without_a_traceback(
    server: str, world: World, hub: FakeHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_pupil(monkeypatch, server, hub.token_for(username(world, 0)))
    with pytest.raises(SendError) as caught:
        envoyer("import turtle\n", "Tortue")
    assert caught.value.message.startswith("Ligne 2 : le robot n'a pas le module « turtle ».")
    assert caught.value._render_traceback_() == [f"\x1b[1;31m{caught.value.message}\x1b[0m"]
    with pytest.raises(SendError, match="Donne un nom"):
        envoyer("avancer(1)", " ")


def test_only_the_last_versions_are_kept_and_names_are_limited(
    server: str, world: World, hub: FakeHub, store: Store
) -> None:
    token = hub.token_for(username(world, 0))
    for step in range(programs.KEEP_VERSIONS + 2):
        assert save(server, token, "Carré", f"avancer({step})\n").status_code == 201
    versions = store.program_versions(world.pupils[0].id)
    assert [v["version"] for v in versions] == list(range(3, programs.KEEP_VERSIONS + 3))
    for number in range(programs.MAX_NAMES - 1):
        assert save(server, token, f"P{number}", "avancer(1)\n").status_code == 201
    refused = save(server, token, "Encore un", "avancer(1)\n")
    assert refused.status_code == 400
    assert refused.json()["message"] == (
        "Tu as déjà 30 programmes : donne à celui-ci le nom de l'un d'eux."
    )
    assert save(server, token, "Carré", "avancer(99)\n").status_code == 201


def test_the_station_reads_only_the_pupils_own_programs_with_the_service_token(
    server: str, world: World, hub: FakeHub
) -> None:
    first = save(server, hub.token_for(username(world, 0)), "Carré", "avancer(1)\n").json()
    url = f"{server}/api/v1/pupils/{username(world, 1)}/programs/{first['id']}"
    assert requests.get(url, headers=SERVICE, timeout=10).status_code == 404
    mine = f"{server}/api/v1/pupils/{username(world, 0)}/programs/{first['id']}"
    assert requests.get(mine, timeout=10).status_code == 401
    pupil_token = {"Authorization": f"Bearer {hub.token_for(username(world, 0))}"}
    assert requests.get(mine, headers=pupil_token, timeout=10).status_code == 401
    assert requests.get(mine, headers=SERVICE, timeout=10).json()["source"] == "avancer(1)\n"
    unknown = f"{server}/api/v1/pupils/nobody-01/programs"
    assert requests.get(unknown, headers=SERVICE, timeout=10).status_code == 404


def test_programs_are_in_the_familys_export_and_go_with_the_pupil(
    app: Flask, server: str, world: World, hub: FakeHub, store: Store
) -> None:
    token = hub.token_for(username(world, 0))
    assert save(server, token, "Carré", "avancer(1)\n").status_code == 201
    assert save(server, token, "Carré", "avancer(2)\n").status_code == 201
    issuer = issuer_from_config({}, store, "http://127.0.0.1:8000/")
    archive = zipfile.ZipFile(
        io.BytesIO(privacy.pupil_export(store, app.extensions["robocole.manifest"], issuer, 1))
    )
    data = json.loads(archive.read("donnees.json"))
    assert [(p["name"], p["version"], p["source"]) for p in data["robot_programs"]] == [
        ("Carré", 1, "avancer(1)\n"),
        ("Carré", 2, "avancer(2)\n"),
    ]
    assert archive.read("programmes/carre-v2.py") == b"avancer(2)\n"
    assert "Programmes pour le robot enregistrés : 2" in archive.read("resume.txt").decode()
    privacy.delete_pupil(store, world.pupil_row(store, 0), world.teacher_a)
    assert store.conn.execute("SELECT count(*) FROM pupil_programs").fetchone()[0] == 0
    assert save(server, hub.token_for(username(world, 1)), "Zigzag", "avancer(1)\n").ok
    privacy.purge_class(
        store,
        app.extensions["robocole.manifest"],
        issuer,
        world.klass,
        Path(app.config["EXPORT_DIR"]),
    )
    assert store.conn.execute("SELECT count(*) FROM pupil_programs").fetchone()[0] == 0


def test_without_a_hub_the_notebook_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The school server with its embedded defaults: no JupyterHub in front of the app.
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN", raising=False)
    alone = make_app(tmp_path / "alone")
    with LiveServer(alone) as live:
        answer = save(live.url, "any-token", "Carré", "avancer(1)\n")
        assert answer.status_code == 503
        assert answer.json()["error"] == "no_hub"
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "a-token")
        monkeypatch.setenv("ROBOCOLE_CLASSROOM_URL", live.url)
        with pytest.raises(SendError) as caught:
            envoyer("avancer(1)\n", "Carré")
    assert caught.value.message == (
        "Ce serveur d'école fonctionne sans JupyterHub : on ne peut pas y enregistrer de "
        "programme depuis un carnet. Enregistre ton programme dans un fichier .py et "
        "choisis-le à la station des robots."
    )
    # A notebook outside the school server (no hub token at all).
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN")
    with pytest.raises(SendError) as outside:
        envoyer("avancer(1)\n", "Carré")
    assert outside.value.message == (
        "Ce carnet n'est pas sur le serveur de l'école : il ne peut pas envoyer ton programme. "
        "Enregistre ton programme dans un fichier .py et choisis-le à la station des robots."
    )
