"""The run as an animation a pupil watches in the notebook: one self-contained SVG.

No script and no outside file: SMIL animations (``animateTransform``, ``animate``) move the
robot, draw its trail, light its LEDs and show its notes, and ``begin="…click"`` on the
"Rejouer" button replays it. JupyterLab shows it as HTML output; saved to a file, any browser
plays it offline.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import math
from dataclasses import dataclass
from pathlib import Path

from robocole.i18n import gettext as _
from robot_firmware.sim.challenges import Program, Verdict, evaluate
from robot_firmware.sim.runner import SimRun
from robot_firmware.sim.world import World, load_world

#: Animation frames per second of robot time (the robot moves smoothly between them).
FRAMES_PER_SECOND = 10
#: Stands for the animation's id while it is drawn; the id is then a hash of the drawing, so
#: the same run gives the same SVG, bit for bit, and two different runs in one notebook
#: never share the ids their "Rejouer" buttons are found by.
_UID = "rbUID"


@dataclass
class Animation:
    html: str

    def _repr_html_(self) -> str:  # shown by Jupyter
        return self.html

    def save(self, path: str | Path) -> Path:
        target = Path(path)
        target.write_text(
            f'<!doctype html><meta charset="utf-8"><title>Robocole</title>{self.html}',
            encoding="utf-8",
        )
        return target


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _key_times(times: list[float], total: float) -> str:
    return ";".join(f"{min(1.0, t / total):.4f}" for t in times)


def _world_svg(world: World) -> list[str]:
    parts = [
        f'<rect x="0" y="0" width="{_f(world.width)}" height="{_f(world.height)}" '
        'fill="#fbfaf5" stroke="#555" stroke-width="1"/>'
    ]
    goal = world.goal
    if goal.zone is not None:
        x, y, w, h = goal.zone
        parts.append(
            f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" fill="#c8f0c8" '
            'stroke="#2a8a2a" stroke-dasharray="3 2"/>'
        )
    if world.line:
        points = " ".join(f"{_f(x)},{_f(y)}" for x, y in world.line)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="#111" '
            f'stroke-width="{_f(world.line_width)}" stroke-linejoin="round"/>'
        )
    for wall in world.walls:
        points = " ".join(f"{_f(x)},{_f(y)}" for x, y in wall)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="#8b4513" stroke-width="3" '
            'stroke-linecap="round"/>'
        )
    for x, y, w, h in world.obstacles:
        parts.append(
            f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" fill="#a0522d"/>'
        )
    x, y, _h = world.start
    parts.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="1.5" fill="#888"/>')
    return parts


def animation(run: SimRun, verdict: Verdict | None = None, *, speed: float = 1.0) -> Animation:
    """The animation of ``run`` (and the verdict's sentence under it)."""
    world = run.world
    uid = _UID
    total_ms = max(run.duration_ms, 1.0)
    seconds = total_ms / 1000.0 / speed
    samples = run.poses(1000.0 / FRAMES_PER_SECOND)
    times = [t for t, _x, _y, _h in samples]
    # The trail: the path drawn so far, revealed as the robot goes (dash offset by distance).
    travelled = [0.0]
    for (_t0, x0, y0, _h0), (_t1, x1, y1, _h1) in itertools.pairwise(samples):
        travelled.append(travelled[-1] + math.hypot(x1 - x0, y1 - y0))
    length = max(travelled[-1], 0.01)
    trail = " ".join(f"{_f(x)},{_f(y)}" for _t, x, y, _h in samples)
    key_times = _key_times(times, total_ms)
    # Ids without "-": SMIL reads "a-b.click" as the event of "a" minus an offset.
    anim = f'dur="{seconds:.2f}s" begin="0.3s;{uid}rejouer.click" fill="freeze"'
    translate = ";".join(f"{_f(x)},{_f(y)}" for _t, x, y, _h in samples)
    # Headings unwrapped, so a turn of 350 degrees is not drawn as 10 degrees backwards.
    rotate = ";".join(f"{math.degrees(h):.1f}" for _t, _x, _y, h in samples)
    dash = ";".join(f"{length - d:.1f}" for d in travelled)

    parts = _world_svg(world)
    parts.append(
        f'<polyline points="{trail}" fill="none" stroke="#1565c0" stroke-width="1.2" '
        f'stroke-dasharray="{length:.1f}" stroke-dashoffset="{length:.1f}">'
        f'<animate attributeName="stroke-dashoffset" values="{dash}" keyTimes="{key_times}" '
        f"{anim}/></polyline>"
    )
    r = world.radius
    x0, y0, h0 = samples[0][1], samples[0][2], math.degrees(samples[0][3])
    led_values, led_times = _led_track(run, total_ms)
    note_values, note_times = _note_track(run, total_ms)
    parts.append(
        f'<g transform="translate({_f(x0)},{_f(y0)}) rotate({h0:.1f})">'
        f'<animateTransform attributeName="transform" type="translate" values="{translate}" '
        f'keyTimes="{key_times}" {anim}/>'
        f'<animateTransform attributeName="transform" type="rotate" additive="sum" '
        f'values="{rotate}" keyTimes="{key_times}" {anim}/>'
        f'<circle r="{_f(r)}" fill="#ffd54f" stroke="#333" stroke-width="0.8"/>'
        f'<rect x="{_f(-r * 0.5)}" y="{_f(-r - 1)}" width="{_f(r)}" height="2" fill="#333"/>'
        f'<rect x="{_f(-r * 0.5)}" y="{_f(r - 1)}" width="{_f(r)}" height="2" fill="#333"/>'
        f'<polygon points="{_f(r)},0 {_f(r * 0.4)},{_f(-r * 0.35)} '
        f'{_f(r * 0.4)},{_f(r * 0.35)}" fill="#333"/>'
        f'<circle r="{_f(r * 0.3)}" fill="{led_values.split(";")[0]}">'
        f'<animate attributeName="fill" values="{led_values}" keyTimes="{led_times}" '
        f'calcMode="discrete" {anim}/></circle>'
        f'<text x="{_f(-r)}" y="{_f(-r - 2)}" font-size="6" opacity="0">♪'
        f'<animate attributeName="opacity" values="{note_values}" keyTimes="{note_times}" '
        f'calcMode="discrete" {anim}/></text>'
        "</g>"
    )
    if run.collision is not None:
        cx, cy = run.collision.x, run.collision.y
        parts.append(
            f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(r + 2)}" fill="none" stroke="#d32f2f" '
            f'stroke-width="1.5" opacity="0"><animate attributeName="opacity" values="0;1" '
            f'keyTimes="0;0.999" calcMode="discrete" {anim}/></circle>'
        )
    label = html.escape(_("Replay"))
    button = (
        f'<g id="{uid}rejouer" style="cursor:pointer" role="button" aria-label="{label}">'
        f'<rect x="2" y="2" width="34" height="11" rx="3" fill="#1565c0"/>'
        f'<text x="19" y="10" font-size="6" text-anchor="middle" fill="#fff">▶ {label}</text>'
        "</g>"
    )
    parts.append(button)
    width = 640
    height = round(width * world.height / world.width)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(world.width)} '
        f'{_f(world.height)}" width="{width}" height="{height}" role="img" '
        f'aria-label="{html.escape(world.name())}">' + "".join(parts) + "</svg>"
    )
    svg = svg.replace(_UID, "rb" + hashlib.sha256(svg.encode()).hexdigest()[:12])
    caption = ""
    if verdict is not None:
        colour = "#2e7d32" if verdict.ok else "#c62828"
        caption = (
            f'<p style="font:16px sans-serif;color:{colour};margin:6px 0">'
            f"{html.escape(verdict.message)}</p>"
        )
    output = ""
    if run.output:
        output = (
            '<pre style="font:13px monospace;background:#f4f4f4;padding:4px;margin:4px 0">'
            f"{html.escape(run.output)}</pre>"
        )
    title = f'<p style="font:bold 15px sans-serif;margin:4px 0">{html.escape(world.name())}</p>'
    return Animation(f'<div class="robocole-sim">{title}{svg}{caption}{output}</div>')


def _led_track(run: SimRun, total_ms: float) -> tuple[str, str]:
    values = ["#555"]
    times = [0.0]
    for event in run.record.events:
        if event["e"] == "led":
            r, g, b = event["rgb"]
            values.append(f"rgb({r},{g},{b})" if (r, g, b) != (0, 0, 0) else "#555")
            times.append(event["t"])
    return ";".join(values), _key_times(times, total_ms)


def _note_track(run: SimRun, total_ms: float) -> tuple[str, str]:
    values = ["0"]
    times = [0.0]
    for event in run.record.events:
        if event["e"] == "son":
            values.append("1")
            times.append(event["t"])
        elif event["e"] == "silence":
            values.append("0")
            times.append(event["t"])
    return ";".join(values), _key_times(times, total_ms)


def show(program: Program, world: World | str | Path, *, speed: float = 1.0) -> Animation:
    """Grade ``program`` in ``world`` and animate its (first failed, else last) run."""
    if not isinstance(world, World):
        world = load_world(world)
    verdict = evaluate(program, world)
    run = verdict.runs[-1]
    return animation(run, verdict, speed=speed)


montrer = show
