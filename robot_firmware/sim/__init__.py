"""The robot simulator: the children's robot API (``board/robot.py``, unchanged) on a PC.

* :func:`simulate` runs a program in a world and records what the robot did;
* :func:`evaluate` / :func:`verifier` grade a challenge with a kind French sentence;
* :func:`animation` draws the run as a self-contained SVG/HTML animation for a notebook;
* :func:`envoyer` / :func:`send` saves the program on the school server for the robot station.

Nothing is imported from here at import time of ``robot_firmware``: the simulator loads on
first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["animation", "envoyer", "evaluate", "evaluer", "montrer", "simulate", "verifier"]


def __getattr__(name: str) -> Any:
    # Keep "import robot_firmware.sim" cheap: each helper loads its module when first used.
    if name == "simulate":
        from robot_firmware.sim.runner import simulate

        return simulate
    if name in ("evaluate", "evaluer", "verifier", "check"):
        from robot_firmware.sim import challenges

        return getattr(challenges, name)
    if name in ("animation", "montrer", "show"):
        from robot_firmware.sim import render

        return getattr(render, name)
    if name in ("envoyer", "send"):
        from robot_firmware.sim import sending

        return getattr(sending, name)
    raise AttributeError(name)
