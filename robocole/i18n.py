"""Translations: French first, English complete.

Source strings (msgids) are written in English in the code and templates; each part keeps
its French catalog in ``<part>/translations/fr.po``. English needs no catalog, so a string
can never be missing in English, and a test extracts every string and fails when one has no
French translation.

The language of the moment lives in a context variable: the web app sets it per request,
the command line takes it from ``ROBOCOLE_LANG`` (or ``LANG``), and French is the default.

Keeping catalogs up to date (developers)::

    python -m robocole.i18n update classroom_app   # add new strings to fr.po
    python -m robocole.i18n check                  # list strings without French
"""

from __future__ import annotations

import contextvars
import functools
import importlib.util
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

DEFAULT_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
#: The parts that carry a catalog, in the order their translations win a conflict.
PARTS = ("robocole", "classroom_app", "curriculum", "grader", "hub_config", "robot_firmware")
#: How babel finds strings: Python code and the Jinja templates of web parts.
EXTRACTION_METHODS = [
    ("**/board/**.py", "ignore"),
    ("**.py", "python"),
    ("**/templates/**.html", "jinja2.ext:babel_extract"),
    ("**/templates/**.html.j2", "jinja2.ext:babel_extract"),  # nbconvert templates
]

_current: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "robocole_language", default=None
)


def normalise_language(value: str | None) -> str | None:
    """Map ``fr_FR.UTF-8``, ``en-GB`` or ``EN`` to a supported language, or ``None``."""
    if not value:
        return None
    code = value.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else None


def environment_language() -> str:
    for variable in ("ROBOCOLE_LANG", "LANG"):
        language = normalise_language(os.environ.get(variable))
        if language:
            return language
    return DEFAULT_LANGUAGE


def current_language() -> str:
    return _current.get() or environment_language()


def set_language(language: str | None) -> contextvars.Token[str | None]:
    """Use ``language`` for the strings translated from now on in this context."""
    return _current.set(normalise_language(language))


def part_directory(part: str) -> Path | None:
    spec = importlib.util.find_spec(part)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def catalog_path(part: str, language: str) -> Path | None:
    directory = part_directory(part)
    return None if directory is None else directory / "translations" / f"{language}.po"


@functools.cache
def _messages(language: str) -> dict[str | tuple[str, str], str | tuple[str, ...]]:
    messages: dict[str | tuple[str, str], str | tuple[str, ...]] = {}
    for part in reversed(PARTS):
        path = catalog_path(part, language)
        if path is None or not path.exists():
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        for message in catalog:
            if message.id and message.string and not message.fuzzy:
                key = message.id if isinstance(message.id, str) else (message.id[0], message.id[1])
                string = message.string
                messages[key] = string if isinstance(string, str) else tuple(string)
    return messages


def translate(message: str) -> str:
    """The translation of ``message`` in the current language, unformatted (for Jinja)."""
    translated = _messages(current_language()).get(message, message)
    return translated if isinstance(translated, str) else message


def ntranslate(singular: str, plural: str, n: int) -> str:
    """The plural form for ``n`` in the current language, unformatted (for Jinja)."""
    forms = _messages(current_language()).get((singular, plural))
    if isinstance(forms, tuple) and len(forms) >= 2 and all(forms):
        # French and English both use "one" for n == 1; French also for n == 0.
        one = n in (0, 1) if current_language() == "fr" else n == 1
        return forms[0] if one else forms[1]
    return singular if n == 1 else plural


def gettext(message: str, **variables: object) -> str:
    """Translate ``message`` into the current language and fill ``%(name)s`` variables."""
    text = translate(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int, **variables: object) -> str:
    variables.setdefault("num", n)
    return ntranslate(singular, plural, n) % variables


_ = gettext


def N_(message: str) -> str:
    """Mark a string for translation without translating it now (translate it at use)."""
    return message


def extract(part: str) -> Catalog:
    """Every translatable string of a part, as babel finds it in code and templates."""
    directory = part_directory(part)
    catalog = Catalog(locale="fr", project="robocole")
    if directory is None:
        return catalog
    for filename, lineno, message, comments, context in extract_from_dir(
        str(directory), method_map=EXTRACTION_METHODS
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def missing_translations(part: str, language: str = "fr") -> list[str]:
    """The strings of ``part`` that have no translation in its catalog."""
    path = catalog_path(part, language)
    known: dict[object, object] = {}
    if path is not None and path.exists():
        with path.open("rb") as handle:
            known = {m.id: m.string for m in read_po(handle) if m.id and not m.fuzzy}
    missing = []
    for message in extract(part):
        if not message.id:
            continue
        string = known.get(message.id)
        if not string or (isinstance(string, tuple) and not all(string)):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update_catalog(part: str, language: str = "fr") -> Path:
    """Add the new strings of ``part`` to its catalog, keep translations, drop dead ones."""
    path = catalog_path(part, language)
    if path is None:
        raise SystemExit(f"unknown part {part!r}")
    template = extract(part)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
    else:
        catalog = Catalog(locale=language, project="robocole")
        for message in template:
            if message.id:
                catalog.add(message.id, None, message.locations)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True)
    _messages.cache_clear()
    return path


def _iter_parts(names: Sequence[str]) -> Iterator[str]:
    yield from (names or [p for p in PARTS if part_directory(p) is not None])


def _main(argv: Sequence[str]) -> int:
    if not argv or argv[0] not in {"update", "check"}:
        print(__doc__)
        return 2
    status = 0
    for part in _iter_parts(argv[1:]):
        if argv[0] == "update":
            print(update_catalog(part))
        else:
            for message in missing_translations(part):
                print(f"{part}: {message}")
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
