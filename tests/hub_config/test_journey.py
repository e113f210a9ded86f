"""The whole journey in real Chromium: picture login, quest map, lesson view, grader, XP.

One test, bounded: a pupil logs in with pictures and lands on the quest map; "Commencer"
opens the lesson in the lesson view (the hub starts the pupil's server, the lesson is fetched
through nbgrader's exchange); a wrong answer gets the test's orange sentence, right answers
"Bravo !"; "Rendre ma leçon" submits through nbgrader, the grader's watch service grades it,
and the view and the quest map show the XP. No grown-up chrome word is visible at any step,
and axe-core finds no serious problem. Then the teacher confirms the proposed badge.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
import requests

from classroom_app.pictures import PICTURES_BY_ID
from robocole.i18n import set_language
from tests.hub_config.conftest import Platform
from tests.hub_config.test_lesson_blocks import hang_under_program

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = "sequences-1"


def picture_label(picture_id: str) -> str:
    set_language("fr")
    return PICTURES_BY_ID[picture_id].label_text()


def progress(platform: Platform, username: str) -> dict[str, Any]:
    token = (platform.data / "tokens" / "grader").read_text().strip()  # the grader's right
    answer = requests.get(
        f"{platform.url}/services/classroom/api/v1/pupils/{username}/progress",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    answer.raise_for_status()
    return dict(answer.json())


def grader_trouble(platform: Platform) -> str:
    """What the hub's log says about grading, for a failure message."""
    lines = (platform.data / "hub.log").read_text(errors="replace").splitlines()
    worrying = [line for line in lines if "grad" in line.lower() or "Traceback" in line]
    return "no XP two minutes after submitting:\n" + "\n".join(worrying[-20:])


def answering_servers(platform: Platform) -> set[str]:
    """Pupils whose server answers on the address the hub recorded (what "ready" means)."""
    import sqlite3

    database = f"file:{platform.data / 'jupyterhub.sqlite'}?mode=ro"
    with sqlite3.connect(database, uri=True) as db:
        rows = db.execute(
            "SELECT users.name, servers.port, servers.base_url FROM spawners"
            " JOIN users ON users.id = spawners.user_id"
            " JOIN servers ON servers.id = spawners.server_id"
        ).fetchall()
    answering = set()
    for name, port, base_url in rows:
        try:
            if requests.get(f"http://127.0.0.1:{port}{base_url}api", timeout=2).ok:
                answering.add(name)
        except requests.RequestException:
            pass
    return answering


# Words of JupyterLab's and nbgrader's grown-up screens, and of Python's tracebacks: none may
# be visible to a pupil at any step of the journey.
CHROME_WORDS = (
    "Launcher",
    "Assignment",
    "Fetch",
    "Submit",
    "Validate",
    "Traceback",
    "Kernel",
    "AssertionError",
    "NotImplementedError",
    "Formgrader",
    "Notebook",
    "Login",
    "Logout",
    "Sign in",
    "Username",
    "Password",
    "Jupyter",
)
# The answers of the lesson's three exercises (Pixel's moves, one per line).
RIGHT = {
    0: 'depart("P . T")\ndroite()\ndroite()\nmontre()',
    1: 'depart("""\nP . .\n. . .\n. . T\n""")\ndroite()\ndroite()\nbas()\nbas()\nmontre()',
    2: 'depart("""\nT . . .\n. . . .\n. . . P\n""")\n'
    + "gauche()\n" * 3
    + "haut()\nhaut()\nmontre()",
}


def assert_for_a_child(page: Any, step: str) -> None:
    """No grown-up chrome word visible, and no serious accessibility problem, at ``step``."""
    from tests.axe import axe_violations

    visible = page.locator("body").inner_text()
    shown = [w for w in CHROME_WORDS if re.search(rf"\b{re.escape(w)}\b", visible)]
    assert not shown, f"{step}: {shown} visible to a pupil"
    serious = [
        v for v in axe_violations(page, keep_csp=True) if v["impact"] in ("critical", "serious")
    ]
    assert not serious, f"{step}: {serious}"


def exercise(page: Any, index: int) -> Any:
    return page.locator("section.exercise").nth(index)


def check(page: Any, index: int) -> None:
    exercise(page, index).get_by_role("button", name="Vérifier").click()


def verdict_of(page: Any, index: int) -> str:
    card = exercise(page, index).locator(".verdict .card.good, .verdict .card.warn")
    card.wait_for(timeout=60_000)
    return str(card.inner_text())


def test_pupil_logs_in_opens_the_lesson_checks_hands_in_and_sees_xp(
    platform: Platform, chromium: Any
) -> None:
    from tests.axe import require_axe

    require_axe()
    # A demo pupil with no progress yet.
    pupil = next(p for p in platform.pupils() if progress(platform, p["username"])["xp"] == 0)
    username = pupil["username"]
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{platform.url}/hub/login")
        page.get_by_label("Code de la classe (sur ta carte)").fill(platform.demo.class_code.lower())
        page.get_by_role("button", name="Continuer").click()
        page.get_by_role("link", name=pupil["pseudonym"]).click()
        for picture in platform.pictures(username):
            page.get_by_role("button", name=picture_label(picture), exact=True).click()

        # The pupil lands on the quest map, not on JupyterLab; the open lesson has its button.
        page.wait_for_url("**/services/classroom/pupil/**", timeout=90_000)
        start = page.get_by_role("link", name=re.compile(r"^Commencer : Premiers pas"))
        start.wait_for()
        assert_for_a_child(page, "quest map")

        # One click opens the lesson in the pupil's own server, started by the hub if needed.
        start.click()
        page.wait_for_url(f"**/user/{username}/robocole/lecon/**", timeout=150_000)
        # A cycle 3 lesson opens in blocks (the class's default); the text editor's sentences
        # are those of a class that chose text (test_lesson_blocks.py builds with blocks).
        page.locator("section.exercise[data-editor='blocks'] .blocklySvg").first.wait_for()
        assert page.locator("section.exercise[data-editor='blocks']").count() == 3
        page.locator("html[data-blocks]").wait_for(state="attached")
        # Exercise 3 built by dragging blocks under "Quand je lance": "Bravo !" as for text.
        third = exercise(page, 2)
        third.locator(".workspace").scroll_into_view_if_needed()
        hang_under_program(page, third, ["gauche", "gauche", "gauche", "haut", "haut"])
        check(page, 2)
        third.locator(".verdict .card.good").wait_for()
        assert verdict_of(page, 2) == "Bravo !"
        assert_for_a_child(page, "blocks")
        page.goto(page.url + "?mode=texte")
        editors = page.locator("section.exercise textarea")
        editors.first.wait_for()
        assert page.locator("html").get_attribute("lang") == "fr"
        assert "class _Monde" not in page.content(), "the world's code is shown"
        assert_for_a_child(page, "lesson")

        # A wrong answer: the test's own kind sentence, in an orange card, never a traceback.
        editors.nth(0).fill('depart("P . T")\ndroite()\nmontre()')
        check(page, 0)
        said = verdict_of(page, 0)
        assert "Pixel n'est pas encore sur le trésor" in said, said
        assert exercise(page, 0).locator(".card.warn").count() == 1
        assert_for_a_child(page, "wrong answer")

        # A misspelt order: Python's error said in French, with the line.
        editors.nth(0).fill('depart("P . T")\ndroit()\nmontre()')
        check(page, 0)
        exercise(page, 0).locator(".verdict", has_text="Ligne 2").wait_for()
        assert "droite" in verdict_of(page, 0)

        # Hints open one at a time.
        hint_button = (
            page.locator("section.exercise").nth(0).get_by_role("button", name="Un indice ?")
        )
        hint_button.click()
        hints = exercise(page, 0).locator(".hint")
        assert [hints.nth(i).is_visible() for i in range(hints.count())] == [True, False, False]

        # The right answers: "Bravo !" for each exercise, saved into the pupil's notebook.
        # Exercise 3's blocks wrote the very Python a child types (and the grader grades).
        assert editors.nth(2).input_value() == RIGHT[2]
        for index, answer in RIGHT.items():
            if index == 2:
                continue
            editors.nth(index).fill(answer)
            check(page, index)
            exercise(page, index).locator(".verdict .card.good").wait_for()
            assert verdict_of(page, index) == "Bravo !"
        assert_for_a_child(page, "well done")

        # "Rendre ma leçon": nbgrader's submit, the grader's watch service grades it, and the
        # view shows the points and the XP won.
        page.get_by_role("button", name="Rendre ma leçon").click()
        result = page.locator(".hand-in .result .card.good")
        try:
            result.wait_for(timeout=120_000)
        except Exception:
            pytest.fail(grader_trouble(platform))
        shown = result.inner_text()
        xp = progress(platform, username)["xp"]
        assert xp > 0 and f"XP gagnés : {xp}" in shown, shown
        assert "3 exercices réussis sur 3" in shown, shown
        assert_for_a_child(page, "graded")

        # Back on the quest map: the same XP, and the lesson done.
        page.get_by_role("link", name=re.compile("Retour à ma carte des quêtes")).first.click()
        page.wait_for_url("**/services/classroom/pupil/**")
        assert str(xp) in page.locator("body").inner_text()
        assert_for_a_child(page, "quest map after")
    finally:
        context.close()

    # The teacher logs in at the hub, sees the proposed badge on the dashboard, confirms it.
    proposed = [b for b in progress(platform, username)["badges"] if b["state"] == "proposed"]
    assert proposed, "passing the lesson proposes a badge"
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{platform.url}/hub/login?teacher=1")
        page.get_by_label("E-mail").fill(platform.demo.email)
        page.get_by_label("Mot de passe").fill(platform.demo.password)
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url("**/services/classroom/teacher/**")
        page.get_by_role("link", name="CM2").first.click()
        page.get_by_role(
            "button", name=re.compile(f"Confirmer.*{re.escape(pupil['pseudonym'])}")
        ).first.click()
        page.wait_for_load_state()
    finally:
        context.close()
    states = {b["badge_id"]: b["state"] for b in progress(platform, username)["badges"]}
    assert "confirmed" in states.values()


def test_start_the_class_warms_every_pupils_server(platform: Platform) -> None:
    from tests.hub_config.test_hub import csrf_of, teacher_session

    session = teacher_session(platform)
    page = session.get(f"{platform.url}/services/classroom/teacher/classes/1/lessons")
    started = session.post(
        f"{platform.url}/services/classroom/teacher/classes/1/start",
        data={"csrf_token": csrf_of(page.text)},
    )
    assert started.status_code == 200
    pupils = {p["username"] for p in platform.pupils()}
    deadline = time.monotonic() + 150
    while not pupils <= answering_servers(platform):
        assert time.monotonic() < deadline, pupils - answering_servers(platform)
        time.sleep(1)
    # Each warm server runs as the pupil's own system user, with the pupil's limits; it was
    # forked from the zygote (named "singleuser"), not a new Python process.
    import subprocess
    from pathlib import Path

    for name in pupils:
        processes = subprocess.run(
            ["pgrep", "-u", name, "-x", "singleuser"], capture_output=True, text=True
        )
        pid = processes.stdout.split()[0]
        zygote = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        assert Path(f"/proc/{zygote}/comm").read_text().strip() == "robocole-zygote"
        limits = Path(f"/proc/{pid}/limits").read_text()
        assert re.search(r"Max processes\s+64\s+64", limits), limits
        assert re.search(rf"Max address space\s+{2 * 1024**3}\s", limits), limits
