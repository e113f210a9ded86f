"""The virtual robot: real MicroPython behind a pseudo-terminal, seen as a USB robot.

A :class:`VirtualRobot` owns a pty. Its other end (``robot.port``, e.g. ``/dev/pts/7``) is a
serial port like a robot's: the flasher and stock ``mpremote connect /dev/pts/7`` talk to it
unchanged. Behind the pty runs ``worker.mjs`` under Node.js: MicroPython's WebAssembly port,
with a motor/LED/buzzer driver that records what it is asked to do (``robot.events``), a flash
memory written through to a host folder (so a program flashed survives a reset), and sensors
that a test sets (``robot.set_sensors(mur=50)``).

The bridge also does what the WebAssembly REPL cannot: it answers the raw-paste handshake
that mpremote uses to send code (the WebAssembly REPL hangs on it), then hands the code to the
plain raw REPL. ``unplug()`` drops the pty and cuts the power; ``plug()`` powers on again.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import threading
import time
import tty
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from robot_firmware import BOARD, sensors
from robot_firmware.errors import VirtualRobotUnavailable

if TYPE_CHECKING:
    from robot_firmware.sim.world import World

WORKER = Path(__file__).with_name("worker.mjs")
NPM_PACKAGE = "@micropython/micropython-webassembly-pyscript"
#: Bytes the bridge accepts per raw-paste window (boards use 128 to 512).
PASTE_WINDOW = 256
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n"
#: What a robot keeps of its records (events, serial output) before forgetting the oldest.
MAX_EVENTS = 200_000
MAX_OUTPUT = 4 * 1024 * 1024
#: The micro:bit's USB serial: its interface chip (DAPLink) carries the board's UART at
#: 115200 baud, so no program reaches a classroom's robot faster than this.
DEFAULT_BAUD = 115200
#: Bits on the wire per byte at 8N1: a start bit, 8 data bits, a stop bit.
BITS_PER_BYTE = 10
#: The robot's radius without a world (a world's default ``rayon``), for where its sensors are.
DEFAULT_RADIUS = 6.0
#: Bytes delivered at once on a paced line: a Ctrl-C still arrives within a millisecond.
WIRE_PIECE = 16

Event = dict[str, Any]


class Wire:
    """One direction of a serial line at ``baud``: bytes arrive when they would have.

    ``send(data, deliver)`` calls ``deliver`` piece by piece, each when its last bit would
    have crossed the line (``baud`` 0: at once, as the bare pseudo-terminal does). The time
    is counted from the end of the previous bytes, as a UART sends them back to back.
    """

    def __init__(self, baud: int) -> None:
        self.seconds_per_byte = BITS_PER_BYTE / baud if baud else 0.0
        self._free_at = 0.0
        self._lock = threading.Lock()

    def send(self, data: bytes, deliver: Callable[[bytes], object]) -> None:
        if not self.seconds_per_byte:
            deliver(data)
            return
        with self._lock:
            for start in range(0, len(data), WIRE_PIECE):
                piece = data[start : start + WIRE_PIECE]
                begin = max(time.monotonic(), self._free_at)
                self._free_at = begin + len(piece) * self.seconds_per_byte
                delay = self._free_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                deliver(piece)


def find_micropython_module(start: Iterable[Path] = ()) -> Path:
    """Where ``micropython.mjs`` of the npm package is (``npm install`` put it there)."""
    explicit = os.environ.get("ROBOCOLE_MICROPYTHON_WASM")
    if explicit:
        return Path(explicit)
    roots = [*start, Path.cwd(), Path(__file__).resolve().parent]
    for root in roots:
        for folder in (root, *root.parents):
            candidate = folder / "node_modules" / NPM_PACKAGE / "micropython.mjs"
            if candidate.exists():
                return candidate
    raise VirtualRobotUnavailable()


def find_node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise VirtualRobotUnavailable()
    return node


class VirtualRobot:
    """A robot that runs real MicroPython on this PC and answers on a pseudo-terminal.

    ``flash`` is the host folder that holds the robot's files. ``time_scale`` is how much
    real time a second of ``attendre(1)`` takes (0 for tests: instant, with a virtual clock).
    ``state`` sets the sensors at power-on (``{"bouton": True}`` holds the button).
    ``baud`` is the speed of the serial line, both ways (0: as fast as the pty goes).
    ``family`` is the robot it plays (a key of ``board/rb_cartes.py``: ``maqueen`` has the
    micro:bit's ``microbit`` module and two line sensors, ``kitronik`` the Pico's ``machine``
    and three), with that family's calibration. ``world`` (a simulator's world) puts the
    robot at the world's start: its motors move it there and its sensors read that world.
    """

    def __init__(
        self,
        flash: Path | str,
        *,
        time_scale: float = 1.0,
        watchdog_ms: int = 3000,
        interrupt_grace_ms: int = 1000,
        heapsize: int = 192 * 1024,
        cm_per_s: float | None = None,
        wheelbase_cm: float | None = None,
        state: dict[str, Any] | None = None,
        on_event: Callable[[Event], None] | None = None,
        baud: int = DEFAULT_BAUD,
        family: str = "virtuel",
        world: World | None = None,
    ) -> None:
        from robot_firmware.flasher import families

        known = families()
        if family not in known:
            from robot_firmware.errors import UnknownFamily

            raise UnknownFamily(family, sorted(known))
        self.family = family
        self.family_data = known[family]
        self.world = world
        self.flash = Path(flash)
        self.flash.mkdir(parents=True, exist_ok=True)
        self.time_scale = time_scale
        self.watchdog_ms = watchdog_ms
        self.interrupt_grace_ms = interrupt_grace_ms
        self.heapsize = heapsize
        self.cm_per_s = float(self.family_data["cm_per_s"] if cm_per_s is None else cm_per_s)
        self.wheelbase_cm = float(
            self.family_data["wheelbase_cm"] if wheelbase_cm is None else wheelbase_cm
        )
        self.state: dict[str, Any] = dict(state or {})
        self.on_event = on_event
        self.baud = baud
        self.node = find_node()
        self.micropython = find_micropython_module()
        self.port = ""
        self.plugged = False
        self._lock = threading.Condition()
        # Plugging, unplugging and resetting one at a time: an unplug planned by a test fires
        # from the bridge's own thread while the test may pull the cable too.
        self._power = threading.RLock()
        self._events: list[Event] = []
        self._output = bytearray()
        self._session: _Session | None = None
        self._received = 0
        self._unplug_at: int | None = None
        self._corrupt_at: dict[int, int] = {}

    # -- power and cable ---------------------------------------------------------------------

    def __enter__(self) -> VirtualRobot:
        return self.plug()

    def __exit__(self, *exc: object) -> None:
        self.unplug()

    def plug(self, *, run_main: bool = True) -> VirtualRobot:
        """Connect the cable and power on: boot.py, then main.py (the pupil program)."""
        with self._power:
            if self.plugged:
                return self
            self._session = _Session(self, run_main)
            self.port = self._session.port
            self.plugged = True
            return self

    def unplug(self) -> None:
        """Pull the cable: the serial port disappears and the power is cut at once."""
        with self._power:
            session, self._session = self._session, None
            self.plugged = False
            if session is not None:
                session.close()

    def reset(self, *, run_main: bool = True) -> None:
        """Press the reset button: power-cycle, keeping the same serial port."""
        with self._power:
            if self._session is None:
                self.plug(run_main=run_main)
                return
            self._session.restart(run_main)

    def unplug_after(self, count: int) -> None:
        """Pull the cable once ``count`` more bytes have come from the PC."""
        with self._lock:
            self._unplug_at = self._received + count

    def corrupt_byte(self, offset: int) -> None:
        """Damage a byte from the PC, as a bad line would: the case of the first letter
        from the ``offset``-th next byte on is swapped (control bytes are left alone)."""
        with self._lock:
            self._corrupt_at[self._received + offset] = 0x20

    def cancel_faults(self) -> None:
        """Forget the planned unplug and damaged bytes that have not happened yet."""
        with self._lock:
            self._unplug_at = None
            self._corrupt_at.clear()

    # -- sensors and records -----------------------------------------------------------------

    def set_sensors(self, **state: Any) -> None:
        """Set sensor values: ``distance`` (cm), ``mur`` (a wall across the track at this x,
        from the start; distance() measures from the robot's front), ``ligne``, ``bouton``."""
        self.state.update(state)
        if self._session is not None:
            self._session.send_control(state)

    @property
    def events(self) -> list[Event]:
        with self._lock:
            return list(self._events)

    def motor_events(self) -> list[Event]:
        return [e for e in self.events if e["e"] == "moteurs"]

    def clear(self) -> None:
        with self._lock:
            self._events.clear()
            self._output.clear()

    @property
    def output(self) -> bytes:
        """Everything the robot sent on the serial line since it was last cleared."""
        with self._lock:
            return bytes(self._output)

    def wait_for_output(self, text: bytes | str, timeout: float = 10.0) -> bytes:
        needle = text.encode() if isinstance(text, str) else text
        with self._lock:
            if not self._lock.wait_for(lambda: needle in self._output, timeout):
                raise TimeoutError(f"the robot did not print {needle!r}: {bytes(self._output)!r}")
            return bytes(self._output)

    def wait_for_event(self, predicate: Callable[[Event], bool], timeout: float = 10.0) -> Event:
        found: list[Event] = []

        def seen() -> bool:
            found[:] = [e for e in self._events if predicate(e)]
            return bool(found)

        with self._lock:
            if not self._lock.wait_for(seen, timeout):
                raise TimeoutError(f"no such event; events: {self._events!r}")
        return found[0]

    def wait_until_idle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until the robot has printed nothing and done nothing for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                mark = (len(self._output), len(self._events))
            time.sleep(quiet)
            with self._lock:
                if mark == (len(self._output), len(self._events)):
                    return
        raise TimeoutError("the robot kept running")

    # -- used by the session -----------------------------------------------------------------

    def _board_modules(self) -> dict[str, str]:
        """The family's built-in modules (``board/virtuel/<family>/``), by file name."""
        folder = BOARD / "virtuel" / self.family
        if not folder.is_dir():
            return {}
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.py"))}

    def _world_config(self) -> dict[str, Any] | None:
        if self.world is None:
            return None
        world = self.world
        return {
            "segments": world.segments(),
            "line": world.line,
            "lineWidth": world.line_width,
            "start": list(world.start),
            "sonarRange": world.sonar_range,
        }

    def _worker_config(self, run_main: bool, events_fd: int, control_fd: int) -> str:
        from robot_firmware.sim.hardware import COST_US

        radius = self.world.radius if self.world is not None else DEFAULT_RADIUS
        count = sensors.line_sensor_count(self.family_data)
        return json.dumps(
            {
                "family": self.family,
                "boardModules": self._board_modules(),
                "world": self._world_config(),
                "radius": radius,
                "sonarAhead": sensors.sonar_ahead(radius),
                "lineSensors": sensors.line_sensor_positions(radius, count),
                "costsUs": COST_US,
                "flash": str(self.flash.resolve()),
                "mpModule": str(self.micropython),
                "eventsFd": events_fd,
                "controlFd": control_fd,
                "runMain": run_main,
                "timeScale": self.time_scale,
                "watchdogMs": self.watchdog_ms,
                "interruptGraceMs": self.interrupt_grace_ms,
                "heapsize": self.heapsize,
                "cmPerS": self.cm_per_s,
                "wheelbaseCm": self.wheelbase_cm,
                "state": self.state,
            }
        )

    def _record_event(self, event: Event) -> None:
        with self._lock:
            self._events.append(event)
            if len(self._events) > MAX_EVENTS:  # a demo may run for hours: keep the latest
                del self._events[: MAX_EVENTS // 2]
            self._lock.notify_all()
        if self.on_event is not None:
            self.on_event(event)

    def _record_output(self, data: bytes) -> None:
        with self._lock:
            self._output.extend(data)
            if len(self._output) > MAX_OUTPUT:
                del self._output[: MAX_OUTPUT // 2]
            self._lock.notify_all()

    def _from_host(self, data: bytes) -> tuple[bytes, bool]:
        """Apply planned faults to bytes from the PC; True when the cable is pulled now."""
        with self._lock:
            start = self._received
            cut = False
            if self._unplug_at is not None and start + len(data) >= self._unplug_at:
                data = data[: max(0, self._unplug_at - start)]
                self._unplug_at = None
                cut = True
            if self._corrupt_at:
                damaged = bytearray(data)
                for offset, xor in sorted(self._corrupt_at.items()):
                    if not start <= offset < start + len(data):
                        continue
                    del self._corrupt_at[offset]
                    at = offset - start
                    while at < len(damaged) and not chr(damaged[at]).isalpha():
                        at += 1
                    if at < len(damaged) and damaged[at] < 128:
                        damaged[at] ^= xor
                    elif at >= len(damaged):
                        self._corrupt_at[start + len(data)] = xor
                data = bytes(damaged)
            self._received = start + len(data)
        return data, cut


class _Session:
    """One plug-in of the cable: a pty and a powered board (a Node.js process)."""

    def __init__(self, robot: VirtualRobot, run_main: bool) -> None:
        self.robot = robot
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        os.set_blocking(self.master, False)
        self.port = os.ttyname(self.slave)
        self.closed = threading.Event()
        self.raw_repl = False
        self.recent = b""
        self.drop_ok = b""
        self.paste: bytearray | None = None
        self.pending_escape = b""
        self.to_robot = Wire(robot.baud)
        self.to_pc = Wire(robot.baud)
        self.board: _Board = _Board(robot, run_main, self)
        self.reader = threading.Thread(target=self._read_host, daemon=True, name="robot-host")
        self.reader.start()

    def restart(self, run_main: bool) -> None:
        old = self.board
        old.kill()
        self.raw_repl = False
        self.paste = None
        self.pending_escape = b""
        self.drop_ok = b""
        self.board = _Board(self.robot, run_main, self)

    def send_control(self, state: dict[str, Any]) -> None:
        self.board.send_control(state)

    def close(self) -> None:
        if self.closed.is_set():
            return
        self.closed.set()
        self.board.kill()
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)
        if threading.current_thread() is not self.reader:
            self.reader.join(timeout=2)

    # PC -> robot
    def _read_host(self) -> None:
        while not self.closed.is_set():
            try:
                ready, _, _ = select.select([self.master], [], [], 0.05)
                if not ready:
                    continue
                data = os.read(self.master, 65536)
            except (OSError, ValueError):
                if self.closed.is_set():
                    return
                time.sleep(0.01)
                continue
            if not data:
                continue
            data, cut = self.robot._from_host(data)
            self.to_robot.send(data, self._handle)
            if cut:
                threading.Thread(target=self.robot.unplug, daemon=True).start()
                return

    def _handle(self, data: bytes) -> None:
        forward = bytearray()
        for byte in data:
            if self.paste is not None:
                if byte == 0x04:
                    # End of the code: acknowledge as a board does, then run it in raw REPL.
                    self._to_host(b"\x04")
                    self.drop_ok = b"OK"
                    forward += self.paste + b"\x04"
                    self.paste = None
                else:
                    self.paste.append(byte)
                    if len(self.paste) % PASTE_WINDOW == 0:
                        self._to_host(b"\x01")
                continue
            if self.pending_escape or (byte == 0x05 and self.raw_repl):
                self.pending_escape += bytes([byte])
                if self.pending_escape == b"\x05A\x01":
                    self.pending_escape = b""
                    self.paste = bytearray()
                    self._to_host(b"R\x01" + struct.pack("<H", PASTE_WINDOW))
                elif not b"\x05A\x01".startswith(self.pending_escape):
                    forward += self.pending_escape
                    self.pending_escape = b""
                continue
            forward.append(byte)
        if forward:
            self.board.write(bytes(forward))

    # robot -> PC
    def from_board(self, data: bytes) -> None:
        if self.drop_ok:
            keep = bytearray()
            for byte in data:
                if self.drop_ok and byte == self.drop_ok[0]:
                    self.drop_ok = self.drop_ok[1:]
                else:
                    self.drop_ok = b""
                    keep.append(byte)
            data = bytes(keep)
        if not data:
            return
        self.recent = (self.recent + data)[-64:]
        if RAW_BANNER in self.recent:
            self.raw_repl = True
            self.recent = self.recent[self.recent.rindex(RAW_BANNER) + len(RAW_BANNER) :]
        elif b">>> " in self.recent or b"MicroPython v" in self.recent:
            self.raw_repl = False
            self.recent = b""
        self.robot._record_output(data)
        self._to_host(data)

    def _to_host(self, data: bytes) -> None:
        self.to_pc.send(data, self._write_host)

    def _write_host(self, data: bytes) -> None:
        # Like a USB port with nobody listening, a full line drops bytes instead of blocking.
        deadline = time.monotonic() + 0.5
        while data and not self.closed.is_set():
            try:
                written = os.write(self.master, data)
                data = data[written:]
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return
                time.sleep(0.001)
            except OSError:
                return


class _Board:
    """The powered robot: the Node.js process and the threads that carry its output."""

    def __init__(self, robot: VirtualRobot, run_main: bool, session: _Session) -> None:
        self.robot = robot
        self.session = session
        events_read, events_write = os.pipe()
        control_read, control_write = os.pipe()
        config = robot._worker_config(run_main, events_write, control_read)
        self.process = subprocess.Popen(
            [robot.node, str(WORKER), config],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            pass_fds=(events_write, control_read),
            start_new_session=True,
        )
        os.close(events_write)
        os.close(control_read)
        self.control = os.fdopen(control_write, "w", buffering=1)
        self.alive = True
        self.threads = [
            threading.Thread(target=self._pump_output, daemon=True, name="robot-out"),
            threading.Thread(
                target=self._pump_events, args=(events_read,), daemon=True, name="robot-events"
            ),
        ]
        for thread in self.threads:
            thread.start()

    def write(self, data: bytes) -> None:
        stdin = self.process.stdin
        if not self.alive or stdin is None:
            return
        try:
            stdin.write(data)
            stdin.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass

    def send_control(self, state: dict[str, Any]) -> None:
        with contextlib.suppress(BrokenPipeError, ValueError, OSError):
            self.control.write(json.dumps(state) + "\n")

    def kill(self) -> None:
        if not self.alive:
            return
        self.alive = False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        for stream in (self.process.stdin, self.control):
            with contextlib.suppress(OSError, ValueError):
                stream.close()  # type: ignore[union-attr]
        for thread in self.threads:
            if thread is not threading.current_thread():
                thread.join(timeout=2)
        with contextlib.suppress(OSError, ValueError):
            self.process.stdout.close()  # type: ignore[union-attr]

    def _pump_output(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        fd = stdout.fileno()
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            if self.alive:
                self.session.from_board(data)

    def _pump_events(self, fd: int) -> None:
        with os.fdopen(fd, "rb") as stream:
            for line in stream:
                if line.strip() and self.alive:
                    self.robot._record_event(json.loads(line))
