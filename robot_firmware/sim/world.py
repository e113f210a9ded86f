"""The worlds of the simulator: a table with walls, obstacles, a black line and a goal.

A world is a data file, ``robot_firmware/worlds/<id>.toml`` (so a teacher or the curriculum can
add one without code); see ``robot_firmware/worlds/README.md`` for the format. Distances are in
centimetres, the origin is the top-left corner of the table, y points down and a heading of 0
looks to the right (90: down, clockwise as on a compass seen from above).
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from robocole.i18n import gettext as _
from robot_firmware.errors import FlashError
from robot_firmware.sim import geometry
from robot_firmware.sim.geometry import Point, Segment

#: Where the worlds shipped with Robocole live.
WORLDS = Path(__file__).resolve().parent.parent / "worlds"

GOAL_KINDS = ("zone", "garer", "mur", "ligne", "carre", "aucun")


class WorldError(FlashError):
    """The world file cannot be used."""

    exit_code = 2


@dataclass(frozen=True)
class Goal:
    """What the robot must do: ``kind`` is one of GOAL_KINDS, ``params`` its numbers."""

    kind: str = "aucun"
    zone: tuple[float, float, float, float] | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def number(self, name: str, default: float) -> float:
        return float(self.params.get(name, default))


@dataclass(frozen=True)
class World:
    id: str
    title: dict[str, str]
    width: float
    height: float
    start: tuple[float, float, float]  # x, y, heading in degrees
    family: str = "virtuel"
    radius: float = 6.0
    walls: list[list[Point]] = field(default_factory=list)
    obstacles: list[tuple[float, float, float, float]] = field(default_factory=list)
    line: list[Point] = field(default_factory=list)
    line_width: float = 2.5
    goal: Goal = field(default_factory=Goal)
    time_limit: float = 60.0
    sonar_range: float = 400.0
    #: Trials of the challenge: the obstacles moved this many cm along x for each one.
    shifts: tuple[float, ...] = (0.0,)

    def segments(self) -> list[Segment]:
        """Everything the robot can bump into or see with its distance sensor; the edges of
        the table count as walls, so a robot never drives out of the picture."""
        found: list[Segment] = geometry.rectangle(0.0, 0.0, self.width, self.height)
        for wall in self.walls:
            found += geometry.polyline(wall)
        for x, y, w, h in self.obstacles:
            found += geometry.rectangle(x, y, w, h)
        return found

    def shifted(self, dx: float) -> World:
        """The same world with its obstacles moved ``dx`` cm along x (one trial)."""
        if not dx:
            return self
        moved = [(x + dx, y, w, h) for x, y, w, h in self.obstacles]
        return dataclasses.replace(self, obstacles=moved, shifts=(0.0,))

    def name(self, language: str = "fr") -> str:
        return self.title.get(language) or self.title.get("fr") or self.id

    def validate(self) -> None:
        x, y, _h = self.start
        if geometry.clearance(x, y, self.segments()) <= self.radius:
            raise WorldError(_("The robot starts inside a wall in world %(id)s.", id=self.id))
        if self.goal.kind not in GOAL_KINDS:
            raise WorldError(
                _("Unknown goal %(kind)s in world %(id)s.", kind=self.goal.kind, id=self.id)
            )
        if self.goal.kind == "ligne" and len(self.line) < 2:
            raise WorldError(_("World %(id)s has a line goal but no line.", id=self.id))


def _pairs(value: Any) -> list[Point]:
    return [(float(p[0]), float(p[1])) for p in value]


def _box(value: Any) -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in value)
    return x, y, w, h


def from_dict(data: dict[str, Any], world_id: str = "monde") -> World:
    """A world from its parsed TOML (see ``worlds/README.md``)."""
    try:
        robot = data.get("robot", {})
        size = data.get("taille", [200, 150])
        goal_data = dict(data.get("but", {}))
        kind = str(goal_data.pop("type", "aucun"))
        zone = goal_data.pop("zone", None)
        line = data.get("ligne", {})
        world = World(
            id=str(data.get("id", world_id)),
            title=dict(data.get("titre", {"fr": world_id})),
            width=float(size[0]),
            height=float(size[1]),
            start=(float(robot["x"]), float(robot["y"]), float(robot.get("cap", 0))),
            family=str(robot.get("famille", "virtuel")),
            radius=float(robot.get("rayon", 6.0)),
            walls=[_pairs(w["points"]) for w in data.get("murs", [])],
            obstacles=[_box(o["rect"]) for o in data.get("obstacles", [])],
            line=_pairs(line.get("points", [])),
            line_width=float(line.get("largeur", 2.5)),
            goal=Goal(kind=kind, zone=_box(zone) if zone else None, params=goal_data),
            time_limit=float(data.get("duree_max", 60)),
            sonar_range=float(robot.get("portee_capteur", 400)),
            shifts=tuple(float(d) for d in data.get("decalages", [0])),
        )
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise WorldError(
            _("World %(id)s is not valid: %(detail)s.", id=world_id, detail=error)
        ) from None
    world.validate()
    return world


def load_world(name_or_path: str | Path) -> World:
    """A shipped world by id (``"carre"``) or a world file by path."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = WORLDS / f"{name_or_path}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WorldError(
            _(
                "There is no world called %(name)s; known worlds: %(known)s.",
                name=str(name_or_path),
                known=", ".join(world_ids()),
            )
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise WorldError(
            _("World %(id)s is not valid: %(detail)s.", id=path.stem, detail=error)
        ) from None
    return from_dict(data, path.stem)


def world_ids() -> list[str]:
    return sorted(p.stem for p in WORLDS.glob("*.toml"))


def heading_radians(degrees: float) -> float:
    return math.radians(degrees)
