# %% [markdown]
# # Pixel paints
#
# Pixel found a pot of paint! A new order:
#
# - `paint()`: Pixel paints the square it stands on. A painted square shows as `*`.
#
# To draw, Pixel moves and paints, square after square.
# `drawing()` shows what Pixel has painted.

# %% include="pixel"

# %% [markdown]
# ## Exercise 1: a line
#
# Paint the 3 squares of the row, to get this drawing:
#
# ```
# * * *
# ```

# %% [markdown] hints="sequences-3-a"
# 1. Pixel only paints the square it is on. Paint, move, paint…
# 2. Start with `paint()`: the first square is under Pixel.
# 3. `paint()`, `right()`, `paint()`, `right()`, `paint()`.

# %% solution="sequences-3-a" blocks="pixel,peins"
start("P . .")
### BEGIN SOLUTION
paint()
right()
paint()
right()
paint()
### END SOLUTION
print(drawing())

# %% tests="sequences-3-a" points=1
expected = "* * *"
assert drawing() == expected, f"The drawing does not look like the model.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"

# %% wrong="sequences-3-a"
paint()
right()
paint()
right()
# ---
right()
paint()
paint()
right()
paint()

# %% right="sequences-3-a"
paint()
right()
paint()
right()
paint()
print("I am done!")

# %% wrong="sequences-3-a"
right()
paint()
right()
paint()

# %% [markdown]
# ## Exercise 2: the letter L
#
# Draw a big L:
#
# ```
# * . .
# * . .
# * * *
# ```

# %% [markdown] hints="sequences-3-b"
# 1. Pixel starts at the top left. Paint going down, then going right.
# 2. The corner square (bottom left) needs painting only once, but twice does no harm.
# 3. `paint()`, `down()`, `paint()`, `down()`, `paint()`, `right()`, `paint()`, `right()`, `paint()`.

# %% solution="sequences-3-b" blocks="pixel,peins"
start("""
P . .
. . .
. . .
""")
### BEGIN SOLUTION
paint()
down()
paint()
down()
paint()
right()
paint()
right()
paint()
### END SOLUTION
print(drawing())

# %% tests="sequences-3-b" points=2
expected = "* . .\n* . .\n* * *"
assert drawing() == expected, f"The drawing does not look like the model.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"

# %% wrong="sequences-3-b"
paint()
down()
paint()
down()
paint()
right()
paint()
right()
# ---
down()
paint()
paint()
down()
paint()
right()
paint()
right()
paint()

# %% right="sequences-3-b"
paint()
down()
paint()
down()
paint()
right()
paint()
right()
paint()
print("I am done!")

# %% wrong="sequences-3-b"
down()
paint()
down()
paint()
right()
paint()
right()
paint()

# %% [markdown]
# ## Exercise 3: the plus sign
#
# Pixel starts at the top, in the middle. Draw a plus sign:
#
# ```
# . * .
# * * *
# . * .
# ```

# %% [markdown] hints="sequences-3-c"
# 1. Paint the top, then go down to the centre and paint it.
# 2. From the centre, paint the left, then cross over to the right, then come back to the centre to go down.
# 3. `paint()`, `down()`, `paint()`, `left()`, `paint()`, `right()`, `right()`, `paint()`, `left()`, `down()`, `paint()`.

# %% solution="sequences-3-c" blocks="pixel,peins"
start("""
. P .
. . .
. . .
""")
### BEGIN SOLUTION
paint()
down()
paint()
left()
paint()
right()
right()
paint()
left()
down()
paint()
### END SOLUTION
print(drawing())

# %% tests="sequences-3-c" points=3
expected = ". * .\n* * *\n. * ."
assert drawing() == expected, f"The drawing does not look like the model.\nYour drawing:\n{drawing()}\nThe model:\n{expected}"

# %% wrong="sequences-3-c"
paint()
down()
paint()
left()
paint()
right()
right()
paint()
left()
down()
# ---
down()
paint()
paint()
left()
paint()
right()
right()
paint()
left()
down()
paint()

# %% right="sequences-3-c"
paint()
down()
paint()
left()
paint()
for time in range(2):
    right()
paint()
left()
down()
paint()

# %% wrong="sequences-3-c"
down()
paint()
left()
paint()
right()
right()
paint()
left()
down()
paint()

# %% [markdown] sheet=true
# ## Objectives
# Leave a trail: paint a shape square by square.
# ## Duration
# 45 minutes.
# ## Prerequisites
# Sequences 2.
# ## Unplugged warm-up
# Dictated drawing: one child dictates a drawing on a grid, another draws it without seeing the model.
# ## What to watch for
# Painting is not moving: both orders are needed. A square painted twice does not show.
# ## Helping a child who is stuck
# Compare the drawing and the model, line by line.
# ## Going further
# Invent a letter and have a classmate paint it.
