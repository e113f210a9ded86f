"""The class on the hub: assign lessons in one click, due dates, grading by hand, warming up.

- Assigning a unit or a lesson releases it through nbgrader, in the class's own course
  (``robocole-<code>``): it appears in the pupils' assignment list in JupyterLab and opens on
  their quest map. The course folders live where the grader runs, so the release is a request
  to the grader service's API (``grader_client``), sent from a background thread (generating
  a lesson takes seconds); the page shows each lesson's state. Taking a lesson back, due
  dates and re-opening go the same way; assigning twice never releases twice.
- A due date is a day ("to hand in before Friday 27 November"): nbgrader gets the start of
  that day as the assignment's ``duedate``; the teacher sees who handed in after it.
- "Grade by hand" opens nbgrader's formgrader for the class in the teacher's own server for
  that course (a named server ``<course>``, hub_config/formgrader.py).
- "Start the class" asks the hub to start every pupil's server now, so that thirty children
  logging in together find their JupyterLab already warm (a cold start costs seconds of CPU
  each on a school server). It uses the hub's REST API with this service's token.

Without the grader service (``GRADER_URL``, set by ``robocole up``) the page says so.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor, ThreadPoolExecutor
from datetime import date
from typing import Any
from urllib.parse import quote

import requests
from flask import Blueprint, current_app, flash, g, redirect, render_template, request
from werkzeug.wrappers.response import Response

from classroom_app import web
from classroom_app.due_dates import day_words, due_moment, parse_day, today_at_school
from classroom_app.grader_client import GraderClient
from classroom_app.store import Store
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

bp = Blueprint("hub_class", __name__, url_prefix="/teacher")

LANGUAGE = "fr"  # classes have no language of their own yet: lessons are built in French


def grader() -> GraderClient | None:
    url = current_app.config.get("GRADER_URL")
    return GraderClient(url, current_app.config["RELEASE_TOKEN"]) if url else None


def _executor() -> Executor:
    # One release at a time: nbgrader's gradebook is one SQLite file per course.
    executor = current_app.extensions.get("robocole.release_executor")
    if executor is None:
        executor = ThreadPoolExecutor(1, thread_name_prefix="release")
        current_app.extensions["robocole.release_executor"] = executor
    return executor


def _release(
    database: str, client: GraderClient, timezone: str, klass: dict[str, Any], lessons: list[str]
) -> None:
    store = Store.open(database)
    try:
        for lesson in lessons:
            due_on = (store.assignments(int(klass["id"])).get(lesson) or {}).get("due_on")
            due = due_moment(date.fromisoformat(due_on), timezone) if due_on else None
            try:
                client.release(klass["code"], [lesson], LANGUAGE, due)
            except Exception as error:  # shown to the teacher on the page, kept in the log
                current_log().exception("releasing %s", lesson)
                message = error.message if isinstance(error, RobocoleError) else str(error)
                store.set_assignment(int(klass["id"]), lesson, "failed", message[:500])
            else:
                store.set_assignment(int(klass["id"]), lesson, "released")
    finally:
        store.close()


def current_log() -> Any:
    import logging

    return logging.getLogger(__name__)


def _late_pupils(client: GraderClient, klass: dict[str, Any], lesson: str) -> list[str]:
    """Pseudonyms of the pupils who handed ``lesson`` in after its due date (teacher only)."""
    try:
        found = client.submissions(klass["code"], lesson)
    except RobocoleError:
        return []
    names = []
    for submission in found:
        if submission.seconds_late > 0:
            pupil = web.store().pupil_by_username(submission.username)
            names.append(pupil["pseudonym"] if pupil else submission.username)
    return names


@bp.get("/classes/<int:class_id>/lessons")
@web.teacher_required
def lessons(class_id: int) -> Any:
    klass = web.own_class(class_id)
    assigned = web.store().assignments(class_id)
    client = grader()
    late: dict[str, list[str]] = {}
    due_words: dict[str, str] = {}
    for lesson_id, row in assigned.items():
        if row["state"] == "released" and row.get("due_on"):
            day = date.fromisoformat(row["due_on"])
            due_words[lesson_id] = day_words(day, g.get("language", "fr"))
            if client is not None:  # nbgrader counts late hand-ins only after the date
                late[lesson_id] = _late_pupils(client, klass, lesson_id)
    return render_template(
        "teacher_hub_lessons.html",
        klass=klass,
        units=web.manifest().units,
        assigned=assigned,
        due_words=due_words,
        late=late,
        ready=client is not None,
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


def _due_day() -> date | None:
    """The form's due date; raises a RobocoleError with the sentence to show."""
    today = today_at_school(current_app.config["TIMEZONE"])
    return parse_day(request.form.get("due_on", ""), today)


@bp.post("/classes/<int:class_id>/lessons/assign")
@web.teacher_required
def assign(class_id: int) -> Response:
    klass = web.own_class(class_id)
    chosen, client = _chosen_lessons(), grader()
    if not chosen or client is None:
        flash(_("This lesson cannot be assigned here: start Robocole with robocole up."))
        return web.redirect_to("hub_class.lessons", class_id=class_id)
    try:
        day = _due_day()
    except RobocoleError as error:
        flash(error.message)
        return web.redirect_to("hub_class.lessons", class_id=class_id)
    store = web.store()
    with store.transaction():
        before = store.assignments(class_id)
        for lesson in chosen:
            live = (before.get(lesson) or {}).get("state") in ("released", "releasing")
            store.set_assignment(class_id, lesson, "releasing")
            if day is not None or not live:  # assigning a unit again keeps its lessons' dates
                store.set_assignment_due(class_id, lesson, day.isoformat() if day else None)
    store.audit(web.current_teacher_id(), "assign", class_id, lessons=chosen, due_on=str(day or ""))
    _executor().submit(
        _release,
        current_app.config["DATABASE"],
        client,
        current_app.config["TIMEZONE"],
        klass,
        chosen,
    )
    flash(_("The lessons are on their way to the pupils' assignment list."))
    return web.redirect_to("hub_class.lessons", class_id=class_id)


@bp.post("/classes/<int:class_id>/lessons/unassign")
@web.teacher_required
def unassign(class_id: int) -> Response:
    klass = web.own_class(class_id)
    client = grader()
    if client is None:
        flash(_("This lesson cannot be assigned here: start Robocole with robocole up."))
        return web.redirect_to("hub_class.lessons", class_id=class_id)
    teacher_id = web.current_teacher_id()
    for lesson in _chosen_lessons():
        try:
            client.unrelease(klass["code"], lesson)
        except RobocoleError as error:
            flash(error.message)
            break
        web.store().set_assignment(class_id, lesson, "removed")
        web.store().audit(teacher_id, "unassign", class_id, lessons=[lesson])
    return web.redirect_to("hub_class.lessons", class_id=class_id)


@bp.post("/classes/<int:class_id>/lessons/due")
@web.teacher_required
def set_due(class_id: int) -> Response:
    """Set, change or remove (empty date) an assigned lesson's due date."""
    klass = web.own_class(class_id)
    client, chosen = grader(), _chosen_lessons()
    row = web.store().assignments(class_id).get(chosen[0]) if len(chosen) == 1 else None
    if client is None or row is None or row["state"] not in ("released", "releasing"):
        flash(_("Assign the lesson first, then choose its due date."))
        return web.redirect_to("hub_class.lessons", class_id=class_id)
    lesson = chosen[0]
    timezone = current_app.config["TIMEZONE"]
    try:
        day = _due_day()
        if row["state"] == "released":  # a release on its way takes the date with it
            client.set_due(klass["code"], lesson, due_moment(day, timezone) if day else None)
    except RobocoleError as error:
        flash(error.message)
        return web.redirect_to("hub_class.lessons", class_id=class_id)
    web.store().set_assignment_due(class_id, lesson, day.isoformat() if day else None)
    web.store().audit(
        web.current_teacher_id(), "due", class_id, lessons=[lesson], due_on=str(day or "")
    )
    if day is None:
        flash(_("%(lesson)s has no due date any more.", lesson=lesson))
    else:
        flash(
            _(
                "%(lesson)s is to hand in before %(day)s.",
                lesson=lesson,
                day=day_words(day, g.get("language", "fr")),
            )
        )
    return web.redirect_to("hub_class.lessons", class_id=class_id)


@bp.get("/classes/<int:class_id>/formgrader")
@web.teacher_required
def formgrader(class_id: int) -> Response:
    """Open nbgrader's formgrader of this class: the teacher's own server for the course."""
    klass = web.own_class(class_id)
    base = os.environ.get("JUPYTERHUB_BASE_URL")
    if not base or not os.environ.get("JUPYTERHUB_API_TOKEN"):
        flash(_("Grading by hand needs the hub: start Robocole with robocole up."))
        return web.redirect_to("hub_class.lessons", class_id=class_id)
    user, course = f"prof-{web.current_teacher_id()}", f"robocole-{klass['code'].lower()}"
    base = base.rstrip("/")
    target = f"{base}/user/{quote(user)}/{quote(course)}/formgrader"
    # The hub starts the course's server if needed, then goes on to the formgrader.
    return redirect(f"{base}/hub/spawn/{quote(user)}/{quote(course)}?next={quote(target)}")


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
