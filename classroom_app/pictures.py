"""The pictures of picture passwords, and how a sequence of them is made and checked.

Twelve pictograms drawn for this app (simple shapes, readable on old screens and in print).
A pupil clicks ``picture_count`` of them in order; with 12 pictures and 4 clicks there are
20,736 sequences, and the login locks after a few wrong tries, which a teacher lifts.
Each picture has a name, shown under it and read by screen readers.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from robocole.i18n import N_, gettext

MIN_PICTURES, MAX_PICTURES, DEFAULT_PICTURES = 3, 5, 4

# OWASP's minimum argon2id setting (19 MiB, 2 passes): a whole class logs in within a minute,
# so the cost per check must stay small on an old school server.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@dataclass(frozen=True)
class Picture:
    id: str
    label: str  # English; translate with label_text()
    svg: str  # the inside of a 64×64 <svg>

    def label_text(self) -> str:
        return gettext(self.label)


PICTURES: tuple[Picture, ...] = (
    Picture(
        "soleil",
        N_("Sun"),
        '<circle cx="32" cy="32" r="13" fill="#f2b600"/>'
        '<g stroke="#b07d00" stroke-width="4" stroke-linecap="round">'
        '<path d="M32 4v9M32 51v9M4 32h9M51 32h9M12 12l6 6M46 46l6 6M12 52l6-6M46 18l6-6"/></g>',
    ),
    Picture(
        "lune",
        N_("Moon"),
        '<path d="M40 6a26 26 0 1 0 18 40A22 22 0 0 1 40 6z" fill="#5b6fd6"/>',
    ),
    Picture(
        "etoile",
        N_("Star"),
        '<path d="M32 4l8 18 19 2-14 13 4 19-17-10-17 10 4-19L5 24l19-2z" fill="#e0a800"'
        ' stroke="#8a6600" stroke-width="2"/>',
    ),
    Picture(
        "coeur",
        N_("Heart"),
        '<path d="M32 56L8 32a13 13 0 0 1 24-16a13 13 0 0 1 24 16z" fill="#d62f4b"/>',
    ),
    Picture(
        "arbre",
        N_("Tree"),
        '<rect x="27" y="38" width="10" height="22" fill="#7a4a1e"/>'
        '<circle cx="32" cy="24" r="18" fill="#2e8b3a"/>',
    ),
    Picture(
        "maison",
        N_("House"),
        '<path d="M6 30L32 8l26 22z" fill="#c0392b"/>'
        '<rect x="12" y="30" width="40" height="28" fill="#e8a35a"/>'
        '<rect x="27" y="40" width="10" height="18" fill="#6b3b12"/>',
    ),
    Picture(
        "poisson",
        N_("Fish"),
        '<path d="M6 32c10-16 30-16 40 0c-10 16-30 16-40 0z" fill="#1f8fc4"/>'
        '<path d="M44 32l14-12v24z" fill="#1f8fc4"/><circle cx="18" cy="29" r="3" fill="#fff"/>',
    ),
    Picture(
        "fleur",
        N_("Flower"),
        '<g fill="#d94fa5"><circle cx="32" cy="14" r="10"/><circle cx="50" cy="28" r="10"/>'
        '<circle cx="43" cy="48" r="10"/><circle cx="21" cy="48" r="10"/>'
        '<circle cx="14" cy="28" r="10"/></g><circle cx="32" cy="32" r="9" fill="#f2c200"/>',
    ),
    Picture(
        "nuage",
        N_("Cloud"),
        '<g fill="#8fa3b8"><circle cx="22" cy="36" r="12"/><circle cx="36" cy="28" r="15"/>'
        '<circle cx="47" cy="38" r="10"/><rect x="12" y="36" width="40" height="12" rx="6"/></g>',
    ),
    Picture(
        "fusee",
        N_("Rocket"),
        '<path d="M32 4c10 8 12 22 10 38H22C20 26 22 12 32 4z" fill="#9aa7b4"/>'
        '<circle cx="32" cy="22" r="5" fill="#2a6fdb"/>'
        '<path d="M22 34l-8 14h10zM42 34l8 14H40z" fill="#d62f4b"/>'
        '<path d="M26 44h12l-6 14z" fill="#f28c00"/>',
    ),
    Picture(
        "pomme",
        N_("Apple"),
        '<path d="M32 18c-14-8-26 4-22 20c3 12 12 22 22 18c10 4 19-6 22-18c4-16-8-28-22-20z"'
        ' fill="#c8102e"/><path d="M32 18c0-6 2-10 6-13" stroke="#6b3b12" stroke-width="3"'
        ' fill="none"/><path d="M35 12c6-6 12-4 14-2c-4 4-10 5-14 2z" fill="#2e8b3a"/>',
    ),
    Picture(
        "bateau",
        N_("Boat"),
        '<path d="M6 40h52l-8 14H14z" fill="#6b3b12"/><path d="M31 6v32H12z" fill="#f2f2f2"'
        ' stroke="#333" stroke-width="2"/><path d="M35 12v26h16z" fill="#2a6fdb"/>',
    ),
)

PICTURES_BY_ID = {picture.id: picture for picture in PICTURES}


def random_sequence(count: int = DEFAULT_PICTURES) -> list[str]:
    """A new picture password: ``count`` pictures, the same one never twice in a row."""
    sequence: list[str] = []
    while len(sequence) < count:
        choice = secrets.choice(PICTURES).id
        if not sequence or sequence[-1] != choice:
            sequence.append(choice)
    return sequence


def hash_sequence(sequence: Sequence[str]) -> str:
    return _hasher.hash(_encode(sequence))


def sequence_matches(stored_hash: str, sequence: Sequence[str]) -> bool:
    if any(item not in PICTURES_BY_ID for item in sequence):
        return False
    try:
        return _hasher.verify(stored_hash, _encode(sequence))
    except (VerificationError, InvalidHashError):
        return False


def _encode(sequence: Sequence[str]) -> str:
    return "pictures:" + "/".join(sequence)


def svg(picture_id: str, size: int = 64, label: str | None = None) -> str:
    """The picture as inline SVG; decorative unless a ``label`` is given."""
    picture = PICTURES_BY_ID[picture_id]
    accessible = f'role="img" aria-label="{label}"' if label else 'aria-hidden="true"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="{size}"'
        f' height="{size}" {accessible} focusable="false">{picture.svg}</svg>'
    )
