"""``RobocoleLocalSpawner``: on one school server, each pupil's server runs as their own user.

JupyterHub's ``LocalProcessSpawner`` already switches to the user's uid; this adds what a
school server needs: the system user is made at the first login (the roster lives in the
classroom app, not in /etc/passwd), the home folder is private (0700), and per-pupil limits
are set with ``setrlimit`` before the server starts (memory, processes, file size), which a
local spawner can enforce without cgroups.
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
from typing import Any

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Bool, Integer, Unicode

# Usernames the classroom app makes: ``<class>-<nn>`` and ``prof-<n>`` (safe for useradd).
SAFE_NAME = re.compile(r"^[a-z][a-z0-9-]{0,30}$")


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
        return await super().start()

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
