"""The school server's proxy: configurable-http-proxy's Python port, answering compressed.

The port reads each answer whole through Tornado's HTTP client, which decompresses it, and
then drops its ``Content-Encoding``: whatever the hub, the classroom app or JupyterLab
compressed reached the browser uncompressed (the login page's 700 KB). This runs the same
proxy, command-line options and all, with Tornado's gzip transform on the public side, so
text answers of 1 KB or more leave compressed when the browser accepts gzip. Answers are
already whole in memory, so compressing them adds no waiting.
"""

from __future__ import annotations

from typing import Any

from configurable_http_proxy import cli
from configurable_http_proxy.configproxy import PythonProxy
from tornado.web import GZipContentEncoding


class QuickGZip(GZipContentEncoding):
    # The proxy compresses on its one thread, for a whole class opening JupyterLab at once:
    # level 1 costs about 2.7 times less CPU than Tornado's 6 for about 20 % more bytes
    # (bench/hub_proxy.py prints both on this machine).
    GZIP_LEVEL = 1


class CompressingProxy(PythonProxy):  # type: ignore[misc]  # the port has no type hints
    def __init__(self, options: Any = ()) -> None:
        super().__init__(options)
        self.proxy_app.transforms.append(QuickGZip)


def main() -> None:
    # The port's command line builds its proxy from this name; everything else is its own.
    cli.PythonProxy = CompressingProxy
    cli.main()


if __name__ == "__main__":
    main()
