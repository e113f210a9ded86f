"""Same program, same world: the same trajectory, verdict and animation, bit for bit, in this
process and in another one (whatever its hash seed)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from robot_firmware.sim.challenges import evaluate
from robot_firmware.sim.render import animation

from .programs import WALL

ROOT = Path(__file__).resolve().parents[2]
FOLLOWER = """from robot import *
import random
while True:
    gauche, centre, droite = ligne()
    if gauche:
        moteurs(5, 40)
    elif droite:
        moteurs(40, 5)
    else:
        moteurs(40, random.choice([38, 40]))
"""
CASES = [(FOLLOWER, "ligne"), (WALL, "mur")]


def fingerprint(program: str, world: str) -> str:
    """Everything a pupil and a grader see of a run, hashed."""
    verdict = evaluate(program, world)
    digest = hashlib.sha256(verdict.message.encode())
    for run in verdict.runs:
        digest.update(repr((run.outcome, run.duration_ms, run.final_pose)).encode())
        digest.update(repr(run.record.events).encode())
        digest.update(repr(run.record.keyframes).encode())
    digest.update(animation(verdict.runs[-1], verdict).html.encode())
    return digest.hexdigest()


def test_a_run_is_the_same_every_time_and_in_every_process() -> None:
    here = [fingerprint(program, world) for program, world in CASES]
    assert here == [fingerprint(program, world) for program, world in CASES]
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from robocole.i18n import set_language; set_language('fr')\n"
        "from tests.robot_sim.test_determinism import CASES, fingerprint\n"
        "print(' '.join(fingerprint(p, w) for p, w in CASES))\n"
    )
    other = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert other.stdout.split() == here
