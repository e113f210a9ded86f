"""``robocole flash``: send a pupil's program to the robot on USB, and run it.

Installing it on a classroom PC (Windows, Linux or macOS, Python 3.11 or newer) is one
command in the Robocole folder: ``python -m pip install ".[robots]"`` (see docs/robots.md).
Exit codes are listed in :mod:`robot_firmware.errors`.
"""

from __future__ import annotations

import argparse
import codecs
import os
import sys
from pathlib import Path
from typing import Any, ClassVar

from robocole.i18n import N_
from robocole.i18n import gettext as _


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = _(
        "Exit codes: 0 done; 2 wrong use; 3 no robot; 4 several robots; 5 port busy; "
        "6 permission denied; 7 no MicroPython on the board; 8 robot unplugged; "
        "9 damaged transfer; 10 the program stopped on an error; 11 virtual robot "
        "unavailable; 12 a program on the robot does not stop (use safe mode); 130 stopped "
        "with Ctrl-C.\n\n"
        "MicroPython on the board: on a micro:bit, copy the MicroPython .hex file onto its "
        "MICROBIT drive; on a Raspberry Pi Pico, hold BOOTSEL while plugging it in and copy "
        "the MicroPython .uf2 file onto the RPI-RP2 drive."
    )
    parser.add_argument("program", nargs="?", type=Path, help=_("the pupil's program (.py)"))
    parser.add_argument("--port", help=_("serial port of the robot (COM3, /dev/ttyACM0...)"))
    parser.add_argument(
        "--robot", help=_("robot family (maqueen, kitronik, virtuel), if not detected")
    )
    parser.add_argument(
        "--list", action="store_true", help=_("list the robots plugged in and stop")
    )
    parser.add_argument(
        "--no-run", action="store_true", help=_("send the program without starting it")
    )
    parser.add_argument(
        "--duration",
        type=float,
        metavar=_("SECONDS"),
        help=_("stop the program after this many seconds"),
    )
    parser.add_argument(
        "--virtual",
        nargs="?",
        const="",
        metavar=_("FOLDER"),
        help=_("use a virtual robot whose files are kept in %(metavar)s"),
    )
    parser.add_argument(
        "--time-scale",
        type=float,
        default=1.0,
        help=_("virtual robot: real seconds per robot second (0: no waiting)"),
    )
    parser.add_argument(
        "--world",
        help=_("virtual robot: a simulator's world it drives in (ligne, mur...)"),
    )
    parser.set_defaults(handler=run)


def default_virtual_folder() -> Path:
    return Path(os.environ.get("ROBOCOLE_DATA", "data")) / "robot-virtuel"


class ProgressBar:
    """A one-line progress bar on stderr (only on a terminal)."""

    LABELS: ClassVar[dict[str, str]] = {"library": N_("Robot library"), "program": N_("Program")}

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.active = bool(getattr(self.stream, "isatty", lambda: False)())
        self.shown = False

    def __call__(self, label: str, done: int, total: int) -> None:
        if not self.active or total <= 0:
            return
        width = 30
        filled = width * done // total
        name = _(self.LABELS.get(label, label))
        percent = 100 * done // total
        self.stream.write(f"\r{name:<20} [{'#' * filled}{'.' * (width - filled)}] {percent:3d} %")
        self.shown = True
        if done >= total:
            self.end()

    def end(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False


def describe_event(event: dict[str, Any]) -> str:
    """A virtual robot's event, in words."""
    kind = event.get("e")
    if kind == "moteurs":
        text = _("motors: left %(left)s %%, right %(right)s %%", left=event["g"], right=event["d"])
        if event.get("cause"):
            text += f" ({event['cause']})"
        return text
    if kind == "led":
        return _("LED %(index)s: %(rgb)s", index=event["i"], rgb=tuple(event["rgb"]))
    if kind == "son":
        return _("sound %(hz)s Hz", hz=event["f"])
    if kind == "ecran":
        return _("display: %(text)s", text=event["texte"])
    return str(kind)


def _print_event(event: dict[str, Any]) -> None:
    if event.get("e") in {"moteurs", "led", "son", "ecran"}:
        label = _("virtual robot")
        print(f"  [{label}] {describe_event(event)}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from robot_firmware import ports
    from robot_firmware.errors import ProgramFailed
    from robot_firmware.flasher import Robot, read_program

    if args.list:
        robots = ports.find_robots()
        if not robots:
            print(_("No robot found."))
        for found in robots:
            print(f"{found.device}\t{found.family}\t{found.description}")
        return 0
    if args.program is None:
        print(_("Say which program to send, for example: robocole flash program.py"))
        return 2
    source = read_program(args.program)

    virtual = None
    if args.virtual is not None:
        from robot_firmware.cli_virtual import virtual_robot_options
        from robot_firmware.virtual import VirtualRobot

        folder = Path(args.virtual) if args.virtual else default_virtual_folder()
        virtual = VirtualRobot(
            folder,
            time_scale=args.time_scale,
            on_event=_print_event,
            **virtual_robot_options(args),  # type: ignore[arg-type]
        )
        virtual.plug()
        port, family = virtual.port, virtual.family
        print(_("Virtual robot on %(port)s (files in %(folder)s).", port=port, folder=folder))
    else:
        plugged = ports.choose_robot(args.port)
        port, family = plugged.device, plugged.family

    bar = ProgressBar()
    try:
        with Robot.open(port, family_hint=family) as robot:
            if virtual is None:  # said once it answered: a wrong port is told otherwise
                print(_("Robot on %(port)s.", port=port))
            report = robot.sync_library(args.robot, configure=bool(args.robot), progress=bar)
            bar.end()
            print(
                _(
                    "Robot library: %(changed)d file(s) updated, %(unchanged)d up to date.",
                    changed=len(report.changed),
                    unchanged=len(report.unchanged),
                )
            )
            upload = robot.upload_program(source, progress=bar)
            bar.end()
            print(
                _(
                    "Program sent and checked: %(size)d bytes in %(seconds).2f s.",
                    size=upload.size,
                    seconds=upload.seconds,
                )
            )
            if args.no_run:
                return 0
            print(_("The program runs (Ctrl-C stops it):"), flush=True)
            decoder = codecs.getincrementaldecoder("utf-8")("replace")

            def show(data: bytes) -> None:
                sys.stdout.write(decoder.decode(data))
                sys.stdout.flush()

            result = robot.run_program(show, time_limit=args.duration)
            if not result.ok:
                raise ProgramFailed(result.messages[-1][8:] if result.messages else "")
            print(_("The program has ended."))
            return 0
    finally:
        bar.end()
        if virtual is not None:
            virtual.unplug()
