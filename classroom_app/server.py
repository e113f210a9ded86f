"""Serving the app with waitress, a production WSGI server that also runs on Windows."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


def serve(app: Flask, host: str, port: int, threads: int = 8, behind_proxy: bool = False) -> None:
    import waitress

    application = ProxyFix(app.wsgi_app, x_for=1, x_proto=1) if behind_proxy else app
    waitress.serve(application, host=host, port=port, threads=threads, ident="robocole")
