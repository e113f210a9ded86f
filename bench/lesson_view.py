"""From the quest map's "Commencer" to an editable first exercise, against stock JupyterLab.

What it does, in one run (as root: the hub makes each pupil a system user):
1. starts the platform as ``robocole up`` does, in a fresh data folder (demo class, its first
   lessons released), and logs two demo pupils in with their pictures in Chromium (fr-FR);
2. for each pupil, starts their server and waits until it answers: the goals count from
   there ("after the pupil's server is up");
3. ours, cold (a new browser profile, the lesson never fetched): click "Commencer" on the
   quest map, until the first exercise's editor is visible and editable; then warm: back on
   the quest map, click again (the lesson is there, the browser has cached what it may);
4. the anchor, stock (the other pupil): JupyterLab at /user/<name>/lab, nbgrader's
   "Assignment List", "Fetch", the lesson's notebook, until its first answer cell is
   editable; warm: reload JupyterLab, which reopens the notebook;
5. each step's bytes over the wire (Chromium's encoded lengths, compression and cache
   included) and requests, from Chromium's own network events.

Usage: ``python bench/lesson_view.py``; run it under ``flock /tmp/robocole-bench.lock`` and
report the load printed before and after. Goals on 2 cores: ≤ 3 s cold, ≤ 1 s warm, ≤ 2 MB on
a first visit, ≤ 200 KB once cached, and the points shown ≤ 3 s after "Rendre ma leçon".
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classroom_app.pictures import PICTURES_BY_ID  # noqa: E402
from classroom_app.store import Store  # noqa: E402
from hub_config.platform import Ports, prepare, start_hub, stop_hub, wait_ready  # noqa: E402
from robocole.i18n import set_language  # noqa: E402
from tests.conftest import CHROMIUM_ARGS, free_port  # noqa: E402

LESSON = "sequences-1"


@dataclass
class Step:
    name: str
    seconds: float
    bytes: int
    requests: int

    def line(self, anchor: Step | None = None) -> str:
        ratio = f"  ({anchor.seconds / self.seconds:4.1f}× faster)" if anchor else ""
        return (
            f"{self.name:<34} {self.seconds:6.2f} s  {self.bytes / 1024:8.0f} KB"
            f"  {self.requests:4d} requests{ratio}"
        )


class Network:
    """Bytes and requests of one page, from Chromium's DevTools network events."""

    def __init__(self, context: Any, page: Any) -> None:
        self.bytes = 0
        self.requests = 0
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.on("Network.requestWillBeSent", self._request)
        session.on("Network.loadingFinished", self._finished)

    def _request(self, event: dict[str, Any]) -> None:
        if not event["request"]["url"].startswith("data:"):
            self.requests += 1

    def _finished(self, event: dict[str, Any]) -> None:
        self.bytes += int(event.get("encodedDataLength", 0))

    def mark(self) -> tuple[int, int]:
        return self.bytes, self.requests


def load() -> str:
    return Path("/proc/loadavg").read_text().split(" ")[0]


def pupils_and_pictures(data: Path, class_code: str) -> list[tuple[dict[str, Any], list[str]]]:
    store = Store.open(data / "classroom.sqlite3")
    try:
        klass = store.class_by_code(class_code)
        assert klass is not None
        cards = store.cards(int(klass["id"]))
        return [(p, list(cards[str(p["id"])])) for p in store.pupils_of_class(int(klass["id"]))]
    finally:
        store.close()


def log_in(
    page: Any, url: str, class_code: str, pupil: dict[str, Any], pictures: list[str]
) -> None:
    set_language("fr")
    page.goto(f"{url}/hub/login")
    page.get_by_label("Code de la classe (sur ta carte)").fill(class_code.lower())
    page.get_by_role("button", name="Continuer").click()
    page.get_by_role("link", name=pupil["pseudonym"]).click()
    for picture in pictures:
        label = PICTURES_BY_ID[picture].label_text()
        page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_url("**/services/classroom/pupil/**", timeout=120_000)


def server_up(page: Any, url: str, username: str) -> None:
    """Starts the pupil's server through the hub and waits until it answers."""
    page.goto(f"{url}/hub/spawn")
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        answer = page.request.get(f"{url}/user/{username}/api/status", fail_on_status_code=False)
        if answer.status == 200 and answer.headers.get("content-type", "").startswith(
            "application/json"
        ):
            return
        time.sleep(0.5)
    raise SystemExit(f"the server of {username} did not start")


@contextmanager
def pupil_page(
    browser: Any, url: str, code: str, pupil: dict[str, Any], pictures: list[str]
) -> Iterator[tuple[Any, Network]]:
    """A new browser profile, the pupil logged in and their server up; its network counted."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        log_in(page, url, code, pupil, pictures)
        server_up(page, url, pupil["username"])
        yield page, Network(context, page)
    finally:
        context.close()


@contextmanager
def step(name: str, page: Any, network: Network, steps: list[Step]) -> Iterator[None]:
    """Times the block; its bytes and requests are counted once the network is idle."""
    before, started = network.mark(), time.perf_counter()
    yield
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    after = network.mark()
    steps.append(Step(name, seconds, after[0] - before[0], after[1] - before[1]))


def ours(
    browser: Any, url: str, code: str, pupil: dict[str, Any], pictures: list[str]
) -> list[Step]:
    steps: list[Step] = []
    start = re.compile(r"^(Commencer|Continuer) : ")
    with pupil_page(browser, url, code, pupil, pictures) as (page, network):
        for name in ("ours, cold (first visit)", "ours, warm (cached)"):
            page.goto(f"{url}/services/classroom/pupil/")
            with step(name, page, network, steps):
                page.get_by_role("link", name=start).first.click()
                # The first exercise's editor: Blockly's workspace for a lesson that opens in
                # blocks (cycle 3), else the text editor; and the page's script running.
                editor = "section.exercise .blocklySvg, section.exercise textarea:visible"
                page.locator(editor).first.wait_for(state="visible")
                page.locator("html[data-ready]").wait_for(state="attached")
        # "Rendre ma leçon" until the points and the XP are on the page (nbgrader's submit,
        # the grader's watch service, the classroom app's ledger, the page's polling).
        with step("ours, hand in → points shown", page, network, steps):
            page.get_by_role("button", name="Rendre ma leçon").click()
            page.locator(".hand-in .result .card.good").wait_for()
    return steps


def stock(
    browser: Any, url: str, code: str, pupil: dict[str, Any], pictures: list[str]
) -> list[Step]:
    steps: list[Step] = []
    answer = ".jp-NotebookPanel .jp-CodeCell:not(.jp-mod-readOnly) .cm-content"
    with pupil_page(browser, url, code, pupil, pictures) as (page, network):
        with step("stock, cold (lab + assignment list)", page, network, steps):
            page.goto(f"{url}/user/{pupil['username']}/lab")
            page.locator("#jp-MainMenu").wait_for()
            page.get_by_role("menuitem", name="Nbgrader").click()
            page.get_by_text("Assignment List").click()
            row = page.locator("#released_assignments_list .list_item", has_text=LESSON)
            row.get_by_role("button", name="Fetch").click()
            fetched = page.locator("#fetched_assignments_list", has_text=LESSON)
            fetched.wait_for()
            fetched.locator("a.assignment-notebooks-link", has_text=LESSON).click()
            notebook = fetched.locator(".nested_list_item", has_text=LESSON).first
            notebook.get_by_role("link", name=LESSON).click()
            page.locator(answer).first.wait_for(state="visible")
        with step("stock, warm (lab reopens it)", page, network, steps):
            page.reload()
            page.locator(answer).first.wait_for(state="visible")
    return steps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    if os.geteuid() != 0:
        print("run as root: the hub makes each pupil a system user", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    data = Path(tempfile.mkdtemp(prefix="robocole-bench-lesson-"))
    ports = Ports(
        hub=free_port(), classroom=free_port(), hub_api=free_port(), proxy_api=free_port()
    )
    print(f"load before: {load()}  ({os.cpu_count()} cores)")
    demo = prepare(data)
    assert demo is not None
    log = (data / "hub.log").open("wb")
    hub = start_hub(data, ports, stdout=log)
    url = f"http://127.0.0.1:{ports.hub}"
    try:
        wait_ready(hub, f"{url}/hub/health")
        wait_ready(hub, f"{url}/services/classroom/api/v1/health")
        requests.get(f"{url}/hub/login", timeout=30)
        (first, first_pictures), (second, second_pictures) = pupils_and_pictures(
            data, demo.class_code
        )[:2]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            try:
                anchor = stock(browser, url, demo.class_code, second, second_pictures)
                steps = ours(browser, url, demo.class_code, first, first_pictures)
            finally:
                browser.close()
        for step in anchor:
            print(step.line())
        print(steps[0].line(anchor[0]))
        print(steps[1].line(anchor[1]))
        print(steps[2].line())
        cold, warm, hand_in = steps
        goals = {
            "cold ≤ 3 s": cold.seconds <= 3,
            "warm ≤ 1 s": warm.seconds <= 1,
            "first visit ≤ 2 MB": cold.bytes <= 2 * 1024 * 1024,
            "cached ≤ 200 KB": warm.bytes <= 200 * 1024,
            "points shown ≤ 3 s": hand_in.seconds <= 3,
        }
        print("goals: " + ", ".join(f"{k}: {'met' if ok else 'MISSED'}" for k, ok in goals.items()))
    finally:
        stop_hub(hub)
        log.close()
        print(f"load after: {load()}")
        from tests.hub_config.conftest import _remove_users

        _remove_users(
            [p["username"] for p, _ in pupils_and_pictures(data, demo.class_code)] + ["prof-1"]
        )
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
