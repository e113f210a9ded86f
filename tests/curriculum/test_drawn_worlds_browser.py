"""The worlds' pictures in real Chromium: named for a screen reader, no axe violation, and
drawn at their size (the screenshot is kept in the test's folder to look at)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.axe import axe_violations, require_axe

WORLDS = Path(__file__).parents[2] / "curriculum" / "content" / "worlds"


def drawn(world: str, code: str, picture: str, sentence: str) -> str:
    """The SVG the world's ``montre()`` displays after ``code``."""
    namespace: dict[str, Any] = {}
    exec((WORLDS / world).read_text(encoding="utf-8"), namespace)
    exec(code, namespace)
    return str(namespace[picture](namespace[sentence]()))


def test_the_pictures_are_named_and_accessible_in_chromium(chromium: Any, tmp_path: Path) -> None:
    require_axe()
    pictures = [
        drawn(
            "pixel.fr.py",
            'depart("""\nP . . #\n# # . #\nK . . .\n# # # T\n""")\n'
            "droite()\npeins()\ndroite()\npeins()\nbas()",
            "_image",
            "_phrase",
        ),
        drawn(
            "tortue.fr.py",
            "for i in range(4):\n    avance(4)\n    tourne_gauche()\navance(2)",
            "_image",
            "_phrase",
        ),
    ]
    page = chromium.new_page(viewport={"width": 600, "height": 500})
    page.set_content(
        '<!doctype html><html lang="fr"><head><title>Mondes</title></head>'
        "<body><main><h1>Mondes</h1>"
        + "".join(f"<p>{svg}</p>" for svg in pictures)
        + "</main></body></html>"
    )
    assert page.get_by_role("img", name="La grille de Pixel, 4 colonnes et 4 lignes").count() == 1
    assert page.get_by_role("img", name="Le dessin de Tao, 5 colonnes et 5 lignes").count() == 1
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().width)"
    )
    assert sizes == [164, 124]  # 4 squares of 40, 5 of 24, and the border
    page.screenshot(path=str(tmp_path / "worlds.png"))
    assert axe_violations(page) == []
    page.close()
