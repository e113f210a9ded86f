"""The robot's own robot.py runs on the simulated HAL, on simulated time, deterministically."""

from __future__ import annotations

import math
import subprocess
import sys
import time

import pytest

from grader.sandbox import SandboxPolicy
from robot_firmware.sim.runner import DEFAULT_WALL_LIMIT, simulate
from robot_firmware.sim.world import WorldError, from_dict, load_world, world_ids

OPEN = {
    "id": "table",
    "taille": [300, 300],
    "robot": {"x": 150, "y": 150, "cap": 0},
}


def test_every_shipped_world_loads() -> None:
    assert set(world_ids()) >= {"carre", "labyrinthe", "ligne", "mur", "garage"}
    for world_id in world_ids():
        assert load_world(world_id).id == world_id


def test_moves_follow_the_calibration_of_the_family() -> None:
    # The virtual family: 20 cm/s at 100 %, wheels 10 cm apart; robot.py's default speed 50 %.
    run = simulate("from robot import *\navancer(20)\ntourner(90)\n", from_dict(OPEN))
    x, y, heading = run.final_pose
    assert run.outcome == "done"
    assert x == pytest.approx(170, abs=0.1)
    assert y == pytest.approx(150, abs=0.1)
    assert math.degrees(heading) == pytest.approx(90, abs=0.5)  # positive turns right (y down)
    # avancer(20) at 10 cm/s takes 2 s, tourner(90) about 0.79 s: simulated, not waited.
    assert run.duration_ms == pytest.approx(2000 + 785, abs=15)
    # The last (0, 0) is the guard around the program, as on the robot.
    assert run.motor_commands() == [(50, 50), (0, 0), (50, -50), (0, 0), (0, 0)]


def test_the_same_program_gives_the_same_run() -> None:
    program = (
        "from robot import *\nimport random\n"
        "for i in range(6):\n    avancer(random.randint(5, 30))\n"
        "    tourner(random.choice([-90, 90]))\n"
    )
    first = simulate(program, from_dict(OPEN), seed=3)
    second = simulate(program, from_dict(OPEN), seed=3)
    assert first.motor_commands() == second.motor_commands()
    assert first.final_pose == second.final_pose
    assert first.record.events == second.record.events


def test_distance_sensor_sees_the_wall_ahead() -> None:
    world = dict(OPEN, obstacles=[{"rect": [250, 0, 10, 300]}])
    run = simulate(
        "from robot import *\nprint(distance())\ntourner(180)\nprint(distance())", from_dict(world)
    )
    # The sensor is at the front of the robot (radius 6): 250 - 156 = 94; behind, 144 - 0.
    assert run.output.split() == ["94.0", "144.0"]


def test_a_polling_loop_stops_before_the_wall() -> None:
    program = "from robot import *\nmoteurs(50, 50)\nwhile distance() > 10:\n    pass\narreter()\n"
    run = simulate(program, "mur")
    assert run.outcome == "done"
    assert run.final_pose[0] == pytest.approx(180 - 6 - 10, abs=0.5)


def test_touching_a_wall_ends_the_run_where_it_touched() -> None:
    run = simulate("from robot import *\ntourner(-90)\navancer(500)\n", "carre")
    assert run.outcome == "collision"
    assert run.collision is not None
    assert run.collision.y == pytest.approx(6, abs=0.01)  # the top edge, minus the radius
    assert run.collision.turns == 1


def test_line_sensors_see_the_line_under_the_robot() -> None:
    run = simulate("from robot import *\nprint(ligne())\ntourner(90)\nprint(ligne())", "ligne")
    assert run.output.splitlines() == ["(False, True, False)", "(False, False, False)"]


def test_time_passes_only_in_the_simulation() -> None:
    run = simulate("from robot import *\nwhile True:\n    attendre(1)\n", "carre")
    assert run.outcome == "time"
    assert run.duration_ms == pytest.approx(60_000)


def test_a_loop_that_never_calls_the_robot_is_stopped() -> None:
    run = simulate("from robot import *\nwhile True:\n    pass\n", "carre", wall_limit=0.5)
    assert run.outcome == "stuck"


def test_a_loop_is_stopped_a_limit_after_the_last_call_to_the_robot() -> None:
    # The robot is called at first, then never again. Looking only once per limit, the guard
    # saw the clock move at its first look and stopped the loop at its second: twice the
    # limit. The bound leaves room for a busy machine.
    program = "from robot import *\navancer(1)\nwhile True:\n    pass\n"
    start = time.monotonic()
    run = simulate(program, "carre", wall_limit=2.0)
    assert run.outcome == "stuck"
    assert time.monotonic() - start < 3.5


# In its own process: under a debugger or a profiler, clearing the guard's exception with
# PyThreadState_SetAsyncExc(id, NULL) made the thread's next join() hang for ever.
UNDER_A_TRACER = """
import sys
from robot_firmware.sim.runner import simulate
sys.{hook}(lambda *args: None)
print(simulate("from robot import *\\nwhile True:\\n    ligne()\\n", "carre").outcome)
print(simulate("while True:\\n    pass\\n", "carre", wall_limit=0.3).outcome)
"""


@pytest.mark.parametrize("hook", ["settrace", "setprofile"])
def test_a_run_ends_under_a_debugger_or_a_profiler(hook: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", UNDER_A_TRACER.format(hook=hook)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["time", "stuck"]


def test_the_motor_watchdog_of_robot_py_stops_a_forgotten_robot() -> None:
    # time.sleep does not go through robot.py: after 3 s without a call, robot.py's
    # watchdog (a timer of the HAL) stops the motors, as on the robot.
    program = "from robot import *\nimport time\nmoteurs(50, 50)\ntime.sleep(6)\n"
    run = simulate(program, from_dict(OPEN))
    assert run.final_pose[0] == pytest.approx(150 + 10 * 3.0, abs=2.5)
    assert run.motor_commands()[:2] == [(50, 50), (0, 0)]


def test_pupil_errors_give_their_line() -> None:
    run = simulate("from robot import *\navancer(10)\nx = 1 / 0\n", "carre")
    assert run.outcome == "error"
    assert isinstance(run.error, ZeroDivisionError)
    assert run.error_line == 3
    assert run.motor_commands()[-1] == (0, 0)


def test_a_world_starting_inside_a_wall_is_refused() -> None:
    with pytest.raises(WorldError, match="commence dans un mur"):
        from_dict(dict(OPEN, robot={"x": 3, "y": 150}))


def test_a_maqueen_world_uses_the_maqueen_calibration_and_two_line_sensors() -> None:
    world = dict(
        OPEN,
        robot={"x": 150, "y": 150, "cap": 0, "famille": "maqueen"},
        ligne={"points": [[100, 150], [250, 150]]},
    )
    run = simulate("from robot import *\nprint(ligne())\navancer(25)\n", from_dict(world))
    assert run.output.strip() == "(True, True)"  # two sensors, both over the tape
    # 25 cm/s at 100 %, robot.py's 50 %: 25 cm take 2 s.
    assert run.duration_ms == pytest.approx(2000, abs=10)
    assert run.final_pose[0] == pytest.approx(175, abs=0.1)


def test_a_graded_loop_is_stopped_by_the_simulator_before_the_grader_s_timeout() -> None:
    # A robot exercise's cell runs the pupil's program in the simulator inside the grader:
    # the simulator must give its sentence about the loop before the grader stops the cell
    # and only says "too long" (with room for a loaded grader).
    assert SandboxPolicy().cell_timeout >= DEFAULT_WALL_LIMIT * 1.4
