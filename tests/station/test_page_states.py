"""What the child sees and can reach on the station page as a send goes on, in real headless
Chromium against virtual robots: only the controls that make sense now, reachable by keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from robot_firmware.virtual import VirtualRobot
from tests.station.conftest import TEACHER_CODE

pytestmark = pytest.mark.browser

HELLO = "from robot import *\nprint('fini')\n"


def send_file(page: Any, tmp_path: Path, source: str = HELLO) -> None:
    program = tmp_path / "programme.py"
    program.write_text(source, encoding="utf-8")
    page.set_input_files("#file", str(program))
    page.click("#robot-list button:has-text('Robot 1')")
    page.click("text=Envoyer au robot")


def test_the_stop_button_goes_away_once_the_program_has_ended(
    chromium: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station()
    page = chromium.new_page()
    try:
        page.goto(station.url)
        send_file(page, tmp_path)
        page.wait_for_selector("#status:text-is('Ton programme est terminé.')", timeout=20_000)
        # A big red "Stop" under a finished program would tell the child it still runs.
        assert not page.is_visible("#stop")
    finally:
        page.close()


def test_the_teacher_names_the_robot_chosen_even_after_a_wrong_code(
    chromium: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station()
    page = chromium.new_page()
    try:
        page.goto(station.url)
        page.wait_for_selector("#robot-list button >> nth=1")
        page.click("#teacher summary")
        page.select_option("#name-robot", label="Robot 2")
        page.fill("#name-text", "Robot bleu")
        page.fill("#name-code", "0000")
        page.click("#name-form button")
        page.wait_for_selector("#name-result:has-text('code enseignant faux')")
        # The list is drawn again after each try: the robot chosen must stay chosen.
        page.fill("#name-code", TEACHER_CODE)
        page.click("#name-form button")
        page.wait_for_selector("#robot-list button:has-text('Robot bleu')")
        assert page.inner_text("#robot-list").split("\n") == ["🤖 Robot 1", "🤖 Robot bleu"]
    finally:
        page.close()
