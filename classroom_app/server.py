"""Serving the app with waitress, a production WSGI server that also runs on Windows."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def serve(app: Flask, host: str, port: int, threads: int = 8, behind_proxy: bool = False) -> None:
    import waitress

    application = ProxyFix(app.wsgi_app, x_for=1, x_proto=1) if behind_proxy else app
    # A class of browsers keeps idle keep-alive connections open: waitress's default limit of
    # 100 connections makes the 101st pupil wait, so allow a school's worth and close idle
    # connections sooner.
    waitress.serve(
        application,
        host=host,
        port=port,
        threads=threads,
        connection_limit=2000,
        channel_timeout=30,
        ident="robocole",
    )
