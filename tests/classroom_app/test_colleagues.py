"""A class run by several adults: add a colleague of the same school, take one off."""

from __future__ import annotations

from classroom_app import colleagues
from classroom_app.passwords import hash_password
from classroom_app.store import Store

from .conftest import PASSWORD, Browser, World


def _teachers_page(world: World) -> str:
    return f"/teacher/classes/{world.klass['id']}/teachers/"


def test_a_colleague_added_by_email_sees_and_runs_the_class(
    browser: Browser, store: Store, world: World
) -> None:
    browser.login_teacher()
    browser.get(_teachers_page(world))
    answer = browser.post(_teachers_page(world), {"email": "  B@ecole.fr "}, follow_redirects=True)
    assert answer.status_code == 200
    assert "M. B" in answer.text
    assert store.teaches(world.teacher_b, int(world.klass["id"]))

    other = Browser(browser.client.application.test_client())
    other.login_teacher("b@ecole.fr", PASSWORD)
    dashboard = other.get(f"/teacher/classes/{world.klass['id']}")
    assert dashboard.status_code == 200
    assert world.klass["name"] in other.get("/teacher/").text
    journal = other.get(f"/teacher/classes/{world.klass['id']}/journal").text
    assert "Mme A" in journal and "M. B" in journal


def test_only_teachers_of_the_same_school_can_be_added_and_nothing_leaks(
    browser: Browser, store: Store, world: World
) -> None:
    elsewhere = store.create_school("École Curie")
    store.create_teacher(elsewhere, "c@curie.fr", "Mme C", hash_password(PASSWORD))
    browser.login_teacher()
    browser.get(_teachers_page(world))
    for email in ("c@curie.fr", "nobody@ecole.fr"):
        answer = browser.post(_teachers_page(world), {"email": email})
        assert answer.status_code == 400
        # Same words for "exists elsewhere" and "exists nowhere": no account is revealed.
        assert "city" in answer.text or "ville" in answer.text
        assert email in answer.text  # the teacher's typing is kept to correct it
    assert store.class_teacher_ids(int(world.klass["id"])) == [world.teacher_a]


def test_adding_twice_says_so_and_keeps_one_row(store: Store, world: World) -> None:
    colleagues.add_colleague(store, world.klass, world.teacher_a, "b@ecole.fr")
    try:
        colleagues.add_colleague(store, world.klass, world.teacher_a, "b@ecole.fr")
    except colleagues.ColleagueError as error:
        assert "M. B" in error.message
    else:
        raise AssertionError("a second add must be refused")
    assert sorted(store.class_teacher_ids(int(world.klass["id"]))) == sorted(
        [world.teacher_a, world.teacher_b]
    )
    actions = [e["action"] for e in store.audit_entries(int(world.klass["id"]))]
    assert actions.count("class.teacher_add") == 1


def test_the_last_teacher_cannot_leave_and_a_colleague_can_be_taken_off(
    browser: Browser, store: Store, world: World
) -> None:
    class_id = int(world.klass["id"])
    try:
        colleagues.remove_colleague(store, world.klass, world.teacher_a, world.teacher_a)
    except colleagues.ColleagueError:
        pass
    else:
        raise AssertionError("the last teacher must stay")
    assert store.class_teacher_ids(class_id) == [world.teacher_a]

    store.add_class_teacher(class_id, world.teacher_b)
    browser.login_teacher()
    browser.get(_teachers_page(world))
    answer = browser.post(_teachers_page(world) + "remove", {"teacher_id": str(world.teacher_b)})
    assert answer.status_code == 302
    assert store.class_teacher_ids(class_id) == [world.teacher_a]
    assert browser.post(_teachers_page(world) + "remove", {"teacher_id": "x"}).status_code == 400


def test_leaving_a_class_takes_the_teacher_back_to_their_classes(
    browser: Browser, store: Store, world: World
) -> None:
    class_id = int(world.klass["id"])
    store.add_class_teacher(class_id, world.teacher_b)
    browser.login_teacher()
    browser.get(_teachers_page(world))
    answer = browser.post(_teachers_page(world) + "remove", {"teacher_id": str(world.teacher_a)})
    assert answer.headers["Location"].endswith("/teacher/")
    assert store.class_teacher_ids(class_id) == [world.teacher_b]
    assert browser.get(f"/teacher/classes/{class_id}").status_code == 404


def test_a_teacher_of_another_class_cannot_see_or_change_its_teachers(
    browser: Browser, store: Store, world: World
) -> None:
    browser.login_teacher("b@ecole.fr", PASSWORD)
    assert browser.get(_teachers_page(world)).status_code == 404
    browser.get("/teacher/")
    assert browser.post(_teachers_page(world), {"email": "b@ecole.fr"}).status_code == 404
    assert not store.teaches(world.teacher_b, int(world.klass["id"]))
