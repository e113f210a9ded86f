"""The grader and the real classroom app: a graded lesson becomes XP, exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from grader.course import Course
from grader.outbox import Outbox, ResultPoster, deliver_due
from grader.pipeline import GradingOptions, grade_submission
from grader.sandbox import MINIMUM_PROTECTIONS, SandboxPolicy
from grader.setup import setup_class_course
from tests.grader.helpers import submit_collected
from tests.grader.standin import LiveApp

LESSON = "sequences-1"
TOKEN = "integration-service-token"


def test_a_graded_lesson_earns_xp_in_the_classroom_app_once(tmp_path: Path) -> None:
    app_module = pytest.importorskip("classroom_app.app")
    from classroom_app import classes
    from classroom_app.passwords import hash_password
    from classroom_app.store import Store
    from curriculum.build import build_course
    from curriculum.manifest import load_manifest

    app = app_module.create_app(
        {"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "SERVICE_TOKENS": {"grader": TOKEN}}
    )
    store = Store.open(app.config["DATABASE"])
    try:
        school = store.create_school("École du test")
        teacher = store.create_teacher(school, "t@ecole.fr", "Mme T", hash_password("x" * 12))
        class_id = classes.create_class(store, school, teacher, "CM2", picture_count=3)
        klass = store.class_by_id(class_id)
        assert klass is not None
        pupil = classes.add_pupils(store, klass, "Ada", teacher)[0]
        username = store.pupil(pupil.id)["username"]  # type: ignore[index]
    finally:
        store.close()

    build_course(load_manifest(), tmp_path / "built", ["fr"], [LESSON])
    course = Course.for_class(tmp_path / "courses", klass["code"])
    setup_class_course(course, tmp_path / "built" / "fr", [LESSON])
    solved = (course.root / "source" / LESSON / f"{LESSON}.ipynb").read_bytes()
    submit_collected(course, username, solved, lesson=LESSON)
    options = GradingOptions(
        policy=SandboxPolicy(cell_timeout=5),
        protections=MINIMUM_PROTECTIONS,  # what the probe proves at start (test_sandbox)
        release_feedback=False,
    )
    result = grade_submission(course, username, LESSON, options)
    assert result.exercises and all(e.passed for e in result.exercises)

    outbox = Outbox(tmp_path / "outbox.db")
    outbox.put(result.payload())
    with LiveApp(app) as server:
        poster = ResultPoster(server.url, TOKEN)
        assert deliver_due(outbox, poster) == 1
        # Sent again (a crash before the outbox noted it): the app counts it once.
        response = poster.session.post(poster.url, json=result.payload(), timeout=5)
        assert response.status_code == 200 and response.json()["status"] == "duplicate"
        progress = requests.get(
            f"{server.url}/api/v1/pupils/{username}/progress",
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=5,
        ).json()
        poster.close()
    lesson = load_manifest().lesson(LESSON)
    assert progress["xp"] == lesson.xp
    assert sorted(progress["passed_exercises"]) == sorted(e.id for e in lesson.exercises)
