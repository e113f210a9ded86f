"""The hub's side of the zygote (hub_config/zygote.py): start it, ask it for servers, restart it.

Runs in JupyterHub's event loop. One request at a time (a fork takes milliseconds); a zygote
that died is started again at the next request, and that request is retried once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import subprocess
import sys
from collections.abc import Sequence

from hub_config.zygote import ENTRY, Launch


class ZygoteError(RuntimeError):
    """The zygote could not start a server (its message says why)."""


class Zygote:
    def __init__(
        self,
        env: dict[str, str],
        preload: Sequence[str],
        python: str = sys.executable,
        start_timeout: float = 120.0,
        entry: str = ENTRY,
    ) -> None:
        self.entry = entry
        self.env = dict(env)
        self.preload = list(preload)
        self.python = python
        self.start_timeout = start_timeout
        self.process: asyncio.subprocess.Process | None = None
        self.pid = 0
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._lock = asyncio.Lock()

    def command(self, socket_fd: int) -> list[str]:
        # -s: no user site-packages in a process whose children are pupils' servers.
        return [
            *(self.python, "-s", "-m", "hub_config.zygote"),
            *("--socket-fd", str(socket_fd), "--preload", ",".join(self.preload)),
            *("--entry", self.entry),
        ]

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def _start(self) -> None:
        ours, theirs = socket.socketpair()
        try:
            self.process = await asyncio.create_subprocess_exec(
                *self.command(theirs.fileno()),
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                env=self.env,
                cwd="/",
            )
        finally:
            theirs.close()
        self._reader, self._writer = await asyncio.open_unix_connection(sock=ours)
        try:
            line = await asyncio.wait_for(self._reader.readline(), self.start_timeout)
        except TimeoutError:
            line = b""
        if not line:
            await self.stop()
            raise ZygoteError("the zygote did not start: read the hub's log above")
        self.pid = int(json.loads(line)["pid"])

    async def launch(self, launch: Launch) -> int:
        """Start one server; its pid (a child of the zygote, in its own session)."""
        async with self._lock:
            for attempt in (1, 2):
                if not self.running:
                    await self.stop()  # what is left of one that died
                    await self._start()
                assert self._reader is not None and self._writer is not None
                try:
                    self._writer.write(launch.to_line())
                    await self._writer.drain()
                    line = await asyncio.wait_for(self._reader.readline(), 30)
                except (OSError, TimeoutError):
                    line = b""
                if line:
                    answer = json.loads(line)
                    if "error" in answer:
                        raise ZygoteError(str(answer["error"]))
                    return int(answer["pid"])
                # The zygote died under us: start a new one and ask once more.
                await self.stop()
                if attempt == 2:
                    raise ZygoteError("the zygote stopped while starting a server")
        raise AssertionError("unreachable")

    async def stop(self) -> None:
        """Stop the zygote (its servers keep running, as servers outlive a hub restart)."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()
        process, self.process = self.process, None
        if process is not None:
            if process.returncode is None:
                process.kill()
            await process.wait()
