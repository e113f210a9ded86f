"""The animator's sheet of a lesson: what the adult running the workshop reads before it.

It lives in the lesson source, in its language, as one markdown cell marked ``sheet=true``
(reviewed in the same diff as the lesson; never in the pupil's notebook)::

    # %% [markdown] sheet=true
    # ## Objectifs
    # - Écrire une suite d'ordres pour aller d'une case à une autre.
    # ## Durée
    # 45 minutes.
    # ## Prérequis
    # ...

Seven sections, each a heading of its own (``SECTIONS`` gives their titles in each
language), in this order: objectives, duration, prerequisites, an unplugged warm-up, what to
watch for (misconceptions), how to help a child who is stuck, how to stretch one who is done.
The teacher's page adds the programme's and the CRCN's words from the manifest's
competencies, so the sheet's objectives say what the children do, in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass

from robocole.i18n import gettext as _

#: Section keys, in the order a sheet gives them.
KEYS = ("objectives", "duration", "prerequisites", "warmup", "watch", "help", "stretch")
#: The heading of each section as written in the source, per language.
SECTIONS: dict[str, dict[str, str]] = {
    "fr": {
        "objectives": "Objectifs",
        "duration": "Durée",
        "prerequisites": "Prérequis",
        "warmup": "Échauffement débranché",
        "watch": "Points de vigilance",
        "help": "Aider un enfant bloqué",
        "stretch": "Pour aller plus loin",
    },
    "en": {
        "objectives": "Objectives",
        "duration": "Duration",
        "prerequisites": "Prerequisites",
        "warmup": "Unplugged warm-up",
        "watch": "What to watch for",
        "help": "Helping a child who is stuck",
        "stretch": "Going further",
    },
}


@dataclass(frozen=True)
class Block:
    """A paragraph, or a list when ``items`` is set."""

    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]


class SheetError(ValueError):
    """The sheet cannot be read; the message says what to change."""


def parse_sheet(text: str, language: str) -> tuple[Section, ...]:
    """The sections of a sheet's markdown, checked: all seven, in order, none empty."""
    titles = SECTIONS[language]
    keys_by_title = {title.casefold(): key for key, title in titles.items()}
    found: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("## "):
            key = keys_by_title.get(stripped[3:].strip().casefold())
            if key is None:
                raise SheetError(
                    _(
                        "The sheet's heading “%(heading)s” is not one of: %(known)s.",
                        heading=stripped[3:].strip(),
                        known=", ".join(titles.values()),
                    )
                )
            found.append((key, []))
        elif found:
            found[-1][1].append(stripped)
        elif stripped:
            raise SheetError(_("The sheet starts with its first heading (## …)."))
    keys = [key for key, _lines in found]
    if keys != list(KEYS):
        raise SheetError(
            _(
                "The sheet needs these headings, in this order: %(known)s.",
                known=", ".join(f"## {titles[k]}" for k in KEYS),
            )
        )
    sections = []
    for key, lines in found:
        blocks = _blocks(lines)
        if not blocks:
            raise SheetError(_("The sheet's section “%(title)s” is empty.", title=titles[key]))
        sections.append(Section(key, titles[key], blocks))
    return tuple(sections)


def _blocks(lines: list[str]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(" ".join(paragraph)))
            paragraph.clear()
        if items:
            blocks.append(Block(items=tuple(items)))
            items.clear()

    for line in lines:
        if not line:
            flush()
        elif line.startswith(("- ", "* ")):
            if paragraph:
                flush()
            items.append(line[2:].strip())
        elif items and not paragraph:
            items[-1] += " " + line  # a list item that goes on on the next line
        else:
            paragraph.append(line)
    flush()
    return tuple(blocks)
