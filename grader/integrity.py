"""The grader's side of sealed tests: a key per kernel, a nonce per test, a verdict checked.

``grader/kernel_guard.py`` runs each test cell in the pupil's kernel and signs its verdict;
here the grader writes that kernel's key (a file only the kernel reads, then deletes), picks
a random nonce for each test and checks the signed answer. Anything else (no signature, a
wrong one, another nonce, another code, a test run twice, a change to Python found before
the test) is *tampering*: the exercise scores 0 with its own sentence, and the result says so.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.kernel_guard import _signature

#: The error name the grader writes in a test cell whose verdict could not be trusted.
TAMPERED = "RobocoleTampered"


def guard_key_path(connection_file: str) -> Path:
    """Where the kernel started with ``connection_file`` finds its key (kernel_guard.LAUNCHER)."""
    return Path(connection_file + ".guard")


def write_guard_key(connection_file: str, identity: tuple[int, int] | None) -> bytes:
    """A fresh key for one kernel, in a file only the sandbox user can read."""
    key = secrets.token_bytes(32)
    path = guard_key_path(connection_file)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        os.write(descriptor, key)
        if identity is not None:
            os.fchown(descriptor, *identity)
    finally:
        os.close(descriptor)
    return key


def new_nonce() -> str:
    return secrets.token_hex(16)


@dataclass(frozen=True)
class Verdict:
    """What a test cell really did: ``ok``, ``error`` (the test failed) or ``tampered``."""

    status: str
    ename: str = ""
    evalue: str = ""
    line: int = 0


def check(reply: Mapping[str, Any] | None, key: bytes, nonce: str, code: str) -> Verdict:
    """The verdict of one test, if the kernel's reply proves it; else ``tampered``."""
    content = (reply or {}).get("content", {})
    signed = content.get("robocole") if isinstance(content, Mapping) else None
    if not isinstance(signed, Mapping):
        return Verdict("tampered", evalue="no signed verdict")
    digest = hashlib.sha256(code.encode()).hexdigest()
    status, ename, evalue = (str(signed.get(k, "")) for k in ("status", "ename", "evalue"))
    expected = _signature(key, [nonce, digest, status, ename, evalue])
    proven = (
        secrets.compare_digest(str(signed.get("mac", "")), expected)
        and signed.get("nonce") == nonce
        and signed.get("sha256") == digest
    )
    if not proven:
        return Verdict("tampered", evalue="bad signature")
    if status not in ("ok", "error"):
        return Verdict("tampered", evalue=evalue)
    line = signed.get("line", 0)
    return Verdict(status, ename, evalue, line if isinstance(line, int) else 0)
