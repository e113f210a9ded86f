"""nbgrader's Execute step, run in the sandbox and hardened against children's code.

``SandboxedExecute`` replaces nbgrader's ``Execute`` in the Autograde pipeline (its seam is the
``Autograde.autograde_preprocessors`` list). It keeps nbgrader's behaviour and adds:

- every kernel is a ``SandboxKernelManager`` kernel, shut down with SIGKILL;
- a kernel that dies (CPU limit, memory, watchdog) marks the cell and, while time remains,
  a fresh sandboxed kernel runs the rest of the notebook, so one crash does not zero the
  exercises after it;
- output is capped *while* it arrives, so megabytes of prints never pile up in the grader;
- a cell still running after half a second gets the lowest CPU priority, so a loop waiting
  for its timeout does not slow down the other pupils' grading;
- in test cells, ``assert a == b`` checks the type first: an object whose ``__eq__`` always
  answers True does not pass a test that expects a number, a text or a list.
"""

from __future__ import annotations

import ast
import asyncio
from typing import Any

from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_solution
from traitlets import Float, Integer

from grader.integrity import TAMPERED, check, new_nonce
from grader.kernel import SandboxKernelClient, SandboxKernelManager

#: Error names the grader writes into outputs itself (feedback.py explains them in French).
KERNEL_DIED = "RobocoleKernelDied"
TIME_OVER = "RobocoleTimeOver"
OUTPUT_TRUNCATED = "RobocoleOutputTruncated"
TOO_MANY_PROCESSES = "RobocoleTooManyProcesses"
#: A cell interrupted after its timeout (the kernel is replaced after it); nbclient's own name,
#: which the feedback explains ("took too long").
TIME_OUT = "CellTimeoutError"
#: A kernel needs bubblewrap's two processes and itself; more than this after a cell means
#: the pupil's code left processes behind (a fork bomb): the sandbox is replaced.
MAX_LEFTOVER_PROCESSES = 6
TYPE_MISMATCH = "robocole-type"

# Defined at the top of each test cell as it runs (the notebook keeps the teacher's text).
# It is written for children's exercises: plain values compare by type first, recursively.
# The builtins it uses are bound when it is defined (after kernel_guard restored them), so
# pupil code that the test calls cannot change them under it.
_SAME_HELPER = """
def __robocole_same__(a, b, type=type, len=len, all=all, zip=zip, AssertionError=AssertionError):
    simple = (bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset,
              type(None))
    numbers = (int, float)
    def same(a, b):
        ta, tb = type(a), type(b)
        if ta in simple or tb in simple:
            if ta is not tb and not (ta in numbers and tb in numbers):
                plain = tb if tb in simple else ta
                other = ta if plain is tb else tb
                raise AssertionError("robocole-type:%s:%s" % (other.__name__, plain.__name__))
            if tb in (list, tuple):
                return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
            if tb is dict:
                return a.keys() == b.keys() and all(same(a[k], b[k]) for k in b)
        return a == b
    return same(a, b)
"""


class _StrictEquality(ast.NodeTransformer):
    def visit_Assert(self, node: ast.Assert) -> ast.Assert:
        test = node.test
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq):
            call = ast.Call(
                func=ast.Name(id="__robocole_same__", ctx=ast.Load()),
                args=[test.left, test.comparators[0]],
                keywords=[],
            )
            node.test = ast.copy_location(call, test)
        return node


def strict_test_source(source: str) -> str:
    """The test cell's code with type-checking equality asserts (unchanged if unparsable)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    tree = ast.fix_missing_locations(_StrictEquality().visit(tree))
    return _SAME_HELPER + "\n" + ast.unparse(tree)


class SandboxedExecute(Execute):
    """nbgrader's Execute with every pupil kernel in the sandbox."""

    max_output_chars = Integer(
        20_000, help="Characters of printed output kept per cell; the rest is dropped."
    ).tag(config=True)
    max_restarts = Integer(
        2, help="Fresh kernels started after a kernel died, before the rest is skipped."
    ).tag(config=True)
    lower_priority_after = Float(
        0.5,
        help="Seconds after which a running cell's kernel gets the lowest CPU priority "
        "(a child's exercise runs in about 0.1 s, the slowest cell of the curriculum 0.15 s).",
    ).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        kwargs["kernel_manager_class"] = SandboxKernelManager
        super().__init__(**kwargs)
        self.shutdown_kernel = "immediate"
        self._restarts = 0
        self._out_of_time = False
        self._chars: dict[int, int] = {}
        self._reply: dict[str, Any] | None = None
        self._timed_out = False

    async def async_execute_cell(  # type: ignore[override]
        self,
        cell: NotebookNode,
        cell_index: int,
        execution_count: int | None = None,
        store_history: bool = True,
    ) -> NotebookNode:
        if cell.cell_type != "code" or not cell.source.strip():
            return await super().async_execute_cell(cell, cell_index, execution_count)
        if self._out_of_time:
            cell.outputs = [_error(TIME_OVER, "not run")]
            return cell
        original = cell.source
        nonce = None
        if is_grade(cell) and not is_solution(cell):
            cell.source = strict_test_source(original)
            if isinstance(self.kc, SandboxKernelClient) and isinstance(
                self.km, SandboxKernelManager
            ):
                # A sealed test (kernel_guard.py): its verdict must come back signed.
                nonce = self.kc.test_nonce = new_nonce()
        self._reply = None
        self._timed_out = False
        km = self.km
        slow = (
            asyncio.get_running_loop().call_later(self.lower_priority_after, km.lower_priority)
            if isinstance(km, SandboxKernelManager)
            else None
        )
        try:
            await super().async_execute_cell(cell, cell_index, execution_count, store_history)
            km = self.km
            if self._timed_out:
                # Interrupted after its timeout, whatever the kernel answered: a kernel that
                # stops answering (its Python patched) would make every later cell wait.
                crowded = (
                    isinstance(km, SandboxKernelManager)
                    and km.process_count() > MAX_LEFTOVER_PROCESSES
                )
                if crowded:
                    cell.outputs = [_error(TOO_MANY_PROCESSES, ""), *cell.outputs]
                else:  # after what it printed: "too much text" explains better, if so
                    cell.outputs = [*cell.outputs, _error(TIME_OUT, "")]
                await self._after_timeout()
                return cell
            if nonce is not None and isinstance(km, SandboxKernelManager):
                self._seal(cell, check(self._reply, km.guard_key, nonce, cell.source))
            if isinstance(km, SandboxKernelManager) and km.process_count() > MAX_LEFTOVER_PROCESSES:
                cell.outputs.insert(0, _error(TOO_MANY_PROCESSES, str(km.process_count())))
                await self._fresh_kernel()
            return cell
        except (DeadKernelError, CellTimeoutError):
            # Dead, or alive but no longer answering (a fork bomb garbles its messages).
            await self._after_death(cell)
            return cell
        finally:
            cell.source = original
            if slow is not None:
                slow.cancel()

    # nbconvert's preprocess_cell calls execute_cell, bound to nbclient's own coroutine.
    execute_cell = run_sync(async_execute_cell)

    async def _check_raise_for_error(
        self, cell: NotebookNode, cell_index: int, exec_reply: dict[str, Any] | None
    ) -> None:
        self._reply = exec_reply  # a test's signed verdict is in its reply
        await super()._check_raise_for_error(cell, cell_index, exec_reply)

    async def _async_handle_timeout(
        self, timeout: int, cell: NotebookNode | None = None
    ) -> dict[str, Any] | None:
        # nbgrader's error_on_timeout makes nbclient answer with an error reply instead of
        # raising CellTimeoutError: both ways, the kernel is replaced after the cell.
        self._timed_out = True
        return await super()._async_handle_timeout(timeout, cell)

    def _seal(self, cell: NotebookNode, verdict: Any) -> None:
        """The test cell's outputs from its signed verdict only (never from the kernel's)."""
        kept = [
            output
            for output in cell.outputs
            if output.get("output_type") != "error"
            or str(output.get("ename")).startswith("Robocole")
        ]
        if verdict.status == "ok":
            cell.outputs = kept
        elif verdict.status == "error":
            said = f"{verdict.ename}: {verdict.evalue}" if verdict.evalue else verdict.ename
            error = _error(verdict.ename, verdict.evalue)
            error.traceback = [said] if not verdict.line else [f"line {verdict.line}", said]
            cell.outputs = [*kept, error]
        else:
            self.log.warning(
                "test %s: tampering (%s)",
                cell.metadata.get("nbgrader", {}).get("grade_id"),
                verdict.evalue,
            )
            cell.outputs = [_error(TAMPERED, verdict.evalue)]

    async def _after_timeout(self) -> None:
        km = self.km
        if isinstance(km, SandboxKernelManager) and km.watchdog_fired:
            self._out_of_time = True
            return
        await self._fresh_kernel()

    async def _after_death(self, cell: NotebookNode) -> None:
        km = self.km
        fired = isinstance(km, SandboxKernelManager) and km.watchdog_fired
        crowded = isinstance(km, SandboxKernelManager) and (
            km.process_count() > MAX_LEFTOVER_PROCESSES
        )
        reason = (
            _error(TOO_MANY_PROCESSES, "")
            if crowded
            else _error(KERNEL_DIED, "watchdog" if fired else "")
        )
        cell.outputs = [reason, *cell.get("outputs", [])]
        if fired or self._restarts >= self.max_restarts:
            self._out_of_time = True
            return
        self._restarts += 1
        await self._fresh_kernel()

    async def _fresh_kernel(self) -> None:
        """A fresh sandbox for the remaining cells.

        The pupil's earlier definitions are gone, so later exercises that need them fail, and
        the others still count.
        """
        assert self.km is not None and self.kc is not None
        self.kc.stop_channels()
        # restart=True keeps the manager's ZMQ context for the next kernel.
        await self.km.shutdown_kernel(now=True, restart=True)
        await self.async_start_new_kernel()
        await self.async_start_new_kernel_client()

    def output(
        self,
        outs: list[NotebookNode],
        msg: dict[str, Any],
        display_id: str | None,
        cell_index: int,
    ) -> NotebookNode | None:
        used = self._chars.get(cell_index, 0)
        if used >= self.max_output_chars:
            return None  # already truncated: drop without building the output
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + len(str(content.get("data", "")))
        self._chars[cell_index] = used + size
        if used + size >= self.max_output_chars:
            outs.append(_error(OUTPUT_TRUNCATED, str(self.max_output_chars)))
            return None
        return super().output(outs, msg, display_id, cell_index)


def _error(name: str, value: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=name, evalue=value, traceback=[])
