"""Robocole: coding and robotics workshops for schools.

The distribution holds one package per part of the platform (``classroom_app``,
``curriculum``, ``grader``, ``hub_config``, ``robot_firmware``) and this small package for
what they share: the ``robocole`` command, error types and translations.
"""

__version__ = "0.1.0"
