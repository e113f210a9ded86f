"""Robots: the code on the robot (``board/``, MicroPython), the flasher and the virtual robot.

* ``board/`` runs ON the robots: the children's API (``robot.py``), one hardware layer per
  robot family, and the boot code that keeps a robot usable whatever a program or a power
  cut does. It is MicroPython only and never imported on the PC.
* :mod:`robot_firmware.flasher` sends programs to robots over USB serial, with mpremote's
  ``SerialTransport``; :mod:`robot_firmware.ports` finds the robots.
* :mod:`robot_firmware.virtual` runs a robot with real MicroPython on the PC, for tests and
  demonstrations.
"""

from pathlib import Path

#: The folder of the files installed on robots.
BOARD = Path(__file__).with_name("board")
