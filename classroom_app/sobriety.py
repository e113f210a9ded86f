"""Light pages for old school PCs and slow school networks: compression and caching.

- Text answers (HTML, CSS, SVG, JSON, CSV) of 512 bytes or more are gzipped when the
  browser accepts it; a class page shrinks four to eight times.
- Static files are linked with their version (``?v=`` and a hash of the content) and
  cached for a year, ``immutable``: a changed file gets a new address, so a browser never
  shows a stale style sheet and never asks twice for the same one.

The budgets themselves (100 KB and 15 requests a page, nothing from another site, system
fonts) are checked page by page in real Chromium by ``tests/classroom_app/test_budgets.py``.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, request
from werkzeug.wrappers.response import Response

bp = Blueprint("sobriety", __name__)

COMPRESSIBLE = frozenset(
    {
        "text/html",
        "text/css",
        "text/plain",
        "text/csv",
        "text/javascript",
        "image/svg+xml",
        "application/json",
        "application/ld+json",
        "application/javascript",
    }
)
MIN_SIZE = 512
ONE_YEAR = 365 * 24 * 3600


@functools.lru_cache(maxsize=128)
def _version(path: str, modified_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


@bp.app_url_defaults
def _static_version(endpoint: str, values: dict[str, Any]) -> None:
    if endpoint != "static" or "v" in values or not current_app.static_folder:
        return
    path = Path(current_app.static_folder) / str(values.get("filename", ""))
    if path.is_file():
        values["v"] = _version(str(path), path.stat().st_mtime_ns)


@bp.after_app_request
def _light(response: Response) -> Response:
    if request.endpoint == "static" and response.status_code in (200, 304):
        response.cache_control.public = True
        if request.args.get("v"):
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
        else:
            response.cache_control.max_age = 3600
    return compress(response)


def compress(response: Response) -> Response:
    """Gzip a text answer when the browser accepts it (never a stream or a partial one)."""
    if (
        response.status_code != 200
        or response.is_streamed
        or response.mimetype not in COMPRESSIBLE
        or "Content-Encoding" in response.headers
        or "gzip" not in request.headers.get("Accept-Encoding", "")
    ):
        return response
    response.vary.add("Accept-Encoding")
    response.direct_passthrough = False  # static files: read the file to compress it
    data = response.get_data()
    if len(data) < MIN_SIZE:
        return response
    response.set_data(gzip.compress(data, compresslevel=6, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    return response
