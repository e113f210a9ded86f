"""Fixtures for the robot tests: a virtual robot running real MicroPython (WebAssembly)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from robot_firmware.flasher import library_files
from robot_firmware.virtual import VirtualRobot


def install(flash: Path, program: str | None = None, family: str = "virtuel") -> None:
    """Put the robot library (and a pupil program) straight into a robot's flash folder."""
    flash.mkdir(parents=True, exist_ok=True)
    for name, data in library_files(family).items():
        (flash / name).write_bytes(data)
    if program is not None:
        (flash / "programme.py").write_text(program, encoding="utf-8")


@pytest.fixture
def flash(tmp_path: Path) -> Path:
    folder = tmp_path / "flash"
    folder.mkdir()
    return folder


@pytest.fixture
def make_robot(flash: Path) -> Iterator[Callable[..., VirtualRobot]]:
    """Build virtual robots on the ``flash`` folder; all are unplugged at the end."""
    robots: list[VirtualRobot] = []

    def make(**options: object) -> VirtualRobot:
        options.setdefault("time_scale", 0.0)
        robot = VirtualRobot(flash, **options)  # type: ignore[arg-type]
        robots.append(robot)
        return robot

    yield make
    for robot in robots:
        robot.unplug()
