"""The compiled copy of the line sensors is built, used, and gives the source's runs bit for bit.

``setup.py`` compiles ``robot_firmware/sim/line_sensors.py`` with Cython; the simulator uses
that copy only when it is fresh (``robot_firmware/sim/compiled.py``). Two implementations of
the same physics must never tell a pupil, or the grader, two different stories.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import random
from pathlib import Path
from types import ModuleType

import pytest

from robot_firmware.sim import compiled, hardware, line_sensors
from robot_firmware.sim.geometry import Motion
from robot_firmware.sim.runner import SimRun, simulate
from robot_firmware.sim.world import World, load_world

from .programs import FOLLOWER, WALL
from .same_run import assert_same_run
from .test_fast_forward import random_loop
from .test_line_sensors import SENSORS, near_the_line

pytestmark = pytest.mark.skipif(
    os.environ.get("ROBOCOLE_SIM_SOURCE") == "1", reason="the source is asked for"
)


@pytest.fixture(scope="module")
def built() -> ModuleType:
    # The install builds it (scripts/setup.sh brings the compiler): a missing copy is a
    # broken install, not a reason to skip.
    return importlib.import_module(compiled.COMPILED)


def test_the_compiled_copy_is_built_from_this_source_and_used(built: ModuleType) -> None:
    assert built.__file__ is not None and built.__file__.endswith(".so")
    assert compiled.fresh(built, Path(line_sensors.__file__))
    assert compiled.line_sensors_module() is built
    world = load_world("ligne")
    robot = hardware.SimulatedHardware(world, {"cm_per_s": 30, "wheelbase_cm": 10})
    assert type(robot.line_sensors) is built.LineSensors


def test_a_copy_built_from_another_source_is_not_used(built: ModuleType, tmp_path: Path) -> None:
    edited = tmp_path / "line_sensors.py"
    edited.write_bytes(Path(line_sensors.__file__).read_bytes() + b"\n# an edit\n")
    assert not compiled.fresh(built, edited)


def test_the_compiled_sensors_answer_as_the_source_does(built: ModuleType) -> None:
    world = load_world("ligne")
    rng = random.Random(7)
    reads = 0
    for _robot in range(40):
        x, y, heading = near_the_line(rng, world.line)
        pair = [
            module.LineSensors(world.line, world.line_width, SENSORS)
            for module in (line_sensors, built)
        ]
        now = rng.uniform(0, 5e6)
        for _command in range(15):
            v = rng.choice([0.0, rng.uniform(-15, 15)])
            w = rng.choice([0.0, rng.uniform(-4, 4)])
            motion = Motion(x, y, heading, v, w)
            for sensors in pair:
                sensors.set_motion(motion, now)
            assert pair[0].next == pair[1].next
            start = now
            for _step in range(rng.randrange(5, 80)):
                now += rng.choice([rng.uniform(100, 3000), rng.uniform(20_000, 300_000)])
                source, copy = (sensors.read(now) for sensors in pair)
                assert source == copy, (motion, now - start)
                reads += 1
            x, y, heading = motion.at((now - start) / 1e6)
    assert reads > 1000


def run_both(program: str, world: World, monkeypatch: pytest.MonkeyPatch) -> tuple[SimRun, ...]:
    runs = [simulate(program, world)]
    with monkeypatch.context() as patch:
        patch.setattr(hardware, "line_sensors_module", lambda: line_sensors)
        runs.append(simulate(program, world))
    return tuple(runs)


@pytest.mark.parametrize(("program", "world"), [(FOLLOWER, "ligne"), (WALL, "mur")])
def test_a_run_is_the_same_compiled_and_from_the_source(
    program: str, world: str, built: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled_run, source_run = run_both(program, load_world(world), monkeypatch)
    assert_same_run(compiled_run, source_run)
    if world == "ligne":
        assert len(compiled_run.record.keyframes) > 1000  # it did follow the line


def test_random_followers_run_the_same_compiled_and_from_the_source(
    built: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(8)
    world = dataclasses.replace(load_world("ligne"), time_limit=6.0)
    busy = 0
    for _ in range(15):
        compiled_run, source_run = run_both(random_loop(rng), world, monkeypatch)
        assert_same_run(compiled_run, source_run)
        busy += len(compiled_run.record.keyframes) > 100
    assert busy >= 5


def test_the_source_runs_when_asked_for_or_when_nothing_was_built(
    built: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled.line_sensors_module.cache_clear()
    try:
        monkeypatch.setenv("ROBOCOLE_SIM_SOURCE", "1")
        assert compiled.line_sensors_module() is line_sensors
        compiled.line_sensors_module.cache_clear()
        monkeypatch.delenv("ROBOCOLE_SIM_SOURCE")

        def nothing_built(name: str) -> ModuleType:
            raise ImportError(name)  # installed where there was no C compiler

        monkeypatch.setattr(compiled.importlib, "import_module", nothing_built)
        assert compiled.line_sensors_module() is line_sensors
    finally:
        monkeypatch.undo()
        compiled.line_sensors_module.cache_clear()
    assert compiled.line_sensors_module() is built
