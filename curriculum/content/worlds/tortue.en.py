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


def show():
    print(drawing())
