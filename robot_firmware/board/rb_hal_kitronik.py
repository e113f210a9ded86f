# Robocole - HAL of the Raspberry Pi Pico on a Kitronik Autonomous Robotics Platform (5335):
# PWM motors (one pin per direction), ZIP LEDs, buzzer, button, ultrasonic and line sensors.
# Pins come from rb_cartes.FAMILIES["kitronik"].

import time

from machine import ADC, PWM, Pin, Timer, time_pulse_us
from micropython import const

_FULL = const(65535)
_SONAR_TIMEOUT_US = const(30000)  # about 5 m there and back: past the sensor's range


class Hardware:
    def __init__(self, family):
        self.name = "kitronik"
        self.leds = family["leds"]
        self.cm_per_s = family["cm_per_s"]
        self.wheelbase_cm = family["wheelbase_cm"]
        hz = family["pwm_hz"]
        self._left = [PWM(Pin(n)) for n in family["motor_left"]]
        self._right = [PWM(Pin(n)) for n in family["motor_right"]]
        for pwm in self._left + self._right:
            pwm.freq(hz)
            pwm.duty_u16(0)
        self._button = Pin(family["button_pin"], Pin.IN, Pin.PULL_DOWN)
        self._buzzer = PWM(Pin(family["buzzer_pin"]))
        self._buzzer.duty_u16(0)
        self._trigger = Pin(family["sonar_trigger"], Pin.OUT)
        self._echo = Pin(family["sonar_echo"], Pin.IN)
        self._line = [ADC(n) for n in family["line_adc"]]
        self._dark = family["line_dark"]
        self._zip = None
        self._zip_pin = family["zip_pin"]
        self._timer = None

    @staticmethod
    def _drive(pins, percent):
        duty = min(_FULL, abs(int(percent)) * _FULL // 100)
        forward, reverse = pins
        if percent >= 0:
            reverse.duty_u16(0)
            forward.duty_u16(duty)
        else:
            forward.duty_u16(0)
            reverse.duty_u16(duty)

    def motors(self, left, right):
        self._drive(self._left, left)
        self._drive(self._right, right)

    def distance_cm(self):
        self._trigger.value(0)
        time.sleep_us(2)
        self._trigger.value(1)
        time.sleep_us(10)
        self._trigger.value(0)
        us = time_pulse_us(self._echo, 1, _SONAR_TIMEOUT_US)
        if us < 0:
            return -1
        return us * 0.0343 / 2

    def line(self):
        dark = self._dark
        return tuple(adc.read_u16() >= dark for adc in self._line)

    def led(self, index, r, g, b):
        if self._zip is None:
            import neopixel

            self._zip = neopixel.NeoPixel(Pin(self._zip_pin), self.leds)
        if index < 0:
            self._zip.fill((r, g, b))
        else:
            self._zip[index] = (r, g, b)
        self._zip.write()

    def tone(self, hz, ms):
        self._buzzer.freq(max(20, min(3000, int(hz))))
        self._buzzer.duty_u16(32767)

    def silence(self):
        self._buzzer.duty_u16(0)

    def button(self):
        return self._button.value() == 1

    def show(self, text):
        pass

    def sleep_ms(self, ms):
        time.sleep_ms(ms)

    def ticks_ms(self):
        return time.ticks_ms()

    def every(self, ms, callback):
        if self._timer is not None:
            self._timer.deinit()
        self._timer = Timer(period=ms, mode=Timer.PERIODIC, callback=lambda t: callback())
        return True
