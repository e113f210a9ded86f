"""On a pupil's page the teacher awards the physical robot challenges by hand: each button
says which badge it is about, for a screen reader that lists the buttons of the page."""

from __future__ import annotations

import re
from html import unescape

from classroom_app.store import Store
from tests.classroom_app.conftest import Browser, World


def button_names(page: str) -> list[str]:
    """Each button's text as a screen reader reads it (visually hidden parts included)."""
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", "", inner)).split())
        for inner in re.findall(r"<button[^>]*>(.*?)</button>", page, flags=re.S)
    ]


def test_every_badge_button_on_a_pupil_page_names_its_badge(
    browser: Browser, world: World, store: Store
) -> None:
    browser.login_teacher()
    class_id, pupil_id = world.klass["id"], world.pupils[0].id
    url = f"/teacher/classes/{class_id}/badges"
    browser.post(url, {"pupil_id": pupil_id, "badge_id": "pilote-du-carre", "decision": "award"})
    page = browser.get(f"/teacher/classes/{class_id}/pupils/{pupil_id}").text
    names = button_names(page)
    assert "Donner le badge — Roi des boucles" in names
    assert "Retirer — Pilote du carré" in names
    decisions = [n for n in names if n.startswith(("Donner le badge", "Retirer", "Confirmer"))]
    assert decisions and all(" — " in n for n in decisions)
