# Robocole - which robot is this? Opens the hardware abstraction layer (HAL) once.
#
# The family comes from rb_config.py (written by the flasher: ROBOT = "kitronik") when it
# exists, else from the board MicroPython runs on. Every HAL module rb_hal_<name>.py has one
# class, Hardware, with the interface below; the robot API (robot.py) uses nothing else, so a
# simulator on the PC is one more class with the same methods.
#
#   Hardware(family)              family: the dict of rb_cartes.FAMILIES for this robot
#   .name                         the family name, e.g. "maqueen"
#   .leds                         number of colour LEDs (0: none)
#   .cm_per_s, .wheelbase_cm      calibration (see rb_cartes)
#   .motors(left, right)          motor power in percent, -100..100 (negative: backwards)
#   .distance_cm()                distance to the obstacle ahead in cm, -1 if nothing seen
#   .line()                       tuple of booleans, left to right: True over the black line
#   .led(index, r, g, b)          colour 0..255 of LED index (-1: all of them)
#   .tone(hz, ms)                 start a sound (ms is a hint; .silence() stops it)
#   .silence()
#   .button()                     True while the robot's button is pressed
#   .show(text)                   show a short text where the board has a display, else nothing
#   .sleep_ms(ms)                 wait; the place where a Ctrl-C from the PC is noticed
#   .ticks_ms()                   a millisecond clock (time.ticks_* arithmetic)
#   .every(ms, callback)          call callback() every ms from a timer; False if impossible

import sys

from rb_cartes import FAMILIES

_hardware = None


def family_name():
    try:
        import rb_config

        return rb_config.ROBOT
    except ImportError:
        pass
    platform = sys.platform
    if platform == "microbit":
        return "maqueen"
    if platform == "rp2":
        return "kitronik"
    if platform == "webassembly":
        # The virtual robot plays a family (robot_firmware/virtual): it says which.
        try:
            import robocole_virtual

            return robocole_virtual.family
        except (ImportError, AttributeError):
            return "virtuel"
    raise OSError("robot inconnu : ecrire ROBOT = \"...\" dans rb_config.py")


def hardware():
    """The robot's HAL, opened on first use and kept."""
    global _hardware
    if _hardware is None:
        name = family_name()
        family = FAMILIES[name]
        module = __import__("rb_hal_" + family["hal"])
        _hardware = module.Hardware(family)
        _hardware.name = name
    return _hardware


def use(hw):
    """Use ``hw`` as the HAL (a simulator, a test double); returns the previous one."""
    global _hardware
    previous, _hardware = _hardware, hw
    return previous
