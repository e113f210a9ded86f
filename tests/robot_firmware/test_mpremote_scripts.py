"""mpremote's own test scripts, run with stock mpremote against the virtual robot.

The scripts and their expected outputs are MicroPython's (``mpremote_tests/``, MIT licence,
copied at the commit of the pinned mpremote 1.29.0); this runs them as MicroPython's
``run-mpremote-tests.sh`` does (carriage returns dropped, the temporary folder named
``${TMP}``) and compares with the ``.exp`` file. What the virtual robot cannot do is listed
here, line by line, and in docs/robots.md: a difference that goes away fails the test too.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from robot_firmware.virtual import VirtualRobot

MakeRobot = Callable[..., VirtualRobot]
SCRIPTS = Path(__file__).with_name("mpremote_tests")
#: Lines of a script's .exp that the virtual robot does not give, and why.
NOT_ON_THE_VIRTUAL_ROBOT = {
    "test_filesystem.sh": [
        # `mpremote mount` needs the running code to read the serial line (sys.stdin), which
        # the WebAssembly port does not connect: the mount never answers (cut at 15 s here).
        "mpremote: rm -r not permitted on /remote directory",
    ],
}
#: One mpremote command never takes this long on a robot that answers.
COMMAND_LIMIT = 15


def run_script(port: str, script: str, tmp_path: Path) -> str:
    work = tmp_path / "work"
    work.mkdir()
    mpremote = f"timeout {COMMAND_LIMIT} {sys.executable} -m mpremote connect {port}"
    done = subprocess.run(
        ["bash", str(SCRIPTS / script)],
        # Unbuffered: what mpremote printed before the time limit stopped it is kept.
        env={
            "PATH": "/usr/bin:/bin",
            "MPREMOTE": mpremote,
            "TMP": str(work),
            "PYTHONUNBUFFERED": "1",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream, in order, as run-mpremote-tests.sh reads it
        timeout=300,
        check=False,
    )
    output = done.stdout.decode().replace("\r", "")
    assert done.returncode == 0, output
    return output.replace(str(work), "${TMP}")


@pytest.mark.slow
@pytest.mark.parametrize("script", ["test_eval_exec_run.sh", "test_errno.sh", "test_filesystem.sh"])
def test_mpremotes_own_script_passes_on_the_virtual_robot(
    make_robot: MakeRobot, tmp_path: Path, script: str
) -> None:
    virtual = make_robot(time_scale=1.0).plug()
    output = run_script(virtual.port, script, tmp_path)
    expected = (SCRIPTS / f"{script}.exp").read_text().splitlines()
    for line in NOT_ON_THE_VIRTUAL_ROBOT.get(script, []):
        expected.remove(line)
    assert output.splitlines() == expected
