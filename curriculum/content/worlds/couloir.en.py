# The corridor of Coralie the mouse (change nothing here: just run this cell).
# The corridor: . = empty square, C = cheese, # = wall. Coralie starts on square 0, facing right.


class _Corridor:
    def __init__(self, grid, sign):
        self.squares = grid.split()
        self.x = 0
        self.steps = 0
        self.sign = sign
        self.eaten = 0
        self.misses = 0
        self.bumps = 0
        self.jumps = 0
        self.words = []

    def square(self, x):
        return self.squares[x] if 0 <= x < len(self.squares) else "#"


_corridor = _Corridor(".", 0)


def try_on(program, grid, sign=0):
    """Put Coralie at the start of the corridor `grid`, then run your program."""
    global _corridor
    _corridor = _Corridor(grid, sign)
    program()


def _tired():
    # A `while` that never ends would freeze the notebook: stop it with a sentence instead.
    _corridor.steps += 1
    if _corridor.steps > 100:
        raise RuntimeError("Coralie is worn out: she took more than 100 steps. Does your loop ever stop?")


def forward():
    _tired()
    if _corridor.square(_corridor.x + 1) == "#":
        _corridor.bumps += 1
        print("Ouch! Coralie bumps into a wall.")
    else:
        _corridor.x += 1


def jump():
    """Coralie jumps over the square in front of her."""
    _tired()
    if _corridor.square(_corridor.x + 2) == "#":
        _corridor.bumps += 1
        print("Ouch! Coralie lands on a wall.")
    else:
        _corridor.x += 2
        _corridor.jumps += 1


def wall_ahead():
    return _corridor.square(_corridor.x + 1) == "#"


def cheese_here():
    return _corridor.square(_corridor.x) == "C"


def eat():
    if cheese_here():
        _corridor.squares[_corridor.x] = "."
        _corridor.eaten += 1
    else:
        _corridor.misses += 1
        print("Coralie bites into thin air!")


def sign():
    """The number written on the corridor's sign."""
    return _corridor.sign


def say(text):
    _corridor.words.append(_written(text))
    print("Coralie:", text)


def position():
    return _corridor.x


def end():
    """The last square of the corridor."""
    return len(_corridor.squares) - 1


def cheeses():
    """How many pieces of cheese Coralie ate."""
    return _corridor.eaten


def misses():
    """How many times Coralie bit into thin air."""
    return _corridor.misses


def bumps():
    return _corridor.bumps


def jumps():
    return _corridor.jumps


def words():
    return list(_corridor.words)


def _written(text):
    """What was said, written the English way: "Hello !" and "Hello!" count the same."""
    text = str(text).replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    for sign in "!?:;":
        text = text.replace(" " + sign, sign)
    return " ".join(text.split())
