"""The classroom PC is shared: a pupil still using the station stays logged in, one who walks
away is forgotten, by the server and by the page (name and programs gone)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from robot_firmware.station.robots import PortInfo, Station
from robot_firmware.station.school import School
from robot_firmware.station.web import create_app
from tests.conftest import LiveServer
from tests.station.conftest import API_TOKEN

PORTS = [PortInfo("/dev/ttyACM0", 0x2E8A, 0x0005, "E6614C311B")]


def test_a_pupil_still_using_the_station_stays_logged_in(tmp_path: Path) -> None:
    app = create_app(Station(lambda: PORTS), programs=tmp_path, test_config={"LOGIN_SECONDS": 60})
    client = app.test_client()
    with client.session_transaction() as session:
        session.update(pupil="abc234-01", name="Lina", since=time.time() - 50)
    # 50 s after logging in, the pupil asks again: the 60 s start again from now.
    assert client.get("/api/me").get_json()["username"] == "abc234-01"
    with client.session_transaction() as session:
        assert session["since"] > time.time() - 5


@pytest.fixture
def short_station(school: Any) -> Iterator[LiveServer]:
    station = Station(lambda: PORTS)
    app = create_app(
        station,
        school=School(school.url, API_TOKEN, timeout=30.0),
        test_config={"LOGIN_SECONDS": 2},
    )
    with LiveServer(app) as server:
        yield server
    station.close()


@pytest.mark.browser
def test_the_page_forgets_a_pupil_who_walked_away(
    page: Any, school: Any, short_station: LiveServer
) -> None:
    page.goto(short_station.url)
    page.fill("#class-code", school.class_code)
    page.click("#class-form button")
    page.click(f"#pupils button:text-is('{school.pupils[0].pseudonym}')")
    for picture in school.pupils[0].pictures:
        page.click(f".picture[data-picture='{picture}']")
    page.wait_for_selector("#who:has-text('Bonjour')")
    # Nobody touches the page: the next child must not find Lina's name and programs.
    page.wait_for_selector("#logout", state="hidden", timeout=10_000)
    assert page.inner_text("#who") == ""
    assert page.inner_text("#saved-list") == ""
    assert page.evaluate("fetch('/api/me').then(r => r.json())")["username"] is None


@pytest.mark.browser
def test_a_pupil_whose_login_is_paused_finds_their_name_and_what_to_do(
    chromium: Any, tmp_path: Path
) -> None:
    from classroom_app.store import Store
    from tests.station.conftest import school_app

    app, klass, pupils = school_app(tmp_path / "school")
    store = Store.open(app.config["DATABASE"])
    try:
        row = store.pupil(pupils[0].id)
        assert row is not None
        store.record_pupil_failure(row, lock_after=1)  # too many wrong tries
    finally:
        store.close()
    station = Station(lambda: PORTS)
    with (
        LiveServer(app) as school,
        LiveServer(
            create_app(station, school=School(school.url, API_TOKEN, timeout=30.0))
        ) as server,
    ):
        page = chromium.new_page()
        try:
            page.goto(server.url)
            page.fill("#class-code", str(klass["code"]))
            page.click("#class-form button")
            # The name is there (a missing name only puzzles the child), and says why.
            page.click(f"#pupils button:has-text('{pupils[0].pseudonym}')")
            assert page.inner_text("#login-error") == (
                "Ta connexion est en pause après trop d'essais. Demande à ton enseignant·e de "
                "la débloquer."
            )
            assert not page.is_visible("#pictures")
        finally:
            page.close()
            station.close()
