# mypy: ignore-errors
"""nbgrader in a teacher's course server: the formgrader works on that class's course.

Put first on JUPYTER_CONFIG_PATH by hub_config.formgrader.CourseServers, which also sets
ROBOCOLE_COURSE_ID and ROBOCOLE_COURSE_ROOT (the server's root folder, as the formgrader
requires). The exchange and the hub's groups come from the common configuration.
"""

import os

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - given by traitlets
c.CourseDirectory.course_id = os.environ["ROBOCOLE_COURSE_ID"]
c.CourseDirectory.root = os.environ["ROBOCOLE_COURSE_ROOT"]
