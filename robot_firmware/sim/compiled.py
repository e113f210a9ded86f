"""Which line sensors the simulator uses: the compiled copy of ``line_sensors.py``, or the file.

A line follower's minute of robot time is thousands of crossings of the tape's edge, each
solved exactly; compiled (see ``setup.py``), that geometry costs about a third less of the
whole run. The source stays the reference. The compiled copy is used only when it was built
from the very source installed beside it (its SHA-256 says so): after an edit to
``line_sensors.py`` without a new ``pip install``, the source runs, never a stale build.
``ROBOCOLE_SIM_SOURCE=1`` runs the source anyway (to debug it, or to compare).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
from pathlib import Path
from types import ModuleType

from robot_firmware.sim import line_sensors

COMPILED = "robot_firmware.sim._line_sensors_c"


def fresh(compiled: ModuleType, source: Path) -> bool:
    """Whether ``compiled`` was built from ``source`` as it is now."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    return getattr(compiled, "SOURCE_SHA256", None) == digest


@functools.cache
def line_sensors_module() -> ModuleType:
    """The module whose ``LineSensors`` the simulator uses (looked up once per process)."""
    if os.environ.get("ROBOCOLE_SIM_SOURCE") == "1":
        return line_sensors
    try:
        compiled = importlib.import_module(COMPILED)
    except ImportError:
        return line_sensors  # not built: no compiler where it was installed
    return compiled if fresh(compiled, Path(line_sensors.__file__)) else line_sensors
