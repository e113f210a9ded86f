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

    purge = commands.add_parser(
        "purge",
        help=_("end of the school year: export the families' badges, then erase pupils' data"),
    )
    purge.add_argument(
        "--class",
        dest="class_code",
        default=None,
        help=_("purge this class now (default: every class past its retention date)"),
    )
    purge.add_argument(
        "--dry-run", action="store_true", help=_("say what would be erased; change nothing")
    )
    purge.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    purge.add_argument(
        "--export-dir",
        type=Path,
        default=None,
        help=_("where the families' exports go (default: EXPORT_DIR)"),
    )
    purge.add_argument(
        "--public-url",
        default=None,
        help=_("the platform's public address, for the badges (default: ROBOCOLE_PUBLIC_URL)"),
    )
    purge.set_defaults(handler=run_purge)

    token = commands.add_parser(
        "token",
        help=_("the internal API's service tokens: one per caller, with only its rights"),
    )
    token.add_argument("action", choices=["list", "rotate", "revoke"])
    token.add_argument("caller", nargs="?", default=None, help=_("hub, station or grader"))
    token.add_argument(
        "--file",
        type=Path,
        default=None,
        help=_("write the new token to this file (readable by its owner only), not the screen"),
    )
    token.set_defaults(handler=run_token)

    serve = commands.add_parser("serve", help=_("serve the classroom app"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--threads", type=int, default=8)
    serve.add_argument(
        "--busy-after",
        type=float,
        default=None,
        help=_("seconds a request may wait for a thread before it is answered 'very busy'"),
    )
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


def run_purge(args: argparse.Namespace) -> int:
    from classroom_app import openbadges, privacy

    app = _app(args)
    manifest = app.extensions["robocole.manifest"]
    store = Store.open(app.config["DATABASE"])
    try:
        if args.class_code:
            klass = store.class_by_code(args.class_code)
            if klass is None:
                raise RobocoleError(_("No class has the code %(code)s.", code=args.class_code))
            due = [klass]
        else:
            due = privacy.classes_due(store, app.config)
        if not due:
            print(_("No class to purge."))
            return 0
        issuer = openbadges.issuer_from_config(app.config, store, args.public_url)
        export_root = Path(args.export_dir or app.config["EXPORT_DIR"])
        if not args.dry_run and not args.yes:
            _confirm(len(due))
        for klass in due:
            report = privacy.purge_class(
                store,
                manifest,
                issuer,
                klass,
                export_root,
                dry_run=args.dry_run,
                data_dir=Path(app.config["DATA_DIR"]),
            )
            if report.dry_run:
                print(
                    _(
                        "Class %(code)s: %(n)s pupils would be erased (nothing changed).",
                        code=report.class_code,
                        n=report.pupils,
                    )
                )
            else:
                print(
                    _(
                        "Class %(code)s: %(n)s pupils erased; families' badges in %(folder)s",
                        code=report.class_code,
                        n=report.pupils,
                        folder=report.export_folder or "—",
                    )
                )
    finally:
        store.close()
    return 0


def _confirm(classes: int) -> None:
    if not sys.stdin.isatty():
        raise RobocoleError(_("Add --yes to purge without a question, or --dry-run to look first."))
    answer = input(_("Erase the pupils of %(n)s classes? Type yes: ", n=classes))
    if answer.strip().lower() not in ("yes", "oui", _("yes")):
        raise RobocoleError(_("Nothing was erased."))


def run_token(args: argparse.Namespace) -> int:
    from classroom_app import tokens

    if args.action != "list" and args.caller not in tokens.CALLERS:
        raise RobocoleError(
            _(
                "Say whose token: %(callers)s.",
                callers=", ".join(tokens.CALLERS),
            )
        )
    from classroom_app import config

    # The database only (no manifest, no secrets): tokens are kept hashed there.
    settings = config.build({"DATA_DIR": str(args.data)} if args.data else None)
    Path(settings["DATABASE"]).parent.mkdir(parents=True, exist_ok=True)
    store = Store.open(settings["DATABASE"])
    try:
        store.migrate()
        if args.action == "list":
            made = store.service_tokens()
            for name, caller in tokens.CALLERS.items():
                when = made.get(name) or _("no token")
                print(f"{name:<8} {when:<28} {_(caller.summary)}")
            return 0
        if args.action == "revoke":
            store.revoke_service_token(args.caller)
            print(_("The %(caller)s token no longer works.", caller=args.caller))
            return 0
        token = tokens.rotate(store, args.caller)
    finally:
        store.close()
    if args.file is not None:
        write_secret(args.file, token)
        print(
            _(
                "New %(caller)s token written to %(path)s; the old one no longer works.",
                caller=args.caller,
                path=args.file,
            )
        )
    else:
        print(token)
        print(
            _("Give it to the %(caller)s only; the old token no longer works.", caller=args.caller),
            file=sys.stderr,
        )
    return 0


def write_secret(path: Path, secret: str) -> None:
    """Write ``secret`` to ``path``, readable by its owner only, replacing it whole."""
    import os

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".new")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secret + "\n")
    os.replace(partial, path)


def run_serve(args: argparse.Namespace) -> int:
    from classroom_app.overload import DEFAULT_MAX_WAIT
    from classroom_app.server import serve

    wait = DEFAULT_MAX_WAIT if args.busy_after is None else args.busy_after
    serve(_app(args), args.host, args.port, args.threads, max_wait=wait)
    return 0
