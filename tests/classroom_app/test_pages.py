"""The pages teachers and pupils use, through Flask's test client (no JavaScript needed)."""

from __future__ import annotations

import csv
import html
import io

import pytest
from flask import Flask

from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.pictures import PICTURES_BY_ID
from classroom_app.store import Store
from robocole.i18n import set_language

from .conftest import Browser, World, api_headers, pictures_of


def test_home_offers_both_doors_in_french(browser: Browser) -> None:
    page = browser.get("/")
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    assert "Je suis élève" in page.text


def test_english_is_one_click_away(browser: Browser) -> None:
    page = browser.get("/?lang=en")
    assert '<html lang="en">' in page.text and "I am a pupil" in page.text
    assert "I am a pupil" in browser.get("/").text  # the choice is remembered


def test_teacher_creates_a_class_and_adds_pupils(browser: Browser, world: World) -> None:
    assert browser.login_teacher().status_code == 302
    created = browser.post("/teacher/classes", {"name": "CE2 <b>club</b>", "picture_count": "4"})
    assert created.status_code == 302
    class_url = created.headers["Location"].rsplit("/pupils", 1)[0]
    page = browser.get(class_url)
    assert "CE2 &lt;b&gt;club&lt;/b&gt;" in page.text  # markup in a name is shown, not run
    browser.get(class_url + "/pupils")
    added = browser.post(class_url + "/pupils", {"names": "Jade Roux\nJade Rivière\n<i>Tom</i>"})
    assert added.status_code == 302 and added.headers["Location"].endswith("/cards")
    cards = browser.get(class_url + "/cards")
    assert "Jade R." in cards.text and "Jade Ri." in cards.text
    assert "&lt;i&gt;Tom&lt;/i&gt;" in cards.text and "<i>Tom" not in cards.text
    assert cards.text.count('class="login-card"') == 3
    assert "<svg" in cards.text and "@media print" not in cards.text  # print rules are in CSS


def test_cards_hold_the_class_url_in_the_qr_never_the_pictures(
    browser: Browser, world: World, store: Store
) -> None:
    browser.login_teacher()
    page = browser.get(f"/teacher/classes/{world.klass['id']}/cards")
    assert f"/c/{world.klass['code']}</title>" in page.text  # the QR code's title is its content
    set_language("fr")
    for position, picture in enumerate(pictures_of(store, world, 0), start=1):
        assert f"{position}. {PICTURES_BY_ID[picture].label_text()}" in page.text
    browser.post(f"/teacher/classes/{world.klass['id']}/cards/forget")
    assert store.cards(int(world.klass["id"])) == {}
    assert (
        'class="login-card"' not in browser.get(f"/teacher/classes/{world.klass['id']}/cards").text
    )


def test_a_teacher_never_sees_another_teachers_class(browser: Browser, world: World) -> None:
    browser.login_teacher("b@ecole.fr")
    for url in ("", "/cards", "/pupils", "/results.csv", f"/pupils/{world.pupils[0].id}"):
        assert browser.get(f"/teacher/classes/{world.klass['id']}{url}").status_code == 404
    response = browser.post(f"/teacher/classes/{world.klass['id']}/unlock")
    assert response.status_code == 404


def test_pages_check_the_role(browser: Browser, world: World, store: Store) -> None:
    assert browser.get("/teacher/").headers["Location"].startswith("/teacher/login")
    assert browser.get("/pupil/").headers["Location"] == "/login"
    username = store.pupil(world.pupils[0].id)["username"]  # type: ignore[index]
    browser.login_pupil(world.klass, username, pictures_of(store, world, 0))
    assert browser.get("/teacher/").status_code == 302
    assert browser.get(f"/teacher/classes/{world.klass['id']}").status_code == 302


def test_forms_without_the_csrf_token_are_refused(app: Flask, world: World) -> None:
    client = app.test_client()
    response = client.post("/teacher/login", data={"email": "a@ecole.fr", "password": "x"})
    assert response.status_code == 400
    assert "expiré" in response.text


def test_pupil_logs_in_with_code_name_and_pictures(
    browser: Browser, world: World, store: Store
) -> None:
    browser.get("/login")
    wrong = browser.post("/login", {"code": "ZZZZZZ"})
    assert wrong.status_code == 400 and "n'existe pas" in html.unescape(wrong.text)
    found = browser.post("/login", {"code": world.klass["code"].lower()})
    assert found.headers["Location"] == f"/c/{world.klass['code']}"
    names = browser.get(found.headers["Location"])
    assert "Lina B." in names.text and "Noah" in names.text
    username = store.pupil(world.pupils[0].id)["username"]  # type: ignore[index]
    home = browser.login_pupil(world.klass, username, pictures_of(store, world, 0))
    assert home.headers["Location"] == "/pupil/"
    page = browser.get("/pupil/")
    assert "Bonjour Lina B." in page.text and "Niveau 1" in page.text
    assert "Un pas après l'autre" in html.unescape(page.text)  # the quest map shows the curriculum


def test_wrong_pictures_are_kind_and_lead_to_a_pause_the_teacher_lifts(
    app: Flask, browser: Browser, world: World, store: Store
) -> None:
    username = store.pupil(world.pupils[1].id)["username"]  # type: ignore[index]
    right = pictures_of(store, world, 1)
    wrong = ["lune" if right[0] != "lune" else "soleil"] * 3
    response = browser.login_pupil(world.klass, username, wrong)
    assert response.status_code == 401 and "ce ne sont pas tes images" in response.text
    for _ in range(4):
        response = browser.login_pupil(world.klass, username, wrong)
    assert "Demande à ton enseignant" in response.text
    assert browser.login_pupil(world.klass, username, right).status_code == 401
    teacher = Browser(app.test_client())
    teacher.login_teacher()
    dashboard = teacher.get(f"/teacher/classes/{world.klass['id']}")
    assert "connexion en pause" in dashboard.text
    teacher.post(f"/teacher/classes/{world.klass['id']}/unlock")
    assert browser.login_pupil(world.klass, username, right).status_code == 302


def test_a_posted_result_becomes_xp_and_a_badge_the_teacher_confirms(
    app: Flask, browser: Browser, world: World, store: Store
) -> None:
    client = app.test_client()
    username = store.pupil(world.pupils[0].id)["username"]  # type: ignore[index]
    for key, lesson, exercises in (
        ("r1", "sequences-1", ["sequences-1-a", "sequences-1-b"]),
        ("r2", "sequences-2", ["sequences-2-a"]),
    ):
        client.post(
            "/api/v1/results",
            headers=api_headers(),
            json={
                "idempotency_key": key,
                "username": username,
                "lesson_id": lesson,
                "protections": list(MINIMUM_PROTECTIONS),
                "exercises": [{"exercise_id": e, "passed": True} for e in exercises],
            },
        )
    teacher = Browser(app.test_client())
    teacher.login_teacher()
    dashboard = teacher.get(f"/teacher/classes/{world.klass['id']}")
    assert "Badges à confirmer" in dashboard.text and "As des séquences" in dashboard.text
    teacher.post(
        f"/teacher/classes/{world.klass['id']}/badges",
        {"pupil_id": world.pupils[0].id, "badge_id": "as-des-sequences", "decision": "confirm"},
    )
    assert store.award_states(world.pupils[0].id)["as-des-sequences"].state == "confirmed"
    browser.login_pupil(world.klass, username, pictures_of(store, world, 0))
    first = browser.get("/pupil/")
    assert "Bravo, un nouveau badge" in first.text and "35 XP" in first.text
    assert "Bravo, un nouveau badge" not in browser.get("/pupil/").text  # celebrated once
    assert "As des séquences" in browser.get("/pupil/badges").text


def test_teacher_awards_a_robot_badge_by_hand_and_can_withdraw_it(
    browser: Browser, world: World, store: Store
) -> None:
    browser.login_teacher()
    url = f"/teacher/classes/{world.klass['id']}/badges"
    form = {"pupil_id": world.pupils[2].id, "badge_id": "pilote-du-carre", "back": "pupil"}
    browser.post(url, {**form, "decision": "award"})
    assert store.award_states(world.pupils[2].id)["pilote-du-carre"].state == "confirmed"
    browser.post(url, {**form, "decision": "revoke"})
    assert store.award_states(world.pupils[2].id)["pilote-du-carre"].state == "revoked"
    refused = browser.post(url, {**form, "decision": "confirm"})
    assert refused.status_code == 302  # refused with a message, nothing written
    assert [e["state"] for e in store.award_history(world.pupils[2].id)] == [
        "confirmed",
        "revoked",
    ]
    entries = [e["action"] for e in store.audit_entries(int(world.klass["id"]))]
    assert "badge.award" in entries and "badge.revoke" in entries


def test_reset_pictures_makes_a_new_card(browser: Browser, world: World, store: Store) -> None:
    browser.login_teacher()
    class_id = int(world.klass["id"])
    store.forget_cards(class_id)
    old_hash = store.pupil(world.pupils[0].id)["picture_hash"]  # type: ignore[index]
    browser.post(f"/teacher/classes/{class_id}/pupils/{world.pupils[0].id}/reset")
    assert list(store.cards(class_id)) == [str(world.pupils[0].id)]
    assert store.pupil(world.pupils[0].id)["picture_hash"] != old_hash  # type: ignore[index]


def test_csv_export_for_french_spreadsheets(
    app: Flask, browser: Browser, world: World, store: Store
) -> None:
    store.conn.execute(
        "UPDATE pupils SET pseudonym = '=HYPERLINK(1)' WHERE id = ?", (world.pupils[2].id,)
    )
    browser.login_teacher()
    response = browser.get(f"/teacher/classes/{world.klass['id']}/results.csv")
    assert response.mimetype == "text/csv"
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["Élève", "Identifiant", "XP", "Niveau"]
    assert [r[0] for r in rows if "HYPERLINK" in r[0]] == ["'=HYPERLINK(1)"]
    assert len(rows) == 4


@pytest.mark.parametrize("goal", ["-5", "abc", "0"])
def test_bad_class_goals_are_refused_kindly(browser: Browser, world: World, goal: str) -> None:
    browser.login_teacher()
    response = browser.post(
        f"/teacher/classes/{world.klass['id']}/goal", {"goal_xp": goal}, follow_redirects=True
    )
    assert "nombre" in response.text


def test_the_teacher_sees_which_exercise_a_pupil_is_stuck_on(
    app: Flask, browser: Browser, world: World, store: Store
) -> None:
    client = app.test_client()
    username = store.pupil(world.pupils[1].id)["username"]  # type: ignore[index]
    for attempt in range(3):
        client.post(
            "/api/v1/results",
            headers=api_headers(),
            json={
                "idempotency_key": f"stuck-{attempt}",
                "username": username,
                "lesson_id": "sequences-1",
                "protections": list(MINIMUM_PROTECTIONS),
                "exercises": [{"exercise_id": "sequences-1-b", "passed": False}],
            },
        )
    browser.login_teacher()
    dashboard = browser.get(f"/teacher/classes/{world.klass['id']}")
    assert dashboard.text.count("⚑<span") == 1
    page = html.unescape(
        browser.get(f"/teacher/classes/{world.klass['id']}/pupils/{world.pupils[1].id}").text
    )
    assert "A peut-être besoin d'aide maintenant" in page and "sequences-1-b" in page
