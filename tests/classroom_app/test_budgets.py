"""Sobriety budgets, measured in real Chromium on every page, cold cache.

Each page: at most 100 KB transferred (bytes on the wire, headers included) and 15
requests, none to another site, no web font. Static files are gzipped and cached.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from .site_walk import VISITS, School, open_school, signed_in_pages

pytestmark = pytest.mark.browser

MAX_BYTES = 100 * 1024
MAX_REQUESTS = 15


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    yield from open_school(tmp_path_factory.mktemp("budgets") / "data")


class Meter:
    """Counts what one page load asks for and receives, through Chromium's DevTools protocol."""

    def __init__(self, page: Any) -> None:
        self.session = page.context.new_cdp_session(page)
        self.session.send("Network.enable")
        self.session.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.order: list[str] = []
        self.urls: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.received: dict[str, int] = {}
        self.session.on("Network.requestWillBeSent", self._sent)
        self.session.on("Network.loadingFinished", self._finished)

    def _sent(self, event: dict[str, Any]) -> None:
        if not event["request"]["url"].startswith("data:"):
            if event["requestId"] not in self.urls:
                self.order.append(event["requestId"])
            self.urls[event["requestId"]] = event["request"]["url"]
            self.kinds[event["requestId"]] = event.get("type", "")

    def _finished(self, event: dict[str, Any]) -> None:
        self.received[event["requestId"]] = int(event["encodedDataLength"])

    def last_page(self) -> list[str]:
        """The requests of the last page shown: its document and all that came after it."""
        documents = [i for i, r in enumerate(self.order) if self.kinds[r] == "Document"]
        return self.order[documents[-1] :] if documents else []

    def reset(self) -> None:
        self.order.clear()
        self.urls.clear()
        self.kinds.clear()
        self.received.clear()


def test_every_page_keeps_to_its_budget(
    chromium: Any, school: School, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = signed_in_pages(chromium, school)
    meters = {role: Meter(page) for role, page in pages.items()}
    origin = urlsplit(school.url).netloc
    rows, faults = [], []
    try:
        for visit in VISITS:
            page, meter = pages[visit.role], meters[visit.role]
            meter.reset()
            visit.go(page, school)  # the last page of the visit is measured (after a form)
            page.wait_for_load_state("networkidle")
            measured = meter.last_page()
            sent = len(measured)
            size = sum(meter.received.get(i, 0) for i in measured)
            elsewhere = [u for u in meter.urls.values() if urlsplit(u).netloc != origin]
            fonts = [meter.urls[i] for i in measured if meter.kinds.get(i) == "Font"]
            web_fonts = page.evaluate("document.fonts.size")
            rows.append(f"{visit.name:<22} {size / 1024:6.1f} KB {sent:3d} requests")
            if size > MAX_BYTES or sent > MAX_REQUESTS:
                faults.append(f"{visit.name}: {size / 1024:.1f} KB, {sent} requests")
            if elsewhere or fonts or web_fonts:
                faults.append(f"{visit.name}: other sites {elsewhere}, fonts {fonts or web_fonts}")
    finally:
        for page in pages.values():
            page.context.close()
    report = "\n".join(["page                   transferred  requests", *rows])
    with capsys.disabled():
        print("\n" + report)
    assert faults == [], "\n".join([*faults, "", report])


def test_static_files_are_compressed_and_cached_for_a_year(school: School) -> None:
    page = requests.get(school.url + "/login", headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert page.headers["Content-Encoding"] == "gzip"  # pages too
    css_path = page.text.split('href="', 2)[1].split('"')[0]
    assert css_path.startswith("/static/robocole.css?v=")  # the version is in the address
    css = requests.get(school.url + css_path, headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert css.status_code == 200
    assert css.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in css.headers["Vary"]
    cache = css.headers["Cache-Control"]
    assert "max-age=31536000" in cache and "immutable" in cache and "public" in cache
    assert int(css.headers["Content-Length"]) < len(css.content)  # smaller on the wire
    plain = requests.get(school.url + css_path, headers={"Accept-Encoding": "identity"}, timeout=10)
    assert "Content-Encoding" not in plain.headers and plain.text == css.text
    assert "@font-face" not in css.text and "@import" not in css.text
    assert "system-ui" in css.text  # the computer's own fonts
