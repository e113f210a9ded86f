"""The code that runs ON the robot, tested on real MicroPython (the virtual robot)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from robot_firmware.virtual import VirtualRobot
from tests.robot_firmware.conftest import install

MakeRobot = Callable[..., VirtualRobot]


def boot(make_robot: MakeRobot, flash: Path, program: str, **options: object) -> VirtualRobot:
    install(flash, program)
    robot = make_robot(**options).plug()
    robot.wait_for_event(lambda e: e["e"] == "pret")
    robot.wait_for_output(">>> ")
    return robot


def last_pose(robot: VirtualRobot) -> dict[str, float]:
    return robot.motor_events()[-1]


def test_a_program_drives_the_motors_as_asked(make_robot: MakeRobot, flash: Path) -> None:
    robot = boot(
        make_robot,
        flash,
        "from robot import *\nvitesse(50)\navancer(20)\ntourner(90)\navancer(10)\n",
    )
    commands = [(e["g"], e["d"]) for e in robot.motor_events()]
    assert commands[:6] == [(50, 50), (0, 0), (50, -50), (0, 0), (50, 50), (0, 0)]
    pose = last_pose(robot)
    # 20 cm ahead, a right turn (clockwise), then 10 cm: the robot ends up to the right.
    assert pose["x"] == pytest.approx(20, abs=0.5)
    assert pose["y"] == pytest.approx(10, abs=0.5)
    assert pose["cap"] == pytest.approx(90, abs=1.5)


def test_negative_angles_turn_left_and_english_names_work(
    make_robot: MakeRobot, flash: Path
) -> None:
    robot = boot(make_robot, flash, "from robot import *\nturn(-90)\nforward(10)\nbackward(4)\n")
    assert robot.motor_events()[0]["g"] < 0 < robot.motor_events()[0]["d"]
    pose = last_pose(robot)
    assert pose["cap"] == pytest.approx(-90, abs=1.5)
    assert pose["y"] == pytest.approx(-6, abs=0.5)


def test_an_error_stops_the_motors_and_is_explained_in_french(
    make_robot: MakeRobot, flash: Path
) -> None:
    robot = boot(make_robot, flash, "from robot import *\nmoteurs(60, 60)\nx = 1 / 0\n")
    robot.wait_for_event(lambda e: e["e"] == "ecran")
    assert [(e["g"], e["d"]) for e in robot.motor_events()][-1] == (0, 0)
    assert "[robot] Ligne 3 : division par zéro." in robot.output.decode()
    assert {"e": "led", "i": -1, "rgb": [255, 0, 0]}.items() <= next(
        e for e in robot.events if e["e"] == "led"
    ).items()


@pytest.mark.parametrize(
    ("program", "explanation"),
    [
        ("from robot import *\navancer(10\n", "le programme est mal écrit"),
        ("from robot import *\navnacer(10)\n", "le nom « avnacer » est inconnu"),
        ("from robot import *\nled('chocolat')\n", "couleur inconnue"),
        ("from robot import *\navancer('loin')\n", "la distance doit être un nombre"),
        ("import telephone\n", "module introuvable"),
        # The same sentences as the simulator's, for Python's own errors.
        ("n = 3\nprint('tour ' + n)\n", "Ligne 2 : on ne peut pas ajouter un texte et un nombre"),
        ("cotes = [20]\nprint(cotes[3])\n", "Ligne 2 : la liste n'a pas d'élément à cette place"),
        ("x = {}\nx.ajoute(1)\n", "Ligne 2 : ton programme s'est arrêté sur une erreur"),
    ],
)
def test_each_kind_of_mistake_has_its_sentence(
    make_robot: MakeRobot, flash: Path, program: str, explanation: str
) -> None:
    robot = boot(make_robot, flash, program)
    assert explanation in robot.output.decode()


def test_safe_mode_skips_the_program_when_the_button_is_held(
    make_robot: MakeRobot, flash: Path
) -> None:
    robot = boot(make_robot, flash, "from robot import *\navancer(10)\n", state={"bouton": True})
    assert "Mode sans échec" in robot.output.decode()
    assert robot.motor_events() == []


def test_boot_puts_back_the_previous_program_after_a_cut_upload(
    make_robot: MakeRobot, flash: Path
) -> None:
    install(flash)
    # The power went off between the two renames: only the backup and the new file are left.
    (flash / "programme.bak").write_text("print('ANCIEN PROGRAMME')\n")
    (flash / "programme.tmp").write_text("print('NOUVEAU PROGR")
    robot = make_robot().plug()
    robot.wait_for_output(">>> ")
    assert "ANCIEN PROGRAMME" in robot.output.decode()
    assert sorted(p.name for p in flash.glob("programme.*")) == ["programme.py"]


def test_a_slot_without_its_end_mark_is_never_started(make_robot: MakeRobot, flash: Path) -> None:
    install(flash)
    (flash / "prog_a.py").write_text("print('SLOT A COMPLET')\n#robocole:fin\n")
    (flash / "prog_b.py").write_text("print('SLOT B COUP")
    (flash / "prog.txt").write_text("b")
    robot = make_robot().plug()
    robot.wait_for_output(">>> ")
    assert "SLOT A COMPLET" in robot.output.decode()


def test_ctrl_c_stops_a_running_program_and_its_motors(make_robot: MakeRobot, flash: Path) -> None:
    install(flash, "from robot import *\nmoteurs(40, 40)\nwhile True:\n    attendre(0.05)\n")
    robot = make_robot(time_scale=1.0).plug()
    robot.wait_for_event(lambda e: e["e"] == "moteurs" and e["g"] == 40)
    with open(robot.port, "wb", buffering=0) as serial:
        serial.write(b"\x03")
        robot.wait_for_output("Programme arrêté depuis l'ordinateur.")
    # Events and serial output travel on separate pipes: wait for the stop to be recorded.
    robot.wait_for_event(lambda e: e["e"] == "moteurs" and e["g"] == 0)


def test_the_motor_watchdog_stops_motors_of_a_program_stuck_in_a_loop(
    make_robot: MakeRobot, flash: Path
) -> None:
    install(flash, "from robot import *\nmoteurs(50, 50)\nwhile True:\n    pass\n")
    robot = make_robot(watchdog_ms=300).plug()
    stop = robot.wait_for_event(lambda e: e.get("cause") == "chien de garde", timeout=5)
    assert (stop["g"], stop["d"]) == (0, 0)


WATCHDOG_CHECK = """
import robot, rb_materiel

class Clock:
    now = 0

class Motors:
    name = "test"; leds = 0; cm_per_s = 20; wheelbase_cm = 10
    def __init__(self): self.commands = []; self.timer = None
    def motors(self, left, right): self.commands.append((left, right))
    def ticks_ms(self): return Clock.now
    def every(self, ms, callback): self.timer = (ms, callback); return True
    def silence(self): pass

hw = Motors()
rb_materiel.use(hw)
robot.moteurs(30, 30)
Clock.now = 2000
print("AVANT", hw.timer[1]())
Clock.now = 6000
print("APRES", hw.timer[1](), hw.commands)
"""


def test_the_board_watchdog_logic_on_micropython(make_robot: MakeRobot, flash: Path) -> None:
    install(flash, WATCHDOG_CHECK)
    robot = make_robot().plug()
    output = robot.wait_for_output("APRES").decode()
    assert "AVANT False" in output
    assert "APRES True [(30, 30), (0, 0)]" in output


def test_sensors_reach_the_program(make_robot: MakeRobot, flash: Path) -> None:
    program = (
        "from robot import *\nprint('D', distance())\n"
        "while distance() > 10:\n    avancer(5)\nprint('L', ligne(), ligne('gauche'), bouton())\n"
        "bip('la', 0.1)\nled('bleu', 1)\n"
    )
    robot = boot(make_robot, flash, program, state={"mur": 40, "ligne": [1, 0, 0]})
    output = robot.output.decode()
    # From the robot's front, 6 cm ahead of its centre (robot_firmware/sensors.py).
    assert "D 34.0" in output
    assert "L (True, False, False) True False" in output
    assert last_pose(robot)["x"] == pytest.approx(25, abs=0.5)
    assert any(e["e"] == "son" and e["f"] == 440 for e in robot.events)
    assert any(e["e"] == "led" and e["i"] == 1 and e["rgb"] == [0, 0, 255] for e in robot.events)


SONAR_CHECK = """
import robot, rb_materiel

class Sonar:
    name = "test"; leds = 0; cm_per_s = 20; wheelbase_cm = 10
    def __init__(self): self.now = 1000; self.pings = []; self.slept = []
    def ticks_ms(self): return self.now
    def sleep_ms(self, ms): self.slept.append(ms); self.now += ms
    def distance_cm(self): self.pings.append(self.now); self.now += 3; return 51.5

hw = Sonar()
rb_materiel.use(hw)
print("D", robot.distance(), robot.distance())
hw.now += 100
robot.distance()
print("PINGS", hw.pings, hw.slept)
"""


def test_distance_waits_the_ultrasonic_measurement_cycle_on_micropython(
    make_robot: MakeRobot, flash: Path
) -> None:
    # HC-SR04 datasheet: over 60 ms from one ping to the next; a later call does not wait.
    install(flash, SONAR_CHECK)
    robot = make_robot().plug()
    output = robot.wait_for_output("PINGS").decode() + robot.wait_for_output("\n").decode()
    assert "D 51.5 51.5" in output
    assert "PINGS [1000, 1060, 1163] [57]" in output
