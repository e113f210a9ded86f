"""The one definition of "the same run", for the tests that run a program two ways."""

from __future__ import annotations

from robot_firmware.sim.runner import SimRun


def assert_same_run(one: SimRun, other: SimRun) -> None:
    """Everything a pupil, a teacher or the grader can see of a run is equal, bit for bit."""
    assert one.outcome == other.outcome
    assert repr(one.error) == repr(other.error)
    assert one.error_line == other.error_line
    assert one.duration_ms == other.duration_ms
    assert one.final_pose == other.final_pose
    assert one.record.events == other.record.events
    assert one.record.keyframes == other.record.keyframes
    assert one.turns == other.turns
    assert one.travelled == other.travelled
