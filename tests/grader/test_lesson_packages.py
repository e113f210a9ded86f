"""The sandbox shows the packages lessons import, never the checkout's answer keys."""

from __future__ import annotations

from pathlib import Path

import robot_firmware
from grader.sandbox import SandboxPolicy, lesson_package_paths

ROOT = Path(__file__).resolve().parents[2]


def test_the_simulator_is_shown_but_not_the_curriculum() -> None:
    shown = [Path(p) for p in SandboxPolicy().python_paths]
    simulator = Path(robot_firmware.__file__).resolve().parent
    assert any(simulator.is_relative_to(p) for p in shown), shown
    answer_keys = (ROOT / "curriculum" / "content" / "lessons").resolve()
    assert not any(answer_keys.is_relative_to(p) for p in shown), shown


def test_packages_inside_the_env_add_nothing() -> None:
    import sys

    for path in lesson_package_paths():
        assert not Path(path).is_relative_to(Path(sys.prefix).resolve())
