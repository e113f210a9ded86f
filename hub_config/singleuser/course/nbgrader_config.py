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

# A lesson the teacher generates from the formgrader gets the curriculum's answer stub (a
# comment in the course's language), not nbgrader's "raise NotImplementedError()".
from curriculum.lesson import CODE_STUB, TEXT_STUB, course_language  # noqa: E402

_language = course_language(os.environ["ROBOCOLE_COURSE_ROOT"])
c.ClearSolutions.code_stub = {"python": CODE_STUB[_language]}
c.ClearSolutions.text_stub = TEXT_STUB[_language]
