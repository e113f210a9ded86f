# %% [markdown]
# # Mind the walls
#
# Some grids have **walls**: `#`.
# If Pixel runs into a wall, it bumps ("Bong!") and stays where it is.
#
# The **order** of the instructions matters: first go around the wall, then move on.

# %% include="pixel"

# %% [markdown]
# ## Exercise 1: the little wall
#
# ```
# P # T
# . . .
# ```
#
# Take Pixel to the treasure **without bumping** into the wall.

# %% [markdown] hints="sequences-2-a"
# 1. Pixel cannot go straight: the wall is right next to it.
# 2. Use the row below to go around the wall.
# 3. `down()`, then `right()` 2 times, then `up()`.

# %% solution="sequences-2-a" blocks="pixel"
start("""
P # T
. . .
""")
### BEGIN SOLUTION
down()
right()
right()
up()
### END SOLUTION
show()

# %% tests="sequences-2-a" points=1
assert bumps() == 0, f"Bong! Pixel bumped {bumps()} times. Look carefully where the wall # is."
assert position() == treasure(), f"Pixel is not on the treasure yet: {gap(treasure())}."

# %% wrong="sequences-2-a"
down()
right()
right()
# ---
right()
down()
right()
up()

# %% right="sequences-2-a"
down()
for time in range(2):
    right()
up()

# %% wrong="sequences-2-a"
right()
right()
up()

# %% [markdown]
# ## Exercise 2: the corridor
#
# ```
# P . # T
# # . # .
# . . . .
# ```
#
# Find the way to the treasure, without bumping into anything.

# %% [markdown] hints="sequences-2-b"
# 1. With your finger, follow the `.` squares from Pixel to the treasure.
# 2. The path goes down the 2nd column, along the bottom, then back up the last column.
# 3. `right()`, `down()`, `down()`, `right()`, `right()`, `up()`, `up()`.

# %% solution="sequences-2-b" blocks="pixel"
start("""
P . # T
# . # .
. . . .
""")
### BEGIN SOLUTION
right()
down()
down()
right()
right()
up()
up()
### END SOLUTION
show()

# %% tests="sequences-2-b" points=2
assert bumps() == 0, f"Bong! Pixel bumped {bumps()} times. Follow the corridor with your finger."
assert position() == treasure(), f"Pixel is not on the treasure yet: {gap(treasure())}."

# %% wrong="sequences-2-b"
right()
down()
down()
right()
right()
up()
# ---
down()
right()
down()
right()
right()
up()
up()

# %% right="sequences-2-b"
right()
for time in range(2):
    down()
right()
right()
up()
up()

# %% wrong="sequences-2-b"
down()
down()
right()
right()
up()
up()

# %% [markdown]
# ## Exercise 3: the key first!
#
# The treasure is locked. Pixel must **first** go over the key `K`, **then** go to the treasure.
#
# ```
# P . . #
# # # . #
# K . . .
# # # # T
# ```

# %% [markdown] hints="sequences-2-c"
# 1. Split the problem: first the way to the key, then the way from the key to the treasure.
# 2. To the key: right 2 times, down 2 times, left 2 times.
# 3. Then, from the key: right 3 times, then down once.

# %% solution="sequences-2-c" blocks="pixel"
start("""
P . . #
# # . #
K . . .
# # # T
""")
### BEGIN SOLUTION
right()
right()
down()
down()
left()
left()
right()
right()
right()
down()
### END SOLUTION
show()

# %% tests="sequences-2-c" points=3
assert key() in path(), "Pixel did not go over the key K: the treasure stays locked. Fetch the key first!"
assert bumps() == 0, f"Bong! Pixel bumped {bumps()} times. Check every step."
assert position() == treasure(), f"Pixel has the key but is not on the treasure: {gap(treasure())}."

# %% wrong="sequences-2-c"
right()
right()
down()
down()
left()
left()
right()
right()
right()
# ---
right()
down()
right()
down()
left()
left()
right()
right()
right()
down()

# %% right="sequences-2-c"
for time in range(2):
    right()
down()
down()
left()
left()
right()
right()
right()
down()

# %% wrong="sequences-2-c"
right()
down()
down()
left()
left()
right()
right()
right()
down()

# %% [markdown] sheet=true
# ## Objectives
# Plan a path that avoids the walls; pick up the key before opening.
# ## Duration
# 45 minutes.
# ## Prerequisites
# Sequences 1 (first steps).
# ## Unplugged warm-up
# A path of chairs in the room: the class writes on the board the orders to go round it.
# ## What to watch for
# One order too many makes Pixel bump. The order of actions matters: the key first.
# ## Helping a child who is stuck
# Draw the path in pencil on squared paper before writing.
# ## Going further
# Find a path with fewer orders.
