"""``robocole robot``: start a virtual robot (real MicroPython) on a serial port of this PC.

It answers like a robot plugged in by USB: ``robocole flash --port PORT program.py`` or
``mpremote connect PORT`` talk to it. What its motors, LEDs and buzzer do is printed.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from robocole.i18n import gettext as _


def add_robot_options(parser: argparse.ArgumentParser) -> None:
    """--robot and --world: which robot the virtual robot plays, and on which table."""
    parser.add_argument(
        "--robot",
        default=None,
        help=_("robot family to play (maqueen, kitronik, virtuel)"),
    )
    parser.add_argument(
        "--world",
        help=_("a simulator's world the robot drives in (ligne, mur...): its sensors read it"),
    )


def virtual_robot_options(args: argparse.Namespace) -> dict[str, object]:
    """VirtualRobot's keyword arguments for --robot and --world."""
    options: dict[str, object] = {}
    if args.robot:
        options["family"] = args.robot
    if args.world:
        from robot_firmware.sim.world import load_world

        options["world"] = load_world(args.world)
    return options


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--folder", type=Path, help=_("folder that keeps the robot's files (its flash memory)")
    )
    parser.add_argument(
        "--time-scale",
        type=float,
        default=1.0,
        help=_("real seconds per robot second (0: no waiting)"),
    )
    parser.add_argument("--wall", type=float, help=_("a wall this many cm ahead of the robot"))
    add_robot_options(parser)
    parser.add_argument(
        "--seconds", type=float, help=_("stop after this many seconds (default: Ctrl-C)")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from robot_firmware.cli_flash import _print_event, default_virtual_folder
    from robot_firmware.virtual import VirtualRobot

    folder = args.folder or default_virtual_folder()
    state = {"mur": args.wall} if args.wall is not None else {}
    robot = VirtualRobot(
        folder,
        time_scale=args.time_scale,
        state=state,
        on_event=_print_event,
        **virtual_robot_options(args),  # type: ignore[arg-type]
    )
    # Stopped by a service manager or a test: unplug cleanly, as for Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    robot.plug()
    print(_("Virtual robot on %(port)s (files in %(folder)s).", port=robot.port, folder=folder))
    print(_("Send it a program: robocole flash --port %(port)s program.py", port=robot.port))
    sys.stdout.flush()
    try:
        threading.Event().wait(args.seconds)
    finally:
        robot.unplug()
    return 0
