"""The hub's answers over plain HTTP: CSP, SameSite cookies, compression, caching, expiry."""

from __future__ import annotations

import html
import re

import pytest
import requests

from hub_config import hub_pages
from tests.hub_config.conftest import Platform
from tests.hub_config.test_hub import click_pictures, xsrf_of


def set_cookies(answer: requests.Response) -> dict[str, str]:
    """Each cookie an answer sets, with its attributes as sent (``requests`` hides them)."""
    cookies = {}
    for header in answer.raw.headers.getlist("Set-Cookie"):
        cookies[header.split("=", 1)[0]] = header
    return cookies


def page_text(answer: requests.Response) -> str:
    # JupyterHub's pages say "text/html" with no charset (the page's <meta> says UTF-8).
    return html.unescape(answer.content.decode("utf-8"))


def test_static_paths_stay_inside_their_folders() -> None:
    ours = hub_pages.StaticFiles.get_absolute_path("/srv/static", "robocole/hub.css")
    assert ours == str(hub_pages.STATIC / "hub.css")
    theirs = hub_pages.StaticFiles.get_absolute_path("/srv/static", "css/style.min.css")
    assert theirs == "/srv/static/css/style.min.css"
    escaping = hub_pages.StaticFiles.get_absolute_path("/srv/static", "robocole/../../x.py")
    assert not escaping.startswith(str(hub_pages.STATIC) + "/")


@pytest.mark.parametrize(
    ("accept", "language"),
    [("", "fr"), ("fr-FR,fr;q=0.9", "fr"), ("en-GB,en;q=0.9", "en"), ("de-DE,en;q=0.5", "fr")],
)
def test_the_browser_language_is_french_unless_english_comes_first(
    accept: str, language: str
) -> None:
    assert hub_pages.browser_language(accept) == language


pytestmark_slow = pytest.mark.slow  # the tests above need no hub


@pytestmark_slow
def test_hub_pages_allow_no_inline_script_nor_other_sites(platform: Platform) -> None:
    for path in ("/hub/login", "/hub/nowhere", "/hub/error/500"):
        answer = requests.get(platform.url + path, timeout=10)
        policy = answer.headers["Content-Security-Policy"]
        directives = {}
        for part in filter(None, (p.strip() for p in policy.split(";"))):
            name, _, value = part.partition(" ")
            directives[name] = value
        assert directives["default-src"] == "'none'", path
        assert directives["script-src"] == "'self'", path  # no 'unsafe-inline', no host
        assert "'unsafe-inline'" not in policy and "http" not in policy.replace("report-uri", "")
        assert directives["frame-ancestors"] == "'none'"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        # No inline script is left in our pages (a hashless one would be refused).
        assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))", answer.text)


@pytestmark_slow
def test_the_hubs_cookies_are_samesite_lax(platform: Platform) -> None:
    session = requests.Session()
    first = session.get(f"{platform.url}/hub/login", params={"lang": "fr"}, timeout=10)
    cookies = set_cookies(first)
    assert {"_xsrf", "robocole-lang"} <= set(cookies), cookies
    pupil = platform.pupils()[1]
    answer = click_pictures(
        platform, session, pupil["username"], platform.pictures(pupil["username"])
    )
    assert answer.status_code == 302
    cookies |= set_cookies(answer)
    assert {"jupyterhub-hub-login", "jupyterhub-session-id"} <= set(cookies), cookies
    for name, header in cookies.items():
        assert "samesite=lax" in header.lower(), header
        if name in ("jupyterhub-hub-login", "robocole-lang"):
            assert "httponly" in header.lower(), header


@pytestmark_slow
def test_pages_and_static_files_are_compressed_and_ours_cached(platform: Platform) -> None:
    gzip = {"Accept-Encoding": "gzip"}
    page = requests.get(f"{platform.url}/hub/login", headers=gzip, timeout=10)
    assert page.headers["Content-Encoding"] == "gzip"  # through the proxy, to the browser
    assert int(page.headers["Content-Length"]) < len(page.content)
    css = re.search(r'href="(/hub/static/robocole/hub\.css\?v=[^"]+)"', page.text)
    assert css, "the page links its own style sheet, versioned"
    style = requests.get(platform.url + html.unescape(css.group(1)), headers=gzip, timeout=10)
    assert style.status_code == 200 and "system-ui" in style.text
    assert style.headers["Content-Encoding"] == "gzip"
    assert re.search(r"max-age=(\d+)", style.headers["Cache-Control"])
    max_age = re.search(r"max-age=(\d+)", style.headers["Cache-Control"])
    assert max_age and int(max_age.group(1)) >= 365 * 24 * 3600
    unversioned = requests.get(f"{platform.url}/hub/static/robocole/hub.css", timeout=10)
    assert unversioned.headers["Cache-Control"] == "no-cache"  # checked again next time
    outside = requests.get(
        f"{platform.url}/hub/static/robocole/%2e%2e/%2e%2e/hub_pages.py", timeout=10
    )
    assert outside.status_code in (403, 404) and "import" not in outside.text


@pytestmark_slow
def test_an_expired_pupil_form_logs_no_one_in_and_shows_the_pictures_again(
    platform: Platform,
) -> None:
    pupil = platform.pupils()[1]
    pictures = platform.pictures(pupil["username"])
    session = requests.Session()
    session.get(f"{platform.url}/hub/login", timeout=10)
    # Every picture right, but the form's token is not the cookie's (an hour went by).
    answer = session.post(
        f"{platform.url}/hub/login",
        data={
            "_xsrf": "2|expired|token",
            "code": platform.demo.class_code,
            "pupil": pupil["username"],
            "chosen": ",".join(pictures[:-1]),
            "picture": pictures[-1],
        },
        allow_redirects=False,
        timeout=10,
    )
    text = page_text(answer)
    assert answer.status_code == 200, text[-400:]
    assert "Cette page est restée ouverte longtemps" in text
    assert pupil["pseudonym"] in text and 'name="picture"' in text  # the same pupil's pictures
    assert 'name="chosen" value=""' in text  # from the first picture again
    assert "Sign in" not in text and "Username" not in text
    assert "jupyterhub-hub-login" not in set_cookies(answer)  # nobody was logged in
    # The fresh form works.
    retry = session.post(
        f"{platform.url}/hub/login",
        data={
            "_xsrf": xsrf_of(answer.text),
            "code": platform.demo.class_code,
            "pupil": pupil["username"],
            "chosen": ",".join(pictures[:-1]),
            "picture": pictures[-1],
        },
        allow_redirects=False,
        timeout=10,
    )
    assert retry.status_code == 302 and "jupyterhub-hub-login" in set_cookies(retry)


@pytestmark_slow
def test_an_expired_teacher_form_asks_for_the_password_again(platform: Platform) -> None:
    session = requests.Session()
    answer = session.post(
        f"{platform.url}/hub/login",
        data={
            "_xsrf": "2|expired|token",
            "kind": "teacher",
            "email": platform.demo.email,
            "password": platform.demo.password,
        },
        allow_redirects=False,
        timeout=10,
    )
    text = page_text(answer)
    assert answer.status_code == 200
    assert "Tapez à nouveau votre mot de passe" in text
    assert f'value="{platform.demo.email}"' in text
    assert "jupyterhub-hub-login" not in set_cookies(answer)


@pytestmark_slow
def test_a_script_with_a_wrong_token_is_still_refused(platform: Platform) -> None:
    pupil = platform.pupils()[1]
    pictures = platform.pictures(pupil["username"])
    answer = requests.post(
        f"{platform.url}/hub/login",
        data={
            "_xsrf": "2|forged|token",
            "code": platform.demo.class_code,
            "pupil": pupil["username"],
            "chosen": ",".join(pictures[:-1]),
            "picture": pictures[-1],
        },
        headers={"Sec-Fetch-Mode": "cors", "Sec-Fetch-Site": "cross-site"},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 403
    assert "jupyterhub-hub-login" not in set_cookies(answer)
