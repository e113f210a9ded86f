"""The station page for children passes axe-core (WCAG 2.x A/AA), in its real states."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.axe import axe_violations, require_axe

pytestmark = pytest.mark.browser


def test_the_station_page_has_no_axe_violation(
    chromium: Any, school: Any, robots: Any, make_station: Any, tmp_path: Path
) -> None:
    require_axe()
    station = make_station(school.url)
    program = tmp_path / "p.py"
    program.write_text("from robot import *\nprint('fini')\n", encoding="utf-8")
    # The page's CSP rightly refuses the injected axe script: bypass it for the check only.
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(station.url)
        page.wait_for_selector("#robot-list button")
        assert axe_violations(page) == []
        page.fill("#class-code", school.class_code)
        page.click("#class-form button")
        page.click(f"#pupils button:text-is('{school.pupils[0].pseudonym}')")
        page.wait_for_selector("#pictures:visible")
        assert axe_violations(page) == []
        page.set_input_files("#file", str(program))
        page.click("#robot-list button:has-text('Robot 1')")
        page.click("text=Envoyer au robot")
        page.wait_for_selector("#status:text-is('Ton programme est terminé.')", timeout=20_000)
        assert axe_violations(page) == []
    finally:
        context.close()
