"""Is the English version a real translation of the French one?

Both versions of a lesson must have the same exercises, points and number of hints, and no
paragraph, hint or test message may be left as a copy of the other language. Code, images,
tables of numbers and names may rightly stay the same, so only prose is compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from curriculum.faults import Fault
from curriculum.lesson import IMAGE_PATTERN, LessonSource, assert_messages
from curriculum.manifest import Manifest, Text
from robocole.i18n import gettext as _

#: A test message shorter than this ("Bravo !") may be the same in both languages.
SAME_TEXT_MIN_LENGTH = 25
#: A paragraph with fewer words than this (a table of numbers, a name) may stay the same.
PROSE_MIN_WORDS = 4
_WORD = re.compile(r"[^\W\d_]{3,}")
_INLINE_CODE = re.compile(r"`[^`]*`")


def has_prose(paragraph: str) -> bool:
    """Whether a paragraph has words to translate (code, images and numbers may stay alike)."""
    if paragraph.lstrip().startswith("```"):
        return False
    text = _INLINE_CODE.sub("", IMAGE_PATTERN.sub("", paragraph))
    return len(_WORD.findall(text)) >= PROSE_MIN_WORDS


def compare_translations(first: LessonSource, second: LessonSource) -> list[Fault]:
    """Faults of ``second`` as a translation of ``first`` (same lesson, other language)."""
    lesson, language = first.lesson, second.language
    faults = []
    for exercise in lesson.exercises:
        points = [[c.points for c in s.cells_of(exercise.id, "tests")] for s in (first, second)]
        if points[0] != points[1]:
            message = _(
                "Exercise %(exercise)s has other points than in %(language)s.",
                exercise=exercise.id,
                language=first.language,
            )
            faults.append(Fault(lesson.id, language, "", message))
        counts = [len(s.hints.get(exercise.id, ())) for s in (first, second)]
        if counts[0] != counts[1]:
            message = _(
                "Exercise %(exercise)s has other hints than in %(language)s.",
                exercise=exercise.id,
                language=first.language,
            )
            faults.append(Fault(lesson.id, language, "", message))
    original = {text for _cell, text in _texts(first)}
    for cell, text in _texts(second):
        if text in original:
            message = _(
                "This text is the same as in %(language)s: translate it.", language=first.language
            )
            faults.append(Fault(lesson.id, language, cell, message))
    return faults


def _texts(source: LessonSource) -> Iterator[tuple[str, str]]:
    """(cell label, text) for every paragraph, hint and test message worth translating."""
    for cell in source.cells:
        if cell.role in ("instructions", "hints"):
            for paragraph in cell.text.split("\n\n"):
                if has_prose(paragraph):
                    yield cell.label, paragraph.strip()
        elif cell.role == "tests":
            for message in assert_messages(cell):
                if len(message) >= SAME_TEXT_MIN_LENGTH:
                    yield cell.label, message


def untranslated_manifest_texts(manifest: Manifest) -> list[Fault]:
    """Manifest texts whose English is a copy of the French."""
    return [
        Fault(
            place,
            "en",
            "",
            _("'%(field)s' is the same in French and English: translate it.", field=field_name),
        )
        for place, field_name, text in _manifest_texts(manifest)
        if text.values.get("fr") == text.values.get("en") and has_prose(text.get("fr"))
    ]


def _manifest_texts(manifest: Manifest) -> Iterable[tuple[str, str, Text]]:
    yield "", "course.title", manifest.title
    for competency in manifest.competencies.values():
        yield competency.id, "label", competency.label
    for unit in manifest.units:
        yield unit.id, "title", unit.title
        yield unit.id, "story", unit.story
        for lesson in unit.lessons:
            yield lesson.id, "title", lesson.title
    for badge in manifest.badges:
        place = _("badge %(badge)s", badge=badge.id)
        yield place, "name", badge.name
        yield place, "description", badge.description
        yield place, "criteria", badge.criteria
