"""What the grader's entry points do before importing nbgrader."""

from __future__ import annotations

import gc
import importlib
import os
import sys
import types
from typing import Any


def _on_demand(name: str, doc: str, calls: dict[str, str]) -> types.ModuleType:
    """A stand-in for module ``name`` that imports the real one when first used.

    ``calls`` names the stand-in's functions and the real module's functions they call (the
    names an importer copies at import time, before anyone uses them); any other attribute is
    the real module's.
    """
    stand_in = types.ModuleType(name, doc)

    def real() -> types.ModuleType:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name)

    def forward(own: str, target: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(real(), target)(*args, **kwargs)

        call.__name__ = own
        return call

    def __getattr__(attribute: str) -> Any:  # PEP 562: anything else, from the real module
        if attribute.startswith("__"):
            raise AttributeError(attribute)  # the import system asks for __path__ and such
        return getattr(real(), attribute)

    for own, target in calls.items():
        setattr(stand_in, own, forward(own, target))
    stand_in.__getattr__ = __getattr__  # type: ignore[method-assign]
    return stand_in


def _archive_util_on_demand() -> types.ModuleType:
    """A stand-in for ``setuptools.archive_util``: nbgrader.utils imports three functions."""
    functions = ("unpack_archive", "unpack_tarfile", "unpack_zipfile")
    return _on_demand(
        "setuptools.archive_util",
        "Imports setuptools' archive_util on first use.",
        {function: function for function in functions},
    )


#: nbgrader's Jupyter server extensions, which ``import nbgrader`` loads (jupyter_server,
#: nbgrader's apps: ≈0.13 s) for a notebook server that the grader never is.
SERVER_EXTENSIONS = ("assignment_list", "course_list", "validate_assignment", "formgrader")


def _server_extension_on_demand(name: str) -> types.ModuleType:
    """A stand-in for one of nbgrader's server extensions (both names a server may call)."""
    load = "load_jupyter_server_extension"
    return _on_demand(
        name, "Imports nbgrader's server extension on first use.", {load: load, f"_{load}": load}
    )


def skip_slow_imports() -> None:
    """Do not import what nbgrader's dependencies load at start but grading never uses.

    - ``rfc3987_syntax`` (≈1.7 s here) and ``isoduration`` (with ``arrow``, ≈40 ms): jsonschema
      loads them if present, only to check the "iri" and "duration" string formats, which
      notebooks never use; a ``None`` entry in ``sys.modules`` makes its guarded imports fail
      at once.
    - ``setuptools`` (with ``pkg_resources``, ≈0.17 s): ``nbgrader.utils`` imports three of its
      ``unpack_*`` functions for nbgrader's zip collect only; stand-ins import it when called.

    - nbgrader's Jupyter server extensions (``jupyter_server`` and nbgrader's apps, ≈0.13 s):
      ``import nbgrader`` loads them for the notebook server; stand-ins load them if a
      notebook server ever asks.

    Call it before nbformat or nbgrader is imported.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    sys.modules.setdefault("isoduration", None)  # type: ignore[arg-type]
    if "setuptools" not in sys.modules:
        sys.modules.setdefault("setuptools.archive_util", _archive_util_on_demand())
    if "nbgrader" not in sys.modules:
        for extension in SERVER_EXTENSIONS:
            name = f"nbgrader.server_extensions.{extension}"
            sys.modules.setdefault(name, _server_extension_on_demand(name))


def defer_garbage_collection() -> None:
    """Turn Python's cyclic garbage collector off until the grading workers are forked.

    Start-up makes objects that live as long as the grader (modules, classes, caches), so the
    collections that run while nbgrader is imported free nothing and cost ≈0.3 s of CPU. The
    worker pool freezes what exists and turns the collector on again before it forks
    (``WorkerPool``), as Python advises for a process that forks without exec.
    """
    gc.disable()


def prepare_environment() -> None:
    """Make nbgrader's helper commands (``alembic``) reachable.

    nbgrader runs ``alembic`` by name, found on PATH: the virtual environment's ``bin`` may
    not be there when ``robocole`` is started by its full path or as a service.
    """
    tools = os.path.dirname(sys.executable)
    path = os.environ.get("PATH", "")
    if tools not in path.split(os.pathsep):
        os.environ["PATH"] = os.pathsep.join([tools, path]) if path else tools
