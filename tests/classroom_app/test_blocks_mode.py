"""The teacher's choice of blocks or text for a class, carried by the quest map's links."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from classroom_app import pupil as pupil_pages
from classroom_app.store import Store
from tests.classroom_app.conftest import Browser, World, make_app

SHIPPED = Path(__file__).resolve().parents[2] / "curriculum" / "content" / "manifest.toml"
OPENED = {"sequences-1": None, "sequences-4": None, "variables-1": None}


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    """The app on the shipped curriculum, whose lessons say their cycle."""
    return make_app(tmp_path, MANIFEST=str(SHIPPED))


def links(app: Flask, store: Store, world: World) -> dict[str, str]:
    with app.test_request_context():
        buttons = pupil_pages._lesson_buttons(store, world.pupil_row(store, 0), dict(OPENED))
    return {lesson: button["url"] for lesson, button in buttons.items()}


@pytest.mark.parametrize(
    ("mode", "in_blocks"),
    [
        # sequences-1 is cycle 3 (c3-deplacements); sequences-4 and variables-1 are cycle 4.
        (None, {"sequences-1"}),
        ("cycle3", {"sequences-1"}),
        ("all", {"sequences-1", "sequences-4", "variables-1"}),
        ("none", set()),
    ],
)
def test_commencer_opens_the_lesson_in_blocks_or_text_as_the_class_chose(
    app: Flask, store: Store, world: World, mode: str | None, in_blocks: set[str]
) -> None:
    if mode is not None:
        store.set_blocks_mode(int(world.klass["id"]), mode)
    urls = links(app, store, world)
    assert set(urls) == set(OPENED)
    for lesson, url in urls.items():
        assert "/hub/user-redirect/robocole/lecon/" in url and url.split("?")[0].endswith(lesson)
        assert url.endswith("?mode=texte") == (lesson not in in_blocks), (lesson, url)


def test_the_teacher_chooses_on_the_class_page(
    browser: Browser, store: Store, world: World
) -> None:
    browser.login_teacher()
    class_id = int(world.klass["id"])
    page = browser.get(f"/teacher/classes/{class_id}")
    assert 'value="cycle3" checked' in page.text
    done = browser.post(f"/teacher/classes/{class_id}/blocks", {"blocks_mode": "none"})
    assert done.status_code in (302, 303)
    klass = store.class_by_id(class_id)
    assert klass is not None and klass["blocks_mode"] == "none"
    assert 'value="none" checked' in browser.get(f"/teacher/classes/{class_id}").text
    # A value that is not a choice changes nothing and says so.
    browser.post(f"/teacher/classes/{class_id}/blocks", {"blocks_mode": "python"})
    klass = store.class_by_id(class_id)
    assert klass is not None and klass["blocks_mode"] == "none"
