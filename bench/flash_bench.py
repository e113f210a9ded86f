"""Benchmark: sending programs to the virtual robot, ours against mpremote, in one run.

Measured on one virtual robot (real MicroPython under Node.js behind a pty) whose serial
line runs at ``--baud`` (default 115200, the micro:bit's USB serial; 0: no limit):

* the anchor: 4 KB through the wire, as the raw REPL carries them (an ``exec`` of a 4 KB
  comment: the bytes there and the answer back, nothing run): the physical limit of a
  4 KB upload. The wire's own time for 4096 bytes (10 bits each) is printed beside it;
* mpremote itself: ``fs_writefile`` + ``fs_hashfile`` (what ``mpremote cp`` does, in this
  process) for 4 KB and 40 KB, and the ``mpremote cp`` + ``mpremote run`` command lines;
* ours: ``Robot.upload_program`` (atomic, sha256 checked on the robot) for 4 KB and 40 KB,
  upload + run of a 4 KB program, and ``sync_library`` when nothing changed;
* the ``exec`` round trip (``pass``), the unit cost of one command.

    .venv/bin/python bench/flash_bench.py [--repeat 7] [--baud 115200]

Goals: a 4 KB upload with verification within 1.3 x the anchor, an unchanged library synced
in ≤ 0.2 s. Prints medians in ms and the ratio to the anchor; no assertion.
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
from robot_firmware.virtual.bridge import BITS_PER_BYTE, DEFAULT_BAUD  # noqa: E402


def program(size: int) -> bytes:
    """A program of exactly ``size`` bytes (comments after two lines of code)."""
    lines = ["from robot import *", "print('pret')"]
    while sum(len(line) + 1 for line in lines) < size:
        lines.append(f"# ligne {len(lines):05d} : avancer(10), tourner(90), bip('la')")
    text = ("\n".join(lines) + "\n").encode()
    return text[: size - 1] + b"\n"


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
    parser.add_argument("--baud", type=int, default=DEFAULT_BAUD)
    args = parser.parse_args()
    repeat = args.repeat
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        virtual = VirtualRobot(work / "flash", time_scale=0, baud=args.baud).plug()
        try:
            small, large = program(4096), program(40960)
            (work / "small.py").write_bytes(small)
            with Robot.open(virtual.port) as robot:
                robot.sync_library()
                transport = robot.transport
                comment = "#" + "x" * 4095
                anchor = median_ms(lambda: transport.exec(comment), repeat)
                rows.append(("anchor: 4 KB through the wire", anchor))
                rows.append(
                    ("exec round trip", median_ms(lambda: transport.exec("pass"), max(repeat, 30)))
                )

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
    wire = 4096 * BITS_PER_BYTE / args.baud * 1000 if args.baud else 0.0
    print(f"serial line: {args.baud or 'no limit'} baud; 4096 bytes on the wire: {wire:.1f} ms")
    print(f"{'measure':<40} {'median ms':>10} {'x anchor':>9}")
    for name, ms in rows:
        print(f"{name:<40} {ms:>10.1f} {ms / anchor:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
