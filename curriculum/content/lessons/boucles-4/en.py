# %% [markdown]
# # A loop inside a loop
#
# A loop can hold… another loop! We say they are **nested**.
#
# ```python
# for side in range(4):
#     for step in range(6):
#         forward()
#     turn_right()
# ```
#
# The inner loop draws one side (6 steps). The outer loop repeats the side 4 times.
# Look at the indentation: `forward()` is indented **twice**.

# %% include="regles"

# %% include="tortue"

# %% [markdown]
# ## Exercise 1: the big square
#
# Draw a square with sides of 6 steps, with two nested loops. Tao must come back to the start.
#
# ```
# #######
# #.....#
# #.....#
# #.....#
# #.....#
# #.....#
# #######
# ```

# %% [markdown] hints="boucles-4-a"
# 1. One side: a loop of 6 `forward()`, then `turn_right()`.
# 2. That side goes inside a loop that runs 4 times.
# 3. Copy the example at the top of the lesson: it draws exactly this square.

# %% solution="boucles-4-a"
new_sheet()
### BEGIN SOLUTION
for side in range(4):
    for step in range(6):
        forward()
    turn_right()
### END SOLUTION
show()

# %% tests="boucles-4-a" points=2
expected = "#######\n#.....#\n#.....#\n#.....#\n#.....#\n#.....#\n#######"
assert drawing() == expected, f"It is not the big square yet.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"
assert position() == (0, 0), f"Tao must come back to the start (0, 0), but she is at {position()}."

# %% wrong="boucles-4-a"
for side in range(5):
    for step in range(6):
        forward()
    turn_right()
# ---
for side in range(4):
    for step in range(7):
        forward()
    turn_right()
# ---
for step in range(6):
    forward()
turn_right()

# %% right="boucles-4-a"
for turn in range(4):
    for step in range(6):
        forward()
    turn_right()
# ---
for side in range(0, 4):
    for step in range(6):
        forward()
    turn_right()

# %% [markdown]
# ## Exercise 2: the big staircase
#
# Each stair: Tao turns left, climbs 3 steps (one by one, with a loop), turns right, goes forward 3 steps (with a loop).
# There are 3 stairs.
#
# ```
# ......####
# ......#...
# ......#...
# ...####...
# ...#......
# ...#......
# ####......
# #.........
# #.........
# #.........
# ```

# %% [markdown] hints="boucles-4-b"
# 1. The outer loop counts the stairs: `for stair in range(3):`.
# 2. In one stair there are two small loops of 3 `forward()`, with the turns around them.
# 3. `turn_left()`, `for step in range(3):` + `forward()`, `turn_right()`, `for step in range(3):` + `forward()`, all inside the big loop.

# %% solution="boucles-4-b"
new_sheet()
### BEGIN SOLUTION
for stair in range(3):
    turn_left()
    for step in range(3):
        forward()
    turn_right()
    for step in range(3):
        forward()
### END SOLUTION
show()

# %% tests="boucles-4-b" points=2
expected = "......####\n......#...\n......#...\n...####...\n...#......\n...#......\n####......\n#.........\n#.........\n#........."
assert drawing() == expected, f"The staircase is not right yet.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"

# %% wrong="boucles-4-b"
for stair in range(4):
    turn_left()
    for step in range(3):
        forward()
    turn_right()
    for step in range(3):
        forward()
# ---
for stair in range(3):
    turn_left()
    for step in range(4):
        forward()
    turn_right()
    for step in range(3):
        forward()
# ---
turn_left()
for step in range(3):
    forward()
turn_right()
for step in range(3):
    forward()

# %% right="boucles-4-b"
for turn in range(3):
    turn_left()
    for step in range(3):
        forward()
    turn_right()
    for step in range(3):
        forward()
# ---
for stair in range(0, 3):
    turn_left()
    for step in range(3):
        forward()
    turn_right()
    for step in range(3):
        forward()

# %% [markdown]
# ## Exercise 3: the times table
#
# Tao fills in a times table. For each row from 1 to 3, and for each column from 1 to 3,
# she writes `row * column` in her notebook.
#
# | × | 1 | 2 | 3 |
# |---|---|---|---|
# | **1** | 1 | 2 | 3 |
# | **2** | 2 | 4 | 6 |
# | **3** | 3 | 6 | 9 |
#
# The notebook must hold: `[1, 2, 3, 2, 4, 6, 3, 6, 9]`.

# %% [markdown] hints="boucles-4-c"
# 1. Two counters: `row` for the outer loop, `column` for the inner one.
# 2. Both go from 1 to 3: `range(1, 4)`.
# 3. `for row in range(1, 4):` then `    for column in range(1, 4):` then `        write(row * column)`.

# %% solution="boucles-4-c"
new_sheet()
### BEGIN SOLUTION
for row in range(1, 4):
    for column in range(1, 4):
        write(row * column)
### END SOLUTION
print(notebook())

# %% tests="boucles-4-c" points=3
expected = [1, 2, 3, 2, 4, 6, 3, 6, 9]
assert notebook() == expected, f"Tao's notebook holds {notebook()}, but the table gives {expected}."

# %% wrong="boucles-4-c"
for row in range(2, 4):
    for column in range(1, 4):
        write(row * column)
# ---
for row in range(1, 5):
    for column in range(1, 4):
        write(row * column)

# %% right="boucles-4-c"
for turn in range(1, 4):
    for column in range(1, 4):
        write(turn * column)

# %% wrong="boucles-4-c"
for row in range(1, 3):
    for column in range(1, 4):
        write(row * column)

# %% [markdown]
# ## Exercise 4: your own creation!
#
# Invent your own shape. You choose!
# Your drawing must follow three rules:
#
# - You use a loop.
# - Tao comes back to where it started: the shape is closed.
# - The drawing has at least 12 squares.
#
# When your drawing is ready, show it to the class.

# %% [markdown] hints="boucles-4-d"
# 1. Think of a shape that repeats: a square, a rectangle, a cross…
# 2. If Tao does the same thing 4 times and always turns the same way, it comes back to the start.
# 3. Draw your shape on squared paper first. Count its squares.

# %% solution="boucles-4-d"
new_sheet()
### BEGIN SOLUTION
for half in range(2):
    forward(5)
    turn_left()
    forward(3)
    turn_left()
### END SOLUTION
show()

# %% tests="boucles-4-d" points=3
squares = drawing().count("#")
assert squares >= 12, f"Your drawing has {squares} squares. It needs at least 12: make a bigger shape."
assert position() == (0, 0), f"The shape is not closed: Tao ends at {position()}, not at its start (0, 0)."
rules(loop=True)

# %% wrong="boucles-4-d"
forward(5)
turn_left()
forward(3)
turn_left()
forward(5)
turn_left()
forward(3)
# ---
for side in range(3):
    forward(4)
    turn_left()
# ---
for side in range(4):
    forward(1)
    turn_left()
# ---
for side in range(4):
    forward(4)

# %% right="boucles-4-d"
for side in range(4):
    forward(4)
    turn_right()
# ---
for arm in range(4):
    forward(3)
    turn_left()
    forward(1)
    turn_left()
    forward(3)
    turn_right()
# ---
for side in range(3):
    forward(4)
    turn_left()
forward(4)

# %% [markdown] sheet=true
# ## Objectives
# Put a loop inside a loop to repeat a pattern that already repeats.
# ## Duration
# 55 minutes.
# ## Prerequisites
# Loops 3.
# ## Unplugged warm-up
# A round dance: 3 rounds, and in each round, 4 steps.
# ## What to watch for
# The indent of the inner loop. Count all the orders: 3 times 4.
# ## Helping a child who is stuck
# Write the inner loop alone first, check it, then wrap it.
# ## Going further
# Change the size of the square and the number of squares.
