"""Collecting as root takes only the plain files a pupil handed in: no link, no pipe."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import nbformat
import pytest

from grader.course import Course
from grader.inbound import submission_complete
from grader.pipeline import collect
from grader.safe_collect import SubmissionTooBig, copy_submission
from tests.grader.helpers import CORRECT, LESSON, answered, make_course, release

STAMP = "2026-11-22 10:00:00.000000 UTC"


def _finished(target: object, timeout: float = 20) -> bool:
    """Run ``target`` in a thread: False if it is still blocked after ``timeout`` seconds."""
    thread = threading.Thread(target=target, daemon=True)  # type: ignore[arg-type]
    thread.start()
    thread.join(timeout)
    return not thread.is_alive()


def test_only_plain_files_are_copied_and_nothing_is_followed(tmp_path: Path) -> None:
    secret = tmp_path / "other-pupil.ipynb"
    secret.write_text("another child's work")
    source = tmp_path / "inbound" / "sub"
    (source / "images").mkdir(parents=True)
    (source / "lesson.ipynb").write_text("mine")
    (source / "images" / "robot.png").write_bytes(b"\x89PNG")
    (source / "stolen.ipynb").symlink_to(secret)
    (source / "home").symlink_to(tmp_path)
    os.mkfifo(source / "pipe")
    os.chmod(source / "lesson.ipynb", 0o000)  # root reads it anyway; teachers must too

    destination = tmp_path / "submitted"
    skipped: list[str] = []
    assert _finished(lambda: skipped.extend(copy_submission(source, destination)))

    assert (destination / "lesson.ipynb").read_text() == "mine"
    assert (destination / "images" / "robot.png").read_bytes() == b"\x89PNG"
    assert sorted(p.name for p in destination.iterdir()) == ["images", "lesson.ipynb"]
    assert sorted(Path(p).name for p in skipped) == ["home", "pipe", "stolen.ipynb"]
    assert (destination / "lesson.ipynb").stat().st_mode & 0o777 == 0o640


def test_a_submission_folder_that_is_a_link_gives_nothing(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "lesson.ipynb").write_text("not theirs")
    (tmp_path / "link").symlink_to(elsewhere)
    copy_submission(tmp_path / "link", tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_submission_bigger_than_a_lesson_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "sub"
    source.mkdir()
    (source / "big.bin").write_bytes(b"x" * 5000)
    with pytest.raises(SubmissionTooBig):
        copy_submission(source, tmp_path / "out", max_bytes=4000)
    for number in range(600):
        (source / f"f{number}").touch()
    with pytest.raises(SubmissionTooBig):
        copy_submission(source, tmp_path / "out2")


def test_a_pipe_in_place_of_nbgrader_files_does_not_hold_the_grader(tmp_path: Path) -> None:
    folder = tmp_path / "sub"
    folder.mkdir()
    os.mkfifo(folder / "timestamp.txt")
    (folder / "submission_secret.txt").symlink_to(tmp_path / "nowhere")
    answers: list[bool] = []
    assert _finished(lambda: answers.append(submission_complete(folder)))
    assert answers == [False]


def test_nbgrader_collect_does_not_take_a_link_to_another_pupils_notebook(
    tmp_path: Path,
) -> None:
    course: Course = make_course(tmp_path / "courses", "S4FEAA", exchange=tmp_path / "exchange")
    release(course)
    other_home = tmp_path / "home" / "s4feaa-02"
    other_home.mkdir(parents=True)
    other = other_home / "robot-1.ipynb"
    nbformat.write(answered(course, CORRECT), other)
    os.chmod(other_home, 0o700)

    # What a pupil's notebook could write straight into the class's inbound folder.
    assert course.exchange is not None
    inbound = course.exchange / course.id / "inbound" / f"s4feaa-01+{LESSON}+{STAMP}+abc"
    inbound.mkdir(parents=True)
    (inbound / f"{LESSON}.ipynb").symlink_to(other)
    (inbound / "timestamp.txt").write_text(STAMP)
    (inbound / "submission_secret.txt").write_text("0" * 128)

    collect(course, LESSON)

    submitted = course.submitted("s4feaa-01", LESSON)
    assert submitted.is_dir()
    assert not (submitted / f"{LESSON}.ipynb").exists()
    assert not any(path.is_symlink() for path in submitted.rglob("*"))
    assert (submitted / "timestamp.txt").read_text() == STAMP
