# The virtual robot's music module (micro:bit): the buzzer.
import robocole_virtual as _hw


def pitch(frequency, duration=-1, pin=None, wait=True):
    _hw.tone(frequency, duration)


def stop(pin=None):
    _hw.silence()
