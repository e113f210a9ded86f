"""The flashing station: a small web page on the classroom PC for children to send their
program to a robot (``robocole station``).

* :mod:`.school` asks the school server (the classroom app's API) who the pupil is;
* :mod:`.robots` lists the robots plugged in, keeps their friendly names, and runs one send
  per robot in the background (the flasher of :mod:`robot_firmware.flasher`);
* :mod:`.web` is the Flask app, served on 127.0.0.1 only.

It talks to nothing but the robots on USB and the school server it is configured with.
"""
