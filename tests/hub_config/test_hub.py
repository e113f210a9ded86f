"""The real hub (robocole up's own start-up) with the picture login, over plain HTTP."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
import requests

from tests.hub_config.conftest import Platform

pytestmark = pytest.mark.slow


def xsrf_of(html: str) -> str:
    found = re.search(r'name="_xsrf" value="([^"]+)"', html)
    assert found, "no _xsrf field in the page"
    return found.group(1)


def click_pictures(
    platform: Platform, session: requests.Session, username: str, pictures: list[str]
) -> requests.Response:
    code = platform.demo.class_code
    page = session.get(f"{platform.url}/hub/login", params={"code": code, "pupil": username})
    assert page.status_code == 200
    chosen = ""
    answer = page
    for picture in pictures:
        answer = session.post(
            f"{platform.url}/hub/login",
            data={
                "_xsrf": xsrf_of(answer.text),
                "code": code,
                "pupil": username,
                "chosen": chosen,
                "picture": picture,
            },
            allow_redirects=False,
        )
        if answer.status_code != 200:
            break
        chosen = ",".join([*filter(None, chosen.split(",")), picture])
    return answer


def test_class_code_then_names_then_pictures(platform: Platform) -> None:
    session = requests.Session()
    names = session.get(f"{platform.url}/hub/login", params={"code": platform.demo.class_code})
    pupil = platform.pupils()[0]
    assert pupil["pseudonym"] in names.text
    assert f"pupil={pupil['username']}" in names.text
    wrong = session.get(f"{platform.url}/hub/login", params={"code": "NOPE99"})
    assert wrong.status_code == 400
    assert "Ce code de classe n'existe pas" in html.unescape(wrong.text)

    answer = click_pictures(
        platform, session, pupil["username"], platform.pictures(pupil["username"])
    )
    assert answer.status_code == 302, answer.text[-500:]
    course = f"robocole-{platform.demo.class_code.lower()}"
    assert platform.hub_groups(pupil["username"]) == [f"nbgrader-{course}"]


def test_a_wrong_picture_gives_a_kind_message(platform: Platform) -> None:
    pupil = platform.pupils()[1]
    right = platform.pictures(pupil["username"])
    wrong = [*right[:-1], "lune" if right[-1] != "lune" else "soleil"]
    answer = click_pictures(platform, requests.Session(), pupil["username"], wrong)
    assert answer.status_code == 401
    assert "Oups, ce ne sont pas tes images" in html.unescape(answer.text)
    assert "robocole-hub-login" not in requests.Session().cookies


def test_a_pupil_cannot_open_another_pupils_server_or_a_teacher_page(platform: Platform) -> None:
    first, second = platform.pupils()[2], platform.pupils()[3]
    session = requests.Session()
    answer = click_pictures(
        platform, session, first["username"], platform.pictures(first["username"])
    )
    assert answer.status_code == 302
    other = session.get(f"{platform.url}/user/{second['username']}/lab", allow_redirects=True)
    assert other.status_code in (403, 404) or "/hub/login" in other.url
    home = session.get(f"{platform.url}/hub/home").text
    assert second["username"] not in home
    assert 'id="start"' in home and "Named Servers" not in home  # formgraders are teachers'
    # The classroom app signs the pupil in through the hub (SSO): a pupil, not a teacher.
    teacher_page = session.get(f"{platform.url}/services/classroom/teacher/")
    assert "/teacher/login" in teacher_page.url or teacher_page.status_code in (403, 404)
    own = session.get(f"{platform.url}/services/classroom/")
    assert own.status_code == 200
    assert first["pseudonym"] in own.text


def test_teacher_logs_in_with_email_and_lands_in_the_classroom_app(platform: Platform) -> None:
    session, answer = teacher_login(platform)
    assert answer.status_code == 200
    assert answer.url.startswith(f"{platform.url}/services/classroom/teacher")
    assert "CM2" in answer.text
    course = f"robocole-{platform.demo.class_code.lower()}"
    assert platform.hub_groups("prof-1") == [f"formgrade-{course}"]
    assert "Named Servers" in session.get(f"{platform.url}/hub/home").text  # formgraders
    import sqlite3

    database = f"file:{platform.data / 'jupyterhub.sqlite'}?mode=ro"
    with sqlite3.connect(database, uri=True) as db:
        (state,) = db.execute(
            "SELECT encrypted_auth_state FROM users WHERE name = 'prof-1'"
        ).fetchone()
    assert state and b"formgrade" not in state, "auth_state is kept, encrypted"


def teacher_login(
    platform: Platform, email: str = "", password: str = ""
) -> tuple[requests.Session, requests.Response]:
    """A teacher logs in on the hub's page (the demo teacher unless told otherwise)."""
    session = requests.Session()
    page = session.get(f"{platform.url}/hub/login", params={"teacher": "1"})
    answer = session.post(
        f"{platform.url}/hub/login",
        data={
            "_xsrf": xsrf_of(page.text),
            "kind": "teacher",
            "email": email or platform.demo.email,
            "password": password or platform.demo.password,
        },
    )
    return session, answer


def teacher_session(platform: Platform) -> requests.Session:
    return teacher_login(platform)[0]


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found
    return found.group(1)


def test_teacher_assigns_a_lesson_in_one_click_and_takes_it_back(platform: Platform) -> None:
    import time

    session = teacher_session(platform)
    page = session.get(f"{platform.url}/services/classroom/teacher/classes/1/lessons")
    assert page.status_code == 200
    lesson = "sequences-3"
    assign = session.post(
        f"{platform.url}/services/classroom/teacher/classes/1/lessons/assign",
        data={"csrf_token": csrf_of(page.text), "lesson": lesson},
    )
    assert assign.status_code == 200
    course = f"robocole-{platform.demo.class_code.lower()}"
    outbound = platform.data / "exchange" / course / "outbound" / lesson
    deadline = time.monotonic() + 90
    # The demo's first lessons are in the pupils' list already: wait for this one's button.
    while f"Reprendre {lesson}" not in html.unescape(assign.text):
        assert time.monotonic() < deadline, "the lesson was not released"
        time.sleep(1)
        assign = session.get(f"{platform.url}/services/classroom/teacher/classes/1/lessons")
    while not (outbound / f"{lesson}.ipynb").is_file():  # the release runs in the background
        assert time.monotonic() < deadline, "the lesson was not released"
        time.sleep(1)

    back = session.post(
        f"{platform.url}/services/classroom/teacher/classes/1/lessons/unassign",
        data={"csrf_token": csrf_of(assign.text), "lesson": lesson},
    )
    assert back.status_code == 200
    assert not outbound.exists()


@pytest.mark.browser
def test_the_picture_login_works_by_keyboard(platform: Platform, chromium: Any) -> None:
    from classroom_app.pictures import PICTURES, PICTURES_BY_ID
    from robocole.i18n import set_language

    set_language("fr")
    pupil = platform.pupils()[4]
    page = chromium.new_page(locale="fr-FR")
    try:
        page.goto(f"{platform.url}/hub/login?next=/hub/home")
        page.keyboard.type(platform.demo.class_code)  # the code field has the focus
        page.keyboard.press("Enter")
        page.get_by_role("link", name=pupil["pseudonym"]).focus()
        page.keyboard.press("Enter")
        buttons = page.locator("ul.pictures button")
        buttons.first.wait_for()
        assert buttons.count() == len(PICTURES)
        # Every picture has a name a screen reader says, and a large target.
        for index in range(buttons.count()):
            box = buttons.nth(index).bounding_box()
            assert box is not None and box["width"] >= 44 and box["height"] >= 44
        for picture in platform.pictures(pupil["username"]):
            name = PICTURES_BY_ID[picture].label_text()
            page.get_by_role("button", name=name, exact=True).focus()
            page.keyboard.press("Enter")
            page.wait_for_load_state()
        page.wait_for_url("**/hub/home")
        # Logged in: the pupil's home (its header has no login button, only "log out").
        page.get_by_role("link", name="Se déconnecter").wait_for()
    finally:
        page.close()
