"""The notebook animation: self-contained, and it really plays and replays in Chromium."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from robot_firmware.sim import montrer

MAZE_FAIL = (
    "from robot import *\nled('rouge')\navancer(95)\ntourner(-90)\navancer(70)\n"
    "tourner(90)\navancer(100)\n"
)


def test_the_animation_is_self_contained() -> None:
    page = montrer(MAZE_FAIL, "labyrinthe").html
    assert "<script" not in page
    # The only URL is the SVG namespace: nothing is fetched, no CDN.
    assert re.findall(r"https?://[^\"' ]+", page) == ["http://www.w3.org/2000/svg"]
    assert "Ton robot a touché le mur après 2 virages." in page
    assert "Rejouer" in page
    assert "rgb(255,0,0)" in page  # the LED turned red


def robot_x(page: Any) -> float:
    return float(page.evaluate("document.querySelector('.robocole-sim svg g').getCTM().e"))


@pytest.mark.browser
def test_the_robot_moves_and_replays_in_a_browser(chromium: Any, tmp_path: Path) -> None:
    animation = montrer(MAZE_FAIL, "labyrinthe", speed=8.0)
    path = animation.save(tmp_path / "anim.html")
    page = chromium.new_page()
    try:
        page.goto(path.as_uri())
        start = robot_x(page)
        # The run lasts 21 robot seconds, 2.6 s at speed 8; a busy machine may render it
        # later, so wait for the movement itself rather than for a fixed time.
        page.wait_for_function(
            f"document.querySelector('.robocole-sim svg g').getCTM().e > {start + 50}",
            timeout=20_000,
        )  # it went right along the maze's bottom corridor
        page.click("text=Rejouer")
        page.wait_for_timeout(150)
        assert robot_x(page) < start + 20  # back near the start: the replay began
    finally:
        page.close()
