"""The station in real headless Chromium, against virtual robots running real MicroPython."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from classroom_app.pictures import PICTURES
from robot_firmware.virtual import VirtualRobot
from tests.station.conftest import OLD_PROGRAM, page_requests, unreachable_url

pytestmark = pytest.mark.browser

SQUARE = (
    "from robot import *\nfor i in range(4):\n    avancer(2)\n    tourner(90)\n"
    "print('carré fini')\n"
)
FOREVER = (
    "from robot import *\nn = 0\nwhile True:\n    n += 1\n    print('tour', n)\n    attendre(0.2)\n"
)


def login(page: Any, school: Any, pupil: int = 0) -> None:
    page.fill("#class-code", school.class_code)
    page.click("#class-form button")
    page.click(f"#pupils button:text-is('{school.pupils[pupil].pseudonym}')")
    for picture in school.pupils[pupil].pictures:
        page.click(f".picture[data-picture='{picture}']")


def test_log_in_pick_a_program_send_it_and_see_the_output(
    chromium: Any, school: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    programs = tmp_path / "programmes"
    username = f"{school.class_code.lower()}-01"
    (programs / username).mkdir(parents=True)
    (programs / username / "carre.py").write_text(SQUARE, encoding="utf-8")
    station = make_station(school.url, programs)
    page = chromium.new_page()
    requests = page_requests(page)
    try:
        page.goto(station.url)
        login(page, school)
        page.wait_for_selector("#who:has-text('Bonjour')")
        page.click("#program-list button:text-is('carre.py')")
        assert "carré fini" in page.inner_text("#preview")
        page.click("#robot-list button:has-text('Robot 2')")
        page.click("text=Envoyer au robot")
        page.wait_for_selector("#status:text-is('Ton programme est terminé.')", timeout=20_000)
        assert "carré fini" in page.inner_text("#output")
        assert page.get_attribute("#progress", "value") == "100"
    finally:
        page.close()
    # The second robot ran it for real: its motors turned, the first robot never moved.
    assert (robots[1].flash / "programme.py").read_text(encoding="utf-8") == SQUARE
    assert {(e["g"], e["d"]) for e in robots[1].motor_events()} >= {(50, 50), (50, -50)}
    assert robots[0].motor_events() == []
    # Nothing but the station itself was asked for: no CDN, no outside font.
    assert requests and all(url.startswith(station.url) for url in requests)


def test_wrong_pictures_are_refused_kindly(page: Any, school: Any, make_station: Any) -> None:
    station = make_station(school.url)
    page.goto(station.url)
    page.fill("#class-code", school.class_code)
    page.click("#class-form button")
    page.click(f"#pupils button:text-is('{school.pupils[0].pseudonym}')")
    # Pictures not in the pupil's sequence: any three of them are wrong.
    wrong = [p.id for p in PICTURES if p.id not in school.pupils[0].pictures]
    for picture in wrong[:3]:
        page.click(f".picture[data-picture='{picture}']")
    page.wait_for_selector("#login-error:not(:empty)")
    assert page.inner_text("#login-error") == "Ce ne sont pas les bonnes images."
    assert page.inner_text("#who") == ""


def test_stop_button_stops_the_robot(
    page: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station()  # no school server configured: pick a file
    program = tmp_path / "boucle.py"
    program.write_text(FOREVER, encoding="utf-8")
    page.goto(station.url)
    page.set_input_files("#file", str(program))
    page.click("#robot-list button:has-text('Robot 1')")
    page.click("text=Envoyer au robot")
    page.wait_for_selector("#output:has-text('tour 3')", timeout=20_000)
    assert page.inner_text("#status") == "Ton robot exécute ton programme."
    page.click("#stop")
    page.wait_for_selector("#status:text-is('Programme arrêté.')", timeout=10_000)
    assert page.is_enabled("#send")


def test_school_server_down_still_lets_a_pupil_send_a_file(
    page: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station(unreachable_url())
    program = tmp_path / "bonjour.py"
    program.write_text("from robot import *\nprint('bonjour robot')\n", encoding="utf-8")
    page.goto(station.url)
    page.fill("#class-code", "ABC234")
    page.click("#class-form button")
    page.wait_for_selector("#login-error:has-text('ne répond pas')")
    page.set_input_files("#file", str(program))
    page.click("#robot-list button:has-text('Robot 1')")
    page.click("text=Envoyer au robot")
    page.wait_for_selector("#output:has-text('bonjour robot')", timeout=20_000)


def test_unplugged_while_sending_says_what_to_do_and_the_robot_still_boots(
    chromium: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station()
    big = "from robot import *\n" + "".join(f"x{i} = {i}  # {'#' * 60}\n" for i in range(500))
    big += "print('nouveau programme')\n"
    program = tmp_path / "gros.py"
    program.write_text(big, encoding="utf-8")
    robot = robots[0]
    port = robot.port
    page = chromium.new_page()
    try:
        page.goto(station.url)
        page.set_input_files("#file", str(program))
        page.click("#robot-list button:has-text('Robot 1')")
        robot.unplug_after(12_000)  # in the middle of the 38 KB program
        page.click("text=Envoyer au robot")
        page.wait_for_selector("#status.error", timeout=20_000)
        assert page.inner_text("#status") == (
            "Le robot a été débranché. Rebranche son câble USB et envoie encore : "
            "le robot a gardé son programme d'avant."
        )
        # The station noticed the robot is gone; the other one keeps its name.
        page.wait_for_selector(f"#robot-list [data-port='{port}']", state="detached")
        assert page.inner_text("#robot-list") == "🤖 Robot 2"
    finally:
        page.close()
    # Plugged back in, the robot boots and runs a complete program: the old one.
    robot.clear()
    robot.plug()
    robot.wait_for_output("ancien programme", timeout=10)
    assert (robot.flash / "programme.py").read_text(encoding="utf-8") == OLD_PROGRAM
