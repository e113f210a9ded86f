"""The light pupil server: nbgrader's pupil side loads on first use, the rest stays off.

A real Jupyter server (JupyterLab's) with the pupils' configuration folders, as the hub gives
them; the whole assignment list, fetch, validate and submit run in test_journey.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.hub_config.conftest import SINGLEUSER, pupil_jupyter

pytestmark = pytest.mark.slow

NBGRADER_LOADS = "Loading the assignment_list nbgrader serverextension"


@dataclass
class Server:
    url: str
    log: Path

    def logged(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def pupil_server(tmp_path: Path) -> Iterator[Server]:
    log = tmp_path / "server.log"
    configs = [SINGLEUSER / "pupil", SINGLEUSER / "common"]
    exchange = {"ROBOCOLE_EXCHANGE": str(tmp_path / "exchange")}
    with pupil_jupyter(tmp_path, configs, log, exchange) as url:
        yield Server(url, log)


def test_nbgrader_loads_on_the_first_assignment_request(pupil_server: Server) -> None:
    assert "nbgrader's assignment list and validate load on first use" in pupil_server.logged()
    assert NBGRADER_LOADS not in pupil_server.logged()
    # JupyterLab itself never needs nbgrader.
    assert requests.get(f"{pupil_server.url}/lab", timeout=30).ok
    assert NBGRADER_LOADS not in pupil_server.logged()

    # nbgrader's own handler answers the first request (its version check).
    answer = requests.get(f"{pupil_server.url}/nbgrader_version?version=0.9.6", timeout=60)
    assert answer.json() == {"success": True}
    assert pupil_server.logged().count(NBGRADER_LOADS) == 1
    answer = requests.get(f"{pupil_server.url}/nbgrader_version?version=0.0.1", timeout=30)
    assert answer.json()["success"] is False
    # The assignment list is nbgrader's, and is loaded only once.
    listing = requests.get(f"{pupil_server.url}/assignments?course_id=c", timeout=30)
    assert listing.status_code == 200 and "success" in listing.json()
    assert pupil_server.logged().count(NBGRADER_LOADS) == 1


def test_what_pupils_do_not_need_is_not_served(pupil_server: Server) -> None:
    for path in ("formgrader", "api/terminals", "lsp/status", "tree"):
        answer = requests.get(f"{pupil_server.url}/{path}", timeout=30)
        assert answer.status_code == 404, path
