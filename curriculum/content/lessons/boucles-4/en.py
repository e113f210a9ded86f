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
