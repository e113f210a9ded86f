"""End to end in real headless Chromium, against the app served by waitress.

A teacher creates a class and opens the cards; a pupil logs in by clicking pictures and sees
the quest map; a posted result appears as XP and a proposed badge the teacher confirms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from flask import Flask

from classroom_app.ledger import MINIMUM_PROTECTIONS
from classroom_app.pictures import PICTURES_BY_ID
from classroom_app.store import Store
from robocole.i18n import set_language

from ..conftest import LiveServer
from .conftest import PASSWORD, TOKENS, World

pytestmark = pytest.mark.browser


@pytest.fixture
def server(app: Flask) -> Iterator[LiveServer]:
    with LiveServer(app) as live:
        yield live


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "data:"))
            else None
        ),
    )
    yield page
    context.close()
    assert outside == [], f"the page loaded something from elsewhere: {outside}"


def test_teacher_creates_a_class_and_prints_cards(
    server: LiveServer, page: Any, world: World
) -> None:
    page.goto(server.url + "/")
    page.get_by_role("link", name="Espace enseignant").click()
    page.get_by_label("E-mail").fill("a@ecole.fr")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_label("Nom de la classe").fill("CM2 Les inventeurs")
    page.get_by_role("button", name="Créer la classe").click()
    page.get_by_label("Un élève par ligne").fill("Jade Roux\nMoussa\nJade Rivière")
    page.get_by_role("button", name="Ajouter et faire les cartes de connexion").click()
    assert page.get_by_role("heading", name="Cartes de connexion").is_visible()
    cards = page.locator(".login-card")
    assert cards.count() == 3
    assert cards.first.locator("svg.segno").count() == 1  # the QR code
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()  # the print stylesheet hides the menu
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def test_pupil_logs_in_with_pictures_and_sees_the_quest_map(
    server: LiveServer, page: Any, world: World, store: Store
) -> None:
    set_language("fr")
    page.goto(server.url + "/")
    page.get_by_role("link", name="Je suis élève").click()
    page.get_by_label("Le code de ta classe").fill(world.klass["code"].lower())
    page.get_by_role("button", name="Suivant").click()
    page.get_by_role("link", name="Lina B.").click()
    sequence = store.cards(int(world.klass["id"]))[str(world.pupils[0].id)]
    for picture in sequence:
        page.get_by_role("button", name=PICTURES_BY_ID[picture].label_text(), exact=True).click()
    assert page.get_by_role("heading", name="Bonjour Lina B. !").is_visible()
    assert page.get_by_role("heading", name="Carte des quêtes").is_visible()
    assert page.get_by_text("Un pas après l'autre").is_visible()


def test_a_posted_result_becomes_xp_and_a_badge_the_teacher_confirms(
    server: LiveServer, page: Any, chromium: Any, world: World, store: Store
) -> None:
    username = store.pupil(world.pupils[0].id)["username"]  # type: ignore[index]
    for key, lesson, exercises in (
        ("e2e-1", "sequences-1", ["sequences-1-a", "sequences-1-b"]),
        ("e2e-2", "sequences-2", ["sequences-2-a"]),
    ):
        response = requests.post(
            server.url + "/api/v1/results",
            headers={"Authorization": f"Bearer {TOKENS['grader']}"},
            json={
                "idempotency_key": key,
                "username": username,
                "lesson_id": lesson,
                "protections": list(MINIMUM_PROTECTIONS),
                "exercises": [{"exercise_id": e, "passed": True} for e in exercises],
            },
            timeout=10,
        )
        assert response.status_code == 201
    page.goto(server.url + "/teacher/login")
    page.get_by_label("E-mail").fill("a@ecole.fr")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("link", name="CM1 robots").click()
    page.get_by_role("button", name="Confirmer — As des séquences, Lina B.").click()
    assert page.get_by_text("Lina B. a le badge « As des séquences ».").is_visible()

    pupil = chromium.new_context(locale="fr-FR").new_page()
    pupil.goto(f"{server.url}/c/{world.klass['code']}/{username}")
    set_language("fr")
    for picture in store.cards(int(world.klass["id"]))[str(world.pupils[0].id)]:
        pupil.get_by_role("button", name=PICTURES_BY_ID[picture].label_text(), exact=True).click()
    assert pupil.get_by_role("heading", name="Bravo, un nouveau badge !").is_visible()
    assert re.search(r"35 XP", pupil.locator("#level-title + label").inner_text())
    pupil.context.close()
