"""The hub's own pages in Chromium (French browser): light, French, kind, and under our CSP.

Contexts that check the Content-Security-Policy keep it (a refused script or style shows in
the console); those that run axe-core bypass it, since axe is injected inline.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.axe import axe_violations, require_axe
from tests.hub_config.conftest import Platform

pytestmark = [pytest.mark.slow, pytest.mark.browser]

#: The first visit's budget for each login page (issue 14: they were 719 KB, 11 requests).
MAX_BYTES = 100 * 1024
#: Words of JupyterHub's English pages that a French page must never show.
ENGLISH_CHROME = [
    "Login",
    "Logout",
    "Sign in",
    "Username",
    "Password",
    "JupyterHub",
    "Jupyter",
    "Server",
    "Home",
    "Token",
    "Launch",
    "Spawn",
    "Error",
    "moons",
    "Oops",
    "Event log",
    "Stop",
    "starting",
]


def english_words(text: str) -> list[str]:
    return [word for word in ENGLISH_CHROME if re.search(rf"\b{re.escape(word)}\b", text)]


class Watched:
    """A page whose console errors (a CSP refusal is one) and network traffic are recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        self.session = page.context.new_cdp_session(page)
        self.session.send("Network.enable")
        self.urls: dict[str, str] = {}
        self.received: dict[str, int] = {}
        self.session.on("Network.requestWillBeSent", self._sent)
        self.session.on("Network.loadingFinished", self._finished)

    def _console(self, message: Any) -> None:
        # The document's own status (a 404 page) is reported as a failed resource: not a fault.
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.problems.append(message.text)

    def _sent(self, event: dict[str, Any]) -> None:
        if not event["request"]["url"].startswith("data:"):
            self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event: dict[str, Any]) -> None:
        self.received[event["requestId"]] = int(event["encodedDataLength"])

    def reset(self) -> None:
        self.problems.clear()
        self.urls.clear()
        self.received.clear()

    def visible_text(self) -> str:
        return str(self.page.inner_text("body"))


@pytest.fixture
def watched(chromium: Any) -> Iterator[Watched]:
    context = chromium.new_context(locale="fr-FR")
    yield Watched(context.new_page())
    context.close()


@pytest.fixture
def axe_page(chromium: Any) -> Iterator[Any]:
    require_axe()
    context = chromium.new_context(locale="fr-FR", bypass_csp=True)
    yield context.new_page()
    context.close()


def log_in(page: Any, platform: Platform, username: str, next_url: str = "/hub/home") -> None:
    """The picture login, as a child does it, landing on ``next_url``."""
    from classroom_app.pictures import PICTURES_BY_ID

    page.goto(
        f"{platform.url}/hub/login?code={platform.demo.class_code}&pupil={username}&next={next_url}"
    )
    for picture in platform.pictures(username):
        page.get_by_role("button", name=PICTURES_BY_ID[picture].label_text(), exact=True).click()
        page.wait_for_load_state()
    page.wait_for_url(f"**{next_url}")


def test_each_login_page_is_light_french_and_asks_no_other_site(
    chromium: Any, platform: Platform, capsys: pytest.CaptureFixture[str]
) -> None:
    code = platform.demo.class_code
    pupil = platform.pupils()[0]
    login = f"{platform.url}/hub/login"
    steps = {
        "class code": login,
        "names": f"{login}?code={code}",
        "pictures": f"{login}?code={code}&pupil={pupil['username']}",
        "teachers": f"{login}?teacher=1",
    }
    origin = urlsplit(platform.url).netloc
    rows, faults = [], []
    for name, url in steps.items():
        context = chromium.new_context(locale="fr-FR")  # a first visit: nothing cached
        try:
            watched = Watched(context.new_page())
            watched.page.goto(url)
            watched.page.wait_for_load_state("networkidle")
            size = sum(watched.received.values())
            sent = len(watched.urls)
            rows.append(f"{name:<12} {size / 1024:6.1f} KB {sent:3d} requests")
            elsewhere = [u for u in watched.urls.values() if urlsplit(u).netloc != origin]
            if size > MAX_BYTES or elsewhere:
                faults.append(f"{name}: {size / 1024:.1f} KB, other sites {elsewhere}")
            if watched.page.evaluate("document.documentElement.lang") != "fr":
                faults.append(f"{name}: <html lang> is not fr")
            if english_words(watched.visible_text()):
                faults.append(f"{name}: English {english_words(watched.visible_text())}")
            if watched.problems:
                faults.append(f"{name}: console {watched.problems}")
            # Robocole's header, not JupyterHub's bar.
            if watched.page.locator("#jupyterhub-logo, img[src$='/logo'], #login").count():
                faults.append(f"{name}: JupyterHub's logo or Login button")
            brand = watched.page.locator("header.robocole-top .brand")
            if brand.count() != 1 or brand.inner_text().strip() != "Robocole":
                faults.append(f"{name}: no Robocole header")
        finally:
            context.close()
    report = "\n".join(["login page   transferred  requests", *rows])
    with capsys.disabled():
        print("\n" + report)
    assert faults == [], "\n".join([*faults, "", report])


def test_a_pupil_who_chose_english_gets_english_pages(chromium: Any, platform: Platform) -> None:
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(f"{platform.url}/hub/login?lang=en")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert "What is your class code?" in page.inner_text("main")
        page.goto(f"{platform.url}/hub/nowhere")  # the choice follows on every hub page
        assert page.evaluate("document.documentElement.lang") == "en"
        assert "This page does not exist." in page.inner_text("main")
    finally:
        context.close()
    english = chromium.new_context(locale="en-GB")  # no choice made: the browser's language
    try:
        page = english.new_page()
        page.goto(f"{platform.url}/hub/nowhere")
        assert page.evaluate("document.documentElement.lang") == "en"
    finally:
        english.close()


ERRORS = {
    "/hub/nowhere": (404, "Cette page n'existe pas."),
    "/hub/error/500": (200, "Oups, quelque chose n'a pas marché de notre côté."),
    "/hub/error/503": (200, "Ton espace de travail ne répond pas pour l'instant."),
}


def test_error_pages_are_french_and_lead_back(
    watched: Watched, axe_page: Any, platform: Platform
) -> None:
    for path, (status, sentence) in ERRORS.items():
        watched.reset()
        answer = watched.page.goto(platform.url + path)
        assert answer is not None and answer.status == status, path
        text = watched.visible_text()
        assert sentence in text, (path, text)
        assert english_words(text) == [], (path, text)
        assert watched.page.evaluate("document.documentElement.lang") == "fr"
        back = watched.page.get_by_role("link", name="Aller à la page de connexion")
        assert back.get_attribute("href") == "/hub/login", path
        assert watched.problems == [], (path, watched.problems)
        axe_page.goto(platform.url + path)
        assert axe_violations(axe_page) == [], path
    # A logged-in pupil refused a page (403) is sent back to the quest map.
    pupil = platform.pupils()[2]
    log_in(watched.page, platform, pupil["username"])
    answer = watched.page.goto(f"{platform.url}/hub/admin")
    assert answer is not None and answer.status == 403
    text = watched.visible_text()
    assert "Cette page n'est pas pour toi." in text and english_words(text) == [], text
    back = watched.page.get_by_role("link", name="Retour à ma carte des quêtes")
    assert back.get_attribute("href") == "/services/classroom/"


def test_an_expired_picture_form_starts_the_same_pupils_pictures_again(
    watched: Watched, axe_page: Any, platform: Platform
) -> None:
    from classroom_app.pictures import PICTURES_BY_ID

    pupil = platform.pupils()[1]
    pictures = platform.pictures(pupil["username"])

    def click(page: Any, picture: str) -> None:
        name = PICTURES_BY_ID[picture].label_text()
        page.get_by_role("button", name=name, exact=True).click()
        page.wait_for_load_state()

    def after_a_long_pause(page: Any) -> None:
        page.goto(
            f"{platform.url}/hub/login?code={platform.demo.class_code}"
            f"&pupil={pupil['username']}&next=/hub/home"
        )
        click(page, pictures[0])
        # The first picture's answer is in (one dot filled) before the cookie goes: else its
        # answer could set a fresh _xsrf after the clearing, and nothing would have expired.
        page.locator(".dots li.filled").first.wait_for()
        # The hub's _xsrf cookie lasts one hour for a visitor: after a long pause it is gone.
        page.context.clear_cookies(name="_xsrf")
        click(page, pictures[1])

    page = watched.page
    after_a_long_pause(page)
    alert = page.get_by_role("alert")
    assert "Cette page est restée ouverte longtemps" in alert.inner_text()
    assert page.get_by_role("heading", level=1).inner_text() == pupil["pseudonym"]
    assert page.locator(".dots li.filled").count() == 0  # from the first picture again
    assert english_words(watched.visible_text()) == []
    after_a_long_pause(axe_page)
    assert axe_violations(axe_page) == []
    for picture in pictures:
        click(page, picture)
    page.wait_for_url("**/hub/home")
    assert page.get_by_role("link", name="Ma carte des quêtes").count() >= 1
    assert watched.problems == []


def stop_server(page: Any, platform: Platform, username: str) -> None:
    """Stop the pupil's server if it runs, with the pupil's own session (hub REST API)."""
    api = f"{platform.url}/hub/api/users/{username}"
    xsrf = next(c["value"] for c in page.context.cookies() if c["name"] == "_xsrf")
    page.context.request.delete(f"{api}/server", headers={"X-XSRFToken": xsrf})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        user = page.context.request.get(api, headers={"X-XSRFToken": xsrf}).json()
        if not user.get("servers", {}).get("") and not user.get("pending"):
            return
        time.sleep(0.5)
    raise AssertionError(f"{username}'s server did not stop")


def server_ready(page: Any, platform: Platform, username: str) -> bool:
    xsrf = next(c["value"] for c in page.context.cookies() if c["name"] == "_xsrf")
    api = f"{platform.url}/hub/api/users/{username}"
    user = page.context.request.get(api, headers={"X-XSRFToken": xsrf}).json()
    return bool(user.get("servers", {}).get("", {}).get("ready"))


def test_asleep_then_getting_ready_then_the_workspace(
    watched: Watched, axe_page: Any, platform: Platform
) -> None:
    pupil = platform.pupils()[3]
    page = watched.page
    log_in(page, platform, pupil["username"])
    assert page.evaluate("document.documentElement.lang") == "fr"
    home = watched.visible_text()
    assert "Ma carte des quêtes" in home and english_words(home) == [], home
    axe_page.context.add_cookies(page.context.cookies())
    axe_page.goto(f"{platform.url}/hub/home")
    assert axe_violations(axe_page) == []
    stop_server(page, platform, pupil["username"])
    documents: dict[str, str] = {}

    def keep(response: Any) -> None:
        if "/spawn-pending/" in response.url and response.status == 200:
            documents[response.url] = response.text()

    page.on("response", keep)
    watched.reset()
    answer = page.goto(f"{platform.url}/hub/user/{pupil['username']}/")
    assert answer is not None and answer.status == 424  # JupyterHub's "not running"
    asleep = watched.visible_text()
    assert "Ton espace de travail est en pause." in asleep and english_words(asleep) == []
    axe_page.goto(page.url)
    assert axe_violations(axe_page) == []
    page.get_by_role("link", name="Ouvrir mon espace de travail").click()
    # Ready: the page left the hub's pages for where a pupil starts (their server or map).
    page.wait_for_url(lambda url: "/hub/" not in url, timeout=150_000)
    assert documents, "the 'getting ready' page was shown"
    assert server_ready(page, platform, pupil["username"])
    pending = next(iter(documents.values()))
    assert "Ton espace de travail se prépare" in pending and "<progress" in pending
    assert "Your server is starting up" not in pending
    assert watched.problems == [] or all("/user/" in p for p in watched.problems)


def test_teachers_keep_jupyterhubs_own_pages_working_under_the_csp(
    watched: Watched, platform: Platform
) -> None:
    page = watched.page
    page.goto(f"{platform.url}/hub/login?teacher=1&next=/hub/home")
    page.get_by_label("E-mail").fill(platform.demo.email)
    page.get_by_label("Mot de passe").fill(platform.demo.password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/hub/home")
    # JupyterHub's home script (named servers: the formgraders) started from our file.
    # (Polled from here: Playwright's wait_for_function evaluates a string, which CSP forbids.)
    deadline = time.monotonic() + 30
    while not page.evaluate("window._jupyterhub_page_loaded === true"):
        assert time.monotonic() < deadline, "JupyterHub's home script did not run"
        time.sleep(0.2)
    assert page.locator("header.robocole-top").count() == 1
    assert page.get_by_role("link", name="Mes classes").count() == 1
    assert page.locator("#jupyterhub-logo").count() == 0
    page.goto(f"{platform.url}/hub/token")
    page.locator("#token-area").wait_for(state="hidden")  # its one inline style, hashed
    page.locator("#token-note").fill("test")
    page.locator("#request-token-form button[type=submit]").click()
    page.locator("#token-result").wait_for()
    assert len(page.locator("#token-result").inner_text().strip()) >= 32
    assert watched.problems == [], watched.problems
