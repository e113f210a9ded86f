"""What a zygote's child runs in tests instead of jupyterhub-singleuser: it reports who it is.

``main([path])`` writes, as JSON, everything the child inherited that must be the pupil's
(ids, groups, folder, environment, limits, session, open files, process name, a random
number), then exits.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import tempfile
from pathlib import Path

from send2trash import plat_other


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def main(argv: list[str]) -> None:
    report = {
        "uid": os.getuid(),
        "euid": os.geteuid(),
        "gid": os.getgid(),
        "egid": os.getegid(),
        "groups": sorted(os.getgroups()),
        "cwd": os.getcwd(),
        "environ": dict(os.environ),
        "c_home": os.path.expanduser("~"),
        "tempdir": tempfile.gettempdir(),
        "limits": {
            "nproc": resource.getrlimit(resource.RLIMIT_NPROC)[0],
            "as": resource.getrlimit(resource.RLIMIT_AS)[0],
        },
        "session_leader": os.getsid(0) == os.getpid(),
        "fds": [fd for fd in range(1024) if _is_open(fd)],
        "comm": Path("/proc/self/comm").read_text().strip(),
        "parent": os.getppid(),
        "random": random.random(),
        "argv": sys.argv,
        "user_site": [p for p in sys.path if "/.local/" in p],
        "trash": [plat_other.HOMETRASH, plat_other.uid],
    }
    Path(argv[0]).write_text(json.dumps(report))
    sys.exit(3)
