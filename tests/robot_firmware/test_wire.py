"""The virtual robot's serial line has a speed, as a micro:bit's USB serial (115200 baud)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from robot_firmware.flasher import Robot
from robot_firmware.virtual import VirtualRobot
from robot_firmware.virtual.bridge import DEFAULT_BAUD, Wire

MakeRobot = Callable[..., VirtualRobot]


def wire_seconds(size: int, baud: int) -> float:
    return size * 10 / baud  # 8N1: ten bits a byte


def test_a_wire_delivers_bytes_no_sooner_than_they_cross_it() -> None:
    wire = Wire(9600)
    arrivals: list[tuple[float, int]] = []
    start = time.monotonic()
    wire.send(b"x" * 480, lambda piece: arrivals.append((time.monotonic(), len(piece))))
    received = 0
    for moment, size in arrivals:
        received += size
        assert moment - start >= wire_seconds(received, 9600) - 1e-3
    assert received == 480
    assert max(size for _, size in arrivals) <= 16  # a Ctrl-C is never queued behind a lot


def test_a_4_kb_upload_takes_the_wire_time_of_a_microbit(make_robot: MakeRobot) -> None:
    assert DEFAULT_BAUD == 115200
    virtual = make_robot().plug()  # the default line
    source = b"from robot import *\n" + b"# commentaire\n" * 292
    assert len(source) >= 4096
    with Robot.open(virtual.port) as robot:
        report = robot.upload_program(source)
    # At least every byte of the program crossed the line; the bare pty took 15 ms.
    assert report.seconds >= wire_seconds(len(source), 115200)


def test_the_line_speed_is_chosen(make_robot: MakeRobot) -> None:
    virtual = make_robot(baud=9600).plug()
    with Robot.open(virtual.port, timeout=30) as robot:
        started = time.monotonic()
        assert robot.exec("# " + "x" * 958 + "\nprint(7)").strip() == b"7"
        assert time.monotonic() - started >= wire_seconds(960, 9600)


class CountingRobot(Robot):
    commands = 0

    def exec(self, code: str) -> bytes:
        CountingRobot.commands += 1
        return super().exec(code)


def test_an_upload_is_one_command_where_the_robot_checks_it(
    make_robot: MakeRobot, flash: Path
) -> None:
    # Written, checked by sha256 on the robot and switched in one command: each command
    # costs a round trip on a slow line.
    virtual = make_robot(baud=0).plug()
    with CountingRobot.open(virtual.port) as robot:
        robot.upload_program(b"print('v1')\n")
        CountingRobot.commands = 0
        robot.upload_program(b"print('v2')\n")
        assert CountingRobot.commands == 1
        assert robot.info.files.count("programme.py") == 1
        assert "programme.bak" in robot.info.files and "programme.tmp" not in robot.info.files
    assert (flash / "programme.py").read_bytes() == b"print('v2')\n"
    assert (flash / "programme.bak").read_bytes() == b"print('v1')\n"


def test_stop_during_a_slow_upload_sends_no_more_and_keeps_the_program(
    make_robot: MakeRobot, flash: Path
) -> None:
    import threading

    import pytest

    from robot_firmware.errors import TransferStopped

    virtual = make_robot().plug()
    big = b"from robot import *\n" + b"# une ligne pour allonger le programme\n" * 1000
    with Robot.open(virtual.port) as robot:
        robot.upload_program(b"print('ancien')\n")
        threading.Timer(0.5, robot.interrupt).start()  # Stop, 0.5 s into a 3.5 s send
        started = time.monotonic()
        with pytest.raises(TransferStopped):
            robot.upload_program(big)
        # The piece on its way ends, no other follows: well before the whole 3.4 s.
        assert time.monotonic() - started < 0.75 * wire_seconds(len(big), 115200)
    assert (flash / "programme.py").read_bytes() == b"print('ancien')\n"
