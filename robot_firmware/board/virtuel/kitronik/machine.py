# The virtual robot's machine module, as much as the Kitronik's HAL uses: PWM motor pins
# (one per direction), the line sensors' ADCs (28, 27, 26: high over the black line), the
# button pin, the buzzer's PWM and the ultrasonic echo. A motor command takes effect when
# both pins of the right motor have been written, as the HAL writes the left motor first.
import robocole_virtual as _hw

_LEFT = (20, 19)  # forward, reverse
_RIGHT = (6, 7)
_BUZZER = 16
_BUTTON = 0
_LINE_BITS = {28: 4, 27: 2, 26: 1}
_FULL = 65535
_CM_PER_US = 0.0343
_duty = {}
_written = set()


def _percent(pins):
    return round((_duty.get(pins[0], 0) - _duty.get(pins[1], 0)) * 100 / _FULL)


class Pin:
    IN = 0
    OUT = 1
    PULL_UP = 1
    PULL_DOWN = 2

    def __init__(self, number, mode=-1, pull=-1):
        self.number = number

    def value(self, value=None):
        if value is None:
            if self.number == _BUTTON:
                return 1 if _hw.button() else 0
            return 0
        return None

    def on(self):
        pass

    def off(self):
        pass


class PWM:
    def __init__(self, pin, freq=0, duty_u16=0):
        self.number = pin.number
        self._freq = freq

    def freq(self, hz=None):
        if hz is None:
            return self._freq
        self._freq = hz
        return None

    def duty_u16(self, duty=None):
        if duty is None:
            return _duty.get(self.number, 0)
        _duty[self.number] = duty
        if self.number == _BUZZER:
            if duty:
                _hw.tone(self._freq, -1)
            else:
                _hw.silence()
        elif self.number in _RIGHT:
            _written.add(self.number)
            if len(_written) == 2:
                _written.clear()
                _hw.motors(_percent(_LEFT), _percent(_RIGHT))
        return None

    def deinit(self):
        pass


class ADC:
    def __init__(self, pin):
        self.number = pin if isinstance(pin, int) else pin.number

    def read_u16(self):
        bit = _LINE_BITS.get(self.number, 0)
        return 50000 if _hw.line() & bit else 3000


class Timer:
    PERIODIC = 1
    ONE_SHOT = 0

    def __init__(self, id=-1, mode=1, period=-1, callback=None):
        # The virtual robot's motor driver has its own watchdog: no timer is needed.
        pass

    def init(self, mode=1, period=-1, callback=None):
        pass

    def deinit(self):
        pass


def time_pulse_us(pin, level, timeout_us=1000000):
    cm = _hw.distance_cm()
    if cm < 0:
        return -2
    return int(2 * cm / _CM_PER_US)
