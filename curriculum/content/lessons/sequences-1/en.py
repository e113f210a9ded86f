# %% [markdown]
# # First steps
#
# ![Pixel](images/pixel.svg)
#
# Meet **Pixel**, a little robot that lives on a grid.
# Pixel looks for treasure. It follows your orders **one by one**, in order.
#
# Pixel knows 4 orders. Each order moves it by **one** square:
#
# | Order | Pixel goes… |
# |---|---|
# | `right()` | right |
# | `left()` | left |
# | `up()` | up |
# | `down()` | down |
#
# On the grid: `P` is Pixel, `T` is the treasure, `.` is an empty square.

# %% include="pixel"

# %% [markdown]
# ## Exercise 1: the treasure next door
#
# The treasure is 2 squares to the right of Pixel:
#
# ```
# P . T
# ```
#
# Write the orders that take Pixel to the treasure.
# Write **one order per line**, below the line `# Write your program here`.

# %% [markdown] hints="sequences-1-a"
# 1. Count the squares between Pixel and the treasure.
# 2. Pixel must go right 2 times.
# 3. Write `right()` on one line, then `right()` again on the next line.

# %% solution="sequences-1-a" blocks="pixel"
start("P . T")
### BEGIN SOLUTION
right()
right()
### END SOLUTION
show()

# %% tests="sequences-1-a" points=1
assert position() == treasure(), f"Pixel is not on the treasure yet: {gap(treasure())}."
assert bumps() == 0, f"Pixel bumped into the edge of the grid {bumps()} times. Count the squares carefully!"

# %% wrong="sequences-1-a"
right()

# %% right="sequences-1-a"
for time in range(2):
    right()

# %% wrong="sequences-1-a"
left()
right()

# %% wrong="sequences-1-a"
right()
right()
right()

# %% [markdown]
# ## Exercise 2: down the stairs
#
# This time, the treasure is at the bottom right:
#
# ```
# P . .
# . . .
# . . T
# ```
#
# Take Pixel to the treasure.

# %% [markdown] hints="sequences-1-b"
# 1. Pixel must go right **and** down.
# 2. It takes 2 steps right and 2 steps down.
# 3. For example: `right()`, `right()`, `down()`, `down()`.

# %% solution="sequences-1-b" blocks="pixel"
start("""
P . .
. . .
. . T
""")
### BEGIN SOLUTION
right()
right()
down()
down()
### END SOLUTION
show()

# %% tests="sequences-1-b" points=1
assert position() == treasure(), f"Pixel is not on the treasure yet: {gap(treasure())}."

# %% wrong="sequences-1-b"
right()
right()
down()

# %% right="sequences-1-b"
for time in range(2):
    right()
down()
down()

# %% wrong="sequences-1-b"
right()
down()
down()
# ---
left()
right()
down()
down()

# %% [markdown]
# ## Exercise 3: the long journey
#
# The treasure is far away, at the top left. Pixel starts at the bottom right:
#
# ```
# T . . .
# . . . .
# . . . P
# ```
#
# Take Pixel to the treasure, **only** through squares of the grid.

# %% [markdown] hints="sequences-1-c"
# 1. The treasure is to the left of Pixel and above it.
# 2. Count: 3 squares left, 2 squares up.
# 3. Write `left()` 3 times, then `up()` 2 times.

# %% solution="sequences-1-c" blocks="pixel"
start("""
T . . .
. . . .
. . . P
""")
### BEGIN SOLUTION
left()
left()
left()
up()
up()
### END SOLUTION
show()

# %% tests="sequences-1-c" points=2
assert bumps() == 0, (
    f"Pixel bumped into the edge of the grid {bumps()} times. Count the squares carefully!"
)
assert position() == treasure(), f"Pixel is not on the treasure yet: {gap(treasure())}."

# %% wrong="sequences-1-c"
left()
left()
left()
up()

# %% right="sequences-1-c"
for time in range(3):
    left()
up()
up()

# %% wrong="sequences-1-c"
left()
left()
up()
up()
# ---
right()
left()
left()
up()
up()

# %% [markdown]
# Well done! You wrote your first programs: a **sequence** of orders, run in order.

# %% [markdown] sheet=true
# ## Objectives
# Give orders one by one, in order, to bring Pixel to the treasure.
# ## Duration
# 45 minutes.
# ## Prerequisites
# None: this is the first session. Knowing right from left.
# ## Unplugged warm-up
# The human robot: one child plays Pixel on a grid on the floor; the class gives the orders "right", "down"… one at a time.
# ## What to watch for
# Pixel's left and right are the screen's, not the child's. Forgotten brackets: `right` without `()` does nothing.
# ## Helping a child who is stuck
# Have the child count the squares with a finger on the screen, then write one order per square.
# ## Going further
# Ask for the shortest path, then for another path that works too.
