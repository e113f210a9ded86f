"""The lesson view's pages and JSON routes, in the pupil's own Jupyter server.

``/robocole/lecon/<course>/<lesson>`` is the lesson as a child sees it (the quest map's
"Commencer" links there through the hub's ``/hub/user-redirect/``); the routes under
``/robocole/api/lecon/<course>/<lesson>/`` save an answer, check an exercise and hand the
lesson in. Every route is the server's own: the hub's login, the server's XSRF check.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from jupyter_server.base.handlers import APIHandler, JupyterHandler
from tornado import web

from curriculum.blocks import BLOCKS as BLOCK_NAMES
from curriculum.blocks import catalog_json, count_blocks
from hub_config.lesson_view import block_answers
from hub_config.lesson_view.copies import Copies, LessonUnavailable
from hub_config.lesson_view.model import Exercise, Lesson, answer_of, read_lesson, to_html
from hub_config.lesson_view.runner import LessonKernel
from hub_config.lesson_view.verdict import STUB_LINES, not_written_yet, untouched, verdict
from robocole.i18n import LANGUAGES, gettext, set_language

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
LANGUAGE_COOKIE = "robocole-lang"  # the picture login's choice (hub_config/login_page.py)
ANSWER_LIMIT = 100_000  # characters: far more than any lesson's answer
KERNELS_KEPT = 2  # lessons whose kernel stays running in one pupil's server
T = TypeVar("T")

# Content-Security-Policy of the lesson page: the world's drawings and the simulator's
# animation are inserted as HTML, so no script may run but the page's own file.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'self'"
)


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True
    )


@lru_cache(maxsize=8)
def _digest(name: str) -> str:
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]


def js_texts() -> dict[str, str]:
    """The words the page's script says, in the current language."""
    return {
        "checking": gettext("Checking your program…"),
        "trouble": gettext("That did not work. Wait a moment and try again."),
        "saved": gettext("Saved."),
        "notSaved": gettext("Not saved yet: try again in a moment."),
        "otherTab": gettext(
            "This exercise was changed in another tab. Which program do you want to keep?"
        ),
        "keepMine": gettext("Keep the one here"),
        "takeOther": gettext("Take the one from the other tab"),
        "tookOther": gettext("Here is the program from the other tab."),
        "anotherHint": gettext("Another hint?"),
        "handingIn": gettext("Handing in your lesson…"),
        "saveFirst": gettext("One of your programs could not be saved: look at the exercises."),
        "gradingLate": gettext(
            "Your lesson is handed in. Your points will be on your quest map in a moment."
        ),
        "picture": gettext("Picture made by your program"),
        # The block editor's (blocks.js): {used} and {most} are filled in by the page.
        "blocksCount": gettext("Blocks: {used} of {most}"),
        "blocksFull": gettext(
            "You have used all your blocks. If your program is not finished, a “repeat” block "
            "can help."
        ),
        "blocksOver": gettext(
            "That is more blocks than this exercise allows: take some away. A “repeat” block "
            "can help."
        ),
        "blocksBroken": gettext(
            "Your blocks could not be read back: here is your program in Python, nothing is "
            "lost. You can go on in text."
        ),
        "toTextSure": gettext(
            "Switch to text for good? Your program stays, written in Python, and the blocks "
            "go away for this exercise."
        ),
    }


def problem_sentence(reason: str) -> str:
    if reason == "not-open":
        return gettext(
            "This lesson is not open right now: your teacher may have taken it back for a "
            "while. Your work is kept."
        )
    if reason == "bad-name":
        return gettext("This lesson does not exist. Go back to your quest map.")
    return gettext(
        "The lesson cannot reach your space right now. Try again in a minute; if it goes on, "
        "tell your teacher."
    )


class LessonViewMixin:
    """What the page and the routes share: the pupil's copies, kernels and language."""

    settings: dict[str, Any]
    request: Any

    @property
    def copies(self) -> Copies:
        return Copies(Path(self.settings["server_root_dir"]).expanduser())

    def kernel_for(self, course: str, lesson: str) -> LessonKernel:
        """The kernel of this lesson; the least recently used beyond ``KERNELS_KEPT`` are shut
        down (a pupil's server has memory for a few, and a kernel comes back when needed)."""
        kernels: dict[tuple[str, str], LessonKernel] = self.settings.setdefault(
            "robocole_lesson_kernels", {}
        )
        key = (course, lesson)
        kernel = kernels.pop(key, None) or LessonKernel(
            self.settings["kernel_manager"], f"{course}/{lesson}"
        )
        kernels[key] = kernel  # the most recent last
        while len(kernels) > KERNELS_KEPT:
            oldest = next(iter(kernels))
            asyncio.get_running_loop().create_task(kernels.pop(oldest).shutdown())
        return kernel

    def choose_language(self, lesson_language: str | None = None) -> str:
        cookie = self.request.cookies.get(LANGUAGE_COOKIE)
        chosen = cookie.value.strip() if cookie is not None else ""
        if chosen not in LANGUAGES:
            chosen = lesson_language or ""
        if chosen not in LANGUAGES:
            accept = self.request.headers.get("Accept-Language", "")
            chosen = "en" if accept.lower().startswith("en") else "fr"
        set_language(chosen)
        return chosen

    def hub_url(self, path: str) -> str:
        return os.environ.get("JUPYTERHUB_BASE_URL", "/").rstrip("/") + "/" + path

    async def in_thread(self, function: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(None, function, *args)


class LessonPage(LessonViewMixin, JupyterHandler):
    def set_default_headers(self) -> None:
        super().set_default_headers()
        self.set_header("Content-Security-Policy", CSP)

    def static(self, name: str) -> str:
        return f"{self.base_url}robocole/static/{name}?v={_digest(name)}"

    @web.authenticated
    async def get(self, course: str, lesson_id: str) -> None:
        self.choose_language()
        try:
            opened = await self.in_thread(self.copies.open, course, lesson_id)
        except LessonUnavailable as error:
            return self._page(lesson_id, problem=problem_sentence(error.reason), status=404)
        if opened.state != "ok" or opened.lesson is None:
            problem = gettext(
                "Your lesson notebook is damaged: it cannot be read any more. You can get a "
                "fresh copy and start the exercises again."
            )
            return self._page(lesson_id, problem=problem, offer_fresh_copy=True)
        lesson = opened.lesson
        self.choose_language(lesson.language)
        released = await self.in_thread(self.copies.released, course, lesson_id)
        # The kernel starts while the child reads: "Vérifier" then answers at once.
        kernel = self.kernel_for(course, lesson_id)
        asyncio.get_running_loop().create_task(kernel.start())
        notice = (
            ""
            if released
            else gettext(
                "Your teacher has taken this lesson back for now: you can go on working, but "
                "not hand it in yet."
            )
        )
        text_only = self.get_query_argument("mode", "") == block_answers.TEXT_MODE
        self._page(
            lesson_id,
            lesson=lesson,
            course=course,
            notice=notice,
            released_answers=await self.in_thread(_released_answers, self.copies, course, lesson),
            text_only=text_only,
        )

    @web.authenticated
    async def post(self, course: str, lesson_id: str) -> None:
        self.choose_language()
        if self.get_body_argument("action", "") == "fresh-copy":
            try:
                await self.in_thread(self.copies.fresh_copy, course, lesson_id)
            except LessonUnavailable as error:
                return self._page(lesson_id, problem=problem_sentence(error.reason), status=503)
        self.redirect(self.request.path)

    def _page(
        self,
        lesson_id: str,
        *,
        lesson: Lesson | None = None,
        course: str = "",
        problem: str = "",
        offer_fresh_copy: bool = False,
        notice: str = "",
        status: int = 200,
        released_answers: dict[str, str] | None = None,
        text_only: bool = False,
    ) -> None:
        files = f"{self.base_url}files/{course}/{lesson_id}/"
        exercises = []
        uses_blocks = False
        if lesson is not None:
            for exercise in lesson.exercises:
                blocks = None
                if exercise.blocks is not None and not text_only:
                    release = (released_answers or {}).get(exercise.answer_id)
                    blocks = block_editor(exercise, lesson.language, release)
                    uses_blocks = uses_blocks or blocks["mode"] == "blocks"
                exercises.append(
                    {
                        "grade_id": exercise.grade_id,
                        "answer_id": exercise.answer_id,
                        "instructions": "".join(to_html(t, files) for t in exercise.instructions),
                        "hints": [to_html(h, files) for h in exercise.hints],
                        "source": exercise.source,
                        "rows": max(4, exercise.source.count("\n") + 2),
                        "blocks": blocks,
                    }
                )
        api = f"{self.base_url}robocole/api/lecon/{course}/{lesson_id}"
        html = (
            _templates()
            .get_template("lesson.html")
            .render(
                _=gettext,
                lang=self.choose_language(lesson.language if lesson else None),
                # The lesson's own text keeps its language for screen readers (WCAG 3.1.2).
                content_lang=lesson.language if lesson else "fr",
                title=(lesson.title if lesson else "") or gettext("My lesson"),
                static=self.static,
                quest_url=self.hub_url("services/classroom/pupil/"),
                result_url=self.hub_url(f"services/classroom/pupil/lessons/{lesson_id}/result"),
                api_url=api,
                xsrf=self.xsrf_token.decode("ascii"),
                texts=js_texts(),
                problem=problem,
                offer_fresh_copy=offer_fresh_copy,
                notice=notice,
                intro=[to_html(t, files) for t in (lesson.intro if lesson else [])],
                exercises=exercises,
                closing=[to_html(t, files) for t in (lesson.closing if lesson else [])],
                uses_blocks=uses_blocks,
                blockly_static=f"{self.base_url}robocole/static/blockly/",
            )
        )
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(html)


class LessonApi(LessonViewMixin, APIHandler):
    def answer(self, status: int, **body: Any) -> None:
        self.set_status(status)
        self.finish(json.dumps(body))

    def body(self) -> dict[str, Any]:
        try:
            value = json.loads(self.request.body or b"{}")
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise web.HTTPError(400, "a JSON object is expected")
        return value


class AnswerRoute(LessonApi):
    @web.authenticated
    async def put(self, course: str, lesson_id: str, answer_id: str) -> None:
        self.choose_language()
        body = self.body()
        source, base = body.get("source"), body.get("base")
        if not isinstance(source, str) or not (base is None or isinstance(base, str)):
            raise web.HTTPError(400, "source and base are texts")
        blocks = _block_state(body)
        if len(source) > ANSWER_LIMIT:
            message = gettext("Your program is far too long to be saved: make it shorter.")
            return self.answer(413, message=message)
        try:
            current = await self.in_thread(
                self.copies.save_answer, course, lesson_id, answer_id, source, base, blocks
            )
        except (KeyError, LessonUnavailable):
            raise web.HTTPError(404, "no such answer") from None
        except (OSError, ValueError):
            message = gettext("Your program could not be saved: try again in a moment.")
            return self.answer(500, message=message)
        if current is not None:
            return self.answer(409, current=current)
        self.answer(200)


class CheckRoute(LessonApi):
    @web.authenticated
    async def post(self, course: str, lesson_id: str, grade_id: str) -> None:
        copies = self.copies
        try:
            notebook = await self.in_thread(_read_json, copies.notebook_path(course, lesson_id))
            lesson = read_lesson(notebook)
            exercise = lesson.exercise(grade_id)
        except (OSError, ValueError, KeyError, LessonUnavailable):
            self.choose_language()
            message = gettext("This exercise cannot be found: reload the page.")
            return self.answer(404, message=message)
        self.choose_language(lesson.language)
        source = answer_of(notebook, exercise.answer_id)
        released = await self.in_thread(
            _released_answer, copies, course, lesson_id, exercise.answer_id
        )
        # The page says which editor the child used: the class may have chosen text.
        block_mode = exercise.blocks is not None and self.body().get("editor") == "blocks"
        if untouched(source, released):
            if block_mode:
                return self.answer(
                    200, passed=False, sentence=block_answers.nothing_yet(), line=None, outputs=[]
                )
            return self.answer(200, **not_written_yet().as_json())
        if block_mode:
            # The page's Blockly stops at the limit; a workspace saved over it (an older
            # limit, another tab) is said kindly here, before anything runs.
            over = block_answers.limit_sentence(exercise.blocks or {})
            if over:
                return self.answer(200, passed=False, sentence=over, line=None, outputs=[])
        kernel = self.kernel_for(course, lesson_id)
        try:
            check = await kernel.check(
                lesson, exercise, lambda answer_id: answer_of(notebook, answer_id)
            )
        except (RuntimeError, TimeoutError, OSError) as error:
            self.log.warning("lesson view: the kernel of %s failed: %s", lesson_id, error)
            await kernel.shutdown()
            message = gettext("Python did not answer. Press “Check” again in a moment.")
            return self.answer(503, message=message)
        self.answer(200, **verdict(check, lesson, source).as_json())


class HandInRoute(LessonApi):
    @web.authenticated
    async def post(self, course: str, lesson_id: str) -> None:
        self.choose_language()
        try:
            await self.in_thread(self.copies.submit, course, lesson_id)
        except LessonUnavailable as error:
            if error.reason == "not-open":
                message = gettext(
                    "Your teacher has taken this lesson back for now: it cannot be handed in. "
                    "Your work is kept."
                )
            else:
                message = problem_sentence(error.reason)
            return self.answer(409, message=message)
        self.answer(
            200, message=gettext("Lesson handed in! The grader is looking at your programs…")
        )


class QuestMapRedirect(LessonViewMixin, JupyterHandler):
    """The pupil's server opens on the quest map: lessons start from there."""

    @web.authenticated
    def get(self) -> None:
        self.redirect(self.hub_url("services/classroom/pupil/"))


class StaticFiles(web.StaticFileHandler):
    """The page's script and style: versioned by their digest, so cached for good."""

    def get_cache_time(self, path: str, modified: Any, mime_type: str) -> int:
        return 365 * 24 * 3600 if self.get_argument("v", "") else 0


def _read_json(path: Path) -> dict[str, Any]:
    value = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(value, dict):
        raise ValueError("not a notebook")
    return value


def block_editor(exercise: Exercise, language: str, released: str | None) -> dict[str, Any]:
    """What blocks.js needs for one block exercise (JSON in the page): its blocks in the
    page's words and the lesson's Python names, and the workspace it opens with.
    ``released``: the answer cell as the teacher released it, when the exchange says."""
    settings = exercise.blocks or {}
    opened = block_answers.opening(
        settings, exercise.source, untouched(exercise.source, released), language
    )
    toolbox = [name for name in settings["toolbox"] if name in BLOCK_NAMES]
    return {
        "mode": opened.mode,
        "note": opened.note,
        "toolbox": toolbox,
        "catalog": catalog_json(toolbox, language),
        "maxBlocks": settings.get("max_blocks") or 0,
        "used": count_blocks(opened.workspace) if opened.workspace else 0,
        "textSwitch": bool(settings.get("text_switch")),
        "before": settings.get("before", ""),
        "after": settings.get("after", ""),
        "indent": settings.get("indent", ""),
        "stub": _stub_line(released, settings) or STUB_LINES[0 if language == "fr" else 1],
        "workspace": opened.workspace,
    }


def _block_state(body: dict[str, Any]) -> dict[str, Any] | None:
    """The block editor's part of a save: its workspace, or the switch to text."""
    state: dict[str, Any] = {}
    if "workspace" in body:
        workspace = block_answers.checked_workspace(body["workspace"])
        if workspace is None:
            raise web.HTTPError(400, "the workspace is not one")
        state["workspace"] = workspace
    if body.get("mode") == block_answers.TEXT_MODE:
        state["mode"] = block_answers.TEXT_MODE
    return state or None


def _released_answers(copies: Copies, course: str, lesson_id: str) -> dict[str, str]:
    """Every answer cell as the teacher released it (empty when the exchange cannot say)."""
    try:
        path = copies.released_notebook(course, lesson_id)
        notebook = _read_json(path)
        return {
            str(cell["metadata"]["nbgrader"]["grade_id"]): "".join(cell.get("source", ""))
            for cell in notebook.get("cells", [])
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution")
        }
    except (OSError, ValueError, KeyError, TypeError, LessonUnavailable):
        return {}


def _stub_line(release: str | None, settings: dict[str, Any]) -> str:
    """The stub nbgrader wrote in the released answer (what an empty workspace writes back)."""
    if release is None:
        return ""
    before, after = str(settings.get("before", "")), str(settings.get("after", ""))
    middle = release
    if before and middle.startswith(before + "\n"):
        middle = middle[len(before) + 1 :]
    if after and middle.endswith("\n" + after):
        middle = middle[: -len(after) - 1]
    return middle.strip() if "\n" not in middle.strip() else ""


def _released_answer(copies: Copies, course: str, lesson_id: str, answer_id: str) -> str | None:
    """The answer cell as the teacher released it, or None when the exchange cannot say."""
    try:
        return copies.released_answer(course, lesson_id, answer_id)
    except (OSError, ValueError, KeyError, LessonUnavailable):
        return None


def handlers(base_url: str) -> list[tuple[str, Any, dict[str, Any]] | tuple[str, Any]]:
    ids = r"([a-z0-9][a-z0-9_-]{0,63})"
    cell = r"([A-Za-z0-9_.-]{1,100})"
    lesson = f"{base_url}robocole/lecon/{ids}/{ids}"
    api = f"{base_url}robocole/api/lecon/{ids}/{ids}"
    return [
        (f"{base_url}robocole/?", QuestMapRedirect),
        (lesson, LessonPage),
        (f"{api}/reponses/{cell}", AnswerRoute),
        (f"{api}/verifier/{cell}", CheckRoute),
        (f"{api}/rendre", HandInRoute),
        (f"{base_url}robocole/static/(.*)", StaticFiles, {"path": str(STATIC)}),
    ]
