"""After a lockout the teacher opens one pupil's login again, from the dashboard."""

from __future__ import annotations

import re

from flask import Flask

from classroom_app.store import Store

from .conftest import Browser, World, pictures_of


def _lock(browser: Browser, world: World, store: Store, index: int) -> tuple[str, list[str]]:
    username = str(store.pupil(world.pupils[index].id)["username"])  # type: ignore[index]
    right = pictures_of(store, world, index)
    wrong = ["lune" if right[0] != "lune" else "soleil"] * len(right)
    for _ in range(5):
        browser.login_pupil(world.klass, username, wrong)
    assert browser.login_pupil(world.klass, username, right).status_code == 401  # paused
    return username, right


def test_the_teacher_opens_one_pupils_login_and_only_theirs(
    app: Flask, world: World, store: Store
) -> None:
    pupils = Browser(app.test_client())
    first, first_pictures = _lock(pupils, world, store, 0)
    second, second_pictures = _lock(pupils, world, store, 1)

    teacher = Browser(app.test_client())
    teacher.login_teacher()
    class_id, pupil_id = world.klass["id"], world.pupils[0].id
    dashboard = teacher.get(f"/teacher/classes/{class_id}")
    action = f"/teacher/classes/{class_id}/pupils/{pupil_id}/unlock"
    assert f'action="{action}"' in dashboard.text
    # The button names the pupil for a screen reader ("Rouvrir — Lina B.").
    assert re.search(r"Rouvrir<span class=\"visually-hidden\"> — Lina B\.</span>", dashboard.text)

    answer = teacher.post(action)
    assert answer.status_code == 302
    assert "Lina B. peut de nouveau se connecter" in teacher.get(answer.headers["Location"]).text
    assert pupils.login_pupil(world.klass, first, first_pictures).status_code == 302
    # The other pupil stays paused until the teacher decides for them too.
    assert pupils.login_pupil(world.klass, second, second_pictures).status_code == 401
    assert store.pupil(world.pupils[1].id)["locked"] == 1  # type: ignore[index]
    # The class's journal says what happened (ids only, no name).
    assert [e["action"] for e in store.audit_entries(int(class_id))][-1] == "pupil.unlock"


def test_another_teacher_cannot_open_a_login_in_a_class_not_theirs(
    app: Flask, world: World, store: Store
) -> None:
    pupils = Browser(app.test_client())
    username, pictures = _lock(pupils, world, store, 0)
    other = Browser(app.test_client())
    other.login_teacher("b@ecole.fr")
    url = f"/teacher/classes/{world.klass['id']}/pupils/{world.pupils[0].id}/unlock"
    assert other.post(url).status_code == 404
    assert pupils.login_pupil(world.klass, username, pictures).status_code == 401
