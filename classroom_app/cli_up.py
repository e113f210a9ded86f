"""``robocole up``: start the platform on its embedded defaults (SQLite, local processes).

By default the whole platform: JupyterHub with the picture login, the classroom app and the
grader as hub services (``hub_config.platform``). ``--classroom-only`` starts just the
classroom app with its own logins, as before the hub existed (no root needed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from robocole.i18n import gettext as _


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=None, help=_("data folder"))
    parser.add_argument("--host", default="127.0.0.1", help=_("address to listen on"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--public-url",
        default=None,
        help=_(
            "the address pupils and badge verifiers use (default: http://HOST:PORT; "
            "ROBOCOLE_PUBLIC_URL)"
        ),
    )
    parser.add_argument("--no-demo", action="store_true", help=_("do not create the demo class"))
    parser.add_argument(
        "--classroom-only",
        action="store_true",
        help=_("start only the classroom app, without JupyterHub and the grader"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.classroom_only:
        from classroom_app.config import data_directory
        from hub_config.platform import Ports
        from hub_config.platform import run as run_platform

        data = (args.data or data_directory()).resolve()
        ports = Ports(hub=args.port)
        return run_platform(data, args.host, ports, demo=not args.no_demo, public=public_url(args))
    return run_classroom(args)


def public_url(args: argparse.Namespace) -> str:
    """The platform's one public address: badges carry it, whatever Host a request names."""
    import os
    import socket

    given = args.public_url or os.environ.get("ROBOCOLE_PUBLIC_URL")
    if given:
        return str(given).rstrip("/")
    # Listening on every address: the machine's name is what the school's PCs know it by.
    host = socket.gethostname() if args.host in ("0.0.0.0", "::", "") else args.host
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{args.port}"


def run_classroom(args: argparse.Namespace) -> int:
    from classroom_app.app import create_app
    from classroom_app.demo import seed_demo
    from classroom_app.server import serve
    from classroom_app.store import Store

    settings = {"PUBLIC_URL": public_url(args)}
    app = create_app({**settings, "DATA_DIR": str(args.data)} if args.data else settings)
    if not args.no_demo:
        store = Store.open(app.config["DATABASE"])
        try:
            demo = seed_demo(
                store, app.extensions["robocole.manifest"], Path(app.config["DATA_DIR"])
            )
        finally:
            store.close()
        print(_("Demo teacher: %(email)s / %(password)s", email=demo.email, password=demo.password))
        print(_("Demo class code: %(code)s", code=demo.class_code))
    print(
        _(
            "Robocole is ready: http://%(host)s:%(port)s/ (Ctrl+C to stop)",
            host=args.host,
            port=args.port,
        )
    )
    serve(app, args.host, args.port)
    return 0
