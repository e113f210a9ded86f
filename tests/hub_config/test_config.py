"""The school server's jupyterhub_config.py loads with JupyterHub's own loader."""

from __future__ import annotations

from pathlib import Path

import pytest
from jupyterhub.app import JupyterHub

from hub_config.authenticator import RobocoleAuthenticator
from hub_config.spawner import RobocoleLocalSpawner

CONFIG = Path(__file__).resolve().parents[2] / "hub_config" / "jupyterhub_config.py"


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> JupyterHub:
    monkeypatch.setenv("ROBOCOLE_DATA", str(tmp_path))
    monkeypatch.setenv("ROBOCOLE_HUB_PORT", "18000")
    app = JupyterHub()
    app.load_config_file(str(CONFIG))
    return app


def test_classes_are_chosen_by_entry_point_name(hub: JupyterHub) -> None:
    assert hub.config.JupyterHub.authenticator_class == "robocole"
    assert hub.authenticator_class is RobocoleAuthenticator
    assert hub.spawner_class is RobocoleLocalSpawner


def test_config_reads_the_data_folder_and_ports(hub: JupyterHub, tmp_path: Path) -> None:
    assert hub.db_url == f"sqlite:///{tmp_path / 'jupyterhub.sqlite'}"
    assert hub.bind_url.endswith(":18000")
    names = {service["name"] for service in hub.services}
    assert {"classroom", "grader", "idle-culler"} <= names
    assert hub.config.Spawner.start_timeout >= 120


def test_every_robocole_option_is_documented() -> None:
    for cls in (RobocoleAuthenticator, RobocoleLocalSpawner):
        own = [
            trait for name, trait in cls.class_traits(config=True).items() if name in cls.__dict__
        ]
        assert own
        assert all((trait.help or "").strip() for trait in own), cls.__name__
