"""The teacher's flow against the grader service's real release API and real nbgrader.

The classroom app (Flask test client) asks a live ``ReleaseServer`` over HTTP, which releases
through nbgrader into a class course and its exchange in a temporary folder: assign with a
due date, the pupil's quest map, take back, re-open, who handed in late.
"""

from __future__ import annotations

import html
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from flask import Flask

from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.store import Store
from grader.release_api import ReleaseApi, ReleaseServer
from grader.releases import CourseReleases
from tests.classroom_app.conftest import (
    RELEASE_TOKEN,
    TOKENS,
    Browser,
    World,
    make_app,
    pictures_of,
)

# nbgrader 0.9.6's gradebook makes SQLAlchemy 2 warn on every new submission: third-party noise.
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")

LESSONS = ("sequences-1", "sequences-2", "boucles-1")
NOTEBOOK = Path(__file__).parents[1] / "grader" / "fixtures" / "source" / "robot-1"


@pytest.fixture
def releases(tmp_path: Path) -> CourseReleases:
    """A built curriculum whose lessons are the grader's fixture notebook under our ids."""
    from grader.startup import prepare_environment

    prepare_environment()  # nbgrader runs alembic by name
    built = tmp_path / "curriculum"
    for lesson in LESSONS:
        folder = built / "fr" / "source" / lesson
        shutil.copytree(NOTEBOOK, folder)
        (folder / "robot-1.ipynb").rename(folder / f"{lesson}.ipynb")
    return CourseReleases(tmp_path / "courses", tmp_path / "exchange", built)


@pytest.fixture
def grader_server(releases: CourseReleases) -> Iterator[ReleaseServer]:
    server = ReleaseServer(ReleaseApi(releases, RELEASE_TOKEN, "/services/grader/"))
    yield server
    server.close()


@pytest.fixture
def app(tmp_path: Path, grader_server: ReleaseServer) -> Flask:
    return make_app(tmp_path, GRADER_URL=f"http://127.0.0.1:{grader_server.port}/services/grader")


def in_days(days: int) -> date:
    return datetime.now(ZoneInfo("Europe/Paris")).date() + timedelta(days=days)


def wait_released(store: Store, class_id: int, lessons: tuple[str, ...]) -> None:
    deadline = time.monotonic() + 120
    while True:
        rows = store.assignments(class_id)
        states = {lesson: (rows.get(lesson) or {}).get("state") for lesson in lessons}
        if all(state == "released" for state in states.values()):
            return
        assert "failed" not in states.values(), rows
        assert time.monotonic() < deadline, states
        time.sleep(0.2)


def map_of(browser: Browser, world: World, store: Store, pupil: int = 0) -> str:
    username = world.pupil_row(store, pupil)["username"]
    browser.login_pupil(world.klass, username, pictures_of(store, world, pupil))
    return html.unescape(browser.get("/pupil/").text)


def lesson_card(page: str, title: str) -> str:
    """The quest map's card of one lesson (from its title to the next card)."""
    start = page.index(title)
    return page[start : page.find('<li class="lesson', start)]


def test_assigning_with_a_due_date_releases_and_opens_the_lesson(
    app: Flask, browser: Browser, world: World, store: Store, releases: CourseReleases
) -> None:
    class_id = int(world.klass["id"])
    # A class that never used the hub: prerequisites decide, as before.
    before = map_of(Browser(app.test_client()), world, store)
    assert "Pas encore ouverte" not in before

    browser.login_teacher()
    due = in_days(5)
    browser.get(f"/teacher/classes/{class_id}/lessons")
    sent = browser.post(
        f"/teacher/classes/{class_id}/lessons/assign",
        {"lesson": "sequences-2", "due_on": due.isoformat()},
    )
    assert sent.status_code == 302
    wait_released(store, class_id, ("sequences-2",))

    code = world.klass["code"]
    course = f"robocole-{code.lower()}"
    assert (releases.exchange / course / "outbound" / "sequences-2").is_dir()
    # nbgrader's own gradebook has the due date: the start of that day at school.
    expected = datetime.combine(due, datetime.min.time(), ZoneInfo("Europe/Paris"))
    assert releases.due(code, "sequences-2") == expected.astimezone(UTC)

    page = map_of(Browser(app.test_client()), world, store)
    # Assigned: open, even though its prerequisite (sequences-1) is not done.
    card = lesson_card(page, "Le chemin du trésor")
    assert "▶ Ouvert" in card and "À rendre avant" in card
    from babel.dates import format_date

    assert format_date(due, "EEEE d MMMM", locale="fr") in card
    # Not assigned: waiting for the teacher, in kind words.
    assert "Pas encore ouverte par ton enseignant·e" in lesson_card(page, "Un pas après l'autre")

    teacher_page = html.unescape(browser.get(f"/teacher/classes/{class_id}/lessons").text)
    assert "dans la liste des élèves" in teacher_page
    assert f'value="{due.isoformat()}"' in teacher_page
    assert f"À rendre avant {format_date(due, 'EEEE d MMMM', locale='fr')}" in teacher_page


def test_taking_back_keeps_xp_and_reopening_releases_once(
    app: Flask, browser: Browser, world: World, store: Store, releases: CourseReleases
) -> None:
    class_id, code = int(world.klass["id"]), world.klass["code"]
    username = world.pupil_row(store, 0)["username"]
    browser.login_teacher()
    browser.get(f"/teacher/classes/{class_id}/lessons")
    browser.post(f"/teacher/classes/{class_id}/lessons/assign", {"lesson": "sequences-1"})
    wait_released(store, class_id, ("sequences-1",))
    # The pupil earns XP on one of the lesson's two exercises (the grader's result).
    answer = app.test_client().post(
        "/api/v1/results",
        json={
            "idempotency_key": "g-1",
            "username": username,
            "lesson_id": "sequences-1",
            "graded_at": "2026-11-22T10:00:00Z",
            "protections": list(MINIMUM_PROTECTIONS),
            "exercises": [
                {"exercise_id": "sequences-1-a", "passed": True, "points": 1, "max_points": 1},
                {"exercise_id": "sequences-1-b", "passed": False, "points": 0, "max_points": 1},
            ],
        },
        headers={"Authorization": f"Bearer {TOKENS['grader']}"},
    )
    assert answer.status_code in (200, 201), answer.text
    xp = store.pupil_xp(int(world.pupils[0].id))
    assert xp > 0
    page = map_of(Browser(app.test_client()), world, store)
    assert "▶ Ouvert" in lesson_card(page, "Un pas après")

    outbound = releases.exchange / f"robocole-{code.lower()}" / "outbound" / "sequences-1"
    generated = releases.course(code).root / "release" / "sequences-1" / "sequences-1.ipynb"
    generated_at = generated.stat().st_mtime_ns
    browser.post(f"/teacher/classes/{class_id}/lessons/unassign", {"lesson": "sequences-1"})
    assert not outbound.exists()
    page = map_of(Browser(app.test_client()), world, store)
    assert "Pas encore ouverte" in lesson_card(page, "Un pas après l'autre")
    assert store.pupil_xp(int(world.pupils[0].id)) == xp  # nothing earned is lost
    # The API (the station, the journey) says the same as the map.
    answer = app.test_client().get(
        f"/api/v1/pupils/{username}/progress",
        headers={"Authorization": f"Bearer {TOKENS['grader']}"},
    )
    assert answer.json["lessons"]["sequences-1"] == "waiting"
    assert answer.json["xp"] == xp

    # Re-opening: released again, once; asking again changes nothing in nbgrader.
    browser.get(f"/teacher/classes/{class_id}/lessons")
    browser.post(f"/teacher/classes/{class_id}/lessons/assign", {"lesson": "sequences-1"})
    wait_released(store, class_id, ("sequences-1",))
    assert outbound.is_dir()
    assert generated.stat().st_mtime_ns == generated_at  # put back, not generated again
    stamp = (outbound / "sequences-1.ipynb").stat().st_mtime_ns
    assert releases.release(code, ["sequences-1"]) == []  # already there, unchanged
    assert (outbound / "sequences-1.ipynb").stat().st_mtime_ns == stamp
    from nbgrader.api import Gradebook

    with Gradebook(releases.course(code).gradebook_url) as gradebook:
        assert [a.name for a in gradebook.assignments] == ["sequences-1"]
    page = map_of(Browser(app.test_client()), world, store)
    assert "▶ Ouvert" in lesson_card(page, "Un pas après")


def test_the_due_date_changes_and_the_teacher_alone_sees_who_was_late(
    app: Flask, browser: Browser, world: World, store: Store, releases: CourseReleases
) -> None:
    class_id, code = int(world.klass["id"]), world.klass["code"]
    browser.login_teacher()
    browser.get(f"/teacher/classes/{class_id}/lessons")
    browser.post(f"/teacher/classes/{class_id}/lessons/assign", {"lesson": "sequences-1"})
    wait_released(store, class_id, ("sequences-1",))
    assert releases.due(code, "sequences-1") is None

    later = in_days(9)
    browser.get(f"/teacher/classes/{class_id}/lessons")
    changed = browser.post(
        f"/teacher/classes/{class_id}/lessons/due",
        {"lesson": "sequences-1", "due_on": later.isoformat()},
        follow_redirects=True,
    )
    assert "à rendre avant" in html.unescape(changed.text)
    due = releases.due(code, "sequences-1")
    assert due is not None and due.astimezone(ZoneInfo("Europe/Paris")).date() == later
    # Assigning the whole unit again, without a date, keeps this lesson's date.
    browser.post(f"/teacher/classes/{class_id}/lessons/assign", {"unit": "sequences"})
    wait_released(store, class_id, ("sequences-1", "sequences-2"))
    assert store.assignments(class_id)["sequences-1"]["due_on"] == later.isoformat()
    assert releases.due(code, "sequences-1") == due
    assert store.assignments(class_id)["sequences-2"]["due_on"] is None

    # Two pupils hand in, as nbgrader records it: one on time, one two hours after the date.
    from nbgrader.api import Gradebook

    on_time, late = (world.pupil_row(store, i)["username"] for i in (0, 1))
    with Gradebook(releases.course(code).gradebook_url) as gradebook:
        for name, when in ((on_time, due - timedelta(hours=1)), (late, due + timedelta(hours=2))):
            gradebook.update_or_create_student(name)
            gradebook.add_submission(
                "sequences-1", name, timestamp=when.astimezone(UTC).replace(tzinfo=None)
            )
    teacher_page = html.unescape(browser.get(f"/teacher/classes/{class_id}/lessons").text)
    line = teacher_page[teacher_page.index("Rendu après la date") :].split("</p>")[0]
    assert world.pupil_row(store, 1)["pseudonym"] in line
    assert world.pupil_row(store, 0)["pseudonym"] not in line
    # The pupil's map never says "late".
    pupil_page = map_of(Browser(app.test_client()), world, store, pupil=1).lower()
    assert "retard" not in pupil_page and "après la date" not in pupil_page

    # Re-open after the date: no due date any more, in nbgrader too.
    browser.post(f"/teacher/classes/{class_id}/lessons/due", {"lesson": "sequences-1"})
    assert releases.due(code, "sequences-1") is None
    assert store.assignments(class_id)["sequences-1"]["due_on"] is None


@pytest.mark.parametrize(
    ("due_on", "message"),
    [
        ("hier", "Choisissez la date de remise dans le calendrier"),
        ("2020-01-01", "Choisissez une date de remise après aujourd'hui"),
    ],
)
def test_a_wrong_due_date_is_refused_with_a_sentence(
    app: Flask, browser: Browser, world: World, store: Store, due_on: str, message: str
) -> None:
    class_id = int(world.klass["id"])
    browser.login_teacher()
    browser.get(f"/teacher/classes/{class_id}/lessons")
    page = browser.post(
        f"/teacher/classes/{class_id}/lessons/assign",
        {"lesson": "sequences-1", "due_on": due_on},
        follow_redirects=True,
    )
    assert message in html.unescape(page.text)
    assert store.assignments(class_id) == {}  # nothing half-done


def test_another_teachers_class_answers_404_and_forms_need_their_token(
    app: Flask, browser: Browser, world: World
) -> None:
    class_id = int(world.klass["id"])
    browser.login_teacher("b@ecole.fr")
    for path in ("lessons/assign", "lessons/unassign", "lessons/due"):
        answer = browser.post(f"/teacher/classes/{class_id}/{path}", {"lesson": "sequences-1"})
        assert answer.status_code == 404, path
    assert browser.get(f"/teacher/classes/{class_id}/formgrader").status_code == 404
    owner = Browser(app.test_client())
    owner.login_teacher()
    forged = owner.client.post(
        f"/teacher/classes/{class_id}/lessons/due", data={"lesson": "sequences-1"}
    )
    assert forged.status_code == 400


def test_the_release_api_wants_the_service_token(grader_server: ReleaseServer) -> None:
    base = f"http://127.0.0.1:{grader_server.port}/services/grader/api/v1"
    assert requests.get(f"{base}/health", timeout=5).json() == {"ok": True}
    body: dict[str, Any] = {"class_code": "K7MPQA", "lesson": "sequences-1"}
    refused = requests.post(f"{base}/unrelease", json=body, timeout=5)
    assert refused.status_code == 401
    wrong = requests.post(
        f"{base}/unrelease", json=body, headers={"Authorization": "Bearer nope"}, timeout=5
    )
    assert wrong.status_code == 401
    headers = {"Authorization": f"Bearer {RELEASE_TOKEN}"}
    bad = requests.post(f"{base}/due", json={"class_code": "K7MPQA"}, headers=headers, timeout=5)
    assert bad.status_code == 400 and "lesson" in bad.json()["message"]
    no_zone = requests.post(
        f"{base}/due",
        json={**body, "due": "2026-11-27T00:00:00"},
        headers=headers,
        timeout=5,
    )
    assert no_zone.status_code == 400
    bad_code = requests.post(
        f"{base}/release",
        json={"class_code": "../etc", "lessons": ["sequences-1"]},
        headers=headers,
        timeout=5,
    )
    assert bad_code.status_code == 400
    # A lesson id is a plain name: never a path out of the exchange.
    escape = requests.post(
        f"{base}/unrelease",
        json={"class_code": "K7MPQA", "lesson": "../../etc"},
        headers=headers,
        timeout=5,
    )
    assert escape.status_code == 400 and "../../etc" in escape.json()["message"]


@pytest.mark.browser
def test_the_new_pages_pass_axe_in_chromium(
    app: Flask, world: World, store: Store, chromium: Any
) -> None:
    """The lessons page with due dates and late hand-ins, and a quest map waiting for the
    teacher, have no axe-core violation (WCAG 2.2 AA and best practices)."""
    from classroom_app.pictures import PICTURES_BY_ID
    from robocole.i18n import set_language
    from tests.axe import axe_violations, require_axe
    from tests.classroom_app.conftest import PASSWORD
    from tests.conftest import LiveServer

    require_axe()
    class_id = int(world.klass["id"])
    store.set_assignment(class_id, "sequences-1", "released")
    store.set_assignment_due(class_id, "sequences-1", in_days(3).isoformat())
    store.set_assignment(class_id, "boucles-1", "failed", "no built lesson")
    set_language("fr")
    with LiveServer(app) as server:
        context = chromium.new_context(locale="fr-FR", bypass_csp=True)
        page = context.new_page()
        try:
            page.goto(server.url + "/teacher/login")
            page.fill("#email", "a@ecole.fr")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url("**/teacher/")
            page.goto(f"{server.url}/teacher/classes/{class_id}/lessons")
            assert page.get_by_label("À rendre avant", exact=True).count() == 1
            assert axe_violations(page) == []
        finally:
            context.close()
        context = chromium.new_context(locale="fr-FR", bypass_csp=True)
        page = context.new_page()
        try:
            pupil = world.pupil_row(store, 0)
            page.goto(f"{server.url}/c/{world.klass['code']}/{pupil['username']}")
            for picture in pictures_of(store, world, 0):
                label = PICTURES_BY_ID[picture].label_text()
                page.get_by_role("button", name=label, exact=True).click()
            page.wait_for_url("**/pupil/")
            page.get_by_text("Pas encore ouverte par ton enseignant·e").first.wait_for()
            assert page.get_by_text("À rendre avant").count() == 1
            assert axe_violations(page) == []
        finally:
            context.close()


def test_a_grader_that_does_not_answer_is_said_kindly(tmp_path: Path) -> None:
    """Assigning while the grader is down: the lesson says why; taking back says to retry."""
    from tests.conftest import free_port

    dead = make_app(tmp_path / "down", GRADER_URL=f"http://127.0.0.1:{free_port()}/")
    from classroom_app import classes
    from classroom_app.passwords import hash_password
    from tests.classroom_app.conftest import PASSWORD

    own = Store.open(dead.config["DATABASE"])
    try:
        school = own.create_school("École")
        teacher = own.create_teacher(school, "a@ecole.fr", "Mme A", hash_password(PASSWORD))
        class_id = classes.create_class(own, school, teacher, "CM2", picture_count=3)
    finally:
        own.close()
    browser = Browser(dead.test_client())
    browser.login_teacher()
    browser.get(f"/teacher/classes/{class_id}/lessons")
    browser.post(f"/teacher/classes/{class_id}/lessons/assign", {"lesson": "sequences-1"})
    own = Store.open(dead.config["DATABASE"])
    try:
        deadline = time.monotonic() + 30
        while own.assignments(class_id)["sequences-1"]["state"] == "releasing":
            assert time.monotonic() < deadline
            time.sleep(0.1)
        row = own.assignments(class_id)["sequences-1"]
    finally:
        own.close()
    assert row["state"] == "failed"
    assert "Le service de correction ne répond pas" in row["error"]
    page = html.unescape(browser.get(f"/teacher/classes/{class_id}/lessons").text)
    assert "Le service de correction ne répond pas" in page
