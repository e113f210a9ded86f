"""The whole journey in real Chromium: picture login at the hub, JupyterLab, nbgrader, grader, XP.

One test, bounded: a pupil logs in with pictures, JupyterLab opens in French, the pupil fetches
the lesson from the assignment list, opens it, writes the solution (through JupyterLab's own
contents API, as the editor saves), submits; the grader's watch service grades it and the
classroom app, reached through the hub's single sign-on, shows the XP.
"""

from __future__ import annotations

import json
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

        page.get_by_role("menuitem", name="Nbgrader").click()
        page.get_by_text("Assignment List").click()
        row = page.locator("#released_assignments_list .list_item", has_text=LESSON)
        row.get_by_role("button", name="Fetch").click()
        fetched = page.locator("#fetched_assignments_list", has_text=LESSON)
        fetched.wait_for()

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

        fetched.get_by_role("button", name="Submit").first.click()
        page.locator("#submitted_assignments_list", has_text=LESSON).wait_for(timeout=60_000)

        # The grader grades within seconds and the classroom app records the XP.
        deadline = time.monotonic() + 120
        while progress(platform, username)["xp"] == 0:
            assert time.monotonic() < deadline, "no XP two minutes after submitting"
            time.sleep(1)
        xp = progress(platform, username)["xp"]

        # The classroom app knows the pupil through the hub's single sign-on.
        page.goto(f"{platform.url}/services/classroom/")
        page.get_by_text(pupil["pseudonym"]).first.wait_for()
        assert str(xp) in page.content()
    finally:
        context.close()
