"""Under overload, answer at once « very busy, try again » instead of making callers wait.

Seen with ``bench/classroom_load.py --hog`` (300 pupils, a CPU and disk hog on the same two
cores): the app served fewer requests than the class sent, waitress's queue of received
requests has no bound, and requests waited there past the clients' time-outs.

So the server notes when each request was received (``QueueTimedDispatcher``, waitress's
thread pool), and ``ShedLoad`` answers a request that already waited longer than
``max_wait`` with a 503 and ``Retry-After``, without running the app: no database, no
template, so the queue drains and every caller hears back quickly. Pages show a kind
sentence; the API answers ``{"error": "busy"}``, which the grader's outbox sends again later
(it keeps every result until one is answered 2xx). A request that is not shed runs in full,
so nothing is half-written.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from waitress.task import ThreadedTaskDispatcher

from robocole.i18n import _current, current_language, gettext, normalise_language, set_language

log = logging.getLogger(__name__)

#: Seconds a request may wait for a free thread before it is answered « busy ».
DEFAULT_MAX_WAIT = 0.25
RETRY_AFTER_SECONDS = 2

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

#: Set while a worker serves a request that waited too long: ``ShedLoad`` answers « busy ».
_late = threading.local()


class _Received:
    """One queued request (waitress queues the connection) and when it was received."""

    def __init__(self, task: Any, received: float, max_wait: float) -> None:
        self.task, self.received, self.max_wait = task, received, max_wait

    def service(self, late: bool = False) -> None:
        _late.value = late or time.monotonic() - self.received > self.max_wait
        try:
            self.task.service()
        finally:
            _late.value = False

    def cancel(self) -> None:
        self.task.cancel()


class QueueTimedDispatcher(ThreadedTaskDispatcher):  # type: ignore[misc]
    """Waitress's thread pool, which knows how long each request waited for a thread.

    A request whose wait passed ``max_wait`` when a thread takes it is answered « busy »
    by ``ShedLoad``. When the oldest waiting request already waited that long, a new one
    would too: it goes to one more thread that only ever answers « busy » (it never runs
    the app, so it is never the one that is slow), instead of joining the queue.
    """

    def __init__(self, max_wait: float = DEFAULT_MAX_WAIT) -> None:
        super().__init__()
        self.max_wait = max_wait
        self.shed = 0
        self._late: queue.SimpleQueue[_Received] = queue.SimpleQueue()
        threading.Thread(target=self._answer_late, name="robocole-busy", daemon=True).start()

    def add_task(self, task: Any) -> None:
        now = time.monotonic()
        with self.lock:
            oldest = self.queue[0].received if self.queue else now
        queued = _Received(task, now, self.max_wait)
        if now - oldest > self.max_wait:
            self.shed += 1
            if self.shed % 100 == 1:
                log.warning("very busy: %d requests answered 'try again' so far", self.shed)
            # Not served here: waitress calls us holding the connection's lock.
            self._late.put(queued)
            return
        super().add_task(queued)

    def _answer_late(self) -> None:
        while True:
            queued = self._late.get()
            try:
                queued.service(late=True)
            except BaseException:
                self.logger.exception("Exception when answering busy to %r", queued.task)


class ShedLoad:
    """WSGI middleware: a request that waited too long for a thread is answered 503 at once."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if getattr(_late, "value", False):
            return busy_answer(environ, start_response)
        return self.app(environ, start_response)


def busy_answer(environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
    accept = str(environ.get("HTTP_ACCEPT_LANGUAGE", ""))
    token = set_language(normalise_language(accept.split(",")[0]) if accept else None)
    try:  # French unless the browser asks for English, as the app's own pages
        message = gettext("The server is very busy. Please try again in a moment.")
        language = current_language()
    finally:
        _current.reset(token)
    path = str(environ.get("SCRIPT_NAME", "")) + str(environ.get("PATH_INFO", ""))
    if "/api/" in path:
        body = json.dumps({"error": "busy", "message": message}).encode()
        content_type = "application/json"
    else:
        body = (
            f'<!doctype html><html lang="{language}"><meta charset="utf-8">'
            f"<title>Robocole</title><main><p>{message}</p></main></html>"
        ).encode()
        content_type = "text/html; charset=utf-8"
    start_response(
        "503 Service Unavailable",
        [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Retry-After", str(RETRY_AFTER_SECONDS)),
            ("Cache-Control", "no-store"),
        ],
    )
    return [body]
