"""Running a pupil's program in the simulator, with the robot's own ``board/robot.py``.

The board files are MicroPython. On CPython they need three things the board gives them:
``micropython.const``, a ``time`` module with ``ticks_ms``/``ticks_add``/``ticks_diff``, and a
HAL. Each run loads fresh copies of ``rb_cartes.py``, ``rb_materiel.py`` and ``robot.py``
(unchanged, compiled once per process) into private module objects whose ``import`` statement
answers with those shims, then hands the simulated HAL to ``rb_materiel.use()``. Nothing is
put into ``sys.modules``: two runs never share the robot's state, and the notebook's own
``time`` module is untouched.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import ctypes
import functools
import random
import threading
import time
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from robot_firmware import BOARD
from robot_firmware.sim import binding, fast_forward
from robot_firmware.sim.hardware import (
    Collision,
    Keyframe,
    Recorder,
    RunEnded,
    SimulatedHardware,
)
from robot_firmware.sim.world import World, load_world

#: The board modules the robot API needs, in load order.
BOARD_MODULES = ("rb_cartes", "rb_materiel", "robot")
PROGRAM_NAME = "<programme>"
#: Modules a program may import and still be fast-forwarded (``fast_forward``): the robot's
#: own, stateless ``math``, and the shims below.
OWN_MODULES = frozenset({"math"})
#: Wall-clock seconds a program may compute without ever calling the robot (``while True:
#: pass``); every program that talks to the robot is stopped by simulated time instead.
#: Below the grader's 3 s per cell (grader.sandbox), so that a graded robot exercise gets the
#: simulator's sentence about the loop, not the grader's "took too long".
DEFAULT_WALL_LIMIT = 2.0


class _Stuck(RunEnded):
    reason = "stuck"


@dataclass
class SimRun:
    """The result of one run: how it ended, and everything the robot did."""

    world: World
    outcome: str  # "done", "collision", "time", "error" or "stuck"
    record: Recorder
    duration_ms: float
    final_pose: tuple[float, float, float]
    turns: int
    travelled: float
    collision: Collision | None = None
    error: BaseException | None = None
    error_line: int | None = None
    #: Rounds of polling loops fast-forwarded (``fast_forward``): the same run, computed faster.
    skipped: int = 0

    @property
    def output(self) -> str:
        return "".join(e["texte"] for e in self.record.events if e["e"] == "sortie")

    def motor_commands(self) -> list[tuple[float, float]]:
        return self.record.motor_commands()

    def poses(self, step_ms: float = 20.0) -> list[tuple[float, float, float, float]]:
        """(t ms, x, y, heading) every ``step_ms`` along the path, and at its end."""
        return sample_path(self.record.keyframes, self.duration_ms, step_ms)


def sample_path(
    keyframes: list[Keyframe], end_ms: float, step_ms: float
) -> list[tuple[float, float, float, float]]:
    """Poses along the path described by ``keyframes`` (exact between two of them)."""
    samples: list[tuple[float, float, float, float]] = []
    for index, frame in enumerate(keyframes):
        stop = keyframes[index + 1].t if index + 1 < len(keyframes) else end_ms
        motion = frame.motion
        t = frame.t
        while t < stop:
            x, y, h = motion.at((t - frame.t) / 1000.0)
            samples.append((t, x, y, h))
            t += step_ms
    if keyframes:
        last = keyframes[-1]
        x, y, h = last.motion.at((end_ms - last.t) / 1000.0)
        samples.append((end_ms, x, y, h))
    return samples


@functools.cache
def _board_code(name: str) -> types.CodeType:
    path = BOARD / f"{name}.py"
    return compile(path.read_text(encoding="utf-8"), str(path), "exec")


def _micropython_shim() -> types.ModuleType:
    module = types.ModuleType("micropython")
    module.const = lambda value: value  # type: ignore[attr-defined]
    return module


def _time_shim(hw: SimulatedHardware) -> types.ModuleType:
    """MicroPython's ``time`` on the simulated clock (the pupil's program may use it too)."""
    module = types.ModuleType("time")

    def sleep(seconds: float) -> None:
        hw.sleep_ms(float(seconds) * 1000.0)

    functions: dict[str, Callable[..., Any]] = {
        "ticks_ms": hw.ticks_ms,
        "ticks_us": lambda: hw.us,
        "ticks_add": lambda ticks, delta: ticks + delta,
        "ticks_diff": lambda end, start: end - start,
        "sleep": sleep,
        "sleep_ms": lambda ms: hw.sleep_ms(ms),
        "sleep_us": lambda us: hw.sleep_ms(us / 1000.0),
        "time": lambda: hw.us / 1e6,
        "monotonic": lambda: hw.us / 1e6,
    }
    for name, function in functions.items():
        setattr(module, name, function)
    return module


def _random_shim(seed: int) -> types.ModuleType:
    """``random`` with a fixed seed, so that a run is the same every time."""
    generator = random.Random(seed)
    module = types.ModuleType("random")
    for name in ("random", "randint", "randrange", "choice", "uniform", "shuffle", "seed"):
        setattr(module, name, getattr(generator, name))
    module.getrandbits = generator.getrandbits  # type: ignore[attr-defined]
    return module


class _Sandbox:
    """The private modules of one run and the builtins that resolve imports to them."""

    def __init__(self, hw: SimulatedHardware, seed: int) -> None:
        self.modules: dict[str, types.ModuleType] = {
            "micropython": _micropython_shim(),
            "time": _time_shim(hw),
            "random": _random_shim(seed),
        }
        self.modules["utime"] = self.modules["time"]
        self.builtins = dict(vars(builtins))
        self.builtins["__import__"] = self._import
        self.builtins["print"] = self._print
        self.hw = hw
        #: Set when the program imports a module other than the robot's (and math).
        self.foreign_import = False
        #: The fast binding's functions, once loaded.
        self.fast_functions: set[Callable[..., Any]] = set()

    def _import(
        self,
        name: str,
        globals: dict[str, Any] | None = None,
        locals: dict[str, Any] | None = None,
        fromlist: tuple[str, ...] = (),
        level: int = 0,
    ) -> types.ModuleType:
        module = self.modules.get(name)
        if module is not None and level == 0:
            return module
        # The board modules import sys; only the program's own imports matter.
        if name not in OWN_MODULES and (globals or {}).get("__name__") not in BOARD_MODULES:
            self.foreign_import = True
        return builtins.__import__(name, globals, locals, fromlist, level)

    def _print(self, *values: Any, sep: str | None = " ", end: str | None = "\n", **_: Any) -> None:
        text = (" " if sep is None else sep).join(str(v) for v in values)
        self.hw.printed(text + ("\n" if end is None else end))

    def load_board(self, *, fast: bool = True) -> None:
        for name in BOARD_MODULES:
            module = types.ModuleType(name)
            module.__dict__["__builtins__"] = self.builtins
            module.__file__ = str(BOARD / f"{name}.py")
            self.modules[name] = module
            exec(_board_code(name), module.__dict__)
        self.modules["rb_materiel"].use(self.hw)
        if fast:
            self.fast_functions = binding.bind(self.modules["robot"], self.hw)

    def namespace(self) -> dict[str, Any]:
        return {"__name__": "__main__", "__builtins__": self.builtins}


@contextlib.contextmanager
def _wall_guard(seconds: float, clock: Callable[[], float]) -> Iterator[None]:
    """Stop this thread with _Stuck when simulated time (``clock()``) stands still for
    ``seconds`` of wall time: the program computes without ever calling the robot.

    Python cannot interrupt a thread from outside except through this C call; it raises the
    exception at the thread's next bytecode, as a Ctrl-C would.
    """
    thread_id = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()
    fired: list[bool] = []

    def watch() -> None:
        # Looked at ten times per limit, so that a program is stopped ``seconds`` after its
        # last call to the robot (looking once per limit took up to twice as long).
        last, since = clock(), time.monotonic()
        while not done.wait(seconds / 10):
            now = clock()
            if now != last:
                last, since = now, time.monotonic()
                continue
            if time.monotonic() - since < seconds:
                continue
            with lock:
                if not done.is_set():
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(
                        ctypes.c_ulong(thread_id), ctypes.py_object(_Stuck)
                    )
                    fired.append(True)
            return

    watcher = threading.Thread(target=watch, daemon=True, name="sim-guard")
    watcher.start()
    try:
        yield
    finally:
        # Once done is set the watcher raises nothing more. An exception it raised may not
        # have reached this thread yet: it must not land in the caller's code, so it is let
        # through here (at the loop's next bytecode) and dropped. Clearing it instead with
        # PyThreadState_SetAsyncExc(id, NULL) hangs this thread's next join() under a
        # debugger or a profiler (sys.settrace, sys.setprofile).
        while True:
            try:
                with lock:
                    done.set()
                if fired:
                    for _ in range(4):
                        pass
                break
            except _Stuck:
                fired.clear()
        watcher.join()


def _error_line(error: BaseException) -> int | None:
    traceback = error.__traceback__
    line = None
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == PROGRAM_NAME:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    if isinstance(error, SyntaxError) and error.filename == PROGRAM_NAME:
        line = error.lineno
    return line


def _enclosing_loop(program: str, line: int | None) -> int | None:
    """The header line of the innermost loop around ``line``: where a stuck program turns
    (the guard stops it at whichever line of the loop it is on)."""
    if line is None:
        return None
    try:
        tree = ast.parse(program)
    except SyntaxError:
        return line
    loops = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, (ast.For, ast.While))
        and node.lineno <= line <= (node.end_lineno or node.lineno)
    ]
    return max(loops, default=line)


@functools.cache
def families() -> dict[str, dict[str, Any]]:
    namespace: dict[str, Any] = {}
    exec(_board_code("rb_cartes"), namespace)
    return dict(namespace["FAMILIES"])


def simulate(
    program: str,
    world: World | str | Path,
    *,
    button: bool = False,
    seed: int = 0,
    wall_limit: float = DEFAULT_WALL_LIMIT,
    robot_names: bool = False,
    fast: bool = True,
) -> SimRun:
    """Run ``program`` (a pupil's Python source) on a simulated robot in ``world``.

    With ``robot_names``, the robot API is there as after ``from robot import *``, for
    programs written in a notebook without the import line.

    The run ends when the program ends, the robot touches a wall, or the world's time limit
    is reached; the same program in the same world always gives the same run.

    ``fast=False`` runs every call through robot.py's own layers instead of the fast binding
    of ``ligne()``/``moteurs()`` (``binding``), and every round of every loop
    (``fast_forward``): the run is the same, only slower.
    """
    if not isinstance(world, World):
        world = load_world(world)
    hw = SimulatedHardware(world, families()[world.family], button=button)
    sandbox = _Sandbox(hw, seed)
    outcome = "done"
    error: BaseException | None = None
    line: int | None = None
    skipper: fast_forward.FastForward | None = None
    with _wall_guard(wall_limit, lambda: hw.us):
        try:
            sandbox.load_board(fast=fast)
            namespace = sandbox.namespace()
            if robot_names:
                robot = sandbox.modules["robot"]
                namespace.update(
                    (name, value) for name, value in vars(robot).items() if name[0] != "_"
                )
            if fast:
                code, loops = fast_forward.instrument(program, PROGRAM_NAME)
                skipper = fast_forward.FastForward(
                    hw, loops, sandbox.fast_functions, lambda: not sandbox.foreign_import
                )
                sandbox.builtins.update(skipper.hooks())
            else:
                code = compile(program, PROGRAM_NAME, "exec")
            exec(code, namespace)
        except _Stuck as stuck:
            outcome, line = "stuck", _enclosing_loop(program, _error_line(stuck))
        except RunEnded as ended:
            outcome = "collision" if hw.collision is not None else ended.reason
        except SystemExit:
            pass
        except Exception as caught:
            outcome, error, line = "error", caught, _error_line(caught)
    if hw.ended is None:
        hw.finish()
    return SimRun(
        world=world,
        outcome=outcome,
        record=hw.record,
        duration_ms=hw.now,
        final_pose=hw.pose(),
        turns=hw.turns,
        travelled=hw.travelled,
        collision=hw.collision,
        error=error,
        error_line=line,
        skipped=skipper.skipped if skipper is not None else 0,
    )
