"""Run lesson notebooks for real in Jupyter kernels, several lessons at a time.

Starting a kernel costs far more than running a lesson's code (≈1.4 s against a few
milliseconds), so one kernel runs all the notebooks of a lesson one after the other, its
namespace wiped with ``%reset -f`` in between, and lessons run in parallel up to ``jobs``.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from nbformat import NotebookNode

#: Seconds one cell may run before we call it stuck (an endless loop in a solution).
CELL_TIMEOUT = 20.0
KERNEL_START_TIMEOUT = 60.0


@dataclass(frozen=True)
class CellRun:
    """How one code cell ran: ``ok``, or the error it raised (``ename: evalue``)."""

    index: int
    ok: bool
    error: str = ""
    timed_out: bool = False


@dataclass(frozen=True)
class Job:
    """Notebooks that run in one kernel, in order, from the folder ``cwd``."""

    key: str
    notebooks: tuple[NotebookNode, ...]
    cwd: Path


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


async def _run_job(job: Job, cell_timeout: float) -> list[list[CellRun]]:
    if os.name == "posix":
        # IPC sockets in the lesson's scratch folder: no TCP port open to the rest of the
        # machine (Windows has no IPC transport; a teacher's laptop falls back to localhost).
        manager = AsyncKernelManager(
            kernel_name="python3", transport="ipc", ip=str(job.cwd / ".kernel")
        )
    else:  # pragma: no cover - exercised on Windows only
        manager = AsyncKernelManager(kernel_name="python3")
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    await manager.start_kernel(cwd=str(job.cwd), env=env)
    client = manager.client()
    client.start_channels()
    results: list[list[CellRun]] = []
    try:
        await client.wait_for_ready(timeout=KERNEL_START_TIMEOUT)
        for position, notebook in enumerate(job.notebooks):
            if position:
                await client.execute_interactive(
                    "%reset -f", store_history=False, allow_stdin=False, output_hook=_ignore
                )
            runs, stuck = await _run_notebook(client, notebook, cell_timeout)
            results.append(runs)
            if stuck:  # the kernel is busy forever: start afresh for the next notebook
                client.stop_channels()
                await manager.restart_kernel(now=True)
                client = manager.client()
                client.start_channels()
                await client.wait_for_ready(timeout=KERNEL_START_TIMEOUT)
    finally:
        client.stop_channels()
        await manager.shutdown_kernel(now=True)
    return results


def _ignore(message: dict[str, Any]) -> None:
    """Outputs do not matter to the check: the reply says whether a cell failed."""


async def _run_notebook(
    client: Any, notebook: NotebookNode, cell_timeout: float
) -> tuple[list[CellRun], bool]:
    runs = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        try:
            reply = await client.execute_interactive(
                cell.source,
                store_history=True,
                allow_stdin=False,
                stop_on_error=False,
                timeout=cell_timeout,
                output_hook=_ignore,
            )
        except TimeoutError:
            runs.append(CellRun(index, ok=False, error="TimeoutError", timed_out=True))
            return runs, True
        content = reply["content"]
        if content.get("status") == "ok":
            runs.append(CellRun(index, ok=True))
        else:
            error = f"{content.get('ename', 'Error')}: {content.get('evalue', '')}".strip()
            runs.append(CellRun(index, ok=False, error=error.rstrip(":")))
    return runs, False


async def _run_all(
    jobs: Sequence[Job], parallel: int, cell_timeout: float
) -> dict[str, list[list[CellRun]] | BaseException]:
    limit = asyncio.Semaphore(parallel)

    async def one(job: Job) -> list[list[CellRun]] | BaseException:
        async with limit:
            try:
                return await _run_job(job, cell_timeout)
            except Exception as error:  # a kernel that cannot start is reported, not fatal
                return error

    outcomes = await asyncio.gather(*(one(job) for job in jobs))
    return {job.key: outcome for job, outcome in zip(jobs, outcomes, strict=True)}


def run_jobs(
    jobs: Sequence[Job], parallel: int | None = None, cell_timeout: float = CELL_TIMEOUT
) -> dict[str, list[list[CellRun]] | BaseException]:
    """Run every job; each gives one list of cell runs per notebook, or the error it hit."""
    return asyncio.run(_run_all(jobs, parallel or default_jobs(), cell_timeout))
