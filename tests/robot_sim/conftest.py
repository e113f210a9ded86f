"""Fixtures for the simulator and station tests: French, as the children see it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from robocole.i18n import set_language


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    token = set_language("fr")
    yield
    from robocole.i18n import _current

    _current.reset(token)
