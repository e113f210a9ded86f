"""Blocks for the youngest: the block catalog, and our Python subset as Blockly workspaces.

A block exercise's answer cell carries ``blocks="pixel"`` (a toolbox: named sets or block
names) and maybe ``max_blocks=4``; the build writes them into the cell's metadata
(``metadata.robocole.blocks``) with the lines the lesson keeps around the answer. The lesson
view (``hub_config/lesson_view/static/blocks.js``) draws these blocks in Blockly and writes
the Python they make into the cell, so the grader and nbgrader see plain Python.

This module is the one description of each block: the call it makes in each language (our
world functions and robot API, French and English names), its label (a msgid of the
curriculum's catalog) and its fields. The page's script builds its Blockly blocks from
``catalog_json()``; ``to_workspace`` turns a reference solution into blocks (for
``robocole curriculum check``) and ``to_python`` is the same generator as the page's, so the
check proves every reference solution can be built, and the browser test proves the page
makes those very bytes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from robocole.i18n import N_
from robocole.i18n import gettext as _

START = "start"  # the hat block every program hangs from ("Quand je lance")
REPEAT = "repeter"
INDENT = "    "
#: The loop variable the text lessons write: ``for i in range(N):``.
LOOP_VARIABLE = "i"


class NotBlocks(ValueError):
    """This Python cannot be made from the exercise's blocks (the message says why)."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "number" or "choice"
    default: float | str = 0
    minimum: float = -1000
    maximum: float = 1000
    precision: float = 1
    choices: Mapping[str, Sequence[str]] = field(default_factory=dict)  # language → values


@dataclass(frozen=True)
class Block:
    name: str
    calls: Mapping[str, str]  # language → the Python function the block calls
    parts: tuple[str | Field, ...]  # the label: words (msgids) and fields, in order
    colour: str
    container: bool = False  # a loop: holds other blocks

    @property
    def fields(self) -> list[Field]:
        return [p for p in self.parts if isinstance(p, Field)]


# Colours are dark enough for white text (4.5:1 and more): Blockly writes labels in white.
PIXEL_COLOUR = "#1f5fbf"
TAO_COLOUR = "#1b6e2a"
ROBI_COLOUR = "#8a3ab9"
SOUND_COLOUR = "#a3366b"
LOOP_COLOUR = "#9a4a00"
START_COLOUR = "#3b4452"
NOTES = {
    "fr": ("do", "ré", "mi", "fa", "sol", "la", "si"),
    "en": ("C", "D", "E", "F", "G", "A", "B"),
}
COLOURS = {
    "fr": ("rouge", "vert", "bleu", "jaune", "orange", "violet", "rose", "éteint"),
    "en": ("red", "green", "blue", "yellow", "orange", "purple", "pink", "off"),
}


def _blocks() -> dict[str, Block]:
    both = {"fr": "", "en": ""}

    def calls(fr: str, en: str) -> dict[str, str]:
        return {**both, "fr": fr, "en": en}

    number = Field  # for reading
    catalog = [
        Block("droite", calls("droite", "right"), ("→", N_("go right")), PIXEL_COLOUR),
        Block("gauche", calls("gauche", "left"), ("←", N_("go left")), PIXEL_COLOUR),
        Block("haut", calls("haut", "up"), ("↑", N_("go up")), PIXEL_COLOUR),
        Block("bas", calls("bas", "down"), ("↓", N_("go down")), PIXEL_COLOUR),
        Block("peins", calls("peins", "paint"), ("■", N_("paint the square")), PIXEL_COLOUR),
        Block("avance", calls("avance", "forward"), ("↑", N_("move forward")), TAO_COLOUR),
        Block(
            "tourne_gauche", calls("tourne_gauche", "turn_left"), ("↰", N_("turn left")), TAO_COLOUR
        ),
        Block(
            "tourne_droite",
            calls("tourne_droite", "turn_right"),
            ("↱", N_("turn right")),
            TAO_COLOUR,
        ),
        Block(
            "avancer",
            calls("avancer", "forward"),
            (N_("drive forward"), number("MM", "number", 100, -2000, 2000), N_("mm")),
            ROBI_COLOUR,
        ),
        Block(
            "tourner",
            calls("tourner", "turn"),
            (N_("turn by"), number("DEG", "number", 90, -720, 720), N_("degrees")),
            ROBI_COLOUR,
        ),
        Block(
            "attendre",
            calls("attendre", "wait"),
            (N_("wait"), number("S", "number", 1, 0, 60, 0.05), N_("seconds")),
            ROBI_COLOUR,
        ),
        Block(
            "bip",
            calls("bip", "beep"),
            (
                N_("play the note"),
                Field("NOTE", "choice", choices=NOTES),
                N_("for"),
                number("S", "number", 0.5, 0, 10, 0.05),
                N_("seconds"),
            ),
            SOUND_COLOUR,
        ),
        Block(
            "led",
            calls("led", "led"),
            (N_("light the LEDs in"), Field("COLOUR", "choice", choices=COLOURS)),
            SOUND_COLOUR,
        ),
        Block(
            REPEAT,
            both,
            (N_("repeat"), number("N", "number", 4, 0, 100), N_("times")),
            LOOP_COLOUR,
            container=True,
        ),
    ]
    return {block.name: block for block in catalog}


BLOCKS = _blocks()
#: Toolboxes by name, for the lessons' ``blocks="…"`` option (block names may be added).
SETS = {
    "pixel": ("droite", "gauche", "haut", "bas"),
    "tao": ("avance", "tourne_gauche", "tourne_droite"),
    "robi": ("avancer", "tourner"),
    "musique": ("bip", "led", "attendre"),
    "boucles": (REPEAT,),
}


def toolbox(option: str) -> list[str]:
    """The block names of a ``blocks="pixel,peins"`` option, in order, each once."""
    names: list[str] = []
    for item in (part.strip() for part in option.replace(" ", ",").split(",")):
        if not item:
            continue
        if item in SETS:
            found: Iterable[str] = SETS[item]
        elif item in BLOCKS:
            found = (item,)
        else:
            raise NotBlocks(
                _(
                    "blocks=: %(name)s is neither a set of blocks (%(sets)s) nor a block.",
                    name=item,
                    sets=", ".join(SETS),
                )
            )
        names.extend(n for n in found if n not in names)
    if not names:
        raise NotBlocks(_('blocks= names the blocks of the exercise, like blocks="pixel".'))
    return names


def catalog_json(names: Iterable[str], language: str) -> list[dict[str, Any]]:
    """What the page needs to draw these blocks, in the current language (labels translated)."""
    described = []
    for name in [START, *names]:
        if name == START:
            described.append(
                {"name": START, "parts": [_("When I start")], "colour": START_COLOUR, "call": ""}
            )
            continue
        block = BLOCKS[name]
        parts: list[Any] = []
        for part in block.parts:
            if isinstance(part, Field):
                described_field: dict[str, Any] = {"field": part.name, "kind": part.kind}
                if part.kind == "number":
                    described_field.update(
                        default=part.default,
                        min=part.minimum,
                        max=part.maximum,
                        precision=part.precision,
                    )
                else:
                    described_field["choices"] = list(part.choices[language])
                parts.append(described_field)
            else:
                parts.append(_(part))
        entry: dict[str, Any] = {
            "name": name,
            "parts": parts,
            "colour": block.colour,
            "call": block.calls[language],
            "container": block.container,
        }
        described.append(entry)
    return described


# -- Python → blocks ----------------------------------------------------------------------


def _literal(node: ast.expr) -> float | str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float | str):
        if isinstance(node.value, bool):
            return None
        return node.value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and isinstance(node.operand.value, int | float)
        and not isinstance(node.operand.value, bool)
    ):
        return -node.operand.value
    return None


def _statement(node: ast.stmt, names: Sequence[str], language: str) -> dict[str, Any]:
    where = _("line %(line)d", line=node.lineno)
    if isinstance(node, ast.For):
        if REPEAT not in names:
            raise NotBlocks(
                _("%(where)s: a loop, but the toolbox has no repeat block.", where=where)
            )
        count = None
        it = node.iter
        if (
            isinstance(node.target, ast.Name)
            and node.target.id == LOOP_VARIABLE
            and isinstance(it, ast.Call)
            and isinstance(it.func, ast.Name)
            and it.func.id == "range"
            and len(it.args) == 1
            and not it.keywords
            and not node.orelse
        ):
            count = _literal(it.args[0])
        if not isinstance(count, int):
            raise NotBlocks(
                _("%(where)s: a repeat block is written for i in range(N):.", where=where)
            )
        state: dict[str, Any] = {"type": block_type(REPEAT), "fields": {"N": count}}
        body = _chain(node.body, names, language)
        if body is not None:
            state["inputs"] = {"DO": {"block": body}}
        return state
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        call = node.value
        function = call.func.id if isinstance(call.func, ast.Name) else ""
        for name in names:
            block = BLOCKS[name]
            if block.container or block.calls[language] != function:
                continue
            values = [_literal(argument) for argument in call.args]
            fields = block.fields
            if call.keywords or len(values) != len(fields) or None in values:
                raise NotBlocks(
                    _(
                        "%(where)s: %(call)s() is a block with %(count)d value(s) written "
                        "as they are (numbers, words in quotes).",
                        where=where,
                        call=function,
                        count=len(fields),
                    )
                )
            state = {"type": block_type(name)}
            if fields:
                state["fields"] = {}
            for spec, value in zip(fields, values, strict=True):
                if spec.kind == "choice" and value not in spec.choices[language]:
                    raise NotBlocks(
                        _(
                            "%(where)s: %(value)s is not a choice of its block.",
                            where=where,
                            value=value,
                        )
                    )
                if spec.kind == "number" and (
                    not isinstance(value, int | float) or not spec.minimum <= value <= spec.maximum
                ):
                    raise NotBlocks(
                        _(
                            "%(where)s: %(value)s is out of its block's range.",
                            where=where,
                            value=value,
                        )
                    )
                state["fields"][spec.name] = value
            return state
        raise NotBlocks(
            _(
                "%(where)s: %(call)s() is not a block of this exercise.",
                where=where,
                call=function or "?",
            )
        )
    raise NotBlocks(_("%(where)s: only orders and repeat loops are blocks.", where=where))


def _chain(body: Sequence[ast.stmt], names: Sequence[str], language: str) -> dict[str, Any] | None:
    """The statements as one stack of blocks, each hanging from the one before."""
    head: dict[str, Any] | None = None
    last: dict[str, Any] | None = None
    for node in body:
        state = _statement(node, names, language)
        if last is None:
            head = state
        else:
            last["next"] = {"block": state}
        last = state
    return head


def block_type(name: str) -> str:
    """The Blockly type of one of our blocks (its name, with our prefix)."""
    return f"robocole_{name}"


def to_workspace(code: str, names: Sequence[str], language: str) -> dict[str, Any]:
    """Blockly's JSON of the workspace that makes ``code`` (a dedented answer)."""
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise NotBlocks(_("Python cannot read this answer: %(error)s", error=error)) from error
    start: dict[str, Any] = {"type": block_type(START), "x": 24, "y": 24, "deletable": False}
    body = _chain(tree.body, names, language)
    if body is not None:
        start["next"] = {"block": body}
    return {"blocks": {"languageVersion": 0, "blocks": [start]}}


# -- blocks → Python (the page's generator, written twice on purpose: the test compares) ----


def _number(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def _state_python(state: Mapping[str, Any], language: str, depth: int) -> list[str]:
    lines: list[str] = []
    current: Mapping[str, Any] | None = state
    while current is not None:
        name = str(current.get("type", "")).removeprefix("robocole_")
        if name not in BLOCKS:
            raise NotBlocks(_("A block of an older toolbox: %(name)s.", name=name))
        block = BLOCKS[name]
        fields = current.get("fields", {})
        if block.container:
            lines.append(f"{INDENT * depth}for {LOOP_VARIABLE} in range({_number(fields['N'])}):")
            inner = current.get("inputs", {}).get("DO", {}).get("block")
            body = _state_python(inner, language, depth + 1) if inner else []
            lines.extend(body or [f"{INDENT * (depth + 1)}pass"])
        else:
            values = []
            for spec in block.fields:
                value = fields[spec.name]
                values.append(_number(value) if spec.kind == "number" else f'"{value}"')
            lines.append(f"{INDENT * depth}{block.calls[language]}({', '.join(values)})")
        current = current.get("next", {}).get("block")
    return lines


def to_python(workspace: Mapping[str, Any], language: str) -> list[str]:
    """The lines the blocks under the start block make (unindented, no newline)."""
    for top in workspace.get("blocks", {}).get("blocks", []):
        if top.get("type") == block_type(START):
            below = top.get("next", {}).get("block")
            return _state_python(below, language, 0) if below else []
    return []


def count_blocks(workspace: Mapping[str, Any]) -> int:
    """How many blocks the child placed (the start block does not count)."""

    def count(state: Mapping[str, Any] | None) -> int:
        total = 0
        while isinstance(state, Mapping):
            if state.get("type") != block_type(START):
                total += 1
            for value in state.get("inputs", {}).values():
                total += count(value.get("block"))
            state = state.get("next", {}).get("block")
        return total

    tops = workspace.get("blocks", {}).get("blocks", []) if isinstance(workspace, Mapping) else []
    return sum(count(top) for top in tops if isinstance(top, Mapping))


def answer_source(lines: Sequence[str], settings: Mapping[str, Any], stub: str) -> str:
    """The answer cell's source: the lesson's fixed lines around the blocks' Python (or the
    stub when there is no block yet, which is exactly the released cell)."""
    indent = str(settings.get("indent", ""))
    body = [indent + line for line in lines] or [indent + stub]
    parts = [str(settings.get("before", "")), "\n".join(body), str(settings.get("after", ""))]
    return "\n".join(part for part in parts if part != "")


def split_solution(text: str) -> tuple[str, str, str, str]:
    """(before, indent, solution dedented, after) of a solution cell's text."""
    lines = text.split("\n")
    begin = next(i for i, line in enumerate(lines) if line.strip() == "### BEGIN SOLUTION")
    end = next(i for i, line in enumerate(lines) if line.strip() == "### END SOLUTION")
    marker = lines[begin]
    indent = marker[: len(marker) - len(marker.lstrip())]
    body = [
        line[len(indent) :] if line.startswith(indent) else line for line in lines[begin + 1 : end]
    ]
    return "\n".join(lines[:begin]), indent, "\n".join(body), "\n".join(lines[end + 1 :])


def solution_problems(text: str, names: Sequence[str], max_blocks: int, language: str) -> list[str]:
    """Why a reference solution cannot be built from its exercise's blocks (empty: it can,
    within the limit, and the blocks make back exactly its Python, so it passes)."""
    _before, _indent, solution, _after = split_solution(text)
    try:
        workspace = to_workspace(solution, names, language)
    except NotBlocks as error:
        return [str(error)]
    problems = []
    used = count_blocks(workspace)
    if max_blocks and used > max_blocks:
        problems.append(
            _(
                "The reference solution needs %(used)d blocks, more than max_blocks=%(most)d.",
                used=used,
                most=max_blocks,
            )
        )
    made = "\n".join(to_python(workspace, language))
    if made != solution.strip("\n"):
        problems.append(
            _(
                "The blocks make a different Python from the reference solution: write it as "
                "the blocks do (%(made)s).",
                made=made.replace("\n", " / "),
            )
        )
    return problems
