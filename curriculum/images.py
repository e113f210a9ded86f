"""Pictures of the curriculum (badges, lesson images): present, and self-contained SVG."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from robocole.i18n import gettext as _


def image_problems(root: Path, image: str) -> list[str]:
    """What is wrong with the picture ``image`` (relative to ``root``), in sentences."""
    if not image:
        return [_("The badge has no image.")]
    path = root / image
    if not path.is_file():
        return [_("The image %(image)s is missing.", image=image)]
    if path.suffix != ".svg":
        return []
    try:
        drawing = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        return [_("The image %(image)s is not valid SVG: %(error)s", image=image, error=error)]
    problems = []
    if not drawing.tag.endswith("svg"):
        problems.append(_("The image %(image)s is not an SVG drawing.", image=image))
    # A badge travels (Open Badges export, offline classrooms): it may not load anything.
    for element in drawing.iter():
        for name, value in element.attrib.items():
            if name.endswith("href") and not value.startswith(("#", "data:")):
                problems.append(
                    _(
                        "The image %(image)s loads %(url)s: keep badges self-contained.",
                        image=image,
                        url=value,
                    )
                )
    return problems
