"""axe-core (from npm, ``package.json``) injected into a page in real Chromium.

The browser context must be opened with ``bypass_csp=True``: the pages' Content-Security-
Policy rightly refuses inline scripts, and the injection is one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

AXE = Path(__file__).parents[1] / "node_modules" / "axe-core" / "axe.min.js"
#: What axe checks: every WCAG 2.0, 2.1 and 2.2 A and AA rule, and its best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def require_axe() -> None:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` (scripts/test does)")


def axe_violations(page: Any, keep_csp: bool = False) -> list[dict[str, Any]]:
    """The page's accessibility violations, one short dict per rule broken.

    With ``keep_csp`` axe is evaluated through the browser's debugging protocol, which the
    page's Content-Security-Policy does not stop: the page is tested with its real policy."""
    if keep_csp:
        page.evaluate(AXE.read_text(encoding="utf-8"))
    else:
        page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
