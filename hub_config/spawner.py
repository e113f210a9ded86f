"""``RobocoleLocalSpawner``: on one school server, each pupil's server runs as their own user.

JupyterHub's ``LocalProcessSpawner`` already switches to the user's uid; this adds what a
school server needs: the system user is made at the first login (the roster lives in the
classroom app, not in /etc/passwd), the home folder is private (0700), and per-pupil limits
are set with ``setrlimit`` before the server starts (memory, processes, file size), which a
local spawner can enforce without cgroups.

With ``zygote`` on (the default), the server is not a new Python process: the spawner asks
the zygote (hub_config/zygote.py), a process that imported JupyterLab once, to fork it; the
child becomes the pupil exactly as ``set_user_setuid`` does before running anything. The hub
sees the same thing as with ``LocalProcessSpawner``: a pid it polls, signals and stops.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import re
import resource
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from jupyterhub.spawner import LocalProcessSpawner
from jupyterhub.utils import random_port
from traitlets import Bool, Float, Integer, List, Unicode

from hub_config.zygote import PRELOAD, Launch
from hub_config.zygote_client import Zygote, ZygoteError
from robocole.i18n import gettext as _

# Usernames the classroom app makes: ``<class>-<nn>`` and ``prof-<n>`` (safe for useradd).
SAFE_NAME = re.compile(r"^[a-z][a-z0-9-]{0,30}$")

# Only what the zygote's children inherit from the hub's environment; the rest of each
# server's environment is the spawner's (get_env), set in the child.
ZYGOTE_ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LD_LIBRARY_PATH", "PYTHONPATH", "VIRTUAL_ENV")
# These choose the single-user application when jupyterhub.singleuser is imported: the
# zygote imported it with neither set, so a server that sets them starts as a new process.
APP_CHOICE = ("JUPYTERHUB_SINGLEUSER_APP", "JUPYTERHUB_SINGLEUSER_EXTENSION")


def server_failed() -> str:
    # Shown on the hub's spawn page, to a child or their teacher.
    return _(
        "Your space could not start. Try again in a minute; if it happens again, tell the"
        " person who looks after the school server (the details are in the hub's log)."
    )


def process_start(pid: int) -> int | None:
    """When ``pid`` started (clock ticks after boot); None if gone or a zombie.

    With the pid, it names one process even after the pid is reused."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return None if fields[0] in ("Z", "X") else int(fields[19])


class RobocoleLocalSpawner(LocalProcessSpawner):
    home_root = Unicode(
        "/home",
        help="Folder where the system users' home folders are made (one per pupil, private).",
    ).tag(config=True)

    create_system_users = Bool(
        True, help="Make the system user at the first spawn when it does not exist yet."
    ).tag(config=True)

    memory_limit_bytes = Integer(
        2 * 1024**3,
        help="""Address-space limit (RLIMIT_AS) of each server and its kernels, in bytes; 0 for
        none. Generous because it counts reserved, not used, memory.""",
    ).tag(config=True)

    process_limit = Integer(
        64, help="Processes and threads a pupil may run at once (RLIMIT_NPROC); 0 for none."
    ).tag(config=True)

    file_size_limit_bytes = Integer(
        200 * 1024**2, help="Largest file a pupil's code may write (RLIMIT_FSIZE); 0 for none."
    ).tag(config=True)

    zygote = Bool(
        True,
        help="""Fork servers from the zygote, a process that imported JupyterLab once, so a
        class logging in at once shares that start-up work; False starts a new Python process
        per server (LocalProcessSpawner's way).""",
    ).tag(config=True)

    zygote_preload = List(
        Unicode(),
        default_value=list(PRELOAD),
        help="Modules the zygote imports before forking servers (missing ones are skipped).",
    ).tag(config=True)

    zygote_start_timeout = Float(
        120.0, help="Seconds the zygote may take to import before a spawn fails."
    ).tag(config=True)

    ready_poll_interval = Float(
        0.1,
        help="""Seconds between checks that a forked server listens; start() returns once it
        does, so the hub's own check answers at once instead of after its back-off.""",
    ).tag(config=True)

    start_ticks = Integer(0, help="When the server's process started (with pid, names it).")

    # One zygote per Python environment, shared by every spawner of the hub.
    _zygotes: ClassVar[dict[tuple[tuple[str, str], ...], Zygote]] = {}

    def _ensure_system_user(self) -> None:
        name = self.user.name
        try:
            pwd.getpwnam(name)
            return
        except KeyError:
            pass
        if not self.create_system_users or not SAFE_NAME.match(name):
            raise RuntimeError(f"No system user {name!r} and cannot make one.")
        home = Path(self.home_root) / name
        home.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "useradd",
                "--create-home",
                "--home-dir",
                str(home),
                "--shell",
                "/usr/sbin/nologin",
                "--user-group",
                name,
            ],
            check=True,
            capture_output=True,
        )
        os.chmod(home, 0o700)

    async def start(self) -> Any:
        await asyncio.get_running_loop().run_in_executor(None, self._ensure_system_user)
        env = self.get_env()
        if not self._uses_zygote(env):
            return await super().start()
        if not self.port:  # type: ignore[has-type]  # a property of JupyterHub's Spawner
            self.port = int(random_port())
        env = self.get_env()  # again: the port is in JUPYTERHUB_SERVICE_URL
        account = pwd.getpwnam(self.user.name)
        launch = Launch(
            argv=[*self.cmd, *self.get_args()],
            env=env,
            uid=account.pw_uid,
            gid=account.pw_gid,
            groups=os.getgrouplist(self.user.name, account.pw_gid),
            home=account.pw_dir,
            limits=self._limits(),
        )
        self.log.info("Forking %s's server from the zygote", self.user.name)
        self.proc = None
        try:
            self.pid = await self._zygote_for(env).launch(launch)
        except ZygoteError as error:
            self.log.error("The zygote could not start %s's server: %s", self.user.name, error)
            raise RuntimeError(server_failed()) from error
        self.start_ticks = process_start(self.pid) or 0
        await self._wait_listening()
        return (self.ip or "127.0.0.1", self.port)

    def _uses_zygote(self, env: dict[str, str]) -> bool:
        command = Path(self.cmd[0]).name if self.cmd else ""
        return (
            self.zygote
            and not self.shell_cmd
            and command == "jupyterhub-singleuser"
            and not any(env.get(name) for name in APP_CHOICE)
        )

    def _zygote_for(self, env: dict[str, str]) -> Zygote:
        kept = tuple((name, env[name]) for name in ZYGOTE_ENV_KEEP if name in env)
        key = (*kept, ("preload", ",".join(self.zygote_preload)))
        if key not in self._zygotes:
            self._zygotes[key] = Zygote(
                dict(kept), self.zygote_preload, start_timeout=self.zygote_start_timeout
            )
        return self._zygotes[key]

    async def _wait_listening(self) -> None:
        """Return once the server accepts connections; fail early if it died."""
        host = self.ip or "127.0.0.1"
        while True:
            if process_start(self.pid) is None:
                self.log.error("%s's server stopped while starting", self.user.name)
                raise RuntimeError(server_failed())
            try:
                _, writer = await asyncio.open_connection(host, self.port)
            except OSError:
                await asyncio.sleep(self.ready_poll_interval)
                continue
            writer.close()
            await writer.wait_closed()
            return

    async def poll(self) -> int | None:
        # A forked server is not the hub's child: with the pid, its start time tells it from
        # a later process that got the same pid, and a zombie counts as stopped.
        started = self.proc is None and self.pid and self.start_ticks
        if started and process_start(self.pid) != self.start_ticks:
            self.clear_state()
            return 0
        status: int | None = await super().poll()
        return status

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.start_ticks = int(state.get("start_ticks", 0))

    def get_state(self) -> dict[str, Any]:
        state: dict[str, Any] = super().get_state()
        if self.pid and self.start_ticks:
            state["start_ticks"] = self.start_ticks
        return state

    def clear_state(self) -> None:
        super().clear_state()
        self.start_ticks = 0

    def _limits(self) -> list[tuple[int, int]]:
        wanted = [
            (resource.RLIMIT_AS, self.memory_limit_bytes),
            (resource.RLIMIT_NPROC, self.process_limit),
            (resource.RLIMIT_FSIZE, self.file_size_limit_bytes),
        ]
        return [(kind, value) for kind, value in wanted if value > 0]

    def make_preexec_fn(self, name: str) -> Callable[[], None]:
        switch_user = super().make_preexec_fn(name)
        limits = self._limits()

        def preexec() -> None:
            # Runs in the child between fork and exec: limits first (as root), then the uid.
            for kind, value in limits:
                resource.setrlimit(kind, (value, value))
            switch_user()

        return preexec
