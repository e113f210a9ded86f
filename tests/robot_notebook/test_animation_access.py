"""The notebook animation for every pupil: replay with the keyboard, a still picture when the
system asks for less motion, and a sentence that tells what the robot did. Real Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from robot_firmware.sim import montrer
from tests.axe import axe_violations, require_axe

pytestmark = pytest.mark.browser

MAZE_FAIL = (
    "from robot import *\nled('rouge')\navancer(95)\ntourner(-90)\navancer(70)\n"
    "tourner(90)\navancer(100)\n"
)
TOLD = (
    "Ton robot a avancé de 95 cm, tourné de 90° à gauche, avancé de 70 cm, tourné de 90° à "
    "droite, avancé de 19 cm. Puis il a touché le mur."
)
ROBOT = ".robocole-sim svg g"


def robot_x(page: Any) -> float:
    return float(page.evaluate(f"document.querySelector('{ROBOT}').getCTM().e"))


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    return montrer(MAZE_FAIL, "labyrinthe", speed=8.0).save(tmp_path / "anim.html")


def test_replay_is_a_button_the_keyboard_reaches(chromium: Any, saved: Path) -> None:
    page = chromium.new_page()
    try:
        page.goto(saved.as_uri())
        start = robot_x(page)
        page.wait_for_function(
            f"document.querySelector('{ROBOT}').getCTM().e > {start + 50}", timeout=20_000
        )
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent").strip() == "▶ Rejouer"
        page.keyboard.press("Enter")
        page.wait_for_timeout(150)
        assert robot_x(page) < start + 20  # back near the start: the replay began
    finally:
        page.close()


def test_less_motion_shows_the_whole_path_at_once(chromium: Any, saved: Path) -> None:
    context = chromium.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto(saved.as_uri())
        # No robot sliding across the page, no replay: the path and where the robot ended.
        assert not page.is_visible(ROBOT)
        assert not page.is_visible("text=Rejouer")
        still = page.locator(".robocole-sim svg g[id$='fin'] g")
        assert still.is_visible()
        # Drawn where the run ended (x 280 px of 640), not at the start (x 93 px).
        assert still.evaluate("g => g.getCTM().e") > 250
    finally:
        context.close()


def test_the_animation_tells_what_the_robot_did(chromium: Any, saved: Path) -> None:
    require_axe()
    page = chromium.new_page()
    try:
        page.goto(saved.as_uri())
        snapshot = page.locator(".robocole-sim").aria_snapshot()
        assert 'img "Sors du labyrinthe"' in snapshot
        description = page.evaluate(
            "document.getElementById("
            "document.querySelector('.robocole-sim svg').getAttribute('aria-describedby'))"
            ".textContent"
        )
        assert description == TOLD
        assert page.get_attribute("html", "lang") == "fr"
        assert axe_violations(page) == []
    finally:
        page.close()


def test_the_page_is_the_same_bit_for_bit_and_needs_nothing_else() -> None:
    first = montrer(MAZE_FAIL, "labyrinthe").html
    assert montrer(MAZE_FAIL, "labyrinthe").html == first
    assert "<script" not in first and "rbUID" not in first
    # One drawing's ids and style rule cannot reach another's in the same notebook.
    other = montrer(MAZE_FAIL.replace("95", "90"), "labyrinthe").html
    assert first.split('id="')[1][:14] != other.split('id="')[1][:14]


def test_the_animation_stays_readable_in_a_dark_notebook(chromium: Any, tmp_path: Path) -> None:
    # JupyterLab's dark theme: light text on a dark page. The robot's output and the verdict
    # must not inherit it over their own light backgrounds.
    require_axe()
    program = "from robot import *\nprint('bonjour')\navancer(200)\n"
    saved = montrer(program, "labyrinthe").save(tmp_path / "sombre.html")
    page = chromium.new_page()
    try:
        page.goto(saved.as_uri())
        page.evaluate("document.body.style.background = '#111'; document.body.style.color = '#ddd'")
        assert axe_violations(page) == []
    finally:
        page.close()


def test_a_chatty_program_shows_the_start_and_the_end_of_what_it_printed() -> None:
    # 60 robot seconds of print() in a loop: tens of thousands of lines would weigh
    # megabytes in the notebook. The first and last lines are kept, the rest counted.
    chatty = "from robot import *\nn = 0\nwhile True:\n    n += 1\n    print('tour', n)\n"
    chatty += "    attendre(0.001)\n"
    page = montrer(chatty, "carre").html
    assert len(page) < 60_000
    assert "tour 1\n" in page and "tour 100\n" in page and "tour 101\n" not in page
    skipped = re.search(r"… (\d+) lignes de plus …", page)
    assert skipped is not None
    lines = int(skipped.group(1))
    assert f"tour {100 + lines + 1}\n" in page  # the last hundred lines follow


def test_the_same_run_shown_twice_replays_each_on_its_own(chromium: Any, tmp_path: Path) -> None:
    # Two cells of a notebook showing the same program: each "Rejouer" replays its drawing.
    animation = montrer(MAZE_FAIL, "labyrinthe", speed=8.0)
    page_file = tmp_path / "deux.html"
    page_file.write_text(
        '<!doctype html><html lang="fr"><meta charset="utf-8"><title>t</title><main>'
        + animation._repr_html_()
        + animation._repr_html_()
        + "</main></html>",
        encoding="utf-8",
    )
    page = chromium.new_page()
    try:
        page.goto(page_file.as_uri())
        robots = "document.querySelectorAll('.robocole-sim svg > g')"
        xs = f"Array.from({robots}).filter(g => g.id.endsWith('robot')).map(g => g.getCTM().e)"
        start = page.evaluate(xs)[0]
        page.wait_for_function(f"{xs}.every(x => x > {start + 50})", timeout=20_000)
        page.locator("text=Rejouer").nth(1).click()
        page.wait_for_timeout(150)
        first, second = page.evaluate(xs)
        assert first > start + 50  # the first drawing stays where its run ended
        assert second < start + 20  # the second one replays
    finally:
        page.close()
