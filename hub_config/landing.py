"""Where the hub sends someone who logged in without asking for a page.

Pupils land on their quest map (the classroom app), from which each lesson opens in the
lesson view; teachers on their classes. Neither lands on JupyterLab's Launcher: teachers
reach JupyterLab from their class's "Leçons et JupyterLab" page.
"""

from __future__ import annotations

from typing import Any

from hub_config.authenticator import role_of

QUEST_MAP = "services/classroom/pupil/"
TEACHER_HOME = "services/classroom/teacher/"


def start_page(handler: Any) -> str:
    """``JupyterHub.default_url``: the page for the user ``handler`` is serving."""
    base = handler.base_url  # the hub's prefix, "/" on a school server
    user = handler.current_user
    if user is None:
        return f"{base}hub/login"
    role = role_of([group.name for group in user.groups])
    return f"{base}{QUEST_MAP if role == 'pupil' else TEACHER_HOME}"
