"""nbgrader's formgrader for teachers: the teacher's own server for a class's course.

nbgrader documents several classes on one hub with one always-running formgrader service per
course, run as a per-course grader account, declared in the hub's configuration. Robocole's
classes are made by teachers at any time, so a static service list would mean a hub restart
per class and one idle server per class all year. Instead a teacher opens the formgrader of a
class in a *named server* of their own, named after the course (``/user/prof-1/robocole-
k7mpqa/formgrader``): started on demand, stopped by the idle culler, running as the
teacher's own system user with the course folder as its root.

``CourseServers`` is the spawner's ``pre_spawn_hook`` that makes this so, and refuses:
- a named server whose name is not a course the user grades (hub group ``formgrade-<course>``
  from the roster): pupils and teachers of other classes get no course server;
- it then gives the course folder to a system group of the same name, whose only members are
  the course's teachers (``open_course``): the folder is ``2770`` (setgid, so what the grader
  writes later keeps the group), the gradebook ``0660``; the courses root is ``0711`` so a
  teacher can reach their course but nobody can list the courses. Pupils are in no such
  group: they cannot enter any course folder. The grader runs as root and needs nothing.
"""

from __future__ import annotations

import asyncio
import grp
import os
import pwd
import re
import stat
import subprocess
from pathlib import Path
from typing import Any

from tornado import web

from robocole.i18n import gettext as _

SINGLEUSER = Path(__file__).resolve().parent / "singleuser"
# A system group name has at most 32 characters: "formgrade-robocole-" and 13 more.
COURSE = re.compile(r"^robocole-[a-z0-9]{2,13}$")
GROUP_PREFIX = "formgrade-"


def course_group(course: str) -> str:
    """The system group of a course's teachers: the hub group's name."""
    return f"{GROUP_PREFIX}{course}"


def _ensure_group(name: str) -> int:
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        subprocess.run(["groupadd", "--system", name], check=True, capture_output=True)
        return grp.getgrnam(name).gr_gid


def sync_memberships(username: str, courses: set[str]) -> None:
    """Make ``username`` a member of exactly the course groups of ``courses``."""
    wanted = {course_group(course) for course in courses}
    for name in wanted:
        _ensure_group(name)
    for group in grp.getgrall():
        if not group.gr_name.startswith(GROUP_PREFIX + "robocole-"):
            continue
        member = username in group.gr_mem
        if group.gr_name in wanted and not member:
            subprocess.run(
                ["gpasswd", "-a", username, group.gr_name], check=True, capture_output=True
            )
        elif group.gr_name not in wanted and member:
            subprocess.run(
                ["gpasswd", "-d", username, group.gr_name], check=True, capture_output=True
            )


def open_course(courses_root: Path, course: str) -> Path:
    """Give the course folder to its teachers' group (see the module's note); idempotent."""
    root = courses_root / course
    if not (root / "gradebook.db").is_file():
        raise web.HTTPError(404, _("This class has no lesson yet: assign one first."))
    gid = _ensure_group(course_group(course))
    os.chmod(courses_root, 0o711)
    # Never through a symbolic link: the tree holds pupils' submissions, and a link must not
    # hand its target (anywhere on the server) to the group.
    for folder, _dirs, files in os.walk(root):
        os.chown(folder, -1, gid, follow_symlinks=False)
        os.chmod(folder, 0o2770)
        for name in files:
            path = Path(folder) / name
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            os.chown(path, -1, gid, follow_symlinks=False)
            # Readable by the group; the gradebook (and SQLite's side files) writable too.
            extra = 0o060 if name.startswith("gradebook.db") else 0o040
            os.chmod(path, (stat.S_IMODE(info.st_mode) | extra) & ~0o007)
    return root


class CourseServers:
    """The spawner's ``pre_spawn_hook``: a named server ``<course>`` is that course's formgrader."""

    def __init__(self, courses_root: str | Path, config_dir: str | Path | None = None) -> None:
        self.courses_root = Path(courses_root)
        self.config_dir = Path(config_dir or SINGLEUSER / "course")

    async def __call__(self, spawner: Any) -> None:
        course = spawner.name
        if not course:
            return  # the user's own server: nothing to do
        grades = {
            g.name[len(GROUP_PREFIX) :]
            for g in spawner.user.groups
            if g.name.startswith(GROUP_PREFIX)
        }
        if not COURSE.match(course) or course not in grades:
            raise web.HTTPError(403, _("Only this class's teachers can open its grading."))
        loop = asyncio.get_running_loop()
        ensure_user = getattr(spawner, "_ensure_system_user", None)
        if ensure_user is not None:  # RobocoleLocalSpawner makes the account at first spawn
            await loop.run_in_executor(None, ensure_user)
        pwd.getpwnam(spawner.user.name)  # KeyError if there is no account to run as
        root = await loop.run_in_executor(None, open_course, self.courses_root, course)
        await loop.run_in_executor(None, sync_memberships, spawner.user.name, grades)
        spawner.notebook_dir = str(root)
        spawner.default_url = "/formgrader"
        environment = dict(spawner.environment)
        paths = environment.get("JUPYTER_CONFIG_PATH", "")
        environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
            [str(self.config_dir), *[p for p in paths.split(os.pathsep) if p]]
        )
        environment["ROBOCOLE_COURSE_ID"] = course
        environment["ROBOCOLE_COURSE_ROOT"] = str(root)
        spawner.environment = environment
