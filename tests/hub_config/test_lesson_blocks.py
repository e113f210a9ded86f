"""Blocks for the youngest in the lesson view: Blockly vendored, the same Python as the text
lessons, built by dragging and by the keyboard in a real pupil's server, and bad input.

The round trip runs the page's own generator (static/blocks.js) in Chromium on every block
lesson's reference solution; the other tests use test_lesson_view.py's server (a real Jupyter
server with the lesson view, lessons built and released by nbgrader).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from curriculum import blocks
from curriculum.lesson import build_notebook, read_source
from curriculum.manifest import load_manifest
from hub_config.lesson_view.handlers import block_editor, js_texts
from hub_config.lesson_view.model import read_lesson
from robocole.i18n import set_language
from tests.hub_config.test_lesson_view import COURSE, LessonServer, answer_cell, serve_lessons

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "hub_config" / "lesson_view" / "static"
VENDORED = STATIC / "blockly"
BLOCK_LESSONS = (
    "sequences-1",
    "sequences-2",
    "sequences-3",
    "sequences-4",
    "boucles-1",
    "boucles-2",
    "robot-1",
    "robot-2",
    "robot-3",
)
ROBI = 'def programme():\n    """Tes ordres pour Robi."""\n{}\n\n\nprint(notes_jouees(programme))'
MARKERS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION\n", re.M)


# -- Blockly as vendored ---------------------------------------------------------------------


def test_the_vendored_blockly_is_npm_s_pinned_version() -> None:
    package = ROOT / "node_modules" / "blockly"
    assert package.is_dir(), "npm ci installs blockly (scripts/test)"
    version = json.loads((package / "package.json").read_text())["version"]
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["blockly"]
    assert version == pinned
    assert f"Blockly {version}" in (VENDORED / "README.md").read_text()
    vendored = sorted(
        p.relative_to(VENDORED)
        for p in VENDORED.rglob("*")
        if p.is_file() and p.name != "README.md"
    )
    assert Path("blockly_compressed.js") in vendored and Path("LICENSE") in vendored
    for relative in vendored:
        assert (VENDORED / relative).read_bytes() == (package / relative).read_bytes(), relative
    # Blockly needs no eval, so the page's Content-Security-Policy ('self' scripts) holds.
    core = (VENDORED / "blockly_compressed.js").read_text()
    assert "new Function(" not in core and "eval(" not in core
    # Nothing third-party: Blockly's default media address is replaced by ours in blocks.js.
    assert 'media: main.dataset.blockly + "media/"' in (STATIC / "blocks.js").read_text()


# -- the round trip: reference solution → blocks → the page's Python --------------------------


def solution_exercises(language: str) -> Iterator[tuple[str, Any, str]]:
    """(lesson id, exercise with its reference answer as source, that source)."""
    manifest = load_manifest()
    for lesson_id in BLOCK_LESSONS:
        notebook = build_notebook(
            manifest, read_source(manifest, manifest.lesson(lesson_id), language)
        )
        lesson = read_lesson(notebook)
        for exercise in lesson.exercises:
            cell = next(
                c
                for c in notebook.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == exercise.answer_id
            )
            exercise.source = MARKERS.sub("", cell.source)
            yield lesson_id, exercise, exercise.source


def synthetic_page(language: str) -> tuple[str, list[str]]:
    """A page with the view's block editor for every block exercise, opened on its reference
    solution (which the server turns into blocks), and the sources expected back."""
    set_language(language)
    sections, expected = [], []
    for _lesson_id, exercise, source in solution_exercises(language):
        data = block_editor(exercise, language, released=None)
        assert data["mode"] == "blocks", exercise.answer_id
        assert data["workspace"] is not None
        expected.append(source)
        sections.append(
            '<section class="exercise" data-editor="blocks">'
            f'<script type="application/json" class="blocks-data">{json.dumps(data)}</script>'
            '<div class="block-editor"><div class="workspace" style="height:200px"></div>'
            '<p class="block-count"></p><pre class="generated"></pre></div>'
            '<div class="text-editor" hidden><textarea></textarea></div></section>'
        )
    page = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>t</title>'
        '<script src="/static/blockly/blockly_compressed.js"></script>'
        f'<script src="/static/blockly/msg/{language}.js"></script></head><body>'
        f'<main id="lesson" data-blockly="/static/blockly/">'
        f'<script type="application/json" id="texts">{json.dumps(js_texts())}</script>'
        + "".join(sections)
        + '</main><script src="/static/blocks.js"></script></body></html>'
    )
    return page, expected


@pytest.mark.browser
@pytest.mark.parametrize("language", ["fr", "en"])
def test_blocks_make_the_text_lessons_python_byte_for_byte(chromium: Any, language: str) -> None:
    html, expected = synthetic_page(language)
    # Every exercise of these lessons is built with blocks (robot-2 has a fourth, open one).
    manifest = load_manifest()
    assert len(expected) == sum(len(manifest.lesson(i).exercises) for i in BLOCK_LESSONS)
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def serve(route: Any) -> None:
        path = route.request.url.split("//robocole.test", 1)[1].split("?")[0]
        if path == "/":
            route.fulfill(body=html, content_type="text/html; charset=utf-8")
        elif path.startswith("/static/") and ".." not in path:
            route.fulfill(path=str(STATIC / path.removeprefix("/static/")))
        else:
            route.fulfill(status=404, body="")

    try:
        page.route("http://robocole.test/**", serve)
        page.goto("http://robocole.test/")
        page.wait_for_function("document.documentElement.dataset.blocks === '1'")
        assert not errors, errors
        # Each workspace writes its answer cell once Blockly has loaded it (its events).
        page.wait_for_function(
            "Array.from(document.querySelectorAll('textarea')).every(a => a.value !== '')"
        )
        made = page.evaluate(
            "Array.from(document.querySelectorAll('section.exercise textarea')).map(a => a.value)"
        )
        for source, python in zip(expected, made, strict=True):
            assert python == source
        # The counts Blockly shows are the ones the server checks.
        counts = page.evaluate(
            "Array.from(document.querySelectorAll('section.exercise'))"
            ".map(s => s.robocoleWorkspace.getAllBlocks(false).length - 1)"
        )
        for (_lesson, exercise, _source), count in zip(
            solution_exercises(language), counts, strict=True
        ):
            assert 1 <= count <= (exercise.blocks.get("max_blocks") or count)
    finally:
        context.close()
        set_language(None)


# -- in a real pupil's server ----------------------------------------------------------------


@pytest.fixture(scope="module")
def block_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LessonServer]:
    lessons = ["sequences-1", "boucles-1", "robot-3"]
    with serve_lessons(tmp_path_factory.mktemp("lesson-blocks"), lessons) as server:
        yield server


def notebook_cell(server: LessonServer, lesson: str, answer_id: str) -> dict[str, Any]:
    cells = json.loads(server.notebook(lesson).read_text())["cells"]
    return dict(next(c for c in cells if c["metadata"]["nbgrader"]["grade_id"] == answer_id))


def open_page(chromium: Any, server: LessonServer, lesson: str) -> tuple[Any, Any]:
    context = chromium.new_context(locale="fr-FR", viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(server.page_url(lesson))
    page.wait_for_function("document.documentElement.dataset.blocks === '1'")
    return context, page


def block_box(page: Any, section: Any, kind: str, flyout: bool = False) -> dict[str, float]:
    """Where a block is on the screen (in the workspace, or in its box of blocks)."""
    return dict(
        page.evaluate(
            """([section, type, flyout]) => {
                let workspace = section.robocoleWorkspace;
                if (flyout) workspace = workspace.getFlyout().getWorkspace();
                const box = workspace.getBlocksByType("robocole_" + type)[0]
                    .getSvgRoot().getBoundingClientRect();
                return {x: box.x, y: box.y, width: box.width, height: box.height};
            }""",
            [section.element_handle(), kind, flyout],
        )
    )


def hang_under_program(page: Any, section: Any, kinds: list[str]) -> None:
    """Drag these blocks from the box of blocks, one after the other, to the end of the
    program that hangs from "Quand je lance" (as a child does with the mouse)."""
    for kind in kinds:
        end = dict(
            page.evaluate(
                """([section]) => {
                    let block = section.robocoleWorkspace.getBlocksByType("robocole_start")[0];
                    while (block.getNextBlock()) block = block.getNextBlock();
                    const box = block.getSvgRoot().getBoundingClientRect();
                    return {x: box.x, y: box.y, width: box.width, height: box.height};
                }""",
                [section.element_handle()],
            )
        )
        drag(page, section, kind, end, 12, end["height"] + 12)


def drag(
    page: Any, section: Any, kind: str, target: dict[str, float], dx: float, dy: float
) -> None:
    source = block_box(page, section, kind, flyout=True)
    page.mouse.move(source["x"] + 12, source["y"] + 12)
    page.mouse.down()
    page.mouse.move(source["x"] + 40, source["y"] + 40, steps=5)
    page.mouse.move(target["x"] + dx, target["y"] + dy, steps=10)
    page.mouse.up()


def press_check(page: Any, section: Any) -> Any:
    section.locator("button.check").click()
    verdict = section.locator(".verdict .card.good, .verdict .card.warn")
    verdict.wait_for()
    return verdict


@pytest.mark.browser
def test_a_child_builds_a_loop_by_dragging_blocks_and_finds_them_again(
    block_server: LessonServer, chromium: Any
) -> None:
    from tests.axe import axe_violations, require_axe

    require_axe()
    context, page = open_page(chromium, block_server, "boucles-1")
    try:
        section = page.locator("section.exercise").first
        section.locator(".workspace").scroll_into_view_if_needed()
        assert section.locator(".block-count").text_content() == "Blocs : 0 sur 2"
        start = block_box(page, section, "start")
        drag(page, section, "repeter", start, 12, start["height"] + 12)
        loop = block_box(page, section, "repeter")
        drag(page, section, "avance", loop, 40, 50)
        # The loop runs 10 times: the child types it in the block's number.
        field = page.evaluate(
            """([section]) => {
                const loop = section.robocoleWorkspace.getBlocksByType("robocole_repeter")[0];
                const box = loop.getField("N").getSvgRoot().getBoundingClientRect();
                return {x: box.x + box.width / 2, y: box.y + box.height / 2};
            }""",
            [section.element_handle()],
        )
        page.mouse.click(field["x"], field["y"])
        page.locator(".blocklyHtmlInput").fill("10")
        page.keyboard.press("Enter")
        assert section.locator(".block-count").text_content().startswith("Blocs : 2 sur 2")
        section.locator("details.python summary").click()
        assert section.locator("pre.generated").text_content() == (
            "for i in range(10):\n    avance()"
        )
        verdict = press_check(page, section)
        assert verdict.text_content() == "Bravo !"
        serious = [
            v for v in axe_violations(page, keep_csp=True) if v["impact"] in ("critical", "serious")
        ]
        assert not serious, serious
    finally:
        context.close()
    # The notebook holds the Python the grader grades, and the blocks beside it.
    cell = notebook_cell(block_server, "boucles-1", "boucles-1-a-solution")
    assert (
        "".join(cell["source"]) == "nouvelle_feuille()\nfor i in range(10):\n    avance()\nmontre()"
    )
    workspace = cell["metadata"]["robocole"]["blocks"]["workspace"]
    assert blocks.count_blocks(workspace) == 2
    assert cell["metadata"]["nbgrader"]["solution"] is True

    # Reopening shows the same blocks, where the child left them.
    context, page = open_page(chromium, block_server, "boucles-1")
    try:
        section = page.locator("section.exercise").first
        again = page.evaluate(
            "([s]) => Blockly.serialization.workspaces.save(s.robocoleWorkspace)",
            [section.element_handle()],
        )
        assert again["blocks"]["blocks"][0]["next"] == workspace["blocks"]["blocks"][0]["next"]
        assert section.locator(".block-count").text_content().startswith("Blocs : 2 sur 2")
    finally:
        context.close()


def transferred(chromium: Any, url: str) -> int:
    """Bytes a cold browser receives (compressed) to open this page with all it loads."""
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    sizes: list[int] = []
    page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
    try:
        page.goto(url)
        page.wait_for_function("document.documentElement.dataset.ready === '1'")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return sum(max(0, size) for size in sizes)


@pytest.mark.browser
def test_the_block_editor_stays_light(block_server: LessonServer, chromium: Any) -> None:
    with_blocks = transferred(chromium, block_server.page_url("boucles-1"))
    as_text = transferred(chromium, block_server.page_url("boucles-1") + "?mode=texte")
    added = with_blocks - as_text
    print(
        f"\nboucles-1: {with_blocks / 1024:.0f} KB with blocks, {as_text / 1024:.0f} KB in text: "
        f"the block editor adds {added / 1024:.0f} KB (compressed)"
    )
    assert 100 * 1024 < added <= 600 * 1024


@pytest.mark.browser
def test_a_child_builds_a_program_with_the_keyboard_alone(
    block_server: LessonServer, chromium: Any
) -> None:
    context, page = open_page(chromium, block_server, "sequences-1")
    try:
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("!!document.activeElement.closest('svg.blocklySvg')"):
                break
        else:
            pytest.fail("the blocks cannot be reached with Tab")
        # The arrows reach "Quand je lance"; T opens the box of blocks; Enter takes the
        # first block ("aller à droite"), Enter again puts it under the one chosen.
        page.keyboard.press("ArrowDown")
        assert "Quand je lance" in page.evaluate(
            "document.activeElement.getAttribute('aria-label')"
        )
        for _ in range(2):
            page.keyboard.press("t")
            page.keyboard.press("Enter")
            page.keyboard.press("Enter")
        section = page.locator("section.exercise").first
        assert (
            section.locator("textarea").input_value()
            == 'depart("P . T")\ndroite()\ndroite()\nmontre()'
        )
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent") == "Vérifier":
                break
        else:
            pytest.fail("“Vérifier” cannot be reached with Tab after the blocks")
        page.keyboard.press("Enter")
        verdict = section.locator(".verdict .card.good, .verdict .card.warn")
        verdict.wait_for()
        assert verdict.text_content() == "Bravo !"
    finally:
        context.close()
    assert answer_cell(block_server.notebook("sequences-1"), "sequences-1-a-solution") == (
        'depart("P . T")\ndroite()\ndroite()\nmontre()'
    )


def write_cell(server: LessonServer, lesson: str, answer_id: str, source: str, state: Any) -> None:
    """Change the pupil's notebook as another tool (or a damaged file) would."""
    path = server.notebook(lesson)
    notebook = json.loads(path.read_text())
    for cell in notebook["cells"]:
        if cell["metadata"]["nbgrader"]["grade_id"] == answer_id:
            cell["source"] = source
            settings = cell["metadata"]["robocole"]["blocks"]
            settings.pop("workspace", None)
            if state is not None:
                settings["workspace"] = state
    path.write_text(json.dumps(notebook))


def block_data(page_html: str, index: int) -> dict[str, Any] | None:
    found = re.findall(
        r'<script type="application/json" class="blocks-data">(.*?)</script>', page_html
    )
    return json.loads(found[index]) if index < len(found) else None


def section_html(page_html: str, grade_id: str) -> str:
    start = page_html.index(f'id="ex-{grade_id}"')
    return page_html[start : page_html.index("</section>", start)]


def test_a_corrupt_workspace_or_one_from_an_older_toolbox_gives_the_python_back(
    block_server: LessonServer,
) -> None:
    requests.get(block_server.page_url("robot-3"), timeout=60)  # fetched
    answer = "robot-3-a-solution"
    python = ROBI.format('    bip("do", 0.5)\n    print("la")')
    for state in (
        {"blocks": "abîmé"},
        [1, 2],
        {"blocks": {"blocks": [{"type": "robocole_laser"}]}},
    ):
        write_cell(block_server, "robot-3", answer, python, state)
        page = requests.get(block_server.page_url("robot-3"), timeout=60).text
        part = section_html(page, "robot-3-a")
        assert 'data-editor="text"' in part
        assert "Tes blocs n&#39;ont pas pu être relus" in part
        # The child's own Python, whole, in the text editor: nothing lost.
        assert "bip(&#34;do&#34;, 0.5)\n    print(&#34;la&#34;)" in part
        assert answer_cell(block_server.notebook("robot-3"), answer) == python
    # A workspace from an older toolbox, but Python the blocks can make: rebuilt from the text.
    rebuilt = ROBI.format('    bip("mi", 0.5)')
    write_cell(
        block_server,
        "robot-3",
        answer,
        rebuilt,
        {"blocks": {"blocks": [{"type": "robocole_laser"}]}},
    )
    page = requests.get(block_server.page_url("robot-3"), timeout=60).text
    assert 'data-editor="blocks"' in section_html(page, "robot-3-a")
    data = block_data(page, 0)
    assert data is not None
    assert blocks.to_python(data["workspace"], "fr") == ['bip("mi", 0.5)']


def test_over_the_limit_and_empty_workspaces_are_said_kindly(block_server: LessonServer) -> None:
    session, page = block_server.session("boucles-1")
    api = f"{block_server.url}/robocole/api/lecon/{COURSE}/boucles-1"
    # Nothing under "Quand je lance": the released cell, and a word about blocks.
    empty = session.post(f"{api}/verifier/boucles-1-c", json={"editor": "blocks"}, timeout=90)
    assert empty.status_code == 200
    assert not empty.json()["passed"]
    assert empty.json()["sentence"].startswith("Tes blocs ne font encore rien")
    # Three blocks where two are allowed (a workspace saved before the limit, another tab…).
    code = "avance()\navance()\navance()"
    workspace = blocks.to_workspace(code, ["avance", "repeter"], "fr")
    source = f"nouvelle_feuille()\n{code}\nmontre()"
    saved = session.put(
        f"{api}/reponses/boucles-1-a-solution",
        json={"source": source, "base": None, "workspace": workspace},
        timeout=30,
    )
    assert saved.status_code == 200, saved.text
    over = session.post(f"{api}/verifier/boucles-1-a", json={"editor": "blocks"}, timeout=90)
    assert not over.json()["passed"]
    assert over.json()["sentence"] == (
        "Ton programme utilise 3 blocs, et cet exercice en demande 2 au plus. Peux-tu faire "
        "avec moins de blocs ? Un bloc « répéter » peut t'aider."
    )
    # The same program in text (the class chose text): graded as text, no limit.
    as_text = session.post(f"{api}/verifier/boucles-1-a", json={}, timeout=90)
    assert "3 blocs" not in as_text.json()["sentence"]
    # The page counts them too.
    page = requests.get(block_server.page_url("boucles-1"), timeout=60).text
    assert "Blocs : 3 sur 2" in section_html(page, "boucles-1-a")
    # A workspace that is not one is refused, and nothing is written.
    before = block_server.notebook("boucles-1").read_bytes()
    bad = session.put(
        f"{api}/reponses/boucles-1-a-solution",
        json={"source": "nouvelle_feuille()\nmontre()", "base": None, "workspace": "x"},
        timeout=30,
    )
    assert bad.status_code == 400
    assert block_server.notebook("boucles-1").read_bytes() == before


def test_the_class_s_choice_of_text_and_a_switch_for_good(block_server: LessonServer) -> None:
    # ?mode=texte (the class chose text): the same lesson, every exercise in text.
    page = requests.get(block_server.page_url("robot-3") + "?mode=texte", timeout=60).text
    assert 'data-editor="blocks"' not in page and "blockly_compressed.js" not in page
    session, page = block_server.session("robot-3")
    api = f"{block_server.url}/robocole/api/lecon/{COURSE}/robot-3"
    assert "Passer au texte" in section_html(page, "robot-3-b")
    source = answer_cell(block_server.notebook("robot-3"), "robot-3-b-solution")
    switched = session.put(
        f"{api}/reponses/robot-3-b-solution",
        json={"source": source, "base": None, "mode": "texte"},
        timeout=30,
    )
    assert switched.status_code == 200, switched.text
    cell = notebook_cell(block_server, "robot-3", "robot-3-b-solution")
    assert cell["metadata"]["robocole"]["blocks"]["mode"] == "texte"
    page = requests.get(block_server.page_url("robot-3"), timeout=60).text
    assert 'data-editor="text"' in section_html(page, "robot-3-b")
    assert 'data-editor="blocks"' in section_html(page, "robot-3-c")


def test_nbgrader_keeps_the_blocks_beside_its_metadata(block_server: LessonServer) -> None:
    release = block_server.exchange / COURSE / "outbound" / "boucles-1" / "boucles-1.ipynb"
    cells = json.loads(release.read_text())["cells"]
    answer = next(
        c for c in cells if c["metadata"]["nbgrader"]["grade_id"] == "boucles-1-a-solution"
    )
    assert answer["metadata"]["robocole"]["blocks"]["toolbox"] == [
        "avance",
        "tourne_gauche",
        "tourne_droite",
        "repeter",
    ]
    assert copy.deepcopy(answer["metadata"]["nbgrader"])["solution"] is True


@pytest.mark.browser
def test_switching_to_text_for_good_keeps_the_program(
    block_server: LessonServer, chromium: Any
) -> None:
    requests.get(block_server.page_url("robot-3"), timeout=60)  # fetched
    answer = "robot-3-c-solution"
    released = answer_cell(block_server.notebook("robot-3"), answer)
    body = '    for i in range(2):\n        led("vert")\n        bip("la", 0.25)'
    python = released.replace("    # Écris ton programme ici", body)
    assert python != released
    write_cell(block_server, "robot-3", answer, python, None)
    context, page = open_page(chromium, block_server, "robot-3")
    try:
        section = page.locator("#ex-robot-3-c")
        assert section.get_attribute("data-editor") == "blocks"
        # The Python in the cell came back as blocks.
        assert section.locator("pre.generated").text_content() == (
            'for i in range(2):\n    led("vert")\n    bip("la", 0.25)'
        )
        page.on("dialog", lambda dialog: dialog.accept())
        section.get_by_role("button", name="Passer au texte").click()
        area = section.locator("textarea")
        area.wait_for(state="visible")
        assert area.input_value() == python
        section.locator(".saved", has_text="Enregistré").wait_for()
    finally:
        context.close()
    cell = notebook_cell(block_server, "robot-3", answer)
    assert cell["metadata"]["robocole"]["blocks"]["mode"] == "texte"
    assert "".join(cell["source"]) == python
    page_html = requests.get(block_server.page_url("robot-3"), timeout=60).text
    assert 'data-editor="text"' in section_html(page_html, "robot-3-c")


@pytest.mark.browser
def test_without_blockly_the_child_gets_the_text_editor(
    block_server: LessonServer, chromium: Any
) -> None:
    context = chromium.new_context(locale="fr-FR")
    page = context.new_page()
    try:
        # A browser that cannot run Blockly (or a file that did not come).
        page.route("**/blockly_compressed.js*", lambda route: route.abort())
        page.goto(block_server.page_url("boucles-1"))
        page.locator("html[data-blocks]").wait_for(state="attached")
        first = page.locator("section.exercise").first
        assert first.get_attribute("data-editor") == "text"
        first.locator("textarea").wait_for(state="visible")
        assert "Tes blocs n'ont pas pu être relus" in first.inner_text()
    finally:
        context.close()
