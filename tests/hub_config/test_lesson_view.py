"""The lesson view in a real pupil's Jupyter server, on a lesson really released by nbgrader.

The curriculum is built, the lesson released into an exchange with the grader's own release
code, and a Jupyter server runs with the pupils' configuration (the lesson view enabled),
nbgrader's exchange pointing at that folder. The tests use the view's routes as its page does
(and, for the keyboard, real Chromium); the whole hub journey is in test_journey.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.hub_config.conftest import SINGLEUSER, pupil_jupyter

pytestmark = pytest.mark.slow

COURSE = "robocole-demo1"
LESSON = "sequences-1"
RIGHT_A = 'depart("P . T")\ndroite()\ndroite()\nmontre()'


@dataclass
class LessonServer:
    url: str
    home: Path
    exchange: Path
    curriculum: Path
    courses: Path
    log: Path

    def page_url(self, lesson: str = LESSON) -> str:
        return f"{self.url}/robocole/lecon/{COURSE}/{lesson}"

    def api(self, lesson: str = LESSON) -> str:
        return f"{self.url}/robocole/api/lecon/{COURSE}/{lesson}"

    def notebook(self, lesson: str = LESSON) -> Path:
        return self.home / COURSE / lesson / f"{lesson}.ipynb"

    def session(self, lesson: str = LESSON) -> tuple[requests.Session, str]:
        """A browser-like session that opened the lesson page, and its XSRF token."""
        session = requests.Session()
        page = session.get(self.page_url(lesson), timeout=60)
        found = re.search(r'data-xsrf="([^"]+)"', page.text)
        assert found, page.text[:2000]
        session.headers["X-XSRFToken"] = found.group(1)
        return session, page.text

    def release(self, lesson: str) -> None:
        from grader.releases import CourseReleases

        CourseReleases(self.courses, self.exchange, self.curriculum).release("DEMO1", [lesson])


def answer_cell(notebook: Path, answer_id: str) -> str:
    cells = json.loads(notebook.read_text())["cells"]
    cell = next(c for c in cells if c["metadata"]["nbgrader"]["grade_id"] == answer_id)
    return "".join(cell["source"])


@pytest.fixture(scope="module")
def lesson_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LessonServer]:
    lessons = [LESSON, "variables-1", "boucles-1"]
    with serve_lessons(tmp_path_factory.mktemp("lesson-view"), lessons) as server:
        yield server


@contextmanager
def serve_lessons(root: Path, lessons: list[str]) -> Iterator[LessonServer]:
    """A pupil's server on these lessons, built and released by nbgrader (French course)."""
    from grader.releases import CourseReleases

    home, exchange, config = root / "home", root / "exchange", root / "config"
    for folder in (home, config):
        folder.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "robocole.cli",
            "curriculum",
            "build",
            str(root / "curriculum"),
            "--language",
            "fr",
            *(option for lesson in lessons for option in ("--lesson", lesson)),
        ],
        check=True,
        capture_output=True,
    )
    CourseReleases(root / "courses", exchange, root / "curriculum").release("DEMO1", lessons)
    # nbgrader as in a pupil's server, without the hub: the exchange is this folder.
    (config / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
        "c.Exchange.path_includes_course = True\n"
    )
    log = root / "server.log"
    with pupil_jupyter(home, [SINGLEUSER / "pupil", config], log) as url:
        yield LessonServer(url, home, exchange, root / "curriculum", root / "courses", log)


def save(server: LessonServer, session: requests.Session, answer_id: str, source: str) -> None:
    saved = session.put(
        f"{server.api()}/reponses/{answer_id}", json={"source": source, "base": None}, timeout=30
    )
    assert saved.status_code == 200, saved.text


def check(server: LessonServer, session: requests.Session, grade_id: str) -> dict[str, Any]:
    answer = session.post(f"{server.api()}/verifier/{grade_id}", json={}, timeout=90)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_opening_fetches_the_lesson_once_and_never_overwrites_it(
    lesson_server: LessonServer,
) -> None:
    session, page = lesson_server.session()
    notebook = lesson_server.notebook()
    assert notebook.is_file(), "the lesson is fetched through nbgrader's exchange"
    # The page shows the lesson and its exercises, never the world's code nor the tests.
    assert 'lang="fr"' in page and "Premiers pas" in page
    assert page.count('class="exercise"') == 3
    assert "class _Monde" not in page and "assert position()" not in page
    save(lesson_server, session, "sequences-1-a-solution", RIGHT_A)
    # Opening it again keeps what the pupil wrote.
    again = requests.get(lesson_server.page_url(), timeout=60)
    assert again.ok and "droite()\ndroite()" in again.text
    assert answer_cell(notebook, "sequences-1-a-solution") == RIGHT_A


def test_a_pupil_who_chose_english_at_the_login_gets_the_view_in_english(
    lesson_server: LessonServer,
) -> None:
    # The picture login's choice (cookie robocole-lang, for the whole site).
    page = requests.get(lesson_server.page_url(), cookies={"robocole-lang": "en"}, timeout=60)
    assert page.ok and '<html lang="en">' in page.text
    assert ">Check</button>" in page.text and "Back to my quest map" in page.text
    assert "Vérifier" not in page.text
    # The lesson itself is French, and says so to screen readers.
    assert '<div class="text" lang="fr">' in page.text


def test_check_says_bravo_the_tests_sentence_or_pythons_error_in_french(
    lesson_server: LessonServer,
) -> None:
    session, _page = lesson_server.session()
    answer = "sequences-1-b-solution"
    # Untouched: a kind word, no run.
    untouched = check(lesson_server, session, "sequences-1-b")
    assert not untouched["passed"] and "pas encore écrit" in untouched["sentence"]

    grid = 'depart("""\nP . .\n. . .\n. . T\n""")\n'  # five lines
    save(lesson_server, session, answer, grid + "droite()\nmontre()")
    wrong = check(lesson_server, session, "sequences-1-b")
    assert not wrong["passed"]
    assert wrong["sentence"].startswith("Pixel n'est pas encore sur le trésor"), wrong

    save(lesson_server, session, answer, grid + "droite(\nbas()")
    bracket = check(lesson_server, session, "sequences-1-b")
    assert bracket["line"] == 6 and bracket["sentence"].startswith("Ligne 6 :"), bracket
    assert "« ) »" in bracket["sentence"]

    save(lesson_server, session, answer, grid + "Droite()")
    misspelt = check(lesson_server, session, "sequences-1-b")
    assert misspelt["sentence"].startswith("Ligne 6 :") and "droite" in misspelt["sentence"]

    save(lesson_server, session, answer, grid + "droite()\ndroite()\nbas()\nbas()\nmontre()")
    bravo = check(lesson_server, session, "sequences-1-b")
    assert bravo["passed"] and bravo["sentence"] == "Bravo !"
    assert bravo["outputs"], "the child sees what montre() showed"
    for said in (untouched, wrong, bracket, misspelt, bravo):
        text = json.dumps(said, ensure_ascii=False)
        for word in ("Traceback", "AssertionError", "NotImplementedError", "Error"):
            assert word not in text, (word, said)


def test_a_loop_that_never_ends_is_stopped_and_the_next_check_works(
    lesson_server: LessonServer,
) -> None:
    session, _page = lesson_server.session()
    save(lesson_server, session, "sequences-1-c-solution", "while True:\n    pass\n")
    started = time.monotonic()
    stuck = check(lesson_server, session, "sequences-1-c")
    assert not stuck["passed"] and "trop de temps" in stuck["sentence"]
    assert time.monotonic() - started < 30
    save(lesson_server, session, "sequences-1-c-solution", "x = (")
    after = check(lesson_server, session, "sequences-1-c")
    assert after["sentence"].startswith("Ligne 1 :"), after


def test_an_answer_saved_in_another_tab_is_never_lost(lesson_server: LessonServer) -> None:
    first, _ = lesson_server.session()
    second, _ = lesson_server.session()
    answer = "sequences-1-c-solution"
    base = answer_cell(lesson_server.notebook(), answer)
    url = f"{lesson_server.api()}/reponses/{answer}"
    mine = first.put(url, json={"source": "haut()\n", "base": base}, timeout=30)
    assert mine.status_code == 200
    # The other tab still thinks the answer is the old one: nothing is written, it is told.
    theirs = second.put(url, json={"source": "bas()\n", "base": base}, timeout=30)
    assert theirs.status_code == 409 and theirs.json()["current"] == "haut()\n"
    assert answer_cell(lesson_server.notebook(), answer) == "haut()\n"
    # Choosing to keep theirs writes it.
    kept = second.put(url, json={"source": "bas()\n", "base": None}, timeout=30)
    assert kept.status_code == 200
    assert answer_cell(lesson_server.notebook(), answer) == "bas()\n"


def test_a_pupils_server_keeps_two_lesson_kernels_at_most(lesson_server: LessonServer) -> None:
    for lesson in (LESSON, "variables-1", "boucles-1"):
        lesson_server.session(lesson)  # opening a lesson starts its kernel
    deadline = time.monotonic() + 30
    while True:
        kernels = requests.get(f"{lesson_server.url}/api/kernels", timeout=30).json()
        if len(kernels) <= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert len(kernels) == 2, kernels


def test_bad_requests_get_a_clear_answer(lesson_server: LessonServer) -> None:
    session, _ = lesson_server.session()
    no_xsrf = requests.post(f"{lesson_server.api()}/verifier/sequences-1-a", json={}, timeout=30)
    assert no_xsrf.status_code == 403
    unknown = session.post(f"{lesson_server.api()}/verifier/nope", json={}, timeout=30)
    assert unknown.status_code == 404 and "recharge la page" in unknown.json()["message"]
    huge = session.put(
        f"{lesson_server.api()}/reponses/sequences-1-a-solution",
        json={"source": "x" * 200_000, "base": None},
        timeout=30,
    )
    assert huge.status_code == 413 and "trop long" in huge.json()["message"]
    assert answer_cell(lesson_server.notebook(), "sequences-1-a-solution") == RIGHT_A
    traversal = requests.get(f"{lesson_server.url}/robocole/lecon/..%2F..%2Fetc/passwd", timeout=30)
    assert traversal.status_code == 404


def test_a_damaged_notebook_is_kept_aside_and_a_fresh_copy_offered(
    lesson_server: LessonServer,
) -> None:
    lesson = "variables-1"
    session, _ = lesson_server.session(lesson)
    notebook = lesson_server.notebook(lesson)
    notebook.write_text('{"cells": [')  # truncated
    page = session.get(lesson_server.page_url(lesson), timeout=60)
    assert "abîmé" in page.text and "copie neuve" in page.text
    assert notebook.read_text() == '{"cells": ['  # nothing touched before the child asks
    token = session.headers["X-XSRFToken"]
    fresh = session.post(
        lesson_server.page_url(lesson), data={"_xsrf": token, "action": "fresh-copy"}, timeout=60
    )
    assert fresh.ok and "abîmé" not in fresh.text and "Une boîte avec un nom" in fresh.text
    json.loads(notebook.read_text())
    kept = list(notebook.parent.glob(f"{lesson}.abime-*.ipynb"))
    assert len(kept) == 1 and kept[0].read_text() == '{"cells": ['

    # A deleted notebook comes back by itself; the pupil's other files stay.
    (notebook.parent / "mes-notes.txt").write_text("à garder")
    notebook.unlink()
    again = session.get(lesson_server.page_url(lesson), timeout=60)
    assert again.ok and notebook.is_file()
    assert (notebook.parent / "mes-notes.txt").read_text() == "à garder"


def test_a_lesson_taken_back_keeps_the_work_and_says_so(lesson_server: LessonServer) -> None:
    from grader.releases import CourseReleases

    releases = CourseReleases(
        lesson_server.courses, lesson_server.exchange, lesson_server.curriculum
    )
    session, _ = lesson_server.session()
    releases.unrelease("DEMO1", LESSON)
    try:
        page = session.get(lesson_server.page_url(), timeout=60)
        assert page.ok and "a repris cette leçon" in page.text
        assert "droite()\ndroite()" in page.text  # the work is there
        handed = session.post(f"{lesson_server.api()}/rendre", json={}, timeout=60)
        assert handed.status_code == 409 and "travail est gardé" in handed.json()["message"]
        # Never opened, and taken back: nothing to show but a kind sentence.
        shutil.rmtree(lesson_server.home / COURSE / LESSON)
        missing = session.get(lesson_server.page_url(), timeout=60)
        assert missing.status_code == 404 and "pas ouverte en ce moment" in missing.text
    finally:
        releases.release("DEMO1", [LESSON])


def test_the_exchange_unreachable_is_said_kindly(lesson_server: LessonServer) -> None:
    away = lesson_server.exchange.with_name("exchange-away")
    shutil.rmtree(lesson_server.home / COURSE / "variables-1", ignore_errors=True)
    lesson_server.exchange.rename(away)
    try:
        page = requests.get(lesson_server.page_url("variables-1"), timeout=60)
        assert page.status_code == 404 and "Réessaie dans une minute" in page.text
    finally:
        away.rename(lesson_server.exchange)


def test_hand_in_goes_through_nbgrader(lesson_server: LessonServer) -> None:
    session, _ = lesson_server.session()
    handed = session.post(f"{lesson_server.api()}/rendre", json={}, timeout=60)
    assert handed.status_code == 200, handed.text
    assert "Leçon rendue" in handed.json()["message"]
    inbound = list((lesson_server.exchange / COURSE / "inbound").iterdir())
    assert any(f"+{LESSON}+" in folder.name for folder in inbound)


@pytest.mark.browser
def test_the_lesson_works_with_the_keyboard_alone(
    lesson_server: LessonServer, chromium: Any
) -> None:
    from tests.axe import axe_violations, require_axe

    require_axe()
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(lesson_server.page_url("variables-1"))
        # The first Tab reaches "skip to the lesson", then the way back to the quest map.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Aller à la leçon"
        page.keyboard.press("Tab")
        assert "carte des quêtes" in page.evaluate("document.activeElement.textContent")
        # To the first hint button, then the editor.
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
                break
        else:
            pytest.fail("the editor is not reachable with Tab")
        page.keyboard.press("Control+a")
        page.keyboard.type("fruits = 19")
        # Tab indents inside the editor; Escape then Tab leaves it, to "Vérifier".
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
        page.keyboard.press("Backspace")
        page.keyboard.press("Backspace")
        page.keyboard.press("Backspace")
        page.keyboard.press("Backspace")
        page.keyboard.press("Escape")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Vérifier"
        page.keyboard.press("Enter")
        verdict = page.locator("section.exercise").first.locator(".verdict")
        verdict.locator(".card.good, .card.warn").wait_for()
        assert verdict.get_attribute("role") == "status"
        assert verdict.get_attribute("aria-live") == "polite"
        serious = [
            v for v in axe_violations(page, keep_csp=True) if v["impact"] in ("critical", "serious")
        ]
        assert not serious, serious
    finally:
        context.close()
