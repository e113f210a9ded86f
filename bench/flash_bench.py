"""Benchmark: sending programs to the virtual robot, ours against mpremote, in one run.

Measured on one virtual robot (real MicroPython under Node.js behind a pty):

* the anchor: one ``exec`` round trip of mpremote's ``SerialTransport`` (``pass``);
* mpremote itself: ``fs_writefile`` + ``fs_hashfile`` (what ``mpremote cp`` does, in this
  process) for 4 KB and 40 KB, and the ``mpremote cp`` + ``mpremote run`` command lines;
* ours: ``Robot.upload_program`` (atomic, sha256 checked on the robot) for 4 KB and 40 KB,
  upload + run of a 4 KB program, and ``sync_library`` when nothing changed.

    .venv/bin/python bench/flash_bench.py [--repeat 7]

Goals: ≤ 0.3 s per 4 KB upload with verification, ≤ 0.2 s for an unchanged library.
Prints medians in ms and the ratio to the anchor; no assertion.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from robot_firmware.flasher import Robot  # noqa: E402
from robot_firmware.virtual import VirtualRobot  # noqa: E402


def program(size: int) -> bytes:
    lines = ["from robot import *", "print('pret')"]
    while sum(len(line) + 1 for line in lines) < size:
        lines.append(f"# ligne {len(lines):05d} : avancer(10), tourner(90), bip('la')")
    return ("\n".join(lines) + "\n").encode()


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    repeat = args.repeat
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        virtual = VirtualRobot(work / "flash", time_scale=0).plug()
        try:
            small, large = program(4096), program(40960)
            (work / "small.py").write_bytes(small)
            with Robot.open(virtual.port) as robot:
                robot.sync_library()
                transport = robot.transport
                anchor = median_ms(lambda: transport.exec("pass"), max(repeat, 30))
                rows.append(("anchor: mpremote exec round trip", anchor))

                def mpremote_copy(data: bytes) -> None:
                    transport.fs_writefile("copie.py", data)
                    transport.fs_hashfile("copie.py", "sha256")

                rows.append(
                    (
                        "mpremote fs_writefile+hash 4 KB",
                        median_ms(lambda: mpremote_copy(small), repeat),
                    )
                )
                rows.append(
                    (
                        "mpremote fs_writefile+hash 40 KB",
                        median_ms(lambda: mpremote_copy(large), repeat),
                    )
                )
                rows.append(
                    (
                        "ours: upload+verify 4 KB",
                        median_ms(lambda: robot.upload_program(small), repeat),
                    )
                )
                rows.append(
                    (
                        "ours: upload+verify 40 KB",
                        median_ms(lambda: robot.upload_program(large), repeat),
                    )
                )
                rows.append(
                    ("ours: library sync, nothing changed", median_ms(robot.sync_library, repeat))
                )

                def upload_and_run() -> None:
                    robot.upload_program(small)
                    robot.run_program()

                rows.append(("ours: upload+verify+run 4 KB", median_ms(upload_and_run, repeat)))
            mpremote = [sys.executable, "-m", "mpremote", "connect", virtual.port]

            def cli() -> None:
                subprocess.run(
                    [*mpremote, "fs", "cp", str(work / "small.py"), ":copie.py"],
                    check=True,
                    capture_output=True,
                )
                subprocess.run(
                    [*mpremote, "run", str(work / "small.py")], check=True, capture_output=True
                )

            rows.append(("mpremote CLI: cp + run 4 KB", median_ms(cli, max(3, repeat // 2))))
        finally:
            virtual.unplug()
    print(f"{'measure':<40} {'median ms':>10} {'x anchor':>9}")
    for name, ms in rows:
        print(f"{name:<40} {ms:>10.1f} {ms / anchor:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
