# The virtual robot's microbit module: what the Maqueen's HAL uses of the micro:bit's own.
# The motor driver (I2C 0x10) and the line sensors (pins 13, 14: 0 over the black line) are
# the virtual robot's; the two motor writes of one command take effect together.
import robocole_virtual as _hw

_MOTORS = 0x10
_speeds = [0, 0]


class _Pin:
    def __init__(self, number):
        self._number = number

    def read_digital(self):
        if self._number == 13:
            return 0 if _hw.line() & 4 else 1
        if self._number == 14:
            return 0 if _hw.line() & 1 else 1
        return 0

    def write_digital(self, value):
        pass

    def read_analog(self):
        return 0

    def write_analog(self, value):
        pass


for _n in range(21):
    globals()["pin%d" % _n] = _Pin(_n)
del _n


class _I2C:
    def write(self, address, data, repeat=False):
        if address != _MOTORS or len(data) < 3:
            raise OSError(19)  # ENODEV: nothing else on this robot's bus
        percent = round(data[2] * 100 / 255)
        _speeds[0 if data[0] == 0 else 1] = -percent if data[1] else percent
        if data[0] != 0:  # the right motor is written last
            _hw.motors(_speeds[0], _speeds[1])

    def read(self, address, n, repeat=False):
        return bytes(n)


i2c = _I2C()


class _Button:
    def is_pressed(self):
        return bool(_hw.button())

    def was_pressed(self):
        return bool(_hw.button())


button_a = _Button()
button_b = _Button()


class _Display:
    def scroll(self, text, delay=150, wait=True, loop=False, monospace=False):
        _hw.show(str(text))

    def show(self, image, delay=400, wait=True, loop=False, clear=False):
        _hw.show(str(image))

    def clear(self):
        pass


display = _Display()


def sleep(ms):
    _hw.sleep_ms(ms)


def running_time():
    return _hw.ticks_ms()


def run_every(callback, ms=None, s=None):
    # The virtual robot's motor driver has its own watchdog.
    return callback
