"""Run the classroom app as a JupyterHub-managed service on one school server.

The hub starts this with its service environment (``JUPYTERHUB_SERVICE_PREFIX``, the service's
API token, …); the classroom app then signs people in through the hub (``hub_login``) and
answers under ``/services/classroom/``. On Kubernetes the classroom app's Deployment runs
``robocole classroom serve`` with the same environment instead.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hub_config.classroom_service")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8010)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)

    from classroom_app.app import create_app
    from classroom_app.server import serve

    serve(create_app(), args.host, args.port, threads=args.threads)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
