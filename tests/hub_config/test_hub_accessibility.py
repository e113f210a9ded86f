"""The hub's login page (class code, names, pictures, teachers) has no axe-core violation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.axe import axe_violations, require_axe
from tests.hub_config.conftest import Platform

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    require_axe()
    context = chromium.new_context(locale="fr-FR", bypass_csp=True)
    yield context.new_page()
    context.close()


def test_every_step_of_the_hub_login_has_no_axe_violation(page: Any, platform: Platform) -> None:
    code = platform.demo.class_code
    pupil = platform.pupils()[0]
    login = f"{platform.url}/hub/login"
    steps = {
        "class code": login,
        "names": f"{login}?code={code}",
        "pictures": f"{login}?code={code}&pupil={pupil['username']}",
        "teachers": f"{login}?teacher=1",
        "wrong code": f"{login}?code=ZZZZZZ",
    }
    found = {}
    for name, url in steps.items():
        page.goto(url)
        found[name] = axe_violations(page)
    assert found == {name: [] for name in steps}, found
