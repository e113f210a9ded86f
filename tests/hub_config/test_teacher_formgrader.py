"""nbgrader's formgrader for teachers, on the real platform (robocole up's own start-up).

A pupil's submission is graded by the grader service; the class's teacher opens the
formgrader from the classroom app's dashboard link, sees the graded submission and writes a
comment (the teacher's own system user writes the gradebook); a pupil and a teacher of
another class are refused, by the hub and by the file system.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.hub_config.conftest import Platform
from tests.hub_config.test_hub import click_pictures, teacher_login, teacher_session
from tests.hub_config.test_journey import progress

pytestmark = [
    pytest.mark.slow,
    # nbgrader 0.9.6's gradebook makes SQLAlchemy 2 warn: third-party noise.
    pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning"),
]

LESSON = "sequences-2"  # released with the demo class; the journey test uses sequences-1
OTHER_EMAIL = "autre@ecole.fr"
OTHER_PASSWORD = "another long password"


def course_of(platform: Platform) -> str:
    return f"robocole-{platform.demo.class_code.lower()}"


def hand_in(platform: Platform, username: str) -> None:
    """The pupil hands the lesson in with nbgrader's own submit (the solved notebook)."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeSubmit

    from grader.course import Course

    course = Course.for_class(
        platform.data / "courses", platform.demo.class_code, platform.data / "exchange"
    )
    home = Path(tempfile.mkdtemp(prefix="robocole-pupil-"))
    try:
        shutil.copytree(course.root / "source" / LESSON, home / LESSON)
        config = course.config(LESSON, username)
        config.Exchange.assignment_dir = str(home)
        ExchangeSubmit(
            coursedir=CourseDirectory(config=config),
            authenticator=Authenticator(config=config),
            config=config,
        ).start()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def formgrader_api(session: requests.Session, base: str, path: str) -> requests.Response:
    """A formgrader API call; the first one goes through the hub's OAuth (redirects)."""
    return session.get(f"{base}/formgrader/api/{path}", timeout=30)


def is_json(answer: requests.Response) -> bool:
    """The formgrader's API answered (it sends JSON as text/html; a refusal is a page)."""
    if not answer.ok:
        return False
    try:
        answer.json()
    except ValueError:
        return False
    return True


def wait_for_api(session: requests.Session, base: str, path: str, timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        answer = formgrader_api(session, base, path)
        if is_json(answer):
            return answer.json()
        assert time.monotonic() < deadline, (answer.status_code, answer.text[-300:])
        time.sleep(1)


def runs_as(user: str) -> list[int]:
    found = subprocess.run(["pgrep", "-u", user], capture_output=True, text=True).stdout
    return [int(pid) for pid in found.split()]


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        lines = status.splitlines()
        total += next(int(line.split()[1]) for line in lines if line.startswith("VmRSS"))
    return total / 1024


@pytest.fixture
def other_teacher(platform: Platform) -> Iterator[str]:
    """A teacher of another class of the same school (hub user prof-<id>)."""
    from classroom_app import classes
    from classroom_app.passwords import hash_password
    from classroom_app.store import Store

    store = Store.open(platform.data / "classroom.sqlite3")
    try:
        found = store.teacher_by_email(OTHER_EMAIL)
        if found is None:
            school = store.first_school()
            assert school is not None
            teacher = store.create_teacher(
                int(school["id"]), OTHER_EMAIL, "M. Autre", hash_password(OTHER_PASSWORD)
            )
            classes.create_class(store, int(school["id"]), teacher, "CM1 B", picture_count=3)
        else:
            teacher = int(found["id"])
    finally:
        store.close()
    yield f"prof-{teacher}"


@pytest.fixture(scope="module", autouse=True)
def remove_course_groups() -> Iterator[None]:
    yield
    for group in grp.getgrall():
        if group.gr_name.startswith("formgrade-robocole-"):
            subprocess.run(["groupdel", group.gr_name], capture_output=True)


def test_the_teacher_grades_by_hand_in_the_formgrader_of_their_class(
    platform: Platform, other_teacher: str
) -> None:
    course = course_of(platform)
    pupil = platform.pupils()[-1]
    username = pupil["username"]
    before = progress(platform, username)["xp"]
    hand_in(platform, username)
    deadline = time.monotonic() + 120
    while progress(platform, username)["xp"] == before:  # graded by the watch service
        assert time.monotonic() < deadline, "the submission was not graded"
        time.sleep(1)

    # The dashboard's link: through the classroom app to the hub, which starts the server.
    session = teacher_session(platform)
    started = time.monotonic()
    opened = session.get(f"{platform.url}/services/classroom/teacher/classes/1/formgrader")
    assert opened.status_code == 200, opened.text[-300:]
    base = f"{platform.url}/user/prof-1/{course}"
    submissions = wait_for_api(session, base, f"submissions/{LESSON}", timeout=150)
    ready = time.monotonic() - started
    graded = {s["student"]: s for s in submissions}
    assert graded[username]["autograded"] and graded[username]["score"] > 0

    # It runs as the teacher's own system user, in the group of the course's teachers only.
    pids = runs_as("prof-1")
    assert pids, "the formgrader runs as prof-1"
    teacher_groups = {grp.getgrgid(g).gr_name for g in os.getgrouplist("prof-1", 0)}
    assert f"formgrade-{course}" in teacher_groups
    print(f"\nformgrader server ready in {ready:.1f} s, RSS {rss_mb(pids):.0f} MB")

    # Manual grading: a comment, written by the teacher's server into the gradebook.
    notebooks = wait_for_api(session, base, f"submitted_notebooks/{LESSON}/{LESSON}", 10)
    mine = next(n for n in notebooks if n["student"] == username)
    comments = wait_for_api(session, base, f"comments?submission_id={mine['id']}", 10)
    # The course server's own XSRF cookie (the hub has one too, on /hub/).
    xsrf = next(c.value for c in session.cookies if c.name == "_xsrf" and course in c.path)
    written = session.put(
        f"{base}/formgrader/api/comment/{comments[0]['id']}",
        data=json.dumps({"manual_comment": "Bravo, le chemin est trouvé !"}),
        headers={"X-XSRFToken": xsrf},
        timeout=30,
    )
    assert written.status_code == 200, written.text[-300:]
    from nbgrader.api import Gradebook

    gradebook = platform.data / "courses" / course / "gradebook.db"
    with Gradebook(f"sqlite:///{gradebook}") as book:
        comment = book.find_comment_by_id(comments[0]["id"])
        assert comment.manual_comment == "Bravo, le chemin est trouvé !"

    # A pupil: no course server, no way into the teacher's, no course folder.
    pupil_session = requests.Session()
    login = click_pictures(platform, pupil_session, username, platform.pictures(username))
    assert login.status_code == 302
    refused = pupil_session.get(f"{platform.url}/hub/spawn/{username}/{course}")
    assert refused.status_code in (403, 500), refused.status_code
    assert not is_json(formgrader_api(pupil_session, base, f"submissions/{LESSON}"))
    assert not (platform.data / "courses" / course).stat().st_mode & 0o007
    nobody = subprocess.run(
        ["runuser", "-u", "nobody", "--", "cat", str(gradebook)], capture_output=True
    )
    assert nobody.returncode != 0
    listing = subprocess.run(
        ["runuser", "-u", "nobody", "--", "ls", str(platform.data / "courses")],
        capture_output=True,
    )
    assert listing.returncode != 0

    # A teacher of another class: the classroom app, the hub and the files say no.
    other, answer = teacher_login(platform, OTHER_EMAIL, OTHER_PASSWORD)
    assert answer.ok, answer.text[-300:]
    dashboard_link = other.get(f"{platform.url}/services/classroom/teacher/classes/1/formgrader")
    assert dashboard_link.status_code == 404
    assert other.get(f"{platform.url}/hub/spawn/{other_teacher}/{course}").status_code in (
        403,
        500,
    )
    assert not is_json(formgrader_api(other, base, f"submissions/{LESSON}"))
    try:
        pwd.getpwnam(other_teacher)
    except KeyError:
        pass  # never spawned: no account, so no access either
    else:
        names = {grp.getgrgid(g).gr_name for g in os.getgrouplist(other_teacher, 0)}
        assert f"formgrade-{course}" not in names
    subprocess.run(["userdel", other_teacher], capture_output=True)


def test_opening_a_course_gives_its_files_to_the_group_never_a_links_target(
    tmp_path: Path,
) -> None:
    from hub_config.formgrader import open_course

    if os.geteuid() != 0:
        pytest.skip("changing a file's group needs root")
    courses = tmp_path / "courses"
    root = courses / "robocole-zz9t"
    (root / "submitted" / "zz9t-01" / "robot-1").mkdir(parents=True)
    (root / "gradebook.db").write_text("")
    notebook = root / "submitted" / "zz9t-01" / "robot-1" / "robot-1.ipynb"
    notebook.write_text("{}")
    outside = tmp_path / "secret.txt"
    outside.write_text("root only")
    os.chmod(outside, 0o600)
    (root / "submitted" / "zz9t-01" / "robot-1" / "link").symlink_to(outside)

    open_course(courses, "robocole-zz9t")
    gid = grp.getgrnam("formgrade-robocole-zz9t").gr_gid
    assert (root.stat().st_gid, root.stat().st_mode & 0o7777) == (gid, 0o2770)
    assert notebook.stat().st_gid == gid and notebook.stat().st_mode & 0o077 == 0o040
    assert (root / "gradebook.db").stat().st_mode & 0o070 == 0o060
    assert courses.stat().st_mode & 0o777 == 0o711
    assert outside.stat().st_gid == 0 and outside.stat().st_mode & 0o777 == 0o600
