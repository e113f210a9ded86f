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


def _text():
    """The grid as text, with Pixel (P) and the treasure (T)."""
    rows = []
    for y, row in enumerate(drawing().split("\n")):
        squares = row.split()
        for x in range(len(squares)):
            if (x, y) == _world.pixel:
                squares[x] = "P"
            elif (x, y) == _world.treasure and squares[x] == ".":
                squares[x] = "T"
        rows.append(" ".join(squares))
    return "\n".join(rows)


def _where(x, y):
    """A square in words: "at the top left"."""
    height, width = len(_world.squares), max(len(row) for row in _world.squares)
    v = "" if height == 1 else "top" if y == 0 else "bottom" if y == height - 1 else "middle"
    h = "" if width == 1 else "left" if x == 0 else "right" if x == width - 1 else "middle"
    words = " ".join(w for w in dict.fromkeys((v, h)) if w)
    return f"at the {words}" if words else "on the only square"


def _sentence():
    """What the picture shows, for who cannot see it (a screen reader)."""
    height, width = len(_world.squares), max(len(row) for row in _world.squares)
    parts = [f"Pixel is {_where(*_world.pixel)}"]
    if _world.treasure == _world.pixel:
        parts[0] = f"Pixel is on the treasure, {_where(*_world.pixel)}"
    elif _world.treasure is not None:
        parts.append(f"the treasure is {_where(*_world.treasure)}")
    if key() is not None:
        parts.append(f"the key is {_where(*key())}")
    walls = sum(row.count("#") for row in _world.squares)
    for n, one, many in ((walls, "wall", "walls"), (len(_world.painted), "painted square", "painted squares")):
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    size = f"{width} column{'s' if width > 1 else ''} and {height} row{'s' if height > 1 else ''}"
    return f"Pixel's grid, {size}: " + ", ".join(parts) + "."


def _picture(sentence):
    """The grid as SVG: light, with no script and no file to load."""
    c = 40  # the size of a square
    height, width = len(_world.squares), max(len(row) for row in _world.squares)
    inside = []
    for y, row in enumerate(_world.squares):
        for x, square in enumerate(row):
            fill = "#333333" if square == "#" else "#b35900" if (x, y) in _world.painted else "#ffffff"
            inside.append(f'<rect x="{x * c}" y="{y * c}" width="{c}" height="{c}" fill="{fill}" stroke="#595959"/>')
            if square == "K":
                inside.append(f'<text x="{x * c + c / 2}" y="{y * c + 27}" text-anchor="middle" font-size="20" font-weight="bold" fill="#7a4a00">K</text>')
    if _world.treasure is not None and _world.treasure != _world.pixel:
        x, y = _world.treasure
        inside.append(f'<polygon points="{x * c + 20},{y * c + 3} {x * c + 37},{y * c + 20} {x * c + 20},{y * c + 37} {x * c + 3},{y * c + 20}" fill="#1e7d32" stroke="#ffffff" stroke-width="2"/>')
        inside.append(f'<text x="{x * c + 20}" y="{y * c + 27}" text-anchor="middle" font-size="18" font-weight="bold" fill="#ffffff">T</text>')
    x, y = _world.pixel
    inside.append(f'<circle cx="{x * c + 20}" cy="{y * c + 20}" r="16" fill="#0b57d0" stroke="#ffffff" stroke-width="3"/>')
    inside.append(f'<text x="{x * c + 20}" y="{y * c + 27}" text-anchor="middle" font-size="18" font-weight="bold" fill="#ffffff">P</text>')
    sentence = sentence.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 {width * c + 4} {height * c + 4}" '
        f'width="{width * c + 4}" height="{height * c + 4}" role="img" aria-label="{sentence}" '
        f'font-family="sans-serif"><title>{sentence}</title>{"".join(inside)}</svg>'
    )


def show():
    """Show the grid with Pixel (P): a picture, and the text for who reads text."""
    text = _text()
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        print(text)  # outside a notebook: the text alone
        return
    display({"text/plain": text, "image/svg+xml": _picture(_sentence())}, raw=True)


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
    return "it still needs " + " and ".join(pieces) + _without_brackets()


def _without_brackets():
    """"right" written without () does nothing: say so, since Python says nothing."""
    import ast

    for code in reversed(globals().get("In") or []):
        if "gap(" in code or not code.strip():
            continue  # the tests themselves
        try:
            tree = ast.parse(code)
        except SyntaxError:
            return ""
        for node in ast.walk(tree):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Name) and callable(globals().get(node.value.id)):
                name = node.value.id
                return f". Line {node.lineno}: \"{name}\" without brackets does nothing, write {name}()"
        return ""
    return ""


def key():
    """The square of the key (K), if there is one."""
    for y, row in enumerate(_world.squares):
        for x, square in enumerate(row):
            if square == "K":
                return (x, y)
    return None
