# The world of Tao the turtle (change nothing here: just run this cell).
# Tao walks on squared paper and leaves a trail # behind her.

_DIRECTIONS = [(1, 0), (0, 1), (-1, 0), (0, -1)]  # right, up, left, down


class _Turtle:
    def __init__(self):
        self.x, self.y, self.heading = 0, 0, 0
        self.trail = {(0, 0)}
        self.notes = []

    def forward(self, steps):
        dx, dy = _DIRECTIONS[self.heading]
        for _ in range(steps):
            self.x, self.y = self.x + dx, self.y + dy
            self.trail.add((self.x, self.y))


_tao = _Turtle()


def new_sheet():
    """Tao goes back to the start, on a blank sheet, facing right."""
    global _tao
    _tao = _Turtle()


def forward(steps=1):
    """Tao moves one square forward (or several: forward(3))."""
    _tao.forward(steps)


def turn_left():
    _tao.heading = (_tao.heading + 1) % 4


def turn_right():
    _tao.heading = (_tao.heading - 1) % 4


def write(value):
    """Tao writes a value in her notebook."""
    _tao.notes.append(value)


def notebook():
    return list(_tao.notes)


def position():
    """Where Tao is: (column, row), the start is (0, 0)."""
    return (_tao.x, _tao.y)


def drawing():
    """Tao's drawing as text: # where she went."""
    xs = [x for x, _ in _tao.trail]
    ys = [y for _, y in _tao.trail]
    rows = []
    for y in range(max(ys), min(ys) - 1, -1):
        rows.append("".join("#" if (x, y) in _tao.trail else "." for x in range(min(xs), max(xs) + 1)))
    return "\n".join(rows)


def _where(x, y):
    """A square of the drawing in words: "at the top left"."""
    xs, ys = [a for a, _ in _tao.trail], [b for _, b in _tao.trail]
    v = "" if max(ys) == min(ys) else "top" if y == max(ys) else "bottom" if y == min(ys) else "middle"
    h = "" if max(xs) == min(xs) else "left" if x == min(xs) else "right" if x == max(xs) else "middle"
    words = " ".join(w for w in dict.fromkeys((v, h)) if w)
    return f"at the {words}" if words else "on the only square"


def _sentence():
    """What the picture shows, for who cannot see it (a screen reader)."""
    xs, ys = [a for a, _ in _tao.trail], [b for _, b in _tao.trail]
    width, height = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    n = len(_tao.trail)
    towards = ("the right", "the top", "the left", "the bottom")[_tao.heading]
    return (
        f"Tao's drawing, {width} column{'s' if width > 1 else ''} and {height} row{'s' if height > 1 else ''}: "
        f"{n} square{'s' if n > 1 else ''} drawn. Tao is {_where(_tao.x, _tao.y)}, facing {towards}."
    )


def _picture(sentence):
    """The drawing as SVG: light, with no script and no file to load."""
    c = 24  # the size of a square
    xs, ys = [a for a, _ in _tao.trail], [b for _, b in _tao.trail]
    x0, y0 = min(xs), max(ys)  # the top left square
    width, height = max(xs) - x0 + 1, y0 - min(ys) + 1
    inside = []
    for y in range(height):
        for x in range(width):
            fill = "#1e7d32" if (x0 + x, y0 - y) in _tao.trail else "#ffffff"
            inside.append(f'<rect x="{x * c}" y="{y * c}" width="{c}" height="{c}" fill="{fill}" stroke="#c8c8c8"/>')
    dx, dy = _DIRECTIONS[_tao.heading]
    dy = -dy  # in SVG, y goes down
    cx, cy = (_tao.x - x0) * c + c / 2, (y0 - _tao.y) * c + c / 2
    points = [(cx + 9 * dx, cy + 9 * dy), (cx - 6 * dx - 7 * dy, cy - 6 * dy + 7 * dx), (cx - 6 * dx + 7 * dy, cy - 6 * dy - 7 * dx)]
    inside.append('<polygon points="' + " ".join(f"{a:g},{b:g}" for a, b in points) + '" fill="#0b57d0" stroke="#ffffff" stroke-width="2"/>')
    sentence = sentence.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 {width * c + 4} {height * c + 4}" '
        f'width="{width * c + 4}" height="{height * c + 4}" role="img" aria-label="{sentence}">'
        f'<title>{sentence}</title>{"".join(inside)}</svg>'
    )


def show():
    """Show Tao's drawing: a picture, and the text for who reads text."""
    text = drawing()
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        print(text)  # outside a notebook: the text alone
        return
    display({"text/plain": text, "image/svg+xml": _picture(_sentence())}, raw=True)
