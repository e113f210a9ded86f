"""``robocole station``: the flashing station, a web page on this PC for children to send
their program to a robot. It listens on 127.0.0.1 only.

The school server (the classroom app) checks the pupils' picture logins; without it, or when
it does not answer, pupils pick their program file. Example::

    robocole station --school http://ecole.local:8000 --programs /srv/programmes
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import threading
import webbrowser
from pathlib import Path
from typing import Any

from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

DEFAULT_PORT = 8765


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--school",
        default=os.environ.get("ROBOCOLE_SCHOOL_URL", ""),
        help=_("address of the school server for picture logins (or ROBOCOLE_SCHOOL_URL)"),
    )
    parser.add_argument(
        "--token-file",
        type=Path,
        help=_("file holding the school server's service token (or ROBOCOLE_SCHOOL_TOKEN)"),
    )
    parser.add_argument(
        "--programs",
        type=Path,
        help=_("folder of the pupils' programs, one sub-folder per pupil's user name"),
    )
    parser.add_argument(
        "--teacher-code",
        # From the environment, the code stays out of the process list of the shared PC.
        default=os.environ.get("ROBOCOLE_TEACHER_CODE", ""),
        help=_("code the teacher types to name the robots (or ROBOCOLE_TEACHER_CODE)"),
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=_("port of the page on 127.0.0.1")
    )
    parser.add_argument(
        "--virtual", type=int, default=0, metavar="N", help=_("also start N virtual robots")
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("ROBOCOLE_DATA", "data")),
        help=_("folder for the robots' names and the virtual robots' files"),
    )
    parser.add_argument("--open", action="store_true", help=_("open the page in the browser"))
    parser.set_defaults(handler=run)


def _port_free(port: int) -> bool:
    """Whether the station can listen on ``port`` of the loopback (as waitress binds it)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def run(args: argparse.Namespace) -> int:
    from waitress import create_server

    from robot_firmware.station.robots import Names, Station, virtual_lister
    from robot_firmware.station.school import School
    from robot_firmware.station.web import create_app

    token = os.environ.get("ROBOCOLE_SCHOOL_TOKEN", "")
    if args.token_file is not None:
        try:
            token = args.token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            raise RobocoleError(
                _(
                    "The token file %(path)s cannot be read: check the path given to --token-file.",
                    path=args.token_file,
                )
            ) from None
    robots: list[Any] = []  # filled once the port is ours; the lister reads it when asked
    station = Station(
        virtual_lister(robots) if args.virtual else None, Names(args.data / "station-robots.json")
    )
    app = create_app(
        station,
        school=School(args.school, token),
        programs=args.programs,
        teacher_code=args.teacher_code,
    )
    # The port first: a second station (a launcher clicked twice) stops here, before any
    # virtual robot (waitress leaves its sockets open when its own bind fails).
    if not _port_free(args.port):
        raise RobocoleError(
            _(
                "Port %(port)s of this computer is already used, perhaps by a station already "
                "running: open http://127.0.0.1:%(port)s/, or choose another port with --port.",
                port=args.port,
            )
        )
    # Loopback only: the station must never be reachable from the school network.
    server = create_server(app, host="127.0.0.1", port=args.port, threads=8)
    try:
        if args.virtual:
            from robot_firmware.flasher import library_files
            from robot_firmware.virtual import VirtualRobot

            for number in range(1, args.virtual + 1):
                folder = args.data / "station-virtuel" / str(number)
                folder.mkdir(parents=True, exist_ok=True)
                for name, data in library_files("virtuel").items():
                    (folder / name).write_bytes(data)
                robots.append(VirtualRobot(folder).plug())
        url = f"http://127.0.0.1:{args.port}/"
        print(_("Flashing station on %(url)s (Ctrl-C to stop).", url=url), flush=True)
        if args.open:
            threading.Timer(0.5, webbrowser.open, (url,)).start()
        server.run()
    finally:
        server.close()
        station.close()
        for robot in robots:
            robot.unplug()
    return 0
