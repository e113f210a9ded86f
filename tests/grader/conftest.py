"""Fixtures of the grader's tests: a sandbox user, nbgrader on PATH, French messages."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from grader.startup import prepare_environment
from tests.grader import helpers
from tests.grader.helpers import ensure_sandbox_user


@pytest.fixture(scope="session", autouse=True)
def grader_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    if shutil.which("bwrap") is None:
        if os.environ.get("CI"):
            pytest.fail("bubblewrap is missing: scripts/test installs it with apt-get.")
        pytest.skip("bubblewrap is not installed (apt-get install bubblewrap)")
    if os.geteuid() == 0:
        ensure_sandbox_user()
    prepare_environment()
    helpers.template_root.append(tmp_path_factory.mktemp("course-templates"))
    before = os.environ.get("ROBOCOLE_LANG")
    os.environ["ROBOCOLE_LANG"] = "fr"
    yield
    if before is None:
        os.environ.pop("ROBOCOLE_LANG", None)
    else:
        os.environ["ROBOCOLE_LANG"] = before


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # nbgrader 0.9.6's gradebook makes SQLAlchemy 2 warn on every new submission
    # ("not in session, add operation … will not proceed"): third-party noise. The forked
    # grading workers inherit the filter that is active when the pool starts.
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning"))
