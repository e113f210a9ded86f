"""The station's JSON API: loopback only, cross-site posts refused, teacher-only names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from robocole.cli import main
from robot_firmware.station.robots import Names, PortInfo, Station
from robot_firmware.station.web import create_app
from tests.station.conftest import TEACHER_CODE

HEADERS = {"X-Robocole": "station"}
PORTS = [PortInfo("/dev/ttyACM0", 0x2E8A, 0x0005, "E6614C311B"), PortInfo("/dev/ttyS0", 1, 2)]


@pytest.fixture
def client(tmp_path: Path) -> FlaskClient:
    # A USB port cannot be plugged in here: the lister answers as pyserial would.
    station = Station(lambda: PORTS, Names(tmp_path / "names.json"))
    return create_app(station, teacher_code=TEACHER_CODE).test_client()


def test_only_robots_are_listed_with_a_number(client: FlaskClient) -> None:
    robots = client.get("/api/robots").get_json()["robots"]
    assert robots == [
        {"key": "E6614C311B", "port": "/dev/ttyACM0", "name": "Robot 1", "busy": False}
    ]


def test_posts_without_the_station_header_are_refused(client: FlaskClient) -> None:
    # Another web site open in the same browser cannot add this header without CORS.
    assert (
        client.post("/api/send", json={"program": "x", "port": "/dev/ttyACM0"}).status_code == 403
    )


def test_a_host_other_than_the_loopback_is_refused(client: FlaskClient) -> None:
    response = client.get("/api/robots", headers={"Host": "evil.example:8765"})
    assert response.status_code == 403


def test_the_teacher_names_a_robot_and_the_name_sticks_to_its_serial_number(
    client: FlaskClient, tmp_path: Path
) -> None:
    wrong = client.post(
        "/api/robots/name",
        json={"key": "E6614C311B", "name": "Robot bleu", "code": "0000"},
        headers=HEADERS,
    )
    assert wrong.status_code == 403
    assert "enseignant" in wrong.get_json()["message"]
    right = client.post(
        "/api/robots/name",
        json={"key": "E6614C311B", "name": "Robot bleu", "code": TEACHER_CODE},
        headers=HEADERS,
    )
    assert right.status_code == 200
    assert client.get("/api/robots").get_json()["robots"][0]["name"] == "Robot bleu"
    assert json.loads((tmp_path / "names.json").read_text()) == {"E6614C311B": "Robot bleu"}


def test_sending_to_a_robot_that_is_not_plugged_says_to_plug_it(client: FlaskClient) -> None:
    response = client.post(
        "/api/send", json={"program": "print(1)", "port": "/dev/ttyACM9"}, headers=HEADERS
    )
    assert response.status_code == 404
    assert response.get_json()["message"].startswith("Branche le câble USB du robot")


def test_the_page_loads_nothing_from_elsewhere(client: FlaskClient) -> None:
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert "Envoyer au robot" in page
    assert "http://" not in page and "https://" not in page
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_the_station_command_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["station", "--help"])
    assert "--school" in capsys.readouterr().out


def test_a_robot_held_by_another_program_says_so(tmp_path: Path) -> None:
    import time

    import serial

    from robot_firmware.station.robots import virtual_lister
    from robot_firmware.virtual import VirtualRobot
    from tests.station.conftest import install

    install(tmp_path / "robot")
    robot = VirtualRobot(tmp_path / "robot", time_scale=0.0).plug(run_main=False)
    other = serial.Serial(robot.port, 115200, exclusive=True)  # Thonny, say
    station = Station(virtual_lister([robot]))
    try:
        client = create_app(station).test_client()
        job = client.post(
            "/api/send", json={"program": "print(1)", "port": robot.port}, headers=HEADERS
        ).get_json()
        for _ in range(100):
            job = client.get(f"/api/jobs/{job['id']}").get_json()
            if job["state"] == "failed":
                break
            time.sleep(0.05)
        assert job["message"] == (
            "Un autre programme utilise le robot. Demande à ton enseignant·e de le fermer."
        )
        assert robot.port in job["detail"]  # the teacher's sentence names the port
    finally:
        other.close()
        station.close()
        robot.unplug()


def test_a_pupil_who_walks_away_is_logged_out(tmp_path: Path) -> None:
    station = Station(lambda: PORTS)
    app = create_app(station, programs=tmp_path, test_config={"LOGIN_SECONDS": 0})
    (tmp_path / "abc234-01").mkdir()
    (tmp_path / "abc234-01" / "carre.py").write_text("avancer(10)\n")
    client = app.test_client()
    with client.session_transaction() as session:
        session.update(pupil="abc234-01", name="Lina", since=0)
    assert client.get("/api/me").get_json() == {"username": None, "programs": []}
