"""The run as an animation a pupil watches in the notebook: one self-contained SVG.

No script and no outside file: SMIL animations (``animateTransform``, ``animate``) move the
robot, draw its trail, light its LEDs and show its notes, and ``begin="…click"`` on the
"Rejouer" button replays it. The button is a real HTML button beside the drawing (SMIL finds
it by its id in the page), so the keyboard reaches it and Enter or Space replays. When the
system asks for less motion, a style rule shows the whole path and the robot where it ended
instead. A sentence under the drawing tells what the robot did (``describe``), for a pupil
who cannot see it. JupyterLab shows it as HTML output; saved to a file, any browser plays it
offline.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import math
from dataclasses import dataclass
from pathlib import Path

from robocole.i18n import current_language, ngettext
from robocole.i18n import gettext as _
from robot_firmware.sim.challenges import Program, Verdict, evaluate
from robot_firmware.sim.describe import describe
from robot_firmware.sim.runner import SimRun
from robot_firmware.sim.world import World, WorldError, load_world

#: Lines of the program's output shown from its start, and as many from its end.
OUTPUT_LINES = 100
#: Animation frames per second of robot time (the robot moves smoothly between them).
FRAMES_PER_SECOND = 10
#: Stands for the animation's id while it is drawn; the id is then a hash of the drawing, so
#: the same run gives the same SVG, bit for bit, and two different runs in one notebook
#: never share the ids their "Rejouer" buttons are found by.
_UID = "rbUID"
#: Displays of animations in this process (a notebook's kernel), for ids unique per display.
_DISPLAYS = itertools.count(1)


@dataclass
class Animation:
    html: str
    #: The ids' stem in ``html`` (a hash of the drawing).
    uid: str = ""

    def _repr_html_(self) -> str:  # shown by Jupyter
        # Each display gets its own ids: the same run shown in two cells would otherwise share
        # them, and the second "Rejouer" would replay the first drawing.
        if not self.uid:
            return self.html
        return self.html.replace(self.uid, f"{self.uid}n{next(_DISPLAYS)}")

    def save(self, path: str | Path) -> Path:
        target = Path(path)
        # The page's language, so a screen reader reads the sentences with a French voice.
        target.write_text(
            f'<!doctype html><html lang="{html.escape(current_language())}"><meta charset="utf-8">'
            '<title>Robocole</title><main><h1 style="font:bold 18px sans-serif">Robocole</h1>'
            f"{self.html}</main></html>",
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
        f'<polyline id="{uid}trace" points="{trail}" fill="none" stroke="#1565c0" '
        'stroke-width="1.2" '
        f'stroke-dasharray="{length:.1f}" stroke-dashoffset="{length:.1f}">'
        f'<animate attributeName="stroke-dashoffset" values="{dash}" keyTimes="{key_times}" '
        f"{anim}/></polyline>"
    )
    r = world.radius
    x0, y0, h0 = samples[0][1], samples[0][2], math.degrees(samples[0][3])
    led_values, led_times = _led_track(run, total_ms)
    note_values, note_times = _note_track(run, total_ms)
    # The moving robot stays the drawing's first group (the tests find it so).
    parts.append(
        f'<g id="{uid}robot" transform="translate({_f(x0)},{_f(y0)}) rotate({h0:.1f})">'
        f'<animateTransform attributeName="transform" type="translate" values="{translate}" '
        f'keyTimes="{key_times}" {anim}/>'
        f'<animateTransform attributeName="transform" type="rotate" additive="sum" '
        f'values="{rotate}" keyTimes="{key_times}" {anim}/>'
        + _robot_body(r)
        + f'<circle r="{_f(r * 0.3)}" fill="{led_values.split(";")[0]}">'
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
            f'<circle id="{uid}choc" cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(r + 2)}" fill="none" '
            f'stroke="#d32f2f" stroke-width="1.5" opacity="0"><animate attributeName="opacity" '
            f'values="0;1" keyTimes="0;0.999" calcMode="discrete" {anim}/></circle>'
        )
    parts.append(_still(run, uid, trail, led_values.split(";")[-1]))
    width = 640
    height = round(width * world.height / world.width)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(world.width)} '
        f'{_f(world.height)}" width="{width}" height="{height}" role="img" '
        f'aria-label="{html.escape(world.name())}" aria-describedby="{uid}fait">'
        + "".join(parts)
        + "</svg>"
    )
    label = html.escape(_("Replay"))
    button = (
        f'<button type="button" id="{uid}rejouer" style="font:bold 14px sans-serif;'
        "color:#fff;background:#1565c0;border:0;border-radius:6px;padding:4px 12px;"
        f'margin:2px 0 4px;cursor:pointer"><span aria-hidden="true">▶</span> {label}</button>'
    )
    told = (
        f'<p id="{uid}fait" style="font:14px sans-serif;margin:4px 0">'
        f"{html.escape(describe(run))}</p>"
    )
    caption = ""
    if verdict is not None:
        colour = "#2e7d32" if verdict.ok else "#c62828"
        caption = (
            f'<p style="font:16px sans-serif;color:{colour};margin:6px 0">'
            f"{html.escape(' '.join(filter(None, (verdict.message, verdict.hint))))}</p>"
        )
    output = ""
    if run.output:
        output = (
            '<pre style="font:13px monospace;background:#f4f4f4;padding:4px;margin:4px 0;'
            f'max-height:24em;overflow:auto">{html.escape(_shown_output(run.output))}</pre>'
        )
    title = f'<p style="font:bold 15px sans-serif;margin:4px 0">{html.escape(world.name())}</p>'
    page = (
        # Its own light panel: in a dark notebook theme the texts would inherit light colours
        # over the light drawing and output box.
        '<div class="robocole-sim" style="background:#fff;color:#222;padding:6px 8px;'
        f'border-radius:6px;max-width:660px">{_less_motion(uid)}{title}{button}<br>{svg}{told}'
        f"{caption}{output}</div>"
    )
    # The id is a hash of the whole drawing: the same run gives the same page, bit for bit.
    uid = "rb" + hashlib.sha256(page.encode()).hexdigest()[:12]
    return Animation(page.replace(_UID, uid), uid)


def _shown_output(text: str) -> str:
    """What the program printed, its first and last lines when it printed a lot: a print()
    in a loop gives tens of thousands of lines in 60 robot seconds, megabytes in a notebook."""
    lines = text.splitlines(keepends=True)
    if len(lines) <= 2 * OUTPUT_LINES:
        return text
    skipped = len(lines) - 2 * OUTPUT_LINES
    note = ngettext("… %(num)s more line …", "… %(num)s more lines …", skipped)
    return "".join(lines[:OUTPUT_LINES]) + note + "\n" + "".join(lines[-OUTPUT_LINES:])


def _robot_body(r: float) -> str:
    return (
        f'<circle r="{_f(r)}" fill="#ffd54f" stroke="#333" stroke-width="0.8"/>'
        f'<rect x="{_f(-r * 0.5)}" y="{_f(-r - 1)}" width="{_f(r)}" height="2" fill="#333"/>'
        f'<rect x="{_f(-r * 0.5)}" y="{_f(r - 1)}" width="{_f(r)}" height="2" fill="#333"/>'
        f'<polygon points="{_f(r)},0 {_f(r * 0.4)},{_f(-r * 0.35)} '
        f'{_f(r * 0.4)},{_f(r * 0.35)}" fill="#333"/>'
    )


def _still(run: SimRun, uid: str, trail: str, led: str) -> str:
    """The end of the run without motion: the whole path, the robot where it stopped, and the
    red ring where it touched a wall. Shown only when the system asks for less motion."""
    r = run.world.radius
    x, y, heading = run.final_pose
    ring = ""
    if run.collision is not None:
        ring = (
            f'<circle cx="{_f(run.collision.x)}" cy="{_f(run.collision.y)}" r="{_f(r + 2)}" '
            'fill="none" stroke="#d32f2f" stroke-width="1.5"/>'
        )
    return (
        f'<g id="{uid}fin">'
        f'<polyline points="{trail}" fill="none" stroke="#1565c0" stroke-width="1.2"/>'
        f'<g transform="translate({_f(x)},{_f(y)}) rotate({math.degrees(heading):.1f})">'
        + _robot_body(r)
        + f'<circle r="{_f(r * 0.3)}" fill="{led}"/></g>{ring}</g>'
    )


def _less_motion(uid: str) -> str:
    """Swap the animation for the still end of the run when the system asks for less motion
    (SMIL has no switch of its own; the ids keep the rule to this drawing)."""
    moving = f"#{uid}trace,#{uid}robot,#{uid}choc,#{uid}rejouer"
    return (
        f"<style>#{uid}fin{{display:none}}@media (prefers-reduced-motion:reduce){{"
        f"{moving}{{display:none}}#{uid}fin{{display:inline}}}}</style>"
    )


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


def show(
    program: Program, world: World | str | Path | None = None, *, speed: float = 1.0
) -> Animation:
    """Grade ``program`` in ``world`` and animate its (first failed, else last) run."""
    # A child's slips, said in French rather than by Python's TypeError and ZeroDivisionError.
    if world is None:
        raise WorldError(
            _('Say which world your robot drives in, for example: montrer(programme, "carre")')
        )
    if not isinstance(speed, (int, float)) or not speed > 0:
        raise WorldError(_("The speed must be a number above 0 (1: the speed of the real robot)."))
    if not isinstance(world, World):
        world = load_world(world)
    verdict = evaluate(program, world)
    run = verdict.runs[-1]
    return animation(run, verdict, speed=speed)


montrer = show
