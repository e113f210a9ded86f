"""Checking logins, with the lockouts that protect short picture passwords.

Used by the web pages and by the internal API (the hub's authenticator), so a pupil is
locked out the same way wherever they type. Each wrong try is counted:
- a pupil's login pauses after ``PUPIL_LOCK_AFTER`` wrong tries in a row;
- a whole class's picture logins pause after ``CLASS_PAUSE_AFTER`` wrong tries in
  ``CLASS_PAUSE_WINDOW_MIN`` minutes (someone is guessing);
- a teacher waits ``TEACHER_LOCK_MINUTES`` after ``TEACHER_LOCK_AFTER`` wrong passwords.
The teacher of the class lifts pupil and class pauses from the dashboard.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from classroom_app.passwords import password_matches
from classroom_app.pictures import sequence_matches
from classroom_app.store import Store, iso, now


@dataclass(frozen=True)
class LoginResult:
    status: str  # ok | wrong | locked | paused
    account: dict[str, Any] | None = None
    tries_left: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def check_pupil(
    store: Store,
    settings: Mapping[str, Any],
    klass: dict[str, Any],
    pupil: dict[str, Any],
    pictures: Sequence[str],
) -> LoginResult:
    if klass["login_paused"]:
        return LoginResult("paused", pupil)
    if pupil["locked"]:
        return LoginResult("locked", pupil)
    if sequence_matches(pupil["picture_hash"], pictures):
        if pupil["failed_logins"]:
            store.clear_pupil_failures(int(pupil["id"]))
        return LoginResult("ok", pupil)
    lock_after = int(settings["PUPIL_LOCK_AFTER"])
    failures = store.record_pupil_failure(pupil, lock_after)
    window = timedelta(minutes=int(settings["CLASS_PAUSE_WINDOW_MIN"]))
    if store.class_failures_since(int(klass["id"]), now() - window) >= int(
        settings["CLASS_PAUSE_AFTER"]
    ):
        store.set_login_paused(int(klass["id"]), True)
        return LoginResult("paused", pupil)
    if failures >= lock_after:
        return LoginResult("locked", pupil)
    return LoginResult("wrong", pupil, tries_left=lock_after - failures)


def check_teacher(
    store: Store, settings: Mapping[str, Any], email: str, password: str
) -> LoginResult:
    teacher = store.teacher_by_email(email) if email else None
    if teacher and teacher["locked_until"] and teacher["locked_until"] > iso(now()):
        return LoginResult("locked", teacher)
    if teacher is not None and password_matches(teacher["password_hash"], password):
        if teacher["failed_logins"] or teacher["locked_until"]:
            store.clear_teacher_failures(int(teacher["id"]))
        return LoginResult("ok", teacher)
    if teacher is None:
        password_matches(None, password)  # same time as a wrong password
        return LoginResult("wrong")
    store.record_teacher_failure(
        int(teacher["id"]),
        int(settings["TEACHER_LOCK_AFTER"]),
        timedelta(minutes=int(settings["TEACHER_LOCK_MINUTES"])),
    )
    return LoginResult("wrong", teacher)


class AttemptLimiter:
    """Counts wrong class codes per computer over the last minute (in this process).

    A wrong class code names no account, so there is nothing to lock in the database; this
    only slows down someone trying codes one after another.
    """

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._tries: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, who: str, moment: float) -> deque[float]:
        tries = self._tries.setdefault(who, deque())
        while tries and tries[0] < moment - 60:
            tries.popleft()
        return tries

    def blocked(self, who: str) -> bool:
        with self._lock:
            return len(self._recent(who, time.monotonic())) >= self.per_minute

    def failed(self, who: str) -> None:
        with self._lock:
            moment = time.monotonic()
            self._recent(who, moment).append(moment)
            if len(self._tries) > 10_000:  # forget idle computers, keep memory bounded
                for key in [k for k, v in self._tries.items() if not v]:
                    del self._tries[key]
