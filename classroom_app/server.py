"""Serving the app with waitress, a production WSGI server that also runs on Windows."""

from __future__ import annotations

import logging

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from classroom_app import overload


def serve(
    app: Flask,
    host: str,
    port: int,
    threads: int = 8,
    behind_proxy: bool = False,
    max_wait: float = overload.DEFAULT_MAX_WAIT,
) -> None:
    import waitress

    application = ProxyFix(app.wsgi_app, x_for=1, x_proto=1) if behind_proxy else app
    # Overloaded, a request that waited too long for a thread is answered « busy » at once
    # (overload.py): waitress's own queue has no bound and made callers wait past time-outs.
    dispatcher = overload.QueueTimedDispatcher(max_wait)
    dispatcher.set_thread_count(threads)
    # Waitress warns at every request that finds no free thread (thousands of lines a minute
    # under load); the dispatcher's own warning says how many were answered « busy ».
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    # A class of browsers keeps idle keep-alive connections open: waitress's default limit of
    # 100 connections makes the 101st pupil wait, so allow a school's worth and close idle
    # connections sooner.
    waitress.serve(
        overload.ShedLoad(application),
        _dispatcher=dispatcher,
        host=host,
        port=port,
        threads=threads,
        connection_limit=2000,
        channel_timeout=30,
        ident="robocole",
    )
