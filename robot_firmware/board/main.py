# Robocole - runs after boot.py: the pupil's program, in a guard that stops the motors on any
# error or Ctrl-C. Holding the robot's button at power-on skips it (safe mode).
import rb_demarrage

rb_demarrage.main()
