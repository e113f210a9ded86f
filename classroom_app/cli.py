"""``robocole classroom …``: look after the classroom app from the command line."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from classroom_app.passwords import hash_password
from classroom_app.store import Store
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, default=None, help=_("data folder (default: ROBOCOLE_DATA or ./data)")
    )
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    init = commands.add_parser("init", help=_("create or upgrade the database"))
    init.set_defaults(handler=run_init)

    teacher = commands.add_parser("add-teacher", help=_("add a teacher account"))
    teacher.add_argument("email")
    teacher.add_argument("name", help=_("name shown to pupils, e.g. “Mme Diallo”"))
    teacher.add_argument("--school", default=None, help=_("school name (default: the first)"))
    teacher.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the password from standard input (for scripts)"),
    )
    teacher.set_defaults(handler=run_add_teacher)

    serve = commands.add_parser("serve", help=_("serve the classroom app"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--threads", type=int, default=8)
    serve.set_defaults(handler=run_serve)


def _app(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from classroom_app.app import create_app

    return create_app({"DATA_DIR": str(args.data)} if args.data else None)


def run_init(args: argparse.Namespace) -> int:
    app = _app(args)
    store = Store.open(app.config["DATABASE"])
    try:
        print(
            _(
                "Database ready (schema version %(v)s): %(path)s",
                v=store.schema_version(),
                path=app.config["DATABASE"],
            )
        )
    finally:
        store.close()
    return 0


def run_add_teacher(args: argparse.Namespace) -> int:
    app = _app(args)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(_("Password for %(email)s: ", email=args.email))
        if password != getpass.getpass(_("Same password again: ")):
            raise RobocoleError(_("The two passwords are different."))
    password_hash = hash_password(password)  # refuses a weak password before any write
    store = Store.open(app.config["DATABASE"])
    try:
        if store.teacher_by_email(args.email):
            raise RobocoleError(_("A teacher with this e-mail already exists."))
        school = store.first_school()
        school_id = (
            int(school["id"])
            if school and not args.school
            else store.create_school(args.school or _("My school"))
        )
        store.create_teacher(school_id, args.email, args.name, password_hash)
    finally:
        store.close()
    print(_("Teacher account created for %(email)s.", email=args.email))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from classroom_app.server import serve

    serve(_app(args), args.host, args.port, args.threads)
    return 0
