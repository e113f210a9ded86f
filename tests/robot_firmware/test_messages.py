"""Each way flashing can go wrong has its own sentence, in French, and its own exit code."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import serial
from mpremote import transport_serial  # noqa: F401 - loaded before a test drops root
from serial.tools.list_ports_common import ListPortInfo

from robocole.cli import main
from robocole.i18n import set_language
from robot_firmware import errors, ports
from robot_firmware.cli_flash import ProgressBar
from robot_firmware.flasher import Robot
from robot_firmware.virtual import VirtualRobot
from tests.robot_firmware.conftest import install

MakeRobot = Callable[..., VirtualRobot]


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    token = set_language("fr")
    yield
    set_language(None)
    del token


def usb(device: str, vid: int | None, pid: int | None) -> ListPortInfo:
    """A port as pyserial lists it (the one thing a test machine has no hardware for)."""
    info = ListPortInfo(device, skip_link_detection=True)
    info.vid, info.pid = vid, pid
    return info


def test_robots_are_recognised_by_their_usb_ids() -> None:
    listed = [
        usb("/dev/ttyACM1", 0x2E8A, 0x0005),
        usb("/dev/ttyS0", None, None),
        usb("COM7", 0x1A86, 0x7523),
        usb("/dev/ttyACM0", 0x0D28, 0x0204),
        usb("/dev/ttyUSB3", 0x046D, 0xC52B),  # a mouse receiver
    ]
    found = ports.find_robots(lambda: listed)
    assert [(r.device, r.family) for r in found] == [
        ("/dev/ttyACM0", "microbit"),
        ("/dev/ttyACM1", "rp2"),
        ("COM7", "serial"),
    ]


def test_no_robot() -> None:
    with pytest.raises(errors.NoRobot, match=r"Aucun robot trouvé\. Branchez le robot"):
        ports.choose_robot(lister=lambda: [usb("/dev/ttyS0", None, None)])


def test_several_robots() -> None:
    listed = [usb("COM3", 0x2E8A, 0x0005), usb("COM4", 0x2E8A, 0x0005)]
    with pytest.raises(errors.SeveralRobots) as raised:
        ports.choose_robot(lister=lambda: listed)
    assert raised.value.message == (
        "Plusieurs robots sont branchés (COM3, COM4). Débranchez les autres ou "
        "choisissez-en un, par exemple : robocole flash --port COM3 programme.py"
    )
    assert raised.value.exit_code == 4


def test_the_command_says_when_no_robot_is_plugged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if ports.find_robots():
        pytest.skip("a real robot is plugged into this machine")
    source = tmp_path / "programme.py"
    source.write_text("print(1)\n")
    assert main(["flash", str(source)]) == 3
    assert "Aucun robot trouvé" in capsys.readouterr().err


def test_a_missing_program_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flash", "--virtual", str(tmp_path), str(tmp_path / "absent.py")]) == 2
    assert "n'existe pas" in capsys.readouterr().err


def test_a_port_held_by_another_program(make_robot: MakeRobot) -> None:
    virtual = make_robot().plug()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import serial, sys, time; s = serial.Serial(sys.argv[1], exclusive=True); "
            "print('ok', flush=True); time.sleep(30)",
            virtual.port,
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"ok\n"
        with pytest.raises(errors.PortBusy) as raised:
            Robot.open(virtual.port)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()  # type: ignore[union-attr]
    message = raised.value.message
    assert message.startswith(f"Le robot sur {virtual.port} est utilisé par un autre programme (")
    assert f"(pid {holder.pid})" in message
    assert raised.value.exit_code == 5


def test_a_port_this_account_may_not_use(make_robot: MakeRobot) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to become another user")
    virtual = make_robot().plug()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(read)
        code = 0
        try:
            os.setgid(65534)
            os.setuid(65534)  # nobody: not in the tty group that owns the pty
            Robot.open(virtual.port)
        except errors.FlashError as error:
            os.write(write, f"{type(error).__name__}|{error.exit_code}|{error.message}".encode())
        except BaseException as error:
            os.write(write, repr(error).encode())
            code = 1
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode()
    os.waitpid(child, 0)
    kind, exit_code, message = answer.split("|", 2)
    assert (kind, exit_code) == ("PermissionDenied", "6")
    assert "sudo usermod -aG dialout" in message
    assert message.startswith(f"Ce compte n'a pas le droit d'utiliser {virtual.port}.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("could not open port 'COM3': PermissionError(13, 'Accès refusé.', None, 5)", "windows"),
        ("could not open port 'COM3': FileNotFoundError(2, 'Le fichier est introuvable.')", "gone"),
    ],
)
def test_windows_com_port_errors(text: str, kind: str) -> None:
    error = ports.diagnose_open_error("COM3", serial.SerialException(text), platform="win32")
    if kind == "windows":
        assert isinstance(error, errors.PermissionDenied)
        assert "Gestionnaire de périphériques" in error.message
    else:
        assert isinstance(error, errors.RobotDisconnected)


class ChattyBoard:
    """A board without MicroPython on a pty: it prints sensor values, ignores what it gets."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        self.port = os.ttyname(self.slave)
        self.running = True
        self.thread = threading.Thread(target=self.chatter, daemon=True)
        self.thread.start()

    def chatter(self) -> None:
        os.set_blocking(self.master, False)
        while self.running:
            for action in (
                lambda: os.write(self.master, b"capteur=12\r\n" * 4),
                lambda: os.read(self.master, 1024),
            ):
                try:
                    action()
                except BlockingIOError:
                    pass
                except OSError:
                    return
            time.sleep(0.01)

    def close(self) -> None:
        self.running = False
        self.thread.join()
        os.close(self.master)
        os.close(self.slave)


@pytest.mark.parametrize(("family", "how"), [("microbit", "fichier .hex"), ("", "esptool")])
def test_a_board_without_micropython(family: str, how: str) -> None:
    board = ChattyBoard()
    try:
        with pytest.raises(errors.NotMicroPython) as raised:
            Robot.open(board.port, family_hint=family, timeout=1.0)
    finally:
        board.close()
    assert raised.value.message.startswith(
        f"La carte sur {board.port} répond, mais pas comme MicroPython."
    )
    assert how in raised.value.message
    assert raised.value.exit_code == 7


def test_a_silent_pico_is_busy_not_without_micropython() -> None:
    # 2E8A:0005 is the USB id of MicroPython itself on a Pico: it runs, but does not listen.
    board = ChattyBoard()
    try:
        with pytest.raises(errors.RobotBusy):
            Robot.open(board.port, family_hint="rp2", timeout=1.0)
    finally:
        board.close()


def test_unplugged_while_the_program_runs(make_robot: MakeRobot, flash: Path) -> None:
    install(flash, "from robot import *\nwhile True:\n    attendre(0.05)\n")
    virtual = make_robot(time_scale=1.0).plug()
    robot = Robot.open(virtual.port)
    threading.Timer(0.5, virtual.unplug).start()
    with pytest.raises(errors.RobotDisconnected) as raised:
        robot.run_program()
    robot.close()
    assert "Le robot ne répond plus (débranché ?)" in raised.value.message
    assert raised.value.exit_code == 8


def test_every_message_has_its_french_translation() -> None:
    from robocole.i18n import missing_translations

    assert missing_translations("robot_firmware") == []


def test_the_command_flashes_a_virtual_robot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "bon.py"
    good.write_text("from robot import *\nprint('Bonjour')\navancer(5)\n")
    bad = tmp_path / "mauvais.py"
    bad.write_text("from robot import *\navancer(5\n")
    folder = str(tmp_path / "robot")
    assert main(["flash", "--virtual", folder, "--time-scale", "0", str(good)]) == 0
    out, err = capsys.readouterr()
    assert "Bonjour" in out
    assert "Programme envoyé et vérifié" in out
    assert "moteurs : gauche 50 %, droite 50 %" in err
    assert main(["flash", "--virtual", folder, "--time-scale", "0", str(bad)]) == 10
    out, err = capsys.readouterr()
    assert "le programme est mal écrit" in err
    assert "Bibliothèque du robot : 0 fichier(s) mis à jour, 7 déjà à jour." in out


def test_the_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["flash", "--help"])
    assert "3 aucun robot" in capsys.readouterr().out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_follows_the_upload(make_robot: MakeRobot) -> None:
    screen = Terminal()
    bar = ProgressBar(screen)
    virtual = make_robot().plug()
    with Robot.open(virtual.port) as robot:
        robot.sync_library(progress=bar)
        robot.upload_program(b"# programme\n" * 1000, progress=bar)
    lines = [line for line in screen.getvalue().split("\r") if line.strip()]
    assert lines[-1] == "Programme            [" + "#" * 30 + "] 100 %\n"
    assert any(line.startswith("Bibliothèque du robot") and "100 %" in line for line in lines)
    assert any(" 0 %" not in line and "%" in line and "100 %" not in line for line in lines)


def test_the_virtual_robot_command_serves_the_flasher(tmp_path: Path) -> None:
    program = tmp_path / "programme.py"
    program.write_text("from robot import *\nprint('coucou')\navancer(10)\n")
    command = [sys.executable, "-m", "robocole", "robot", "--folder", str(tmp_path / "robot")]
    with subprocess.Popen(
        [*command, "--time-scale", "0", "--seconds", "30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ROBOCOLE_LANG": "fr"},
    ) as server:
        assert server.stdout is not None and server.stderr is not None
        first = server.stdout.readline()
        port = first.split(" sur ")[1].split(" ")[0]
        flashed = subprocess.run(
            [sys.executable, "-m", "robocole", "flash", "--port", port, str(program)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "ROBOCOLE_LANG": "fr"},
        )
        server.terminate()
        _, events = server.communicate(timeout=30)
    assert flashed.returncode == 0, flashed.stderr
    assert "coucou" in flashed.stdout
    assert "moteurs : gauche 50 %, droite 50 %" in events


def test_a_program_that_swallows_ctrl_c_needs_safe_mode(make_robot: MakeRobot, flash: Path) -> None:
    install(
        flash,
        "from robot import *\nprint('boucle')\nwhile True:\n    try:\n        attendre(0.05)\n"
        "    except KeyboardInterrupt:\n        pass\n",
    )
    virtual = make_robot(time_scale=1.0).plug()
    virtual.wait_for_output("boucle")
    with pytest.raises(errors.RobotBusy) as raised:
        Robot.open(virtual.port, family_hint="virtuel", timeout=1.5)
    assert "en tenant son bouton appuyé (mode sans échec" in raised.value.message
    assert raised.value.exit_code == 12
    # What the message says works: replugged with the button held, the robot listens.
    virtual.unplug()
    virtual.set_sensors(bouton=True)
    virtual.plug()
    with Robot.open(virtual.port) as robot:
        robot.upload_program(b"print('reparti')\n")
    assert (flash / "programme.py").read_bytes() == b"print('reparti')\n"


def test_a_port_named_by_hand_that_does_not_exist_has_no_robot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    program = tmp_path / "programme.py"
    program.write_text("print('bonjour')\n")
    with pytest.raises(errors.NoRobotOnPort) as raised:
        Robot.open("/dev/ttyACM97")
    assert raised.value.exit_code == 3
    assert raised.value.message.startswith(
        "Il n'y a pas de port série /dev/ttyACM97 sur cet ordinateur"
    )
    # The command says nothing of a robot it never found.
    assert main(["flash", "--port", "/dev/ttyACM97", str(program)]) == 3
    out = capsys.readouterr()
    assert "Robot sur" not in out.out
    assert "pas de port série /dev/ttyACM97" in out.err
    assert "ne répond plus" not in out.err


def test_a_robot_found_on_usb_then_gone_was_unplugged() -> None:
    # Listed a moment ago with a robot's USB id: it was there, so it was unplugged.
    with pytest.raises(errors.RobotDisconnected):
        Robot.open("/dev/ttyACM97", family_hint="rp2")


def test_a_port_where_nothing_answers_has_no_robot() -> None:
    master, slave = os.openpty()  # a serial line with nothing at the other end
    try:
        port = os.ttyname(slave)
        with pytest.raises(errors.NoRobotOnPort) as raised:
            Robot.open(port, timeout=1.0)
    finally:
        os.close(master)
        os.close(slave)
    assert raised.value.exit_code == 3
    assert raised.value.message.startswith(f"Rien ne répond sur {port} : aucun robot")
