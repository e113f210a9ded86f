"""Stopping a program on the virtual robot from any blocking call, as on a board.

A board's UART interrupt turns a Ctrl-C into KeyboardInterrupt wherever the program waits:
``time.sleep()``, ``time.sleep_ms()``, a busy loop. These tests hold the virtual robot to
that, through the flasher, through mpremote's own transport and through ``robocole flash``.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from robot_firmware.flasher import Robot, RunResult
from robot_firmware.virtual import VirtualRobot
from tests.robot_firmware.conftest import install

MakeRobot = Callable[..., VirtualRobot]

#: A test gives up waiting after this long: the old virtual robot never came back.
PATIENCE = 15.0


def within(seconds: float, action: Callable[[], Any]) -> Any:
    """``action()``, or a failure if it has not returned after ``seconds``."""
    outcome: list[Any] = []
    failure: list[BaseException] = []

    def call() -> None:
        try:
            outcome.append(action())
        except BaseException as error:  # reported in the test's own thread
            failure.append(error)

    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"still blocked after {seconds} s")
    if failure:
        raise failure[0]
    return outcome[0]


BLOCKING = {
    "time.sleep": "import time\nprint('en route')\nwhile True:\n    time.sleep(0.1)\n",
    "time.sleep_ms": "import time\nprint('en route')\nwhile True:\n    time.sleep_ms(50)\n",
    # The wait ends at once; KeyboardInterrupt comes at the next loop or test (docs/robots.md).
    "one long sleep": "import time\nprint('en route')\ntime.sleep(60)\nwhile True:\n    pass\n",
    "the clock": (
        "import time\nprint('en route')\nwhile True:\n"
        "    if time.ticks_diff(time.ticks_ms(), 0) < 0:\n        break\n"
    ),
}


@pytest.mark.parametrize("program", BLOCKING.values(), ids=BLOCKING.keys())
def test_ctrl_c_reaches_the_program_in_any_wait(
    make_robot: MakeRobot, flash: Path, program: str
) -> None:
    install(flash, program)
    virtual = make_robot(time_scale=1.0).plug()
    with Robot.open(virtual.port) as robot:
        started = time.monotonic()
        result: RunResult = within(PATIENCE, lambda: robot.run_program(time_limit=0.5))
        took = time.monotonic() - started
        assert result.interrupted and result.ok
        assert b"en route" in result.output
        # The pupil's program got KeyboardInterrupt: its guard said so.
        assert result.messages == ["[robot] Programme arrêté depuis l'ordinateur."]
        assert took < 2.0, took
        assert robot.exec("print(6 * 7)").strip() == b"42"


def test_the_pupil_can_catch_the_interrupt_in_time_sleep(
    make_robot: MakeRobot, flash: Path
) -> None:
    install(
        flash,
        "import time\ntry:\n    while True:\n        time.sleep(0.2)\n"
        "except KeyboardInterrupt:\n    print('attrape, je range')\n",
    )
    virtual = make_robot(time_scale=1.0).plug()
    with Robot.open(virtual.port) as robot:
        result = within(PATIENCE, lambda: robot.run_program(time_limit=0.3))
    assert b"attrape, je range" in result.output
    assert result.ok


def test_a_loop_that_calls_nothing_is_stopped_and_the_robot_answers(
    make_robot: MakeRobot, flash: Path
) -> None:
    busy = "from robot import *\nmoteurs(40, 40)\nprint('en route')\nwhile True:\n    pass\n"
    install(flash, busy)
    virtual = make_robot(time_scale=1.0, interrupt_grace_ms=300).plug()
    with Robot.open(virtual.port) as robot:
        result = within(PATIENCE, lambda: robot.run_program(time_limit=0.5))
        assert result.interrupted and result.ok
        assert b"en route" in result.output  # printed before the loop: not lost
        assert robot.exec("print(6 * 7)").strip() == b"42"
    assert virtual.motor_events()[-1]["g"] == 0


def test_mpremote_transport_sees_keyboard_interrupt_like_on_a_board(
    make_robot: MakeRobot,
) -> None:
    from mpremote.transport_serial import SerialTransport

    virtual = make_robot(time_scale=1.0, interrupt_grace_ms=300).plug()
    transport = SerialTransport(virtual.port, baudrate=115200)
    try:
        for code in ("import time\nwhile True:\n time.sleep(0.1)\n", "while True:\n pass\n"):
            transport.enter_raw_repl(soft_reset=False)
            transport.exec_raw_no_follow(code)
            time.sleep(0.3)
            transport.serial.write(b"\x03")
            output, error = within(PATIENCE, lambda: transport.follow(timeout=10))
            assert output == b""
            assert error.strip().splitlines()[-1].startswith(b"KeyboardInterrupt"), error
            assert transport.exec("print(1 + 1)").strip() == b"2"
    finally:
        transport.close()


def test_time_sleep_keeps_the_robots_clock_and_its_time_scale(
    make_robot: MakeRobot, flash: Path
) -> None:
    # At time scale 0 a wait takes no real time, and the robot has moved meanwhile (20 cm/s).
    install(
        flash,
        "import time\nfrom robot import *\nt = time.ticks_ms()\nmoteurs(100, 100)\n"
        "time.sleep(1)\narreter()\nprint('attendu', time.ticks_diff(time.ticks_ms(), t))\n",
    )
    virtual = make_robot(time_scale=0.0).plug(run_main=False)
    with Robot.open(virtual.port) as robot:
        started = time.monotonic()
        result = within(PATIENCE, robot.run_program)
        took = time.monotonic() - started
    assert b"attendu" in result.output, result
    waited = int(result.output.split(b"attendu")[1].split()[0])
    assert 1000 <= waited < 1100, result.output
    assert took < 1.0
    assert virtual.motor_events()[-1]["x"] == pytest.approx(20, abs=0.6)


def test_robocole_flash_with_a_duration_returns(flash: Path, tmp_path: Path) -> None:
    program = tmp_path / "programme.py"
    program.write_text("import time\nprint('en route')\nwhile True:\n    time.sleep(0.1)\n")
    started = time.monotonic()
    command = [sys.executable, "-m", "robocole", "flash", "--virtual", str(flash)]
    done = subprocess.run(
        [*command, "--duration", "2", str(program)],
        capture_output=True,
        text=True,
        timeout=40,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "en route" in done.stdout
    assert time.monotonic() - started < 15
