"""The demo school a fresh install starts with: one school, one teacher, one class.

The demo teacher's password is random, made at the first start and kept (owner-only) in
the data directory, so a demo server on a school network is never open with a known
password. The demo class has a few pupils with a little progress, so every page has
something to show.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from classroom_app import classes
from classroom_app.ledger import ExerciseResult, GradingResult, record_result
from classroom_app.passwords import hash_password
from classroom_app.store import Store
from curriculum.manifest import Manifest

DEMO_EMAIL = "demo@robocole.local"
DEMO_PUPILS = "Lina Bernard\nNoah Martin\nLéa Petit\nAdam Durand\nInès Moreau\nLina Benali"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    class_code: str
    created: bool


def seed_demo(store: Store, manifest: Manifest, data_dir: Path) -> DemoAccount:
    """Create the demo school once; later calls only read back its account."""
    credentials = data_dir / "demo_teacher.txt"
    teacher = store.teacher_by_email(DEMO_EMAIL)
    if teacher is not None:
        taught = store.classes_of_teacher(int(teacher["id"]))
        password = credentials.read_text().strip() if credentials.exists() else "?"
        return DemoAccount(DEMO_EMAIL, password, taught[0]["code"] if taught else "?", False)

    password = "-".join(secrets.token_hex(3) for _ in range(3))
    school_id = store.create_school("École de démonstration")
    teacher_id = store.create_teacher(school_id, DEMO_EMAIL, "Mme Demo", hash_password(password))
    class_id = classes.create_class(store, school_id, teacher_id, "CM2 — Club robotique")
    klass = store.class_by_id(class_id)
    assert klass is not None
    added = classes.add_pupils(store, klass, DEMO_PUPILS, teacher_id)
    first_lesson = next(manifest.lessons())
    for number, pupil in enumerate(added[:3]):
        record_result(
            store,
            manifest,
            pupil.id,
            GradingResult(
                idempotency_key=f"demo:{pupil.id}:{first_lesson.id}",
                username="",
                lesson_id=first_lesson.id,
                exercises=tuple(
                    ExerciseResult(exercise.id, passed=index <= number)
                    for index, exercise in enumerate(first_lesson.exercises)
                ),
                protections=("demo",),
            ),
        )
    descriptor = os.open(credentials, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(password + "\n")
    return DemoAccount(DEMO_EMAIL, password, klass["code"], True)
