"""The hardware layers of real robots on MicroPython, and stock mpremote on the virtual robot.

The Kitronik and Maqueen layers run here on real MicroPython (the virtual robot), over small
stand-ins for the ``machine``/``microbit`` modules that print each pin operation: the layer
code is the one installed on robots, only the pins are not real.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from robot_firmware.flasher import library_files
from robot_firmware.virtual import VirtualRobot
from tests.robot_firmware.conftest import install

MakeRobot = Callable[..., VirtualRobot]

FAKE_MACHINE = """
class Pin:
    IN = 0; OUT = 1; PULL_DOWN = 2
    def __init__(self, n, *a): self.n = n
    def value(self, v=None):
        if v is None: return 0
        print("PIN", self.n, v)
class PWM:
    def __init__(self, pin): self.n = pin.n
    def freq(self, hz): print("FREQ", self.n, hz)
    def duty_u16(self, d): print("PWM", self.n, d)
class ADC:
    def __init__(self, n): self.n = n
    def read_u16(self): return 50000 if self.n == 28 else 1000
class Timer:
    PERIODIC = 1
    def __init__(self, period, mode, callback): print("TIMER", period)
    def deinit(self): pass
def time_pulse_us(pin, level, timeout): return 1166
"""

FAKE_NEOPIXEL = """
class NeoPixel:
    def __init__(self, pin, n): self.n = n
    def __setitem__(self, i, rgb): print("PIXEL", i, rgb)
    def fill(self, rgb): print("FILL", rgb)
    def write(self): print("SHOW")
    show = write
"""

FAKE_MICROBIT = """
class _Pin:
    def __init__(self, n): self.n = n
    def write_digital(self, v): print("DIGITAL", self.n, v)
    def read_digital(self): return 0 if self.n == 13 else 1
for _n in range(21):
    globals()["pin%d" % _n] = _Pin(_n)
class i2c:
    @staticmethod
    def write(address, data): print("I2C", hex(address), list(data))
class button_a:
    @staticmethod
    def is_pressed(): return False
class display:
    @staticmethod
    def scroll(text, wait=True): print("DISPLAY", text)
def sleep(ms): pass
def run_every(callback, ms): print("EVERY", ms)
"""

FAKE_MUSIC = """
def pitch(hz, duration=-1, pin=None, wait=True): print("PITCH", hz, pin.n)
def stop(pin=None): print("STOP", pin.n)
"""

PROGRAM = (
    "from robot import *\nvitesse(50)\navancer(10)\nreculer(5)\nprint('D', distance())\n"
    "print('L', ligne())\nled('rouge', 0)\nbip('la', 0.01)\n"
)


def run_on(make_robot: MakeRobot, flash: Path, family: str, fakes: dict[str, str]) -> str:
    install(flash, PROGRAM)
    for name, data in library_files(family, configure=True).items():
        (flash / name).write_bytes(data)
    for name, source in fakes.items():
        (flash / f"{name}.py").write_text(source)
    robot = make_robot().plug()
    robot.wait_for_event(lambda e: e["e"] == "pret")
    # Output and events come on separate pipes: the prompt is the output's last line.
    return robot.wait_for_output(">>> ").decode()


def test_the_kitronik_layer_drives_its_pwm_pins(make_robot: MakeRobot, flash: Path) -> None:
    output = run_on(
        make_robot, flash, "kitronik", {"machine": FAKE_MACHINE, "neopixel": FAKE_NEOPIXEL}
    )
    assert "Traceback" not in output, output
    lines = output.splitlines()
    forward = lines.index("PWM 20 32767")  # left motor forward at 50 %
    assert lines[forward - 1 : forward + 3] == [
        "PWM 19 0",
        "PWM 20 32767",
        "PWM 7 0",
        "PWM 6 32767",
    ]
    assert "PWM 19 32767" in lines  # backwards: the reverse pins
    assert "D 20.0" in lines  # 1166 us of echo
    assert "L (True, False, False)" in lines  # left sensor over the black line
    assert "PIXEL 0 (255, 0, 0)" in lines
    assert "FREQ 16 440" in lines


def test_the_maqueen_layer_talks_to_its_motor_driver(make_robot: MakeRobot, flash: Path) -> None:
    fakes = {
        "microbit": FAKE_MICROBIT,
        "neopixel": FAKE_NEOPIXEL,
        "music": FAKE_MUSIC,
        "machine": FAKE_MACHINE,
    }
    output = run_on(make_robot, flash, "maqueen", fakes)
    assert "Traceback" not in output, output
    lines = output.splitlines()
    assert "I2C 0x10 [0, 0, 127]" in lines and "I2C 0x10 [2, 0, 127]" in lines
    assert "I2C 0x10 [0, 1, 127]" in lines  # backwards
    assert "I2C 0x10 [2, 0, 0]" in lines  # stopped
    assert "L (True, False)" in lines
    assert "DIGITAL 8 1" in lines  # left red LED
    assert "PITCH 440 0" in lines and "STOP 0" in lines


def mpremote(port: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mpremote", "connect", port, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_stock_mpremote_talks_to_the_virtual_robot(
    make_robot: MakeRobot, flash: Path, tmp_path: Path
) -> None:
    install(flash)
    robot = make_robot().plug()
    program = tmp_path / "programme.py"
    program.write_text("from robot import *\nprint('via mpremote')\navancer(10)\n")
    copied = mpremote(robot.port, "fs", "cp", str(program), ":programme.py")
    assert copied.returncode == 0, copied.stderr
    assert (flash / "programme.py").read_text() == program.read_text()
    listing = mpremote(robot.port, "fs", "ls")
    assert "programme.py" in listing.stdout and "robot.py" in listing.stdout
    missing = mpremote(robot.port, "fs", "ls", ":absent")
    assert "No such file or directory" in missing.stderr
    ran = mpremote(robot.port, "exec", "import rb_demarrage; rb_demarrage.run()")
    assert ran.stdout.strip() == "via mpremote"
    robot.wait_for_event(lambda e: e["e"] == "moteurs" and e["g"] == 0 and e["x"] > 9)
