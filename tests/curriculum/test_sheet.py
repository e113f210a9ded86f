"""Every lesson has an animator's sheet in its source, checked, and never in the notebook."""

from __future__ import annotations

import pytest

from curriculum.check import check_curriculum
from curriculum.lesson import build_notebook, read_source
from curriculum.manifest import load_manifest
from curriculum.sheet import KEYS, SheetError, parse_sheet
from tests.curriculum.conftest import MiniCurriculum


def test_a_sheet_is_read_in_its_seven_sections(mini: MiniCurriculum) -> None:
    manifest = load_manifest(mini.write())
    source = read_source(manifest, manifest.lesson("calcul-1"), "fr")
    sections = source.sheet()
    assert [s.key for s in sections] == list(KEYS)
    assert sections[1].title == "Durée" and sections[1].blocks[0].text == "30 minutes."
    watch = sections[4].blocks[0]
    assert watch.items == (
        "Le signe `=` range ; il ne compare pas.",
        "Taper 5 au lieu de calculer.",
    )


def test_the_sheet_never_reaches_the_pupils_notebook(mini: MiniCurriculum) -> None:
    manifest = load_manifest(mini.write())
    source = read_source(manifest, manifest.lesson("calcul-1"), "fr")
    notebook = build_notebook(manifest, source)
    text = "\n".join(cell.source for cell in notebook.cells)
    assert "Compter des fruits posés sur la table" not in text
    assert len(notebook.cells) == len(source.cells) - 1


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("# ## Durée\n# 30 minutes.\n", "", "The sheet needs these headings, in this order:"),
        ("# ## Durée", "# ## Temps", "The sheet's heading “Temps” is not one of:"),
        ("# Ajouter une banane.\n", "", "The sheet's section “Pour aller plus loin” is empty."),
        ("# %% [markdown] sheet=true", "# %% [markdown]", "Write one animator's sheet"),
    ],
)
def test_a_sheet_that_is_missing_or_incomplete_is_caught(
    mini: MiniCurriculum, old: str, new: str, expected: str
) -> None:
    assert old in mini.lesson_texts["fr"]
    mini.lesson_texts["fr"] = mini.lesson_texts["fr"].replace(old, new)
    report = check_curriculum(mini.write(), lessons=["calcul-1"], run=False)
    assert [(f.language, f.message[: len(expected)]) for f in report.faults] == [("fr", expected)]


def test_every_shipped_lesson_has_a_sheet_in_both_languages() -> None:
    manifest = load_manifest()
    for lesson in manifest.lessons():
        for language in ("fr", "en"):
            sections = read_source(manifest, lesson, language).sheet()
            assert len(sections) == len(KEYS), (lesson.id, language)


def test_a_heading_in_the_other_language_is_refused() -> None:
    with pytest.raises(SheetError):
        parse_sheet("## Objectives\nx\n", "fr")
