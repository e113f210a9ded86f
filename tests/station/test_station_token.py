"""The station uses its own token; a wrong or another caller's token says what to do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from classroom_app import tokens
from classroom_app.store import Store
from robot_firmware.station.school import School, TokenRefused
from tests.conftest import LiveServer
from tests.station.conftest import API_TOKEN, school_app


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    app, klass, _pupils = school_app(tmp_path / "school")
    # The grader's token exists too: a station given it must not work as a station.
    store = Store.open(app.config["DATABASE"])
    try:
        tokens.record(store, "grader", "the-grader-token")
    finally:
        store.close()
    with LiveServer(app) as live:
        yield live.url, str(klass["code"])


def test_the_station_token_reads_the_roster(server: tuple[str, str]) -> None:
    url, code = server
    assert School(url, API_TOKEN, timeout=30).roster(code)["class_code"] == code


@pytest.mark.parametrize("token", ["not-a-token", "the-grader-token", ""])
def test_a_refused_token_says_how_to_get_a_new_one(server: tuple[str, str], token: str) -> None:
    url, code = server
    with pytest.raises(TokenRefused, match="robocole classroom token rotate station"):
        School(url, token, timeout=30).roster(code)
    with pytest.raises(TokenRefused):
        School(url, token, timeout=30).programs(f"{code.lower()}-01")
