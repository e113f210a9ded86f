"""What a screen reader is told while a program runs: what happens (the status), once per
change, and what the robot wrote that is new (the log), never all the output again.

The page looks at the job four times a second. Before, the whole run panel was one live
region and each look rewrote the output and the status: a screen reader read everything the
robot had written again and again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from robot_firmware.station.web import create_app
from tests.conftest import LiveServer
from tests.station.conftest import ScriptedBoard, scripted_station, send_file

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


def test_a_screen_reader_hears_each_change_once(page: Any, tmp_path: Path) -> None:
    # Five lines, 0.4 s apart: the page looks at the job about ten times meanwhile.
    lines = [b"distance %d\n" % (40 - i) for i in range(5)]
    station = scripted_station(ScriptedBoard(lines, pause=0.4))
    with LiveServer(create_app(station)) as server:
        page.goto(server.url)
        assert page.get_attribute("#run", "aria-live") is None
        assert page.get_attribute("#status", "role") == "status"
        assert page.get_attribute("#output", "role") == "log"
        page.evaluate(WATCH)
        send_file(page, tmp_path, "from robot import *\nprint(distance())\n")
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
