"""The pupil's view of the simulator in a notebook: in French, as the pupils read it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from robocole.i18n import _current, set_language


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    token = set_language("fr")
    yield
    _current.reset(token)
