"""What a screen reader is told while a program runs: what happens (the status), once per
change, and what the robot wrote that is new (the log), never all the output again.

The page looks at the job four times a second. Before, the whole run panel was one live
region and each look rewrote the output and the status: a screen reader read everything the
robot had written again and again."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from robot_firmware.flasher import RunResult
from robot_firmware.station.robots import PortInfo, Station
from robot_firmware.station.web import create_app
from tests.conftest import LiveServer

pytestmark = pytest.mark.browser

# Counts, from the page itself, what changes in the status and in the output.
WATCH = """() => {
  window.seen = {statusChanges: 0, added: 0, removed: 0};
  new MutationObserver((changes) => {
    window.seen.statusChanges += changes.length;
  }).observe(document.getElementById("status"), {childList: true, characterData: true,
                                                   subtree: true});
  new MutationObserver((changes) => {
    for (const change of changes) {
      window.seen.added += change.addedNodes.length;
      window.seen.removed += change.removedNodes.length;
    }
  }).observe(document.getElementById("output"), {childList: true});
}"""


class TalkingBoard:
    """A robot whose program writes a line, five times, 0.4 s apart (the page looks at the
    job about ten times meanwhile)."""

    def sync_library(self, progress: Any) -> None:
        progress("", 1, 1)

    def upload_program(self, program: bytes, progress: Any) -> None:
        progress("", 1, 1)

    def run_program(self, on_output: Any) -> RunResult:
        for i in range(5):
            on_output(b"distance %d\n" % (40 - i))
            time.sleep(0.4)
        return RunResult(ok=True, interrupted=False, output=b"")

    def interrupt(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_a_screen_reader_hears_each_change_once(chromium: Any, tmp_path: Path) -> None:
    ports = [PortInfo("/dev/ttyACM0", 0x2E8A, 0x0005, "E6614C311B")]
    station = Station(lambda: ports, opener=lambda port: TalkingBoard())
    page = chromium.new_page()
    try:
        with LiveServer(create_app(station)) as server:
            page.goto(server.url)
            assert page.get_attribute("#run", "aria-live") is None
            assert page.get_attribute("#status", "role") == "status"
            assert page.get_attribute("#output", "role") == "log"
            page.evaluate(WATCH)
            program = tmp_path / "programme.py"
            program.write_text("from robot import *\nprint(distance())\n", encoding="utf-8")
            page.set_input_files("#file", str(program))
            page.click("#robot-list button:has-text('Robot 1')")
            page.click("text=Envoyer au robot")
            page.wait_for_selector("#status:text-is('Ton programme est terminé.')")
            seen = page.evaluate("window.seen")
            assert page.inner_text("#output").split("\n")[:5] == [
                f"distance {40 - i}" for i in range(5)
            ]
        # Each new line went in on its own, nothing was taken out and written again.
        assert seen["removed"] == 0
        assert 2 <= seen["added"] <= 5
        # Sending, running, finished: the status changed a few times, not at every look.
        assert seen["statusChanges"] <= 6
    finally:
        page.close()
