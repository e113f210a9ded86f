"""A full-size school on the shipped curriculum, and every page of the classroom app.

Shared by the accessibility and the page-budget tests: both walk the same pages in real
Chromium, in the states a real class shows (30 pupils, waiting cards, proposed and earned
badges, a celebration, error messages).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, request

from classroom_app import badges, classes
from classroom_app.app import create_app
from classroom_app.demo import DEMO_EMAIL, seed_demo
from classroom_app.ledger import ExerciseResult, GradingResult, record_result
from classroom_app.pictures import PICTURES_BY_ID
from classroom_app.store import Store
from robocole.i18n import set_language

from ..conftest import LiveServer

#: Pupils in the class: a full French class.
CLASS_SIZE = 30
MORE_PUPILS = "\n".join(f"Élève{n} Nom{n}" for n in range(1, CLASS_SIZE - 5))


#: GET endpoints that are not pages a person reads (files, documents, downloads, redirects).
NOT_PAGES = {
    "static",
    "auth.badge_image",
    "teacher.export_csv",
    "privacy.export_pupil",
    "privacy.export_class",
    "hub_login.oauth_callback",
    "hub_class.formgrader",  # a redirect to the hub's formgrader
    "pupil.lesson_result",  # JSON the lesson view asks for after a hand-in
}


@dataclass
class School:
    app: Flask
    server: LiveServer
    password: str
    klass: dict[str, Any]
    pupil: dict[str, Any]
    pictures: list[str]
    #: The endpoints that answered with an HTML page so far.
    served: set[str] = field(default_factory=set)

    def pages(self) -> set[str]:
        """Every endpoint of the app that shows a page (GET, HTML)."""
        return {
            rule.endpoint
            for rule in self.app.url_map.iter_rules()
            if "GET" in (rule.methods or ())
            and rule.endpoint.split(".")[0] not in ("api", "openbadges")
            and rule.endpoint not in NOT_PAGES
        }

    @property
    def url(self) -> str:
        return self.server.url


def open_school(data_dir: Path) -> Iterator[School]:
    """The demo school, grown to a class of 30, with progress and badges; served live."""
    app = create_app({"DATA_DIR": str(data_dir), "PUBLIC_URL": None})
    manifest = app.extensions["robocole.manifest"]
    store = Store.open(app.config["DATABASE"])
    try:
        demo = seed_demo(store, manifest, data_dir)
        klass = store.class_by_code(demo.class_code)
        assert klass is not None
        teacher = store.teacher_by_email(DEMO_EMAIL)
        assert teacher is not None
        classes.add_pupils(store, klass, MORE_PUPILS, int(teacher["id"]))
        pupil = store.pupils_of_class(int(klass["id"]))[0]
        lesson = next(manifest.lessons())
        record_result(
            store,
            manifest,
            int(pupil["id"]),
            GradingResult(
                "walk-1",
                pupil["username"],
                lesson.id,
                tuple(ExerciseResult(e.id, True) for e in lesson.exercises),
            ),
        )
        proposed = [a for a in store.awards_of_class(int(klass["id"])) if a["state"] == "proposed"]
        assert len(proposed) > 1, "the walk needs badges waiting for the teacher"
        first = next(a for a in proposed if a["pupil_id"] == pupil["id"])
        badges.decide(store, int(first["pupil_id"]), first["badge_id"], "confirm", teacher["id"])
        pictures = classes.reset_pictures(store, klass, int(pupil["id"]), None)
        pupil = store.pupil(int(pupil["id"]))
        klass = store.class_by_id(int(klass["id"]))
    finally:
        store.close()
    assert pupil is not None and klass is not None
    school = School(app, LiveServer(app), demo.password, klass, pupil, pictures)

    @app.after_request
    def _seen(response: Any) -> Any:
        if response.mimetype == "text/html" and request.endpoint:
            school.served.add(request.endpoint)
        return response

    with school.server:
        yield school


def login_teacher(page: Any, school: School) -> None:
    page.goto(school.url + "/teacher/login")
    page.fill("#email", DEMO_EMAIL)
    page.fill("#password", school.password)
    page.click("button[type=submit]")
    page.wait_for_url("**/teacher/")


def login_pupil(page: Any, school: School) -> None:
    set_language("fr")
    page.goto(f"{school.url}/c/{school.klass['code']}/{school.pupil['username']}")
    for picture in school.pictures:
        page.get_by_role("button", name=PICTURES_BY_ID[picture].label_text(), exact=True).click()
    page.wait_for_url("**/pupil/")


@dataclass(frozen=True)
class Visit:
    """One page to look at: who is signed in, how to reach it, a name for reports."""

    name: str
    role: str  # "visitor", "teacher" or "pupil"
    go: Callable[[Any, School], Any]


def _goto(path: str) -> Callable[[Any, School], Any]:
    return lambda page, school: page.goto(school.url + path.format(**_values(school)))


def _values(school: School) -> dict[str, Any]:
    return {
        "code": school.klass["code"],
        "class_id": school.klass["id"],
        "pupil_id": school.pupil["id"],
        "username": school.pupil["username"],
    }


def _wrong_code(page: Any, school: School) -> None:
    page.goto(school.url + "/login")
    page.fill("#code", "ZZZZZZ")
    page.click("button[type=submit]")


def _wrong_pictures(page: Any, school: School) -> None:
    page.goto(f"{school.url}/c/{school.klass['code']}/{school.pupil['username']}")
    wrong = next(p for p in PICTURES_BY_ID if p != school.pictures[0])
    for _ in range(len(school.pictures)):
        page.locator(f"button[value={wrong}]").click()


def _one_picture(page: Any, school: School) -> None:
    page.goto(f"{school.url}/c/{school.klass['code']}/{school.pupil['username']}")
    page.locator(f"button[value={school.pictures[0]}]").click()


def _wrong_password(page: Any, school: School) -> None:
    page.goto(school.url + "/teacher/login")
    page.fill("#email", DEMO_EMAIL)
    page.fill("#password", "not the password")
    page.click("button[type=submit]")


VISITS = [
    Visit("home", "visitor", _goto("/")),
    Visit("home (English)", "visitor", _goto("/?lang=en")),
    Visit("class code", "visitor", _goto("/login")),
    Visit("class code, wrong", "visitor", _wrong_code),
    Visit("who are you", "visitor", _goto("/c/{code}")),
    Visit("pictures", "visitor", _goto("/c/{code}/{username}")),
    Visit("pictures, one clicked", "visitor", _one_picture),
    Visit("pictures, wrong", "visitor", _wrong_pictures),
    Visit("teacher login", "visitor", _goto("/teacher/login")),
    Visit("teacher login, wrong", "visitor", _wrong_password),
    Visit("page not found", "visitor", _goto("/nowhere")),
    Visit("pupil home", "pupil", _goto("/pupil/")),
    Visit("pupil badges", "pupil", _goto("/pupil/badges")),
    Visit("pupil certificate", "pupil", _goto("/pupil/certificate")),
    Visit("teacher classes", "teacher", _goto("/teacher/")),
    Visit("class dashboard", "teacher", _goto("/teacher/classes/{class_id}")),
    Visit("add pupils", "teacher", _goto("/teacher/classes/{class_id}/pupils")),
    Visit("class lessons", "teacher", _goto("/teacher/classes/{class_id}/lessons")),
    Visit("animator's sheet", "teacher", _goto("/teacher/lessons/robot-5/sheet")),
    Visit("login cards", "teacher", _goto("/teacher/classes/{class_id}/cards")),
    Visit("pupil page", "teacher", _goto("/teacher/classes/{class_id}/pupils/{pupil_id}")),
    Visit(
        "teacher certificate",
        "teacher",
        _goto("/teacher/classes/{class_id}/pupils/{pupil_id}/certificate"),
    ),
    Visit(
        "erase a pupil", "teacher", _goto("/teacher/classes/{class_id}/pupils/{pupil_id}/delete")
    ),
    Visit("end of year", "teacher", _goto("/teacher/classes/{class_id}/year-end")),
    Visit("journal", "teacher", _goto("/teacher/classes/{class_id}/journal")),
    Visit("class teachers", "teacher", _goto("/teacher/classes/{class_id}/teachers/")),
]


def signed_in_pages(browser: Any, school: School, **context_options: Any) -> dict[str, Any]:
    """One page per role, signed in (``visitor`` is nobody), in its own browser context."""
    pages = {}
    for role in ("visitor", "teacher", "pupil"):
        context = browser.new_context(locale="fr-FR", **context_options)
        page = context.new_page()
        if role == "teacher":
            login_teacher(page, school)
        elif role == "pupil":
            login_pupil(page, school)
        pages[role] = page
    return pages
