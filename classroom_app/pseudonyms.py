"""Pseudonyms from a pasted list of names: "Lina Bernard" becomes "Lina B.".

Only the first name and as few letters of the family name as needed are kept: the least
personal data that still lets a child find their name in a list. Two identical results in one
class are told apart with more letters, then with a number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

MAX_LENGTH = 40
MAX_PUPILS_PER_PASTE = 60

_SPACES = re.compile(r"\s+")


class InvalidNames(RobocoleError):
    """The list of names cannot be used."""


def clean_line(line: str) -> str:
    """Drop control and invisible characters and squeeze spaces; keep letters of every script."""
    kept = "".join(
        ch for ch in unicodedata.normalize("NFC", line) if unicodedata.category(ch)[0] != "C"
    )
    return _SPACES.sub(" ", kept).strip(" ,;\t")


def parse_names(text: str) -> list[tuple[str, str]]:
    """Turn pasted text (one pupil a line, "First [Family]") into (first, family) pairs."""
    pairs = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = clean_line(raw)
        if not line:
            continue
        if len(line) > 80:
            raise InvalidNames(_("Line %(n)s is too long: one first name per line.", n=number))
        first, _sep, family = line.partition(" ")
        first = first[:30]
        pairs.append((first[:1].upper() + first[1:], family.strip()))
    if not pairs:
        raise InvalidNames(_("The list is empty: paste one first name per line."))
    if len(pairs) > MAX_PUPILS_PER_PASTE:
        raise InvalidNames(_("At most %(n)s pupils at a time, please.", n=MAX_PUPILS_PER_PASTE))
    return pairs


def make_pseudonyms(pairs: Iterable[tuple[str, str]], taken: Iterable[str] = ()) -> list[str]:
    """One pseudonym per pair, unique within ``taken`` and among themselves."""
    used = {p.casefold() for p in taken}
    result = []
    for first, family in pairs:
        candidates = [first]
        if family:
            letters = family.replace(" ", "")
            candidates = [
                f"{first} {letters[:n].capitalize()}." for n in range(1, min(len(letters), 4) + 1)
            ]
        chosen = next((c for c in candidates if c.casefold() not in used), None)
        number = 2
        while chosen is None:
            candidate = f"{candidates[0]} ({number})"
            if candidate.casefold() not in used:
                chosen = candidate
            number += 1
        chosen = chosen[:MAX_LENGTH]
        used.add(chosen.casefold())
        result.append(chosen)
    return result
