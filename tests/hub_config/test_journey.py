"""The whole journey in real Chromium: picture login at the hub, JupyterLab, nbgrader, grader, XP.

One test, bounded: a pupil logs in with pictures, JupyterLab opens in French, the pupil fetches
the lesson from the assignment list, opens it, writes the solution (through JupyterLab's own
contents API, as the editor saves), submits; the grader's watch service grades it and the
classroom app, reached through the hub's single sign-on, shows the XP.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

import pytest
import requests

from classroom_app.pictures import PICTURES_BY_ID
from robocole.i18n import set_language
from tests.hub_config.conftest import Platform

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSON = "sequences-1"


def picture_label(picture_id: str) -> str:
    set_language("fr")
    return PICTURES_BY_ID[picture_id].label_text()


def progress(platform: Platform, username: str) -> dict[str, Any]:
    token = (platform.data / "api_token").read_text().strip()
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


def test_pupil_logs_in_with_pictures_submits_and_sees_xp(platform: Platform, chromium: Any) -> None:
    # A demo pupil with no progress yet.
    pupil = next(p for p in platform.pupils() if progress(platform, p["username"])["xp"] == 0)
    username = pupil["username"]
    course = f"robocole-{platform.demo.class_code.lower()}"
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

        # The hub spawns the pupil's own server and JupyterLab opens, in French.
        page.wait_for_url(f"**/user/{username}/lab**", timeout=150_000)
        page.locator("#jp-MainMenu").wait_for(timeout=90_000)
        assert page.get_by_role("menuitem", name="Fichier").count() == 1

        # The light pupil server: no terminal, no formgrader.
        for path in ("api/terminals", "formgrader"):
            answer = page.request.get(f"{platform.url}/user/{username}/{path}")
            assert answer.status == 404, path

        page.get_by_role("menuitem", name="Nbgrader").click()
        page.get_by_text("Assignment List").click()
        row = page.locator("#released_assignments_list .list_item", has_text=LESSON)
        row.get_by_role("button", name="Fetch").click()
        fetched = page.locator("#fetched_assignments_list", has_text=LESSON)
        fetched.wait_for()
        # The pupil opens the lesson: the notebook opens in its own tab.
        fetched.locator("a.assignment-notebooks-link", has_text=LESSON).click()
        notebook = fetched.locator(".nested_list_item", has_text=LESSON).first
        notebook.get_by_role("link", name=LESSON).click()
        page.locator(".jp-NotebookPanel").first.wait_for()
        page.get_by_role("tab", name=re.compile("Assignments")).first.click()

        # The pupil writes the solution: JupyterLab's contents API, with the lab's XSRF token.
        solved = json.loads(
            (platform.data / "courses" / course / "source" / LESSON / f"{LESSON}.ipynb").read_text()
        )
        xsrf = next(c["value"] for c in context.cookies() if c["name"] == "_xsrf")
        saved = page.request.put(
            f"{platform.url}/user/{username}/api/contents/{course}/{LESSON}/{LESSON}.ipynb",
            data=json.dumps({"type": "notebook", "format": "json", "content": solved}),
            headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"},
        )
        assert saved.ok, saved.text()

        # "Validate" in JupyterLab runs the pupil's notebook with nbgrader's validate.
        notebook.get_by_role("button", name="Validate").click()
        page.get_by_text("Success! Your notebook passes all the tests.").wait_for(timeout=90_000)
        page.keyboard.press("Escape")

        fetched.get_by_role("button", name="Submit").first.click()
        page.locator("#submitted_assignments_list", has_text=LESSON).wait_for(timeout=60_000)

        # The grader grades within seconds and the classroom app records the XP.
        deadline = time.monotonic() + 120
        while progress(platform, username)["xp"] == 0:
            assert time.monotonic() < deadline, grader_trouble(platform)
            time.sleep(1)
        xp = progress(platform, username)["xp"]

        # The classroom app knows the pupil through the hub's single sign-on.
        page.goto(f"{platform.url}/services/classroom/")
        page.get_by_text(pupil["pseudonym"]).first.wait_for()
        assert str(xp) in page.content()
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
