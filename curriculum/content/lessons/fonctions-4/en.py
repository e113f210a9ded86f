# %% [markdown]
# # Drawing with functions
#
# Zed lent his workshop to **Tao the turtle**! With functions, Tao can learn **new words**:
# once the function `square` is written, `square(3)` draws a square, without writing it all again.
#
# Tao's orders, as a reminder: `forward(steps)`, `turn_left()`, `turn_right()`.
# `new_sheet()` wipes everything and puts Tao back at the start, facing right.

# %% include="tortue"

# %% [markdown]
# ## Exercise 1: the word "square"
#
# Write the function `square(side)`: Tao draws a square with sides of `side` steps, turning right,
# and comes back to where she started. For example `square(3)` draws:
#
# ```
# ####
# #..#
# #..#
# ####
# ```

# %% [markdown] hints="fonctions-4-a"
# 1. A square is 4 times: go forward one side, then turn right.
# 2. The length of the side is the parameter: `forward(side)`.
# 3. `def square(side):` / `    for i in range(4):` / `        forward(side)` / `        turn_right()`.

# %% solution="fonctions-4-a"
### BEGIN SOLUTION
def square(side):
    for i in range(4):
        forward(side)
        turn_right()
### END SOLUTION
new_sheet()
square(3)
show()

# %% tests="fonctions-4-a" points=2
assert "square" in globals(), "There is no function square yet."
for side, expected in ((3, "####\n#..#\n#..#\n####"), (5, "######\n#....#\n#....#\n#....#\n#....#\n######")):
    new_sheet()
    square(side)
    assert drawing() == expected, f"square({side}) draws:\n{drawing()}\nbut we expected:\n{expected}"
    assert position() == (0, 0), f"After square({side}), Tao must come back to the start, but she is at {position()}."

# %% wrong="fonctions-4-a"
def square(side):
    for i in range(5):
        forward(side)
        turn_right()
# ---
def square(side):
    forward(side)
    turn_right()

# %% right="fonctions-4-a"
def square(side):
    for turn in range(4):
        forward(side)
        turn_right()
# ---
def square(side):
    for i in range(0, 4):
        forward(side)
        turn_right()

# %% wrong="fonctions-4-a"
def square(side):
    for i in range(3):
        forward(side)
        turn_right()

# %% [markdown]
# ## Exercise 2: the word "stairs"
#
# Write the function `stairs(steps, height)`: for each step, Tao turns left,
# goes forward `height`, turns right, goes forward `height`. For example `stairs(2, 2)` draws:
#
# ```
# ..###
# ..#..
# ###..
# #....
# #....
# ```

# %% [markdown] hints="fonctions-4-b"
# 1. Two parameters: `def stairs(steps, height):`.
# 2. The loop runs `steps` times: `for s in range(steps):`.
# 3. Inside the loop: `turn_left()`, `forward(height)`, `turn_right()`, `forward(height)`.

# %% solution="fonctions-4-b"
### BEGIN SOLUTION
def stairs(steps, height):
    for s in range(steps):
        turn_left()
        forward(height)
        turn_right()
        forward(height)
### END SOLUTION
new_sheet()
stairs(2, 2)
show()

# %% tests="fonctions-4-b" points=2
assert "stairs" in globals(), "There is no function stairs yet."
for steps, height, expected in ((2, 2, "..###\n..#..\n###..\n#....\n#...."), (3, 1, "..##\n.##.\n##..\n#...")):
    new_sheet()
    stairs(steps, height)
    assert drawing() == expected, f"stairs({steps}, {height}) draws:\n{drawing()}\nbut we expected:\n{expected}"

# %% wrong="fonctions-4-b"
def stairs(steps, height):
    turn_left()
    forward(height)
    turn_right()
    forward(height)
# ---
def stairs(steps, height):
    for s in range(steps):
        forward(height)
        turn_left()
        turn_right()
        forward(height)

# %% right="fonctions-4-b"
def stairs(steps, height):
    for turn in range(steps):
        turn_left()
        forward(height)
        turn_right()
        forward(height)
# ---
def stairs(steps, height):
    for s in range(0, steps):
        turn_left()
        forward(height)
        turn_right()
        forward(height)

# %% wrong="fonctions-4-b"
def stairs(steps, height):
    for s in range(steps):
        turn_right()
        forward(height)
        turn_right()
        forward(height)

# %% [markdown]
# ## Exercise 3: the garland of lanterns
#
# Here is Zed's function `square` (the same as yours). Use it to write `garland(lanterns)`:
# for each lantern, Tao goes forward 2, draws `square(2)`, then goes forward 2 again.
# For example `garland(3)` draws:
#
# ```
# #############
# ..#.#.#.#.#.#
# ..###.###.###
# ```

# %%
def square(side):
    for i in range(4):
        forward(side)
        turn_right()

# %% [markdown] hints="fonctions-4-c"
# 1. A function can call another function: inside `garland`, call `square(2)`.
# 2. The loop runs `lanterns` times, and holds 3 lines.
# 3. `def garland(lanterns):` / `    for i in range(lanterns):` / `        forward(2)` / `        square(2)` / `        forward(2)`.

# %% solution="fonctions-4-c"
### BEGIN SOLUTION
def garland(lanterns):
    for i in range(lanterns):
        forward(2)
        square(2)
        forward(2)
### END SOLUTION
new_sheet()
garland(3)
show()

# %% tests="fonctions-4-c" points=3
assert "garland" in globals(), "There is no function garland yet."
for lanterns, expected in ((3, "#############\n..#.#.#.#.#.#\n..###.###.###"), (1, "#####\n..#.#\n..###")):
    new_sheet()
    garland(lanterns)
    assert drawing() == expected, f"garland({lanterns}) draws:\n{drawing()}\nbut we expected:\n{expected}"

# %% wrong="fonctions-4-c"
def garland(lanterns):
    for i in range(lanterns):
        forward(3)
        square(2)
        forward(2)
# ---
def garland(lanterns):
    for i in range(lanterns):
        forward(2)
        square(3)
        forward(2)
# ---
def garland(lanterns):
    forward(2)
    square(2)
    forward(2)

# %% right="fonctions-4-c"
def garland(lanterns):
    for turn in range(lanterns):
        forward(2)
        square(2)
        forward(2)
# ---
def garland(lanterns):
    for i in range(0, lanterns):
        forward(2)
        square(2)
        forward(2)

# %% [markdown] sheet=true
# ## Objectives
# Cut a drawing into functions to use again (square, staircase).
# ## Duration
# 55 minutes.
# ## Prerequisites
# Functions 3 and the Loops unit.
# ## Unplugged warm-up
# Describe a border drawing by naming its parts: "lantern, gap, lantern…".
# ## What to watch for
# Where does the turtle end after the function? Its heading matters for what follows.
# ## Helping a child who is stuck
# Draw the part once, then call it.
# ## Going further
# Invent a pattern and make a garland of it.
