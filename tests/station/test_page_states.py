"""What the child sees and can reach on the station page as a send goes on, in real headless
Chromium against virtual robots: only the controls that make sense now, reachable by keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from robot_firmware.station.web import create_app
from robot_firmware.virtual import VirtualRobot
from tests.conftest import LiveServer
from tests.station.conftest import TEACHER_CODE, ScriptedBoard, scripted_station, send_file

pytestmark = pytest.mark.browser


def test_the_stop_button_goes_away_once_the_program_has_ended(
    page: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station()
    page.goto(station.url)
    send_file(page, tmp_path)
    page.wait_for_selector("#status:text-is('Ton programme est terminé.')", timeout=20_000)
    # A big red "Stop" under a finished program would tell the child it still runs.
    assert not page.is_visible("#stop")


def test_the_teacher_names_the_robot_chosen_even_after_a_wrong_code(
    page: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station()
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


FOREVER = "from robot import *\nwhile True:\n    print('tour')\n    attendre(0.2)\n"


def focused(page: Any) -> str:
    return str(
        page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.closest('section') || {}).id + ' ' + e.tagName + '#' + e.id; }"
        )
    )


def test_the_whole_journey_works_with_the_keyboard_and_focus_follows_it(
    page: Any, school: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    programs = tmp_path / "programmes"
    username = f"{school.class_code.lower()}-01"
    (programs / username).mkdir(parents=True)
    (programs / username / "boucle.py").write_text(FOREVER, encoding="utf-8")
    station = make_station(school.url, programs)
    page.goto(station.url)
    page.wait_for_selector("#robot-list button")
    page.keyboard.press("Tab")
    assert focused(page) == "step-login INPUT#class-code"
    page.keyboard.type(school.class_code)
    page.keyboard.press("Enter")
    page.wait_for_selector("#pupils button")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the first pupil
    for picture in school.pupils[0].pictures:
        page.focus(f".picture[data-picture='{picture}']")
        page.keyboard.press("Enter")
    page.wait_for_selector("#who:has-text('Bonjour')")
    # The pictures are gone: the focus goes on to the next step, not back to the top.
    assert focused(page) == "step-program BUTTON#"
    page.keyboard.press("Enter")  # the first (only) program
    assert "tour" in page.inner_text("#preview")
    page.focus("#robot-list button >> nth=0")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # Robot 2
    page.keyboard.press("Tab")
    assert focused(page) == "undefined BUTTON#send"
    page.keyboard.press("Enter")
    page.wait_for_selector("#output:has-text('tour')", timeout=20_000)
    # "Envoyer" is off while the robot works: the focus waits on "Stop".
    assert focused(page) == "run BUTTON#stop"
    page.keyboard.press("Enter")
    page.wait_for_selector("#status:text-is('Programme arrêté.')", timeout=10_000)
    assert focused(page) == "undefined BUTTON#send"
    page.focus("#logout")
    page.keyboard.press("Enter")
    page.wait_for_selector("#logout", state="hidden")
    assert focused(page) == "step-login INPUT#class-code"


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a computed CSS colour ("rgb(r, g, b)")."""
    values = [int(v) / 255 for v in colour[colour.index("(") + 1 : -1].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


FOCUS_COLOURS = """e => {
  const style = getComputedStyle(e);
  let around = e.parentElement;
  const clear = (n) => getComputedStyle(n).backgroundColor === 'rgba(0, 0, 0, 0)';
  while (clear(around)) around = around.parentElement;
  const shadow = style.boxShadow.match(/rgba?\\([^)]*\\)/);
  return [style.outlineColor, shadow ? shadow[0] : style.outlineColor,
          getComputedStyle(around).backgroundColor];
}"""


def test_the_keyboard_focus_stands_out_on_every_background(
    page: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station()
    page.goto(station.url)
    page.wait_for_selector("#robot-list button")
    page.evaluate("document.getElementById('logout').hidden = false")
    # The ring around the focused control (WCAG 1.4.11: 3:1 against what is around it):
    # on a white card, on the page's beige, on the blue header.
    for selector in ("#robot-list button", "#send", "#logout"):
        page.focus(selector)
        ring, inner, around = page.eval_on_selector(selector, FOCUS_COLOURS)
        assert max(_contrast(ring, around), _contrast(inner, around)) >= 3, selector


def test_a_screen_reader_hears_words_not_symbols(
    page: Any, school: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station(school.url)
    page.goto(station.url)
    page.wait_for_selector("#robot-list button")
    # "Robot 1", not "robot face Robot 1".
    assert page.locator("#robot-list").aria_snapshot() == ('- button "Robot 1"\n- button "Robot 2"')
    page.fill("#class-code", school.class_code)
    page.click("#class-form button")
    page.click(f"#pupils button:text-is('{school.pupils[0].pseudonym}')")
    for picture in school.pupils[0].pictures[:2]:
        page.click(f".picture[data-picture='{picture}']")
    # The dots are for the eyes; the live region says how many pictures are in.
    assert page.locator("#dots").aria_snapshot() == '- paragraph: "Images : 2 sur 3"'
    send_file(page, tmp_path)
    page.wait_for_selector("#status:text-is('Ton programme est terminé.')", timeout=20_000)
    assert 'progressbar "Avancement de l\'envoi"' in page.locator("#run").aria_snapshot()
    page.click("#teacher summary")
    page.fill("#name-text", "Robot bleu")
    page.fill("#name-code", TEACHER_CODE)
    page.click("#name-form button")
    page.wait_for_selector("#name-result:not(:empty)")
    assert page.inner_text("#name-result") == "Enregistré."


def test_the_output_follows_the_robot_s_last_lines(
    page: Any, robots: list[VirtualRobot], make_station: Any, tmp_path: Path
) -> None:
    station = make_station()
    page.goto(station.url)
    many = "from robot import *\nfor i in range(60):\n    print('ligne', i)\n"
    many += "    attendre(0.02)\n"
    send_file(page, tmp_path, many)
    page.wait_for_selector("#status:text-is('Ton programme est terminé.')", timeout=20_000)
    # The box is 16 lines high: what the robot said last is what the child sees.
    at_bottom = page.eval_on_selector(
        "#output", "o => o.scrollHeight - o.scrollTop - o.clientHeight < 2"
    )
    assert page.eval_on_selector("#output", "o => o.scrollHeight > o.clientHeight")
    assert at_bottom


def test_the_page_keeps_only_the_end_of_a_long_output(chromium: Any, tmp_path: Path) -> None:
    # 80 KB quickly, in two halves a second apart: the page reads each (the station keeps
    # 64 KB at most).
    text = b"".join(b"%d %s\n" % (i, b"x" * 1000) for i in range(80)) + b"fin\n"
    station = scripted_station(ScriptedBoard([text[:40_000], text[40_000:]], pause=1.0))
    page = chromium.new_page()
    try:
        with LiveServer(create_app(station)) as server:
            page.goto(server.url)
            send_file(page, tmp_path)
            page.wait_for_selector("#status:text-is('Ton programme est terminé.')")
            shown = page.eval_on_selector("#output", "o => o.textContent")
            assert 60_000 < len(shown) <= 65_536, len(shown)
            assert shown.endswith("79 " + "x" * 1000 + "\nfin\n"), shown[-80:]
    finally:
        page.close()
        station.close()


def test_the_page_loads_without_an_error_in_the_console(
    page: Any, robots: list[VirtualRobot], make_station: Any
) -> None:
    station = make_station()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(station.url)
    page.wait_for_selector("#robot-list button")
    page.wait_for_timeout(300)
    assert errors == []  # the browser asked for /favicon.ico: a 404 each time
