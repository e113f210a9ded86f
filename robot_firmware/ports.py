"""Finding robots on the USB serial ports of a classroom PC (Linux, Windows, macOS).

Robots are recognised by the USB vendor and product ids (VID:PID) of their board or of their
USB-serial chip, from pyserial's ``list_ports`` (COM3 on Windows, /dev/ttyACM0 on Linux).
When opening a port fails, :func:`diagnose_open_error` turns the system's error into one the
teacher can act on: the port is busy (and, on Linux, which program holds it) or this account
may not use it.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from robot_firmware.errors import (
    FlashError,
    NoRobot,
    PermissionDenied,
    PortBusy,
    RobotDisconnected,
    SeveralRobots,
)


@dataclass(frozen=True)
class UsbId:
    vid: int
    pid: int
    #: "rp2", "microbit", "esp32" or "serial" (a USB-serial chip in front of some board).
    family: str
    description: str


#: The USB ids of the boards and USB-serial chips found on classroom robots.
KNOWN_USB_IDS = (
    UsbId(0x2E8A, 0x0005, "rp2", "Raspberry Pi Pico (MicroPython)"),
    UsbId(0x0D28, 0x0204, "microbit", "BBC micro:bit (DAPLink)"),
    UsbId(0x10C4, 0xEA60, "serial", "Silicon Labs CP210x"),
    UsbId(0x1A86, 0x7523, "serial", "WCH CH340"),
    UsbId(0x1A86, 0x55D4, "serial", "WCH CH9102"),
    UsbId(0x303A, 0x1001, "esp32", "Espressif USB serial/JTAG"),
    UsbId(0x303A, 0x4001, "esp32", "Espressif USB (TinyUSB)"),
    UsbId(0x0403, 0x6001, "serial", "FTDI FT232"),
)


@dataclass(frozen=True)
class RobotPort:
    """A serial port with a robot behind it."""

    device: str
    family: str
    description: str
    serial_number: str | None = None


def _default_lister() -> list[Any]:
    from serial.tools import list_ports

    return list(list_ports.comports())


def find_robots(lister: Callable[[], Iterable[Any]] = _default_lister) -> list[RobotPort]:
    """The robots plugged in, from ``lister()``: pyserial ``ListPortInfo`` objects."""
    known = {(u.vid, u.pid): u for u in KNOWN_USB_IDS}
    robots = []
    for info in lister():
        usb = known.get((getattr(info, "vid", None) or 0, getattr(info, "pid", None) or 0))
        if usb is None:
            continue
        robots.append(
            RobotPort(
                device=info.device,
                family=usb.family,
                description=usb.description,
                serial_number=getattr(info, "serial_number", None),
            )
        )
    return sorted(robots, key=lambda r: r.device)


def choose_robot(
    port: str | None = None, lister: Callable[[], Iterable[Any]] = _default_lister
) -> RobotPort:
    """The robot to use: ``port`` when given, else the only robot plugged in."""
    robots = find_robots(lister)
    if port:
        for robot in robots:
            if robot.device == port:
                return robot
        return RobotPort(device=port, family="", description="")
    if not robots:
        raise NoRobot()
    if len(robots) > 1:
        raise SeveralRobots([r.device for r in robots])
    return robots[0]


def holders_of(port: str) -> list[str]:
    """Programs that hold ``port`` open (Linux only; an empty list elsewhere)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    try:
        target = os.path.realpath(port)
        st = os.stat(target)
    except OSError:
        return []
    pids: list[int] = []
    # An exclusive lock (pyserial's exclusive=True, mpremote, Thonny) names its owner.
    inode = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    try:
        for line in (proc / "locks").read_text().splitlines():
            fields = line.split()
            if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == inode:
                pids.append(int(fields[4]))
    except (OSError, ValueError):
        pass
    if not pids:
        for fd_dir in proc.glob("[0-9]*/fd"):
            pid = int(fd_dir.parent.name)
            if pid == os.getpid():
                continue
            try:
                if any(os.path.realpath(link) == target for link in fd_dir.iterdir()):
                    pids.append(pid)
            except OSError:
                continue
    names = []
    for pid in dict.fromkeys(pids):
        try:
            name = (proc / str(pid) / "comm").read_text().strip()
        except OSError:
            continue
        names.append(f"{name} (pid {pid})")
    return names


def diagnose_open_error(
    port: str, error: BaseException, platform: str = sys.platform
) -> FlashError:
    """The error to show when opening ``port`` failed with ``error``.

    On Windows pyserial gives no errno, only the text of the system's error; a port that
    another program holds is reported there as "access denied".
    """
    number = getattr(error, "errno", None)
    text = str(error)
    windows = platform == "win32"
    if number in (errno.EBUSY, errno.EAGAIN, errno.EWOULDBLOCK) or "exclusively lock" in text:
        return PortBusy(port, holders_of(port))
    if number == errno.EACCES or "PermissionError" in text or "Access is denied" in text:
        return PermissionDenied(port, windows=windows)
    if number == errno.ENOENT or "FileNotFoundError" in text or "could not open port" in text:
        return RobotDisconnected(port)
    return RobotDisconnected(port)
