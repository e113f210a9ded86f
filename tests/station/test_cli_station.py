"""``robocole station`` started wrong says what to do, in one sentence, without a traceback:
a second station on the same port, a token file that is not there."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from robocole.cli import main
from tests.conftest import free_port


def test_a_second_station_on_the_same_port_says_where_the_first_one_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    with socket.socket() as first:  # the station started a minute ago
        first.bind(("127.0.0.1", port))
        first.listen()
        code = main(["station", "--port", str(port), "--data", str(tmp_path)])
    said = capsys.readouterr().err
    assert code == 2
    assert said == (
        f"robocole station: Le port {port} de cet ordinateur est déjà pris, peut-être par une "
        f"station déjà lancée : ouvrez http://127.0.0.1:{port}/, ou choisissez un autre port "
        "avec --port.\n"
    )


def test_a_missing_token_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "jeton.txt"
    code = main(["station", "--token-file", str(missing), "--port", str(free_port())])
    assert code == 2
    assert capsys.readouterr().err == (
        f"robocole station: Le fichier du jeton {missing} ne se lit pas : vérifiez le chemin "
        "donné à --token-file.\n"
    )


def test_the_teacher_code_can_stay_out_of_the_process_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On a shared PC, `ps` shows every command line: the code can come from the environment.
    import argparse

    from robot_firmware.cli_station import configure

    monkeypatch.setenv("ROBOCOLE_TEACHER_CODE", "2468")
    parser = argparse.ArgumentParser()
    configure(parser)
    assert parser.parse_args([]).teacher_code == "2468"
    assert parser.parse_args(["--teacher-code", "1357"]).teacher_code == "1357"


def test_naming_robots_without_a_teacher_code_says_how_to_set_one(tmp_path: Path) -> None:
    from robot_firmware.station.robots import Names, PortInfo, Station
    from robot_firmware.station.web import create_app

    ports = [PortInfo("/dev/ttyACM0", 0x2E8A, 0x0005, "E6614C311B")]
    client = create_app(Station(lambda: ports, Names(tmp_path / "n.json"))).test_client()
    answer = client.post(
        "/api/robots/name",
        json={"key": "E6614C311B", "name": "Robot bleu", "code": "1234"},
        headers={"X-Robocole": "station"},
    )
    assert answer.status_code == 403
    # Not "wrong code": there is none to type.
    assert answer.get_json()["message"] == (
        "Cette station n'a pas de code enseignant : relancez-la avec --teacher-code (ou "
        "ROBOCOLE_TEACHER_CODE) pour nommer les robots."
    )
