"""The class on the hub: assign lessons in one click, and start the class before it arrives.

- Assigning a unit or a lesson releases it through nbgrader, in the class's own course
  (``robocole-<code>``): it appears in the pupils' assignment list in JupyterLab. Releasing
  takes seconds per lesson (nbgrader generates the pupil version), so it runs in the
  background and the page shows each lesson's state. Unassigning takes it out of the exchange.
- "Start the class" asks the hub to start every pupil's server now, so that thirty children
  logging in together find their JupyterLab already warm (a cold start costs seconds of CPU
  each on a school server). It uses the hub's REST API with this service's token.

Both need the platform (``robocole up``): the hub's environment and the nbgrader courses in
the data folder. Without them the page says so.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from flask import Blueprint, current_app, flash, render_template, request
from werkzeug.wrappers.response import Response

from classroom_app import web
from classroom_app.store import Store
from robocole.i18n import gettext as _

bp = Blueprint("hub_class", __name__, url_prefix="/teacher")

LANGUAGE = "fr"  # classes have no language of their own yet: lessons are built in French


def _data() -> Path:
    return Path(current_app.config["DATA_DIR"])


def _platform_ready() -> bool:
    return (_data() / "curriculum" / LANGUAGE / "source").is_dir()


def _executor() -> Executor:
    # One release at a time: nbgrader's gradebook is one SQLite file per course.
    executor = current_app.extensions.get("robocole.release_executor")
    if executor is None:
        executor = ThreadPoolExecutor(1, thread_name_prefix="release")
        current_app.extensions["robocole.release_executor"] = executor
    return executor


def _release(database: str, data: Path, klass: dict[str, Any], lessons: list[str]) -> None:
    from hub_config.platform import release_lessons

    store = Store.open(database)
    try:
        for lesson in lessons:
            try:
                release_lessons(data, klass["code"], LANGUAGE, [lesson])
            except Exception as error:  # shown to the teacher on the page, kept in the log
                current_log().exception("releasing %s", lesson)
                store.set_assignment(int(klass["id"]), lesson, "failed", str(error)[:500])
            else:
                store.set_assignment(int(klass["id"]), lesson, "released")
    finally:
        store.close()


def current_log() -> Any:
    import logging

    return logging.getLogger(__name__)


@bp.get("/classes/<int:class_id>/lessons")
@web.teacher_required
def lessons(class_id: int) -> Any:
    klass = web.own_class(class_id)
    return render_template(
        "teacher_hub_lessons.html",
        klass=klass,
        units=web.manifest().units,
        assigned=web.store().assignments(class_id),
        ready=_platform_ready(),
        hub=bool(os.environ.get("JUPYTERHUB_API_TOKEN")),
        course=f"robocole-{klass['code'].lower()}",
    )


def _chosen_lessons() -> list[str]:
    manifest = web.manifest()
    unit_id, lesson_id = request.form.get("unit", ""), request.form.get("lesson", "")
    for unit in manifest.units:
        if unit.id == unit_id:
            return [lesson.id for lesson in unit.lessons]
        for lesson in unit.lessons:
            if lesson.id == lesson_id:
                return [lesson.id]
    return []


@bp.post("/classes/<int:class_id>/lessons/assign")
@web.teacher_required
def assign(class_id: int) -> Response:
    klass = web.own_class(class_id)
    chosen = _chosen_lessons()
    if not chosen or not _platform_ready():
        flash(_("This lesson cannot be assigned here: start Robocole with robocole up."))
        return web.redirect_to("hub_class.lessons", class_id=class_id)
    for lesson in chosen:
        web.store().set_assignment(class_id, lesson, "releasing")
    teacher = web.current_teacher()
    assert teacher is not None  # teacher_required
    web.store().audit(int(teacher["id"]), "assign", class_id, lessons=chosen)
    _executor().submit(_release, current_app.config["DATABASE"], _data(), klass, chosen)
    flash(_("The lessons are on their way to the pupils' assignment list."))
    return web.redirect_to("hub_class.lessons", class_id=class_id)


@bp.post("/classes/<int:class_id>/lessons/unassign")
@web.teacher_required
def unassign(class_id: int) -> Response:
    from hub_config.platform import unrelease_lesson
    from robocole.errors import RobocoleError

    klass = web.own_class(class_id)
    for lesson in _chosen_lessons():
        try:
            unrelease_lesson(_data(), klass["code"], lesson)
        except RobocoleError as error:
            flash(error.message)
            break
        web.store().set_assignment(class_id, lesson, "removed")
    return web.redirect_to("hub_class.lessons", class_id=class_id)


class HubApi:
    """The few calls of JupyterHub's REST API that warming a class needs."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"token {token}"

    def call(self, method: str, path: str, **body: Any) -> int:
        answer = self.session.request(method, self.url + path, json=body or None, timeout=10)
        return answer.status_code

    def prepare_class(self, usernames: list[str], group: str) -> None:
        """Make the users and the class group if needed (nbgrader reads the group)."""
        self.call("POST", f"/groups/{quote(group)}")
        for name in usernames:
            self.call("POST", f"/users/{quote(name)}")
        self.call("POST", f"/groups/{quote(group)}/users", users=usernames)

    def start_server(self, name: str) -> int:
        # The hub answers when the server is up or after its slow-spawn wait (10 s): 201
        # started, 202 starting, 400 already running.
        # One request per thread (a requests.Session is not meant to be shared by threads).
        answer = requests.post(
            f"{self.url}/users/{quote(name)}/server",
            headers=dict(self.session.headers),
            timeout=60,
        )
        return answer.status_code


@bp.post("/classes/<int:class_id>/start")
@web.teacher_required
def start_class(class_id: int) -> Response:
    klass = web.own_class(class_id)
    url, token = os.environ.get("JUPYTERHUB_API_URL"), os.environ.get("JUPYTERHUB_API_TOKEN")
    if not url or not token:
        flash(_("Starting the class needs the hub: start Robocole with robocole up."))
        return web.redirect_to("hub_class.lessons", class_id=class_id)
    usernames = [p["username"] for p in web.store().pupils_of_class(class_id)]
    group = f"nbgrader-robocole-{klass['code'].lower()}"
    hub = HubApi(url, token)
    try:
        hub.prepare_class(usernames, group)
    except requests.RequestException:
        flash(_("The hub did not answer. Try again in a moment."))
    else:
        # Ask for every server at once, in the background: the hub spawns them side by side
        # and the teacher's page does not wait for a whole class.
        warm = ThreadPoolExecutor(max(1, len(usernames)), thread_name_prefix="warm")
        for name in usernames:
            warm.submit(hub.start_server, name)
        warm.shutdown(wait=False)
        flash(_("%(n)s pupils' JupyterLab are starting.", n=len(usernames)))
    return web.redirect_to("hub_class.lessons", class_id=class_id)
