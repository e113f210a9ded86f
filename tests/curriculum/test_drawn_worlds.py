"""Pixel's grid and Tao's drawings are pictures (SVG) in the pupil's kernel, with the text
they showed before for whoever reads text (the grader's feedback page, the tests).

The world's code runs as the curriculum pastes it into the notebook (``include=``), in a
real IPython kernel, and the output is read as JupyterLab receives it.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

WORLDS = Path(__file__).parents[2] / "curriculum" / "content" / "worlds"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def kernel() -> Iterator[Any]:
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", startup_timeout=60)
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def shown(client: Any, world: str, code: str) -> list[dict[str, Any]]:
    """Run the world's cell, then ``code``: the outputs of ``code``, as JupyterLab gets them."""
    source = (WORLDS / world).read_text(encoding="utf-8")
    client.execute_interactive(source, timeout=30, output_hook=lambda _msg: None)
    outputs: list[dict[str, Any]] = []

    def keep(message: dict[str, Any]) -> None:
        if message["msg_type"] in ("display_data", "stream", "error"):
            outputs.append(message["content"])

    reply = client.execute_interactive(code, timeout=30, output_hook=keep)
    assert reply["content"]["status"] == "ok", outputs
    return outputs


def picture(output: dict[str, Any]) -> ET.Element:
    svg = output["data"]["image/svg+xml"]
    assert "<script" not in svg and "href" not in svg and "url(" not in svg  # nothing to load
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == SVG + "svg" and root.get("role") == "img"
    assert root.get("viewBox") and len(root.get("viewBox", "").split()) == 4
    title = root.find(SVG + "title")
    assert title is not None and title.text == root.get("aria-label")
    return root


PIXEL_FR = 'depart("""\nP . #\n. . T\n""")\ndroite()\npeins()\nbas()\nmontre()'


def test_pixel_s_grid_is_a_picture_with_its_words_and_its_text(kernel: Any) -> None:
    (output,) = shown(kernel, "pixel.fr.py", PIXEL_FR)
    assert output["data"]["text/plain"] == ". * #\n. P T"
    root = picture(output)
    assert root.get("aria-label") == (
        "La grille de Pixel, 3 colonnes et 2 lignes : Pixel est en bas au milieu, le trésor "
        "est en bas à droite, 1 mur, 1 case peinte."
    )
    # One square per case of the grid, and Pixel and the treasure drawn on top.
    assert len(root.findall(SVG + "rect")) == 6
    assert [t.text for t in root.findall(SVG + "text")] == ["T", "P"]


def test_pixel_on_the_treasure_in_english(kernel: Any) -> None:
    (output,) = shown(kernel, "pixel.en.py", 'start("P . T")\nright()\nright()\nshow()')
    assert output["data"]["text/plain"] == ". . P"
    assert picture(output).get("aria-label") == (
        "Pixel's grid, 3 columns and 1 row: Pixel is on the treasure, at the right."
    )


def test_tao_s_drawing_is_a_picture_with_its_words_and_its_text(kernel: Any) -> None:
    code = "nouvelle_feuille()\navance(2)\ntourne_gauche()\navance(1)\nmontre()"
    (output,) = shown(kernel, "tortue.fr.py", code)
    assert output["data"]["text/plain"] == "..#\n###"
    root = picture(output)
    assert root.get("aria-label") == (
        "Le dessin de Tao, 3 colonnes et 2 lignes : 4 cases tracées. Tao est en haut à "
        "droite, tournée vers le haut."
    )
    filled = [r for r in root.findall(SVG + "rect") if r.get("fill") != "#ffffff"]
    assert len(filled) == 4
    # Tao is a triangle whose tip points up (smaller y in SVG) from her square's centre.
    tip = root.findall(SVG + "polygon")[0].get("points", "").split()[0].split(",")
    assert (float(tip[0]), float(tip[1])) == (2 * 24 + 12, 12 - 9)


def test_tao_in_english(kernel: Any) -> None:
    (output,) = shown(kernel, "tortue.en.py", "new_sheet()\nforward(3)\nshow()")
    assert output["data"]["text/plain"] == "####"
    assert picture(output).get("aria-label") == (
        "Tao's drawing, 4 columns and 1 row: 4 squares drawn. Tao is at the right, facing the "
        "right."
    )


@pytest.mark.parametrize(
    ("world", "code", "text"),
    [
        ("pixel.fr.py", 'depart("P . T")\ndroite()\nmontre()', ". P T\n"),
        ("tortue.fr.py", "avance(2)\nmontre()", "###\n"),
    ],
)
def test_outside_a_notebook_the_text_is_printed(world: str, code: str, text: str) -> None:
    source = (WORLDS / world).read_text(encoding="utf-8") + "\n" + code
    ran = subprocess.run(
        [sys.executable, "-c", source], capture_output=True, text=True, check=True, timeout=60
    )
    assert ran.stdout == text
