"""Running a class: create it, add pupils from a pasted list, reset pictures, print cards.

The library behind the teacher pages (and the demo seed), so every rule about class codes,
pseudonyms and picture passwords lives in one place.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from classroom_app.pictures import (
    DEFAULT_PICTURES,
    MAX_PICTURES,
    MIN_PICTURES,
    hash_sequence,
    random_sequence,
)
from classroom_app.pseudonyms import make_pseudonyms, parse_names
from classroom_app.store import Store
from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

# No 0/O, 1/I/L, no vowels that could spell words: easy to read aloud and to type.
CODE_LETTERS = "BCDFGHJKMNPQRSTVWXZ"
CODE_ALPHABET = CODE_LETTERS + "23456789"
CODE_LENGTH = 6
AVATAR_COLOURS = ("bleu", "vert", "orange", "violet", "rouge", "turquoise", "rose", "brun")
DEFAULT_GOAL_XP = 500
CARDS_KEEP = timedelta(hours=72)
#: How a class's pupils start the lessons that have blocks (the lesson view's ``?mode=``):
#: blocks for cycle 3 lessons (a competency ``c3-…``, 8-11 year olds: the default), blocks
#: wherever a lesson has them, or text everywhere.
BLOCKS_MODES = ("cycle3", "all", "none")
DEFAULT_BLOCKS_MODE = "cycle3"


class InvalidClass(RobocoleError):
    """These class settings cannot be used."""


def starts_in_blocks(blocks_mode: str, competencies: tuple[str, ...]) -> bool:
    """Whether the class's pupils open a lesson in blocks (where it has block exercises)."""
    if blocks_mode == "all":
        return True
    if blocks_mode == "none":
        return False
    return any(competency.startswith("c3-") for competency in competencies)


@dataclass(frozen=True)
class NewPupil:
    id: int
    pseudonym: str
    pictures: list[str]


def new_class_code(store: Store) -> str:
    while True:
        code = secrets.choice(CODE_LETTERS) + "".join(
            secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH - 1)
        )
        if not store.class_code_taken(code):
            return code


def create_class(
    store: Store,
    school_id: int,
    teacher_id: int,
    name: str,
    picture_count: int = DEFAULT_PICTURES,
    goal_xp: int = DEFAULT_GOAL_XP,
) -> int:
    name = " ".join(name.split())
    if not name or len(name) > 60:
        raise InvalidClass(_("Give the class a name (60 characters at most)."))
    if not MIN_PICTURES <= picture_count <= MAX_PICTURES:
        raise InvalidClass(
            _(
                "Pupils click between %(low)s and %(high)s pictures.",
                low=MIN_PICTURES,
                high=MAX_PICTURES,
            )
        )
    if not 1 <= goal_xp <= 1_000_000:
        raise InvalidClass(_("The class goal must be a positive number of XP."))
    class_id = store.create_class(
        school_id, teacher_id, name, new_class_code(store), goal_xp, picture_count
    )
    store.audit(teacher_id, "class.create", class_id)
    return class_id


def add_pupils(
    store: Store,
    klass: dict[str, Any],
    names_text: str,
    teacher_id: int | None,
    keep_cards: timedelta = CARDS_KEEP,
) -> list[NewPupil]:
    """Add every pupil of the pasted list, or none; their cards wait to be printed."""
    pairs = parse_names(names_text)
    class_id = int(klass["id"])
    pictures = [random_sequence(int(klass["picture_count"])) for _ in pairs]
    hashes = [hash_sequence(sequence) for sequence in pictures]  # slow part: outside the lock
    with store.transaction():
        pseudonyms = make_pseudonyms(pairs, taken=store.pseudonyms_of_class(class_id))
        start = len(store.pupils_of_class(class_id))
        rows = [
            (pseudonym, AVATAR_COLOURS[(start + i) % len(AVATAR_COLOURS)], hashes[i])
            for i, pseudonym in enumerate(pseudonyms)
        ]
        ids = store.add_pupils(class_id, rows)
        store.save_cards(
            class_id, {str(pid): seq for pid, seq in zip(ids, pictures, strict=True)}, keep_cards
        )
        store.audit(teacher_id, "pupils.add", class_id, count=len(ids))
    return [
        NewPupil(pid, pseudonym, seq)
        for pid, pseudonym, seq in zip(ids, pseudonyms, pictures, strict=True)
    ]


def reset_pictures(
    store: Store,
    klass: dict[str, Any],
    pupil_id: int,
    teacher_id: int | None,
    keep_cards: timedelta = CARDS_KEEP,
) -> list[str]:
    """Give a pupil new pictures (and unlock them); their new card waits to be printed."""
    sequence = random_sequence(int(klass["picture_count"]))
    digest = hash_sequence(sequence)
    with store.transaction():
        store.set_pupil_pictures(pupil_id, digest)
        store.save_cards(int(klass["id"]), {str(pupil_id): sequence}, keep_cards)
        store.audit(teacher_id, "pupil.reset_pictures", int(klass["id"]), pupil_id=pupil_id)
    return sequence
