# Robocole - HAL of the virtual robot (robot_firmware/virtual): MicroPython's WebAssembly port
# on the PC. The "hardware" is the JavaScript module robocole_virtual that the virtual robot
# registers; it records every command so that tests can check what the robot did.

import robocole_virtual as _hw


class Hardware:
    def __init__(self, family):
        self.name = "virtuel"
        self.leds = family["leds"]
        self.cm_per_s = family["cm_per_s"]
        self.wheelbase_cm = family["wheelbase_cm"]
        self._line_sensors = family["line_sensors"]

    def motors(self, left, right):
        _hw.motors(left, right)

    def distance_cm(self):
        return _hw.distance_cm()

    def line(self):
        bits = _hw.line()
        if self._line_sensors == 2:
            return (bool(bits & 4), bool(bits & 1))
        return (bool(bits & 4), bool(bits & 2), bool(bits & 1))

    def led(self, index, r, g, b):
        _hw.led(index, r, g, b)

    def tone(self, hz, ms):
        _hw.tone(hz, ms)

    def silence(self):
        _hw.silence()

    def button(self):
        return bool(_hw.button())

    def show(self, text):
        _hw.show(text)

    def sleep_ms(self, ms):
        _hw.sleep_ms(ms)

    def ticks_ms(self):
        return _hw.ticks_ms()

    def every(self, ms, callback):
        # The virtual robot's motor driver has its own watchdog (worker.mjs).
        return False
