"""An answer built with blocks: what the page opens with, and what "Vérifier" checks.

The answer cell keeps the Python (the grader's, nbgrader's and the robot's) in its source and
the Blockly workspace beside it in ``metadata.robocole.blocks.workspace``. The two can drift
apart (the lesson edited in JupyterLab, a workspace from an older toolbox, a damaged file):
the page then opens on what the source says, so the child never loses their program —
rebuilt as blocks when our converter can (``curriculum.blocks``), else shown as text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from curriculum import blocks
from robocole.i18n import gettext as _

WORKSPACE_LIMIT = 200_000  # characters of workspace JSON: far more than any lesson needs
TEXT_MODE = "texte"  # recorded when the child switched to text for good


@dataclass
class Opening:
    mode: str  # "blocks" or "text"
    workspace: dict[str, Any] | None = None
    note: str = ""  # said to the child when the blocks could not be read back


def settings_of(cell: Mapping[str, Any]) -> dict[str, Any] | None:
    """The block settings the build wrote on an answer cell, or None for a text exercise."""
    meta = cell.get("metadata", {})
    robocole = meta.get("robocole", {}) if isinstance(meta, Mapping) else {}
    settings = robocole.get("blocks") if isinstance(robocole, Mapping) else None
    if not isinstance(settings, Mapping) or not isinstance(settings.get("toolbox"), list):
        return None
    return dict(settings)


def empty_workspace() -> dict[str, Any]:
    return blocks.to_workspace("", [], "fr")


def _body(source: str, settings: Mapping[str, Any]) -> str | None:
    """The child's part of the answer (dedented), or None when the lesson's fixed lines
    around it were changed."""
    before, after = str(settings.get("before", "")), str(settings.get("after", ""))
    indent = str(settings.get("indent", ""))
    text = source
    if before:
        if not text.startswith(before + "\n"):
            return None
        text = text[len(before) + 1 :]
    if after:
        if not text.endswith("\n" + after):
            return None
        text = text[: -len(after) - 1]
    lines = text.split("\n")
    if any(line.strip() and not line.startswith(indent) for line in lines):
        return None
    return "\n".join(line[len(indent) :] for line in lines)


def _makes(workspace: Any, source: str, settings: Mapping[str, Any], language: str) -> bool:
    """Whether this workspace, made by the page, is the answer the cell holds."""
    if not isinstance(workspace, Mapping):
        return False
    try:
        lines = blocks.to_python(workspace, language)
    except (blocks.NotBlocks, KeyError, TypeError, AttributeError, ValueError):
        return False
    return _body(source, settings) is not None and (
        "\n".join(lines) == (_body(source, settings) or "").strip("\n") and lines != []
    )


def opening(settings: Mapping[str, Any], source: str, untouched: bool, language: str) -> Opening:
    """How the page opens a block exercise (``untouched``: the source is the release's)."""
    if settings.get("mode") == TEXT_MODE:
        return Opening("text")
    saved = settings.get("workspace")
    toolbox = [str(name) for name in settings.get("toolbox", []) if str(name) in blocks.BLOCKS]
    if untouched:
        # A child who emptied their blocks keeps their (empty) workspace and its layout.
        if isinstance(saved, Mapping) and _only_blocks(saved, toolbox) and not _stack(saved):
            return Opening("blocks", dict(saved))
        return Opening("blocks", empty_workspace())
    if (
        isinstance(saved, Mapping)
        and _makes(saved, source, settings, language)
        and _only_blocks(saved, toolbox)
    ):
        return Opening("blocks", dict(saved))
    body = _body(source, settings)
    if body is not None:
        try:
            return Opening("blocks", blocks.to_workspace(body, toolbox, language))
        except blocks.NotBlocks:
            pass
    return Opening(
        "text",
        note=_(
            "Your blocks could not be read back: here is your program in Python, nothing is "
            "lost. You can go on in text."
        ),
    )


def _stack(workspace: Mapping[str, Any]) -> bool:
    """Whether blocks hang under the start block."""
    try:
        return bool(blocks.to_python(workspace, "fr"))
    except (blocks.NotBlocks, KeyError, TypeError, AttributeError, ValueError):
        return True


def _only_blocks(workspace: Any, toolbox: list[str]) -> bool:
    """Whether every block of a saved workspace is one of this exercise's (an older
    toolbox's blocks would not draw)."""
    allowed = {blocks.block_type(name) for name in [blocks.START, *toolbox]}

    def walk(state: Any) -> bool:
        while state is not None:
            if not isinstance(state, Mapping) or state.get("type") not in allowed:
                return False
            inputs = state.get("inputs", {})
            if not isinstance(inputs, Mapping):
                return False
            for value in inputs.values():
                if not isinstance(value, Mapping) or not walk(value.get("block")):
                    return False
            following = state.get("next", {})
            state = following.get("block") if isinstance(following, Mapping) else None
        return True

    try:
        tops = workspace["blocks"]["blocks"]
    except (KeyError, TypeError):
        return False
    return isinstance(tops, list) and all(walk(top) for top in tops)


def checked_workspace(value: Any) -> dict[str, Any] | None:
    """A workspace the page sent, if it is one we keep (else None: nothing is written)."""
    if not isinstance(value, dict) or not isinstance(value.get("blocks"), dict):
        return None
    if len(json.dumps(value)) > WORKSPACE_LIMIT:
        return None
    return value


def limit_sentence(settings: Mapping[str, Any]) -> str:
    """A kind sentence when the saved workspace uses more blocks than the exercise allows."""
    most = settings.get("max_blocks")
    workspace = settings.get("workspace")
    if not isinstance(most, int) or not isinstance(workspace, Mapping):
        return ""
    used = blocks.count_blocks(workspace)
    if used <= most:
        return ""
    return _(
        "Your program works with %(used)d blocks, and this exercise asks for %(most)d at "
        "most. Can you do it with fewer? A “repeat” block can help.",
        used=used,
        most=most,
    )


def set_state(notebook: dict[str, Any], answer_id: str, state: Mapping[str, Any]) -> None:
    """Keep the page's workspace (and a switch to text) beside the answer cell's source."""
    for cell in notebook.get("cells", []):
        info = cell.get("metadata", {}).get("nbgrader", {})
        if info.get("solution") and info.get("grade_id") == answer_id:
            settings = cell["metadata"].get("robocole", {}).get("blocks")
            if not isinstance(settings, dict):
                raise KeyError(answer_id)  # not a block exercise: nothing to keep
            for key in ("workspace", "mode"):
                if key in state:
                    settings[key] = state[key]
            return
    raise KeyError(answer_id)


def nothing_yet() -> str:
    return _(
        "Your blocks do nothing yet: hang some blocks under “When I start”, then press "
        "“Check” again."
    )
