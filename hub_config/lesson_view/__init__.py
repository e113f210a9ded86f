"""The pupil's lesson view: a Jupyter server extension of the pupil's own server.

A child opens a lesson from the quest map and sees it as a page made for them (the lesson's
text, an editor per exercise, "Vérifier", hints one at a time, "Rendre ma leçon"), while the
notebook underneath stays nbgrader's: fetched and submitted through nbgrader's exchange,
saved into the same file JupyterLab and the formgrader read, graded by the grader as before.
Enabled for pupils in ``hub_config/singleuser/pupil/jupyter_server_config.json``.
"""

from __future__ import annotations

from typing import Any


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "hub_config.lesson_view"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    from hub_config.lesson_view.handlers import handlers

    web_app = serverapp.web_app
    web_app.add_handlers(".*$", handlers(web_app.settings["base_url"]))
    serverapp.log.info(
        "Robocole's lesson view is at %srobocole/lecon/", web_app.settings["base_url"]
    )
