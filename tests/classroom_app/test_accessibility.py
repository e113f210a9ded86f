"""Accessibility (RGAA / WCAG 2.1 AA) in real Chromium: axe-core on every page, keyboard only.

axe-core comes from npm (package.json) and is injected into each page; the browser context
bypasses the page's Content-Security-Policy for that injection only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from classroom_app.pictures import PICTURES
from robocole.i18n import set_language

from ..axe import axe_violations, require_axe
from .site_walk import VISITS, School, Visit, open_school, signed_in_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    yield from open_school(tmp_path_factory.mktemp("a11y") / "data")


@pytest.fixture(scope="module")
def pages(chromium: Any, school: School) -> Iterator[dict[str, Any]]:
    require_axe()
    opened = signed_in_pages(chromium, school, bypass_csp=True)
    yield opened
    for page in opened.values():
        page.context.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A page in a browser context of its own: nobody signed in, in French."""
    set_language("fr")
    context = chromium.new_context(locale="fr-FR")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("visit", VISITS, ids=lambda visit: visit.name)
def test_every_page_has_no_axe_violation(
    visit: Visit, pages: dict[str, Any], school: School
) -> None:
    page = pages[visit.role]
    visit.go(page, school)
    violations = axe_violations(page)
    assert violations == [], f"{visit.name} ({page.url}): {violations}"


def test_the_walk_reached_every_page_of_the_app(school: School) -> None:
    """Runs after the walk above: a new page must join VISITS to be checked."""
    missing = school.pages() - school.served
    assert not missing, f"no test visits {sorted(missing)}: add a Visit in site_walk.py"


def focused(page: Any) -> dict[str, Any]:
    info: dict[str, Any] = page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {tag: el.tagName, text: (el.innerText || el.value || '').trim(),
                    outline: style.outlineStyle, width: el.getBoundingClientRect().width};
        }"""
    )
    return info


def tab_to(page: Any, text: str, limit: int = 60) -> None:
    """Press Tab until the focused element shows ``text``; each stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] != "BODY":
            assert now["outline"] != "none", f"no visible focus on {now}"
        if now["text"] == text or text in now["text"].splitlines():
            return
    raise AssertionError(f"“{text}” cannot be reached with the Tab key")


def test_the_whole_pupil_journey_works_with_the_keyboard_alone(page: Any, school: School) -> None:
    page.goto(school.url + "/")
    tab_to(page, "Je suis élève")
    page.keyboard.press("Enter")
    page.wait_for_url("**/login")
    tab_to(page, "")  # the code field (empty)
    page.keyboard.type(school.klass["code"].lower())
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/c/{school.klass['code']}")
    tab_to(page, school.pupil["pseudonym"])
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{school.pupil['username']}")
    labels = {picture.id: picture.label_text() for picture in PICTURES}
    for index, picture in enumerate(school.pictures):
        tab_to(page, labels[picture])
        with page.expect_navigation():
            page.keyboard.press("Space" if index % 2 else "Enter")  # both press a button
    page.wait_for_url("**/pupil/")
    hello = f"Bonjour {school.pupil['pseudonym']} !"
    assert page.get_by_role("heading", name=hello, exact=True).is_visible()
    tab_to(page, "Mes badges")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pupil/badges")
    tab_to(page, "Mon certificat à imprimer")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pupil/certificate")
    assert page.get_by_role("heading", name="Certificat de badges").is_visible()
    tab_to(page, "Se déconnecter")
    page.keyboard.press("Enter")
    page.wait_for_url(school.url + "/")
    tab_to(page, "Je suis élève")  # signed out: back at the start


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(
    page: Any, school: School
) -> None:
    page.goto(school.url + "/login")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Aller au contenu"
    assert page.locator("a.skip").is_visible()  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"


def test_the_picture_login_speaks_to_screen_readers_and_has_large_targets(
    page: Any, school: School
) -> None:
    page.goto(f"{school.url}/c/{school.klass['code']}/{school.pupil['username']}")
    tree = page.locator("main").aria_snapshot()
    for picture in PICTURES:
        button = page.get_by_role("button", name=picture.label_text(), exact=True)
        assert button.count() == 1, picture.id
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (picture.id, box)
        assert f'button "{picture.label_text()}"' in tree
    # The drawings themselves are hidden from screen readers: the name is said once.
    assert page.locator("ul.pictures svg[aria-hidden=true]").count() == len(PICTURES)
    status = page.get_by_role("status")
    count = len(school.pictures)
    assert status.inner_text() == f"0 images choisies sur {count}."
    page.locator(f"button[value={school.pictures[0]}]").click()
    assert page.get_by_role("status").inner_text() == f"1 images choisies sur {count}."
    # Zoomed to 200 %, the pictures still fit the screen (WCAG 1.4.4, 1.4.10).
    page.set_viewport_size({"width": 320, "height": 640})
    widths = page.evaluate("document.documentElement.scrollWidth")
    assert widths <= 320


def test_the_checker_itself_catches_faults(page: Any) -> None:
    """axe really runs: a page with known faults is caught (so 0 elsewhere means 0)."""
    page.set_content(
        '<html lang="fr"><title>t</title><main><h1>t</h1><img src="data:,">'
        '<input type="text"><p style="color:#999;background:#fff">gris</p></main></html>'
    )
    rules = {v["rule"] for v in axe_violations(page)}
    assert {"image-alt", "label", "color-contrast"} <= rules
