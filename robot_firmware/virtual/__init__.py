"""The virtual robot: real MicroPython (WebAssembly, under Node.js) behind a pseudo-terminal."""

from robot_firmware.virtual.bridge import VirtualRobot, find_micropython_module

__all__ = ["VirtualRobot", "find_micropython_module"]
