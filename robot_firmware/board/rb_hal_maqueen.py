# Robocole - HAL of the BBC micro:bit on a DFRobot Maqueen: motors on the I2C motor driver
# (address 0x10: register, direction 0 forward / 1 backward, speed 0-255), red LEDs, RGB
# LEDs, ultrasonic sensor, two line sensors, buzzer on pin 0. The micro:bit's button A is
# the robot's button and its 5x5 display shows messages.
# Pins come from rb_cartes.FAMILIES["maqueen"].

import microbit
from micropython import const

_SONAR_TIMEOUT_US = const(30000)


def _pin(number):
    return getattr(microbit, "pin%d" % number)


class Hardware:
    def __init__(self, family):
        self.name = "maqueen"
        self.leds = family["leds"]
        self.cm_per_s = family["cm_per_s"]
        self.wheelbase_cm = family["wheelbase_cm"]
        self._address = family["i2c_address"]
        self._registers = (family["motor_left"], family["motor_right"])
        self._command = bytearray(3)  # reused: no allocation per motor command
        self._red = (_pin(family["led_left"]), _pin(family["led_right"]))
        self._line = [_pin(n) for n in family["line_pins"]]
        self._black = family["line_black"]
        self._trigger = _pin(family["sonar_trigger"])
        self._echo = _pin(family["sonar_echo"])
        self._buzzer = _pin(family["buzzer_pin"])
        self._neopixel_pin = _pin(family["neopixel_pin"])
        self._pixels = None

    def _motor(self, register, percent):
        command = self._command
        command[0] = register
        command[1] = 0 if percent >= 0 else 1
        command[2] = min(255, abs(int(percent)) * 255 // 100)
        microbit.i2c.write(self._address, command)

    def motors(self, left, right):
        self._motor(self._registers[0], left)
        self._motor(self._registers[1], right)

    def distance_cm(self):
        from machine import time_pulse_us

        self._trigger.write_digital(1)
        self._trigger.write_digital(0)
        us = time_pulse_us(self._echo, 1, _SONAR_TIMEOUT_US)
        if us < 0:
            return -1
        return us * 0.0343 / 2

    def line(self):
        black = self._black
        return tuple(pin.read_digital() == black for pin in self._line)

    def led(self, index, r, g, b):
        if self._pixels is None:
            import neopixel

            self._pixels = neopixel.NeoPixel(self._neopixel_pin, self.leds)
        on = 1 if (r or g or b) else 0
        if index < 0:
            self._pixels.fill((r, g, b))
            for pin in self._red:
                pin.write_digital(on)
        else:
            self._pixels[index] = (r, g, b)
            if index < 2:
                self._red[index].write_digital(on)
        self._pixels.show()

    def tone(self, hz, ms):
        import music

        music.pitch(int(hz), -1, self._buzzer, False)

    def silence(self):
        import music

        music.stop(self._buzzer)

    def button(self):
        return microbit.button_a.is_pressed()

    def show(self, text):
        microbit.display.scroll(str(text), wait=False)

    def sleep_ms(self, ms):
        microbit.sleep(ms)

    def ticks_ms(self):
        import time

        return time.ticks_ms()

    def every(self, ms, callback):
        run_every = getattr(microbit, "run_every", None)
        if run_every is None:
            return False
        run_every(callback, ms=ms)
        return True
