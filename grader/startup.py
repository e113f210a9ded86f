"""What the grader's entry points do before importing nbgrader."""

from __future__ import annotations

import os
import sys


def skip_slow_imports() -> None:
    """Do not import ``rfc3987_syntax`` (≈1.7 s here), which jsonschema loads if present.

    jsonschema only uses it to check the "iri" string format, which notebooks never use; a
    ``None`` entry in ``sys.modules`` makes its guarded import fail at once. Call it before
    nbformat or nbgrader is imported.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def prepare_environment() -> None:
    """Make nbgrader's helper commands (``alembic``) reachable.

    nbgrader runs ``alembic`` by name, found on PATH: the virtual environment's ``bin`` may
    not be there when ``robocole`` is started by its full path or as a service.
    """
    tools = os.path.dirname(sys.executable)
    path = os.environ.get("PATH", "")
    if tools not in path.split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([tools, path]) if path else tools
