"""What can go wrong when a teacher or a pupil sends a program to a robot.

Each error is one sentence the person at the classroom PC can act on, in their language, and
an exit code that scripts can test (``robocole flash``'s documented codes, also in
``docs/robots.md``):

==  ==========================================================
0   the program was sent (and ran without error)
2   wrong use of the command (unknown option, file missing)
3   no robot plugged in (or none on the port named)
4   several robots plugged in: say which one with ``--port``
5   the serial port is used by another program
6   no permission to use the serial port
7   the board does not run MicroPython yet
8   the robot was unplugged or stopped answering
9   the transfer was damaged (checked, not installed)
10  the pupil's program stopped on an error on the robot
11  the virtual robot cannot start (Node.js or its package missing)
12  the robot runs a program that does not let itself be stopped
130 stopped with Ctrl-C
==  ==========================================================
"""

from __future__ import annotations

from robocole.errors import RobocoleError
from robocole.i18n import gettext as _


class FlashError(RobocoleError):
    """Sending the program to the robot failed."""

    exit_code = 8


class NoRobot(FlashError):
    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            _(
                "No robot found. Plug the robot into this computer with a USB data cable "
                "(some cables only charge) and switch it on. A Raspberry Pi Pico that shows "
                "up as a drive named RPI-RP2 has no MicroPython yet; see "
                "'robocole flash --help'."
            )
        )


class NoRobotOnPort(NoRobot):
    """Nothing was ever there: the port named does not exist, or nothing answers on it.

    Told apart from :class:`RobotDisconnected` (a robot that answered, then stopped): the
    teacher checks the port's name or the cable, not the robot.
    """

    def __init__(self, port: str, exists: bool) -> None:
        self.port = port
        self.exists = exists
        if exists:
            message = _(
                "Nothing answers on %(port)s: no robot is plugged in there, or it is switched "
                "off. Check the port's name ('robocole flash --list' lists the robots found) "
                "and switch the robot on.",
                port=port,
            )
        else:
            message = _(
                "There is no serial port %(port)s on this computer: no robot is plugged in "
                "there. Check the port's name ('robocole flash --list' lists the robots "
                "found) and the USB cable.",
                port=port,
            )
        FlashError.__init__(self, message)


class SeveralRobots(FlashError):
    exit_code = 4

    def __init__(self, ports: list[str]) -> None:
        self.ports = ports
        super().__init__(
            _(
                "Several robots are plugged in (%(ports)s). Unplug the others or choose "
                "one, for example: robocole flash --port %(first)s program.py",
                ports=", ".join(ports),
                first=ports[0],
            )
        )


class PortBusy(FlashError):
    exit_code = 5

    def __init__(self, port: str, holders: list[str] | None = None) -> None:
        self.port = port
        self.holders = holders or []
        if self.holders:
            message = _(
                "The robot on %(port)s is used by another program (%(holders)s). Close it "
                "(Thonny, Mu, a serial monitor, another robocole window), then try again.",
                port=port,
                holders=", ".join(self.holders),
            )
        else:
            message = _(
                "The robot on %(port)s is used by another program. Close the programs that "
                "can talk to robots (Thonny, Mu, Arduino, a serial monitor, a web page using "
                "the robot), then try again.",
                port=port,
            )
        super().__init__(message)


class PermissionDenied(FlashError):
    exit_code = 6

    def __init__(self, port: str, windows: bool = False) -> None:
        self.port = port
        if windows:
            message = _(
                "Windows refuses access to %(port)s. Close any program using the robot; if "
                "that is not it, open the Device Manager, check the port under 'Ports (COM "
                "and LPT)' and install the driver of the robot's USB chip (CP210x or CH340).",
                port=port,
            )
        else:
            message = _(
                "This account may not use %(port)s. Ask the administrator of the computer to "
                "run once: sudo usermod -aG dialout USER (with the teacher's or pupils' user "
                "name), then log out and in again.",
                port=port,
            )
        super().__init__(message)


class NotMicroPython(FlashError):
    exit_code = 7

    def __init__(self, port: str, family: str = "") -> None:
        self.port = port
        if family == "microbit":
            how = _(
                "Install it by copying the MicroPython .hex file (from python.microbit.org) "
                "onto the MICROBIT drive that appears when the micro:bit is plugged in."
            )
        elif family == "rp2":
            how = _(
                "Install it by holding the BOOTSEL button while plugging the Pico in, then "
                "copying the MicroPython .uf2 file onto the RPI-RP2 drive."
            )
        else:
            how = _(
                "Install MicroPython on the board first (for ESP32 boards: pip install "
                "esptool, then follow micropython.org/download for the board)."
            )
        super().__init__(
            _(
                "The board on %(port)s answers, but not as MicroPython does. %(how)s",
                port=port,
                how=how,
            )
        )


class RobotDisconnected(FlashError):
    exit_code = 8

    def __init__(self, port: str = "") -> None:
        super().__init__(
            _(
                "The robot stopped answering (unplugged?). Plug it back in and send the "
                "program again: the robot still has its previous program."
            )
        )


class TransferCorrupted(FlashError):
    exit_code = 9

    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                "The copy of %(name)s on the robot does not match the file sent (bad cable or "
                "connection?). Nothing was replaced: try again, with another cable if needed.",
                name=name,
            )
        )


class TransferStopped(FlashError):
    """Stop was asked while a file was sent: nothing more is sent, nothing is replaced."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__(_("Sending stopped: the robot kept its previous program."))


class ProgramFailed(FlashError):
    exit_code = 10

    def __init__(self, explanation: str = "") -> None:
        super().__init__(
            _(
                "The program stopped on an error on the robot: %(explanation)s",
                explanation=explanation,
            )
            if explanation
            else _("The program stopped on an error on the robot.")
        )


class ProgramNotFound(FlashError):
    exit_code = 2

    def __init__(self, path: str) -> None:
        super().__init__(_("The program file %(path)s does not exist.", path=path))


class VirtualRobotUnavailable(FlashError):
    exit_code = 11

    def __init__(self) -> None:
        super().__init__(
            _(
                "The virtual robot needs Node.js and the npm package "
                "@micropython/micropython-webassembly-pyscript: run 'npm ci' in the Robocole "
                "folder (bash scripts/test does it)."
            )
        )


class RobotError(FlashError):
    exit_code = 8

    def __init__(self, detail: str) -> None:
        if "ENOSPC" in detail or "Errno 28" in detail:
            message = _(
                "The robot's memory is full: remove the files it no longer needs (for "
                "example with mpremote), then try again."
            )
        else:
            message = _("The robot reported an error: %(detail)s", detail=detail)
        super().__init__(message)


class UnknownFamily(FlashError):
    exit_code = 2

    def __init__(self, family: str, known: list[str]) -> None:
        super().__init__(
            _(
                "Unknown robot family %(family)s; known families: %(known)s.",
                family=family,
                known=", ".join(known),
            )
        )


class FamilyNeeded(FlashError):
    exit_code = 2

    def __init__(self, platform: str, known: list[str]) -> None:
        super().__init__(
            _(
                "This board (%(platform)s) is not one of the robots Robocole knows by itself: "
                "say which robot it is with --robot (%(known)s).",
                platform=platform,
                known=", ".join(known),
            )
        )


class RobotBusy(FlashError):
    exit_code = 12

    def __init__(self, port: str) -> None:
        self.port = port
        super().__init__(
            _(
                "The robot on %(port)s runs a program that does not let itself be stopped. "
                "Unplug the robot, plug it back in while holding its button (safe mode: the "
                "program does not start), then send the program again.",
                port=port,
            )
        )
