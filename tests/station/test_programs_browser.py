"""A program a pupil sent from their notebook appears at the station after their picture login,
and goes to a virtual robot (real MicroPython), in real headless Chromium.

The classroom app runs as a hub service (its real ``HubOAuth``) against a small server that
answers the hub's ``/hub/api/user``; the notebook helper ``envoyer`` posts the program with
the pupil's hub token over HTTP, as in the pupil's JupyterLab.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from classroom_app import classes
from robot_firmware.sim import envoyer
from robot_firmware.virtual import VirtualRobot
from tests.axe import axe_violations, require_axe
from tests.classroom_app.fake_hub import ACCESS, FakeHub
from tests.conftest import LiveServer
from tests.station.conftest import page_requests, school_app

pytestmark = pytest.mark.browser

PREFIX = "/services/classroom"


def carre() -> None:
    for _i in range(4):
        avancer(2)  # type: ignore[name-defined]  # noqa: F821 - the robot's names
        tourner(90)  # type: ignore[name-defined]  # noqa: F821
    print("carré du carnet")


@dataclass
class HubSchool:
    url: str
    class_code: str
    pupils: list[classes.NewPupil]
    server: LiveServer

    def username(self, index: int) -> str:
        return f"{self.class_code.lower()}-{index + 1:02d}"


@pytest.fixture
def hub_school(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[HubSchool, FakeHub]]:
    """The classroom app as the hub starts it, with a class of two pupils."""
    hub = FakeHub()
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "classroom-service-token")
    monkeypatch.setenv("JUPYTERHUB_API_URL", hub.api_url)
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", PREFIX + "/")
    monkeypatch.setenv("JUPYTERHUB_CLIENT_ID", "service-classroom")
    monkeypatch.setenv("JUPYTERHUB_OAUTH_ACCESS_SCOPES", json.dumps([ACCESS]))
    app, klass, pupils = school_app(tmp_path / "school")
    server = LiveServer(app).__enter__()
    try:
        yield HubSchool(server.url + PREFIX, str(klass["code"]), pupils, server), hub
    finally:
        server.__exit__()
        hub.close()


def from_notebook(
    monkeypatch: pytest.MonkeyPatch, school: HubSchool, hub: FakeHub, pupil: int, *args: Any
) -> None:
    """``envoyer(...)`` in the pupil's JupyterLab: the hub's token for them in the environment."""
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", hub.token_for(school.username(pupil)))
    monkeypatch.setenv("ROBOCOLE_CLASSROOM_URL", school.url)
    envoyer(*args)


def login(page: Any, school: HubSchool, pupil: int = 0) -> None:
    page.fill("#class-code", school.class_code)
    page.click("#class-form button")
    page.click(f"#pupils button:text-is('{school.pupils[pupil].pseudonym}')")
    for picture in school.pupils[pupil].pictures:
        page.click(f".picture[data-picture='{picture}']")
    page.wait_for_selector("#who:has-text('Bonjour')")


def test_a_program_sent_from_the_notebook_is_listed_after_login_and_runs_on_the_robot(
    chromium: Any,
    hub_school: tuple[HubSchool, FakeHub],
    robots: list[VirtualRobot],
    make_station: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    school, hub = hub_school
    from_notebook(monkeypatch, school, hub, 0, "avancer(1)\n", "Essai")
    from_notebook(monkeypatch, school, hub, 0, carre, "Carré")
    from_notebook(monkeypatch, school, hub, 1, "print('pas à toi')\n", "Celui de Noah")
    station = make_station(school.url)
    require_axe()
    # The page's CSP rightly refuses the injected axe script: bypass it for the check only.
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    requests = page_requests(page)
    try:
        page.goto(station.url)
        login(page, school)
        # Her programs from the school server, the latest first, with when they were saved.
        page.wait_for_selector("#saved-list button")
        labels = page.locator("#saved-list button").all_inner_texts()
        assert [label.splitlines()[0] for label in labels] == ["Carré", "Essai"]
        assert "version 1 · aujourd'hui à " in labels[0]
        assert "Celui de Noah" not in page.inner_text("main")
        assert axe_violations(page) == []
        page.click("#saved-list button:has-text('Carré')")
        page.wait_for_selector("#preview:has-text('carré du carnet')")
        assert page.inner_text("#preview").startswith("from robot import *\nfor _i in range(4):")
        page.click("#robot-list button:has-text('Robot 2')")
        page.click("text=Envoyer au robot")
        page.wait_for_selector("#status:text-is('Ton programme est terminé.')", timeout=20_000)
        assert "carré du carnet" in page.inner_text("#output")
    finally:
        context.close()
    # The robot ran the notebook's program for real: it turned; the other robot never moved.
    assert (
        (robots[1].flash / "programme.py")
        .read_text(encoding="utf-8")
        .startswith("from robot import *\nfor _i in range(4):")
    )
    assert {(e["g"], e["d"]) for e in robots[1].motor_events()} >= {(50, 50), (50, -50)}
    assert robots[0].motor_events() == []
    # The page asked nothing but the station (the station alone talks to the school server).
    assert requests and all(url.startswith(station.url) for url in requests)


def test_when_the_server_goes_away_after_login_a_file_still_goes_to_the_robot(
    page: Any,
    hub_school: tuple[HubSchool, FakeHub],
    robots: list[VirtualRobot],
    make_station: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    school, hub = hub_school
    from_notebook(monkeypatch, school, hub, 1, "print('du serveur')\n", "Bonjour")
    station = make_station(school.url)
    program = tmp_path / "fichier.py"
    program.write_text("from robot import *\nprint('depuis un fichier')\n", encoding="utf-8")
    page.goto(station.url)
    login(page, school, 1)
    page.wait_for_selector("#saved-list button:has-text('Bonjour')")
    school.server.__exit__()  # the school server stops answering
    page.click("#saved-list button:has-text('Bonjour')")
    page.wait_for_selector("#programs-error:has-text('ne répond pas')")
    assert page.inner_text("#programs-error") == (
        "Le serveur de l'école ne répond pas. Tu peux quand même choisir ton fichier "
        "de programme sur cet ordinateur."
    )
    page.set_input_files("#file", str(program))
    page.click("#robot-list button:has-text('Robot 1')")
    page.click("text=Envoyer au robot")
    page.wait_for_selector("#output:has-text('depuis un fichier')", timeout=20_000)
