"""One service token per caller of the internal API, each with only the rights it needs.

The callers and their rights:

- ``hub``: the hub's authenticator checks logins (pictures and teacher passwords) and reads a
  class's roster for its login page;
- ``station``: the flashing station on a classroom PC, where a pupil may read its token:
  rosters, a pupil's pictures, that pupil's saved programs, never a result (results give XP);
- ``grader``: posts results and reads a pupil's progress in the curriculum.

Only a SHA-256 of each token is kept (table ``service_tokens``): a copy of the database does
not give a working token. The tokens are 256 random bits, so a fast hash is enough (argon2 is
for what people choose); each request costs one indexed lookup. ``robocole classroom token``
makes, rotates and lists them; a token given in the environment (``ROBOCOLE_HUB_TOKEN``…,
how Helm passes its Secrets) is recorded at start.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from classroom_app.store import Store
from robocole.i18n import N_


@dataclass(frozen=True)
class Caller:
    name: str
    rights: frozenset[str]
    #: Environment variable a deployment may set the token with.
    variable: str
    summary: str


ROSTER, LOGIN_PUPIL, LOGIN_TEACHER = "roster", "login-pupil", "login-teacher"
PROGRAMS, RESULTS, PROGRESS = "programs", "results", "progress"

CALLERS: dict[str, Caller] = {
    caller.name: caller
    for caller in (
        Caller(
            "hub",
            frozenset({ROSTER, LOGIN_PUPIL, LOGIN_TEACHER}),
            "ROBOCOLE_HUB_TOKEN",
            N_("JupyterHub's login: checks pictures and teacher passwords, reads rosters."),
        ),
        Caller(
            "station",
            frozenset({ROSTER, LOGIN_PUPIL, PROGRAMS}),
            "ROBOCOLE_STATION_TOKEN",
            N_("The flashing station: rosters, pupils' pictures, their saved programs."),
        ),
        Caller(
            "grader",
            frozenset({RESULTS, PROGRESS}),
            "ROBOCOLE_GRADER_TOKEN",
            N_("The grader: posts results (XP), reads pupils' progress."),
        ),
    )
}


class UnknownCaller(ValueError):
    """No such caller."""


def caller(name: str) -> Caller:
    try:
        return CALLERS[name]
    except KeyError:
        raise UnknownCaller(name) from None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def record(store: Store, name: str, token: str) -> None:
    """Make ``token`` the one token of caller ``name`` (the previous one stops working)."""
    store.set_service_token(caller(name).name, token_hash(token))


def rotate(store: Store, name: str) -> str:
    """A new token for ``name``, recorded; the old one stops working at once."""
    token = new_token()
    record(store, name, token)
    return token


def caller_of(store: Store, token: str) -> Caller | None:
    """Whose token this is, or None (an unknown, revoked or empty token)."""
    if not token:
        return None
    name = store.service_token_caller(token_hash(token))
    return CALLERS.get(name) if name else None


def record_configured(store: Store, tokens: Mapping[str, str]) -> None:
    """Record the tokens a deployment gives (``SERVICE_TOKENS``), unless already recorded."""
    for name, token in tokens.items():
        if token and store.service_token_caller(token_hash(token)) != caller(name).name:
            record(store, name, token)
