"""The robots plugged into the classroom PC, their friendly names, and the sends in progress.

A send is a background job: open the port, install the robot library where it changed,
upload the program atomically, run it and collect its output, until it ends or a child
presses "Stop". One job per robot at a time; the page polls the job for its progress.
"""

from __future__ import annotations

import codecs
import itertools
import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from robocole.i18n import gettext as _
from robot_firmware import errors
from robot_firmware.ports import RobotPort, find_robots

Lister = Callable[[], Iterable[Any]]

#: Seconds a program has to end after "Stop" (Ctrl-C) before the station lets go of the robot:
#: a program may swallow Ctrl-C (``try: ... except: pass`` in its loop), and a virtual robot
#: resets instead of answering when its program never calls the robot.
STOP_GRACE = 3.0
#: Characters of a program's output kept for the page: a print loop without a pause sends
#: about 10 KB a second for as long as it runs.
OUTPUT_KEEP = 64 * 1024


def advice(error: errors.FlashError) -> str:
    """What a child reads when a send fails: short, and what to do now."""
    if isinstance(error, errors.NoRobot):
        return _("Plug the robot's USB cable into the computer, then press the button again.")
    if isinstance(error, errors.RobotDisconnected):
        return _(
            "The robot was unplugged. Plug its USB cable back in and send again: the robot "
            "kept its previous program."
        )
    if isinstance(error, errors.PortBusy):
        return _("Another program is using the robot. Ask your teacher to close it.")
    if isinstance(error, errors.PermissionDenied):
        return _("This computer may not talk to the robot yet. Ask your teacher.")
    if isinstance(error, errors.NotMicroPython):
        return _("This robot is not ready for Python yet. Ask your teacher.")
    if isinstance(error, errors.RobotBusy):
        return _("The robot cannot stop its old program. Switch it off, then ask your teacher.")
    if isinstance(error, errors.TransferCorrupted):
        return _("The program arrived damaged. Check the cable and send again.")
    return _("Something went wrong with the robot. Ask your teacher.")


@dataclass
class Job:
    """One program sent to one robot, as the page follows it."""

    id: int
    robot: str
    pupil: str
    state: str = "waiting"  # waiting, sending, running, done, failed, stopped
    progress: int = 0
    output: str = ""
    message: str = ""
    detail: str = ""
    stop_requested: threading.Event = field(default_factory=threading.Event)
    #: Set when the program did not end after Stop and the station closed the connection.
    let_go: bool = False
    #: Set once the job has let go of the robot, whatever the outcome.
    ended: threading.Event = field(default_factory=threading.Event)
    board: Any = None
    #: Characters dropped from the start of ``output`` (offsets count the whole output).
    dropped: int = 0

    def add_output(self, text: str) -> None:
        output = self.output + text
        if len(output) > OUTPUT_KEEP:
            cut = len(output) - OUTPUT_KEEP
            self.dropped += cut
            output = output[cut:]
        self.output = output

    def public(self, since: int = 0) -> dict[str, Any]:
        return {
            "id": self.id,
            "robot": self.robot,
            "state": self.state,
            "progress": self.progress,
            "output": self.output[max(since - self.dropped, 0) :],
            "length": self.dropped + len(self.output),
            "message": self.message,
            "detail": self.detail,
        }


class Names:
    """Friendly names of robots ("Robot bleu"), kept in a small JSON file by the teacher."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()

    def all(self) -> dict[str, str]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def set(self, key: str, name: str) -> None:
        if self.path is None:
            return
        with self._lock:
            names = self.all()
            if name:
                names[key] = name
            else:
                names.pop(key, None)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps(names, ensure_ascii=False, indent=1), "utf-8")
            temporary.replace(self.path)


def robot_key(port: RobotPort) -> str:
    """What a name sticks to: the USB serial number (the same robot on any port), or the port."""
    return port.serial_number or port.device


class Station:
    """The robots of this PC and the jobs that send programs to them."""

    def __init__(
        self,
        lister: Lister | None = None,
        names: Names | None = None,
        opener: Callable[[str], Any] | None = None,
        stop_grace: float = STOP_GRACE,
    ) -> None:
        self.lister = lister
        self.stop_grace = stop_grace
        self.names = names or Names(None)
        self._opener = opener
        self._jobs: dict[int, Job] = {}
        self._busy: dict[str, int] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._numbers: dict[str, int] = {}

    def robots(self) -> list[dict[str, Any]]:
        found = find_robots(self.lister) if self.lister else find_robots()
        names = self.names.all()
        listed = []
        for port in found:
            key = robot_key(port)
            # A robot keeps its number while the station runs, even when another is unplugged.
            number = self._numbers.setdefault(key, len(self._numbers) + 1)
            listed.append(
                {
                    "key": key,
                    "port": port.device,
                    "name": names.get(key) or _("Robot %(number)s", number=number),
                    "busy": port.device in self._busy,
                }
            )
        return listed

    def job(self, job_id: int) -> Job | None:
        return self._jobs.get(job_id)

    def send(self, port: str, program: bytes, pupil: str) -> Job:
        """Start sending ``program`` to the robot on ``port``; returns the job to follow.

        A program still running there is stopped first, as a flasher does: the page that
        started it may be gone (reloaded), and the child at the robot wants their own.
        """
        with self._lock:
            previous = self._jobs.get(self._busy.get(port, 0))
            if previous is not None and previous.state in ("waiting", "sending"):
                raise RobotBusy()
            if previous is not None and previous.state == "running":
                self.stop(previous)
            else:
                previous = None
            job = Job(next(self._ids), port, pupil)
            self._jobs[job.id] = job
            self._busy[port] = job.id
        thread = threading.Thread(target=self._run, args=(job, program, previous), daemon=True)
        self._threads.append(thread)
        thread.start()
        return job

    def stop(self, job: Job) -> None:
        job.stop_requested.set()
        board = job.board
        if board is not None:
            board.interrupt()
            timer = threading.Timer(self.stop_grace, self._let_go, (job, board))
            timer.daemon = True
            timer.start()

    def _let_go(self, job: Job, board: Any) -> None:
        """The program did not end after Stop: close the connection, so the job ends (its
        wait for the program's end fails) and the robot can be used again."""
        if job.board is board and job.state == "running":
            job.let_go = True
            board.close()

    def close(self, timeout: float = 5.0) -> None:
        """Stop every program and wait for the jobs (used when the station shuts down)."""
        for job in list(self._jobs.values()):
            self.stop(job)
        for thread in self._threads:
            thread.join(timeout)

    def _open(self, port: str) -> Any:
        if self._opener is not None:
            return self._opener(port)
        from robot_firmware.flasher import Robot

        return Robot.open(port)

    def _run(self, job: Job, program: bytes, previous: Job | None = None) -> None:
        try:
            if previous is not None:
                # Stop lets go of the robot within its grace: then the port is free.
                previous.ended.wait(self.stop_grace + 10)
            job.state = "sending"
            board = self._open(job.robot)
            try:
                job.board = board

                def library(label: str, done: int, total: int) -> None:
                    job.progress = 40 * done // max(total, 1)

                def upload(label: str, done: int, total: int) -> None:
                    job.progress = 40 + 60 * done // max(total, 1)

                board.sync_library(progress=library)
                board.upload_program(program, progress=upload)
                job.progress = 100
                if job.stop_requested.is_set():
                    job.state = "stopped"
                    job.message = _("Program stopped.")
                    return
                job.state = "running"

                # A character of several bytes can be cut between two reads of the port.
                decoder = codecs.getincrementaldecoder("utf-8")("replace")

                def collect(data: bytes) -> None:
                    job.add_output(decoder.decode(data).replace("\r", ""))

                result = board.run_program(on_output=collect)
            finally:
                job.board = None
                board.close()
            if job.stop_requested.is_set() or result.interrupted:
                job.state = "stopped"
                job.message = _("Program stopped.")
            elif result.ok:
                job.state = "done"
                job.message = _("Your program has finished.")
            else:
                job.state = "failed"
                said = [m.removeprefix("[robot] ") for m in result.messages]
                job.message = said[-1] if said else _("Your program stopped on an error.")
        except Exception as error:  # the page must always get an answer
            self._ended_by(job, error)
        finally:
            with self._lock:
                if self._busy.get(job.robot) == job.id:
                    del self._busy[job.robot]
            job.ended.set()

    @staticmethod
    def _ended_by(job: Job, error: Exception) -> None:
        """Say how a send that raised ``error`` ended."""
        if job.let_go:
            job.state = "stopped"
            job.message = _(
                "The robot did not want to stop. If it still moves, switch it off and ask "
                "your teacher."
            )
        elif job.stop_requested.is_set() and job.state == "sending":
            # Stop while sending: the upload is all or nothing, the robot keeps its program.
            job.state = "stopped"
            job.message = _("Sending stopped: the robot kept its previous program.")
        elif isinstance(error, errors.RobotDisconnected):
            if job.state == "running":
                # The program was installed and started: a child unplugs the cable to put the
                # robot on the floor, and at power-on the robot starts that program.
                job.state = "done"
                job.message = _(
                    "The robot is unplugged with your program inside: it starts it each time "
                    "it is switched on."
                )
            else:
                job.state = "failed"
                job.message = advice(error)
                job.detail = error.message
        elif isinstance(error, errors.FlashError):
            job.state = "failed"
            job.message = advice(error)
            job.detail = error.message
        else:
            job.state = "failed"
            job.message = _("Something went wrong with the robot. Ask your teacher.")
            job.detail = repr(error)


class RobotBusy(errors.FlashError):
    exit_code = 5

    def __init__(self) -> None:
        super().__init__(_("This robot is already receiving a program. Wait a moment."))


@dataclass(frozen=True)
class PortInfo:
    """What pyserial's ``list_ports`` says of a port, for robots that are not on USB."""

    device: str
    vid: int
    pid: int
    serial_number: str | None = None


def virtual_lister(robots: list[Any]) -> Lister:
    """List virtual robots (``robot_firmware.virtual``) as USB Raspberry Pi Picos, only while
    they are plugged in, so the station sees them exactly as real robots."""

    def lister() -> list[PortInfo]:
        return [
            PortInfo(robot.port, 0x2E8A, 0x0005, f"virtuel-{number}")
            for number, robot in enumerate(robots, start=1)
            if robot.plugged
        ]

    return lister
