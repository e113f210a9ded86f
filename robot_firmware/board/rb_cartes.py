# Robocole - the robot families, as data: pins, addresses and calibration.
#
# One entry per robot family. A HAL module (rb_hal_<hal>.py) reads its entry and nothing
# else, so supporting a variant of a robot (another pin, another motor direction) is a
# change of data here, not of code.
#
# Calibration: "cm_per_s" is the straight-line speed at 100 % and "wheelbase_cm" the distance
# between the wheels; the robot API derives durations of moves and turns from them. Measure
# them once per family (drive 1 s at 100 %, measure).

FAMILIES = {
    # BBC micro:bit (V2) on a DFRobot Maqueen (Lite). Motors on the I2C driver at 0x10.
    "maqueen": {
        "hal": "maqueen",
        "i2c_address": 0x10,
        "motor_left": 0x00,  # register of motor M1
        "motor_right": 0x02,  # register of motor M2
        "led_left": 8,  # red LEDs, micro:bit pin numbers
        "led_right": 12,
        "line_pins": (13, 14),  # left, right
        "line_black": 0,  # digital value read over the black line
        "sonar_trigger": 1,
        "sonar_echo": 2,
        "neopixel_pin": 15,
        "leds": 4,
        "buzzer_pin": 0,
        "cm_per_s": 25.0,
        "wheelbase_cm": 8.0,
    },
    # Raspberry Pi Pico on a Kitronik Autonomous Robotics Platform (5335).
    "kitronik": {
        "hal": "kitronik",
        "motor_left": (20, 19),  # forward PWM pin, reverse PWM pin
        "motor_right": (6, 7),
        "pwm_hz": 100,
        "button_pin": 0,  # pulled down: reads 1 when pressed
        "zip_pin": 18,  # ZIP LEDs (WS2812)
        "leds": 4,
        "buzzer_pin": 16,
        "sonar_trigger": 14,
        "sonar_echo": 15,
        "line_adc": (28, 27, 26),  # left, centre, right
        "line_dark": 35000,  # read_u16() at or above: over the black line
        "cm_per_s": 30.0,
        "wheelbase_cm": 11.0,
    },
    # The virtual robot of robot_firmware/virtual: MicroPython under Node.js on the PC.
    "virtuel": {
        "hal": "virtuel",
        "leds": 4,
        "line_sensors": 3,
        "cm_per_s": 20.0,
        "wheelbase_cm": 10.0,
    },
}
