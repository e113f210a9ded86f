"""The authenticator asks the real classroom app over HTTP, and sets nbgrader's groups."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from hub_config.authenticator import RobocoleAuthenticator, role_of
from hub_config.classroom_client import ClassroomClient, ClassroomUnavailable
from tests.hub_config.conftest import API_TOKEN, PASSWORD, TEACHER_EMAIL, Classroom


def authenticator(classroom: Classroom, token: str = API_TOKEN) -> RobocoleAuthenticator:
    return RobocoleAuthenticator(classroom_url=classroom.url, classroom_token=token)


def login(auth: RobocoleAuthenticator, data: dict[str, Any]) -> tuple[Any, Any]:
    handler = SimpleNamespace()
    return asyncio.run(auth.authenticate(handler, data)), handler


def pupil_data(classroom: Classroom, index: int, pictures: list[str]) -> dict[str, Any]:
    return {
        "kind": "pupil",
        "class_code": classroom.klass["code"],
        "username": classroom.usernames[index],
        "pictures": ",".join(pictures),
    }


def test_pupil_with_right_pictures_gets_the_class_group(classroom: Classroom) -> None:
    answer, _handler = login(
        authenticator(classroom), pupil_data(classroom, 0, classroom.pictures(0))
    )
    assert answer["name"] == classroom.usernames[0]
    assert answer["groups"] == [f"nbgrader-{classroom.course}"]
    assert answer["auth_state"]["role"] == "pupil"
    assert role_of(answer["groups"]) == "pupil"


def test_wrong_pictures_are_refused_with_a_reason(classroom: Classroom) -> None:
    wrong = list(reversed(classroom.pictures(1)))
    if wrong == classroom.pictures(1):
        wrong = ["soleil", "lune", "etoile"]
    answer, handler = login(authenticator(classroom), pupil_data(classroom, 1, wrong))
    assert answer is None
    assert handler.robocole_refusal == "wrong_credentials"


def test_another_pupils_pictures_do_not_open_this_account(classroom: Classroom) -> None:
    if classroom.pictures(0) == classroom.pictures(2):
        pytest.skip("two pupils drew the same pictures")
    answer, _handler = login(
        authenticator(classroom), pupil_data(classroom, 2, classroom.pictures(0))
    )
    assert answer is None


def test_teacher_gets_the_formgrade_group(classroom: Classroom) -> None:
    data = {"kind": "teacher", "email": TEACHER_EMAIL, "password": PASSWORD}
    answer, _handler = login(authenticator(classroom), data)
    assert answer["name"] == f"prof-{classroom.teacher_id}"
    assert answer["groups"] == [f"formgrade-{classroom.course}"]
    assert role_of(answer["groups"]) == "teacher"
    data["password"] = "not it"
    assert login(authenticator(classroom), data)[0] is None


def test_a_wrong_service_token_is_an_outage_not_a_wrong_password(classroom: Classroom) -> None:
    with pytest.raises(ClassroomUnavailable):
        login(
            authenticator(classroom, token="wrong"),
            pupil_data(classroom, 0, classroom.pictures(0)),
        )


def test_roster_lists_pseudonyms_and_unknown_codes_are_none(classroom: Classroom) -> None:
    client = ClassroomClient(classroom.url, API_TOKEN)
    roster = asyncio.run(client.roster(classroom.klass["code"].lower()))
    assert roster is not None
    assert roster.picture_count == 3
    assert sorted(p.username for p in roster.pupils) == sorted(classroom.usernames)
    assert asyncio.run(client.roster("NOPE99")) is None


def test_pupils_get_the_light_server_and_teachers_do_not() -> None:
    auth = RobocoleAuthenticator(classroom_url="http://127.0.0.1:9", classroom_token="t")

    def spawner_for(groups: list[str]) -> Any:
        user = SimpleNamespace(groups=[SimpleNamespace(name=g) for g in groups])
        spawner = SimpleNamespace(environment={"KEEP": "1"}, args=[])
        auth.pre_spawn_start(user, spawner)
        return spawner

    pupil = spawner_for(["nbgrader-robocole-k7mpqa"])
    teacher = spawner_for(["formgrade-robocole-k7mpqa", "nbgrader-robocole-k7mpqa"])
    assert pupil.environment["JUPYTER_CONFIG_PATH"].startswith(auth.pupil_config_dir)
    assert auth.pupil_config_dir not in teacher.environment["JUPYTER_CONFIG_PATH"]
    assert pupil.environment["KEEP"] == "1"
    assert pupil.environment["ROBOCOLE_ROLE"] == "pupil"
    assert teacher.environment["ROBOCOLE_ROLE"] == "teacher"
    assert any(a.startswith("--LabApp.app_settings_dir=") for a in pupil.args)
    # A notebook sends robot programs to the classroom app the hub itself talks to.
    assert pupil.environment["ROBOCOLE_CLASSROOM_URL"] == "http://127.0.0.1:9"
