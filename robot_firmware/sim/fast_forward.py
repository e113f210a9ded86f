"""Fast-forward through polling loops that wait, without changing the run by one bit.

A no-sleep line follower or a "wait for the button" loop goes round tens of thousands to a
million times per robot minute, as it would on the robot, and almost every round is the
same as the one before: the same sensor values, the same motor command repeated, the same
variables. Emulators call this an idle loop and skip it; this module does the same, but only
where it can prove the rounds are identical:

* **Which loops** (read from the program's syntax, ``eligible``): a ``while`` loop whose test
  and body only assign plain names, branch, and call ``ligne``/``line``, ``bouton``/``button``
  and ``moteurs``/``motors``, with constants, names and arithmetic as arguments. No other
  call (so no code of the pupil's runs in between), no nested loop, no ``global``.
* **What is the state**: the names the loop assigns (each assigned on every round), the clock,
  and the robot's ``changes`` counter, which moves whenever anything but the clock changes:
  a new reading of the line sensors, a motor command that is not a repeat, a timer, any call
  that leaves the fast binding (``binding``). The names the loop only reads cannot change
  while it runs; they are checked once when the loop starts: plain numbers, strings,
  booleans, tuples of those, and the robot's own functions behind the called names. Those
  values have no side effects, so comparing them has none either.
* **The proof**: when a round ends in the very state the previous round ended in, only the
  clock having moved by ``d`` microseconds, the next round does exactly the same, as long as
  the sensors keep their values and nothing is due: until the hardware's horizon (a timer,
  a possible contact with a wall, the time limit) and the line sensors' next change. The
  clock counts whole microseconds, so ``k`` rounds later it is exactly ``now + k * d``: the
  run jumps there, adds the ``k`` repeated motor commands to the record and moves the
  watchdog's "last call" by as much. The rounds that meet an event run for real.

Everything else runs unchanged, and ``tests/robot_sim/test_binding.py`` runs every program
with and without this (and without the fast binding) and requires the very same run.
A program that imports a module other than the robot's own turns it off (a thread, or a
module with hidden state, could make two rounds differ).
"""

from __future__ import annotations

import ast
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from robot_firmware.sim.hardware import SimulatedHardware

#: The robot calls a skippable loop may make: the fast binding's functions.
ROBOT_CALLS = frozenset({"ligne", "line", "bouton", "button", "moteurs", "motors"})
#: The hooks the instrumented program calls (a program that uses such a name is left alone).
ENTER = "__robocole_entree__"
ROUND = "__robocole_tour__"
_HOOK_PREFIX = "__robocole"
#: Plain values: no method of theirs runs pupil code.
_PLAIN = (int, float, bool, str, type(None))
_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod)
_COMPARISONS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)


@dataclass
class Loop:
    """What the syntax tells of one skippable loop."""

    index: int
    assigned: tuple[str, ...]  # assigned on every round, in this order in the hook's tuple
    read: tuple[str, ...] = ()  # only read: constant while the loop runs
    called: tuple[str, ...] = ()
    reads_line: bool = False


@dataclass
class _Reader:
    """Collects the names of a loop while checking its nodes against the allowed shapes."""

    stored: set[str] = field(default_factory=set)
    loaded: set[str] = field(default_factory=set)
    called: set[str] = field(default_factory=set)

    def statements(self, nodes: list[ast.stmt]) -> bool:
        return all(self.statement(node) for node in nodes)

    def statement(self, node: ast.stmt) -> bool:
        if isinstance(node, (ast.Pass, ast.Break, ast.Continue)):
            return True
        if isinstance(node, ast.Expr):
            return isinstance(node.value, ast.Call) and self.expression(node.value)
        if isinstance(node, ast.Assign):
            return all(self.target(t) for t in node.targets) and self.expression(node.value)
        if isinstance(node, ast.If):
            return (
                self.expression(node.test)
                and self.statements(node.body)
                and self.statements(node.orelse)
            )
        return False

    def target(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Name):
            self.stored.add(node.id)
            return True
        if isinstance(node, (ast.Tuple, ast.List)):
            return all(isinstance(e, ast.Name) and self.target(e) for e in node.elts)
        return False

    def expression(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, _PLAIN)
        if isinstance(node, ast.Name):
            self.loaded.add(node.id)
            return True
        if isinstance(node, ast.BoolOp):
            return all(self.expression(v) for v in node.values)
        if isinstance(node, ast.UnaryOp):
            return isinstance(node.op, (ast.Not, ast.USub, ast.UAdd)) and self.expression(
                node.operand
            )
        if isinstance(node, ast.BinOp):
            return (
                isinstance(node.op, _OPERATORS)
                and self.expression(node.left)
                and self.expression(node.right)
            )
        if isinstance(node, ast.Compare):
            return all(isinstance(op, _COMPARISONS) for op in node.ops) and all(
                self.expression(e) for e in (node.left, *node.comparators)
            )
        if isinstance(node, ast.IfExp):
            return all(self.expression(e) for e in (node.test, node.body, node.orelse))
        if isinstance(node, ast.Tuple):
            return all(self.expression(e) for e in node.elts)
        if isinstance(node, ast.Subscript):
            # capteurs[0], capteurs[-1]: a reading's item
            index = node.slice
            if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub):
                index = index.operand
            return (
                isinstance(index, ast.Constant)
                and type(index.value) is int
                and self.expression(node.value)
            )
        if isinstance(node, ast.Call):
            if not (isinstance(node.func, ast.Name) and node.func.id in ROBOT_CALLS):
                return False
            self.called.add(node.func.id)
            return all(
                not isinstance(a, ast.Starred) and self.expression(a) for a in node.args
            ) and all(k.arg is not None and self.expression(k.value) for k in node.keywords)
        return False


def eligible(node: ast.While, index: int) -> Loop | None:
    """The loop's names, when every round of it is a function of its state (else None)."""
    reader = _Reader()
    if not (reader.expression(node.test) and reader.statements(node.body)):
        return None
    # Names assigned on every round: by the body's own statements, not only in a branch.
    every_round: list[str] = []
    for statement in node.body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id not in every_round:
                        every_round.append(name.id)
    if not reader.stored <= set(every_round) or reader.stored & reader.called:
        return None
    return Loop(
        index=index,
        assigned=tuple(every_round),
        read=tuple(sorted(reader.loaded - reader.stored - reader.called)),
        called=tuple(sorted(reader.called)),
        reads_line=bool(reader.called & {"ligne", "line"}),
    )


class _Instrument(ast.NodeTransformer):
    def __init__(self) -> None:
        self.loops: list[Loop] = []

    def visit_While(self, node: ast.While) -> Any:
        self.generic_visit(node)
        loop = eligible(node, len(self.loops))
        if loop is None:
            return node
        self.loops.append(loop)
        enter = ast.Expr(_call(ENTER, [ast.Constant(loop.index)]))
        values = ast.Tuple([ast.Name(n, ast.Load()) for n in loop.assigned], ast.Load())
        hook = ast.Expr(_call(ROUND, [ast.Constant(loop.index), values]))
        # The hooks take the lines of the loop and of its last statement (in a traceback).
        for added in ast.walk(enter):
            ast.copy_location(added, node)
        for added in ast.walk(hook):
            ast.copy_location(added, node.body[-1])
        node.body.append(hook)
        return [enter, node]


def _call(name: str, args: list[ast.expr]) -> ast.Call:
    return ast.Call(ast.Name(name, ast.Load()), args, [])


def instrument(source: str, filename: str) -> tuple[types.CodeType, list[Loop]]:
    """Compile ``source`` with the hooks around its skippable loops (and the loops found)."""
    tree = ast.parse(source, filename)
    # A class may have a __del__, which the garbage collector runs at moments that depend on
    # how much the program allocates: rounds would no longer be a function of their state.
    if any(
        isinstance(n, ast.ClassDef)
        or (isinstance(n, ast.Name) and n.id.startswith(_HOOK_PREFIX))
        or (isinstance(n, ast.Attribute) and n.attr.startswith(_HOOK_PREFIX))
        # globals()["__robocole_tour__"] = ... would replace a hook too.
        or (isinstance(n, ast.Constant) and isinstance(n.value, str) and _HOOK_PREFIX in n.value)
        for n in ast.walk(tree)
    ):
        return compile(tree, filename, "exec"), []
    transformer = _Instrument()
    tree = transformer.visit(tree)
    return compile(tree, filename, "exec"), transformer.loops


@dataclass
class _Running:
    """One loop while it runs: what the previous round ended with, and the states known to
    be fixed points (``FastForward.round``)."""

    changes: int = -1
    values: tuple[Any, ...] | None = None
    us: int = 0
    repeats: int = 0
    #: State at the end of a round -> (period µs, motor repeats per round, µs from the last
    #: line read to the round's end, µs from the last call's clock read to the round's end).
    fixed: dict[tuple[Any, ...], tuple[int, int, int, int]] = field(default_factory=dict)


class FastForward:
    """The hooks of one run: ``enter`` when a loop starts, ``round`` at the end of its body."""

    def __init__(
        self,
        hw: SimulatedHardware,
        loops: list[Loop],
        robot_functions: set[Callable[..., Any]],
        allowed: Callable[[], bool],
    ) -> None:
        self.hw = hw
        self.loops = loops
        self.robot_functions = robot_functions
        #: False once the program imported a module other than the robot's.
        self.allowed = allowed
        #: The loops running now, by index: those whose rounds may be skipped.
        self.running: dict[int, _Running] = {}
        #: Rounds skipped in this run (for tests and the bench).
        self.skipped = 0

    def hooks(self) -> dict[str, Callable[..., None]]:
        return {ENTER: self.enter, ROUND: self.round}

    def enter(self, index: int) -> None:
        self.running.pop(index, None)
        if not self.allowed():
            return
        loop = self.loops[index]
        frame = sys._getframe(1)
        scopes = (frame.f_locals, frame.f_globals, frame.f_builtins)
        for name in loop.called:
            value = _lookup(name, scopes)
            # By identity: comparing a pupil's object would run its __eq__.
            if value is not _MISSING and not any(value is f for f in self.robot_functions):
                return  # the pupil's own ligne(): its rounds may differ
        for name in loop.read:
            value = _lookup(name, scopes)
            if value is not _MISSING and not _plain(value):
                return
        self.running[index] = _Running()

    def round(self, index: int, values: tuple[Any, ...]) -> None:
        """The end of a round. A round is a function of the state it starts in: the loop's
        names, the line sensors' reading, the motor command it may repeat (the read-only
        names, the button and the robot's settings cannot change while the loop runs).
        When a round ends in the state it started in, that state is a fixed point: every
        later round that starts there is the same, whenever it comes."""
        running = self.running.get(index)
        if running is None:
            return
        hw = self.hw
        state = (values, hw._line_value, hw._repeat_left, hw._repeat_right)
        known = running.fixed.get(state)
        if known is None and running.changes == hw.changes and running.values == values:
            period = hw.us - running.us
            if period > 0:
                known = running.fixed[state] = (
                    period,
                    hw._repeats - running.repeats,
                    hw.us - hw._read_end,
                    hw.us - hw._fed,
                )
        if known is not None:
            self._jump(known, self.loops[index].reads_line)
        running.changes, running.values = hw.changes, values
        running.us, running.repeats = hw.us, hw._repeats

    def _jump(self, known: tuple[int, int, int, int], reads_line: bool) -> None:
        """Skip the rounds that end before anything is due: each call of theirs must end
        before the horizon, each line reading before the sensors' next change."""
        period, repeats, read_offset, fed_offset = known
        hw = self.hw
        now = hw.us
        # The most rounds k with now + k * period < until (the horizon; for the line, the
        # rounds' last readings come read_offset earlier than their ends).
        until = hw._horizon
        if reads_line and hw._line_until + read_offset < until:
            until = hw._line_until + read_offset
        room = until - now
        if not room > period:
            return
        rounds = int(room / period)
        # The division rounds: settle k with exact products (the clock is an int).
        if rounds * period >= room:
            rounds -= 1
        elif (rounds + 1) * period < room:
            rounds += 1
        hw.us = now + rounds * period
        hw._fed = hw.us - fed_offset
        hw._repeats += rounds * repeats
        self.skipped += rounds


_MISSING = object()


def _lookup(name: str, scopes: tuple[Any, ...]) -> Any:
    for scope in scopes:
        if name in scope:
            return scope[name]
    return _MISSING


def _plain(value: Any) -> bool:
    if type(value) in _PLAIN:
        return True
    return type(value) is tuple and all(_plain(item) for item in value)
