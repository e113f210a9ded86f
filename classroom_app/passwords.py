"""Teachers' passwords: argon2id with the library's default (RFC 9106 low-memory) cost."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from robocole.errors import RobocoleError
from robocole.i18n import gettext as _

MIN_LENGTH = 10

_hasher = PasswordHasher()


@functools.cache
def _decoy() -> str:
    """A real hash, checked when the e-mail is unknown so that a wrong e-mail takes as long
    as a wrong password (no way to test which e-mails exist)."""
    return _hasher.hash("robocole-decoy-password")


class WeakPassword(RobocoleError):
    """The password is too short."""


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(_("A password needs at least %(n)s characters.", n=MIN_LENGTH))
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _decoy(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False
