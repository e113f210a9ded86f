"""The ``robocole`` command: one subcommand per job, each owned by one part.

Only the module of the chosen subcommand is imported, so ``robocole flash`` on a classroom
PC never pays for importing the hub or nbgrader. A subcommand module provides
``configure(parser)``, which adds its arguments and sets ``handler`` (a function taking the
parsed arguments and returning an exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from robocole import __version__
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _


@dataclass(frozen=True)
class Command:
    name: str
    module: str
    summary: str
    #: The module's function that adds the arguments (one module may serve two commands).
    configure: str = "configure"


def commands() -> list[Command]:
    """The table of subcommands (a function so that summaries are translated at call time)."""
    return [
        Command("up", "classroom_app.cli_up", _("Install the demo data and start the platform.")),
        Command("classroom", "classroom_app.cli", _("Manage the classroom app (teachers, data).")),
        Command("flash", "robot_firmware.cli_flash", _("Send a program to the robot on USB.")),
        Command("robot", "robot_firmware.cli_virtual", _("Start a virtual robot for tests.")),
        Command(
            "station", "robot_firmware.cli_station", _("Flashing station: children send programs.")
        ),
        Command("curriculum", "curriculum.cli", _("Check the lessons and build nbgrader courses.")),
        Command("grade", "grader.cli", _("Grade lessons in a sandbox and send the results.")),
        Command("backup", "robocole.cli_backup", _("Save all the platform's data, even running.")),
        Command(
            "restore",
            "robocole.cli_backup",
            _("Bring a backup back (stop the platform first)."),
            "configure_restore",
        ),
    ]


def _top_parser(table: list[Command]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="robocole",
        description=_("Robocole: coding and robotics workshops for schools."),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(f"  {c.name:<12} {c.summary}" for c in table),
    )
    parser.add_argument("--version", action="version", version=f"robocole {__version__}")
    parser.add_argument("command", choices=[c.name for c in table], metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    table = commands()
    top = _top_parser(table)
    if not argv or argv[0].startswith("-"):
        top.parse_args(argv or ["--help"])
        return 0
    chosen = next((c for c in table if c.name == argv[0]), None)
    if chosen is None:
        top.parse_args(argv[:1])  # prints the list of commands and exits 2
        return 2
    module = importlib.import_module(chosen.module)
    parser = argparse.ArgumentParser(prog=f"robocole {chosen.name}", description=chosen.summary)
    getattr(module, chosen.configure)(parser)
    args = parser.parse_args(argv[1:])
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except RobocoleError as error:
        print(f"robocole {chosen.name}: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover - python -m robocole.cli
    sys.exit(main())
