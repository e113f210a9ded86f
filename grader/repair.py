"""Damaged notebooks: what can still be graded is graded, and the damage is named.

A child's notebook arrives damaged in many ways: a grade id renamed or duplicated by a copy
and paste, nbgrader's metadata cut off, a cell without its ``metadata``, a notebook without
its own, points written as text, a schema version from elsewhere. nbgrader stops on each
(``KeyError: 'grade_id'``, a validation error) and the whole lesson would score 0 with no
reason. Here, before nbgrader reads the notebook, each damaged part is made plain again:

- a cell whose nbgrader metadata cannot be trusted (unknown or duplicated grade id, invalid
  metadata) loses that metadata: an answer cell still runs as the pupil's code, a test cell
  is put back from the lesson by ``RestoreCells`` (nbgrader's own ``add_missing_cells``);
- a missing ``metadata``, ``source`` or ``outputs`` gets its empty default.

Each repair is one short reason for the teacher. A file that is not JSON at all (cut off
while saving) cannot be repaired: it is *unreadable*, and says so.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

import nbformat
from nbgrader.nbgraderformat import MetadataValidator

# nbgrader's own validator, with its JSON schema compiled once per process (preprocessors.py).
from grader.preprocessors import _MetadataValidator

_CELL_TYPES = ("code", "markdown", "raw")


@dataclass
class Repaired:
    """A notebook nbgrader can read, or None, and what was wrong with the file."""

    notebook: nbformat.NotebookNode | None
    problems: list[str] = field(default_factory=list)


def repair(raw: bytes, known_ids: Collection[str]) -> Repaired:
    """Read ``raw`` as a notebook of a lesson whose cells have ``known_ids`` as grade ids."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        return Repaired(None, ["not JSON"])
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return Repaired(None, ["no cells"])
    problems: list[str] = []
    if not isinstance(data.get("metadata"), dict):
        data["metadata"] = {}
        problems.append("notebook metadata")
    if data.get("nbformat") != 4:
        data["nbformat"], data["nbformat_minor"] = 4, 5
        problems.append("nbformat version")
    elif not isinstance(data.get("nbformat_minor"), int):
        data["nbformat_minor"] = 5
        problems.append("nbformat version")
    cells = []
    for cell in data["cells"]:
        fixed = _plain_cell(cell, problems)
        if fixed is not None:
            cells.append(fixed)
    data["cells"] = cells
    seen: set[str] = set()
    validator = _MetadataValidator()
    for cell in cells:
        _check_nbgrader(cell, known_ids, seen, validator, problems)
    try:
        notebook = nbformat.from_dict(data)
        nbformat.validate(notebook)
    except Exception:  # nbformat's reasons are many; what is left is not a notebook
        return Repaired(None, [*problems, "not a notebook"])
    return Repaired(notebook, problems)


def _plain_cell(cell: Any, problems: list[str]) -> dict[str, Any] | None:
    if not isinstance(cell, dict) or cell.get("cell_type") not in _CELL_TYPES:
        problems.append("unknown cell")
        return None
    if not isinstance(cell.get("metadata"), dict):
        cell["metadata"] = {}
        problems.append("cell metadata")
    source = cell.get("source", "")
    if isinstance(source, list) and all(isinstance(line, str) for line in source):
        cell["source"] = "".join(source)
    elif not isinstance(source, str):
        cell["source"] = ""
        problems.append("cell source")
    if not isinstance(cell.get("id"), str) or not cell["id"]:
        cell["id"] = uuid.uuid4().hex[:8]  # nbformat 4.5 needs one; nobody relies on it
    if cell["cell_type"] == "code":
        if not isinstance(cell.get("outputs"), list):
            cell["outputs"] = []
        cell.setdefault("execution_count", None)
    else:
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
    allowed = {"id", "cell_type", "metadata", "source", "outputs", "execution_count"}
    if cell["cell_type"] != "code":
        allowed.add("attachments")
    for key in [key for key in cell if key not in allowed]:
        del cell[key]
    return cell


def _check_nbgrader(
    cell: dict[str, Any],
    known_ids: Collection[str],
    seen: set[str],
    validator: MetadataValidator,
    problems: list[str],
) -> None:
    meta = cell["metadata"].get("nbgrader")
    if meta is None:
        return
    reason = None
    grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
    if not isinstance(meta, dict):
        reason = "nbgrader metadata"
    elif not isinstance(grade_id, str) or not grade_id:
        reason = "grade id missing"
    elif grade_id not in known_ids:
        reason = f"grade id {grade_id} unknown"
    elif grade_id in seen:
        reason = f"grade id {grade_id} twice"
    else:
        try:
            validator.validate_cell(nbformat.from_dict(cell))
        except Exception as error:  # nbgrader's own checks: points, schema, types
            reason = f"{grade_id}: {str(error).splitlines()[0][:80]}"
    if reason is None:
        seen.add(str(grade_id))
        return
    # The cell becomes plain: its code still runs, nbgrader no longer trusts it as a test.
    del cell["metadata"]["nbgrader"]
    problems.append(reason)
