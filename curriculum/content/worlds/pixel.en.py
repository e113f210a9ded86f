# Pixel's world (change nothing here: just run this cell).
# The grid: P = Pixel, T = treasure, # = wall, . = empty square.


class _World:
    def __init__(self, grid="P"):
        self.squares = [row.split() for row in grid.strip().split("\n")]
        self.painted = set()
        self.bumps = 0
        self.path = []
        self.treasure = None
        for y, row in enumerate(self.squares):
            for x, square in enumerate(row):
                if square == "P":
                    self.pixel = (x, y)
                if square == "T":
                    self.treasure = (x, y)

    def free(self, x, y):
        return (
            0 <= y < len(self.squares)
            and 0 <= x < len(self.squares[y])
            and self.squares[y][x] != "#"
        )

    def move(self, dx, dy):
        x, y = self.pixel[0] + dx, self.pixel[1] + dy
        if self.free(x, y):
            self.pixel = (x, y)
            self.path.append(self.pixel)
        else:
            self.bumps += 1
            print("Bong! Pixel bumps into something.")


_world = _World()


def start(grid):
    """Pixel goes back to the start, on a new grid."""
    global _world
    _world = _World(grid)


def right():
    _world.move(1, 0)


def left():
    _world.move(-1, 0)


def up():
    _world.move(0, -1)


def down():
    _world.move(0, 1)


def paint():
    """Pixel paints the square it stands on."""
    _world.painted.add(_world.pixel)


def position():
    return _world.pixel


def treasure():
    return _world.treasure


def bumps():
    """How many times Pixel bumped into something."""
    return _world.bumps


def path():
    """The squares Pixel went through, in order."""
    return list(_world.path)


def drawing():
    """The grid as text: * for a painted square."""
    rows = []
    for y, row in enumerate(_world.squares):
        squares = [
            "*" if (x, y) in _world.painted else ("." if s in "PT" else s)
            for x, s in enumerate(row)
        ]
        rows.append(" ".join(squares))
    return "\n".join(rows)


def show():
    """Print the grid with Pixel (P)."""
    for y, row in enumerate(drawing().split("\n")):
        squares = row.split()
        for x in range(len(squares)):
            if (x, y) == _world.pixel:
                squares[x] = "P"
            elif (x, y) == _world.treasure and squares[x] == ".":
                squares[x] = "T"
        print(" ".join(squares))


def gap(target):
    """Say, in words, where Pixel is compared with the target square."""
    dx, dy = target[0] - _world.pixel[0], target[1] - _world.pixel[1]
    pieces = []
    for n, plus, minus in ((dx, "right", "left"), (dy, "down", "up")):
        if n:
            squares = "square" if abs(n) == 1 else "squares"
            pieces.append(f"{abs(n)} more {squares} {plus if n > 0 else minus}")
    if not pieces:
        return "Pixel is right on the square"
    return "it still needs " + " and ".join(pieces)


def key():
    """The square of the key (K), if there is one."""
    for y, row in enumerate(_world.squares):
        for x, square in enumerate(row):
            if square == "K":
                return (x, y)
    return None
