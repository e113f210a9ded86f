"""Against a small real JupyterHub: a pupil's server token may save programs, others may not.

The hub runs with the school server's own ``user`` and ``server`` roles (read from
``hub_config/jupyterhub_config.py``), the classroom app as its external service
``classroom``. A token made like the pupil's server token (the ``server`` role) saves through
``envoyer``; a token without access to the classroom service is refused. The classroom app
asks the real hub (``HubOAuth.user_for_token`` and ``check_scopes``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from traitlets.config.loader import PyFileConfigLoader

from classroom_app.store import Store
from robot_firmware.sim import envoyer
from robot_firmware.sim.sending import SendError
from tests.conftest import LiveServer, free_port
from tests.station.conftest import school_app

pytestmark = pytest.mark.slow

HUB_CONFIG = Path(__file__).parents[2] / "hub_config" / "jupyterhub_config.py"
SERVICE_TOKEN = "classroom-service-token-for-the-test-hub"
ADMIN_TOKEN = "admin-token-for-the-test-hub"
ACCESS = "access:services!service=classroom"


def school_roles() -> list[dict[str, Any]]:
    """The ``user`` and ``server`` roles of the school server's hub configuration."""
    loader = PyFileConfigLoader(HUB_CONFIG.name, path=str(HUB_CONFIG.parent))
    roles = loader.load_config().JupyterHub.load_roles
    chosen = [dict(role) for role in roles if role.get("name") in ("user", "server")]
    assert {role["name"] for role in chosen} == {"user", "server"}
    return chosen


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[str]:
    """A real JupyterHub with its proxy on free ports; its API address."""
    port, api_port, proxy_port = free_port(), free_port(), free_port()
    folder = tmp_path / "hub"
    folder.mkdir()
    roles = [
        *school_roles(),
        {"name": "test-admin", "services": ["test-admin"], "scopes": ["admin:users", "tokens"]},
    ]
    proxy = Path(sys.executable).parent / "configurable-http-proxy"
    (folder / "config.py").write_text(
        "c = get_config()  # noqa\n"
        f"c.JupyterHub.bind_url = 'http://127.0.0.1:{port}'\n"
        f"c.JupyterHub.hub_bind_url = 'http://127.0.0.1:{api_port}'\n"
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{proxy_port}'\n"
        f"c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]\n"
        "c.JupyterHub.db_url = 'sqlite:///jupyterhub.sqlite'\n"
        "c.JupyterHub.authenticator_class = 'dummy'\n"
        f"c.JupyterHub.load_roles = {roles!r}\n"
        "c.JupyterHub.services = [\n"
        f"    {{'name': 'classroom', 'api_token': {SERVICE_TOKEN!r},"
        " 'oauth_redirect_uri': 'http://127.0.0.1/services/classroom/oauth_callback'},\n"
        f"    {{'name': 'test-admin', 'api_token': {ADMIN_TOKEN!r}}},\n"
        "]\n",
        encoding="utf-8",
    )
    log = (folder / "hub.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", "config.py"],
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_")},
    )
    api = f"http://127.0.0.1:{api_port}/hub/api"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (folder / "hub.log").read_text()
            try:
                if requests.get(api, timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "the hub did not start in 60 s"
            time.sleep(0.3)
        yield api
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def token_for(api: str, name: str, **body: Any) -> str:
    admin = {"Authorization": f"token {ADMIN_TOKEN}"}
    response = requests.post(f"{api}/users/{name}/tokens", json=body, headers=admin, timeout=10)
    assert response.status_code == 201, response.text
    return str(response.json()["token"])


def test_a_pupils_server_token_saves_and_a_token_without_access_does_not(
    hub: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", SERVICE_TOKEN)
    monkeypatch.setenv("JUPYTERHUB_API_URL", hub)
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/services/classroom/")
    monkeypatch.setenv("JUPYTERHUB_CLIENT_ID", "service-classroom")
    monkeypatch.setenv("JUPYTERHUB_OAUTH_ACCESS_SCOPES", json.dumps([ACCESS]))
    app, _class, [pupil] = school_app(tmp_path / "school", "Lina Bernard")
    store = Store.open(app.config["DATABASE"])
    try:
        username = str((store.pupil(pupil.id) or {})["username"])
    finally:
        store.close()
    admin = {"Authorization": f"token {ADMIN_TOKEN}"}
    assert requests.post(f"{hub}/users/{username}", headers=admin, timeout=10).status_code == 201
    server_token = token_for(hub, username, roles=["server"])
    name_only = token_for(hub, username, scopes=["read:users:name!user"])
    with LiveServer(app) as live:
        monkeypatch.setenv("ROBOCOLE_CLASSROOM_URL", live.url + "/services/classroom")
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", server_token)
        saved = envoyer("avancer(10)\n", "Ligne droite")
        assert (saved.name, saved.version) == ("Ligne droite", 1)
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", name_only)
        with pytest.raises(SendError) as refused:
            envoyer("avancer(20)\n", "Ligne droite")
        assert refused.value.message == (
            "Ton compte n'a pas le droit d'utiliser l'application de classe."
        )
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "not-a-hub-token")
        with pytest.raises(SendError, match="ne te reconnaît pas"):
            envoyer("avancer(20)\n", "Ligne droite")
    store = Store.open(app.config["DATABASE"])
    try:
        versions = store.program_versions(pupil.id)
    finally:
        store.close()
    assert [(v["name"], v["source"]) for v in versions] == [
        ("Ligne droite", "from robot import *\navancer(10)\n")
    ]
