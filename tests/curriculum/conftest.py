"""A tiny curriculum written in a temporary folder, which each test breaks in one way."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from robocole.i18n import set_language

MANIFEST = """\
version = 1
[course]
id = "mini"
title = {{ fr = "Mini", en = "Mini" }}

[competencies.c3-sequences]
programme = "Cycle 3"
label = {{ fr = "Écrire une suite d'instructions", en = "Write a sequence of instructions" }}

[[units]]
id = "calcul"
title = {{ fr = "Le calcul", en = "Sums" }}
story = {{ fr = "Momo compte ses fruits.", en = "{story}" }}

[[units.lessons]]
id = "calcul-1"
title = {{ fr = "Additionner", en = "Adding" }}
competencies = ["c3-sequences"]
requires = {requires}

[[units.lessons.exercises]]
id = "calcul-1-a"
xp = 10
difficulty = 1
concepts = ["variable"]

[[units.lessons]]
id = "calcul-2"
title = {{ fr = "Encore", en = "Again" }}
competencies = ["c3-sequences"]
requires = ["calcul-1"]

[[units.lessons.exercises]]
id = "calcul-2-a"
xp = 10
difficulty = 1
concepts = ["variable"]

[[badges]]
id = "as-du-calcul"
kind = "mastery"
name = {{ fr = "As du calcul", en = "Sum ace" }}
description = {{ fr = "Tu sais additionner.", en = "You can add." }}
criteria = {{ fr = "Réussis les exercices.", en = "Pass the exercises." }}
image = "badges/calcul.svg"
rule = {rule}
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>\n'

LESSON = {
    "fr": """\
# %% [markdown]
# # Additionner
#
# Momo a 2 pommes et 3 poires. Range le nombre de fruits dans la boîte `total`.{image}

# %% [markdown] hints="{exercise}"
# 1. Utilise le signe plus pour additionner les deux nombres.
# 2. Écris `total = 2 + 3` sur une seule ligne de code.

# %% solution="{exercise}"
### BEGIN SOLUTION
total = {answer}
### END SOLUTION

# %% tests="{exercise}" points=1
{test}

# %% [markdown] sheet=true
# ## Objectifs
# Additionner deux nombres rangés dans une boîte.
# ## Durée
# 30 minutes.
# ## Prérequis
# Aucun.
# ## Échauffement débranché
# Compter des fruits posés sur la table.
# ## Points de vigilance
# - Le signe `=` range ; il ne compare pas.
# - Taper 5 au lieu de calculer.
# ## Aider un enfant bloqué
# Faire compter les fruits avec les doigts.
# ## Pour aller plus loin
# Ajouter une banane.
""",
    "en": """\
# %% [markdown]
# # Adding
#
# Momo has 2 apples and 3 pears. Put the number of fruit in the box `total`.{image}

# %% [markdown] hints="{exercise}"
# 1. Use the plus sign to add the two numbers together.
# 2. Write `total = 2 + 3` on a single line of code.

# %% solution="{exercise}"
### BEGIN SOLUTION
total = {answer}
### END SOLUTION

# %% tests="{exercise}" points=1
{test}

# %% [markdown] sheet=true
# ## Objectives
# Add two numbers kept in a box.
# ## Duration
# 30 minutes.
# ## Prerequisites
# None.
# ## Unplugged warm-up
# Count fruit lying on the table.
# ## What to watch for
# - The `=` sign stores; it does not compare.
# - Typing 5 instead of working it out.
# ## Helping a child who is stuck
# Have the child count the fruit on their fingers.
# ## Going further
# Add a banana.
""",
}

TEST = {
    "fr": 'assert "total" in globals(), "Range le nombre de fruits dans la boîte total."\n'
    'assert total == 5, f"La boîte total contient {total}, mais on attendait 5 pour 2 + 3."',
    "en": 'assert "total" in globals(), "Put the number of fruit in the box total."\n'
    'assert total == 5, f"The box total holds {total}, but 2 + 3 makes 5."',
}


@dataclass
class MiniCurriculum:
    """Knobs for one fault at a time; ``write()`` puts the files in ``root``."""

    root: Path
    requires: str = "[]"
    rule: str = '{ type = "exercises_passed", unit = "calcul" }'
    answer: str = "2 + 3"
    story: str = "Momo counts his fruit."
    tests: dict[str, str] = field(default_factory=lambda: dict(TEST))
    languages: tuple[str, ...] = ("fr", "en")
    badge_image: bool = True
    lesson_image: str = ""
    lesson_texts: dict[str, str] = field(default_factory=lambda: dict(LESSON))

    @property
    def manifest(self) -> Path:
        return self.root / "manifest.toml"

    def write(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        self.manifest.write_text(
            MANIFEST.format(requires=self.requires, rule=self.rule, story=self.story),
            encoding="utf-8",
        )
        if self.badge_image:
            (self.root / "badges").mkdir(exist_ok=True)
            (self.root / "badges" / "calcul.svg").write_text(SVG, encoding="utf-8")
        for lesson in ("calcul-1", "calcul-2"):
            folder = self.root / "lessons" / lesson
            folder.mkdir(parents=True, exist_ok=True)
            for language in self.languages:
                image = f"\n#\n# ![Des fruits]({self.lesson_image})" if self.lesson_image else ""
                text = self.lesson_texts[language].format(
                    exercise=f"{lesson}-a",
                    answer=self.answer,
                    test=self.tests[language],
                    image=image,
                )
                (folder / f"{language}.py").write_text(text, encoding="utf-8")
        return self.manifest


@pytest.fixture
def mini(tmp_path: Path) -> MiniCurriculum:
    return MiniCurriculum(tmp_path / "curriculum")


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Assert on the English msgids of the report; the French catalog has its own test."""
    set_language("en")
    yield
    set_language(None)
