# The virtual robot's machine module, as much as the Maqueen's HAL uses: the echo of the
# ultrasonic sensor, timed from the distance the virtual robot measures.
import robocole_virtual as _hw

_CM_PER_US = 0.0343


def time_pulse_us(pin, level, timeout_us=1000000):
    cm = _hw.distance_cm()
    if cm < 0:
        return -2  # no echo: as the board does after the time limit
    return int(2 * cm / _CM_PER_US)
