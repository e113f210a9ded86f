"""Runs a lesson's cells for "Vérifier" in a kernel of the pupil's own server.

One kernel per open lesson, started by the server's own kernel manager in the lesson's folder
(the kernel JupyterLab would use, with the pupil's limits). For an exercise it runs, in the
notebook's order: the world's cells not yet run, the earlier answers that changed since they
last ran (a later exercise may use what an earlier one defined, as nbgrader's run does), the
exercise's answer, then its tests. Only the exercise's own outputs are kept for the page.

A loop that never ends is interrupted after ``cell_timeout`` seconds; a kernel that does not
come back from the interrupt is restarted, so the next "Vérifier" finds a kernel that answers.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hub_config.lesson_view.model import Exercise, Lesson

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
OUTPUT_LIMIT = 200_000  # characters of text the page gets from one run
EARLIER_ANSWER_STUCK = "robocole-earlier-answer-stuck"


@dataclass
class CellRun:
    outputs: list[dict[str, Any]] = field(default_factory=list)
    ename: str = ""
    evalue: str = ""
    line: int | None = None
    timed_out: bool = False

    @property
    def failed(self) -> bool:
        return bool(self.ename) or self.timed_out


@dataclass
class Check:
    """What "Vérifier" found: the answer's run, and the tests' run if the answer ran."""

    answer: CellRun
    tests: CellRun | None = None

    @property
    def passed(self) -> bool:
        return not self.answer.failed and self.tests is not None and not self.tests.failed


def error_line(traceback: list[str], execution_count: int | None) -> int | None:
    """The line, in the cell that ran as ``In[execution_count]``, where the error happened."""
    text = ANSI.sub("", "\n".join(traceback))
    if execution_count is not None:
        found = re.search(rf"Cell In\[{execution_count}\], line (\d+)", text)
        if found:
            return int(found.group(1))
    return None


def _keep(message: dict[str, Any], outputs: list[dict[str, Any]], size: list[int]) -> None:
    kind = message["header"]["msg_type"]
    content = message["content"]
    if kind == "stream":
        text = str(content.get("text", ""))
        room = OUTPUT_LIMIT - size[0]
        if room <= 0:
            return
        size[0] += len(text[:room])
        if outputs and outputs[-1].get("kind") == "text":
            outputs[-1]["text"] += text[:room]
        else:
            outputs.append({"kind": "text", "text": text[:room]})
    elif kind in ("display_data", "execute_result"):
        data = content.get("data", {})
        for mime, kind_name in (("text/html", "html"), ("image/svg+xml", "svg")):
            if mime in data:
                outputs.append({"kind": kind_name, "data": str(data[mime])[:OUTPUT_LIMIT]})
                return
        if "image/png" in data:
            outputs.append({"kind": "png", "data": str(data["image/png"])})
        elif "text/plain" in data:
            outputs.append({"kind": "text", "text": str(data["text/plain"])[:OUTPUT_LIMIT]})


class LessonKernel:
    """The kernel of one open lesson, and what has run in it."""

    def __init__(
        self,
        kernel_manager: Any,
        path: str,
        cell_timeout: float = 10.0,
        setup_timeout: float = 60.0,
    ) -> None:
        self.kernel_manager = kernel_manager
        self.path = path  # the lesson's folder, relative to the server's root
        self.cell_timeout = cell_timeout
        self.setup_timeout = setup_timeout
        self.kernel_id: str | None = None
        self.client: Any = None
        self.ran: dict[str, str] = {}  # cell id -> the source that last ran there
        self.lock = asyncio.Lock()

    async def start(self) -> None:
        """Starts the kernel if it is not running (called when the page opens)."""
        async with self.lock:
            await self._ensure()

    async def _ensure(self) -> None:
        manager = self.kernel_manager
        if self.kernel_id is not None and self.kernel_id in manager:
            kernel = manager.get_kernel(self.kernel_id)
            if await _alive(kernel):
                return
            await self._forget()
        self.kernel_id = await manager.start_kernel(kernel_name="python3", path=self.path)
        kernel = manager.get_kernel(self.kernel_id)
        self.client = kernel.client()
        self.client.start_channels()
        await self.client.wait_for_ready(timeout=self.setup_timeout)
        self.ran = {}

    async def _forget(self) -> None:
        if self.client is not None:
            self.client.stop_channels()
        self.client, self.ran = None, {}
        if self.kernel_id is not None and self.kernel_id in self.kernel_manager:
            await self.kernel_manager.shutdown_kernel(self.kernel_id, now=True)
        self.kernel_id = None

    async def shutdown(self) -> None:
        async with self.lock:
            await self._forget()

    async def _run(self, code: str, timeout: float) -> CellRun:
        run = CellRun()
        size = [0]
        count: list[int | None] = [None]

        def hook(message: dict[str, Any]) -> None:
            if message["header"]["msg_type"] == "execute_input":
                count[0] = message["content"].get("execution_count")
            else:
                _keep(message, run.outputs, size)

        try:
            reply = await self.client.execute_interactive(
                code, output_hook=hook, timeout=timeout, allow_stdin=False
            )
        except TimeoutError:
            run.timed_out = True
            await self._interrupt()
            return run
        content = reply["content"]
        if content.get("status") == "error":
            run.ename = str(content.get("ename", ""))
            run.evalue = str(content.get("evalue", ""))
            run.line = error_line(list(content.get("traceback", [])), count[0])
        return run

    async def _interrupt(self) -> None:
        """Stops the loop that never ends; a kernel that does not stop is replaced."""
        assert self.kernel_id is not None
        await self.kernel_manager.interrupt_kernel(self.kernel_id)
        try:
            await asyncio.wait_for(self._drain_until_idle(), timeout=3)
        except TimeoutError:
            await self._forget()

    async def _drain_until_idle(self) -> None:
        while True:
            message = await self.client.get_iopub_msg()
            state = message["content"].get("execution_state")
            if message["header"]["msg_type"] == "status" and state == "idle":
                break
        # The interrupted request's own reply, so the next run does not read it as its own.
        while await self.client.shell_channel.msg_ready():
            await self.client.get_shell_msg(timeout=1)

    async def check(
        self, lesson: Lesson, exercise: Exercise, answers: Callable[[str], str]
    ) -> Check:
        """Runs ``exercise`` with the answers as they are now (``answers(answer_id)``)."""
        async with self.lock:
            await self._ensure()
            for cell_id in exercise.before:
                code = lesson.world_code(cell_id)
                if self.ran.get(cell_id) != code:
                    await self._run(code, self.setup_timeout)
                    self.ran[cell_id] = code
            for answer_id in exercise.answers_before:
                code = answers(answer_id)
                if self.ran.get(answer_id) != code:
                    await self._run(code, self.cell_timeout)
                    self.ran[answer_id] = code
                    if self.client is None:
                        # An earlier answer never ended and its kernel was replaced: say so
                        # here rather than run this exercise without what came before.
                        return Check(CellRun(timed_out=True, ename=EARLIER_ANSWER_STUCK))
            source = answers(exercise.answer_id)
            answer = await self._run(source, self.cell_timeout)
            self.ran[exercise.answer_id] = source
            if answer.failed:
                return Check(answer)
            tests = CellRun()
            for code in exercise.tests:
                tests = await self._run(code, self.cell_timeout)
                if tests.failed:
                    break
            return Check(answer, tests)


async def _alive(kernel: Any) -> bool:
    try:
        return bool(await kernel.is_alive())
    except Exception:
        return False
